"""Everything 1C sends lands in X-Cart as X-Cart itself would store it: attributes,
manufacturers, photos, variants, clean URLs, prices in the shop's terms, stock, and what a
full or partial export, a deletion and `deactivate` do."""

from __future__ import annotations

import hashlib
import time
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import (
    DATA,
    PASSWORD,
    assert_nested_set_valid,
    catalog_files,
    drop_database,
    flask_transport,
    make_database,
    query,
    set_setting,
    xc_id,
)
from lxml import etree

from sidecar.app import create_app
from sidecar.onec_client import OneCClient

NS = {"c": "urn:1C.ru:commerceml_2"}
P = "a0000000-0000-0000-0000-00000000000"


def pid(conn, n: str) -> int:
    return xc_id(conn, "product", P + n)


def edit(files, name: str, change) -> list[tuple[str, bytes]]:
    """Return the files with `name` changed by `change(tree)`, as a 1C user's edit would."""
    out = dict(files)
    tree = etree.fromstring(out[name])
    change(tree)
    out[name] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return list(out.items())


def product_el(tree, n: str):
    return tree.xpath(f"//c:Товар[c:Ид='{P}{n}']", namespaces=NS)[0]


def offer_el(tree, offer_id: str):
    return tree.xpath(f"//c:Предложение[c:Ид='{offer_id}']", namespaces=NS)[0]


# --- attributes and manufacturers -------------------------------------------------------


def values(conn, product: int) -> dict[str, object]:
    rows = query(
        conn,
        "SELECT at.name, ot.name FROM {p}attribute_values_select v"
        " JOIN {p}attribute_translations at ON at.id = v.attribute_id AND at.code = 'en'"
        " JOIN {p}attribute_option_translations ot ON ot.id = v.attribute_option_id AND ot.code = 'en'"
        " WHERE v.product_id = %s",
        product,
    )
    rows += query(
        conn,
        "SELECT at.name, tt.value FROM {p}attribute_values_text v"
        " JOIN {p}attribute_translations at ON at.id = v.attribute_id AND at.code = 'en'"
        " JOIN {p}attribute_values_text_translations tt ON tt.id = v.id AND tt.code = 'ru'"
        " WHERE v.product_id = %s",
        product,
    )
    rows += query(
        conn,
        "SELECT at.name, v.value FROM {p}attribute_values_checkbox v"
        " JOIN {p}attribute_translations at ON at.id = v.attribute_id AND at.code = 'en'"
        " WHERE v.product_id = %s",
        product,
    )
    return dict(rows)


def test_properties_become_typed_attributes_with_values(onec, conn):
    onec.send_catalog(catalog_files())
    types = dict(query(
        conn, "SELECT t.name, a.type FROM {p}attributes a JOIN {p}attribute_translations t"
        " ON t.id = a.id AND t.code = 'en' WHERE a.product_id IS NULL",
    ))  # fmt: skip
    assert types == {
        "Manufacturer": "S",
        "Цвет": "S",
        "Материал": "T",
        "Хит продаж": "C",
        "Barcode": "T",
    }
    assert values(conn, pid(conn, "1")) == {
        "Manufacturer": "Фабрика «Север»", "Цвет": "Белый", "Материал": "Лён", "Хит продаж": 1,
        "Barcode": "4601234567890",
    }  # fmt: skip
    gtin = xc_id(conn, "attribute", "#barcode")
    assert query(conn, "SELECT googleShoppingGroup FROM {p}attributes WHERE id = %s", gtin) == [
        ("gtin",)
    ]
    # 1C's Изготовитель is the manufacturer too
    assert values(conn, pid(conn, "2")) == {"Manufacturer": "Ателье «Весна»", "Цвет": "Зелёный"}
    # the manufacturer attribute is named in every shop language
    names = query(
        conn, "SELECT t.code, t.name FROM {p}attribute_translations t WHERE t.id = %s ORDER BY code",
        xc_id(conn, "attribute", "#manufacturer"),
    )  # fmt: skip
    assert names == [("en", "Manufacturer"), ("ru", "Производитель")]


