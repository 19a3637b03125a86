"""The 1C properties and warehouses seen so far: products and offers may arrive in a later file
(or exchange) than the classifier that defines them."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pymysql

from . import own_table


def store_properties(
    cur: pymysql.cursors.Cursor, prefix: str, props: Sequence[tuple[str, str, str]]
) -> None:
    """(ext_id, name, value type)."""
    now = int(time.time())
    cur.executemany(
        f"INSERT INTO {own_table(prefix, 'properties')}"
        " (ext_id, name, value_type, seen_at) VALUES (%s, %s, %s, %s) ON DUPLICATE KEY UPDATE"
        " name = VALUES(name), value_type = VALUES(value_type), seen_at = VALUES(seen_at)",
        [(ext, name[:255], vt[:64], now) for ext, name, vt in props],
    )


def load_properties(cur: pymysql.cursors.Cursor, prefix: str) -> dict[str, tuple[str, str]]:
    cur.execute(f"SELECT ext_id, name, value_type FROM {own_table(prefix, 'properties')}")
    return {ext: (name, vt) for ext, name, vt in cur.fetchall()}


def store_warehouses(
    cur: pymysql.cursors.Cursor, prefix: str, warehouses: Sequence[tuple[str, str]]
) -> None:
    now = int(time.time())
    cur.executemany(
        f"INSERT INTO {own_table(prefix, 'warehouses')} (ext_id, name, seen_at)"
        " VALUES (%s, %s, %s)"
        " ON DUPLICATE KEY UPDATE name = VALUES(name), seen_at = VALUES(seen_at)",
        [(ext, name[:255], now) for ext, name in warehouses if ext],
    )


def warehouse_ids(cur: pymysql.cursors.Cursor, prefix: str, wanted: Sequence[str]) -> set[str]:
    """Ид of the warehouses the `warehouses` setting names (by Ид or name, any case)."""
    cur.execute(f"SELECT ext_id, name FROM {own_table(prefix, 'warehouses')}")
    folded = set(wanted)
    return {
        ext for ext, name in cur.fetchall() if ext.casefold() in folded or name.casefold() in folded
    } | {w for w in wanted}
