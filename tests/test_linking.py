"""A shop that already sells meets 1C: its products and categories are linked by the keys the
admin chose, never doubled, never linked wrongly; no SKU is written twice."""

from __future__ import annotations

from decimal import Decimal

from click.testing import CliRunner
from conftest import ON_EVERY_SHOP, PREFIX, query, set_setting, supports
from test_history import basic_auth

from sidecar.catalog.run import analyse_files
from sidecar.cli import main
from sidecar.commerceml.skus import repeated_skus
from sidecar.orders.line_ids import line_id
from sidecar.settings import read_settings
from sidecar.state import idmap
from sidecar.xcart import attributes, categories
from sidecar.xcart import products as xc_products
from sidecar.xcart import variants as xc_variants
from sidecar.xcart.schema import Schema

pytestmark = ON_EVERY_SHOP


def shop_product(conn, sku: str | None, name: str, amount: int = 5) -> int:
    """A product the admin created in X-Cart (no Id-map entry)."""
    schema = Schema(conn, PREFIX)
    with conn.cursor() as cur:
        [pid] = xc_products.insert(
            cur, schema,
            [xc_products.ProductFields(sku, name, "the shop's text", Decimal(1), True)],
            ["en"],
        )  # fmt: skip
        cur.execute(
            f"UPDATE {schema.table('products')} SET price = 99, amount = %s WHERE product_id = %s",
            (amount, pid),
        )
    conn.commit()
    return pid


def shop_category(conn, name: str, parent: int = 1) -> int:
    schema = Schema(conn, PREFIX)
    with conn.cursor() as cur:
        cid = categories.create(
            cur, schema, parent_id=parent, pos=0, name=name, enabled=True, languages=["en"]
        )
        categories.rebuild_nested_set(cur, schema)
    conn.commit()
    return cid


def export(products: list[tuple], groups: str = "") -> list[tuple[str, bytes]]:
    """import.xml and offers.xml: products as (Ид, Артикул, Наименование, price[, barcode])."""
    items = "".join(
        f"<Товар><Ид>{p[0]}</Ид><Артикул>{p[1]}</Артикул><Наименование>{p[2]}</Наименование>"
        + (f"<Штрихкод>{p[4]}</Штрихкод>" if len(p) > 4 else "")
        + (f"<Группы><Ид>{p[5]}</Ид></Группы>" if len(p) > 5 else "")
        + "</Товар>"
        for p in products
    )
    offers = "".join(
        f"<Предложение><Ид>{p[0]}</Ид><Наименование>{p[2]}</Наименование><Цены><Цена>"
        f"<ИдТипаЦены>pt</ИдТипаЦены><ЦенаЗаЕдиницу>{p[3]}</ЦенаЗаЕдиницу></Цена></Цены>"
        "<Количество>7</Количество></Предложение>"
        for p in products
    )
    head = '<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="2.05">'
    catalog = (
        f"{head}<Классификатор><Ид>cl</Ид>{groups}</Классификатор>"
        '<Каталог СодержитТолькоИзменения="false">'
        f"<ИдКлассификатора>cl</ИдКлассификатора><Товары>{items}</Товары></Каталог>"
        "</КоммерческаяИнформация>"
    )
    offer_file = (
        f"{head}<ПакетПредложений><ИдКлассификатора>cl</ИдКлассификатора><ТипыЦен><ТипЦены>"
        "<Ид>pt</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены>"
        f"</ТипыЦен><Предложения>{offers}</Предложения></ПакетПредложений>"
        "</КоммерческаяИнформация>"
    )
    return [("import.xml", catalog.encode()), ("offers.xml", offer_file.encode())]


def xc_id(conn, kind: str, ext: str) -> int | None:
    """The shop item a 1C item is mapped to, as committed now."""
    rows = query(conn, "SELECT xc_id FROM {own}id_map WHERE kind = %s AND ext_id = %s", kind, ext)
    return rows[0][0] if rows else None


def row(conn, pid: int) -> tuple:
    return query(
        conn,
        "SELECT p.sku, t.name, p.price, p.amount, p.enabled FROM {p}products p"
        " JOIN {p}product_translations t ON t.id = p.product_id AND t.code = 'en'"
        " WHERE p.product_id = %s",
        pid,
    )[0]


def count(conn) -> int:
    return query(conn, "SELECT COUNT(*) FROM {p}products")[0][0]