def test_values_follow_1c_and_the_shops_own_attributes_stay(onec, conn):
    onec.send_catalog(catalog_files())
    shirt = pid(conn, "1")
    # an attribute the shop added itself, with a value on the shirt
    with conn.cursor() as cur:
        cur.execute("INSERT INTO xc_attributes (type, position, displayAbove, decimals,"
                    " displayMode, addToNew) VALUES ('C', 0, 0, 0, '', '')")  # fmt: skip
        own = cur.lastrowid
        cur.execute(
            "INSERT INTO xc_attribute_translations (id, code, name, unit) VALUES (%s, 'en', 'Own', '')",
            (own,),
        )
        cur.execute(
            "INSERT INTO xc_attribute_values_checkbox (product_id, attribute_id, value, priceModifier,"
            " priceModifierType, weightModifier, weightModifierType, defaultValue)"
            " VALUES (%s, %s, 1, 0, 'p', 0, 'p', 0)",
            (shirt, own),
        )
    conn.commit()

    def change(tree):
        box = product_el(tree, "1").find("c:ЗначенияСвойств", NS)
        for v in box.findall("c:ЗначенияСвойства", NS):
            if v.find("c:Ид", NS).text.endswith("02"):
                v.find("c:Значение", NS).text = "v0000000-0000-0000-0000-000000000022"
            if v.find("c:Ид", NS).text.endswith("04"):
                box.remove(v)

    onec.send_catalog(edit(catalog_files(), "import.xml", change))
    assert values(conn, shirt) == {
        "Barcode": "4601234567890",
        "Manufacturer": "Фабрика «Север»", "Цвет": "Зелёный", "Материал": "Лён", "Own": 1,
    }  # fmt: skip


def test_skipped_properties_are_not_imported(onec, conn):
    set_setting(conn, "skip_properties", "материал, Хит продаж")
    onec.send_catalog(catalog_files())
    assert set(values(conn, pid(conn, "1"))) == {"Manufacturer", "Цвет", "Barcode"}


SHOP_BY_BRAND = (DATA / "shop_by_brand.sql").read_text(encoding="utf-8")


@pytest.fixture
def brand_tables(conn):
    with conn.cursor() as cur:
        for statement in SHOP_BY_BRAND.split(";\n"):
            if statement.strip():
                cur.execute(statement)
    conn.commit()
    yield
    with conn.cursor() as cur:
        cur.execute("SET FOREIGN_KEY_CHECKS = 0")
        for t in ("brand_products", "brand_translations", "brands"):
            cur.execute(f"DROP TABLE xc_{t}")
        cur.execute("SET FOREIGN_KEY_CHECKS = 1")
    conn.commit()


def test_manufacturers_become_brands_with_shop_by_brand(brand_tables, config, conn):
    OneCClient(flask_transport(create_app(config)), "1c", PASSWORD).send_catalog(catalog_files())
    attribute = xc_id(conn, "attribute", "#manufacturer")
    assert query(
        conn, "SELECT value FROM {p}config WHERE category = 'QSL\\\\ShopByBrand'"
        " AND name = 'shop_by_brand_field_id'",
    ) == [(str(attribute),)]  # fmt: skip
    brands = dict(query(
        conn, "SELECT t.name, b.brand_id FROM {p}brands b JOIN {p}attribute_option_translations t"
        " ON t.id = b.attribute_option_id AND t.code = 'en'",
    ))  # fmt: skip
    assert set(brands) == {"Фабрика «Север»", "Ателье «Весна»"}
    assert query(conn, "SELECT brand_id FROM {p}brand_products WHERE product_id = %s",
                 pid(conn, "2")) == [(brands["Ателье «Весна»"],)]  # fmt: skip
    assert query(conn, "SELECT COUNT(*) FROM {p}brand_translations") == [(4,)]


# --- photos -------------------------------------------------------------------------------


def test_photos_are_stored_as_x_cart_stores_them(onec, conn, images_dir):
    onec.send_catalog(catalog_files())
    rows = query(
        conn, "SELECT orderby, path, fileName, mime, width, height, size, hash, storageType,"
        " needProcess FROM {p}product_images WHERE product_id = %s ORDER BY orderby",
        pid(conn, "1"),
    )  # fmt: skip
    jpg = (DATA / "catalog" / "import_files" / "a1" / "shirt.jpg").read_bytes()
    png = (DATA / "catalog" / "import_files" / "a1" / "shirt-back.png").read_bytes()
    name_jpg = hashlib.md5(jpg).hexdigest() + ".jpg"
    assert rows[0] == (
        0, name_jpg, "shirt.jpg", "image/jpeg", 40, 30, len(jpg),
        hashlib.md5((hashlib.md5(jpg).hexdigest() + name_jpg).encode()).hexdigest(), "r", 1,
    )  # fmt: skip
    assert rows[1][:6] == (
        1,
        hashlib.md5(png).hexdigest() + ".png",
        "shirt-back.png",
        "image/png",
        20,
        24,
    )
    assert (images_dir / "product" / name_jpg).read_bytes() == jpg
    assert oct((images_dir / "product" / name_jpg).stat().st_mode & 0o777) == "0o644"


