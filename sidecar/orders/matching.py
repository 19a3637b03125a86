"""Which shop order a document from 1C names. 1C names a site order by its Номер and puts its
own GUID in Ид; other clients send the site's own id back. Pure lookup: nothing is written."""

from __future__ import annotations

import pymysql

from ..commerceml.documents import IncomingDocument
from ..state import order_changes as queue
from ..xcart import orders as xc_orders
from ..xcart.schema import Schema


def find_order(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    doc: IncomingDocument,
) -> tuple[int | None, str]:
    """The shop order a document from 1C names, or None and why. 1C names a site order by
    its Номер — the shop's order number it was given, which is how 1C itself finds the order
    again (БЭД's НомерЗаказаНаСайте) — and puts its own GUID in Ид; so the Номер comes first.
    Next, 1C's Ид recorded with an earlier document of an order. Last, a numeric Ид as the
    order's own id, for clients that send back the Ид the site gave (1C-Bitrix's module,
    hand-made files). A numeric Ид never outweighs a Номер that names a shop order: X-Cart
    numbers orders from a counter the admin may set, so the id of one order can be the number
    of another, and the Номер is the reference 1C keeps; it decides only between several
    orders with the same number."""
    number = doc.number.strip()
    if number:
        found = xc_orders.by_number(cur, schema, number)
        if len(found) == 1:
            return found[0], ""
        if doc.id.isdigit() and int(doc.id) in found:
            return int(doc.id), ""
        if found:
            ids = ", ".join(map(str, found[:5]))
            return None, f"order № {number}: {len(found)} shop orders have this number ({ids})"
    if doc.id and not doc.id.isdigit():
        known = queue.order_of(cur, prefix, doc.id)
        if known is not None and xc_orders.current_statuses(cur, schema, known) is not None:
            return known, ""
    if doc.id.isdigit() and xc_orders.current_statuses(cur, schema, int(doc.id)) is not None:
        return int(doc.id), ""
    return None, f"order {doc.id or '(no Ид)'} (№ {doc.number}) is not in the shop"


def onec_id(doc: IncomingDocument, order_id: int) -> str:
    """1C's own Ид of the document, '' when it is the order's own id."""
    return "" if doc.id.strip() in ("", str(order_id)) else doc.id.strip()
