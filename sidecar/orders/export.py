"""`sale/query` and `sale/success`: the orders 1C has not confirmed yet, as one streamed
CommerceML file; only `success` marks them exported."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymysql

from .. import requisites
from ..commerceml.documents import Counterparty, DocumentItem, OutgoingOrder, write_orders
from ..config import read_xcart_section
from ..db import transaction
from ..requisites import Requisite
from ..state import idmap
from ..state import order_exports as exports
from ..xcart import orders as xc_orders
from ..xcart import shop
from ..xcart.schema import Schema
from .line_ids import line_id
from .statuses import Statuses, statuses

CHUNK = 200  # orders loaded per round of queries
# The service line 1C expects for the shipping cost.
DELIVERY_ID, DELIVERY_NAME = "ORDER_DELIVERY", "Доставка заказа"
ADDRESS = [("zipcode", "Почтовый индекс"), ("country", "Страна"), ("state", "Регион"),
           ("city", "Город"), ("street", "Улица")]  # fmt: skip


def _since(value: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    try:
        return int(datetime.combine(date.fromisoformat(value), datetime.min.time()).timestamp())
    except ValueError:
        return None


def _when(ts: int) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


def _money(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.01")))


def value_of(o: xc_orders.Order, source: str) -> str:
    """An order's value for a requisite source (sidecar.requisites); '' when it has none."""
    kind, _, name = source.partition(".")
    if kind == "billing":
        return o.address.get(name) or (o.country if name == "country_code" else "")
    if kind == "shipping":
        return o.shipping_address.get(name, "")
    if kind == "surcharge":
        found = [v for k, _, v, _ in o.surcharges if k == name]
        return _money(sum(found, Decimal(0))) if found else ""
    return {
        "order.number": o.number,
        "order.notes": o.notes,
        "order.admin_notes": o.admin_notes,
        "order.coupons": ", ".join(o.coupons),
        "order.tracking": ", ".join(o.tracking),
        "order.payment_method": o.payment_method,
        "order.shipping_method": o.shipping_method,
        "order.currency": o.currency,
        "order.total": _money(o.total),
        "order.subtotal": _money(o.subtotal),
        "profile.login": o.email,
        "profile.membership": o.membership,
    }.get(source, "")


def _document(
    o: xc_orders.Order,
    products: dict[int, str],
    variants: dict[int, str],
    site: str,
    extra: list[Requisite],
    legal_fields: tuple[str, ...],
    meaning: Statuses,
) -> OutgoingOrder:
    a = o.address
    full_name = " ".join(p for p in (a.get("lastname", ""), a.get("firstname", "")) if p)
    address = {"country": o.country, "state": a.get("custom_state", ""), **a}
    company, inn, kpp = (_field(a, f) for f in (*legal_fields, "", "", "")[:3])
    counterparty = Counterparty(
        id=o.email or f"order-{o.order_id}",
        name=full_name or o.email or f"Order {o.number}",
        first_name=a.get("firstname", ""),
        last_name=a.get("lastname", ""),
        email=o.email,
        phone=a.get("phone", ""),
        address=tuple((label, address[key]) for key, label in ADDRESS if address.get(key)),
        company=company,
        inn=inn,
        kpp=kpp,
    )
    items = [
        DocumentItem(
            id=line_id(i.item_id, i.product_id, i.variant_id, products, variants),
            name=i.name, price=i.price, quantity=Decimal(i.amount), total=i.total, sku=i.sku,
        )
        for i in o.items
    ]  # fmt: skip
    shipping = sum(
        (v for kind, _, v, inc in o.surcharges if kind == "shipping" and not inc), Decimal(0)
    )
    if shipping:
        items.append(
            DocumentItem(DELIVERY_ID, DELIVERY_NAME, shipping, Decimal(1), shipping, "Услуга")
        )
    discounts = tuple(
        (name, -v) for kind, name, v, inc in o.surcharges if kind == "discount" and not inc
    )
    taxes = tuple((name, inc, v) for kind, name, v, inc in o.surcharges if kind == "tax")
    paid = meaning.is_paid(o.payment_code)
    cancelled = meaning.is_cancelled(o.payment_code, o.shipping_code)
    final = meaning.is_final(o.payment_code, o.shipping_code)
    requisites = [
        ("Метод оплаты", o.payment_method),
        ("Заказ оплачен", str(paid).lower()),
        ("Доставка разрешена", str(paid or meaning.is_shipped(o.shipping_code)).lower()),
        ("Отменен", str(cancelled).lower()),
        ("Финальный статус", str(final).lower()),
        ("Статус заказа", " / ".join(n for n in (o.payment_name, o.shipping_name) if n)),
        ("Дата изменения статуса", _when(o.status_changed)),
    ]
    if o.shipping_method:
        requisites.append(("Способ доставки", o.shipping_method))
    if site:
        requisites.append(("Сайт", site))
    requisites += [(r.name, v) for r in extra if (v := value_of(o, r.source).strip())]
    return OutgoingOrder(
        id=str(o.order_id),
        number=o.number,
        placed=datetime.fromtimestamp(o.date),
        currency=o.currency or "RUB",
        total=o.total,
        counterparty=counterparty,
        comment=o.notes,
        items=tuple(items),
        discounts=discounts,
        taxes=taxes,
        requisites=tuple(requisites),
    )


