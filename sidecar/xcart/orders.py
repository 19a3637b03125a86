"""Orders as X-Cart stores them: which ones to send to 1C, everything 1C needs to know about
them, and the status changes 1C sends back (with the history rows X-Cart writes)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

import pymysql

from ..db import placeholders, quote_identifier
from ..php import serialize
from .entities import TARGETS
from .schema import Schema
from .vendors import children_of, number_sql, rows_of

ENTITY_CLASSES = (
    "XLite\\Model\\Order",
    "XLite\\Model\\OrderHistoryEvents",
    "XLite\\Model\\OrderDetail",
)
AUTHOR = "1C exchange (xc1c)"


@dataclass
class OrderItem:
    name: str
    sku: str
    price: Decimal
    amount: int
    total: Decimal
    product_id: int | None
    variant_id: int | None
    item_id: int


@dataclass
class Order:
    """One order as read from X-Cart, with what the orders file needs."""

    order_id: int
    number: str
    date: int
    total: Decimal
    subtotal: Decimal
    currency: str
    notes: str
    payment_method: str
    shipping_method: str
    payment_code: str
    payment_name: str
    shipping_code: str
    shipping_name: str
    status_changed: int
    admin_notes: str = ""
    email: str = ""
    membership: str = ""
    address: dict[str, str] = field(default_factory=dict)  # billing (else the only) address
    shipping_address: dict[str, str] = field(default_factory=dict)
    country: str = ""
    tracking: list[str] = field(default_factory=list)
    coupons: list[str] = field(default_factory=list)
    items: list[OrderItem] = field(default_factory=list)
    surcharges: list[tuple[str, str, Decimal, bool]] = field(
        default_factory=list
    )  # type, name, value, include


def _fingerprint_sql(schema: Schema) -> str:
    """An SQL digest of everything of an order that 1C gets: equal digest, nothing to resend."""
    items = schema.table("order_items")
    surcharges = schema.table("order_surcharges")
    return (
        "MD5(CONCAT_WS('|', o.orderNumber, o.total, o.subtotal, o.payment_status_id,"
        " o.shipping_status_id, o.notes, o.payment_method_name, o.shipping_method_name, o.date,"
        f" (SELECT GROUP_CONCAT(CONCAT_WS(':', i.item_id, i.object_id, i.amount, i.price, i.total)"
        f" ORDER BY i.item_id) FROM {items} i WHERE {rows_of(schema, 'i')}),"
        f" (SELECT GROUP_CONCAT(CONCAT_WS(':', s.type, s.value, s.available, s.include)"
        f" ORDER BY s.id) FROM {surcharges} s WHERE {rows_of(schema, 's')})))"
    )


def pending(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    exports_table: str,
    since: int | None,
    payment_codes: Sequence[str],
    shipping_codes: Sequence[str],
    vendor: int | None = None,
) -> list[tuple[int, str]]:
    """(order id, fingerprint) of the placed orders whose current state 1C has not confirmed.
    `vendor`: the orders of a vendor's 1C only, its own part of each (vendors.own_orders)."""
    if vendor is not None and not schema.supports("multivendor"):
        return []  # a vendor's login left from a shop that had the module (doctor says so)
    cur.execute("SET SESSION group_concat_max_len = 1048576")
    where, args = ["o.is_order = 1", "o.orderNumber IS NOT NULL"], []
    if vendor is not None:
        # A vendor's own part: its child, numbered itself (separate shops) or known by its
        # numbered parent's number (warehouse).
        where = ["o.is_order = 1", f"{number_sql(schema)} IS NOT NULL", "o.vendor_id = %s"]
        args.append(vendor)
    if since is not None:
        where.append("o.date >= %s")
        args.append(since)
    if payment_codes:
        where.append(f"ps.code IN ({placeholders(payment_codes)})")
        args += [c.upper() for c in payment_codes]
    if shipping_codes:
        where.append(f"ss.code IN ({placeholders(shipping_codes)})")
        args += [c.upper() for c in shipping_codes]
    if schema.supports("multivendor"):
        # Only the numbered orders go (the parent in warehouse mode, each vendor's child in
        # separate-shops mode: X-Cart numbers the one the customer sees), and never a split
        # order whose children hold no line: it would reach 1C empty.
        where.append(
            f"(NOT EXISTS (SELECT 1 FROM {schema.table('orders')} c"
            " WHERE c.parent_id = o.order_id)"
            f" OR EXISTS (SELECT 1 FROM {schema.table('order_items')} i"
            f" WHERE {rows_of(schema, 'i')}))"
        )
    cur.execute(
        f"SELECT x.order_id, fp FROM (SELECT o.order_id, {_fingerprint_sql(schema)} AS fp"
        f" FROM {schema.table('orders')} o"
        f" LEFT JOIN {schema.table('order_payment_statuses')} ps ON ps.id = o.payment_status_id"
        f" LEFT JOIN {schema.table('order_shipping_statuses')} ss ON ss.id = o.shipping_status_id"
        f" WHERE {' AND '.join(where)}) x"
        f" LEFT JOIN {exports_table} e ON e.order_id = x.order_id AND e.vendor_id = %s"
        " WHERE e.fingerprint IS NULL OR e.fingerprint <> x.fp ORDER BY x.order_id",
        [*args, vendor or 0],
    )
    return list(cur.fetchall())