def test_unchanged_photos_stay_removed_ones_go_identical_ones_are_shared(onec, conn, images_dir):
    onec.send_catalog(catalog_files())
    first = query(conn, "SELECT id, path FROM {p}product_images ORDER BY id")
    onec.send_catalog(catalog_files())
    assert query(conn, "SELECT id, path FROM {p}product_images ORDER BY id") == first

    def change(tree):
        shirt = product_el(tree, "1")
        shirt.remove(shirt.findall("c:Картинка", NS)[1])  # the back view is removed in 1C
        dress = product_el(tree, "2")
        dress.find("c:Картинка", NS).text = "import_files/a1/shirt.jpg"  # same photo as the shirt

    onec.send_catalog(edit(catalog_files(), "import.xml", change))
    rows = query(conn, "SELECT product_id, path FROM {p}product_images ORDER BY product_id")
    assert [r[0] for r in rows] == [pid(conn, "1"), pid(conn, "2")]
    assert rows[0][1] == rows[1][1], "identical files are stored once"
    assert sorted(p.name for p in (images_dir / "product").iterdir()) == [rows[0][1]]


def test_an_export_without_pictures_keeps_the_photos(onec, conn):
    onec.send_catalog(catalog_files())
    before = query(conn, "SELECT id FROM {p}product_images ORDER BY id")
    xml_only = [(n, b) for n, b in catalog_files() if n.endswith(".xml")]
    replies = onec.send_catalog(xml_only)
    assert query(conn, "SELECT id FROM {p}product_images ORDER BY id") == before
    assert "products whose photos were not uploaded (kept as they are): 2" in replies[0].lines
    assert replies[0].lines[3].startswith("products: 0 created, 0 updated, 4 unchanged")


def test_a_file_that_is_not_an_image_never_reaches_the_images_directory(onec, conn, images_dir):
    files = [(n, b"<?php echo 1; ?>" if n.endswith("dress.jpg") else b) for n, b in catalog_files()]
    replies = onec.send_catalog(files)
    assert query(conn, "SELECT COUNT(*) FROM {p}product_images WHERE product_id = %s",
                 pid(conn, "2")) == [(0,)]  # fmt: skip
    assert any("not an image" in line for line in replies[0].lines)
    assert all(p.suffix in (".jpg", ".png") for p in (images_dir / "product").iterdir())


# --- variants -----------------------------------------------------------------------------


def test_characteristics_become_variants(onec, conn):
    onec.send_catalog(catalog_files())
    boots = pid(conn, "3")
    variants = query(
        conn, "SELECT v.price, v.amount, v.defaultPrice, v.defaultAmount, ot.name"
        " FROM {p}product_variants v"
        " JOIN {p}product_variant_attribute_value_select j ON j.variant_id = v.id"
        " JOIN {p}attribute_values_select s ON s.id = j.attribute_value_id"
        " JOIN {p}attribute_option_translations ot ON ot.id = s.attribute_option_id AND ot.code = 'en'"
        " WHERE v.product_id = %s ORDER BY ot.name", boots,
    )  # fmt: skip
    assert variants == [(Decimal("5600"), 2, 0, 0, "41"), (Decimal("5400"), 5, 0, 0, "43")]
    size = query(conn, "SELECT a.id, a.product_id, t.name FROM {p}attributes a JOIN"
                 " {p}attribute_translations t ON t.id = a.id AND t.code = 'en'"
                 " WHERE a.product_id = %s", boots)  # fmt: skip
    assert [(r[1], r[2]) for r in size] == [(boots, "Размер")], "a product-specific attribute"
    assert query(conn, "SELECT attribute_id FROM {p}product_variants_attributes WHERE product_id = %s",
                 boots) == [(size[0][0],)]  # fmt: skip
    assert query(conn, "SELECT DISTINCT price, minPrice, maxPrice FROM {p}quick_data WHERE product_id = %s",
                 boots) == [(Decimal("5400"), Decimal("5400"), Decimal("5600"))]  # fmt: skip
    codes = [r[0] for r in query(conn, "SELECT variant_id FROM {p}product_variants")]
    assert len(set(codes)) == 2 and all(c and len(c) <= 32 for c in codes)


