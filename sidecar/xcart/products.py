"""Products: rows, translations, category links, price and stock, and quick data, written in
batches the way X-Cart's own import leaves them."""

from __future__ import annotations

import html
import re
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import pymysql

from ..db import placeholders, quote_identifier, update_from_rows
from .schema import Schema

ENTITY_CLASSES = (
    "XLite\\Model\\Product",
    "XLite\\Model\\ProductTranslation",
    "XLite\\Model\\CategoryProducts",
    "XLite\\Model\\QuickData",
)

SKU_MAX = 32  # xc_products.sku is VARCHAR(32)
NAME_MAX = 255

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


@dataclass(frozen=True)
class ProductFields:
    """What the catalog import sets on a product; everything else keeps X-Cart's value."""

    sku: str | None
    name: str
    description: str
    weight: Decimal
    enabled: bool
    track_inventory: bool = True


# Fields of an existing product that the import may overwrite (the `update_*` settings).
OWNABLE = ("name", "description", "sku", "weight")


def description_html(text: str) -> str:
    """X-Cart stores descriptions as HTML: keep HTML as it is, turn plain text into HTML so
    its line breaks and `<`/`&` characters survive."""
    if not text or _HTML_TAG.search(text):
        return text
    return html.escape(text, quote=False).replace("\r\n", "\n").replace("\n", "<br />\n")


def _midnight(now: int) -> int:
    return int(datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0).timestamp())


def insert(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    products: Sequence[ProductFields],
    languages: Sequence[str],
) -> list[int]:
    """Create products (one multi-row INSERT) and their translations; returns the new ids in
    the order given. The caller writes their quick data (refresh_quick_data, created=True).
    New products start with no stock: the offers file brings price and amount, and X-Cart's
    own default of 1000 would sell goods the shop does not have."""
    if not products:
        return []
    now = int(time.time())
    versions = [str(uuid.uuid4()) for _ in products]
    loaded = schema.insert_rows(
        cur,
        "products",
        [
            {
                "sku": p.sku,
                "enabled": int(p.enabled),
                "weight": p.weight,
                "price": 0,
                "amount": 0,
                "inventoryEnabled": int(p.track_inventory),
                "date": now,
                "arrivalDate": _midnight(now),
                "updateDate": now,
                # processed: the caller writes its quick data in the same transaction
                "needProcess": 0,
                "entityVersion": v,
            }
            for p, v in zip(products, versions, strict=True)
        ],
    )
    ids = (_ids_of_load(cur, schema, versions) if loaded else None) or _ids_by_version(
        cur, schema, versions
    )
    _insert_translations(cur, schema, zip(ids, products, strict=True), languages, set())
    return ids


def _ids_of_load(cur: pymysql.cursors.Cursor, schema: Schema, versions: list[str]) -> list[int]:
    """The ids of products just loaded by one LOAD DATA, where the server hands out
    consecutive ids (auto-increment lock modes 0 and 1 hold the table's AUTO-INC lock for the
    whole statement): LAST_INSERT_ID() and on, in the order loaded. The first and the last
    are read back to make sure; empty when they are not these rows."""
    if not schema.consecutive_ids:
        return []
    step, last = schema.id_step, (len(versions) - 1) * schema.id_step
    cur.execute(
        f"SELECT product_id, entityVersion FROM {schema.table('products')}"
        " WHERE product_id IN (LAST_INSERT_ID(), LAST_INSERT_ID() + %s)",
        (last,),
    )
    found = {version: pid for pid, version in cur.fetchall()}
    first = found.get(versions[0])
    if first is None or found.get(versions[-1]) != first + last:
        return []
    return list(range(first, first + last + step, step))


def _ids_by_version(cur: pymysql.cursors.Cursor, schema: Schema, versions: list[str]) -> list[int]:
    """The ids of the products just inserted. entityVersion is a fresh UUID per row: it maps
    rows to ids whatever the auto-increment lock mode of the server. It has no index, so the
    search is bounded by the first id the last insert statement created (LAST_INSERT_ID(); a
    statement's later ids are above it): 500 rows read instead of the whole table (87 ms per
    batch against 3 ms at 200,000 products). When the rows went in more than one statement
    some are below the bound, and the whole table is searched."""
    table = schema.table("products")
    sql = f"SELECT entityVersion, product_id FROM {table} WHERE"
    marks = placeholders(versions)
    cur.execute(f"{sql} product_id >= LAST_INSERT_ID() AND entityVersion IN ({marks})", versions)
    by_version = dict(cur.fetchall())
    if len(by_version) < len(versions):
        cur.execute(f"{sql} entityVersion IN ({marks})", versions)
        by_version = dict(cur.fetchall())
    return [by_version[v] for v in versions]