def fingerprints(
    cur: pymysql.cursors.Cursor, schema: Schema, order_ids: Sequence[int]
) -> dict[int, str]:
    if not order_ids:
        return {}
    cur.execute("SET SESSION group_concat_max_len = 1048576")
    cur.execute(
        f"SELECT o.order_id, {_fingerprint_sql(schema)} FROM {schema.table('orders')} o"
        f" WHERE o.order_id IN ({placeholders(order_ids)})",
        tuple(order_ids),
    )
    return dict(cur.fetchall())


def load(
    cur: pymysql.cursors.Cursor, schema: Schema, order_ids: Sequence[int], language: str
) -> list[Order]:
    """The orders with their items, surcharges, customer and address, in a few queries."""
    if not order_ids:
        return []
    ids = tuple(order_ids)
    marks = placeholders(ids)
    t = schema.table
    cur.execute(
        f"SELECT o.order_id, {number_sql(schema)}, o.date, o.total, o.subtotal,"
        " COALESCE(c.code, ''), o.notes, COALESCE(o.payment_method_name, ''),"
        " COALESCE(o.shipping_method_name, ''),"
        " COALESCE(ps.code, ''), COALESCE(pst.name, ''), COALESCE(ss.code, ''),"
        " COALESCE(sst.name, ''),"
        f" (SELECT MAX(h.date) FROM {t('order_history_events')} h WHERE h.order_id = o.order_id"
        "  AND h.code LIKE 'CHANGE%%STATUS%%'), o.adminNotes"
        f" FROM {t('orders')} o"
        f" LEFT JOIN {t('currencies')} c ON c.currency_id = o.currency_id"
        f" LEFT JOIN {t('order_payment_statuses')} ps ON ps.id = o.payment_status_id"
        f" LEFT JOIN {t('order_payment_status_translations')} pst"
        " ON pst.id = ps.id AND pst.code = %s"
        f" LEFT JOIN {t('order_shipping_statuses')} ss ON ss.id = o.shipping_status_id"
        f" LEFT JOIN {t('order_shipping_status_translations')} sst"
        " ON sst.id = ss.id AND sst.code = %s"
        f" WHERE o.order_id IN ({marks}) ORDER BY o.order_id",
        (language, language, *ids),
    )
    orders = {
        r[0]: Order(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            r[8],
            r[9],
            r[10],
            r[11],
            r[12],
            r[13] or r[2],
            r[14] or "",
        )
        for r in cur.fetchall()
    }
    # Whose rows are whose: an order's own, and in a multi-vendor shop its children's.
    owner = {oid: oid for oid in orders} | children_of(cur, schema, ids)
    rows = tuple(owner)
    marks = placeholders(rows)
    cur.execute(
        f"SELECT order_id, name, sku, price, amount, total, object_id, {_variant_column(schema)},"
        f" item_id FROM {t('order_items')} WHERE order_id IN ({marks}) ORDER BY item_id",
        rows,
    )
    for oid, *item in cur.fetchall():
        orders[owner[oid]].items.append(OrderItem(*item))
    cur.execute(
        f"SELECT order_id, type, name, value, include FROM {t('order_surcharges')}"
        f" WHERE available = 1 AND order_id IN ({marks}) ORDER BY weight, id",
        rows,
    )
    for oid, kind, name, value, include in cur.fetchall():
        orders[owner[oid]].surcharges.append((kind.strip(), name, value, bool(include)))
    cur.execute(
        f"SELECT order_id, value FROM {t('order_tracking_number')}"
        f" WHERE order_id IN ({marks}) ORDER BY tracking_id",
        rows,
    )
    for oid, number in cur.fetchall():
        orders[owner[oid]].tracking.append(number)
    marks = placeholders(ids)
    if schema.supports("coupons"):
        cur.execute(
            f"SELECT order_id, code FROM {t('order_coupons')} WHERE order_id IN ({marks})"
            " ORDER BY id",
            ids,
        )
        for oid, code in cur.fetchall():
            orders[oid].coupons.append(code.strip())
    # The order's own copy of the customer profile, its membership and its addresses.
    cur.execute(
        f"SELECT p.order_id, p.login, COALESCE(mt.name, ''), a.address_id, a.country_code,"
        f" a.is_shipping FROM {t('profiles')} p"
        f" LEFT JOIN {t('membership_translations')} mt"
        "  ON mt.id = p.membership_id AND mt.code = %s"
        f" LEFT JOIN {t('profile_addresses')} a ON a.profile_id = p.profile_id"
        f" WHERE p.order_id IN ({marks}) ORDER BY p.order_id, a.is_billing DESC, a.address_id",
        (language, *ids),
    )
    billing: dict[int, int] = {}
    shipping: dict[int, int] = {}
    for oid, login, membership, address_id, country, is_shipping in cur.fetchall():
        if oid not in orders:
            continue
        if oid not in billing:  # billing first, else the only address
            orders[oid].email, orders[oid].country = login or "", country or ""
            orders[oid].membership = membership
            if address_id is not None:
                billing[oid] = address_id
        if is_shipping and oid not in shipping:
            shipping[oid] = address_id
    aids = tuple({*billing.values(), *shipping.values()})
    if aids:
        cur.execute(
            f"SELECT v.address_id, f.serviceName, v.value FROM {t('address_field_value')} v"
            f" JOIN {t('address_field')} f ON f.id = v.address_field_id"
            f" WHERE v.address_id IN ({placeholders(aids)})",
            aids,
        )
        fields: dict[int, dict[str, str]] = {}
        for aid, service, value in cur.fetchall():
            fields.setdefault(aid, {})[service] = value or ""
        for oid, aid in billing.items():
            orders[oid].address = fields.get(aid, {})
        for oid, aid in shipping.items():
            orders[oid].shipping_address = fields.get(aid, {})
    return [orders[i] for i in ids if i in orders]