def test_products_are_linked_by_sku_and_updated_in_place(onec, conn):
    old = shop_product(conn, "TB-45", "Timberland 45th Anniversary")
    own = shop_product(conn, "OWN-1", "Sold by the shop alone")
    replies = onec.send_catalog(export([("p1", "TB-45", "Ботинки Timberland", "120"),
                                        ("p2", "NEW-1", "Новинка", "15")]))  # fmt: skip
    assert count(conn) == 3, "one new product, the existing one linked, not doubled"
    assert xc_id(conn, "product", "p1") == old
    assert row(conn, old) == ("TB-45", "Ботинки Timberland", Decimal("120.0000"), 7, 1)
    assert row(conn, own)[:2] == ("OWN-1", "Sold by the shop alone"), "not 1C's: untouched"
    new = xc_id(conn, "product", "p2")
    assert row(conn, new)[0] == "NEW-1"
    assert query(conn, "SELECT COUNT(*) FROM {p}clean_urls WHERE product_id = %s", old) == [(0,)]
    lines = "\n".join(replies[0].lines)
    assert "1 products" in lines and "linked to the shop's own items" in lines
    # linked once, linked for good: a later SKU change in 1C does not move it
    onec.send_catalog(export([("p1", "TB-46", "Ботинки Timberland", "125"),
                              ("p2", "NEW-1", "Новинка", "15")]))  # fmt: skip
    assert xc_id(conn, "product", "p1") == old and count(conn) == 3
    assert row(conn, old)[:3] == ("TB-46", "Ботинки Timberland", Decimal("125.0000"))


def test_a_sku_two_shop_products_share_links_nothing_and_is_reported(onec, conn):
    a = shop_product(conn, "DUP", "First")
    b = shop_product(conn, "DUP", "Second")
    replies = onec.send_catalog(export([("p1", "DUP", "Из 1С", "10")]))
    assert count(conn) == 2, "neither linked nor created"
    assert row(conn, a) == ("DUP", "First", Decimal("99.0000"), 5, 1)
    assert row(conn, b) == ("DUP", "Second", Decimal("99.0000"), 5, 1)
    assert xc_id(conn, "product", "p1") is None
    lines = "\n".join(replies[0].lines)
    assert f"#{a}, #{b}" in lines and "p1" in lines


def test_a_sku_two_1c_products_share_links_neither(onec, conn):
    shop = shop_product(conn, "TWIN", "Shop's")
    replies = onec.send_catalog(export([("p1", "TWIN", "Один", "10"), ("p2", "TWIN", "Два", "11")]))
    assert count(conn) == 1 and row(conn, shop)[:2] == ("TWIN", "Shop's")
    assert "p1, p2" in "\n".join(replies[0].lines)


def test_a_sku_two_1c_products_share_in_different_batches_links_neither(onec, conn):
    set_setting(conn, "batch_size", "10")
    shop = shop_product(conn, "TWIN", "Shop's")
    fillers = [(f"f{i}", f"F-{i}", f"Другой {i}", "1") for i in range(10)]
    replies = onec.send_catalog(
        export([("p1", "TWIN", "Один", "10"), *fillers, ("p2", "TWIN", "Два", "13")])
    )
    assert xc_id(conn, "product", "p1") is None and xc_id(conn, "product", "p2") is None
    assert row(conn, shop)[:3] == ("TWIN", "Shop's", Decimal("99.0000")), "untouched"
    text = "\n".join(replies[0].lines)
    for p in ("p1 (Один)", "p2 (Два)"):
        assert f"{p}: sku 'TWIN' is held by shop products #{shop} and 1C products p1, p2" in text
    assert count(conn) == 11, "the others created"


def test_no_sku_is_written_twice_whatever_the_setting(onec, conn):
    set_setting(conn, "link_products", "off")
    shop = shop_product(conn, "TAKEN", "Shop's")
    replies = onec.send_catalog(export([("p1", "TAKEN", "Из 1С", "10"),
                                        ("p2", "SAME", "Раз", "1"), ("p3", "same", "Два", "2")]))  # fmt: skip
    assert count(conn) == 4, "linking off: created"
    assert row(conn, xc_id(conn, "product", "p1"))[0] is None
    assert row(conn, xc_id(conn, "product", "p2"))[0] == "SAME"
    assert row(conn, xc_id(conn, "product", "p3"))[0] is None, "X-Cart's compare ignores case"
    assert row(conn, shop)[0] == "TAKEN"
    lines = "\n".join(replies[0].lines)
    assert f"product p1: SKU 'TAKEN' is held by shop product #{shop}, left empty" in lines
    # an existing 1C product whose new SKU another product holds keeps its own
    onec.send_catalog(export([("p1", "X-1", "Из 1С", "10"), ("p2", "TAKEN", "Раз", "1")]))
    assert row(conn, xc_id(conn, "product", "p2"))[0] == "SAME"
    assert row(conn, xc_id(conn, "product", "p1"))[0] == "X-1"


