"""Order documents from 1C → X-Cart: the 1C number and date, payment, shipment, cancellation
and status, each change with the history row X-Cart writes. Only the orders a document names
change; an unknown order or status is reported, never guessed."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymysql

from ..commerceml.documents import IncomingDocument, iter_documents
from ..commerceml.reader import flag
from ..db import transaction
from ..state import idmap
from ..state import order_exports as exports
from ..xcart import orders as xc_orders
from ..xcart.schema import Schema
from ..xcart.shop import bump_entity_versions
from .export import DELIVERY_ID as DELIVERY
from .line_ids import shop_ids

DETAILS = [  # (requisite, order detail name, label the admin sees)
    ("Номер по 1С", "xc1c_number", "Номер в 1С"),
    ("Дата по 1С", "xc1c_date", "Дата в 1С"),
    ("Проведен", "xc1c_posted", "Проведён в 1С"),
    ("Номер оплаты по 1С", "xc1c_payment_number", "Оплата в 1С, номер"),
    ("Дата оплаты по 1С", "xc1c_payment_date", "Оплата в 1С, дата"),
    ("Номер отгрузки по 1С", "xc1c_shipment_number", "Отгрузка в 1С, номер"),
    ("Дата отгрузки по 1С", "xc1c_shipment_date", "Отгрузка в 1С, дата"),
]


@dataclass
class Outcome:
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        c = self.counts
        return [
            f"documents: {c['documents']}, orders changed: {c['orders_changed']},"
            f" unchanged: {c['orders_unchanged']}, unknown: {c['orders_unknown']}",
            *self.warnings[:20],
        ]


def parse_status_map(entries: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """`1C status = payment CODE` / `= shipping CODE` entries → {folded status: (kind, CODE)}."""
    out = {}
    for entry in entries:
        name, _, target = entry.rpartition("=")
        kind, _, code = target.strip().partition(" ")
        if name.strip() and kind in ("payment", "shipping") and code.strip():
            out[name.strip().casefold()] = (kind, code.strip().upper())
    return out


def _wanted(
    doc: IncomingDocument,
    settings: dict[str, Any],
    status_map: dict[str, tuple[str, str]],
    outcome: Outcome,
) -> dict[str, str]:
    """The payment/shipping status codes 1C's document asks for."""
    r = doc.requisites
    wanted: dict[str, str] = {}
    text = r.get("Статус заказа", "").strip()
    if text:
        mapped = status_map.get(text.casefold())
        if mapped is None and text.startswith("[") and "]" in text:  # Bitrix style «[F] Доставлен»
            mapped = status_map.get(text[1 : text.index("]")].strip().casefold())
        if mapped is None:
            outcome.counts["statuses_not_mapped"] += 1
            outcome.warnings.append(
                f"order {doc.id}: 1C status {text!r} is not in status_map, ignored"
            )
        else:
            wanted[mapped[0]] = mapped[1]
    if flag(r.get("Заказ оплачен")) or flag(r.get("Оплачен")) or r.get("Номер оплаты по 1С"):
        wanted["payment"] = settings["status_paid"].strip().upper()
    if flag(r.get("Отгружен")) or r.get("Номер отгрузки по 1С"):
        wanted["shipping"] = settings["status_shipped"].strip().upper()
    if flag(r.get("ПометкаУдаления")) or flag(r.get("Отменен")):
        wanted["payment"] = settings["status_cancelled"].strip().upper()
    return wanted


def apply_file(
    conn: pymysql.Connection, prefix: str, settings: dict[str, Any], path: Path
) -> Outcome:
    """Apply every document of a 1C orders file, each order in its own transaction."""
    schema = Schema(conn, prefix)
    outcome = Outcome()
    status_map = parse_status_map(settings["status_map"])
    with transaction(conn) as cur:
        statuses = {k: xc_orders.status_ids(cur, schema, k) for k in ("payment", "shipping")}
    names = {k: {sid: name for sid, name in v.values()} for k, v in statuses.items()}
    with path.open("rb") as stream:
        for doc in iter_documents(stream):
            outcome.counts["documents"] += 1
            with transaction(conn) as cur:
                _apply(cur, schema, prefix, doc, _wanted(doc, settings, status_map, outcome),
                       statuses, names, outcome, settings)  # fmt: skip
    return outcome


