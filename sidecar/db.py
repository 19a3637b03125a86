"""Connections, transactions, advisory locks and batching. Knows MariaDB, not X-Cart."""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

import pymysql
from pymysql.constants.SERVER_STATUS import (
    SERVER_STATUS_NO_BACKSLASH_ESCAPES as NO_BACKSLASH_ESCAPES,
)

from .config import DatabaseParams

# Strict mode as X-Cart runs it (it only drops ONLY_FULL_GROUP_BY): a value that does not fit
# must fail loudly instead of being silently cut.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
SQL_MODE = "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION"


# What a string literal must escape when the server reads backslashes as escapes (the sql_mode
# set below never has NO_BACKSLASH_ESCAPES); the same table as pymysql's. str.translate walks a
# string a character at a time through this table (slowest on Cyrillic text), so a string is
# first searched for any of these characters, which most values have none of.
_ESCAPES = str.maketrans(
    {
        "\0": "\\0",
        "\\": "\\\\",
        "\n": "\\n",
        "\r": "\\r",
        "\032": "\\Z",
        "'": "\\'",
        '"': '\\"',
    }
)
_NEEDS_ESCAPES = re.compile("[" + re.escape("".join(map(chr, _ESCAPES))) + "]").search


# LOAD DATA's field escapes (FIELDS ESCAPED BY '\\'): a tab or new line inside a value must
# not end the field or the row.
_FIELD_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\0": "\\0"})
_NEEDS_FIELD_ESCAPES = re.compile("[" + re.escape("".join(map(chr, _FIELD_ESCAPES))) + "]").search
# What a server that does not take LOAD DATA LOCAL answers (MariaDB, MySQL 8, the client side).
LOCAL_REFUSED = {1148, 2068, 3948, 4166}
log = logging.getLogger(__name__)