def test_keys_in_order_name_and_barcode(onec, conn):
    set_setting(conn, "link_products", "barcode, name")
    by_name = shop_product(conn, "S-1", "Exact name")
    onec.send_catalog(export([("p1", "S-9", "Exact name", "10"),
                              ("p2", "S-8", "exact name", "11")]))  # fmt: skip
    assert xc_id(conn, "product", "p1") == by_name, "exact name linked"
    assert xc_id(conn, "product", "p2") != by_name, "another case is another name"
    # the barcode 1C wrote before is the shop's barcode attribute: a new 1C base links by it
    onec.send_catalog(export([("p3", "B-1", "С кодом", "5", "4600000000011")]))
    coded = xc_id(conn, "product", "p3")
    with conn.cursor() as cur:
        idmap.forget(cur, PREFIX, "product", ["p3"])
    conn.commit()
    onec.send_catalog(export([("q3", "B-2", "Другое имя", "5", "4600000000011")]))
    assert xc_id(conn, "product", "q3") == coded


def test_categories_are_linked_by_name_under_the_same_parent(onec, conn):
    shoes = shop_category(conn, "Обувь")
    boots = shop_category(conn, "Ботинки", shoes)
    elsewhere = shop_category(conn, "Ботинки")  # same name, another parent
    groups = (
        "<Группы><Группа><Ид>g1</Ид><Наименование>Обувь</Наименование><Группы><Группа>"
        "<Ид>g2</Ид><Наименование>Ботинки</Наименование></Группа></Группы></Группа>"
        "<Группа><Ид>g3</Ид><Наименование>Сумки</Наименование></Группа></Группы>"
    )
    replies = onec.send_catalog(export([("p1", "B1", "Ботинки", "10", "", "g2")], groups))
    assert xc_id(conn, "category", "g1") == shoes and xc_id(conn, "category", "g2") == boots
    assert query(conn, "SELECT COUNT(*) FROM {p}categories") == [(5,)], "only Сумки is new"
    assert query(
        conn, "SELECT category_id FROM {p}category_products WHERE product_id = %s",
        xc_id(conn, "product", "p1"),
    ) == [(boots,)]  # fmt: skip
    assert elsewhere != boots
    assert "2 categories" in "\n".join(replies[0].lines)


def test_categories_not_linked_when_switched_off(onec, conn):
    set_setting(conn, "link_categories", "N")
    shoes = shop_category(conn, "Обувь")
    onec.send_catalog(export([], "<Группы><Группа><Ид>g1</Ид><Наименование>Обувь</Наименование>"
                                 "</Группа></Группы>"))  # fmt: skip
    assert xc_id(conn, "category", "g1") != shoes


def test_the_dry_run_predicts_the_links(conn, tmp_path):
    linked = shop_product(conn, "TB-45", "Old", amount=50)
    shop_product(conn, "DUP", "A")
    shop_product(conn, "DUP", "B")
    for name, data in export([("p1", "TB-45", "Новое", "1"), ("p2", "DUP", "Спор", "2"),
                              ("p3", "N-1", "Новый", "3")]):  # fmt: skip
        (tmp_path / name).write_bytes(data)
    settings = read_settings(conn, PREFIX)
    results, changes = analyse_files(
        conn, PREFIX, settings, tmp_path, [tmp_path / "import.xml", tmp_path / "offers.xml"]
    )
    counts = results[0].counts
    assert (counts["products_linked"], counts["products_ambiguous"]) == (1, 1)
    assert counts["products_created"] == 1 and changes.created == 1
    # the linked product's stock falls from 50 to 7 (X-Cart's amount is unsigned)
    assert changes.stock_delta == -43 and changes.stock[0]["before"] == "50"
    text = "\n".join(results[0].warnings)
    assert f"linked: product p1 (Новое) → shop product #{linked} by sku 'TB-45'" in text
    assert "created: product p3 (Новый)" in text
    assert count(conn) == 3, "nothing written"


