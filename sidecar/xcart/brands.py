"""Manufacturers: QSL\\ShopByBrand keeps a brand per option of one global select attribute
(chosen in its setting shop_by_brand_field_id); without that module the attribute alone is the
manufacturer."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pymysql

from ..db import placeholders
from .schema import Schema
from .shop import config_value

CATEGORY = "QSL\\ShopByBrand"
FIELD = "shop_by_brand_field_id"
ENTITY_CLASSES = ("QSL\\ShopByBrand\\Model\\Brand", "QSL\\ShopByBrand\\Model\\BrandProducts")


def brand_attribute(cur: pymysql.cursors.Cursor, schema: Schema) -> int | None:
    value = config_value(cur, schema, CATEGORY, FIELD)
    if not value or not value.strip().isdigit():
        return None
    cur.execute(f"SELECT id FROM {schema.table('attributes')} WHERE id = %s", (int(value),))
    row = cur.fetchone()
    return row[0] if row else None


def use_attribute(cur: pymysql.cursors.Cursor, schema: Schema, attribute_id: int) -> None:
    """Point ShopByBrand at the manufacturer attribute the sidecar keeps."""
    table = schema.table("config")
    cur.execute(
        f"SELECT config_id FROM {table} WHERE category = %s AND name = %s", (CATEGORY, FIELD)
    )
    row = cur.fetchone()
    if row:
        cur.execute(
            f"UPDATE {table} SET value = %s WHERE config_id = %s", (str(attribute_id), row[0])
        )
    else:
        schema.insert_rows(
            cur, "config", [{"category": CATEGORY, "name": FIELD, "value": str(attribute_id)}]
        )


def brands_for_options(
    cur: pymysql.cursors.Cursor, schema: Schema, option_ids: Iterable[int], languages: Sequence[str]
) -> dict[int, int]:
    """option id → brand id, creating the brands that do not exist yet."""
    ids = list(dict.fromkeys(option_ids))
    if not ids:
        return {}
    cur.execute(
        f"SELECT attribute_option_id, brand_id FROM {schema.table('brands')}"
        f" WHERE attribute_option_id IN ({placeholders(ids)})",
        ids,
    )
    found = dict(cur.fetchall())
    for option_id in ids:
        if option_id not in found:
            schema.insert_rows(cur, "brands", [{"attribute_option_id": option_id, "enabled": 1}])
            found[option_id] = cur.lastrowid
            if schema.has_table("brand_translations"):
                schema.insert_rows(
                    cur,
                    "brand_translations",
                    [{"id": found[option_id], "code": c} for c in languages],
                )
    return found


def set_products(
    cur: pymysql.cursors.Cursor, schema: Schema, product_brand: dict[int, int | None]
) -> None:
    if not product_brand:
        return
    ids = list(product_brand)
    cur.execute(
        f"DELETE FROM {schema.table('brand_products')} WHERE product_id IN ({placeholders(ids)})",
        ids,
    )
    schema.insert_rows(
        cur,
        "brand_products",
        [{"brand_id": b, "product_id": p} for p, b in product_brand.items() if b is not None],
    )
