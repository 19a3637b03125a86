"""What 1C last said about each offer and price type. Prices, stock and characteristics can
arrive in different files (offers, prices___, rests___), so a product's price and stock are
computed from these rows, not from whichever file came last."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import pymysql

from ..db import placeholders, update_from_rows
from . import own_table


def store_price_types(
    cur: pymysql.cursors.Cursor, prefix: str, types: Sequence[tuple[str, str, str]]
) -> None:
    """(ext_id, name, currency) in the order 1C lists them."""
    now = int(time.time())
    cur.executemany(
        f"INSERT INTO {own_table(prefix, 'price_types')}"
        " (ext_id, name, currency, position, seen_at) VALUES (%s, %s, %s, %s, %s)"
        " ON DUPLICATE KEY UPDATE name = VALUES(name), currency = VALUES(currency),"
        " position = VALUES(position), seen_at = VALUES(seen_at)",
        [(ext, name, cur_code, pos, now) for pos, (ext, name, cur_code) in enumerate(types)],
    )


def price_types(cur: pymysql.cursors.Cursor, prefix: str) -> list[tuple[str, str, str]]:
    """(ext_id, name, currency), the most recently listed first, in 1C's order."""
    cur.execute(
        f"SELECT ext_id, name, currency FROM {own_table(prefix, 'price_types')}"
        " ORDER BY seen_at DESC, position"
    )
    return list(cur.fetchall())


def store_offers(
    cur: pymysql.cursors.Cursor,
    prefix: str,
    rows: Iterable[tuple[str, str, int, Decimal | None, Decimal | None, bool, str, str]],
    xml_md5: Mapping[str, str] | None = None,
) -> None:
    """(ext_id, product_ext_id, product_id, price, quantity, deleted, fingerprint, unpriced).
    A None price or quantity keeps what an earlier file said; an `unpriced` reason (prices were
    sent, none could be used) clears the price. `xml_md5`: each offer's XML digest
    (catalog.unchanged), stored with it."""
    now = int(time.time())
    values = [(*row[:5], int(row[5]), row[6], row[7], now) for row in rows]
    columns, digest = "", ""
    if xml_md5 is not None:
        values = [(*v, xml_md5.get(v[0], "")) for v in values]
        columns, digest = ", xml_md5", ", xml_md5 = VALUES(xml_md5)"
    if values:
        cur.executemany(
            f"INSERT INTO {own_table(prefix, 'offers')}"
            " (ext_id, product_ext_id, product_id, price, quantity, deleted, fingerprint,"
            f" unpriced, updated_at{columns}) VALUES ({placeholders(values[0])})"
            " ON DUPLICATE KEY UPDATE product_id = VALUES(product_id),"
            " price = IF(VALUES(unpriced) <> '', NULL, COALESCE(VALUES(price), price)),"
            " unpriced = IF(VALUES(price) IS NOT NULL OR VALUES(unpriced) <> '',"
            " VALUES(unpriced), unpriced),"
            " quantity = COALESCE(VALUES(quantity), quantity), deleted = VALUES(deleted),"
            f" fingerprint = VALUES(fingerprint), updated_at = VALUES(updated_at){digest}",
            values,
        )


def current(
    cur: pymysql.cursors.Cursor, prefix: str, ext_ids: Sequence[str]
) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    """(price, quantity) of each offer from everything 1C said so far."""
    if not ext_ids:
        return {}
    cur.execute(
        f"SELECT ext_id, price, quantity FROM {own_table(prefix, 'offers')}"
        f" WHERE ext_id IN ({placeholders(ext_ids)})",
        tuple(ext_ids),
    )
    return {ext: (price, qty) for ext, price, qty in cur.fetchall()}


def fingerprints(
    cur: pymysql.cursors.Cursor, prefix: str, ext_ids: Sequence[str]
) -> dict[str, str]:
    """What each offer carried when it was last applied: an equal offer needs no writing."""
    if not ext_ids:
        return {}
    cur.execute(
        f"SELECT ext_id, fingerprint FROM {own_table(prefix, 'offers')}"
        f" WHERE ext_id IN ({placeholders(ext_ids)})",
        tuple(ext_ids),
    )
    return dict(cur.fetchall())


def xml_digests(
    cur: pymysql.cursors.Cursor, prefix: str, products_table: str, ext_ids: Sequence[str]
) -> dict[str, str]:
    """The XML digest each offer had when it was last applied, for offers whose product still
    exists (`products_table` is quoted)."""
    if not ext_ids:
        return {}
    cur.execute(
        f"SELECT o.ext_id, o.xml_md5 FROM {own_table(prefix, 'offers')} o"
        f" JOIN {products_table} p ON p.product_id = o.product_id"
        f" WHERE o.xml_md5 <> '' AND o.ext_id IN ({placeholders(ext_ids)})",
        tuple(ext_ids),
    )
    return dict(cur.fetchall())


def set_xml_digests(cur: pymysql.cursors.Cursor, prefix: str, digests: dict[str, str]) -> None:
    update_from_rows(
        cur,
        own_table(prefix, "offers"),
        "ext_id",
        ["xml_md5"],
        list(digests.items()),
    )


def product_totals(
    cur: pymysql.cursors.Cursor, prefix: str, product_ids: Sequence[int]
) -> list[tuple[int, Decimal | None, Decimal | None, str]]:
    """(product_id, price, quantity, why unpriced) from a product's own offer, or, for a
    product sold only through characteristics, the lowest price and the total stock of its
    live ones. The reason is '' when there is a price or 1C never sent one."""
    if not product_ids:
        return []
    ids = tuple(dict.fromkeys(product_ids))
    cur.execute(
        "SELECT product_id,"
        " MAX(CASE WHEN ext_id = product_ext_id THEN price END),"
        " MAX(CASE WHEN ext_id = product_ext_id THEN quantity END),"
        " MAX(ext_id = product_ext_id),"
        " MIN(CASE WHEN ext_id <> product_ext_id AND deleted = 0 THEN price END),"
        " SUM(CASE WHEN ext_id <> product_ext_id AND deleted = 0 THEN quantity END),"
        " MAX(unpriced)"
        f" FROM {own_table(prefix, 'offers')}"
        f" WHERE product_id IN ({placeholders(ids)}) GROUP BY product_id",
        ids,
    )
    out = []
    for pid, own_price, own_qty, has_own, char_price, char_qty, reason in cur.fetchall():
        if has_own:
            out.append((pid, own_price, own_qty, reason if own_price is None else ""))
        else:
            out.append((pid, char_price, char_qty, reason if char_price is None else ""))
    return out


def forget_products(cur: pymysql.cursors.Cursor, prefix: str, product_ids: Sequence[int]) -> None:
    if product_ids:
        cur.execute(
            f"DELETE FROM {own_table(prefix, 'offers')}"
            f" WHERE product_id IN ({placeholders(product_ids)})",
            tuple(product_ids),
        )


def forget(cur: pymysql.cursors.Cursor, prefix: str, ext_ids: Sequence[str]) -> None:
    """Forget offers as if never sent (one left out of the import is read again next time)."""
    if ext_ids:
        cur.execute(
            f"DELETE FROM {own_table(prefix, 'offers')} WHERE ext_id IN ({placeholders(ext_ids)})",
            tuple(ext_ids),
        )
