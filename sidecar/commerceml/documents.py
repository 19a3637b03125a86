"""Order documents: the orders file the site gives 1C (`sale/query`), written as a stream, and
the documents 1C sends back (`sale/file`), read as a stream. Pure: no SQL."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import lru_cache
from typing import BinaryIO

from lxml import etree

from .reader import (
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
    # A legal entity (a company name or ИНН): ОфициальноеНаименование, ИНН, КПП
    company: str = ""
    inn: str = ""
    kpp: str = ""


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
    orders); returns how many were written. No BOM: 1C tests that the reply begins with
    `<?xml` (`Лев(Ответ, 5)`, БЭД and УНФ alike) before it parses it. In windows-1251 a
    character it lacks becomes a character reference. Written as text, element
    by element in the order of 1C's schema: an order costs microseconds, not a tree."""
    ns = NAMESPACES[version]
    name = "UTF-8" if encoding.lower() == "utf-8" else "windows-1251"
    codec = "utf-8" if name == "UTF-8" else "cp1251"
    xmlns = f' xmlns="{ns}"' if ns else ""
    stamp = generated.strftime("%Y-%m-%dT%H:%M:%S")
    # The double-quoted declaration 1C itself writes and every 1C release reads.
    out.write(
        f'<?xml version="1.0" encoding="{name}"?>\n<КоммерческаяИнформация{xmlns}'
        f' ВерсияСхемы="{version}" ДатаФормирования="{stamp}">\n'.encode(codec)
    )
    count = 0
    for order in orders:
        doc = _document(order)
        if container:
            doc = f"<Контейнер>{doc}</Контейнер>"
        out.write((doc + "\n").encode(codec, "xmlcharrefreplace"))
        count += 1
    out.write("</КоммерческаяИнформация>\n".encode(codec))
    return count


# Characters XML 1.0 does not allow anywhere (a customer's note may hold them): dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


@lru_cache(maxsize=8192)  # most values repeat: statuses, units, requisite names, methods
def _text(value: str) -> str:
    return _NOT_XML.sub("", value).translate(_ESCAPES)


class _Document:
    """The text of one document, built in order."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def leaf(self, name: str, value: str, attributes: str = "") -> None:
        self.parts.append(f"<{name}{attributes}>{_text(value)}</{name}>")

    def open(self, name: str) -> None:
        self.parts.append(f"<{name}>")

    def close(self, name: str) -> None:
        self.parts.append(f"</{name}>")

    def requisites(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.open("ЗначенияРеквизитов")
        for name, value in pairs:
            self.parts.append(
                f"<ЗначениеРеквизита><Наименование>{_text(name)}</Наименование>"
                f"<Значение>{_text(value)}</Значение></ЗначениеРеквизита>"
            )
        self.close("ЗначенияРеквизитов")


def _address(d: _Document, element: str, fields: tuple[tuple[str, str], ...]) -> None:
    if not fields:
        return
    d.open(element)
    d.leaf("Представление", ", ".join(v for _, v in fields))
    for kind, value in fields:
        d.open("АдресноеПоле")
        d.leaf("Тип", kind)
        d.leaf("Значение", value)
        d.close("АдресноеПоле")
    d.close(element)


_UNIT = ' Код="796" НаименованиеПолное="Штука" МеждународноеСокращение="PCE"'


def _document(o: OutgoingOrder) -> str:
    d = _Document()
    d.open("Документ")
    d.leaf("Ид", o.id)
    d.leaf("Номер", o.number)
    d.leaf("Дата", o.placed.strftime("%Y-%m-%d"))
    d.leaf("ХозОперация", "Заказ товара")
    d.leaf("Роль", "Продавец")
    d.leaf("Валюта", o.currency)
    d.leaf("Курс", "1")
    d.leaf("Сумма", _money(o.total))
    c = o.counterparty
    d.open("Контрагенты")
    d.open("Контрагент")
    d.leaf("Ид", c.id)
    if c.company or c.inn:  # РеквизитыЮрЛица
        d.leaf("Наименование", c.company or c.name)
        d.leaf("ОфициальноеНаименование", c.company or c.name)
        _address(d, "ЮридическийАдрес", c.address)
        if c.inn:
            d.leaf("ИНН", c.inn)
        if c.kpp:
            d.leaf("КПП", c.kpp)
    else:  # РеквизитыФизЛица
        d.leaf("Наименование", c.name)
        d.leaf("ПолноеНаименование", c.name)
        if c.last_name:
            d.leaf("Фамилия", c.last_name)
        if c.first_name:
            d.leaf("Имя", c.first_name)
        _address(d, "АдресРегистрации", c.address)
    contacts = [(k, v) for k, v in (("Почта", c.email), ("Телефон рабочий", c.phone)) if v]
    if contacts:
        d.open("Контакты")
        for kind, value in contacts:
            d.open("Контакт")
            d.leaf("Тип", kind)
            d.leaf("Значение", value)
            d.close("Контакт")
        d.close("Контакты")
    d.leaf("Роль", "Покупатель")  # the document's extension of Контрагент: last
    d.close("Контрагент")
    d.close("Контрагенты")
    d.leaf("Время", o.placed.strftime("%H:%M:%S"))
    if o.comment:
        d.leaf("Комментарий", o.comment)
    if o.taxes:
        d.open("Налоги")
        for name, included, amount in o.taxes:
            d.open("Налог")
            d.leaf("Наименование", name)
            d.leaf("УчтеноВСумме", "true" if included else "false")
            d.leaf("Сумма", _money(amount))
            d.close("Налог")
        d.close("Налоги")
    if o.discounts:
        d.open("Скидки")
        for name, amount in o.discounts:
            d.open("Скидка")
            d.leaf("Наименование", name)
            d.leaf("Сумма", _money(amount))
            d.leaf("УчтеноВСумме", "false")
            d.close("Скидка")
        d.close("Скидки")
    d.open("Товары")
    for item in o.items:
        d.open("Товар")
        d.leaf("Ид", item.id)
        if item.sku:
            d.leaf("Артикул", item.sku)
        d.leaf("Наименование", item.name)
        d.leaf("БазоваяЕдиница", "шт", _UNIT)
        d.requisites([("ВидНоменклатуры", item.kind), ("ТипНоменклатуры", item.kind)])
        d.leaf("ЦенаЗаЕдиницу", _money(item.price))
        d.leaf("Количество", _qty(item.quantity))
        d.leaf("Сумма", _money(item.total))
        d.close("Товар")
    d.close("Товары")
    d.requisites(o.requisites)
    d.close("Документ")
    return "".join(d.parts)


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
    "НомерВерсии": "НомерВерсии",
}


def iter_documents(stream: BinaryIO) -> Iterator[IncomingDocument]:
    """Each Документ of a 1C orders file, under the root or in a Контейнер."""
    skip_bom(stream)
    complete = ends_complete(stream)
    events = etree.iterparse(
        stream,
        events=("end",),
        tag=["{*}Документ"],
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
    )
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
                first_text(gk, "Ид"),
                first_text(gk, "Наименование"),
                price,
                quantity,
                total if total is not None else price * quantity,
            )
