"""The pure CommerceML reader, on the project's own files and on inline variants."""

from __future__ import annotations

import io
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
