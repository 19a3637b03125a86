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
    catalog: str = ""  # the 1C catalog's Ид ('' when its files did not say)


def _table(prefix: str) -> str:
    return own_table(prefix, "catalog_exports")


_COLUMNS = (
    "id, started_us, first_file, kinds, status, portions, unfinished, message, removed,"
    " opened_at, updated_at, catalog"
)


def _export(row: tuple) -> Export:
    eid, started, first, kinds, status, portions, unfinished, message, removed, opened, upd, cat = (
        row
    )
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
        cat,
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
    catalog: str = "",
) -> Export:
    now = int(time.time())
    cur.execute(
        f"INSERT INTO {_table(prefix)} (started_us, first_file, kinds, status, portions,"
        " unfinished, message, removed, opened_at, updated_at, catalog)"
        " VALUES (%s, %s, %s, %s, 1, '[]', '', '{}', %s, %s, %s)",
        (started_us, first_file[:255], ",".join(kinds), OPEN, now, now, catalog[:191]),
    )
    return Export(
        cur.lastrowid, started_us, first_file, kinds, OPEN, 1, [], "", {}, now, now, catalog
    )


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


def assign(cur: pymysql.cursors.Cursor, prefix: str, catalog: str, since_us: int) -> None:
    """The products and categories 1C sent since `since_us` (the file just imported: imports
    run one at a time) belong to `catalog`."""
    cur.execute(
        f"UPDATE {own_table(prefix, 'id_map')} SET catalog = %s"
        " WHERE kind IN ('product', 'category') AND seen_at >= %s AND catalog <> %s",
        (catalog[:191], since_us, catalog[:191]),
    )


def scope(cur: pymysql.cursors.Cursor, prefix: str, catalog: str) -> tuple[str, tuple]:
    """The id-map condition (on alias `m`) for the items of a catalog's export: those it
    holds, and those no catalog was recorded for unless the shop has had exchanges from more
    than one classifier (they may be another catalog's, sent before catalogs were recorded).
    A file that names no catalog covers every item, as always."""
    if not catalog:
        return "1 = 1", ()
    cur.execute(f"SELECT COUNT(*) FROM {own_table(prefix, 'sources')}")
    if int(cur.fetchone()[0]) > 1:
        return "m.catalog = %s", (catalog[:191],)
    return "m.catalog IN (%s, '')", (catalog[:191],)


def unseen(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, before: int, catalog: str
) -> dict[str, int]:
    """Items of a kind in a catalog (see `scope`) 1C has not sent since `before`."""
    where, args = scope(cur, prefix, catalog)
    cur.execute(
        f"SELECT m.ext_id, m.xc_id FROM {own_table(prefix, 'id_map')} m"
        f" WHERE m.kind = %s AND m.seen_at < %s AND {where}",
        (kind, before, *args),
    )
    return dict(cur.fetchall())
