"""Attributes: 1C properties become global X-Cart attributes (select with options, text, or
checkbox), and their per-product values; characteristics become product-specific select
attributes that define variants. Everything is written in batches."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

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


def create_attributes(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    items: Sequence[tuple[Mapping[str, str], str, int | None, int]],
) -> list[int]:
    """(names per language, type, product id for a product's own attribute or None, position)."""
    ids = schema.insert_returning_ids(
        cur,
        "attributes",
        [
            {"product_id": p, "type": kind, "position": pos, "displayMode": "S"}
            for _, kind, p, pos in items
        ],
    )
    schema.insert_rows(
        cur,
        "attribute_translations",
        [
            {"id": i, "code": c, "name": n[:NAME_MAX]}
            for i, (names, _, _, _) in zip(ids, items, strict=True)
            for c, n in names.items()
        ],
    )
    return ids


def rename_attribute(
    cur: pymysql.cursors.Cursor, schema: Schema, attribute_id: int, name: str
) -> None:
    cur.execute(
        f"UPDATE {schema.table('attribute_translations')} SET name = %s WHERE id = %s",
        (name[:NAME_MAX], attribute_id),
    )


def create_options(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    items: Sequence[tuple[int, str, int]],
    languages: Sequence[str],
) -> list[int]:
    """(attribute id, name, position) → option ids."""
    ids = schema.insert_returning_ids(
        cur, "attribute_options", [{"attribute_id": a, "position": pos} for a, _, pos in items]
    )
    schema.insert_rows(
        cur,
        "attribute_option_translations",
        [
            {"id": i, "code": c, "name": name[:NAME_MAX]}
            for i, (_, name, _) in zip(ids, items, strict=True)
            for c in languages
        ],
    )
    return ids


def rename_option(cur: pymysql.cursors.Cursor, schema: Schema, option_id: int, name: str) -> None:
    cur.execute(
        f"UPDATE {schema.table('attribute_option_translations')} SET name = %s WHERE id = %s",
        (name[:NAME_MAX], option_id),
    )


def _select_rows(items: Iterable[tuple[int, int, int]]) -> list[dict[str, int]]:
    return [
        {"product_id": p, "attribute_id": a, "attribute_option_id": o, "position": 0}
        for p, a, o in items
    ]


def add_select_values(
    cur: pymysql.cursors.Cursor, schema: Schema, items: Sequence[tuple[int, int, int]]
) -> list[int]:
    """(product, attribute, option) selectable values, e.g. characteristic options → ids."""
    return schema.insert_returning_ids(cur, "attribute_values_select", _select_rows(items))


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
    The values `product_ids` had of these attributes go first (products just created have
    none); values of other attributes (the shop's own) are left alone."""
    if product_ids and attribute_ids:
        pids, aids = tuple(product_ids), tuple(attribute_ids)
        where = f"product_id IN ({placeholders(pids)}) AND attribute_id IN ({placeholders(aids)})"
        for table in (
            "attribute_values_select",
            "attribute_values_text",
            "attribute_values_checkbox",
        ):
            cur.execute(f"DELETE FROM {schema.table(table)} WHERE {where}", (*pids, *aids))
    # Nothing reads these ids: a large batch goes by LOAD DATA (insert_rows).
    schema.insert_rows(cur, "attribute_values_select", _select_rows(selects))
    schema.insert_rows(
        cur,
        "attribute_values_checkbox",
        [{"product_id": p, "attribute_id": a, "value": int(v)} for p, a, v in checkboxes],
    )
    texts = list(texts)
    ids = schema.insert_returning_ids(
        cur, "attribute_values_text", [{"product_id": p, "attribute_id": a} for p, a, _ in texts]
    )
    schema.insert_rows(
        cur,
        "attribute_values_text_translations",
        [
            {"id": i, "code": c, "value": text}
            for i, (_, _, text) in zip(ids, texts, strict=True)
            for c in languages
        ],
    )
