"""A real X-Cart shop that already sells (the rig's 50 demo products with their SKUs) meets 1C:
the dry run predicts the links, the exchange makes exactly those, and X-Cart itself (its ORM
and its storefront pages) shows the shop's own product pages with 1C's names, prices and stock,
the new products once, the ambiguous ones untouched and no category doubled."""

from __future__ import annotations

import re
from pathlib import Path

import pymysql
import pytest
from conftest import beside_xcart, launch, stop
from lxml import etree
from xcart_rig import Rig

from sidecar.onec_client import OneCClient, http_transport

PASSWORD = "rig-Пароль-2"
TIMBERLAND, BEIGE, HAZELNUT, JUICE = 1, 3, 49, 50
SHOES = 4  # "Shoes" under "Fashion"
HEAD = '<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="2.05">'
# (Ид, Артикул, Наименование, price, stock, group)
GOODS = [
    ("p-tb", "10000000065", "Ботинки Timberland из 1С", "111.11", 3, "g-shoes"),
    ("p-beige", "10000000069", "Кеды бежевые из 1С", "22.22", 4, "g-shoes"),
    ("n-1", "1C-NEW-1", "Новый товар 1С первый", "5.55", 8, "g-new"),
    ("n-2", "1C-NEW-2", "Новый товар 1С второй", "6.66", 9, "g-new"),
    ("p-amb", "10000000127", "Спорный товар", "7.77", 5, "g-shoes"),
]
GROUPS = (
    "<Группы><Группа><Ид>g-fashion</Ид><Наименование>Fashion</Наименование><Группы>"
    "<Группа><Ид>g-shoes</Ид><Наименование>Shoes</Наименование></Группа></Группы></Группа>"
    "<Группа><Ид>g-new</Ид><Наименование>Новинки 1С</Наименование></Группа></Группы>"
)


def export(directory: Path) -> list[tuple[str, bytes]]:
    items = "".join(
        f"<Товар><Ид>{i}</Ид><Артикул>{sku}</Артикул><Наименование>{name}</Наименование>"
        f"<Группы><Ид>{group}</Ид></Группы></Товар>"
        for i, sku, name, _, _, group in GOODS
    )
    offers = "".join(
        f"<Предложение><Ид>{i}</Ид><Наименование>{name}</Наименование><Цены><Цена>"
        f"<ИдТипаЦены>pt</ИдТипаЦены><ЦенаЗаЕдиницу>{price}</ЦенаЗаЕдиницу></Цена></Цены>"
        f"<Количество>{amount}</Количество></Предложение>"
        for i, _, name, price, amount, _ in GOODS
    )
    files = [
        ("import.xml", f"{HEAD}<Классификатор><Ид>cl-rig</Ид>{GROUPS}</Классификатор><Каталог>"
                       f"<ИдКлассификатора>cl-rig</ИдКлассификатора><Товары>{items}</Товары>"
                       "</Каталог></КоммерческаяИнформация>"),
        ("offers.xml", f"{HEAD}<ПакетПредложений><ИдКлассификатора>cl-rig</ИдКлассификатора>"
                       "<ТипыЦен><ТипЦены><Ид>pt</Ид><Наименование>Розничная</Наименование>"
                       "<Валюта>USD</Валюта></ТипЦены></ТипыЦен>"
                       f"<Предложения>{offers}</Предложения></ПакетПредложений>"
                       "</КоммерческаяИнформация>"),
    ]  # fmt: skip
    out = [(name, text.encode()) for name, text in files]
    for name, data in out:
        (directory / name).write_bytes(data)
    return out


@pytest.fixture
def shop(rig: Rig, tmp_path: Path):
    rig.restore("orders.sql")
    # a SKU two of the shop's products share (an import of the shop's own made it so)
    rig.sql(f"UPDATE xc_products SET sku = '10000000127' WHERE product_id = {JUICE}", "xcart")
    env, xc1c = beside_xcart(rig.root, tmp_path / "var", PASSWORD)
    sidecar = launch(env, tmp_path / "sidecar.log")
    yield rig, sidecar.url, xc1c
    stop(sidecar.proc)
    rig.restore("orders.sql")


def id_map(rig: Rig, kind: str) -> dict[str, int]:
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SELECT ext_id, xc_id FROM xc1c_xc_id_map WHERE kind = %s", (kind,))
        out = dict(cur.fetchall())
    conn.close()
    return out


