"""Streaming reader of CommerceML catalog files (import*, offers*, prices*, rests*, 2.03–3.1).

One pass of lxml's pull parser with a tag filter, so lxml only reports the elements we use;
each is turned into a record and cleared with its finished siblings, so memory does not grow
with the file. For the import (`raw`), products and offers are cut from the bytes before lxml
sees them (cutter.py) and parsed by `build` only when they must be written. Namespaces
differ between 1C versions (none, commerceml_2, commerceml_210, commerceml_3): everything is
matched by local name. What a file holds is read from its content, never from its name."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import BinaryIO

from lxml import etree

from .cutter import SLOT, WRAPPER, WRAPPER_END, Feed
from .records import (
    Document,
    Group,
    Groups,
    Invalid,
    Offer,
    Price,
    PriceType,
    PriceTypes,
    Product,
    Properties,
    Property,
    Raw,
    Record,
    Section,
    Skipped,
    Source,
    Warehouse,
    Warehouses,
    split_item_id,
)

BOM = b"\xef\xbb\xbf"
SKIPPED = Skipped()

_SECTIONS = {
    "Классификатор": "classifier",
    "Каталог": "catalog",
    "ПакетПредложений": "offers",
    "ИзмененияПакетаПредложений": "offers",
}
_TAGS = [
    "{*}КоммерческаяИнформация",
    *(f"{{*}}{name}" for name in _SECTIONS),
    "{*}СодержитТолькоИзменения",
    "{*}Группы",
    "{*}Свойства",
    "{*}ТипыЦен",
    "{*}Склады",
    "{*}Товар",
    "{*}Предложение",
]


class _BadItem(ValueError):
    """One product or offer that cannot be read; the rest of the file still can."""


class CommerceMLError(ValueError):
    """The file is not CommerceML we can read; says where."""

    def __init__(self, message: str, line: int | None = None, element: str | None = None):
        self.message, self.line, self.element = message, line, element
        where = "".join([f" at line {line}" if line else "", f" in <{element}>" if element else ""])
        super().__init__(f"{message}{where}")


_LOCAL_NAMES: dict[str, str] = {}


# Never resolve entities, read a DTD or touch the network (input is untrusted); comments and
# processing instructions are dropped. Both parsers of 1C's files take these.
_SAFE: dict[str, bool] = dict(
    resolve_entities=False,
    load_dtd=False,
    no_network=True,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def _local_name(tag: str) -> str:
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < 4096:  # a hostile file with endless tag names stays bounded
            _LOCAL_NAMES[tag] = name
    return name


def local(el: etree._Element) -> str:
    tag = el.tag
    return _local_name(tag) if isinstance(tag, str) else ""


def text(el: etree._Element | None, child: str) -> str:
    if el is None:
        return ""
    found = el.find(f"{{*}}{child}")
    return (found.text or "").strip() if found is not None else ""


def flag(value: str | None) -> bool | None:
    if value is None or not value.strip():
        return None
    return value.strip().lower() in ("true", "1", "да", "истина")


def decimal(value: str | None) -> Decimal | None:
    """1C writes `.` as decimal separator, but hand-made and older files use `,` and spaces."""
    if value is None:
        return None
    cleaned = value.replace("\xa0", "").replace(" ", "").replace(",", ".").strip()
    if not cleaned:
        return None
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def skip_bom(stream: BinaryIO) -> None:
    """1C writes UTF-8 with a BOM; position the stream after it."""
    if stream.read(3) != BOM:
        stream.seek(0)


ROOT = "КоммерческаяИнформация"
_ROOT_END = re.compile(rf"(?:</(?:[\w.-]+:)?{ROOT}\s*|<(?:[\w.-]+:)?{ROOT}\b[^<>]*/)>[\s\x00]*$")


TRUNCATED = f"the file is truncated: it does not end with </{ROOT}>"


def ends_complete(stream: BinaryIO) -> bool:
    """Whether the file ends with the root's closing tag. A cut-off upload is the usual bad
    file, and its first half must not reach the shop, so it is refused before anything is
    written. Reads only the tail: it costs nothing on big files."""
    start = stream.tell()
    stream.seek(0, 2)
    stream.seek(max(start, stream.tell() - 512))
    tail = stream.read()
    stream.seek(start)
    return any(
        _ROOT_END.search(tail.decode(encoding, "ignore"))
        for encoding in ("utf-8", "windows-1251", "utf-16-le", "utf-16-be")
    )


def iter_records(
    stream: BinaryIO,
    skip: int = 0,
    raw: bool = False,
    read_in_place: Callable[[], bool] = lambda: False,
) -> Iterator[Record]:
    """Yield the records of a catalog file in document order. Products and offers among the
    first `skip` data records (all but Document, Section and Source) come as SKIPPED, unread:
    a resumed import step passes what it already wrote at the speed of the XML parser. With
    `raw`, products and offers come as Raw (their XML and its digest), read by `build` — or
    read here already, with the Raw, while `read_in_place()` says so."""
    skip_bom(stream)
    start = stream.tell()
    if not stream.read(64).strip():
        raise CommerceMLError("empty file")
    stream.seek(start)
    complete = ends_complete(stream)
    parser = etree.XMLPullParser(events=("start", "end"), tag=_TAGS, **_SAFE)
    feed = Feed(stream, parser, cut=raw, whole=read_in_place)
    try:
        yield from _walk(feed, complete, skip, raw, read_in_place)
        if feed.root is not None and local(feed.root) != "КоммерческаяИнформация":
            raise CommerceMLError(f"not a CommerceML file (root <{local(feed.root)}>)")
    except etree.XMLSyntaxError as exc:
        # libxml2's message already says where ("…, line 33, column 4").
        raise CommerceMLError(f"malformed XML: {exc.msg}") from exc


def peek_source(stream: BinaryIO) -> str | None:
    """The classifier Ид of a catalog file, read from its head only."""
    for record in iter_records(stream):
        if isinstance(record, Source):
            return record.classifier_id
        if not isinstance(record, Document | Section):
            return None
    return None


def _walk(
    feed: Feed, complete: bool, skip: int, raw: bool, read: Callable[[], bool]
) -> Iterator[Record]:
    seen_root = seen_source = False
    seq = 0  # data records yielded, as the importer counts its position
    for event, el in feed:
        name = local(el)
        if event == "start":
            if seen_root and not seen_source and (source := _source(el)) is not None:
                seen_source = True
                yield source
            if not seen_root:
                seen_root = True
                if el.getroottree().docinfo.doctype:
                    raise CommerceMLError("a DOCTYPE is not allowed in CommerceML", el.sourceline)
                if name != ROOT:
                    raise CommerceMLError(f"not a CommerceML file (root <{name}>)", el.sourceline)
                if not complete:
                    raise CommerceMLError(TRUNCATED)
                yield Document(schema_version=el.get("ВерсияСхемы", ""))
            elif name in _SECTIONS:
                yield Section(_SECTIONS[name], flag(el.get("СодержитТолькоИзменения")))
            continue

        parent = el.getparent()
        parent_name = local(parent) if parent is not None else ""
        if name == "Товар" and parent_name == "Товары" and local(parent.getparent()) == "Каталог":
            seq += 1
            if seq <= skip:
                yield SKIPPED
            else:
                yield _raw(feed, "product", el, read()) if raw else _item("product", _product, el)
        elif name == "Предложение" and parent_name == "Предложения":
            seq += 1
            if seq <= skip:
                yield SKIPPED
            else:
                yield _raw(feed, "offer", el, read()) if raw else _item("offer", _offer, el)
        elif name == "Свойства" and parent_name == "Классификатор":
            seq += 1
            yield Properties(tuple(_properties(el)))
        elif name == "Группы" and parent_name == "Классификатор":
            seq += 1
            yield Groups(tuple(_groups(el)))
        elif name == "ТипыЦен" and parent_name in ("Классификатор", "ПакетПредложений"):
            seq += 1
            yield PriceTypes(tuple(_price_types(el)))
        elif name == "Склады" and parent_name in ("Классификатор", "ПакетПредложений"):
            seq += 1
            yield Warehouses(
                tuple(
                    Warehouse(text(w, "Ид"), text(w, "Наименование"))
                    for w in el.iterfind("{*}Склад")
                )
            )
        elif name == "СодержитТолькоИзменения" and parent_name in _SECTIONS:
            # Some generators write the flag as a child element instead of an attribute.
            yield Section(_SECTIONS[parent_name], flag(el.text))
            continue
        else:
            if name in _SECTIONS or name == "КоммерческаяИнформация":
                el.clear(keep_tail=True)
            continue
        _release(el)


def _source(el: etree._Element) -> Source | None:
    """The classifier Ид, read from the section around `el` (its parent or grandparent), whose
    leading children are parsed by the time `el` starts."""
    parent = el.getparent()
    for holder in (parent, parent.getparent() if parent is not None else None):
        if holder is None:
            continue
        kind = local(holder)
        if kind == "Классификатор":
            value = text(holder, "Ид")
        elif kind in _SECTIONS:
            value = text(holder, "ИдКлассификатора")
        else:
            continue
        if value:
            return Source(value)
    return None


def _item(kind: str, parse, el: etree._Element) -> Product | Offer | Invalid:
    try:
        return parse(el)
    except _BadItem as exc:
        kids = children_by_name(el)
        name = first_text(kids, "Наименование") or first_text(kids, "Ид")
        return Invalid(kind, el.sourceline, str(exc), name)


def _raw(feed: Feed, kind: str, el: etree._Element, read: bool = False) -> Raw:
    slot = el.get(SLOT)
    cut = feed.cuts.get(int(slot)) if slot is not None and slot.isdigit() else None
    whole = len(el) or el.text  # the item itself, not a placeholder (Feed.whole)
    if cut is not None and feed.cutter is not None and not whole:
        return _cut_raw(feed, kind, cut, el.sourceline, read)
    record = _item(kind, _PARSERS[kind], el) if read else None
    if cut is not None and feed.cutter is not None:  # hashed as the file has it
        xml, head = cut, feed.head
    else:
        xml, head = etree.tostring(el, encoding="utf-8", with_tail=False), b""
    return Raw(
        kind,
        text(el, "Ид"),
        hashlib.md5(xml).hexdigest(),
        xml,
        el.sourceline,
        _pictures(el),
        record,
        head,
    )


def _cut_raw(feed: Feed, kind: str, item: bytes, line: int, read: bool) -> Raw:
    """A Raw of an item the cutter cut from the file's bytes: its Ид and pictures read from
    the bytes where they are plain, else from the parsed item."""
    cutter, head = feed.cutter, feed.head
    assert cutter is not None
    digest = hashlib.md5(item).hexdigest()
    ext_id, pictures = cutter.plain_id(item), cutter.plain_pictures(item)
    if ext_id is None or pictures is None or read:
        raw = Raw(kind, "", digest, item, line, head=head)
        el = _parse(raw)
        return Raw(
            kind,
            text(el, "Ид"),
            digest,
            item,
            line,
            _pictures(el),
            _read(raw, el) if read else None,
            head,
        )
    return Raw(kind, ext_id, digest, item, line, pictures, None, head)


def _pictures(el: etree._Element) -> tuple[str, ...]:
    return tuple(
        (p.text or "").strip() for p in el.iterfind("{*}Картинка") if (p.text or "").strip()
    )


# Raw XML is parsed as the file was: no DTD, entities or network; comments and PIs dropped.
_RAW_PARSER = etree.XMLParser(**_SAFE)


def _parse(raw: Raw) -> etree._Element:
    xml = raw.head + raw.xml + WRAPPER_END if raw.head else raw.xml
    try:
        el = etree.fromstring(xml, _RAW_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CommerceMLError(f"malformed XML: {exc.msg}", raw.line) from exc
    return el[0] if local(el) == WRAPPER else el


def _read(raw: Raw, el: etree._Element) -> Product | Offer | Invalid:
    record = _item(raw.kind, _PARSERS[raw.kind], el)
    return replace(record, line=raw.line) if isinstance(record, Invalid) else record


def build(raw: Raw) -> Product | Offer | Invalid:
    """Read a Raw product or offer, as the reader would have read it in place."""
    return _read(raw, _parse(raw))


def _release(el: etree._Element) -> None:
    """Free a handled element and the siblings before it (the lxml "golden rule")."""
    el.clear(keep_tail=True)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _groups(container: etree._Element) -> Iterator[Group]:
    stack: list[tuple[etree._Element, str | None]] = [(container, None)]
    while stack:
        node, parent_id = stack.pop(0)
        for position, group in enumerate(node.iterfind("{*}Группа")):
            gid = text(group, "Ид")
            if not gid:
                raise CommerceMLError("group without Ид", group.sourceline, "Группа")
            yield Group(
                id=gid,
                name=text(group, "Наименование") or gid,
                parent_id=parent_id,
                position=position,
                deleted=bool(flag(text(group, "ПометкаУдаления")))
                or group.get("Статус") == "Удален",
            )
            sub = group.find("{*}Группы")
            if sub is not None:
                stack.append((sub, gid))


def _properties(el: etree._Element) -> Iterator[Property]:
    for prop in el:
        kids = children_by_name(prop)
        pid = first_text(kids, "Ид")
        if not pid:
            continue
        values = []
        for box in kids.get("ВариантыЗначений", ()):
            for variant in box:
                vk = children_by_name(variant)
                if vid := first_text(vk, "ИдЗначения"):
                    values.append((vid, first_text(vk, "Значение")))
        name, value_type = first_text(kids, "Наименование"), first_text(kids, "ТипЗначений")
        yield Property(pid, name, value_type, tuple(values))


def _price_types(el: etree._Element) -> Iterator[PriceType]:
    for pt in el.iterfind("{*}ТипЦены"):
        yield PriceType(text(pt, "Ид"), text(pt, "Наименование"), text(pt, "Валюта"))


def children_by_name(el: etree._Element) -> dict[str, list[etree._Element]]:
    """Direct children by local name, in one pass (far cheaper than a wildcard find each)."""
    out: dict[str, list[etree._Element]] = {}
    for child in el:
        tag = child.tag
        if isinstance(tag, str):
            out.setdefault(_local_name(tag), []).append(child)
    return out


def first_text(kids: dict[str, list[etree._Element]], name: str) -> str:
    found = kids.get(name)
    return (found[0].text or "").strip() if found else ""


def _requisites(box: etree._Element | None) -> tuple[tuple[str, str], ...]:
    if box is None:
        return ()
    pairs = []
    for r in box:
        kids = children_by_name(r)
        pairs.append((first_text(kids, "Наименование"), first_text(kids, "Значение")))
    return tuple(pairs)


def _product(el: etree._Element) -> Product:
    kids = children_by_name(el)
    pid = first_text(kids, "Ид")
    if not pid:
        raise _BadItem("product without Ид")
    requisites = _requisites(kids.get("ЗначенияРеквизитов", [None])[0])
    weight = decimal(first_text(kids, "Вес")) if "Вес" in kids else None
    if weight is None:
        weight = decimal(dict(requisites).get("Вес"))
    group_ids: tuple[str, ...] = ()
    if "Группы" in kids:
        group_ids = tuple(t for g in kids["Группы"][0] if (t := (g.text or "").strip()))
    return Product(
        id=pid,
        name=first_text(kids, "Наименование"),
        sku=first_text(kids, "Артикул"),
        barcode=first_text(kids, "Штрихкод"),
        description=_inner_text(kids.get("Описание", [None])[0]),
        group_ids=group_ids,
        weight=weight,
        images=tuple(t for i in kids.get("Картинка", ()) if (t := (i.text or "").strip())),
        requisites=requisites,
        deleted=el.get("Статус") == "Удален" or bool(flag(first_text(kids, "ПометкаУдаления"))),
        manufacturer=_manufacturer(kids),
        property_values=_property_values(kids),
    )


def _manufacturer(kids: dict[str, list[etree._Element]]) -> tuple[str, str] | None:
    for el in kids.get("Изготовитель", ()):
        mk = children_by_name(el)
        name = first_text(mk, "Наименование")
        if name:
            return (first_text(mk, "Ид") or name, name)
    return None


def _property_values(kids: dict[str, list[etree._Element]]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for box in kids.get("ЗначенияСвойств", ()):
        for value in box:
            vk = children_by_name(value)
            prop = first_text(vk, "Ид")
            for v in vk.get("Значение", ()):
                text_value = (v.text or "").strip()
                if prop and text_value:
                    pairs.append((prop, text_value))
    return tuple(pairs)


def _inner_text(el: etree._Element | None) -> str:
    """Описание is text, but some 1C setups send HTML as child markup instead of escaped text."""
    if el is None:
        return ""
    if len(el) == 0:
        return (el.text or "").strip()
    parts = [el.text or ""]
    for child in el:
        etree.cleanup_namespaces(child)
        parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
    return "".join(parts).strip()


def _offer(el: etree._Element) -> Offer:
    kids = children_by_name(el)
    oid = first_text(kids, "Ид")
    if not oid:
        raise _BadItem("offer without Ид")
    product_id, characteristic = split_item_id(oid)
    prices = None
    if "Цены" in kids:
        found = []
        for p in kids["Цены"][0]:
            pk = children_by_name(p)
            value = decimal(first_text(pk, "ЦенаЗаЕдиницу"))
            if value is not None:
                coefficient = decimal(first_text(pk, "Коэффициент"))
                found.append(
                    Price(
                        first_text(pk, "ИдТипаЦены"), value, first_text(pk, "Валюта"), coefficient
                    )
                )
        prices = tuple(found)
    stock: list[tuple[str, Decimal]] = []
    for wh in kids.get("Склад", ()):  # ≤ 2.08: <Склад ИдСклада=… КоличествоНаСкладе=…/>
        qty = decimal(wh.get("КоличествоНаСкладе"))
        if qty is not None:
            stock.append((wh.get("ИдСклада", ""), qty))
    for rests in kids.get("Остатки", ()):  # 2.09+/3.1: Остаток/Склад/{Ид, Количество}
        for rest in rests:
            rk = children_by_name(rest)
            source = children_by_name(rk["Склад"][0]) if "Склад" in rk else rk
            qty = decimal(first_text(source, "Количество"))
            if qty is not None:
                stock.append((first_text(source, "Ид") if "Склад" in rk else "", qty))
    quantity = decimal(first_text(kids, "Количество")) if "Количество" in kids else None
    if quantity is None and stock:
        quantity = sum((q for _, q in stock), Decimal(0))
    return Offer(
        id=oid,
        product_id=product_id,
        characteristic_id=characteristic or None,
        name=first_text(kids, "Наименование"),
        prices=prices,
        quantity=quantity,
        stock=tuple(stock),
        deleted=bool(flag(first_text(kids, "ПометкаУдаления"))) or el.get("Статус") == "Удален",
        sku=first_text(kids, "Артикул"),
        barcode=first_text(kids, "Штрихкод"),
        characteristics=_characteristics(kids),
    )


_PARSERS = {"product": _product, "offer": _offer}


def _characteristics(kids: dict[str, list[etree._Element]]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for box in kids.get("ХарактеристикиТовара", ()):
        for c in box:
            ck = children_by_name(c)
            name, value = first_text(ck, "Наименование"), first_text(ck, "Значение")
            if name and value:
                pairs.append((name, value))
    return tuple(pairs)