def update(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    products: Mapping[int, ProductFields],
    languages: Sequence[str],
    owned: Sequence[str] = OWNABLE,
) -> None:
    """Update what 1C owns (`owned` ⊆ OWNABLE, plus the enabled state); price, stock and
    whatever the admin keeps for the shop stay."""
    if not products:
        return
    now = int(time.time())
    values = {
        "sku": lambda p: p.sku,
        "weight": lambda p: p.weight,
        "enabled": lambda p: int(p.enabled),
        "inventoryEnabled": lambda p: 1,
        "updateDate": lambda p: now,
        "entityVersion": lambda p: str(uuid.uuid4()),
    }
    columns = [c for c in values if c in owned or c not in OWNABLE]
    if not all(p.track_inventory for p in products.values()):
        columns.remove("inventoryEnabled")  # switched off: the shop's own choice stays
    update_from_rows(
        cur,
        schema.table("products"),
        "product_id",
        columns,
        [(pid, *(values[c](p) for c in columns)) for pid, p in products.items()],
    )
    texts = {"name": lambda p: p.name, "description": lambda p: description_html(p.description)}
    text_columns = [c for c in texts if c in owned]
    if text_columns:
        update_from_rows(
            cur,
            schema.table("product_translations"),
            "id",
            text_columns,
            [(pid, *(texts[c](p) for c in text_columns)) for pid, p in products.items()],
        )
    ids = list(products)
    cur.execute(
        f"SELECT id, code FROM {schema.table('product_translations')}"
        f" WHERE id IN ({placeholders(ids)})",
        tuple(ids),
    )
    _insert_translations(cur, schema, products.items(), languages, set(cur.fetchall()))


def _insert_translations(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    products: Iterable[tuple[int, ProductFields]],
    languages: Sequence[str],
    have: set[tuple[int, str]],
) -> None:
    """One row per shop language that a product does not have yet."""
    schema.insert_rows(
        cur,
        "product_translations",
        [
            {
                "id": pid,
                "code": code,
                "name": p.name,
                "description": description_html(p.description),
            }
            for pid, p in products
            for code in languages
            if (pid, code) not in have
        ],
    )


def set_categories(
    cur: pymysql.cursors.Cursor, schema: Schema, links: Mapping[int, Sequence[int]]
) -> None:
    """Make each product's category links exactly the given list; the first is the main
    category (lowest orderbyInProduct). Positions inside a category the admin set are kept."""
    if not links:
        return
    table = schema.table("category_products")
    ids = list(links)
    cur.execute(
        f"SELECT product_id, category_id, orderbyInProduct FROM {table}"
        f" WHERE product_id IN ({placeholders(ids)})",
        tuple(ids),
    )
    have: dict[tuple[int, int], int] = {(p, c): o for p, c, o in cur.fetchall()}
    wanted = {
        (pid, cid): pos
        for pid, cats in links.items()
        for pos, cid in enumerate(dict.fromkeys(cats))
    }
    stale = [pair for pair in have if pair not in wanted]
    if stale:
        cur.executemany(f"DELETE FROM {table} WHERE product_id = %s AND category_id = %s", stale)
    moved = [
        (pos, pid, cid) for (pid, cid), pos in wanted.items() if have.get((pid, cid), pos) != pos
    ]
    if moved:
        cur.executemany(
            f"UPDATE {table} SET orderbyInProduct = %s WHERE product_id = %s AND category_id = %s",
            moved,
        )
    schema.insert_rows(
        cur,
        "category_products",
        [
            {"product_id": pid, "category_id": cid, "orderbyInProduct": pos}
            for (pid, cid), pos in wanted.items()
            if (pid, cid) not in have
        ],
    )


def set_price_and_amount(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    values: Iterable[tuple[int, Decimal | None, int | None]],
) -> int:
    """(product_id, price, amount); None keeps the current value (a prices-only or a
    stock-only file changes only its half). Returns the number of products changed."""
    now = int(time.time())
    rows = [(pid, price, amount, str(uuid.uuid4()), now) for pid, price, amount in values]
    update_from_rows(
        cur,
        schema.table("products"),
        "product_id",
        ["price", "amount", "entityVersion", "updateDate"],
        rows,
        {
            "price": "t.price = COALESCE(v.price, t.price)",
            "amount": "t.amount = COALESCE(v.amount, t.amount)",
        },
    )
    return len(rows)