def test_variant_price_stock_and_removal_follow_1c(onec, conn):
    onec.send_catalog(catalog_files())
    o41 = "a0000000-0000-0000-0000-000000000003#x0000000-0000-0000-0000-000000000041"
    o43 = "a0000000-0000-0000-0000-000000000003#x0000000-0000-0000-0000-000000000043"

    def change(tree):
        offer_el(tree, o41).find("c:Цены/c:Цена/c:ЦенаЗаЕдиницу", NS).text = "5000"
        gone = offer_el(tree, o43)
        etree.SubElement(gone, "{urn:1C.ru:commerceml_2}ПометкаУдаления").text = "true"

    onec.send_catalog(edit(catalog_files(), "offers.xml", change))
    boots = pid(conn, "3")
    assert query(conn, "SELECT price, amount FROM {p}product_variants WHERE product_id = %s",
                 boots) == [(Decimal("5000"), 2)]  # fmt: skip
    assert query(conn, "SELECT price, amount FROM {p}products WHERE product_id = %s",
                 boots) == [(Decimal("5000"), 2)]  # fmt: skip
    assert query(conn, "SELECT COUNT(*) FROM {p}product_variants") == [(1,)]


def test_without_the_variants_module_characteristics_become_options(tmp_path, images_dir):
    config = make_database("xc_")
    try:
        from dataclasses import replace

        from sidecar.db import connect
        from sidecar.settings import write_setting

        conn = connect(config.db)
        with conn.cursor() as cur:
            cur.execute("SET FOREIGN_KEY_CHECKS = 0")
            for t in ("product_variant_attribute_value_select", "product_variant_attribute_value_checkbox",
                      "product_variant_images", "product_variant_wholesale_prices",
                      "product_variants_attributes", "product_variants"):  # fmt: skip
                cur.execute(f"DROP TABLE xc_{t}")
        write_setting(conn, "xc_", "password", PASSWORD)
        write_setting(conn, "xc_", "images_path", str(images_dir))
        app = create_app(replace(config, data_dir=tmp_path / "var"))
        replies = OneCClient(flask_transport(app), "1c", PASSWORD).send_catalog(catalog_files())
        assert any("no ProductVariants module" in line for line in replies[1].lines)
        with conn.cursor() as cur:
            cur.execute(
                "SELECT ot.name, v.priceModifier, v.priceModifierType FROM xc_attribute_values_select v"
                " JOIN xc_attributes a ON a.id = v.attribute_id AND a.product_id IS NOT NULL"
                " JOIN xc_attribute_option_translations ot ON ot.id = v.attribute_option_id"
                " AND ot.code = 'en' ORDER BY ot.name"
            )
            assert cur.fetchall() == (("41", Decimal("200"), "a"), ("43", Decimal("0"), "a"))
            cur.execute("SELECT price, amount FROM xc_products WHERE price = 5400")
            assert cur.fetchall() == ((Decimal("5400"), 7),)
        conn.close()
    finally:
        drop_database(config)


# --- clean URLs and the storefront -------------------------------------------------------


def test_clean_urls_are_transliterated_and_unique(onec, conn):
    def same_name(tree):
        product_el(tree, "4").find("c:Наименование", NS).text = "Ботинки зимние"

    onec.send_catalog(edit(catalog_files(), "import.xml", same_name))
    urls = dict(
        query(conn, "SELECT product_id, cleanURL FROM {p}clean_urls WHERE product_id IS NOT NULL")
    )
    assert urls[pid(conn, "1")] == "rubashka-muzhskaya-lnyanaya"
    assert {urls[pid(conn, "3")], urls[pid(conn, "4")]} == {"botinki-zimnie", "botinki-zimnie-1"}
    cats = dict(
        query(conn, "SELECT category_id, cleanURL FROM {p}clean_urls WHERE category_id IS NOT NULL")
    )
    assert cats[xc_id(conn, "category", "g0000000-0000-0000-0000-000000000121")] == "platya"

    # a rename keeps the URL customers and search engines already know
    def rename(tree):
        product_el(tree, "1").find("c:Наименование", NS).text = "Рубашка льняная"

    onec.send_catalog(edit(catalog_files(), "import.xml", rename))
    assert query(conn, "SELECT cleanURL FROM {p}clean_urls WHERE product_id = %s",
                 pid(conn, "1")) == [("rubashka-muzhskaya-lnyanaya",)]  # fmt: skip