def test_an_existing_shop_is_linked_not_doubled(shop, tmp_path):
    rig, url, xc1c = shop
    before = {s["product_id"]: s for s in rig.php("product.php", TIMBERLAND, BEIGE, HAZELNUT,
                                                      JUICE)}  # fmt: skip
    *stock_before, listed = rig.php("stock.php", TIMBERLAND, BEIGE)
    categories_before = listed["categories"]
    reviews = {s["product_id"]: s["reviews"] for s in stock_before}
    assert all(reviews.values()), "the demo products have reviews"
    files = tmp_path / "export"
    files.mkdir()
    sent = export(files)

    # the dry run says what would be linked, created and left ambiguous, and writes nothing
    analysis = xc1c("import", "--dry-run", str(files))
    predicted = {
        m[0]: int(m[1]) for m in re.findall(r"linked: product (\S+) \(.*?\) → shop product #(\d+)",
                                            analysis)
    }  # fmt: skip
    created = set(re.findall(r"created: product (\S+) ", analysis))
    assert predicted == {"p-tb": TIMBERLAND, "p-beige": BEIGE}, analysis
    assert created == {"n-1", "n-2"}, analysis
    assert f"shop products #{HAZELNUT}, #{JUICE} and 1C products p-amb" in analysis
    assert "2 products, 2 categories" in analysis and "1 products (not imported)" in analysis
    assert id_map(rig, "product") == {}, "the dry run wrote nothing"

    client = OneCClient(http_transport(url), "1c", PASSWORD)
    replies = client.send_catalog(sent)
    assert all(r.word == "success" for r in replies)
    ids = id_map(rig, "product")
    assert {k: ids[k] for k in predicted} == predicted, "exactly the links the dry run predicted"
    assert set(ids) == {"p-tb", "p-beige", "n-1", "n-2"}, "the ambiguous one is not imported"
    categories = id_map(rig, "category")
    assert (categories["g-fashion"], categories["g-shoes"]) == (2, SHOES)

    # X-Cart's ORM: the shop's own products, same ids and clean URLs, with 1C's data
    states = {s["product_id"]: s for s in rig.php("product.php", *ids.values(), HAZELNUT, JUICE)}
    *stock, counted = rig.php("stock.php", *ids.values(), HAZELNUT, JUICE)
    stock = {s["product_id"]: s for s in stock}
    for ext, pid in predicted.items():
        _, sku, name, price, amount, _ = next(g for g in GOODS if g[0] == ext)
        assert states[pid]["name"] == name and states[pid]["price"] == float(price)
        assert states[pid]["clean_url"] == before[pid]["clean_url"]
        assert states[pid]["purchasable"] and states[pid]["categories"] == ["Shoes"]
        assert (stock[pid]["sku"], stock[pid]["amount"]) == (sku, amount)
        assert stock[pid]["reviews"] == reviews[pid], "the page keeps its reviews"
    for pid in (HAZELNUT, JUICE):
        assert states[pid] == before[pid], "the ambiguous shop products are untouched"
    for ext in ("n-1", "n-2"):
        assert states[ids[ext]]["categories"] == ["Новинки 1С"]
    names = [states[ids[e]]["name"] for e in ("n-1", "n-2")]
    assert names == ["Новый товар 1С первый", "Новый товар 1С второй"]
    assert counted["categories"] == {**categories_before, "Новинки 1С": 1}, "none doubled"
    assert all(counted["products"][n] == 1 for n in names), "the new ones exist once"
    assert sum(counted["products"].values()) == sum(listed["products"].values()) + 2

    # the storefront shows the shop's own page with 1C's name and price
    [(status, page)] = rig.pages(f"/cart.php?target=product&product_id={TIMBERLAND}")
    assert status == 200 and "Ботинки Timberland из 1С" in page and "$111.11" in page
    assert f"(votes: {reviews[TIMBERLAND]})" in page, "with its reviews' rating"

    # the shop's orders placed before the link: their lines go to 1C with 1C's Ид
    body = client.query_orders()
    docs = {d.findtext("{*}Ид"): d for d in etree.fromstring(body).iter("{*}Документ")}
    lines = [i.findtext("{*}Ид") for i in docs["7"].findall("{*}Товары/{*}Товар")]
    assert lines[:2] == ["p-beige", "xc-product-12"]

    # the status page and the doctor say the same after the run
    assert "1 1C products and 0 characteristics were not linked" in xc1c("doctor")