def refresh_quick_data(
    cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int], created: bool = False
) -> None:
    """One quick-data row per membership and one for guests (membership NULL): the storefront
    INNER JOINs them for price sorting and filtering, so a product without them disappears from
    listings. Then needProcess = 0, as X-Cart's own import leaves it. Products `created` in
    this transaction have no quick data or variants yet: nothing to delete or look up."""
    if not product_ids:
        return
    ids = tuple(product_ids)
    marks = placeholders(ids)
    qd = schema.table("quick_data")
    if not created:
        cur.execute(f"DELETE FROM {qd} WHERE product_id IN ({marks})", ids)
    computed = {
        "product_id": "p.product_id",
        "membership_id": "m.membership_id",
        "zone_id": "NULL",
        "price": "p.price",
    }
    if schema.supports("variant_price_range"):
        lowest, highest = "p.price", "p.price"
        if schema.supports("variants") and not created:
            variant = (
                "SELECT {}(IF(v.defaultPrice, p.price, v.price)) FROM {} v"
                " WHERE v.product_id = p.product_id"
            )
            table = schema.table("product_variants")
            lowest = f"COALESCE(({variant.format('MIN', table)}), p.price)"
            highest = f"COALESCE(({variant.format('MAX', table)}), p.price)"
        computed.update(minPrice=lowest, maxPrice=highest)
    # Columns other modules add to quick_data get X-Cart's value for them.
    fixed = {c: v for c, v in schema.row_defaults("quick_data").items() if c not in computed}
    columns = ", ".join(quote_identifier(c) for c in [*computed, *fixed])
    select = ", ".join([*computed.values(), *(["%s"] * len(fixed))])
    cur.execute(
        f"INSERT INTO {qd} ({columns}) SELECT {select}"
        f" FROM {schema.table('products')} p CROSS JOIN ("
        f"SELECT membership_id FROM {schema.table('memberships')} UNION ALL SELECT NULL) m"
        f" WHERE p.product_id IN ({marks})",
        (*fixed.values(), *ids),
    )
    if not created:  # insert() writes them processed
        cur.execute(
            f"UPDATE {schema.table('products')} SET needProcess = 0 WHERE product_id IN ({marks})",
            ids,
        )


def price_and_amount(
    cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]
) -> dict[int, tuple[Decimal, int]]:
    if not product_ids:
        return {}
    ids = tuple(product_ids)
    cur.execute(
        f"SELECT product_id, price, amount FROM {schema.table('products')}"
        f" WHERE product_id IN ({placeholders(ids)})",
        ids,
    )
    return {pid: (price, amount) for pid, price, amount in cur.fetchall()}


def delete(cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]) -> list[str]:
    """Remove products (X-Cart's foreign keys cascade to translations, links, images rows,
    clean URLs, attribute values, variants). Returns the image files they used."""
    if not product_ids:
        return []
    ids = tuple(product_ids)
    cur.execute(
        f"SELECT DISTINCT path FROM {schema.table('product_images')}"
        f" WHERE product_id IN ({placeholders(ids)})",
        ids,
    )
    paths = [r[0] for r in cur.fetchall()]
    cur.execute(
        f"DELETE FROM {schema.table('products')} WHERE product_id IN ({placeholders(ids)})", ids
    )
    return paths


def disable(cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]) -> int:
    """Hide products from the storefront; returns how many were enabled before."""
    return _set_enabled(cur, schema, product_ids, 0)


def enable(cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]) -> int:
    """Put products on the storefront; returns how many were disabled before."""
    return _set_enabled(cur, schema, product_ids, 1)


def _set_enabled(
    cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int], enabled: int
) -> int:
    if not product_ids:
        return 0
    ids = tuple(product_ids)
    cur.execute(
        f"UPDATE {schema.table('products')} SET enabled = %s, updateDate = %s,"
        f" entityVersion = UUID() WHERE enabled <> %s AND product_id IN ({placeholders(ids)})",
        (enabled, int(time.time()), enabled, *ids),
    )
    return cur.rowcount


def enabled_among(
    cur: pymysql.cursors.Cursor, schema: Schema, product_ids: Sequence[int]
) -> list[int]:
    if not product_ids:
        return []
    cur.execute(
        f"SELECT product_id FROM {schema.table('products')}"
        f" WHERE enabled = 1 AND product_id IN ({placeholders(product_ids)})",
        tuple(product_ids),
    )
    return [r[0] for r in cur.fetchall()]