STOREFRONT_LISTING = """
SELECT p.product_id, t.name, qd.price
FROM {p}products p
JOIN {p}category_products cp ON cp.product_id = p.product_id
JOIN {p}categories c ON c.category_id = cp.category_id AND c.enabled = 1
JOIN {p}quick_data qd ON qd.product_id = p.product_id AND qd.membership_id IS NULL AND qd.zone_id IS NULL
JOIN {p}product_translations t ON t.id = p.product_id AND t.code = 'en'
WHERE c.lpos BETWEEN %s AND %s AND p.enabled = 1 AND p.arrivalDate < %s
ORDER BY qd.price
"""

STOREFRONT_PRODUCT = """
SELECT t.name, t.description, u.cleanURL, i.path
FROM {p}products p
JOIN {p}product_translations t ON t.id = p.product_id AND t.code = 'ru'
JOIN {p}clean_urls u ON u.id = (SELECT MAX(id) FROM {p}clean_urls WHERE product_id = p.product_id)
LEFT JOIN {p}product_images i ON i.product_id = p.product_id AND i.orderby = 0
WHERE p.product_id = %s AND p.enabled = 1
"""


def test_storefront_queries_show_every_imported_enabled_product(onec, conn):
    onec.send_catalog(catalog_files())
    root = query(conn, "SELECT lpos, rpos FROM {p}categories WHERE category_id = 1")[0]
    listed = query(conn, STOREFRONT_LISTING, root[0], root[1], int(time.time()) + 86400)
    enabled = query(conn, "SELECT product_id FROM {p}products WHERE enabled = 1")
    assert {r[0] for r in listed} == {r[0] for r in enabled} and len(enabled) == 4
    assert [r[2] for r in listed] == sorted(r[2] for r in listed)
    page = query(conn, STOREFRONT_PRODUCT, pid(conn, "2"))
    assert (
        page[0][0] == "Платье летнее"
        and page[0][2] == "plate-letnee"
        and page[0][3].endswith(".jpg")
    )


# --- prices, currency, units, warehouses ---------------------------------------------------


def test_unit_coefficient_currency_market_and_wholesale_prices(onec, conn):
    set_setting(conn, "market_price_type", "Розничная")
    set_setting(conn, "price_type", "Оптовая")
    set_setting(conn, "wholesale_price_type", "Оптовая")

    def change(tree):
        shirt = offer_el(tree, P + "1")
        wholesale = shirt.findall("c:Цены/c:Цена", NS)[1]
        etree.SubElement(wholesale, "{urn:1C.ru:commerceml_2}Коэффициент").text = "10"
        wholesale.find("c:ЦенаЗаЕдиницу", NS).text = "15000"  # a pack of ten
        dress = offer_el(tree, P + "2")
        etree.SubElement(
            dress.findall("c:Цены/c:Цена", NS)[1], "{urn:1C.ru:commerceml_2}Валюта"
        ).text = "USD"

    replies = onec.send_catalog(edit(catalog_files(), "offers.xml", change))
    shirt = query(
        conn, "SELECT price, marketPrice FROM {p}products WHERE product_id = %s", pid(conn, "1")
    )
    assert shirt == [(Decimal("1500"), Decimal("2490"))]
    assert query(conn, "SELECT price FROM {p}products WHERE product_id = %s", pid(conn, "2")) == [
        (0,)
    ]
    assert any("price in USD" in line for line in replies[1].lines)
    wholesale = query(
        conn, "SELECT w.price, w.quantityRangeBegin, t.name FROM {p}wholesale_prices w"
        " JOIN {p}membership_translations t ON t.id = w.membership_id AND t.code = 'en'"
        " WHERE w.product_id = %s", pid(conn, "1"),
    )  # fmt: skip
    assert wholesale == [(Decimal("1500"), 1, "Wholesaler")]


def test_stock_of_chosen_warehouses_and_inventory_tracking(onec, conn):
    set_setting(conn, "warehouses", "москва")
    set_setting(conn, "track_inventory", "N")
    onec.send_catalog(catalog_files())
    dress = query(
        conn,
        "SELECT amount, inventoryEnabled FROM {p}products WHERE product_id = %s",
        pid(conn, "2"),
    )
    assert dress == [(3, 0)]


