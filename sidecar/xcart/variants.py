"""Product variants (XC\\ProductVariants): one row per combination of the product's variant
attribute values, with its own SKU, price and stock (defaultPrice/defaultAmount = 0, as X-Cart's
own 1C importer set them). Written in batches."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import pymysql

from ..db import placeholders, update_from_rows
from .schema import Schema

ENTITY_CLASSES = ("XLite\\Module\\XC\\ProductVariants\\Model\\ProductVariant",)
SKU_MAX = 32  # product_variants.sku is VARCHAR(32)


def code(offer_id: str) -> str:
    """X-Cart's public variant code (VARCHAR(32), unique in the shop), stable per 1C offer."""
    return "1c-" + hashlib.md5(offer_id.encode()).hexdigest()[:24]


def link_attributes(
    cur: pymysql.cursors.Cursor, schema: Schema, pairs: Iterable[tuple[int, int]]
) -> None:
    """(product, attribute): the attributes whose values make the product's variants."""
    pairs = sorted(set(pairs))
    if pairs:
        cur.executemany(
            f"INSERT IGNORE INTO {schema.table('product_variants_attributes')}"
            " (product_id, attribute_id) VALUES (%s, %s)",
            pairs,
        )


def create(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    items: Sequence[tuple[int, str, str | None, Decimal | None, int | None]],
) -> list[int]:
    """(product id, code, sku, price, amount); a None price or amount means the product's."""
    return schema.insert_returning_ids(
        cur,
        "product_variants",
        [
            {
                "product_id": pid,
                "variant_id": vcode,
                "sku": sku,
                "price": price or 0,
                "defaultPrice": int(price is None),
                "amount": amount or 0,
                "defaultAmount": int(amount is None),
            }
            for pid, vcode, sku, price, amount in items
        ],
    )


def update(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    rows: Sequence[tuple[int, str | None, Decimal | None, int | None]],
    keep_sku: bool = False,
) -> None:
    """(variant id, sku, price, amount); a None price or amount keeps the variant's own (a
    prices-only or a stock-only file); `keep_sku` keeps the SKU of a shop's own variant."""
    update_from_rows(
        cur,
        schema.table("product_variants"),
        "id",
        ["sku", "price", "amount", "defaultPrice", "defaultAmount"],
        [(vid, sku, price, amount, None, None) for vid, sku, price, amount in rows],
        {
            **({"sku": "t.sku = t.sku"} if keep_sku else {}),
            "price": "t.price = COALESCE(v.price, t.price)",
            "amount": "t.amount = COALESCE(v.amount, t.amount)",
            "defaultPrice": "t.defaultPrice = IF(v.price IS NULL, t.defaultPrice, 0)",
            "defaultAmount": "t.defaultAmount = IF(v.amount IS NULL, t.defaultAmount, 0)",
        },
    )


def set_values(
    cur: pymysql.cursors.Cursor, schema: Schema, values: Mapping[int, Sequence[int]]
) -> None:
    """variant id → the attribute value ids that make it."""
    if not values:
        return
    table = schema.table("product_variant_attribute_value_select")
    ids = tuple(values)
    cur.execute(f"DELETE FROM {table} WHERE variant_id IN ({placeholders(ids)})", ids)
    cur.executemany(
        f"INSERT INTO {table} (variant_id, attribute_value_id) VALUES (%s, %s)",
        [(vid, v) for vid, vals in values.items() for v in vals],
    )


def delete(cur: pymysql.cursors.Cursor, schema: Schema, variant_ids: Sequence[int]) -> None:
    if variant_ids:
        cur.execute(
            f"DELETE FROM {schema.table('product_variants')}"
            f" WHERE id IN ({placeholders(variant_ids)})",
            tuple(variant_ids),
        )
