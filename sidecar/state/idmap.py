"""The 1C Ид ⇄ X-Cart id map. Matching is by Ид only (never by name or SKU), and a mapping
whose X-Cart row an admin deleted is treated as absent, so the item is created again instead of
updating nothing."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

import pymysql

from ..db import placeholders, quote_identifier

# kind -> (X-Cart table, its primary key)
TARGETS = {"category": ("categories", "category_id"), "product": ("products", "product_id")}


def lookup(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]
) -> dict[str, tuple[int, str]]:
    """ext_id -> (X-Cart id, fingerprint of the last data written) for the ids that still exist."""
    if not ext_ids:
        return {}
    table, pk = TARGETS[kind]
    ids = list(dict.fromkeys(ext_ids))
    cur.execute(
        f"SELECT m.ext_id, m.xc_id, m.fingerprint FROM {quote_identifier(prefix + 'xc1c_id_map')} m"
        f" JOIN {quote_identifier(prefix + table)} t ON t.{quote_identifier(pk)} = m.xc_id"
        f" WHERE m.kind = %s AND m.ext_id IN ({placeholders(ids)})",
        (kind, *ids),
    )
    return {ext: (xc, fp) for ext, xc, fp in cur.fetchall()}


def store(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, rows: Iterable[tuple[str, int, str]]
) -> None:
    """(ext_id, xc_id, fingerprint) upserts."""
    now = int(time.time())
    values = [(kind, ext, xc, fp, now) for ext, xc, fp in rows]
    if values:
        cur.executemany(
            f"INSERT INTO {quote_identifier(prefix + 'xc1c_id_map')}"
            " (kind, ext_id, xc_id, fingerprint, updated_at) VALUES (%s, %s, %s, %s, %s)"
            " ON DUPLICATE KEY UPDATE xc_id = VALUES(xc_id), fingerprint = VALUES(fingerprint),"
            " updated_at = VALUES(updated_at)",
            values,
        )
