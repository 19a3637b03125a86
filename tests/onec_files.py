"""What 1C writes for the exchange, re-enacted from its BSL (see onec.py): the node's settings,
a whole catalog cut into portions as «Количество товаров в одной порции» cuts it, and its order
documents sent back to the site. Pure: no HTTP here."""

from __future__ import annotations

import copy
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from lxml import etree

BED_NS, UNF_NS = "urn:1C.ru:commerceml_2", "urn:1C.ru:commerceml_210"
# 1C's ids are GUIDs; the test catalogs' made-up ones use other letters in the same shape
_GUID = re.compile(r"^[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}$", re.I)
_PICTURE = re.compile(r"<(?:\w+:)?Картинка>\s*([^<]+?)\s*<")


@dataclass
class Node:
    """The exchange node's settings in 1C («Обмен с сайтом» node form)."""

    variant: str = "bed"  # "bed": УТ 11 / ERP / КА; "unf": УНФ
    portion: int = 0  # «Количество товаров в одной порции» (0: not set)
    sessid: bool = True  # False: «Выполнять обмен без идентификатора сессии»
    wait_import: bool = True  # False: «Выгружать файлы без ожидания подтверждения импорта сервером»
    retries: int = 0  # «Количество повторов» of a portion the site did not take
    cms: str = "bitrix"  # УНФ's CMS kind: "bitrix" (1С-Битрикс) or "other"
    subordinate: bool = False  # УНФ: subordinate documents (payments, shipments) in orders
    pictures: bool = True  # «Выгружать картинки»
    # 1C on Linux whose folder is spelt otherwise than its files' paths: the folder it leaves in
    # front of each picture's name (ПодготовитьИмяФайлаДляСервера cuts nothing), e.g.
    # "/tmp/v8_1A2B_3/webdata"
    folder: str = ""


@dataclass
class OrderLine:
    id: str  # 1C's item GUID (guid#characteristic guid)
    name: str
    price: Decimal
    quantity: Decimal
    total: Decimal


@dataclass
class OneCOrder:
    """1C's «Заказ клиента» made from a site order; what it sends back is written from it."""

    guid: str  # 1C's own document GUID: the Ид 1C sends back
    number: str  # 1C's document number («Номер по 1С»)
    date: datetime
    site_number: str  # НомерЗаказаНаСайте: the Номер 1C sends back (1C keeps 11 characters)
    site_date: str
    site_time: str
    currency: str
    total: Decimal
    lines: list[OrderLine]
    posted: bool = True
    deleted: bool = False
    closed: bool = False
    cancelled: bool = False
    payment: tuple[str, datetime] | None = None  # (1C number, date) of the payment
    shipment: tuple[str, datetime] | None = None
    payment_method: str = ""  # УНФ: the site's payment method mapped in the node

    def pay(self, number: str = "") -> OneCOrder:
        self.payment = (number or f"{self.number}-ОП", datetime.now())
        return self

    def ship(self, number: str = "") -> OneCOrder:
        self.shipment = (number or f"{self.number}-РТУ", datetime.now())
        return self

    def cancel(self) -> OneCOrder:
        """Closed while in work: БЭД writes «Отменен» = true; УНФ: ВариантЗавершения Отменен."""
        self.closed = self.cancelled = True
        return self