def test_unlink_from_the_cli_keeps_the_pair_apart(onec, conn, config):
    old = shop_product(conn, "TB-45", "Timberland")
    onec.send_catalog(export([("p1", "TB-45", "Ботинки", "120")]))
    assert xc_id(conn, "product", "p1") == old
    env = {
        "XC1C_DATABASE_URL": f"mysql://root@{config.db.host}:{config.db.port}/{config.db.database}",
        "XC1C_TABLE_PREFIX": PREFIX,
    }
    out = CliRunner().invoke(main, ["unlink", str(old), "999999"], env=env).output
    assert f"product {old}: unlinked from 1C product p1" in out
    assert "product 999999: not linked to 1C" in out
    assert xc_id(conn, "product", "p1") is None
    replies = onec.send_catalog(export([("p1", "TB-45", "Ботинки", "130")]))
    new = xc_id(conn, "product", "p1")
    assert new not in (None, old), "the 1C product became one of its own"
    assert row(conn, old)[:3] == ("TB-45", "Ботинки", Decimal("120.0000")), "1C leaves it be"
    assert row(conn, new)[0] is None, "its SKU is the shop product's"
    assert f"SKU 'TB-45' is held by shop product #{old}" in "\n".join(replies[0].lines)


def test_a_sku_a_linked_and_a_free_shop_product_share_links_nothing(onec, conn):
    first = shop_product(conn, "SHARED", "First")
    onec.send_catalog(export([("p1", "SHARED", "Первый", "10")]))
    assert xc_id(conn, "product", "p1") == first
    second = shop_product(conn, "SHARED", "Second")
    replies = onec.send_catalog(export([("p2", "SHARED", "Второй", "11")]))
    assert xc_id(conn, "product", "p2") is None and row(conn, second)[:2] == ("SHARED", "Second")
    assert f"#{first}, #{second}" in "\n".join(replies[0].lines)


def test_the_first_exchange_analysis_and_the_status_page_say_what_is_linked(onec, conn, app):
    set_setting(conn, "first_exchange_dry_run", "Y")
    old = shop_product(conn, "TB-45", "Old")
    files = export([("p1", "TB-45", "Новое", "1"), ("p2", "N-1", "Новый", "3")])
    lines = "\n".join(onec.send_catalog(files)[0].lines)
    assert "linked to the shop's own items: 1 products" in lines
    assert f"linked: product p1 (Новое) → shop product #{old} by sku 'TB-45'" in lines
    assert "created: product p2 (Новый)" in lines
    assert xc_id(conn, "product", "p1") is None and count(conn) == 1, "analysis only"
    onec.send_catalog(files)  # the base is known now: this one writes
    assert xc_id(conn, "product", "p1") == old and count(conn) == 2
    status = app.test_client().get("/status.json", headers=basic_auth(onec)).get_json()
    written = next(e for e in status["exchanges"] if e["kind"] == "catalog" and not e["dry_run"])
    assert (written["summary"]["linked"], written["summary"]["ambiguous"]) == (1, 0)
    page = app.test_client().get("/status", headers=basic_auth(onec)).get_data(as_text=True)
    assert "linked" in page


def test_a_linked_product_keeps_what_the_shop_owns_and_stays_in_overwrite_mode(onec, conn):
    set_setting(conn, "update_descriptions", "N")
    set_setting(conn, "catalog_mode", "overwrite")
    old = shop_product(conn, "TB-45", "Timberland")
    own = shop_product(conn, "OWN-1", "The shop's alone")
    files = export([("p1", "TB-45", "Ботинки", "120"), ("p2", "N-1", "Новый", "5")])
    onec.send_catalog(files)
    replies = onec.send_catalog(export([("p1", "TB-45", "Ботинки", "121")]))  # full, holds p1
    assert "1 removed" in "\n".join(replies[0].lines), "the full export removes p2 only"
    assert xc_id(conn, "product", "p1") == old and row(conn, old)[4] == 1, "linked, enabled"
    assert row(conn, own)[4] == 1, "never 1C's: never removed"
    assert query(conn, "SELECT description FROM {p}product_translations WHERE id = %s"
                 " AND code = 'en'", old) == [("the shop's text",)]  # fmt: skip


def test_two_same_named_categories_under_one_parent_link_neither(onec, conn):
    first, second = shop_category(conn, "Обувь"), shop_category(conn, "Обувь")
    replies = onec.send_catalog(
        export(
            [], "<Группы><Группа><Ид>g1</Ид><Наименование>Обувь</Наименование></Группа></Группы>"
        )
    )
    assert xc_id(conn, "category", "g1") not in (first, second, None)
    assert f"shop categories #{first}, #{second}" in "\n".join(replies[0].lines)


