"""The shop's own products and categories found by what 1C sends about them (SKU, barcode,
exact name; a category's name), each lookup one statement for a whole batch: linking an
existing shop to 1C and keeping SKUs unique read them."""

from __future__ import annotations

from collections.abc import Sequence

import pymysql

from ..db import placeholders
from .schema import Schema


def _holding(cur: pymysql.cursors.Cursor, sql: str, values: Sequence[str]) -> list[tuple[int, str]]:
    """The rows `sql` (ending in `IN `) finds for the non-empty `values`, each asked once."""
    wanted = list(dict.fromkeys(v for v in values if v))
    if not wanted:
        return []
    cur.execute(f"{sql}({placeholders(wanted)})", tuple(wanted))
    return list(cur.fetchall())


def sku_holders(
    cur: pymysql.cursors.Cursor, schema: Schema, skus: Sequence[str]
) -> list[tuple[int, str]]:
    """(product_id, sku) of every product holding one of `skus`, compared as X-Cart's admin
    compares them (the column's collation: case and trailing spaces do not count)."""
    sql = f"SELECT product_id, sku FROM {schema.table('products')} WHERE sku IN "
    return _holding(cur, sql, skus)


def own_products(cur: pymysql.cursors.Cursor, schema: Schema, product_ids: set[int]) -> set[int]:
    """Those of the products that are this exchange's to take (multi-vendor: the store owner's
    for the owner's 1C, the vendor's for a vendor's 1C); all of them in a shop of one seller."""
    if not product_ids or not schema.has_column("products", "vendor_id"):
        return product_ids
    condition, args = schema.owner_condition("p")
    ids = sorted(product_ids)
    cur.execute(
        f"SELECT p.product_id FROM {schema.table('products')} p"
        f" WHERE p.product_id IN ({placeholders(ids)}) AND {condition}",
        (*ids, *args),
    )
    return {r[0] for r in cur.fetchall()}


def current_skus(
    cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]
) -> dict[int, str | None]:
    if not product_ids:
        return {}
    cur.execute(
        f"SELECT product_id, sku FROM {schema.table('products')}"
        f" WHERE product_id IN ({placeholders(product_ids)})",
        tuple(product_ids),
    )
    return dict(cur.fetchall())


def products_named(
    cur: pymysql.cursors.Cursor, schema: Schema, names: Sequence[str]
) -> list[tuple[int, str]]:
    """(product_id, name) of the products with one of `names` in any language."""
    table = schema.table("product_translations")
    return _holding(cur, f"SELECT DISTINCT id, name FROM {table} WHERE name IN ", names)


def gtin_attributes(cur: pymysql.cursors.Cursor, schema: Schema) -> list[int]:
    """The attributes the shop keeps barcodes in (Google feed's "gtin" group)."""
    if not schema.supports("google_feed"):
        return []
    cur.execute(f"SELECT id FROM {schema.table('attributes')} WHERE googleShoppingGroup = 'gtin'")
    return [r[0] for r in cur.fetchall()]


def products_with_barcodes(
    cur: pymysql.cursors.Cursor, schema: Schema, attribute_ids: Sequence[int], codes: Sequence[str]
) -> list[tuple[int, str]]:
    """(product_id, barcode) of the products whose text value of a barcode attribute is one
    of `codes`."""
    wanted = list(dict.fromkeys(c for c in codes if c))
    attrs = list(dict.fromkeys(attribute_ids))
    if not wanted or not attrs:
        return []
    cur.execute(
        f"SELECT DISTINCT v.product_id, t.value FROM {schema.table('attribute_values_text')} v"
        f" JOIN {schema.table('attribute_values_text_translations')} t ON t.id = v.id"
        f" WHERE v.attribute_id IN ({placeholders(attrs)}) AND t.value IN ({placeholders(wanted)})",
        (*attrs, *wanted),
    )
    return list(cur.fetchall())


def categories_named(
    cur: pymysql.cursors.Cursor, schema: Schema, names: Sequence[str]
) -> list[tuple[int, int | None, str]]:
    """(category_id, parent_id, name) of the categories with one of `names` in any language."""
    wanted = list(dict.fromkeys(n for n in names if n))
    if not wanted:
        return []
    cur.execute(
        f"SELECT DISTINCT c.category_id, c.parent_id, t.name FROM {schema.table('categories')} c"
        f" JOIN {schema.table('category_translations')} t ON t.id = c.category_id"
        f" WHERE t.name IN ({placeholders(wanted)})",
        tuple(wanted),
    )
    return list(cur.fetchall())


def variants_of(
    cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]
) -> list[tuple[int, int, str | None, int | None, str | None, str | None]]:
    """(variant id, product id, sku, attribute id, attribute name, option name) of every
    variant of the products, one row per select value and language (a variant without values
    has one row of None): what a 1C characteristic is matched to."""
    ids = list(dict.fromkeys(product_ids))
    if not ids:
        return []
    t = schema.table
    cur.execute(
        f"SELECT v.id, v.product_id, v.sku, s.attribute_id, a.name, o.name"
        f" FROM {t('product_variants')} v"
        f" LEFT JOIN {t('product_variant_attribute_value_select')} vs ON vs.variant_id = v.id"
        f" LEFT JOIN {t('attribute_values_select')} s ON s.id = vs.attribute_value_id"
        f" LEFT JOIN {t('attribute_translations')} a ON a.id = s.attribute_id"
        f" LEFT JOIN {t('attribute_option_translations')} o ON o.id = s.attribute_option_id"
        f" WHERE v.product_id IN ({placeholders(ids)})",
        tuple(ids),
    )
    return list(cur.fetchall())
