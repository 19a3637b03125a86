"""The sidecar against a real X-Cart 5.4.1.23 shop (tests/xcart_rig.py): found with
XC1C_XCART_ROOT alone, a 1C catalog with photos and the shop's own storefront orders exchanged
over HTTP, and the result judged by X-Cart itself — its pages and its ORM. The shop is as its
installer leaves it: ProductVariants, Wholesale and MultiCurrency off, selling in USD."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pymysql
import pytest
from conftest import DATA, beside_xcart, catalog_files, launch, stop
from lxml import etree
from xcart_rig import Rig

from sidecar.onec_client import OneCClient, http_transport

PASSWORD = "rig-Пароль-1"
SHIRT = "a0000000-0000-0000-0000-000000000001"


@pytest.fixture
def shop(rig: Rig, tmp_path: Path):
    """The rig's shop with its three storefront orders, and the sidecar beside it, configured
    by XC1C_XCART_ROOT alone; the shop is restored afterwards."""
    rig.restore("orders.sql")
    env, xc1c = beside_xcart(rig.root, tmp_path / "var", PASSWORD)
    sidecar = launch(env, tmp_path / "sidecar.log")
    yield rig, sidecar.url, xc1c
    stop(sidecar.proc)
    assert PASSWORD not in (tmp_path / "sidecar.log").read_text()
    rig.restore("orders.sql")


def product_ids(rig: Rig) -> dict[str, int]:
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SELECT ext_id, xc_id FROM xc1c_xc_id_map WHERE kind = 'product'")
        out = dict(cur.fetchall())
    conn.close()
    return out


def test_a_real_shop_gets_the_catalog_and_its_orders_go_to_1c_and_back(shop):
    rig, url, xc1c = shop
    client = OneCClient(http_transport(url), "1c", PASSWORD)
    replies = client.send_catalog(catalog_files())
    assert all(r.word == "success" for r in replies)
    # the shop sells in USD, 1C priced in RUB: nothing goes on sale at $0.00
    assert any("4 products" in line and "not for sale" in line for line in replies[-1].lines)
    ids = product_ids(rig)
    shirt = ids[SHIRT]
    [state] = rig.php("product.php", shirt)
    assert state["found"] and not state["purchasable"] and not state["enabled"]
    doctor = xc1c("doctor")
    assert "FAIL 4 1C products are not for sale" in doctor
    assert "without XC\\ProductVariants (variants)" in doctor

    xc1c("settings", "set", "currency_rates", "RUB = 0.011")
    replies = client.send_catalog(catalog_files())
    assert not any("not for sale" in line for line in replies[-1].lines)
    states = {s["product_id"]: s for s in rig.php("product.php", *ids.values())}
    assert states[shirt] == {
        "product_id": shirt, "found": True, "name": "Рубашка мужская льняная", "price": 27.39,
        "enabled": True, "purchasable": True, "images": 2, "categories": ["Мужская одежда"],
        "clean_url": "rubashka-muzhskaya-lnyanaya",
    }  # fmt: skip
    assert all(s["enabled"] and s["price"] > 0 for s in states.values())
    assert "ok   every 1C product has a price the shop can use" in xc1c("doctor")

    # X-Cart's storefront shows them: the product page and its category's listing
    (status, page), (cstatus, listing) = rig.pages(
        f"/cart.php?target=product&product_id={shirt}",
        f"/cart.php?target=category&category_id={_category_of(rig, shirt)}",
    )
    assert status == 200 and cstatus == 200
    assert "Рубашка мужская льняная" in page and "$27.39" in page
    assert re.search(r'src="[^"]*images/product/[^"]+"', page), "the photo is shown"
    assert "Рубашка мужская льняная" in listing and "$27.39" in listing

    # orders placed through the storefront (#6, #7, #8 of the shop's own goods) go to 1C whole
    body = client.query_orders()
    docs = {d.findtext("{*}Ид"): d for d in etree.fromstring(body).iter("{*}Документ")}
    assert {"6", "7", "8"} <= set(docs)
    seven = docs["7"]
    lines = [(i.findtext("{*}Ид"), i.findtext("{*}Количество"))
             for i in seven.findall("{*}Товары/{*}Товар")]  # fmt: skip
    assert lines[:2] == [("xc-product-3", "3"), ("xc-product-12", "1")]
    assert Decimal(seven.findtext("{*}Сумма")) == Decimal("74.63")
    assert seven.findtext("{*}Валюта") == "USD"
    assert client.call("sale", "success").word == "success"

    # 1C sends #7 back paid and shipped, and #6 with two pairs instead of one
    xc1c("settings", "set", "orders_accept_items", "Y")
    # this shop runs without the module (test_xcart_order_changes.py has it apply them)
    xc1c("settings", "set", "orders_apply", "direct")
    back = (DATA / "orders" / "rig-from-1c.xml").read_bytes()
    client.init("sale", version="2.10")
    assert client.call("sale", "file", back, filename="from-1c.xml").word == "success"
    reply = client.import_file("from-1c.xml", "sale")
    assert "documents: 2, orders changed: 2, unchanged: 0, unknown: 0" in reply.lines
    seven, six = rig.php("orders.php", 7, 6)
    assert (seven["payment"], seven["shipping"]) == ("P", "S")
    assert seven["details"]["xc1c_number"] == "УТ-000123"
    assert six["items"] == [{"product_id": 1, "name": "Timberland 45th Anniversary", "amount": 2}]
    assert "ORDER EDITED" in six["history"]


def _category_of(rig: Rig, product_id: int) -> int | None:
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute(
            "SELECT category_id FROM xc_category_products WHERE product_id = %s", (product_id,)
        )
        row = cur.fetchone()
    conn.close()
    return row[0] if row else None


XSD = Path(__file__).resolve().parent.parent.parent / "shared" / "reference" / "xsd"


def test_a_companys_storefront_order_goes_to_1c_with_the_shops_requisites(shop):
    rig, url, xc1c = shop
    # order #8 (Carol, placed through the storefront) bought for a company, as the admin
    # records it: company fields on the billing address, a tracking number, a staff note
    rig.php("company_order.php", 8, "ООО «Ромашка»", "7701234567", "770101001",
            "RA123456789RU", "Счёт на организацию")  # fmt: skip
    assert "ok   extra order requisites: 4" in xc1c("doctor")
    xc1c("settings", "set", "orders_schema_version", "2.10")
    client = OneCClient(http_transport(url), "1c", PASSWORD)
    body = client.query_orders()
    root = etree.fromstring(body)
    docs = {d.findtext("{*}Ид"): d for d in root.iter("{*}Документ")}
    values = {r.findtext("{*}Наименование"): r.findtext("{*}Значение")
              for r in docs["8"].iterfind("{*}ЗначенияРеквизитов/{*}ЗначениеРеквизита")}  # fmt: skip
    assert values["Трек-номер"] == "RA123456789RU"
    assert values["Комментарий менеджера"] == "Счёт на организацию"
    assert values["Телефон покупателя"] == "+1 206 555 0103"
    assert "Купон" not in values, "no coupon on this order: left out"
    agent = docs["8"].find("{*}Контрагенты/{*}Контрагент")
    assert agent.findtext("{*}ОфициальноеНаименование") == "ООО «Ромашка»"
    assert (agent.findtext("{*}ИНН"), agent.findtext("{*}КПП")) == ("7701234567", "770101001")
    assert docs["7"].find("{*}Контрагенты/{*}Контрагент/{*}ПолноеНаименование") is not None
    if XSD.is_dir():
        schema = etree.XMLSchema(etree.parse(str(XSD / "commerceml-2.10.xsd")))
        assert schema.validate(root), schema.error_log
