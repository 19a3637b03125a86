"""Attributes: 1C properties become global X-Cart attributes (select with options, text, or
checkbox), and their per-product values; characteristics become product-specific select
attributes that define variants."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pymysql

from ..db import placeholders
from .schema import Schema

SELECT, TEXT, CHECKBOX = "S", "T", "C"
ENTITY_CLASSES = (
    "XLite\\Model\\Attribute",
    "XLite\\Model\\AttributeTranslation",
    "XLite\\Model\\AttributeOption",
    "XLite\\Model\\AttributeOptionTranslation",
    "XLite\\Model\\AttributeValue\\AttributeValueSelect",
    "XLite\\Model\\AttributeValue\\AttributeValueText",
    "XLite\\Model\\AttributeValue\\AttributeValueCheckbox",
)
NAME_MAX = 255


def create_attribute(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    names: dict[str, str],
    kind: str,
    *,
    product_id: int | None = None,
    position: int = 0,
) -> int:
    """`names` per language code."""
    schema.insert_rows(
        cur,
        "attributes",
        [{"product_id": product_id, "type": kind, "position": position, "displayMode": "S"}],
    )
    attribute_id = cur.lastrowid
    schema.insert_rows(
        cur,
        "attribute_translations",
        [{"id": attribute_id, "code": c, "name": n[:NAME_MAX]} for c, n in names.items()],
    )
    return attribute_id


def rename_attribute(
    cur: pymysql.cursors.Cursor, schema: Schema, attribute_id: int, name: str
) -> None:
    cur.execute(
        f"UPDATE {schema.table('attribute_translations')} SET name = %s WHERE id = %s",
        (name[:NAME_MAX], attribute_id),
    )


def create_option(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    attribute_id: int,
    name: str,
    languages: Sequence[str],
    position: int = 0,
) -> int:
    schema.insert_rows(
        cur, "attribute_options", [{"attribute_id": attribute_id, "position": position}]
    )
    option_id = cur.lastrowid
    schema.insert_rows(
        cur,
        "attribute_option_translations",
        [{"id": option_id, "code": c, "name": name[:NAME_MAX]} for c in languages],
    )
    return option_id


def rename_option(cur: pymysql.cursors.Cursor, schema: Schema, option_id: int, name: str) -> None:
    cur.execute(
        f"UPDATE {schema.table('attribute_option_translations')} SET name = %s WHERE id = %s",
        (name[:NAME_MAX], option_id),
    )


def replace_values(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    product_ids: Sequence[int],
    attribute_ids: Sequence[int],
    selects: Iterable[tuple[int, int, int]],
    texts: Iterable[tuple[int, int, str]],
    checkboxes: Iterable[tuple[int, int, bool]],
    languages: Sequence[str],
) -> None:
    """Make the products' values of the given attributes exactly these: (product, attribute,
    option) selects, (product, attribute, text) texts, (product, attribute, flag) checkboxes.
    Values of other attributes (the shop's own) are left alone."""
    if not product_ids or not attribute_ids:
        return
    pids, aids = tuple(product_ids), tuple(attribute_ids)
    where = f"product_id IN ({placeholders(pids)}) AND attribute_id IN ({placeholders(aids)})"
    for table in ("attribute_values_select", "attribute_values_text", "attribute_values_checkbox"):
        cur.execute(f"DELETE FROM {schema.table(table)} WHERE {where}", (*pids, *aids))
    schema.insert_rows(
        cur,
        "attribute_values_select",
        [
            {"product_id": p, "attribute_id": a, "attribute_option_id": o, "position": 0}
            for p, a, o in selects
        ],
    )
    schema.insert_rows(
        cur,
        "attribute_values_checkbox",
        [{"product_id": p, "attribute_id": a, "value": int(v)} for p, a, v in checkboxes],
    )
    for p, a, text in texts:
        schema.insert_rows(cur, "attribute_values_text", [{"product_id": p, "attribute_id": a}])
        value_id = cur.lastrowid
        schema.insert_rows(
            cur,
            "attribute_values_text_translations",
            [{"id": value_id, "code": c, "value": text} for c in languages],
        )


def add_select_value(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    product_id: int,
    attribute_id: int,
    option_id: int,
    position: int = 0,
) -> int:
    """One selectable value of a product (a characteristic option); returns its id."""
    schema.insert_rows(
        cur,
        "attribute_values_select",
        [
            {
                "product_id": product_id,
                "attribute_id": attribute_id,
                "attribute_option_id": option_id,
                "position": position,
            }
        ],
    )
    return cur.lastrowid