def _line_keys(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    ext_ids: list[str],
    current: list[tuple],
) -> dict[str, tuple[int | None, int | None] | None]:
    """The (product, variant) each Ид of 1C's lines names; None for one that names nothing."""
    bases = [i.partition("#")[0] for i in ext_ids]
    products = idmap.ids(cur, prefix, "product", ext_ids + bases)
    variants = idmap.ids(cur, prefix, "variant", ext_ids) if schema.supports("variants") else {}
    own = {i: shop_ids(i) for i in ext_ids}
    shop_products = xc_orders.existing(
        cur, schema, "product", [s.product for s in own.values() if s.product is not None]
    )
    shop_variants = xc_orders.existing(
        cur, schema, "variant", [s.variant for s in own.values() if s.variant is not None]
    )
    by_item = {item: (pid, vid) for item, pid, vid, _, _ in current}
    keys: dict[str, tuple[int | None, int | None] | None] = {}
    for ext, base in zip(ext_ids, bases, strict=True):
        s = own[ext]
        if s.item is not None:
            keys[ext] = by_item.get(s.item)
            continue
        pid = products.get(ext) or products.get(base)
        if pid is None and s.product in shop_products:
            pid = s.product
        vid = variants.get(ext)
        if vid is None and s.variant is not None:
            vid = s.variant if s.variant in shop_variants else None
            if vid is None:
                pid = None  # a variant the shop no longer has
        keys[ext] = None if pid is None else (pid, vid)
    return keys


def _change_items(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    order_id: int,
    doc: IncomingDocument,
    outcome: Outcome,
) -> bool:
    """Make the order's items what 1C's document lists (matched by Ид, see line_ids), and its
    delivery cost what the ORDER_DELIVERY line says. A line that names nothing in the shop is
    reported and the items stay as they are: a line without a product is never written."""
    goods = [i for i in doc.items if i.id != DELIVERY]
    rows = xc_orders.items_of(cur, schema, order_id)
    keys = _line_keys(cur, schema, prefix, [i.id for i in goods], rows)
    unknown = [g.id or "(no Ид)" for g in goods if keys[g.id] is None]
    changed = False
    if unknown:
        outcome.counts["order_lines_unknown"] += len(unknown)
        outcome.warnings.append(
            f"order {order_id}: line(s) {', '.join(unknown[:5])} match no product of the shop;"
            " its items are left as they were"
        )
    else:
        current = {(pid, vid): (item, amount, price) for item, pid, vid, amount, price in rows}
        updates, added, kept = [], [], set()
        for good in goods:
            key = keys[good.id]
            amount = int(good.quantity)
            if key in current and key not in kept:
                kept.add(key)
                item, old_amount, old_price = current[key]
                if (old_amount, old_price) != (amount, good.price):
                    updates.append((item, amount, good.price))
            else:
                added.append((*key, good.name, good.price, amount))
        removed = [item for key, (item, _, _) in current.items() if key not in kept]
        changed = bool(updates or added or removed)
        if changed:
            xc_orders.change_items(cur, schema, order_id, updates, removed, added)
    delivery = next((i for i in doc.items if i.id == DELIVERY), None)
    if delivery is not None and xc_orders.set_shipping_cost(cur, schema, order_id, delivery.total):
        changed = True
    if changed:
        xc_orders.add_history(
            cur, schema, order_id, "ORDER EDITED", "Items changed in 1C", {"orderId": order_id}
        )
    return changed


def _apply(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    doc: IncomingDocument,
    wanted: dict[str, str],
    statuses: dict,
    names: dict,
    outcome: Outcome,
    settings: dict[str, Any],
) -> None:
    order_id = int(doc.id) if doc.id.isdigit() else None
    current = xc_orders.current_statuses(cur, schema, order_id) if order_id else None
    if current is None:
        outcome.counts["orders_unknown"] += 1
        outcome.warnings.append(f"order {doc.id or '(no Ид)'} (№ {doc.number}) is not in the shop")
        return
    changed = False
    for requisite, name, label in DETAILS:
        value = doc.requisites.get(requisite)
        if value is not None and xc_orders.set_detail(cur, schema, order_id, name, label, value):
            changed = True
    if changed and doc.requisites.get("Номер по 1С"):
        xc_orders.add_history(
            cur, schema, order_id, "ORDER EDITED", "1C document {{number}} of {{date}}",
            {"number": doc.requisites["Номер по 1С"], "date": doc.requisites.get("Дата по 1С", "")},
        )  # fmt: skip
    if (
        settings["orders_accept_items"]
        and doc.items
        and _change_items(cur, schema, prefix, order_id, doc, outcome)
    ):
        changed = True
    for kind, index in (("payment", 0), ("shipping", 1)):
        code = wanted.get(kind)
        if code is None:
            continue
        if code not in statuses[kind]:
            outcome.warnings.append(f"order {order_id}: X-Cart has no {kind} status {code!r}")
            continue
        new = statuses[kind][code]
        if current[index] == new[0]:
            continue
        xc_orders.set_status(cur, schema, order_id, kind, new, names[kind].get(current[index], ""))
        changed = True
    if changed:
        outcome.counts["orders_changed"] += 1
        bump_entity_versions(cur, schema, xc_orders.ENTITY_CLASSES)
        fingerprint = xc_orders.fingerprints(cur, schema, [order_id])[order_id]
        exports.known_to_1c(cur, prefix, order_id, fingerprint)
    else:
        outcome.counts["orders_unchanged"] += 1