def status_ids(
    cur: pymysql.cursors.Cursor, schema: Schema, kind: str
) -> dict[str, tuple[int, str]]:
    """code → (id, name) of the payment or shipping statuses."""
    statuses = schema.table(f"order_{kind}_statuses")
    names = schema.table(f"order_{kind}_status_translations")
    cur.execute(
        f"SELECT s.code, s.id, COALESCE(t.name, s.code) FROM {statuses} s"
        f" LEFT JOIN {names} t ON t.id = s.id AND t.code = 'en'"
    )
    return {code: (sid, name) for code, sid, name in cur.fetchall()}


def current_statuses(
    cur: pymysql.cursors.Cursor, schema: Schema, order_id: int
) -> tuple[int | None, int | None] | None:
    cur.execute(
        f"SELECT payment_status_id, shipping_status_id FROM {schema.table('orders')}"
        " WHERE order_id = %s AND is_order = 1",
        (order_id,),
    )
    row = cur.fetchone()
    return None if row is None else (row[0], row[1])


def by_number(cur: pymysql.cursors.Cursor, schema: Schema, number: str) -> list[int]:
    """The orders (not carts) whose order number (`orderNumber`) is `number`."""
    cur.execute(
        f"SELECT order_id FROM {schema.table('orders')}"
        " WHERE orderNumber = %s AND is_order = 1 ORDER BY order_id",
        (number,),
    )
    return [int(r[0]) for r in cur.fetchall()]


def set_status(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    order_id: int,
    kind: str,
    new: tuple[int, str],
    old_name: str,
) -> None:
    """Change a payment or shipping status and write the history row X-Cart writes for it."""
    cur.execute(
        f"UPDATE {schema.table('orders')} SET {quote_identifier(kind + '_status_id')} = %s"
        " WHERE order_id = %s",
        (new[0], order_id),
    )
    add_history(
        cur,
        schema,
        order_id,
        f"CHANGE {kind.upper()} STATUS ORDER",
        f"Order {kind} status changed from {{{{oldStatus}}}} to {{{{newStatus}}}}",
        {"orderId": order_id, "newStatus": new[1], "oldStatus": old_name},
    )


def add_history(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    order_id: int,
    code: str,
    description: str,
    data: dict[str, object],
) -> None:
    schema.insert_rows(
        cur,
        "order_history_events",
        [
            {
                "order_id": order_id,
                "date": int(time.time()),
                "code": code,
                "description": description,
                "data": serialize(data),
                "comment": "",
                "authorName": AUTHOR,
                "authorIp": "",
            }
        ],
    )