def shop_variants(conn, product_id: int, variants_: list[tuple[str | None, str]]) -> list[int]:
    """The admin's own variants of a product: (SKU, Размер value) each, by one attribute."""
    schema = Schema(conn, PREFIX)
    with conn.cursor() as cur:
        [attr] = attributes.create_attributes(
            cur, schema, [({"en": "Размер"}, attributes.SELECT, product_id, 0)]
        )
        options = attributes.create_options(
            cur, schema, [(attr, size, 0) for _, size in variants_], ["en"]
        )
        values = attributes.add_select_values(cur, schema, [(product_id, attr, o) for o in options])
        xc_variants.link_attributes(cur, schema, [(product_id, attr)])
        ids = xc_variants.create(
            cur, schema,
            [(product_id, f"own-{size}", sku, Decimal(99), 3) for sku, size in variants_],
        )  # fmt: skip
        xc_variants.set_values(cur, schema, {v: [val] for v, val in zip(ids, values, strict=True)})
    conn.commit()
    return ids


def with_characteristics(
    product: tuple, chars: list[tuple[str, str, str, str]]
) -> list[tuple[str, bytes]]:
    """export() of one product whose offers are characteristics (Ид, Артикул, Размер, price)."""
    files = dict(export([product]))
    offers = "".join(
        f"<Предложение><Ид>{product[0]}#{c}</Ид><Артикул>{sku}</Артикул>"
        f"<Наименование>{product[2]} ({size})</Наименование><ХарактеристикиТовара>"
        f"<ХарактеристикаТовара><Наименование>Размер</Наименование><Значение>{size}</Значение>"
        "</ХарактеристикаТовара></ХарактеристикиТовара><Цены><Цена><ИдТипаЦены>pt</ИдТипаЦены>"
        f"<ЦенаЗаЕдиницу>{price}</ЦенаЗаЕдиницу></Цена></Цены><Количество>4</Количество>"
        "</Предложение>"
        for c, sku, size, price in chars
    )
    text = files["offers.xml"].decode()
    head, tail = text.split("<Предложения>")[0], text.split("</Предложения>")[1]
    whole = f"{head}<Предложения>{offers}</Предложения>{tail}"
    return [("import.xml", files["import.xml"]), ("offers.xml", whole.encode())]


def variant_rows(conn, product_id: int) -> dict[int, tuple]:
    rows = query(
        conn, "SELECT id, sku, price, amount FROM {p}product_variants WHERE product_id = %s",
        product_id,
    )  # fmt: skip
    return {r[0]: r[1:] for r in rows}


def test_characteristics_are_linked_to_the_shop_variants_by_sku_then_values(onec, conn):
    old = shop_product(conn, "TB-45", "Timberland")
    if not supports(conn, "variants"):
        # without ProductVariants the characteristics are options of the linked product
        onec.send_catalog(with_characteristics(("p1", "TB-45", "Ботинки", "0"),
                                               [("c41", "TB-45", "41", "120")]))  # fmt: skip
        assert xc_id(conn, "product", "p1") == old and count(conn) == 1
        return
    v41, v42, v43 = shop_variants(conn, old, [("TB-45-41", "41"), (None, "42"), (None, "43")])
    values = query(conn, "SELECT variant_id, attribute_value_id"
                         " FROM {p}product_variant_attribute_value_select ORDER BY 1")  # fmt: skip
    # БЭД sends the product's Артикул for a characteristic: the values decide then
    replies = onec.send_catalog(with_characteristics(
        ("p1", "TB-45", "Ботинки", "0"),
        [("c41", "TB-45-41", "41", "120"), ("c42", "TB-45", "42", "121"),
         ("c44", "TB-45", "44", "122")],
    ))  # fmt: skip
    assert xc_id(conn, "product", "p1") == old
    assert xc_id(conn, "variant", "p1#c41") == v41 and xc_id(conn, "variant", "p1#c42") == v42
    rows = variant_rows(conn, old)
    assert rows[v41] == ("TB-45-41", Decimal("120.0000"), 4), "1C's price and stock, own SKU"
    assert rows[v42] == (None, Decimal("121.0000"), 4)
    assert rows[v43] == (None, Decimal("99.0000"), 3), "not 1C's: untouched"
    assert len(rows) == 4, "c44 matched none: the one variant created"
    assert set(values) <= set(
        query(
            conn,
            "SELECT variant_id, attribute_value_id FROM {p}product_variant_attribute_value_select",
        )
    ), "the linked variants keep the shop's attribute values"
    lines = "\n".join(replies[1].lines)
    assert "2 variants;" in lines and "created: characteristic p1#c44 beside" in lines
    # a link stays; the next exchange updates the same variants
    onec.send_catalog(with_characteristics(
        ("p1", "TB-45", "Ботинки", "0"),
        [("c41", "TB-45-41", "41", "130"), ("c42", "TB-45", "42", "121"),
         ("c44", "TB-45", "44", "122")],
    ))  # fmt: skip
    assert (
        variant_rows(conn, old)[v41][1] == Decimal("130.0000") and len(variant_rows(conn, old)) == 4
    )
    # an order line of a linked variant goes to 1C with 1C's Ид
    with conn.cursor() as cur:
        variants_map = idmap.ext_ids(cur, PREFIX, "variant", [v41, v43])
        products_map = idmap.ext_ids(cur, PREFIX, "product", [old])
    assert line_id(1, old, v41, products_map, variants_map) == "p1#c41"
    assert line_id(2, old, v43, products_map, variants_map) == f"p1#xc-variant-{v43}"


