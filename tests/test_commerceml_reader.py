"""The pure CommerceML reader, on the project's own files and on inline variants."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest
from conftest import DATA

from sidecar.commerceml.reader import CommerceMLError, iter_records
from sidecar.commerceml.records import (
    Document,
    Groups,
    Invalid,
    Offer,
    PriceTypes,
    Product,
    Properties,
    Section,
    Source,
)


def records(data: bytes) -> list:
    return list(iter_records(io.BytesIO(data)))


def test_import_file_records():
    recs = records((DATA / "catalog" / "import.xml").read_bytes())
    assert recs[0] == Document("2.07")
    assert Section("catalog", False) in recs
    groups = next(r for r in recs if isinstance(r, Groups)).items
    order = [g.id[-3:] for g in groups]
    assert order.index("001") < order.index("012") < order.index("121"), "parents first"
    dresses = next(g for g in groups if g.id.endswith("121"))
    assert dresses.parent_id.endswith("012") and dresses.name == "Платья"
    products = [r for r in recs if isinstance(r, Product)]
    assert len(products) == 5
    shirt = products[0]
    assert shirt.sku == "SH-001" and shirt.weight == Decimal("0.5")
    assert shirt.requisite("Полное наименование") == "Рубашка мужская льняная, белая"
    assert products[1].group_ids == (
        "g0000000-0000-0000-0000-000000000121",
        "g0000000-0000-0000-0000-000000000012",
    )
    assert products[4].deleted


def test_offers_file_records():
    recs = records((DATA / "catalog" / "offers.xml").read_bytes())
    types = next(r for r in recs if isinstance(r, PriceTypes)).items
    assert [t.name for t in types] == ["Розничная", "Оптовая"]
    offers = [r for r in recs if isinstance(r, Offer)]
    assert offers[0].quantity == 12 and offers[0].prices[1].value == Decimal("1990.50")
    assert offers[1].quantity == Decimal("7.5") and len(offers[1].stock) == 2
    assert offers[2].product_id.endswith("003") and offers[2].characteristic_id.endswith("041")


REST = """<?xml version="1.0" encoding="UTF-8"?>
<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_3" ВерсияСхемы="3.1">
<ПакетПредложений СодержитТолькоИзменения="true"><Предложения><Предложение><Ид>p1</Ид>
<Остатки><Остаток><Склад><Ид>w1</Ид><Количество>2</Количество></Склад></Остаток>
<Остаток><Склад><Ид>w2</Ид><Количество>3,5</Количество></Склад></Остаток></Остатки>
</Предложение><Предложение><Ид>p2</Ид><Цены><Цена><ИдТипаЦены>t</ИдТипаЦены>
<ЦенаЗаЕдиницу>1 200,50</ЦенаЗаЕдиницу></Цена></Цены></Предложение></Предложения>
</ПакетПредложений></КоммерческаяИнформация>"""


def test_rests_and_prices_packages():
    offers = [r for r in records(REST.encode()) if isinstance(r, Offer)]
    assert offers[0].quantity == Decimal("5.5") and offers[0].prices is None
    assert offers[1].quantity is None and offers[1].prices[0].value == Decimal("1200.50")


def test_windows_1251_without_namespace():
    text = REST.replace('encoding="UTF-8"', 'encoding="windows-1251"').replace(
        ' xmlns="urn:1C.ru:commerceml_3"', ""
    )
    offers = [r for r in records(text.encode("cp1251")) if isinstance(r, Offer)]
    assert [o.id for o in offers] == ["p1", "p2"]


def test_flag_as_child_element():
    data = (
        "<КоммерческаяИнформация><Каталог><СодержитТолькоИзменения>false"
        "</СодержитТолькоИзменения></Каталог></КоммерческаяИнформация>"
    ).encode()
    assert Section("catalog", False) in records(data)


@pytest.mark.parametrize(
    "data,message",
    [
        (b"<a><b></a>", "malformed XML"),
        (b"\xef\xbb\xbf   ", "empty file"),
    ],
)
def test_errors_say_what_and_where(data, message):
    with pytest.raises(CommerceMLError, match=message):
        records(data)


def test_entities_are_never_expanded():
    data = (
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        "<КоммерческаяИнформация>&b;</КоммерческаяИнформация>"
    ).encode()
    with pytest.raises(CommerceMLError, match="DOCTYPE"):
        records(data)


def test_a_bad_item_is_reported_and_the_rest_read():
    data = (
        "<КоммерческаяИнформация><Каталог><Товары>"
        "<Товар><Наименование>Без Ид</Наименование></Товар>"
        "<Товар><Ид>p2</Ид><Наименование>Хороший</Наименование></Товар>"
        "</Товары></Каталог></КоммерческаяИнформация>"
    ).encode()
    recs = [r for r in records(data) if isinstance(r, Invalid | Product)]
    assert recs[0] == Invalid("product", 1, "product without Ид", "Без Ид")
    assert recs[1].id == "p2"


def test_properties_manufacturer_and_characteristics():
    recs = records((DATA / "catalog" / "import.xml").read_bytes())
    props = next(r for r in recs if isinstance(r, Properties)).items
    assert props[0].name == "Производитель" and props[0].value_type == "Справочник"
    assert props[0].values == (("v0000000-0000-0000-0000-000000000001", "Фабрика «Север»"),)
    shirt = next(r for r in recs if isinstance(r, Product))
    assert shirt.property_values == (
        ("p0000000-0000-0000-0000-000000000001", "v0000000-0000-0000-0000-000000000001"),
        ("p0000000-0000-0000-0000-000000000002", "v0000000-0000-0000-0000-000000000021"),
        ("p0000000-0000-0000-0000-000000000003", "Лён"),
        ("p0000000-0000-0000-0000-000000000004", "true"),
    ), "an empty <Значение/> is no value"
    assert shirt.images == ("import_files/a1/shirt.jpg", "import_files/a1/shirt-back.png")
    dress = [r for r in recs if isinstance(r, Product)][1]
    assert dress.manufacturer == ("m0000000-0000-0000-0000-000000000002", "Ателье «Весна»")
    offers = [
        r for r in records((DATA / "catalog" / "offers.xml").read_bytes()) if isinstance(r, Offer)
    ]
    assert offers[2].characteristics == (("Размер", "41"),)


def test_a_resumed_step_gets_the_items_it_already_wrote_unread():
    from sidecar.commerceml.reader import SKIPPED

    data = (DATA / "catalog" / "import.xml").read_bytes()
    full = list(iter_records(io.BytesIO(data)))
    data_records = [r for r in full if not isinstance(r, Document | Section | Source)]
    for skip in range(len(data_records) + 1):
        resumed = [
            r
            for r in iter_records(io.BytesIO(data), skip)
            if not isinstance(r, Document | Section | Source)
        ]
        assert len(resumed) == len(data_records)
        for k, (was, now) in enumerate(zip(data_records, resumed, strict=True)):
            if k < skip and isinstance(was, Product | Offer):
                assert now is SKIPPED
            else:
                assert now == was


def test_an_item_read_in_place_is_what_reading_its_xml_gives():
    """The reader's thread may read a product or offer where it parses it (saving the import a
    second parse); the record must be the one `build` makes of the item's XML, bad items
    included."""
    from sidecar.commerceml.reader import build
    from sidecar.commerceml.records import Raw

    files = [DATA / "catalog" / "import.xml", DATA / "catalog" / "offers.xml"]
    bad = (
        (DATA / "catalog" / "import.xml")
        .read_bytes()
        .replace("<Наименование>Рубашка мужская льняная</Наименование>".encode(), b"", 1)
    )
    compared = 0
    for data in [f.read_bytes() for f in files] + [bad]:
        turns = iter([True, False] * 100)
        for record in iter_records(io.BytesIO(data), raw=True, read_in_place=turns.__next__):
            if isinstance(record, Raw) and record.record is not None:
                assert record.record == build(record), record.id
                compared += 1
    assert compared >= 6


def _variants() -> dict[str, tuple[bytes, bool]]:
    """Catalog files as 1C and other generators write them: (bytes, whether every item is cut
    from the bytes rather than parsed by the file's parser)."""
    catalog = (DATA / "catalog" / "import.xml").read_bytes()
    offers = (DATA / "catalog" / "offers.xml").read_bytes()
    text = catalog.decode("utf-8-sig")
    first = "<Ид>a0000000-0000-0000-0000-000000000001</Ид>"
    return {
        "utf-8 with BOM": (catalog, True),
        "offers": (offers, True),
        "windows-1251": (
            text.replace('encoding="UTF-8"', 'encoding="windows-1251"').encode("cp1251"),
            True,
        ),
        # tags inside comments, CDATA and processing instructions are text, not items
        "comments and CDATA": (
            text.replace(
                first,
                f"<!-- </Товар> --><?pi </Товар>?>{first}"
                "<Описание><![CDATA[</Товар> <Товар>]]></Описание>",
            )
            .replace("<Товары>", "<Товары><!-- <Товар> -->")
            .encode(),
            True,
        ),
        "Ид not first, entities": (
            text.replace(first, "<Артикул>X&amp;Y</Артикул>" + first)
            .replace("shirt.jpg", "shirt&amp;co.jpg")
            .encode(),
            True,
        ),
        "attributes with >": (text.replace("<Товар>", '<Товар Статус="a>b" >', 1).encode(), True),
        # what the cutter is not certain of is left to the file's parser
        "prefixed": (
            re.sub(
                r"<(/?)Товар\b",
                r"<\1c:Товар",
                text.replace('xmlns="urn:1C.ru:commerceml_2"', 'xmlns:c="urn:1C"'),
            ).encode(),
            False,
        ),
        "nested item": (text.replace(first, first + "<Товар/>", 1).encode(), False),
        "utf-16": (text.encode("utf-16"), False),
    }


@pytest.mark.parametrize("name", list(_variants()))
def test_items_cut_from_the_bytes_read_as_the_parser_reads_them(name):
    """An unchanged export costs the reading of its bytes only because products and offers
    are cut from the bytes, hashed and parsed only when written: what `build` makes of a cut
    item — record, Ид, pictures, line — must be what the parser reads from the file, and every
    line number after the items must stay the file's."""
    from sidecar.commerceml.reader import build
    from sidecar.commerceml.records import Raw

    data, all_cut = _variants()[name]
    parsed = [r for r in records(data) if not isinstance(r, Document | Section | Source)]
    raw = [r for r in iter_records(io.BytesIO(data), raw=True)
           if not isinstance(r, Document | Section | Source)]  # fmt: skip
    assert len(raw) == len(parsed)
    items = 0
    for was, now in zip(parsed, raw, strict=True):
        if not isinstance(now, Raw):
            assert now == was
            continue
        items += 1
        assert build(now) == was
        assert bool(now.head) == all_cut, "cut from the bytes" if all_cut else "left to lxml"
        if isinstance(was, Product):
            assert (now.id, now.pictures) == (was.id, was.images)
    assert items >= 5


def test_a_broken_item_cut_from_the_bytes_fails_the_file_where_it_is():
    from sidecar.commerceml.reader import build

    text = (DATA / "catalog" / "import.xml").read_text("utf-8-sig")
    broken = text.replace("<Наименование>Рубашка мужская льняная</Наименование>",
                          "<Наименование>Рубашка</Name>", 1).encode()  # fmt: skip
    raws = [r for r in iter_records(io.BytesIO(broken), raw=True) if hasattr(r, "xml_md5")]
    with pytest.raises(CommerceMLError, match=r"malformed XML.* at line 80"):
        build(raws[0])


def test_an_item_digest_is_its_bytes_and_moves_with_them():
    """The unchanged-item skip compares digests: the same item bytes give the same digest
    wherever they stand in the file; any change of the item's bytes changes it."""
    data = (DATA / "catalog" / "import.xml").read_bytes()
    moved = data.replace("<Товары>".encode(), "<Товары>\n\n".encode(), 1)
    changed = data.replace("Лён 100%".encode(), "Лён 99%".encode(), 1)

    def digests(body: bytes) -> dict[str, str]:
        return {r.id: r.xml_md5 for r in iter_records(io.BytesIO(body), raw=True)
                if hasattr(r, "xml_md5")}  # fmt: skip

    first = digests(data)
    assert digests(moved) == first
    assert [k for k, v in digests(changed).items() if first[k] != v] == [
        "a0000000-0000-0000-0000-000000000001"
    ]


@pytest.mark.parametrize("chunk,max_item", [(7, 1 << 20), (97, 1 << 20), (1000, 300)])
def test_items_cut_across_reads_of_any_size(monkeypatch, chunk, max_item):
    """The file is read in chunks: an item, a comment or a tag may be split anywhere, and an
    item larger than the limit is left to the parser from there on."""
    from sidecar.commerceml import cutter
    from sidecar.commerceml.reader import build
    from sidecar.commerceml.records import Raw

    monkeypatch.setattr(cutter, "CHUNK", chunk)
    monkeypatch.setattr(cutter, "MAX_ITEM", max_item)
    for data, _ in _variants().values():
        parsed = [r for r in records(data) if isinstance(r, Product | Offer | Invalid)]
        raws = [r for r in iter_records(io.BytesIO(data), raw=True) if isinstance(r, Raw)]
        assert [build(r) for r in raws] == parsed


def test_bytes_not_in_the_files_encoding_inside_an_item_refuse_the_file():
    """What the whole file's parse refuses, reading a cut item refuses too, wherever the bad
    byte is (here in the Ид the cutter reads from the bytes)."""
    from sidecar.commerceml.reader import build
    from sidecar.commerceml.records import Raw

    data = (DATA / "catalog" / "import.xml").read_bytes()
    bad = data.replace(b"<\xd0\x98\xd0\xb4>a0000000", b"<\xd0\x98\xd0\xb4>\xe10000000", 1)
    with pytest.raises(CommerceMLError, match=r"Invalid bytes|malformed"):
        records(bad)
    with pytest.raises(CommerceMLError, match="malformed XML"):
        for record in iter_records(io.BytesIO(bad), raw=True):
            if isinstance(record, Raw):
                build(record)