def orders_file(orders: list[OneCOrder], node: Node) -> bytes:
    """The orders file as 1C writes it (СформироватьЗаказыXDTO, БЭД l. 5447; УНФ's own):
    ЗаписьXML in UTF-8 with the declaration and no BOM, the CommerceML package's namespace."""
    ns = BED_NS if node.variant == "bed" else UNF_NS
    version = "2.07" if node.variant == "bed" else ("2.10" if node.subordinate else "2.08")
    root = etree.Element(f"{{{ns}}}КоммерческаяИнформация", nsmap={None: ns})
    root.set("ВерсияСхемы", version)
    root.set("ДатаФормирования", datetime.now().strftime("%Y-%m-%dT%H:%M:%S"))
    for order in orders:
        root.append(_document(order, node, ns))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _document(order: OneCOrder, node: Node, ns: str):
    q = lambda tag: f"{{{ns}}}{tag}"  # noqa: E731
    doc = etree.Element(q("Документ"))

    def add(parent, tag: str, value: str | None = None):
        el = etree.SubElement(parent, q(tag))
        if value is not None:
            el.text = value
        return el

    add(doc, "Ид", order.guid)
    add(doc, "Номер", order.site_number)
    add(doc, "Дата", order.site_date)
    add(doc, "ХозОперация", "Заказ товара")
    add(doc, "Роль", "Продавец")
    add(doc, "Валюта", order.currency[:3])
    add(doc, "Курс", "1")
    add(doc, "Сумма", _num(order.total))
    agent = add(add(doc, "Контрагенты"), "Контрагент")
    add(agent, "Ид", str(uuid.uuid5(uuid.NAMESPACE_URL, order.site_number)))
    add(agent, "Наименование", "Покупатель сайта")
    add(agent, "Роль", "Покупатель")
    add(doc, "Время", order.site_time or "00:00:00")
    goods = add(doc, "Товары") if order.lines else None
    for line in order.lines:
        item = add(goods, "Товар")
        add(item, "Ид", line.id)
        add(item, "Наименование", line.name)
        add(item, "ЦенаЗаЕдиницу", _num(line.price))
        add(item, "Количество", _num(line.quantity))
        add(item, "Сумма", _num(line.total))
    values = add(doc, "ЗначенияРеквизитов")
    for name, value in requisites(order, node):
        r = add(values, "ЗначениеРеквизита")
        add(r, "Наименование", name)
        add(r, "Значение", value)
    return doc


def requisites(order: OneCOrder, node: Node) -> list[tuple[str, str]]:
    """ДобавитьЗначенияРеквизитовЗаказаXDTO (БЭД l. 5684; УНФ's own). A value 1C holds empty —
    a false boolean included (ЗначениеЗаполнено(Ложь) is false) — is not written at all."""
    out: list[tuple[str, str]] = []

    def put(name: str, value: object) -> None:
        if value not in (None, "", False):
            out.append((name, "true" if value is True else str(value)))

    put("Номер по 1С", order.number)
    put("Дата по 1С", _onec_datetime(order.date))
    put("ПометкаУдаления", order.deleted)
    put("Проведен", order.posted)
    paid, shipped = order.posted and order.payment, order.posted and order.shipment
    if node.variant == "bed":
        if paid:
            put("Номер оплаты по 1С", order.payment[0])
            put("Дата оплаты по 1С", _onec_datetime(order.payment[1]))
        if shipped:
            put("Номер отгрузки по 1С", order.shipment[0])
            put("Дата отгрузки по 1С", _onec_datetime(order.shipment[1]))
        if order.closed:  # closed while «В работе»
            put("Отменен", "true")
        return out
    if order.cancelled:
        put("Отменен", "true")
    put("Оплачен", bool(paid))
    if paid and not node.subordinate:
        put("Номер оплаты по 1С", order.payment[0])
        put("Дата оплаты по 1С", _onec_datetime(order.payment[1]))
    if not node.subordinate:
        put("Метод оплаты", order.payment_method)
    put("Отгружен", bool(shipped))
    if shipped and not node.subordinate:
        put("Номер отгрузки по 1С", order.shipment[0])
        put("Дата отгрузки по 1С", _onec_datetime(order.shipment[1]))
    return out


# -- catalog portions ---------------------------------------------------------------------------


