"""Order documents from 1C → X-Cart: the 1C number and date, payment, shipment, cancellation,
status and (when allowed) items. Each document becomes a change — what the order should be, not
steps to get there — recorded before it is applied, so applying it again changes nothing. The
module's PHP side applies it through X-Cart's own order model (its e-mails, stock, sales and
history); without that side the sidecar writes it directly, with the history rows X-Cart
writes. Only the orders a document names change; an unknown order or status is reported,
never guessed."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymysql

from ..commerceml.documents import IncomingDocument, iter_documents
from ..commerceml.reader import flag
from ..commerceml.records import split_item_id
from ..db import transaction
from ..settings.values import parse_status_map
from ..state import idmap
from ..state import order_changes as queue
from ..state import order_exports as exports
from ..xcart import orders as xc_orders
from ..xcart import vendors
from ..xcart.schema import Schema
from ..xcart.shop import bump_entity_versions
from .export import DELIVERY_ID as DELIVERY
from .line_ids import shop_ids
from .matching import find_order, onec_id
from .statuses import statuses
from .xcart_side import Absent, Unreachable, XCartSide

log = logging.getLogger(__name__)

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

    how: list[str] = field(default_factory=list)  # how the changes were applied

    def lines(self) -> list[str]:
        c = self.counts
        return [
            f"documents: {c['documents']}, orders changed: {c['orders_changed']},"
            f" unchanged: {c['orders_unchanged']}, unknown: {c['orders_unknown']}",
            *self.how,
            *self.warnings[:20],
        ]


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
    meaning = statuses(settings)
    if flag(r.get("Заказ оплачен")) or flag(r.get("Оплачен")) or r.get("Номер оплаты по 1С"):
        wanted["payment"] = meaning.paid
    if flag(r.get("Отгружен")) or r.get("Номер отгрузки по 1С"):
        wanted["shipping"] = meaning.shipped
    if flag(r.get("ПометкаУдаления")) or flag(r.get("Отменен")):
        wanted["payment"] = meaning.cancelled
    return wanted


@dataclass
class Change:
    """What 1C's document wants an order to be. Kept as JSON in the queue, where the module's
    PHP side reads it (the field names are that side's contract)."""

    order_id: int
    version: str  # 1C's НомерВерсии of the document, when it sends one
    details: list[tuple[str, str, str]]  # (order detail name, label, value)
    document: tuple[str, str] | None  # 1C's (number, date), for the history
    payment: str | None  # X-Cart status codes
    shipping: str | None
    items: list[dict[str, Any]] | None  # None: the items stay as they are
    shipping_cost: str | None
    notify_customer: bool  # False: X-Cart sends the customer nothing about it

    def payload(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_payload(cls, text: str) -> Change:
        data = json.loads(text)
        data["details"] = [tuple(d) for d in data["details"]]
        data["document"] = tuple(data["document"]) if data["document"] else None
        return cls(**data)


def document_key(doc: IncomingDocument, settings: dict[str, Any]) -> str:
    """The same document sent again has the same key: what 1C wrote in it (its НомерВерсии
    included), and whether its items count. Not the change worked out from it, which names the
    order's lines as they are at the time."""
    sent = [
        doc.id,
        doc.number,
        sorted(doc.requisites.items()),
        [[i.id, i.name, str(i.price), str(i.quantity), str(i.total)] for i in doc.items],
        bool(settings["orders_accept_items"]),
    ]
    return hashlib.sha1(json.dumps(sent, ensure_ascii=False).encode()).hexdigest()


def apply_file(
    conn: pymysql.Connection,
    prefix: str,
    settings: dict[str, Any],
    path: Path,
    side: XCartSide | str = "applied by the sidecar",
    vendor: int | None = None,
) -> Outcome:
    """Record every document of a 1C orders file as a change (each order in its own
    transaction), then have X-Cart apply them (`side`), or apply them directly, with `side`
    the reason why. `vendor`: the file comes from a vendor's 1C, which changes that vendor's
    own orders only."""
    schema = Schema(conn, prefix)
    outcome = Outcome()
    status_map = parse_status_map(settings["status_map"])
    with transaction(conn) as cur:
        known = {k: xc_orders.status_ids(cur, schema, k) for k in ("payment", "shipping")}
    recorded = []
    with path.open("rb") as stream:
        for doc in iter_documents(stream):
            outcome.counts["documents"] += 1
            with transaction(conn) as cur:
                change = _plan(
                    cur,
                    schema,
                    prefix,
                    doc,
                    _wanted(doc, settings, status_map, outcome),
                    known,
                    outcome,
                    settings,
                    vendor,
                )
                if change is None:
                    continue
                change_id = queue.record(
                    cur,
                    prefix,
                    change.order_id,
                    onec_id(doc, change.order_id),
                    change.version,
                    document_key(doc, settings),
                    change.payload(),
                    vendor or 0,
                )
                if change_id is None:
                    outcome.counts["orders_unchanged"] += 1
                    outcome.counts["changes_seen_before"] += 1
                    continue
                if isinstance(side, str):
                    _count(
                        outcome,
                        apply_directly(
                            cur, schema, prefix, change_id, change, side, known, vendor or 0
                        ),
                    )
                else:
                    recorded.append(change_id)
    if outcome.counts["changes_seen_before"]:
        outcome.how.append(
            f"{outcome.counts['changes_seen_before']} order change(s) were received before:"
            " not applied again"
        )
    if isinstance(side, str):
        if outcome.counts["orders_changed"]:
            outcome.how.append(
                f"applied directly ({side}): X-Cart sent no e-mails and moved no stock"
            )
    elif recorded:
        _through_xcart(conn, schema, prefix, side, recorded, outcome)
    return outcome


def _count(outcome: Outcome, changed: bool) -> None:
    outcome.counts["orders_changed" if changed else "orders_unchanged"] += 1


def _through_xcart(
    conn: pymysql.Connection,
    schema: Schema,
    prefix: str,
    side: XCartSide,
    ids: list[int],
    outcome: Outcome,
) -> None:
    """X-Cart applies the waiting changes; the reply counts what became of these."""
    reason = deliver(conn, prefix, side, schema=schema)
    with transaction(conn) as cur:
        rows = queue.rows(cur, prefix, ids)
    by_state = Counter(r.state for r in rows)
    for r in rows:
        if r.state == queue.APPLIED:
            _count(outcome, bool(_result(r.result).get("changed", True)))
        elif r.state == queue.FAILED or r.error:
            outcome.warnings.append(
                f"order {r.order_id}: X-Cart could not apply 1C's change: {r.error}"
            )
    by_xcart = sum(1 for r in rows if r.state == queue.APPLIED and r.applied_by == queue.BY_XCART)
    if by_xcart:
        outcome.how.append(f"applied through X-Cart: {by_xcart} (its e-mails, stock and sales)")
    if by_state[queue.APPLIED] > by_xcart:
        outcome.how.append(f"applied directly: {by_state[queue.APPLIED] - by_xcart} ({reason})")
    if by_state[queue.WAITING]:
        outcome.counts["orders_waiting"] += by_state[queue.WAITING]
        outcome.how.append(
            f"waiting for X-Cart: {by_state[queue.WAITING]} ({reason}); applied by X-Cart's cron"
            " or the next exchange"
        )
    if by_state[queue.FAILED]:
        outcome.counts["orders_failed"] += by_state[queue.FAILED]


def _result(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def deliver(
    conn: pymysql.Connection,
    prefix: str,
    side: XCartSide | str,
    wait: int = 0,
    schema: Schema | None = None,
) -> str:
    """Have the module's side apply every waiting change, then take the applied ones into
    account. When that side is absent (or `side` is why it is not used) apply them directly;
    when X-Cart does not answer they wait, and those waiting longer than `wait` seconds (0: no
    limit) are applied directly. Returns what happened, for the reply and the log. `schema`:
    the shop's, when the caller has read it (one information_schema scan per file)."""
    now = int(time.time())
    if isinstance(side, str):
        reason, direct_after = side, 0
    else:
        try:
            answer = side.apply()
            reason, direct_after = f"X-Cart module {answer.get('xc1c', '')}".strip(), None
        except Unreachable as exc:
            log.warning("order changes wait: %s", exc)
            reason, direct_after = str(exc), (wait or None)
        except Absent as exc:
            log.warning("order changes applied directly: %s", exc)
            reason, direct_after = str(exc), 0
    if direct_after is not None:
        with transaction(conn) as cur:
            due = [
                i for i, _, created in queue.waiting(cur, prefix) if now - created >= direct_after
            ]
        schema = schema or Schema(conn, prefix)
        with transaction(conn) as cur:
            known = {k: xc_orders.status_ids(cur, schema, k) for k in ("payment", "shipping")}
        for change_id in due:
            with transaction(conn) as cur:
                payload = queue.payloads(cur, prefix, [change_id]).get(change_id)
                if payload is not None:
                    change = Change.from_payload(payload)
                    sender = queue.sender(cur, prefix, change_id)
                    apply_directly(cur, schema, prefix, change_id, change, reason, known, sender)
    settle(conn, prefix, schema)
    return reason


def unfinished(conn: pymysql.Connection, prefix: str) -> bool:
    """Whether any change waits for X-Cart or was applied by it without the sidecar knowing."""
    with transaction(conn) as cur:
        return bool(queue.waiting(cur, prefix) or queue.unsettled(cur, prefix))


def settle(conn: pymysql.Connection, prefix: str, schema: Schema | None = None) -> None:
    """Orders X-Cart changed as 1C asked are as 1C knows them: not sent back as changed."""
    with transaction(conn) as cur:
        rows = queue.unsettled(cur, prefix)
        if not rows:
            return
        schema = schema or Schema(conn, prefix)
        order_ids = sorted({order_id for _, order_id, _ in rows})
        now = xc_orders.fingerprints(cur, schema, order_ids)
        for order_id, sender in sorted({(order_id, sender) for _, order_id, sender in rows}):
            if order_id in now:  # known to the 1C that sent the change, news to any other
                exports.known_to_1c(cur, prefix, order_id, now[order_id], sender)
        queue.settle(cur, prefix, [i for i, _, _ in rows])


def _plan(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    doc: IncomingDocument,
    wanted: dict[str, str],
    known: dict[str, dict[str, tuple[int, str]]],
    outcome: Outcome,
    settings: dict[str, Any],
    vendor: int | None = None,
) -> Change | None:
    order_id, why = find_order(cur, schema, prefix, doc)
    if (
        order_id is not None
        and vendor is not None
        and (vendors.vendor_of_order(cur, schema, order_id) != vendor)
    ):
        # A vendor's 1C changes that vendor's orders only; in warehouse mode the order 1C
        # names is the store owner's numbered parent, whose statuses the owner sets.
        order_id, why = None, f"order № {doc.number}: not an order of this vendor's"
    if order_id is None:
        outcome.counts["orders_unknown"] += 1
        outcome.warnings.append(why)
        return None
    for kind in ("payment", "shipping"):
        if kind in wanted and wanted[kind] not in known[kind]:
            outcome.warnings.append(
                f"order {order_id}: X-Cart has no {kind} status {wanted.pop(kind)!r}"
            )
    r = doc.requisites
    items, shipping_cost = None, None
    if settings["orders_accept_items"] and doc.items and vendors.is_split(cur, schema, order_id):
        outcome.warnings.append(
            f"order {order_id}: a multi-vendor order split among vendors; its items are not"
            " changed from 1C (X-Cart keeps them per vendor)"
        )
    elif settings["orders_accept_items"] and doc.items:
        items = _target_items(cur, schema, prefix, order_id, doc, outcome)
        delivery = next((i for i in doc.items if i.id == DELIVERY), None)
        shipping_cost = None if delivery is None else str(delivery.total)
    return Change(
        order_id=order_id,
        version=r.get("НомерВерсии", ""),
        details=_details(doc, order_id),
        document=(r["Номер по 1С"], r.get("Дата по 1С", "")) if r.get("Номер по 1С") else None,
        payment=wanted.get("payment"),
        shipping=wanted.get("shipping"),
        items=items,
        shipping_cost=shipping_cost,
        notify_customer=settings["orders_notify_customers"] != "never",
    )


def _details(doc: IncomingDocument, order_id: int) -> list[tuple[str, str, str]]:
    """The order details the document sets: its requisites, and 1C's Ид of its document. 1C
    writes no requisite whose value is false (ЗначениеЗаполнено(Ложь) is false), so in a
    document of 1C's («Номер по 1С» present) a missing «Проведен» means not posted."""
    r = dict(doc.requisites)
    if r.get("Номер по 1С") and "Проведен" not in r:
        r["Проведен"] = "false"
    out = [(name, label, r[req]) for req, name, label in DETAILS if r.get(req) is not None]
    if onec_id(doc, order_id):
        out.append(("xc1c_id", "Ид в 1С", onec_id(doc, order_id)))
    return out


def _line_keys(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    ext_ids: list[str],
    current: list[tuple],
) -> dict[str, tuple[int | None, int | None] | None]:
    """The (product, variant) each Ид of 1C's lines names; None for one that names nothing."""
    bases = [split_item_id(i)[0] for i in ext_ids]
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


def _target_items(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    order_id: int,
    doc: IncomingDocument,
    outcome: Outcome,
) -> list[dict[str, Any]] | None:
    """The order's items as 1C's document lists them (matched by Ид, see line_ids): the line
    of the order each one keeps (`item_id`), or a product to add. A line that names nothing in
    the shop is reported and the items stay as they are (None): a line without a product is
    never written."""
    goods = [i for i in doc.items if i.id != DELIVERY]
    rows = xc_orders.items_of(cur, schema, order_id)
    keys = _line_keys(cur, schema, prefix, [i.id for i in goods], rows)
    unknown = [g.id or "(no Ид)" for g in goods if keys[g.id] is None]
    if unknown:
        outcome.counts["order_lines_unknown"] += len(unknown)
        outcome.warnings.append(
            f"order {order_id}: line(s) {', '.join(unknown[:5])} match no product of the shop;"
            " its items are left as they were"
        )
        return None
    current = {(pid, vid): item for item, pid, vid, _, _ in rows}
    kept: set[int] = set()
    out = []
    for good in goods:
        pid, vid = keys[good.id]  # type: ignore[misc]
        item = current.get((pid, vid))
        if item in kept:
            item = None
        if item is not None:
            kept.add(item)
        out.append(
            {
                "item_id": item,
                "product_id": pid,
                "variant_id": vid,
                "name": good.name,
                "price": str(good.price),
                "amount": int(good.quantity),
            }
        )
    return out


def apply_directly(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    prefix: str,
    change_id: int,
    change: Change,
    reason: str,
    known: dict[str, dict[str, tuple[int, str]]],
    vendor: int = 0,
) -> bool:
    """Write a recorded change into X-Cart's tables (with the history rows X-Cart writes), in
    the caller's transaction, unless someone applied it meanwhile. `known`: the shop's
    statuses by kind and code; `vendor`: whose 1C sent it (0: the store owner's). Whether the
    order changed."""
    if not queue.claim(cur, prefix, change_id):
        return False
    order_id = change.order_id
    current = xc_orders.current_statuses(cur, schema, order_id)
    changed = False
    if current is not None:
        changed = _write(cur, schema, change, current, known)
    if changed:
        bump_entity_versions(cur, schema, xc_orders.ENTITY_CLASSES)
        fingerprint = xc_orders.fingerprints(cur, schema, [order_id])[order_id]
        exports.known_to_1c(cur, prefix, order_id, fingerprint, vendor)
    note = json.dumps({"changed": changed, "reason": reason}, ensure_ascii=False)
    queue.applied_directly(cur, prefix, change_id, note)
    return changed


def _write(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    change: Change,
    current: tuple,
    known: dict[str, dict[str, tuple[int, str]]],
) -> bool:
    order_id = change.order_id
    changed = False
    for name, label, value in change.details:
        if xc_orders.set_detail(cur, schema, order_id, name, label, value):
            changed = True
    if changed and change.document:
        xc_orders.add_history(
            cur,
            schema,
            order_id,
            "ORDER EDITED",
            "1C document {{number}} of {{date}}",
            {"number": change.document[0], "date": change.document[1]},
        )
    if _write_items(cur, schema, change):
        changed = True
    # A split order's statuses go down to its children, as XC\\MultiVendor's setPaymentStatus
    # and setShippingStatus pass them, each with its own history row.
    targets = [(order_id, current)] + [
        (child, now)
        for child in vendors.children_of(cur, schema, [order_id])
        if (now := xc_orders.current_statuses(cur, schema, child)) is not None
    ]
    for kind, index in (("payment", 0), ("shipping", 1)):
        code = getattr(change, kind)
        if code is None or code not in known[kind]:
            continue
        statuses = known[kind]
        for target, now in targets:
            if now[index] == statuses[code][0]:
                continue
            old = next((name for sid, name in statuses.values() if sid == now[index]), "")
            xc_orders.set_status(cur, schema, target, kind, statuses[code], old)
            changed = True
    return changed


def _write_items(cur: pymysql.cursors.Cursor, schema: Schema, change: Change) -> bool:
    """Make the order's items and delivery cost what the change says; totals follow."""
    order_id = change.order_id
    changed = False
    if change.items is not None:
        rows = {item: (amount, price) for item, _, _, amount, price
                in xc_orders.items_of(cur, schema, order_id)}  # fmt: skip
        updates, added, kept = [], [], set()
        for line in change.items:
            amount, price = line["amount"], Decimal(line["price"])
            item = line["item_id"]
            if item in rows:
                kept.add(item)
                if rows[item] != (amount, price):
                    updates.append((item, amount, price))
            else:
                added.append((line["product_id"], line["variant_id"], line["name"], price, amount))
        removed = [item for item in rows if item not in kept]
        if updates or added or removed:
            xc_orders.change_items(cur, schema, order_id, updates, removed, added)
            changed = True
    if change.shipping_cost is not None and xc_orders.set_shipping_cost(
        cur, schema, order_id, Decimal(change.shipping_cost)
    ):
        changed = True
    if changed:
        xc_orders.add_history(
            cur, schema, order_id, "ORDER EDITED", "Items changed in 1C", {"orderId": order_id}
        )
    return changed