def test_full_name_setting(onec, conn):
    set_setting(conn, "use_full_name", "Y")
    onec.send_catalog(catalog_files())
    assert query(conn, "SELECT name FROM {p}product_translations WHERE id = %s AND code = 'en'",
                 pid(conn, "1")) == [("Рубашка мужская льняная, белая",)]  # fmt: skip


# --- ownership ------------------------------------------------------------------------------


def test_fields_the_shop_owns_are_kept(onec, conn):
    set_setting(conn, "update_descriptions", "N")
    set_setting(conn, "update_names", "N")
    onec.send_catalog(catalog_files())
    shirt = pid(conn, "1")
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_product_translations SET name = 'Shop name', description = 'Shop text'"
                    " WHERE id = %s", (shirt,))  # fmt: skip
    conn.commit()

    def change(tree):
        el = product_el(tree, "1")
        el.find("c:Наименование", NS).text = "Новое имя"
        el.find("c:Описание", NS).text = "Новое описание"
        el.find("c:Артикул", NS).text = "SH-NEW"

    onec.send_catalog(edit(catalog_files(), "import.xml", change))
    assert query(conn, "SELECT DISTINCT name, description FROM {p}product_translations WHERE id = %s",
                 shirt) == [("Shop name", "Shop text")]  # fmt: skip
    assert query(conn, "SELECT sku FROM {p}products WHERE product_id = %s", shirt) == [("SH-NEW",)]


# --- full and partial exports, deletions, deactivate ---------------------------------------


def drop_product_3(tree):
    el = product_el(tree, "3")
    el.getparent().remove(el)


def drop_group_men(tree):
    el = tree.xpath("//c:Группа[c:Ид='g0000000-0000-0000-0000-000000000011']", namespaces=NS)[0]
    el.getparent().remove(el)


def as_partial(tree):
    tree.find("c:Каталог", NS).set("СодержитТолькоИзменения", "true")
    tree.find("c:Классификатор", NS).set("СодержитТолькоИзменения", "true")


def test_update_mode_never_removes(onec, conn):
    onec.send_catalog(catalog_files())
    onec.send_catalog(edit(catalog_files(), "import.xml", drop_product_3))
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", pid(conn, "3")) == [
        (1,)
    ]


def test_overwrite_mode_full_export_disables_what_it_lacks(onec, conn):
    set_setting(conn, "catalog_mode", "overwrite")
    onec.send_catalog(catalog_files())
    shop_own = _shop_product(conn)
    files = edit(edit(catalog_files(), "import.xml", drop_product_3), "import.xml", drop_group_men)
    replies = onec.send_catalog(files)
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", pid(conn, "3")) == [
        (0,)
    ]
    men = xc_id(conn, "category", "g0000000-0000-0000-0000-000000000011")
    assert query(conn, "SELECT enabled FROM {p}categories WHERE category_id = %s", men) == [(0,)]
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", shop_own) == [(1,)]
    assert "1 removed" in replies[0].lines[3]
    # a partial export removes nothing, even in overwrite mode
    onec.send_catalog(catalog_files())
    partial = edit(edit(catalog_files(), "import.xml", drop_product_3), "import.xml", as_partial)
    onec.send_catalog(partial)
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", pid(conn, "3")) == [
        (1,)
    ]


def test_overwrite_with_delete_removes_rows_and_files(onec, conn, images_dir):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    onec.send_catalog(catalog_files())
    dress = pid(conn, "2")
    dress_photo = query(conn, "SELECT path FROM {p}product_images WHERE product_id = %s", dress)[0][
        0
    ]

    def drop_dress(tree):
        el = product_el(tree, "2")
        el.getparent().remove(el)

    onec.send_catalog(edit(catalog_files(), "import.xml", drop_dress))
    assert query(conn, "SELECT COUNT(*) FROM {p}products WHERE product_id = %s", dress) == [(0,)]
    assert query(conn, "SELECT COUNT(*) FROM {own}id_map WHERE xc_id = %s AND kind = 'product'",
                 dress) == [(0,)]  # fmt: skip
    assert not (images_dir / "product" / dress_photo).exists()
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(3,)]


