"""Full exports that 1C sends in portions, one session each (its node setting «Количество
товаров в одной порции»). One row per export: what it covers, when its first portion began (the
items 1C has not sent since then are what the export lacks), the files of the portions begun
and not yet finished, and how it ended. At most one export is open at a time; catalog imports
run one at a time per shop (the import lock), so the row needs no locking of its own."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

import pymysql

from . import own_table

OPEN, COMPLETE, INCOMPLETE, ABANDONED = "open", "complete", "incomplete", "abandoned"


@dataclass
class Export:
    id: int
    started_us: int
    first_file: str
    kinds: tuple[str, ...]
    status: str
    portions: int
    unfinished: list[str] = field(default_factory=list)
    message: str = ""
    removed: dict[str, int] = field(default_factory=dict)
    opened_at: int = 0
    updated_at: int = 0


def _table(prefix: str) -> str:
    return own_table(prefix, "catalog_exports")


_COLUMNS = (
    "id, started_us, first_file, kinds, status, portions, unfinished, message, removed,"
    " opened_at, updated_at"
)


def _export(row: tuple) -> Export:
    eid, started, first, kinds, status, portions, unfinished, message, removed, opened, upd = row
    return Export(
        eid,
        started,
        first,
        tuple(k for k in kinds.split(",") if k),
        status,
        portions,
        json.loads(unfinished or "[]"),
        message,
        json.loads(removed or "{}"),
        opened,
        upd,
    )


def current(cur: pymysql.cursors.Cursor, prefix: str) -> Export | None:
    """The export whose portions are arriving, if any."""
    cur.execute(
        f"SELECT {_COLUMNS} FROM {_table(prefix)} WHERE status = %s ORDER BY id DESC LIMIT 1",
        (OPEN,),
    )
    row = cur.fetchone()
    return _export(row) if row else None


def last_closed(cur: pymysql.cursors.Cursor, prefix: str) -> Export | None:
    cur.execute(
        f"SELECT {_COLUMNS} FROM {_table(prefix)} WHERE status <> %s ORDER BY id DESC LIMIT 1",
        (OPEN,),
    )
    row = cur.fetchone()
    return _export(row) if row else None


def open_export(
    cur: pymysql.cursors.Cursor,
    prefix: str,
    started_us: int,
    kinds: tuple[str, ...],
    first_file: str,
) -> Export:
    now = int(time.time())
    cur.execute(
        f"INSERT INTO {_table(prefix)} (started_us, first_file, kinds, status, portions,"
        " unfinished, message, removed, opened_at, updated_at)"
        " VALUES (%s, %s, %s, %s, 1, '[]', '', '{}', %s, %s)",
        (started_us, first_file[:255], ",".join(kinds), OPEN, now, now),
    )
    return Export(cur.lastrowid, started_us, first_file, kinds, OPEN, 1, [], "", {}, now, now)


def save(cur: pymysql.cursors.Cursor, prefix: str, export: Export) -> None:
    export.updated_at = int(time.time())
    cur.execute(
        f"UPDATE {_table(prefix)} SET status = %s, portions = %s, unfinished = %s, message = %s,"
        " removed = %s, updated_at = %s WHERE id = %s",
        (
            export.status,
            export.portions,
            json.dumps(export.unfinished, ensure_ascii=False),
            export.message,
            json.dumps(export.removed),
            export.updated_at,
            export.id,
        ),
    )