def test_a_characteristic_two_shop_variants_match_links_nothing(onec, conn):
    old = shop_product(conn, "TB-45", "Timberland")
    if not supports(conn, "variants"):
        return
    a, b = shop_variants(conn, old, [("DUP-V", "41"), ("DUP-V", "42")])
    replies = onec.send_catalog(with_characteristics(
        ("p1", "TB-45", "Ботинки", "0"), [("c1", "DUP-V", "40", "120")],
    ))  # fmt: skip
    assert xc_id(conn, "variant", "p1#c1") is None
    assert len(variant_rows(conn, old)) == 2, "neither linked nor created"
    assert variant_rows(conn, old)[a] == ("DUP-V", Decimal("99.0000"), 3)
    text = "\n".join(replies[1].lines)
    assert (
        f"matches variants #{a}, #{b} of shop product #{old} and 1C characteristics p1#c1" in text
    )
    # two characteristics of one value: neither is linked by it
    shop_variants(conn, shop_product(conn, "UGG", "Ugg"), [("U-1", "36"), ("U-2", "37")])
    onec.send_catalog(with_characteristics(
        ("p2", "UGG", "Угги", "0"), [("c1", "U-1", "38", "1"), ("c2", "U-1", "39", "2")],
    ))  # fmt: skip
    assert xc_id(conn, "variant", "p2#c1") is None and xc_id(conn, "variant", "p2#c2") is None


def test_the_dry_run_counts_the_variant_links(conn, tmp_path):
    old = shop_product(conn, "TB-45", "Timberland")
    if not supports(conn, "variants"):
        return
    shop_variants(conn, old, [(None, "41")])
    for name, data in with_characteristics(("p1", "TB-45", "Ботинки", "0"),
                                           [("c41", "TB-45", "41", "120")]):  # fmt: skip
        (tmp_path / name).write_bytes(data)
    results, _ = analyse_files(
        conn, PREFIX, read_settings(conn, PREFIX), tmp_path,
        [tmp_path / "import.xml", tmp_path / "offers.xml"],
    )  # fmt: skip
    assert results[1].counts["variants_linked"] == 1 and results[0].counts["products_linked"] == 1
    assert xc_id(conn, "variant", "p1#c41") is None, "nothing written"


def test_the_repeated_skus_of_a_file_in_either_encoding(tmp_path):
    body = (
        "<КоммерческаяИнформация><Каталог><Товары>"
        "<Товар><Ид>a&amp;1</Ид><Артикул> R&amp;D </Артикул></Товар>"
        "<Товар><Ид>b</Ид><Группы><Ид>g</Ид></Группы><Артикул>R&amp;D</Артикул></Товар>"
        "<Товар><Ид>c</Ид><Артикул>ОДИН</Артикул></Товар>"
        "<Товар><Ид>c</Ид><Артикул>ОДИН</Артикул></Товар>"  # the same product twice
        "<Товар Статус='Новый'><Ид>d</Ид><Артикул>Щ</Артикул></Товар>"
        "<Товар><Ид>e</Ид><Артикул>Щ</Артикул></Товар>"
        "</Товары></Каталог></КоммерческаяИнформация>"
    )
    for encoding in ("UTF-8", "windows-1251"):
        path = tmp_path / f"{encoding}.xml"
        path.write_bytes(f'<?xml version="1.0" encoding="{encoding}"?>{body}'.encode(encoding))
        assert repeated_skus(path) == {"R&D": ["a&1", "b"], "Щ": ["d", "e"]}
