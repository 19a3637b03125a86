"""Every real 1C catalog export in ../shared/samples through the HTTP exchange, with the counts
checked against the files themselves (read here with the standard library's ElementTree, not
with the sidecar's reader)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

import pytest
from conftest import ON_EVERY_SHOP, SAMPLES, assert_nested_set_valid, query, supports

from sidecar.onec_client import exchange_order

pytestmark = ON_EVERY_SHOP

CATALOG_ROOTS = {"Классификатор", "Каталог", "ПакетПредложений", "ИзмененияПакетаПредложений"}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def children(el, name):
    return [c for c in el if local(c.tag) == name]


def child_text(el, name) -> str:
    found = children(el, name)
    return (found[0].text or "").strip() if found else ""


def is_catalog_file(path: Path) -> bool:
    root = ET.parse(path).getroot()
    return bool({local(c.tag) for c in root} & CATALOG_ROOTS)


def exchanges() -> list[Path]:
    if not SAMPLES.is_dir():
        return []
    dirs = sorted({p.parent for p in SAMPLES.rglob("*.xml") if is_catalog_file(p)})
    return dirs


def deleted(el) -> bool:
    return el.get("Статус") == "Удален" or child_text(el, "ПометкаУдаления").lower() == "true"


MANUFACTURER_NAMES = {"производитель", "бренд", "изготовитель", "марка"}


def expected(files: list[Path]) -> dict:
    groups, products, offers, properties, price_types, names = set(), {}, [], {}, [], {}
    for f in files:
        for el in ET.parse(f).getroot().iter():
            name = local(el.tag)
            if name == "Группа" and child_text(el, "Ид"):
                groups.add((child_text(el, "Ид"), deleted(el)))
            elif name == "Свойство" and child_text(el, "Ид"):
                properties[child_text(el, "Ид")] = child_text(el, "Наименование")
            elif name == "ТипыЦен":
                price_types = [
                    (child_text(t, "Ид"), child_text(t, "Валюта")) for t in children(el, "ТипЦены")
                ]
        root = ET.parse(f).getroot()
        for cat in children(root, "Каталог"):
            for box in children(cat, "Товары"):
                for t in children(box, "Товар"):
                    products[child_text(t, "Ид")] = deleted(t)
                    names[child_text(t, "Ид")] = child_text(t, "Наименование")
        for pkg in [
            c for c in root if local(c.tag) in ("ПакетПредложений", "ИзмененияПакетаПредложений")
        ]:
            for box in children(pkg, "Предложения"):
                offers.extend(children(box, "Предложение"))
    return {
        "groups": {g for g, d in groups if not d},
        "products": {p for p, d in products.items() if not d},
        "offers": offers,
        "attributes": {
            p for p, n in properties.items() if n.strip().casefold() not in MANUFACTURER_NAMES
        },
        "price_types": price_types,
        "names": names,
    }


def first_price(offer, price_types) -> Decimal | None:
    """The price of the first listed price type, per base unit, when in roubles."""
    if not price_types:
        return None
    type_id, type_currency = price_types[0]
    for box in children(offer, "Цены"):
        for p in children(box, "Цена"):
            if child_text(p, "ИдТипаЦены") != type_id:
                continue
            code = (child_text(p, "Валюта") or type_currency).casefold()
            if code not in ("", "rub", "руб", "руб.", "643"):
                return None
            value = Decimal(child_text(p, "ЦенаЗаЕдиницу").replace(",", "."))
            coef = child_text(p, "Коэффициент")
            if coef and Decimal(coef) not in (0, 1):
                value /= Decimal(coef)
            return value.quantize(Decimal("0.0001"))
    return None


@pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="../shared/samples is not present beside the clone"
)
@pytest.mark.parametrize("directory", exchanges(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_real_export_through_the_exchange(directory: Path, onec, conn):
    files = sorted(
        (p for p in directory.glob("*.xml") if is_catalog_file(p)),
        key=lambda p: exchange_order(p.name),
    )
    want = expected(files)
    replies = onec.send_catalog([(p.name, p.read_bytes()) for p in files])
    assert all(r.word == "success" for r in replies)

    assert query(conn, "SELECT COUNT(*) FROM {own}id_map WHERE kind = 'category'") == [
        (len(want["groups"]),)
    ]
    assert query(conn, "SELECT COUNT(*) FROM {p}categories") == [(len(want["groups"]) + 1,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(len(want["products"]),)]
    assert query(conn, "SELECT COUNT(*) FROM {p}product_translations") == [
        (2 * len(want["products"]),)
    ]
    assert_nested_set_valid(conn)

    known = want["products"]
    owned = [
        o
        for o in want["offers"]
        if child_text(o, "Ид") in known or child_text(o, "Ид").split("#")[0] in known
    ]
    assert query(conn, "SELECT COUNT(DISTINCT ext_id) FROM {own}offers") == [
        (len({child_text(o, "Ид") for o in owned}),)
    ]
    ids = dict(query(conn, "SELECT ext_id, xc_id FROM {own}id_map WHERE kind = 'product'"))
    for o in owned:
        oid, qty = child_text(o, "Ид"), child_text(o, "Количество")
        if oid not in ids:
            continue
        # stock of a product's own offer: its Количество, floored, never negative
        if qty:
            amount = max(0, int(Decimal(qty.replace(",", ".")).to_integral_value(ROUND_FLOOR)))
            assert query(
                conn, "SELECT amount FROM {p}products WHERE product_id = %s", ids[oid]
            ) == [(amount,)]
        # its price: the first price type's, per base unit, in the shop's currency
        price = first_price(o, want["price_types"])
        if price is not None:
            assert query(conn, "SELECT price FROM {p}products WHERE product_id = %s", ids[oid]) == [
                (price,)
            ]

    # characteristics of known products became variants
    variants = {
        child_text(o, "Ид")
        for o in owned
        if "#" in child_text(o, "Ид") and child_text(o, "Ид") not in known and not deleted(o)
    }
    if supports(conn, "variants"):
        assert query(conn, "SELECT COUNT(*) FROM {p}product_variants") == [(len(variants),)]
    else:  # each product with characteristics got them as options to pick
        assert query(
            conn,
            "SELECT COUNT(DISTINCT SUBSTRING_INDEX(ext_id, '|', 1)) FROM {own}id_map"
            " WHERE kind = 'variant_value'",
        ) == [(len({v.split("#")[0] for v in variants}),)]
    # properties became attributes (manufacturer properties feed the one Manufacturer attribute)
    assert query(
        conn,
        "SELECT COUNT(*) FROM {own}id_map WHERE kind = 'attribute' AND ext_id NOT IN ('#manufacturer', '#barcode')",
    ) == [(len(want["attributes"]),)]
    # spot check: every product is named as in the file, in every shop language
    for ext, xc in ids.items():
        name = want["names"][ext] or ext
        assert {
            r[0] for r in query(conn, "SELECT name FROM {p}product_translations WHERE id = %s", xc)
        } == {name[:255]}
