"""Order documents: the orders file the site gives 1C (`sale/query`), written as a stream, and
the documents 1C sends back (`sale/file`), read as a stream. Pure: no SQL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import BinaryIO

from lxml import etree

from .reader import (
    BOM,
    TRUNCATED,
    CommerceMLError,
    children_by_name,
    decimal,
    ends_complete,
    first_text,
    local,
    skip_bom,
)

NAMESPACES = {
    "2.05": None,
    "2.08": "urn:1C.ru:commerceml_2",
    "2.10": "urn:1C.ru:commerceml_2",
    "3.1": "urn:1C.ru:commerceml_3",
}
MONEY = Decimal("0.01")


@dataclass(frozen=True)
class DocumentItem:
    id: str
    name: str
    price: Decimal
    quantity: Decimal
    total: Decimal
    kind: str = "Товар"  # ВидНоменклатуры / ТипНоменклатуры: Товар | Услуга
    sku: str = ""


@dataclass(frozen=True)
class Counterparty:
    id: str
    name: str
    first_name: str
    last_name: str
    email: str
    phone: str
    address: tuple[tuple[str, str], ...]  # (АдресноеПоле/Тип, Значение)


@dataclass(frozen=True)
class OutgoingOrder:
    id: str
    number: str
    placed: datetime
    currency: str
    total: Decimal
    counterparty: Counterparty
    comment: str
    items: tuple[DocumentItem, ...]
    discounts: tuple[tuple[str, Decimal], ...]
    taxes: tuple[tuple[str, bool, Decimal], ...]  # name, included in prices, amount
    requisites: tuple[tuple[str, str], ...]


def _money(value: Decimal) -> str:
    return str(value.quantize(MONEY))


def _qty(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


def write_orders(
    out: BinaryIO,
    orders: Iterable[OutgoingOrder],
    version: str,
    *,
    container: bool = False,
    encoding: str = "utf-8",
    generated: datetime,
) -> int:
    """Write the orders file one document at a time (memory does not grow with the number of
    orders); returns how many were written. UTF-8 gets the BOM 1C's parser wants."""
    ns = NAMESPACES[version]
    q = (lambda name: f"{{{ns}}}{name}") if ns else (lambda name: name)
    name = "UTF-8" if encoding.lower() == "utf-8" else "windows-1251"
    if name == "UTF-8":
        out.write(BOM)
    # Written by hand: the double-quoted form 1C itself writes and every 1C release reads.
    out.write(f'<?xml version="1.0" encoding="{name}"?>\n'.encode("ascii"))
    count = 0
    with etree.xmlfile(out, encoding=name) as xf:
        attrs = {
            "ВерсияСхемы": version,
            "ДатаФормирования": generated.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        with xf.element(q("КоммерческаяИнформация"), attrs, nsmap={None: ns} if ns else None):
            for order in orders:
                doc = _document(order, q)
                if container:
                    box = etree.Element(q("Контейнер"), nsmap={None: ns} if ns else None)
                    box.append(doc)
                    doc = box
                xf.write(doc, pretty_print=True)
                count += 1
    return count


def _sub(parent: etree._Element, q, name: str, text: str | None = None) -> etree._Element:
    el = etree.SubElement(parent, q(name))
    if text is not None:
        el.text = text
    return el


def _requisites(parent: etree._Element, q, pairs: Iterable[tuple[str, str]]) -> None:
    box = _sub(parent, q, "ЗначенияРеквизитов")
    for name, value in pairs:
        r = _sub(box, q, "ЗначениеРеквизита")
        _sub(r, q, "Наименование", name)
        _sub(r, q, "Значение", value)


def _document(o: OutgoingOrder, q) -> etree._Element:
    doc = etree.Element(q("Документ"))
    _sub(doc, q, "Ид", o.id)
    _sub(doc, q, "Номер", o.number)
    _sub(doc, q, "Дата", o.placed.strftime("%Y-%m-%d"))
    _sub(doc, q, "ХозОперация", "Заказ товара")
    _sub(doc, q, "Роль", "Продавец")
    _sub(doc, q, "Валюта", o.currency)
    _sub(doc, q, "Курс", "1")
    _sub(doc, q, "Сумма", _money(o.total))
    c = o.counterparty
    agent = _sub(_sub(doc, q, "Контрагенты"), q, "Контрагент")
    _sub(agent, q, "Ид", c.id)
    _sub(agent, q, "Наименование", c.name)
    _sub(agent, q, "ПолноеНаименование", c.name)
    if c.last_name:
        _sub(agent, q, "Фамилия", c.last_name)
    if c.first_name:
        _sub(agent, q, "Имя", c.first_name)
    if c.address:
        addr = _sub(agent, q, "АдресРегистрации")
        _sub(addr, q, "Представление", ", ".join(v for _, v in c.address))
        for kind, value in c.address:
            field = _sub(addr, q, "АдресноеПоле")
            _sub(field, q, "Тип", kind)
            _sub(field, q, "Значение", value)
    contacts = [("Почта", c.email), ("Телефон рабочий", c.phone)]
    if any(v for _, v in contacts):
        box = _sub(agent, q, "Контакты")
        for kind, value in contacts:
            if value:
                contact = _sub(box, q, "Контакт")
                _sub(contact, q, "Тип", kind)
                _sub(contact, q, "Значение", value)
    _sub(agent, q, "Роль", "Покупатель")  # the document's extension of Контрагент: last
    _sub(doc, q, "Время", o.placed.strftime("%H:%M:%S"))
    if o.comment:
        _sub(doc, q, "Комментарий", o.comment)
    if o.taxes:
        box = _sub(doc, q, "Налоги")
        for name, included, amount in o.taxes:
            tax = _sub(box, q, "Налог")
            _sub(tax, q, "Наименование", name)
            _sub(tax, q, "УчтеноВСумме", "true" if included else "false")
            _sub(tax, q, "Сумма", _money(amount))
    if o.discounts:
        box = _sub(doc, q, "Скидки")
        for name, amount in o.discounts:
            d = _sub(box, q, "Скидка")
            _sub(d, q, "Наименование", name)
            _sub(d, q, "Сумма", _money(amount))
            _sub(d, q, "УчтеноВСумме", "false")
    goods = _sub(doc, q, "Товары")
    for item in o.items:
        g = _sub(goods, q, "Товар")
        _sub(g, q, "Ид", item.id)
        if item.sku:
            _sub(g, q, "Артикул", item.sku)
        _sub(g, q, "Наименование", item.name)
        unit = _sub(g, q, "БазоваяЕдиница", "шт")
        unit.attrib.update(
            {"Код": "796", "НаименованиеПолное": "Штука", "МеждународноеСокращение": "PCE"}
        )
        _requisites(g, q, [("ВидНоменклатуры", item.kind), ("ТипНоменклатуры", item.kind)])
        _sub(g, q, "ЦенаЗаЕдиницу", _money(item.price))
        _sub(g, q, "Количество", _qty(item.quantity))
        _sub(g, q, "Сумма", _money(item.total))
    _requisites(doc, q, o.requisites)
    return doc


@dataclass(frozen=True)
class IncomingDocument:
    """An order document from 1C: the site's order Ид it names, and what 1C says of it."""

    id: str
    number: str
    requisites: dict[str, str]  # by name, as 1C writes them
    line: int | None
    items: tuple[DocumentItem, ...] = ()


# 2.09 Bitrix-module documents put these directly under Документ instead of in requisites.
_ELEMENT_REQUISITES = {
    "Номер1С": "Номер по 1С",
    "Дата1С": "Дата по 1С",
    "ПометкаУдаления": "ПометкаУдаления",
}


def iter_documents(stream: BinaryIO) -> Iterator[IncomingDocument]:
    """Each Документ of a 1C orders file, under the root or in a Контейнер."""
    skip_bom(stream)
    complete = ends_complete(stream)
    events = etree.iterparse(
        stream, events=("end",), tag=["{*}Документ"], resolve_entities=False, load_dtd=False,
        no_network=True, huge_tree=False,
    )  # fmt: skip
    try:
        for _, el in events:
            if el.getroottree().docinfo.doctype:
                raise CommerceMLError("a DOCTYPE is not allowed in CommerceML", el.sourceline)
            if not complete:
                raise CommerceMLError(TRUNCATED)
            kids = children_by_name(el)
            requisites = {}
            for box in kids.get("ЗначенияРеквизитов", ()):
                for r in box:
                    rk = children_by_name(r)
                    name = first_text(rk, "Наименование")
                    if name:
                        requisites[name] = first_text(rk, "Значение")
            for element, name in _ELEMENT_REQUISITES.items():
                if element in kids and name not in requisites:
                    requisites[name] = first_text(kids, element)
            items = tuple(_incoming_items(kids))
            yield IncomingDocument(
                first_text(kids, "Ид"), first_text(kids, "Номер"), requisites, el.sourceline, items
            )
            el.clear(keep_tail=True)
            parent = el.getparent()
            if parent is not None and local(parent) != "Контейнер":
                while el.getprevious() is not None:
                    del parent[0]
    except etree.XMLSyntaxError as exc:
        raise CommerceMLError(f"malformed XML: {exc.msg}") from exc


def _incoming_items(kids: dict) -> Iterator[DocumentItem]:
    for box in kids.get("Товары", ()):
        for good in box:
            gk = children_by_name(good)
            price = decimal(first_text(gk, "ЦенаЗаЕдиницу"))
            quantity = decimal(first_text(gk, "Количество"))
            if price is None or quantity is None:
                continue
            total = decimal(first_text(gk, "Сумма"))
            yield DocumentItem(
                first_text(gk, "Ид"), first_text(gk, "Наименование"), price, quantity,
                total if total is not None else price * quantity,
            )  # fmt: skip