def test_deleted_in_1c_with_delete_action_and_group_removal(onec, conn):
    set_setting(conn, "missing_action", "delete")
    onec.send_catalog(catalog_files())
    boots = pid(conn, "3")

    def mark(tree):
        product_el(tree, "3").set("Статус", "Удален")
        g = tree.xpath("//c:Группа[c:Ид='g0000000-0000-0000-0000-000000000012']", namespaces=NS)[0]
        etree.SubElement(g, "{urn:1C.ru:commerceml_2}ПометкаУдаления").text = "true"

    onec.send_catalog(edit(catalog_files(), "import.xml", mark))
    assert query(conn, "SELECT COUNT(*) FROM {p}products WHERE product_id = %s", boots) == [(0,)]
    women = "g0000000-0000-0000-0000-000000000012"
    assert query(conn, "SELECT COUNT(*) FROM {own}id_map WHERE ext_id = %s", women) == [(0,)]
    # its child group moved up instead of being orphaned; the tree stays valid
    dresses = xc_id(conn, "category", "g0000000-0000-0000-0000-000000000121")
    clothes = xc_id(conn, "category", "g0000000-0000-0000-0000-000000000001")
    assert query(conn, "SELECT parent_id FROM {p}categories WHERE category_id = %s", dresses) == [
        (clothes,)
    ]
    assert_nested_set_valid(conn)


def test_deactivate_removes_what_a_package_export_did_not_send(onec, conn):
    set_setting(conn, "catalog_mode", "overwrite")
    onec.send_catalog(catalog_files())
    partial = edit(edit(catalog_files(), "import.xml", drop_product_3), "import.xml", as_partial)
    reply = onec.checkauth()
    stamp = next(x for x in reply.lines if x.startswith("timestamp=")).split("=")[1]
    time.sleep(1.1)  # seen_at is in whole seconds
    onec.send_catalog(partial, complete=False)
    onec.checkauth()
    assert onec.call("catalog", "deactivate", timestamp=str(int(stamp) + 1)).lines == [
        "success",
        "removed: 1 products, 0 categories",
    ]
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", pid(conn, "3")) == [
        (0,)
    ]
    assert onec.call("catalog", "deactivate").word == "failure"


def _shop_product(conn) -> int:
    """A product the shop created itself (no 1C Ид)."""
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO xc_products (price, enabled, weight, useSeparateBox, boxWidth, boxLength,"
            " boxHeight, itemsPerBox, free_shipping, taxable, arrivalDate, date, updateDate,"
            " needProcess, inventoryEnabled, amount, lowLimitEnabledCustomer, lowLimitEnabled,"
            " lowLimitAmount, attrSepTab, metaDescType, sales, xcPendingExport, entityVersion,"
            " demo, useAsSegmentCondition, freeShip, shipForFree, freightFixedFee,"
            " isCustomerAttachmentsAvailable, isCustomerAttachmentsRequired, xcPendingBulkEdit,"
            " csLastUpdate, applySaleToWholesale, participateSale, discountType, salePriceValue,"
            " pinCodesEnabled, autoPinCodes, marketPrice, useCustomOG)"
            " VALUES (1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 5, 1, 0, 10, 1, 'A', 0, 0,"
            " UUID(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 'sale_price', 0, 0, 0, 0, 0)"
        )
        new_id = cur.lastrowid
    conn.commit()
    return new_id


# --- per-item errors ------------------------------------------------------------------------


def test_a_bad_product_is_reported_and_the_rest_imported(onec, conn, monkeypatch):
    import pymysql

    from sidecar.catalog import importer

    real = importer.write_products

    def picky(ctx, cur, plan):
        if any(p.id.endswith("002") for p, *_ in [*plan.new, *plan.changed.values()]):
            raise pymysql.err.DataError(1406, "Data too long for column 'name' at row 1")
        real(ctx, cur, plan)

    monkeypatch.setattr(importer, "write_products", picky)

    def no_id(tree):
        bad = etree.SubElement(tree.find("c:Каталог/c:Товары", NS), "{urn:1C.ru:commerceml_2}Товар")
        etree.SubElement(bad, "{urn:1C.ru:commerceml_2}Наименование").text = "Без Ид"

    reply = onec.send_catalog(edit(catalog_files(), "import.xml", no_id))[0]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(3,)]
    assert "skipped with errors: 2" in reply.lines
    text = "\n".join(reply.lines)
    assert "Data too long" in text and "product without Ид" in text and "Без Ид" in text


def test_images_dir_not_configured_is_reported(onec, conn, tmp_path: Path):
    set_setting(conn, "images_path", "")
    replies = onec.send_catalog(catalog_files())
    assert any("photos not imported" in line for line in replies[0].lines)
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
