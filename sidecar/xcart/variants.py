"""Product variants (XC\\ProductVariants): one row per combination of the product's variant
attribute values, with its own SKU, price and stock (defaultPrice/defaultAmount = 0, as X-Cart's
own 1C importer set them)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

import pymysql

from ..db import placeholders, update_from_rows
from .schema import Schema

ENTITY_CLASSES = ("XLite\\Module\\XC\\ProductVariants\\Model\\ProductVariant",)
CODE_MAX = 32  # variant_id is VARCHAR(32)


def available(schema: Schema) -> bool:
    return all(
        schema.has_table(t)
        for t in ("product_variants", "product_variants_attributes",
                  "product_variant_attribute_value_select")
    )  # fmt: skip


def link_attributes(
    cur: pymysql.cursors.Cursor, schema: Schema, product_id: int, attribute_ids: Iterable[int]
) -> None:
    cur.executemany(
        f"INSERT IGNORE INTO {schema.table('product_variants_attributes')}"
        " (product_id, attribute_id) VALUES (%s, %s)",
        [(product_id, a) for a in attribute_ids],
    )


def _free_code(cur: pymysql.cursors.Cursor, schema: Schema, base: str) -> str:
    """X-Cart's public variant code: `<base>-N`, unique in the shop, at most 32 characters."""
    base = base[: CODE_MAX - 6] or "variant"
    cur.execute(
        f"SELECT variant_id FROM {schema.table('product_variants')} WHERE variant_id LIKE %s",
        (base.replace("_", r"\_").replace("%", r"\%") + "-%",),
    )
    taken = {r[0] for r in cur.fetchall()}
    n = 1
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def create(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    product_id: int,
    code_base: str,
    sku: str | None,
    price: Decimal | None,
    amount: int | None,
) -> int:
    schema.insert_rows(
        cur,
        "product_variants",
        [
            {
                "product_id": product_id,
                "variant_id": _free_code(cur, schema, code_base),
                "sku": sku,
                "price": price or 0,
                "defaultPrice": int(price is None),
                "amount": amount or 0,
                "defaultAmount": int(amount is None),
            }
        ],
    )
    return cur.lastrowid


def set_values(
    cur: pymysql.cursors.Cursor, schema: Schema, variant_id: int, value_ids: Sequence[int]
) -> None:
    table = schema.table("product_variant_attribute_value_select")
    cur.execute(f"DELETE FROM {table} WHERE variant_id = %s", (variant_id,))
    cur.executemany(
        f"INSERT INTO {table} (variant_id, attribute_value_id) VALUES (%s, %s)",
        [(variant_id, v) for v in value_ids],
    )


def delete(cur: pymysql.cursors.Cursor, schema: Schema, variant_ids: Sequence[int]) -> None:
    if variant_ids:
        cur.execute(
            f"DELETE FROM {schema.table('product_variants')}"
            f" WHERE id IN ({placeholders(variant_ids)})",
            tuple(variant_ids),
        )


def price_range(
    cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]
) -> dict[int, tuple[Decimal, Decimal, int]]:
    """product → (lowest price, highest price, total stock) over its variants."""
    if not product_ids:
        return {}
    cur.execute(
        "SELECT v.product_id, MIN(IF(v.defaultPrice, p.price, v.price)),"
        " MAX(IF(v.defaultPrice, p.price, v.price)), SUM(IF(v.defaultAmount, 0, v.amount))"
        f" FROM {schema.table('product_variants')} v"
        f" JOIN {schema.table('products')} p ON p.product_id = v.product_id"
        f" WHERE v.product_id IN ({placeholders(product_ids)}) GROUP BY v.product_id",
        tuple(product_ids),
    )
    return {pid: (lo, hi, int(total or 0)) for pid, lo, hi, total in cur.fetchall()}


def update_many(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    rows: Sequence[tuple[int, str | None, Decimal | None, int | None]],
) -> None:
    """(variant id, sku, price, amount); a None price or amount keeps the variant's own (a
    prices-only or a stock-only file)."""
    update_from_rows(
        cur,
        schema.table("product_variants"),
        "id",
        ["sku", "price", "amount", "defaultPrice", "defaultAmount"],
        [(vid, sku, price, amount, None, None) for vid, sku, price, amount in rows],
        {
            "price": "t.price = COALESCE(v.price, t.price)",
            "amount": "t.amount = COALESCE(v.amount, t.amount)",
            "defaultPrice": "t.defaultPrice = IF(v.price IS NULL, t.defaultPrice, 0)",
            "defaultAmount": "t.defaultAmount = IF(v.amount IS NULL, t.defaultAmount, 0)",
        },
    )