def set_detail(
    cur: pymysql.cursors.Cursor, schema: Schema, order_id: int, name: str, label: str, value: str
) -> bool:
    """An order detail the admin sees on the order page; returns whether it changed."""
    table = schema.table("order_details")
    cur.execute(
        f"SELECT detail_id, value FROM {table} WHERE order_id = %s AND name = %s", (order_id, name)
    )
    row = cur.fetchone()
    if row and row[1] == value:
        return False
    if row:
        cur.execute(f"UPDATE {table} SET value = %s WHERE detail_id = %s", (value, row[0]))
    else:
        schema.insert_rows(
            cur,
            "order_details",
            [{"order_id": order_id, "name": name, "label": label, "value": value}],
        )
    return True


def _variant_column(schema: Schema) -> str:
    """An order line's variant (XC\\ProductVariants adds the column; NULL without it)."""
    return "variant_id" if schema.supports("order_item_variants") else "NULL"


def items_of(cur: pymysql.cursors.Cursor, schema: Schema, order_id: int) -> list[tuple]:
    """(item id, product id, variant id, amount, price) of an order."""
    cur.execute(
        f"SELECT item_id, object_id, {_variant_column(schema)}, amount, price"
        f" FROM {schema.table('order_items')} WHERE order_id = %s ORDER BY item_id",
        (order_id,),
    )
    return list(cur.fetchall())


def existing(
    cur: pymysql.cursors.Cursor, schema: Schema, kind: str, ids: Sequence[int]
) -> set[int]:
    """Which of the product or variant ids the shop has (none of a kind it cannot have)."""
    table, pk = TARGETS[kind]
    if not ids or (kind == "variant" and not schema.supports("variants")):
        return set()
    cur.execute(
        f"SELECT {pk} FROM {schema.table(table)} WHERE {pk} IN ({placeholders(ids)})", tuple(ids)
    )
    return {r[0] for r in cur.fetchall()}


def change_items(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    order_id: int,
    updates: Sequence[tuple[int, int, Decimal]],
    removed: Sequence[int],
    added: Sequence[tuple[int | None, int | None, str, Decimal, int]],
) -> None:
    """(item, amount, price) updates, removed item ids, (product, variant, name, price, amount)
    additions; then the order's subtotal and total as X-Cart's calculate() makes them."""
    table = schema.table("order_items")
    now = int(time.time())
    # X-Cart 5.5 stamps a changed line (updateDate); 5.4 has no such column.
    stamp = ", updateDate = %s" if schema.has_column("order_items", "updateDate") else ""
    cur.executemany(
        f"UPDATE {table} SET amount = %s, price = %s, itemNetPrice = %s, subtotal = %s * %s,"
        f" discountedSubtotal = %s * %s, total = %s * %s{stamp} WHERE item_id = %s",
        [(a, p, p, p, a, p, a, p, a, *([now] if stamp else []), i) for i, a, p in updates],
    )
    if removed:
        cur.execute(
            f"DELETE FROM {table} WHERE item_id IN ({placeholders(removed)})", tuple(removed)
        )
    rows = [
        {
            "order_id": order_id,
            "object_type": "product",
            "object_id": pid,
            "name": name[:255],
            "sku": "",
            "price": p,
            "itemNetPrice": p,
            "amount": a,
            "subtotal": p * a,
            "discountedSubtotal": p * a,
            "total": p * a,
            **({"variant_id": vid} if schema.supports("order_item_variants") else {}),
            **({"updateDate": now} if stamp else {}),
        }
        for pid, vid, name, p, a in added
    ]
    schema.insert_rows(cur, "order_items", rows)
    recalculate(cur, schema, order_id)


def set_shipping_cost(
    cur: pymysql.cursors.Cursor, schema: Schema, order_id: int, value: Decimal
) -> bool:
    cur.execute(
        f"UPDATE {schema.table('order_surcharges')} SET value = %s"
        " WHERE order_id = %s AND type = 'shipping' AND available = 1 AND value <> %s",
        (value, order_id, value),
    )
    changed = cur.rowcount > 0
    if changed:
        recalculate(cur, schema, order_id)
    return changed


def recalculate(cur: pymysql.cursors.Cursor, schema: Schema, order_id: int) -> None:
    """subtotal = the items' totals; total = subtotal + the counted surcharges, never below 0."""
    cur.execute(
        f"UPDATE {schema.table('orders')} o SET"
        f" o.subtotal = (SELECT COALESCE(SUM(total), 0) FROM {schema.table('order_items')}"
        "  WHERE order_id = o.order_id),"
        f" o.total = GREATEST(0, o.subtotal + (SELECT COALESCE(SUM(value), 0) FROM"
        f"  {schema.table('order_surcharges')} WHERE order_id = o.order_id AND available = 1"
        "  AND include = 0))"
        " WHERE o.order_id = %s",
        (order_id,),
    )
