"""Products 1C wants on sale that the shop must not sell yet: 1C has given them no price the
shop can use (no offer yet, a price in another currency without a rate, no price of the chosen
type). They stay disabled in X-Cart until a usable price arrives, then go on sale by themselves;
a product sold at a price 1C did not give is worse than one missing for an exchange."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence

import pymysql

from ..db import placeholders
from ..xcart.schema import xcart_table
from . import own_table

NO_PRICE_YET = "no price from 1C yet"


def _table(prefix: str) -> str:
    return own_table(prefix, "unpriced")


def hold(cur: pymysql.cursors.Cursor, prefix: str, reasons: Mapping[int, str]) -> None:
    """product id → why it has no price; a product already held keeps its `since`."""
    if reasons:
        now = int(time.time())
        cur.executemany(
            f"INSERT INTO {_table(prefix)} (product_id, reason, since) VALUES (%s, %s, %s)"
            " ON DUPLICATE KEY UPDATE reason = VALUES(reason)",
            [(pid, reason[:255], now) for pid, reason in reasons.items()],
        )


def held(cur: pymysql.cursors.Cursor, prefix: str, product_ids: Sequence[int]) -> set[int]:
    if not product_ids:
        return set()
    cur.execute(
        f"SELECT product_id FROM {_table(prefix)}"
        f" WHERE product_id IN ({placeholders(product_ids)})",
        tuple(product_ids),
    )
    return {r[0] for r in cur.fetchall()}


def release(cur: pymysql.cursors.Cursor, prefix: str, product_ids: Sequence[int]) -> None:
    if product_ids:
        cur.execute(
            f"DELETE FROM {_table(prefix)} WHERE product_id IN ({placeholders(product_ids)})",
            tuple(product_ids),
        )


def summary(cur: pymysql.cursors.Cursor, prefix: str, examples: int = 5) -> list[tuple]:
    """(reason, how many products, a few of their ids) of the products held now, for the
    status page and doctor."""
    cur.execute(
        f"SELECT u.reason, COUNT(*),"
        f" GROUP_CONCAT(u.product_id ORDER BY u.product_id SEPARATOR ',') FROM {_table(prefix)} u"
        f" JOIN {xcart_table(prefix, 'products')} p ON p.product_id = u.product_id"
        " GROUP BY u.reason ORDER BY COUNT(*) DESC"
    )
    return [
        (reason, count, [int(i) for i in ids.split(",")[:examples]])
        for reason, count, ids in cur.fetchall()
    ]