def catalog_portions(
    files: Iterable[tuple[str, bytes]], node: Node
) -> list[list[tuple[str, bytes]]]:
    """The sessions 1C holds for a whole catalog: `files` (import*.xml, offers*.xml and
    import_files/… pictures, as 1C's own export folder holds them) cut into portions of
    `node.portion` goods (offers), named as `portion_name` says; each portion's list has its
    xml and the pictures its goods name."""
    files = list(files)
    pictures = {n: d for n, d in files if not n.lower().endswith(".xml")}
    out: list[list[tuple[str, bytes]]] = []
    for kind, container, item in (("import", "Каталог/{*}Товары", "Товар"),
                                  ("offers", "ПакетПредложений/{*}Предложения", "Предложение")):  # fmt: skip
        for name, data in files:
            if not (name.lower().startswith(kind) and name.lower().endswith(".xml")):
                continue
            for k, xml in enumerate(_split(data, container, item, node.portion), 1):
                portion = [(portion_name(kind, k, node), xml)]
                if kind == "import" and node.pictures:
                    named = set(_PICTURE.findall(xml.decode("utf-8")))
                    portion += [(n, d) for n, d in pictures.items() if n in named]
                out.append(portion)
    return out


def portion_name(kind: str, k: int, node: Node) -> str:
    """The k-th portion's file (from 1): БЭД writes import0_<k>.xml (ВыгрузитьКаталог,
    l. 1642–1645), УНФ import<k-1>.xml (ИмяФайлаОбмена, l. 16393, its index from 0)."""
    return f"{kind}{k - 1}.xml" if node.variant == "unf" else f"{kind}0_{k}.xml"


def _split(data: bytes, container: str, item: str, size: int) -> list[bytes]:
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
    holder = root.find(f"{{*}}{container}")
    if holder is None:
        return [_write(root)]
    items = [el for el in holder if etree.QName(el).localname == item]
    size = size or len(items) or 1
    out = []
    for start in range(0, max(len(items), 1), size):
        part = etree.fromstring(data, etree.XMLParser(resolve_entities=False))
        part_holder = part.find(f"{{*}}{container}")
        for el in list(part_holder):
            part_holder.remove(el)
        for el in items[start : start + size]:
            part_holder.append(copy.deepcopy(el))
        part_section = part_holder.getparent()
        part_section.set("СодержитТолькоИзменения", "false" if start == 0 else "true")
        if start:
            for cls in part.findall("{*}Классификатор"):
                part.remove(cls)
        out.append(_write(part))
    return out


def portion_kind(portion: list[tuple[str, bytes]]) -> str:
    return "offers" if portion[0][0].startswith("offers") else "import"


def retry_portion(
    portion: list[tuple[str, bytes]], index: int, node: Node
) -> list[tuple[str, bytes]]:
    """A portion sent again: a new number, "only changes", no Классификатор."""
    kind = portion_kind(portion)
    (_, xml), *rest = portion
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False))
    for section in root:
        if etree.QName(section).localname in ("Каталог", "ПакетПредложений"):
            section.set("СодержитТолькоИзменения", "true")
    for cls in root.findall("{*}Классификатор"):
        root.remove(cls)
    return [(portion_name(kind, index, node), _write(root)), *rest]


def _write(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def child_text(el, tag: str) -> str:
    return (el.findtext(f"{{*}}{tag}") or "").strip()


def _num(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def _onec_datetime(value: datetime) -> str:
    """ФорматДатыДляXDTO(…, Истина, Истина): yyyy-MM-dd, "T", and the long time format of the
    Russian locale (ДЛФ=T: hours without a leading zero)."""
    return f"{value:%Y-%m-%d}T{value.hour}:{value:%M:%S}"


def onec_item_id(site_id: str) -> str:
    """1C's item for a site line: an Ид 1C exported itself (a GUID, guid#guid) is its own item;
    any other (the site's delivery line, a good made on the site) becomes an item 1C creates,
    with a GUID of its own."""
    if all(_GUID.match(part) for part in site_id.split("#")):
        return site_id
    return str(uuid.uuid5(uuid.NAMESPACE_OID, site_id))