def _field(address: dict[str, str], service_name: str) -> str:
    """An address field by service name, in any case (the setting's names are folded)."""
    if not service_name:
        return ""
    return next((v.strip() for k, v in address.items() if k.casefold() == service_name), "")


def shop_site(xcart_root: Path | None) -> str:
    if xcart_root is None:
        return ""
    hosts = read_xcart_section(xcart_root, "host_details")
    return hosts.get("https_host") or hosts.get("http_host") or ""


def query(
    conn: pymysql.Connection,
    prefix: str,
    settings: dict[str, Any],
    session_id: int,
    out_path: Path,
    xcart_root: Path | None,
    vendor: int | None = None,
) -> int:
    """Write the orders file to `out_path` and record what it holds as this session's pending
    export; returns the number of orders. `vendor`: the exchange is a vendor's, whose 1C gets
    that vendor's orders only (in a multi-vendor shop, its child of each split order)."""
    schema = Schema(conn, prefix)
    with transaction(conn) as cur:
        language = shop.enabled_languages(cur, schema)[0]
        todo = xc_orders.pending(
            cur,
            schema,
            exports.exports_table(prefix),
            _since(settings["orders_since"]),
            settings["orders_payment_statuses"],
            settings["orders_shipping_statuses"],
            vendor,
        )
    site = shop_site(xcart_root)
    extra = requisites.parse(settings["orders_requisites"])[0]  # doctor names the others
    legal = settings["legal_entity_fields"]
    meaning = statuses(settings)

    def documents() -> Iterator[OutgoingOrder]:
        for start in range(0, len(todo), CHUNK):
            ids = [oid for oid, _ in todo[start : start + CHUNK]]
            with transaction(conn) as cur:
                batch = xc_orders.load(cur, schema, ids, language)
                products = idmap.ext_ids(
                    cur, prefix, "product", [i.product_id for o in batch for i in o.items]
                )
                variants = idmap.ext_ids(
                    cur, prefix, "variant", [i.variant_id for o in batch for i in o.items]
                )
            for o in batch:
                yield _document(o, products, variants, site, extra, legal, meaning)

    tmp = out_path.with_suffix(".part")
    with tmp.open("wb") as out:
        count = write_orders(
            out,
            documents(),
            settings["orders_schema_version"],
            container=settings["orders_container"],
            encoding=settings["orders_encoding"],
            generated=datetime.now(),
        )
    tmp.replace(out_path)
    with transaction(conn) as cur:
        exports.record_query(cur, prefix, session_id, todo)
    return count


def success(
    conn: pymysql.Connection, prefix: str, session_id: int, vendor: int | None = None
) -> int:
    with transaction(conn) as cur:
        return exports.confirm(cur, prefix, session_id, vendor or 0)
