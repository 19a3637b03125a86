"""Connections, transactions, advisory locks and batching. Knows MariaDB, not X-Cart."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
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
# set below never has NO_BACKSLASH_ESCAPES); the same table as pymysql's.
_ESCAPES = str.maketrans({
    "\0": "\\0", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\032": "\\Z", "'": "\\'",
    '"': '\\"',
})  # fmt: skip


class Connection(pymysql.connections.Connection):
    """pymysql's connection with a faster literal for the values a batch carries most
    (strings, ints, Decimals, None): pymysql's generic path costs more than MariaDB's work on
    a multi-row insert. Anything else, or a server without backslash escapes, goes the
    generic way."""

    def escape(self, obj: Any, mapping: Any = None) -> str:
        kind = type(obj)
        if kind is str and not self.server_status & NO_BACKSLASH_ESCAPES:
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
    first = "SELECT " + ", ".join(f"%s AS {quote_identifier(c)}" for c in names)
    rest = " UNION ALL SELECT " + ", ".join(["%s"] * len(names))
    sets = ", ".join(
        (assignments or {}).get(c, f"t.{quote_identifier(c)} = v.{quote_identifier(c)}")
        for c in columns
    )
    k = quote_identifier(key)
    condition, condition_args = where or ("", ())
    cur.execute(
        f"UPDATE {table} t JOIN ({first}{rest * (len(rows) - 1)}) v ON t.{k} = v.{k} SET {sets}"
        + (f" WHERE {condition}" if condition else ""),
        [*(value for row in rows for value in row), *condition_args],
    )
