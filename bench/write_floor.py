"""The write floor: how long MariaDB itself takes to store the rows an import wrote. The tables
that grew are dumped (not timed) and loaded into a fresh X-Cart schema in another database with
`LOAD DATA LOCAL INFILE`, parents before children, foreign-key and unique checks on; the time
of the loads is the floor no client can beat on this server."""

from __future__ import annotations

import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pymysql
from harness import PREFIX

from sidecar.config import DatabaseParams
from sidecar.db import connect, quote_identifier
from sidecar.state.migrations import migrate
from sidecar.xcart.install import create_xcart_schema


def counts(conn: pymysql.Connection) -> dict[str, int]:
    """Rows per table of the current database (exact: COUNT(*))."""
    conn.commit()
    with conn.cursor() as cur:
        cur.execute(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
            " AND TABLE_TYPE = 'BASE TABLE'"
        )
        names = [r[0] for r in cur.fetchall()]
        out = {}
        for name in names:
            cur.execute(f"SELECT COUNT(*) FROM {quote_identifier(name)}")
            out[name] = cur.fetchone()[0]
    return out


def _parents_first(conn: pymysql.Connection, tables: list[str]) -> list[str]:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT TABLE_NAME, REFERENCED_TABLE_NAME FROM information_schema.KEY_COLUMN_USAGE"
            " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
        )
        parents: dict[str, set[str]] = {}
        for child, parent in cur.fetchall():
            if child != parent:
                parents.setdefault(child, set()).add(parent)
    ordered: list[str] = []
    todo = set(tables)
    while todo:
        ready = sorted(t for t in todo if not (parents.get(t, set()) & todo))
        if not ready:  # a cycle: keep the rest in name order
            ready = sorted(todo)
        ordered += ready
        todo -= set(ready)
    return ordered


def _field(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bytes):
        value = value.decode("utf-8", "surrogateescape")
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def write_floor(
    conn: pymysql.Connection, params: DatabaseParams, before: dict[str, int]
) -> tuple[float, int]:
    """(seconds, rows) to LOAD DATA the rows of every table that grew since `before` into an
    empty copy of the shop's schema."""
    after = counts(conn)
    grown = [t for t, n in after.items() if n > before.get(t, 0)]
    target = f"{params.database}_floor"
    admin = connect(replace(params, database=""))
    with admin.cursor() as cur:
        cur.execute(f"CREATE DATABASE {quote_identifier(target)} CHARACTER SET utf8mb4"
                    " COLLATE utf8mb4_unicode_ci")  # fmt: skip
    admin.close()
    floor = pymysql.connect(host=params.host, port=params.port, user=params.user,
                            password=params.password, database=target, charset="utf8mb4",
                            local_infile=True, autocommit=False)  # fmt: skip
    try:
        create_xcart_schema(floor, PREFIX)
        migrate(floor, PREFIX)
        with floor.cursor() as cur:  # the seed rows a fresh schema has go: every row is loaded
            cur.execute("SET FOREIGN_KEY_CHECKS = 0")
            for table in grown:
                cur.execute(f"DELETE FROM {quote_identifier(table)}")
            cur.execute("SET FOREIGN_KEY_CHECKS = 1")
        floor.commit()
        seconds, loaded = 0.0, 0
        with tempfile.TemporaryDirectory(
            dir="/dev/shm" if Path("/dev/shm").is_dir() else None
        ) as d:
            for table in _parents_first(floor, grown):
                path = Path(d) / f"{table}.tsv"
                with conn.cursor(pymysql.cursors.SSCursor) as src:
                    src.execute(f"SELECT * FROM {quote_identifier(table)}")
                    columns = [c[0] for c in src.description]
                    with path.open("w", encoding="utf-8", errors="surrogateescape") as out:
                        for row in src:
                            out.write("\t".join(_field(v) for v in row) + "\n")
                            loaded += 1
                names = ", ".join(quote_identifier(c) for c in columns)
                start = time.perf_counter()
                with floor.cursor() as cur:
                    cur.execute(
                        f"LOAD DATA LOCAL INFILE %s INTO TABLE {quote_identifier(table)}"
                        " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\'"
                        f" LINES TERMINATED BY '\\n' ({names})",
                        (str(path),),
                    )
                floor.commit()
                seconds += time.perf_counter() - start
        return seconds, loaded
    finally:
        floor.close()
        admin = connect(replace(params, database=""))
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {quote_identifier(target)}")
        admin.close()
