"""Which product_images rows came from 1C, and the content they hold: photos an admin adds in
the shop are never touched, and an unchanged photo is never copied again."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pymysql

from ..db import placeholders
from . import own_table


def _table(prefix: str) -> str:
    return own_table(prefix, "images")


def current(
    cur: pymysql.cursors.Cursor, prefix: str, product_images: str, product_ids: Sequence[int]
) -> list[tuple[int, int, str, int]]:
    """(image id, product id, content md5, orderby) of the 1C photos of these products."""
    if not product_ids:
        return []
    cur.execute(
        f"SELECT m.image_id, m.product_id, m.content_md5, i.orderby FROM {_table(prefix)} m"
        f" JOIN {product_images} i ON i.id = m.image_id"
        f" WHERE m.product_id IN ({placeholders(product_ids)})",
        tuple(product_ids),
    )
    return list(cur.fetchall())


def remember(
    cur: pymysql.cursors.Cursor, prefix: str, rows: Iterable[tuple[int, int, str]]
) -> None:
    """(image id, product id, content md5)."""
    cur.executemany(
        f"INSERT INTO {_table(prefix)} (image_id, product_id, content_md5) VALUES (%s, %s, %s)",
        list(rows),
    )


def forget(cur: pymysql.cursors.Cursor, prefix: str, image_ids: Sequence[int]) -> None:
    if image_ids:
        cur.execute(
            f"DELETE FROM {_table(prefix)} WHERE image_id IN ({placeholders(image_ids)})",
            tuple(image_ids),
        )


def forget_products(cur: pymysql.cursors.Cursor, prefix: str, product_ids: Sequence[int]) -> None:
    if product_ids:
        cur.execute(
            f"DELETE FROM {_table(prefix)} WHERE product_id IN ({placeholders(product_ids)})",
            tuple(product_ids),
        )
