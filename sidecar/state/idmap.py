"""The 1C Ид ⇄ X-Cart id map. Once an item has an entry it is matched by Ид only (a shop's own
item is linked by SKU, barcode or name just once, see catalog/linking.py), and a mapping
whose X-Cart row an admin deleted is treated as absent, so the item is created again instead of
updating nothing. `seen_at` is when 1C last sent the item: a full export disables the rest."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence

import pymysql

from ..db import placeholders, quote_identifier, update_from_rows
from ..xcart.entities import TARGETS
from ..xcart.schema import BULK_ROWS, xcart_table
from . import own_table


def now_us() -> int:
    """seen_at and job starts are in microseconds: two exchanges can fall in one second."""
    return time.time_ns() // 1000


COLUMNS = ("kind", "ext_id", "xc_id", "fingerprint", "updated_at", "seen_at")


def _table(prefix: str) -> str:
    return own_table(prefix, "id_map")


def _mapped(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str], columns: str
) -> list[tuple]:
    """`columns` of the entries of `ext_ids` whose X-Cart row still exists."""
    if not ext_ids:
        return []
    table, pk = TARGETS[kind]
    ids = list(dict.fromkeys(ext_ids))
    cur.execute(
        f"SELECT {columns} FROM {_table(prefix)} m"
        f" JOIN {xcart_table(prefix, table)} t ON t.{quote_identifier(pk)} = m.xc_id"
        f" WHERE m.kind = %s AND m.ext_id IN ({placeholders(ids)})",
        (kind, *ids),
    )
    return cur.fetchall()


def lookup(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]
) -> dict[str, tuple[int, str]]:
    """ext_id -> (X-Cart id, fingerprint of the last data written) for the ids that still exist."""
    rows = _mapped(cur, prefix, kind, ext_ids, "m.ext_id, m.xc_id, m.fingerprint")
    return {ext: (xc, fp) for ext, xc, fp in rows}


def ids(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]
) -> dict[str, int]:
    """ext_id -> X-Cart id for the ids that still exist (without the fingerprints: a third
    less for pymysql to read)."""
    return dict(_mapped(cur, prefix, kind, ext_ids, "m.ext_id, m.xc_id"))


def store(
    cur: pymysql.cursors.Cursor,
    prefix: str,
    kind: str,
    rows: Iterable[tuple[str, int, str]],
    xml_md5: Mapping[str, str] | None = None,
) -> None:
    """(ext_id, xc_id, fingerprint) upserts; each counts as seen now. `xml_md5`: the XML
    digest of each item written (catalog.unchanged), stored with it rather than by an update
    of the rows just inserted. A large batch (most often new items: a first exchange) is
    loaded by LOAD DATA LOCAL, which MariaDB stores for less than an upsert's work; when any
    of its rows was there already (LOCAL leaves a duplicate out) all of them go by the
    upsert."""
    now, seen = int(time.time()), now_us()
    values = [(kind, ext, xc, fp, now, seen) for ext, xc, fp in rows]
    columns, digest = COLUMNS, ""
    if xml_md5 is not None:
        values = [(*v, xml_md5.get(v[1], "")) for v in values]
        columns, digest = (*COLUMNS, "xml_md5"), ", xml_md5 = VALUES(xml_md5)"
    load = getattr(cur.connection, "load_rows", None)
    if (
        len(values) >= BULK_ROWS
        and load is not None
        and load(cur, _table(prefix), columns, values, strict=False)
    ):
        return
    if values:
        cur.executemany(
            f"INSERT INTO {_table(prefix)} ({', '.join(columns)})"
            f" VALUES ({placeholders(columns)})"
            " ON DUPLICATE KEY UPDATE xc_id = VALUES(xc_id), fingerprint = VALUES(fingerprint),"
            f" updated_at = VALUES(updated_at), seen_at = VALUES(seen_at){digest}",
            values,
        )


def xml_digests(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]
) -> dict[str, str]:
    """The XML digest each item had when it was last written, for items that still exist in
    the shop and were not invalidated since."""
    if not ext_ids:
        return {}
    table, pk = TARGETS[kind]
    cur.execute(
        f"SELECT m.ext_id, m.xml_md5 FROM {_table(prefix)} m"
        f" JOIN {xcart_table(prefix, table)} t ON t.{quote_identifier(pk)} = m.xc_id"
        f" WHERE m.kind = %s AND m.fingerprint <> '' AND m.xml_md5 <> ''"
        f" AND m.ext_id IN ({placeholders(ext_ids)})",
        (kind, *ext_ids),
    )
    return dict(cur.fetchall())


def set_xml_digests(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, digests: dict[str, str]
) -> None:
    """Record the XML digests of items just written (those without a row are left out)."""
    update_from_rows(
        cur,
        _table(prefix),
        "ext_id",
        ["xml_md5"],
        list(digests.items()),
        where=("t.kind = %s", (kind,)),
    )


def checksum(cur: pymysql.cursors.Cursor, prefix: str, kind: str) -> tuple[int, int]:
    """A checksum of which 1C item is which shop item, for a kind: changes when any does."""
    cur.execute(
        f"SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT(ext_id, ':', xc_id))), 0)"
        f" FROM {_table(prefix)} WHERE kind = %s",
        (kind,),
    )
    count, total = cur.fetchone()
    return int(count), int(total)


def touch(cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]) -> None:
    """Mark items as sent by 1C now, without changing anything else."""
    if ext_ids:
        cur.execute(
            f"UPDATE {_table(prefix)} SET seen_at = %s"
            f" WHERE kind = %s AND ext_id IN ({placeholders(ext_ids)})",
            (now_us(), kind, *ext_ids),
        )


def unseen(cur: pymysql.cursors.Cursor, prefix: str, kind: str, before: int) -> dict[str, int]:
    """Items of a kind 1C has not sent since `before` (ext_id → X-Cart id)."""
    cur.execute(
        f"SELECT ext_id, xc_id FROM {_table(prefix)} WHERE kind = %s AND seen_at < %s",
        (kind, before),
    )
    return dict(cur.fetchall())


def forget(cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]) -> None:
    if ext_ids:
        cur.execute(
            f"DELETE FROM {_table(prefix)} WHERE kind = %s AND ext_id IN ({placeholders(ext_ids)})",
            (kind, *ext_ids),
        )


def all_ids(cur: pymysql.cursors.Cursor, prefix: str, kind: str) -> list[int]:
    cur.execute(f"SELECT xc_id FROM {_table(prefix)} WHERE kind = %s", (kind,))
    return [r[0] for r in cur.fetchall()]


def seen_since(cur: pymysql.cursors.Cursor, prefix: str, kind: str, since: int) -> int:
    cur.execute(
        f"SELECT COUNT(*) FROM {_table(prefix)} WHERE kind = %s AND seen_at >= %s", (kind, since)
    )
    return cur.fetchone()[0]


def invalidate(cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]) -> None:
    """Forget what was written, so the next time 1C sends the items they are written again
    (a product disabled for missing from an export is enabled when it comes back)."""
    if ext_ids:
        cur.execute(
            f"UPDATE {_table(prefix)} SET fingerprint = '', xml_md5 = ''"
            f" WHERE kind = %s AND ext_id IN ({placeholders(ext_ids)})",
            (kind, *ext_ids),
        )


def ext_ids(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, xc_ids: Sequence[int]
) -> dict[int, str]:
    """X-Cart id → 1C Ид, for the items that came from 1C."""
    ids = [i for i in dict.fromkeys(xc_ids) if i is not None]
    if not ids:
        return {}
    cur.execute(
        f"SELECT xc_id, ext_id FROM {_table(prefix)}"
        f" WHERE kind = %s AND xc_id IN ({placeholders(ids)})",
        (kind, *ids),
    )
    return dict(cur.fetchall())


def recorded(
    cur: pymysql.cursors.Cursor, prefix: str, kind: str, ext_ids: Sequence[str]
) -> dict[str, int]:
    """ext_id → xc_id as recorded, whether or not the X-Cart row still exists (kinds that
    are records of their own, such as an undone link)."""
    if not ext_ids:
        return {}
    ids = list(dict.fromkeys(ext_ids))
    cur.execute(
        f"SELECT ext_id, xc_id FROM {_table(prefix)}"
        f" WHERE kind = %s AND ext_id IN ({placeholders(ids)})",
        (kind, *ids),
    )
    return dict(cur.fetchall())


def forget_characteristics(cur: pymysql.cursors.Cursor, prefix: str, product_ext: str) -> None:
    """Forget the variants of a 1C product's characteristics (their Ид is `product#sub`)."""
    escaped = product_ext.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    cur.execute(
        f"DELETE FROM {_table(prefix)} WHERE kind = 'variant' AND ext_id LIKE %s",
        (escaped + "#%",),
    )