def _field(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return value if _NEEDS_FIELD_ESCAPES(value) is None else value.translate(_FIELD_ESCAPES)
    if value is None:
        return "\\N"
    if kind is bool:
        return "1" if value else "0"
    if kind is Decimal:
        return format(value, "f")
    if kind is bytes:
        return value.decode("utf-8").translate(_FIELD_ESCAPES)
    return str(value)


def _column(values: list[Any]) -> Iterable[str]:
    """A column's fields. Most columns hold one type: ints, or strings none of which needs an
    escape (one search of them all tells), and go through C-level calls, not `_field` each."""
    kinds = set(map(type, values))
    if kinds == {str}:
        if _NEEDS_FIELD_ESCAPES("".join(values)) is None:
            return values
    elif kinds == {int}:
        return map(str, values)
    return map(_field, values)


def _load_data(rows: Sequence[Sequence[Any]]) -> bytes:
    """LOAD DATA's text of `rows`, built a column at a time (see _column)."""
    if not rows:
        return b""
    columns = [_column(list(c)) for c in zip(*rows, strict=True)]
    return ("\n".join(map("\t".join, zip(*columns, strict=True))) + "\n").encode("utf-8")


class _Result(pymysql.connections.MySQLResult):
    """Answers the server's request for the data of a LOAD DATA LOCAL with the rows the
    sidecar handed over, from memory, whatever file name the request carries: a server may ask
    for any file of the client, and this one sends none."""

    def _read_load_local_packet(self, first_packet: Any) -> None:
        conn = self.connection
        data, conn.pending_load = conn.pending_load, None
        try:
            if data is not None:
                size = 16 * 1024
                for start in range(0, len(data), size):
                    conn.write_packet(data[start : start + size])
        finally:
            conn.write_packet(b"")  # the end of the data
            ok_packet = conn._read_packet()  # raises the server's error, if any
        if data is None:
            raise pymysql.err.OperationalError(2068, "the server asked for a local file")
        self._read_ok_packet(ok_packet)


def _literals(conn: pymysql.Connection, values: Sequence[Any]) -> Iterable[str]:
    """SQL literals of `values`, most often one column's or one IN list's. Values of one type
    (ints; strings none of which needs an escape, which one search of them all tells) go
    through C-level calls instead of `escape` a value at a time: pymysql's call per value was
    the largest share of the import's own time (918,000 values at 10k products)."""
    kinds = set(map(type, values))
    if len(kinds) == 1:
        kind = kinds.pop()
        if kind is int:
            return map(str, values)
        if (
            kind is str
            and not conn.server_status & NO_BACKSLASH_ESCAPES
            and _NEEDS_ESCAPES("".join(values)) is None
        ):
            return map("'{}'".format, values)
    return map(conn.escape, values)


def values_sql(conn: pymysql.Connection, rows: Sequence[Sequence[Any]]) -> list[str]:
    """`(v1, v2, …)` literal text of each row, escaped a column at a time (_literals)."""
    if not rows:
        return []
    columns = [_literals(conn, c) for c in zip(*rows, strict=True)]
    return ["(" + row + ")" for row in map(", ".join, zip(*columns, strict=True))]


class Cursor(pymysql.cursors.Cursor):
    """pymysql's cursor with its parameters escaped a column at a time: an IN list or a
    multi-row INSERT's rows (`executemany`) cost a few C-level calls per column instead of
    one call per value. The statements sent are the same text."""

    def _mogrify(self, query: str, args: Any) -> str:
        if type(args) in (list, tuple) and len(args) > 1:
            try:
                return query % tuple(_literals(self._get_db(), args))
            except TypeError as exc:
                raise pymysql.err.ProgrammingError(str(exc)) from exc
        return super()._mogrify(query, args)

    def _do_execute_many(
        self,
        prefix: str,
        values: str,
        postfix: str,
        args: Any,
        max_stmt_length: int,
        encoding: str,
    ) -> int:
        rows = list(args)
        if "%(" in values or not all(type(r) in (list, tuple) for r in rows):
            return super()._do_execute_many(
                prefix, values, postfix, rows, max_stmt_length, encoding
            )
        if values.count("%s") != len(rows[0]):
            raise pymysql.err.ProgrammingError("not all arguments converted")
        total, parts, size = 0, [], len(prefix) + len(postfix)
        for text in values_sql(self._get_db(), rows):
            # the text's length in characters: the limit is a soft one (pymysql's default
            # max_stmt_length is a thousandth of MariaDB's max_allowed_packet)
            if parts and size + len(text) + 1 > max_stmt_length:
                total += self.execute(prefix + ",".join(parts) + postfix)
                parts, size = [], len(prefix) + len(postfix)
            parts.append(text)
            size += len(text) + 1
        total += self.execute(prefix + ",".join(parts) + postfix)
        self.rowcount = total
        return total


class Connection(pymysql.connections.Connection):
    """pymysql's connection with a faster literal for the values a batch carries most
    (strings, ints, Decimals, None): pymysql's generic path costs more than MariaDB's work on
    a multi-row insert. Anything else, or a server without backslash escapes, goes the
    generic way. Large batches of rows go by LOAD DATA LOCAL (load_rows) where the server
    takes it: MariaDB stores them about 1.6 times as fast as the same rows in INSERTs."""

    pending_load: bytes | None = None

    # Why rows go by INSERT (the server refused LOAD DATA LOCAL); empty while it takes it.
    load_refused: str = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("cursorclass", Cursor)
        self._arguments = (args, kwargs)
        super().__init__(*args, **kwargs)

    def sibling(self) -> Connection:
        """A second connection to the same database with the same session settings: what a
        batch pipeline writes on while this one reads (catalog.pipeline)."""
        args, kwargs = self._arguments
        return type(self)(*args, **kwargs)

    def _read_query_result(self, unbuffered: bool = False) -> int:
        self._result = None
        result = _Result(self)
        if unbuffered:
            result.init_unbuffered_query()
        else:
            result.read()
        self._result = result
        if result.server_status is not None:
            self.server_status = result.server_status
        return result.affected_rows

    def write_path(self) -> str:
        """How batches of rows reach the database, for the exchange log."""
        if self.load_refused:
            return f"multi-row INSERT (the server refuses LOAD DATA LOCAL: {self.load_refused})"
        return "LOAD DATA LOCAL from memory (small batches: multi-row INSERT)"

    def load_rows(
        self,
        cur: pymysql.cursors.Cursor,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        strict: bool = True,
    ) -> bool:
        """LOAD DATA LOCAL of `rows` into `table` (quoted) from memory, as strict as an INSERT:
        any warning (a value that does not fit, a duplicate key, which LOCAL turns into
        warnings) fails the statement. False, and INSERTs from then on, when the server
        refuses LOAD DATA LOCAL (hosting providers switch local_infile off). Not `strict`:
        False too when any row was not stored as given (a duplicate key left out, a value
        cut), for a caller that then writes them all the strict way (an upsert) in the same
        transaction."""
        if self.load_refused:
            return False
        self.pending_load = _load_data(rows)
        names = ", ".join(quote_identifier(c) for c in columns)
        try:
            cur.execute(
                f"LOAD DATA LOCAL INFILE 'xc1c' INTO TABLE {table} CHARACTER SET utf8mb4"
                f" FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ({names})"
            )
        except pymysql.err.MySQLError as exc:
            if not exc.args or exc.args[0] not in LOCAL_REFUSED:
                raise
            self.load_refused = str(exc.args[-1])
            log.warning("rows go by INSERT: the server refuses LOAD DATA LOCAL (%s)", exc)
            return False
        finally:
            self.pending_load = None
        if self._result.warning_count or cur.rowcount != len(rows):
            if not strict:
                return False
            cur.execute("SHOW WARNINGS LIMIT 3")
            problems = "; ".join(f"{level} {code}: {text}" for level, code, text in cur.fetchall())
            raise pymysql.err.DataError(
                1265, f"{table}: {cur.rowcount} of {len(rows)} rows stored: {problems}"
            )
        return True

    def escape(self, obj: Any, mapping: Any = None) -> str:
        kind = type(obj)
        if kind is str and not self.server_status & NO_BACKSLASH_ESCAPES:
            if _NEEDS_ESCAPES(obj) is None:
                return "'" + obj + "'"
            return "'" + obj.translate(_ESCAPES) + "'"
        if kind is int:
            return str(obj)
        if obj is None:
            return "NULL"
        if kind is Decimal:
            return format(obj, "f")
        return super().escape(obj, mapping)


def connect(params: DatabaseParams, database: str | None = None) -> pymysql.Connection:
    """A connection in X-Cart's charset with autocommit off: every write is in a transaction."""
    kwargs: dict[str, Any] = {
        "user": params.user,
        "password": params.password,
        "charset": params.charset,
        "autocommit": False,
        "init_command": f"SET SESSION sql_mode = '{SQL_MODE}'",
        "connect_timeout": 10,
        # Only ever answered with rows from memory (_Result): no file of this host is read.
        "local_infile": True,
    }
    if params.unix_socket or params.host in LOCAL_HOSTS:
        # No network to protect: skip pymysql's opportunistic TLS handshake on every connect.
        kwargs["ssl_disabled"] = True
    if params.unix_socket:
        kwargs["unix_socket"] = params.unix_socket
    else:
        kwargs["host"] = params.host
        kwargs["port"] = params.port
    db = params.database if database is None else database
    if db:
        kwargs["database"] = db
    return Connection(**kwargs)


@contextmanager
def transaction(conn: pymysql.Connection) -> Iterator[pymysql.cursors.Cursor]:
    """Commit on success, roll back on any error: a batch is written whole or not at all."""
    cur = conn.cursor()
    try:
        yield cur
        conn.commit()
    except BaseException:
        # A lost connection has nothing to roll back (the server undid it): its error, not
        # the rollback's, is the one to report.
        with contextlib.suppress(pymysql.err.MySQLError):
            conn.rollback()
        raise
    finally:
        cur.close()


@contextmanager
def advisory_lock(conn: pymysql.Connection, name: str, wait_seconds: float = 0) -> Iterator[bool]:
    """A MariaDB named lock: held across workers and instances that share the database, and
    released by the server when the holder's connection dies."""
    with conn.cursor() as cur:
        cur.execute("SELECT GET_LOCK(%s, %s)", (name, wait_seconds))
        got = cur.fetchone()[0] == 1
    try:
        yield got
    finally:
        if got:
            with conn.cursor() as cur:
                cur.execute("SELECT RELEASE_LOCK(%s)", (name,))


def placeholders(values: Sequence[Any]) -> str:
    """`%s, %s, …` for an IN list (values stay parameters; only the count is formatted)."""
    return ", ".join(["%s"] * len(values))


def quote_identifier(name: str) -> str:
    """Backtick-quote a table or column name that came from information_schema or code."""
    return "`" + name.replace("`", "``") + "`"


def update_from_rows(
    cur: pymysql.cursors.Cursor,
    table: str,
    key: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    assignments: Mapping[str, str] | None = None,
    where: tuple[str, Sequence[Any]] | None = None,
) -> None:
    """Update many rows with one statement: `UPDATE table JOIN (SELECT … UNION ALL …) v`.
    `rows` are (key, *columns) tuples; `assignments` replaces the default `t.c = v.c` of a
    column (e.g. `t.price = COALESCE(v.price, t.price)`); `where` is an extra condition on
    `t` with its parameters. `table` is already quoted."""
    if not rows:
        return
    names = [key, *columns]
    conn = cur.connection
    columns_text = [_literals(conn, c) for c in zip(*rows, strict=True)]
    texts = list(map(", ".join, zip(*columns_text, strict=True)))
    first = "SELECT " + ", ".join(
        f"{value} AS {quote_identifier(c)}"
        for value, c in zip(map(conn.escape, rows[0]), names, strict=True)
    )
    rest = "".join(" UNION ALL SELECT " + text for text in texts[1:])
    sets = ", ".join(
        (assignments or {}).get(c, f"t.{quote_identifier(c)} = v.{quote_identifier(c)}")
        for c in columns
    )
    k = quote_identifier(key)
    condition, condition_args = where or ("", ())
    # The rows are literal text already: the statement goes without parameters.
    cur.execute(
        f"UPDATE {table} t JOIN ({first}{rest}) v ON t.{k} = v.{k} SET {sets}"
        + (f" WHERE {cur.mogrify(condition, condition_args)}" if condition else "")
    )
