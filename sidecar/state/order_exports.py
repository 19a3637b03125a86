"""Two-phase order export: `sale/query` records exactly which order versions it sent
(pending, per session); only `sale/success` makes them exported. A query 1C never confirms
sends the same orders again; an order changed after the query goes out again."""

from __future__ import annotations

import time
from collections.abc import Iterable

import pymysql

from . import own_table


def exports_table(prefix: str) -> str:
    return own_table(prefix, "order_exports")


def _queries(prefix: str) -> str:
    return own_table(prefix, "order_queries")


def record_query(
    cur: pymysql.cursors.Cursor, prefix: str, session_id: int, sent: Iterable[tuple[int, str]]
) -> None:
    """(order id, fingerprint) of what this query sent; replaces an earlier unconfirmed query."""
    cur.execute(f"DELETE FROM {_queries(prefix)} WHERE session_id = %s", (session_id,))
    cur.executemany(
        f"INSERT INTO {_queries(prefix)} (session_id, order_id, fingerprint) VALUES (%s, %s, %s)",
        [(session_id, oid, fp) for oid, fp in sent],
    )


def confirm(cur: pymysql.cursors.Cursor, prefix: str, session_id: int, vendor: int = 0) -> int:
    """1C stored what the session's last query sent: mark exactly those versions exported
    (for the 1C of the store owner, vendor 0, or of a vendor)."""
    cur.execute(
        f"INSERT INTO {exports_table(prefix)} (vendor_id, order_id, fingerprint, exported_at)"
        f" SELECT %s, order_id, fingerprint, %s FROM {_queries(prefix)} WHERE session_id = %s"
        " ON DUPLICATE KEY UPDATE fingerprint = VALUES(fingerprint),"
        " exported_at = VALUES(exported_at)",
        (vendor, int(time.time()), session_id),
    )
    cur.execute(f"DELETE FROM {_queries(prefix)} WHERE session_id = %s", (session_id,))
    return cur.rowcount


def known_to_1c(
    cur: pymysql.cursors.Cursor, prefix: str, order_id: int, fingerprint: str, vendor: int = 0
) -> None:
    """A change that came from 1C is not news to that 1C (the store owner's, vendor 0, or a
    vendor's): the order is not sent back to it for it; the other 1C still get it."""
    cur.execute(
        f"UPDATE {exports_table(prefix)} SET fingerprint = %s WHERE order_id = %s"
        " AND vendor_id = %s",
        (fingerprint, order_id, vendor),
    )
