"""The order changes 1C sent, recorded before they are applied. The module's PHP side in X-Cart
reads this table and applies them through X-Cart's own order model (waiting → applied, or back
to waiting with the error, failed after five tries); the sidecar applies them itself only when
that side is absent or has not answered for too long. One row per order and change, so a change
1C sends again is recognised and applied at most once, whoever applies it."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass

import pymysql

from ..db import placeholders
from . import own_table

WAITING, APPLIED, FAILED = "waiting", "applied", "failed"
BY_XCART, BY_SIDECAR = "xcart", "direct"
LOCK_WAIT_TIMEOUT = 1205


def _table(prefix: str) -> str:
    return own_table(prefix, "order_changes")


def record(
    cur: pymysql.cursors.Cursor,
    prefix: str,
    order_id: int,
    onec_id: str,
    version: str,
    key: str,
    payload: str,
    vendor: int = 0,
) -> int | None:
    """The new row's id, or None when this change of this order was recorded before.
    `onec_id`: 1C's Ид of the document ('' when it was the order's own id); `vendor`: whose 1C
    sent it (0: the store owner's)."""
    now = int(time.time())
    cur.execute(
        f"INSERT IGNORE INTO {_table(prefix)} (order_id, vendor_id, onec_id, version, change_key,"
        " payload, state, error, result, created, updated)"
        " VALUES (%s, %s, %s, %s, %s, %s, %s, '', '', %s, %s)",
        (order_id, vendor, onec_id[:64], version[:64], key, payload, WAITING, now, now),
    )
    return cur.lastrowid if cur.rowcount == 1 else None


def order_of(cur: pymysql.cursors.Cursor, prefix: str, onec_id: str) -> int | None:
    """The order an earlier document with this 1C Ид named (the latest, if several)."""
    cur.execute(
        f"SELECT order_id FROM {_table(prefix)} WHERE onec_id = %s ORDER BY id DESC LIMIT 1",
        (onec_id[:64],),
    )
    row = cur.fetchone()
    return None if row is None else int(row[0])


def linked_orders(cur: pymysql.cursors.Cursor, prefix: str) -> int:
    """How many orders 1C's documents have named by 1C's own Ид."""
    cur.execute(f"SELECT COUNT(DISTINCT order_id) FROM {_table(prefix)} WHERE onec_id <> ''")
    return int(cur.fetchone()[0])


def claim(cur: pymysql.cursors.Cursor, prefix: str, change_id: int) -> bool:
    """Lock a waiting change for this transaction (X-Cart's side locks it the same way), so
    whoever gets it applies it once; False when it is no longer waiting, or X-Cart holds it
    (waited for two seconds, not the server's fifty)."""
    cur.execute(
        "SET @xc1c_wait = @@SESSION.innodb_lock_wait_timeout, SESSION innodb_lock_wait_timeout = 2"
    )
    try:
        cur.execute(f"SELECT state FROM {_table(prefix)} WHERE id = %s FOR UPDATE", (change_id,))
        row = cur.fetchone()
    except pymysql.err.OperationalError as exc:
        if exc.args[0] != LOCK_WAIT_TIMEOUT:
            raise
        return False  # X-Cart is applying it right now
    finally:
        cur.execute("SET SESSION innodb_lock_wait_timeout = @xc1c_wait")
    return row is not None and row[0] == WAITING


def applied_directly(cur: pymysql.cursors.Cursor, prefix: str, change_id: int, note: str) -> None:
    cur.execute(
        f"UPDATE {_table(prefix)} SET state = %s, applied_by = %s, result = %s, settled = 1,"
        " attempts = attempts + 1, updated = %s WHERE id = %s",
        (APPLIED, BY_SIDECAR, note, int(time.time()), change_id),
    )


def waiting(cur: pymysql.cursors.Cursor, prefix: str) -> list[tuple[int, int, int]]:
    """(id, order id, recorded at) of the changes not applied yet, oldest first."""
    cur.execute(
        f"SELECT id, order_id, created FROM {_table(prefix)} WHERE state = %s ORDER BY id",
        (WAITING,),
    )
    return list(cur.fetchall())


def payloads(cur: pymysql.cursors.Cursor, prefix: str, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    cur.execute(
        f"SELECT id, payload FROM {_table(prefix)} WHERE id IN ({placeholders(ids)})", tuple(ids)
    )
    return dict(cur.fetchall())


@dataclass(frozen=True)
class Row:
    id: int
    order_id: int
    state: str
    applied_by: str
    attempts: int
    error: str
    result: str
    updated: int


_COLUMNS = "id, order_id, state, applied_by, attempts, error, result, updated"


def rows(cur: pymysql.cursors.Cursor, prefix: str, ids: Sequence[int]) -> list[Row]:
    if not ids:
        return []
    cur.execute(
        f"SELECT {_COLUMNS} FROM {_table(prefix)} WHERE id IN ({placeholders(ids)}) ORDER BY id",
        tuple(ids),
    )
    return [Row(*r) for r in cur.fetchall()]


def unsettled(cur: pymysql.cursors.Cursor, prefix: str) -> list[tuple[int, int, int]]:
    """(id, order id, whose 1C sent it) of the changes X-Cart applied that the sidecar has not
    yet taken into account (the order's state as that 1C now knows it)."""
    cur.execute(
        f"SELECT id, order_id, vendor_id FROM {_table(prefix)} WHERE state = %s AND settled = 0"
        " ORDER BY id",
        (APPLIED,),
    )
    return list(cur.fetchall())


def sender(cur: pymysql.cursors.Cursor, prefix: str, change_id: int) -> int:
    """Whose 1C sent a change: 0 the store owner's, else the vendor's."""
    cur.execute(f"SELECT vendor_id FROM {_table(prefix)} WHERE id = %s", (change_id,))
    row = cur.fetchone()
    return int(row[0]) if row else 0


def settle(cur: pymysql.cursors.Cursor, prefix: str, ids: Sequence[int]) -> None:
    if ids:
        cur.execute(
            f"UPDATE {_table(prefix)} SET settled = 1 WHERE id IN ({placeholders(ids)})",
            tuple(ids),
        )


def summary(cur: pymysql.cursors.Cursor, prefix: str, limit: int = 20) -> tuple[dict, list[Row]]:
    """Counts by state and by who applied them, and the latest changes not applied."""
    cur.execute(
        f"SELECT state, applied_by, COUNT(*) FROM {_table(prefix)} GROUP BY state, applied_by"
    )
    counts: dict[str, int] = {}
    for state, by, n in cur.fetchall():
        counts[f"{state} {by}".strip()] = n
    cur.execute(
        f"SELECT {_COLUMNS} FROM {_table(prefix)} WHERE state <> %s ORDER BY id DESC LIMIT %s",
        (APPLIED, limit),
    )
    return counts, [Row(*r) for r in cur.fetchall()]


def last_direct_reason(cur: pymysql.cursors.Cursor, prefix: str) -> str:
    """Why the latest change the sidecar applied itself did not go through X-Cart."""
    cur.execute(
        f"SELECT result FROM {_table(prefix)} WHERE applied_by = %s ORDER BY id DESC LIMIT 1",
        (BY_SIDECAR,),
    )
    row = cur.fetchone()
    try:
        return str(json.loads(row[0]).get("reason", "")) if row else ""
    except (ValueError, AttributeError):
        return ""
