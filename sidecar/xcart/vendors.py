"""XC\\MultiVendor as X-Cart stores it: a cart of several vendors' goods is split into a
parent order and one child per vendor (`orders.parent_id`, `orders.vendor_id`, the store
owner's child with vendor NULL), the items and surcharges under the children; the vendors
are profiles with a `vendor` row. Every query here is a no-op in a shop without the module."""

from __future__ import annotations

from collections.abc import Sequence

import pymysql

from ..db import placeholders
from .schema import Schema


def rows_of(schema: Schema, alias: str) -> str:
    """SQL: the order ids whose items and surcharges are order `o`'s. Its own; in a
    multi-vendor shop also its children's, where X-Cart keeps a split order's rows (the
    parent's getItems() is the union of its children's, XC\\MultiVendor's Model/Order.php)."""
    if not schema.supports("multivendor"):
        return f"{alias}.order_id = o.order_id"
    return (
        f"({alias}.order_id = o.order_id OR {alias}.order_id IN"
        f" (SELECT c.order_id FROM {schema.table('orders')} c WHERE c.parent_id = o.order_id))"
    )


def children_of(
    cur: pymysql.cursors.Cursor, schema: Schema, order_ids: Sequence[int]
) -> dict[int, int]:
    """child order id → its parent, for the split orders among `order_ids` (none in a shop
    without XC\\MultiVendor)."""
    if not order_ids or not schema.supports("multivendor"):
        return {}
    cur.execute(
        f"SELECT order_id, parent_id FROM {schema.table('orders')}"
        f" WHERE parent_id IN ({placeholders(order_ids)}) ORDER BY order_id",
        tuple(order_ids),
    )
    return dict(cur.fetchall())


def is_split(cur: pymysql.cursors.Cursor, schema: Schema, order_id: int) -> bool:
    """Whether an order is part of a multi-vendor split: a parent with children, or a child."""
    if not schema.supports("multivendor"):
        return False
    orders = schema.table("orders")
    cur.execute(
        f"SELECT 1 FROM {orders} o WHERE o.order_id = %s AND (o.parent_id IS NOT NULL"
        f" OR EXISTS (SELECT 1 FROM {orders} c WHERE c.parent_id = o.order_id))",
        (order_id,),
    )
    return cur.fetchone() is not None


def number_sql(schema: Schema) -> str:
    """SQL: order `o`'s number. A vendor's child in warehouse mode has none of its own: it is
    known by its parent's, the number the customer, the store owner and 1C know."""
    if not schema.supports("multivendor"):
        return "o.orderNumber"
    return (
        f"COALESCE(o.orderNumber, (SELECT p.orderNumber FROM {schema.table('orders')} p"
        " WHERE p.order_id = o.parent_id))"
    )


def vendor_of_order(cur: pymysql.cursors.Cursor, schema: Schema, order_id: int) -> int | None:
    """The vendor an order (a child) belongs to; None for the store owner's and a parent."""
    if not schema.supports("multivendor"):
        return None
    cur.execute(f"SELECT vendor_id FROM {schema.table('orders')} WHERE order_id = %s", (order_id,))
    row = cur.fetchone()
    return None if row is None or row[0] is None else int(row[0])


def vendor_profile(cur: pymysql.cursors.Cursor, schema: Schema, who: str) -> int | None:
    """The profile id of the vendor named by login or profile id; None when no such vendor."""
    if not schema.has_table("vendor"):
        return None
    cur.execute(
        f"SELECT p.profile_id FROM {schema.table('profiles')} p"
        f" JOIN {schema.table('vendor')} v ON v.profile_id = p.profile_id"
        " WHERE p.order_id IS NULL AND (p.login = %s OR p.profile_id = %s)"
        " ORDER BY p.profile_id LIMIT 1",
        (who, int(who) if who.isdigit() else -1),
    )
    row = cur.fetchone()
    return None if row is None else int(row[0])
