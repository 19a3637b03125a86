"""A product never sells at a price 1C did not give: without a usable price (no offer yet, a
price in another currency without a rate, no price of the chosen type) it is hidden, counted
in 1C's reply and named on the status page, and goes on sale when a usable price arrives."""

from __future__ import annotations

import base64
from decimal import Decimal

import pytest
from conftest import (
    ON_EVERY_SHOP,
    PASSWORD,
    PREFIX,
    catalog_files,
    query,
    set_setting,
    supports,
    xc_id,
)

from sidecar.settings import write_setting

pytestmark = ON_EVERY_SHOP

SHIRT, DRESS, BOOTS, SNEAKERS = (f"a0000000-0000-0000-0000-00000000000{i}" for i in "1234")
SIZE41 = f"{BOOTS}#x0000000-0000-0000-0000-000000000041"


def on_sale(conn, ext: str) -> tuple[int, Decimal]:
    """(enabled, price) of a 1C product."""
    pid = xc_id(conn, "product", ext)
    return query(conn, "SELECT enabled, price FROM {p}products WHERE product_id = %s", pid)[0]


def waiting(conn) -> dict[int, str]:
    return dict(query(conn, "SELECT product_id, reason FROM {own}unpriced"))


def shop_currency(conn, currency_id: int) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE xc_config SET value = %s WHERE category = 'General' AND name = 'shop_currency'",
            (str(currency_id),),
        )
        if supports(conn, "multicurrency"):
            cur.execute("DELETE FROM xc_active_currencies")
    conn.commit()


@pytest.fixture
def sells_in_dollars(conn):
    """The shop sells in USD while 1C prices in RUB (as the seed's shop sells in RUB)."""
    shop_currency(conn, 840)
    yield
    shop_currency(conn, 643)


def test_a_new_product_waits_hidden_for_its_offer(onec, conn):
    files = catalog_files()
    onec.send_catalog([f for f in files if f[0] != "offers.xml"])
    for ext in (SHIRT, DRESS, BOOTS, SNEAKERS):
        assert on_sale(conn, ext) == (0, Decimal("0.0000")), "not for sale at $0"
    assert sorted(waiting(conn).values()) == ["no price from 1C yet"] * 4
    (reply,) = onec.send_catalog([f for f in files if f[0] == "offers.xml"])
    assert not any("not for sale" in line for line in reply.lines)
    assert on_sale(conn, SHIRT) == (1, Decimal("2490.0000"))
    assert on_sale(conn, BOOTS) == (1, Decimal("5400.0000")), "the lowest characteristic's"
    assert on_sale(conn, SNEAKERS) == (1, Decimal("4200.0000"))
    assert waiting(conn) == {}


def test_prices_in_another_currency_hide_the_goods_until_a_rate_is_set(
    onec, conn, http, sells_in_dollars
):
    replies = onec.send_catalog(catalog_files())
    assert all(r.word == "success" for r in replies)
    assert any(
        "4 products and 2 characteristics have no price the shop can use" in line
        for line in replies[-1].lines
    ), replies[-1].lines
    assert on_sale(conn, SHIRT) == (0, Decimal("0.0000"))
    assert set(waiting(conn).values()) == {"price in RUB, no rate to USD (currency_rates)"}
    assert query(conn, "SELECT COUNT(*) FROM {p}products WHERE enabled = 1") == [(0,)]
    auth = {"Authorization": "Basic " + base64.b64encode(f"1c:{PASSWORD}".encode()).decode()}
    status = http.get("/status.json", headers=auth).get_json()
    assert [(u["reason"], u["products"]) for u in status["unpriced"]] == [
        ("price in RUB, no rate to USD (currency_rates)", 4)
    ]
    page = http.get("/status", headers=auth).get_data(as_text=True)
    assert "Not for sale: no price from 1C the shop can use" in page and "price in RUB" in page
    assert "xc1c_products_unpriced 4" in http.get("/metrics", headers=auth).get_data(as_text=True)
    if supports(conn, "variants"):  # a characteristic without a price is out of stock
        variant = xc_id(conn, "variant", SIZE41)
        assert query(conn, "SELECT amount, defaultAmount FROM {p}product_variants WHERE id = %s",
                     variant) == [(0, 0)]  # fmt: skip

    set_setting(conn, "currency_rates", "RUB = 0.011\nEUR=1.05")
    replies = onec.send_catalog(catalog_files())
    assert any("prices converted from another currency: 5" in line for line in replies[-1].lines)
    assert on_sale(conn, SHIRT) == (1, Decimal("27.3900"))
    assert on_sale(conn, BOOTS) == (1, Decimal("59.4000"))
    assert waiting(conn) == {}
    if supports(conn, "variants"):
        assert query(conn, "SELECT price, amount FROM {p}product_variants WHERE id = %s",
                     variant) == [(Decimal("61.6000"), 2)]  # fmt: skip


def test_the_multicurrency_modules_rate_converts_when_no_rate_is_set(onec, conn, sells_in_dollars):
    if supports(conn, "multicurrency"):
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO xc_active_currencies (currency_id, rate, enabled, position, rateDate)"
                " VALUES (643, 90, 1, 10, 0)"
            )
        conn.commit()
    onec.send_catalog(catalog_files())
    if supports(conn, "multicurrency"):  # 1 USD = 90 RUB
        assert on_sale(conn, SHIRT) == (1, Decimal("27.6667"))
    else:
        assert on_sale(conn, SHIRT) == (0, Decimal("0.0000"))


def test_a_price_type_the_offer_lacks_takes_it_off_sale(onec, conn):
    onec.send_catalog(catalog_files())
    assert on_sale(conn, SNEAKERS) == (1, Decimal("4200.0000"))
    write_setting(conn, PREFIX, "price_type", "Оптовая")
    (reply,) = onec.send_catalog([f for f in catalog_files() if f[0] == "offers.xml"])
    assert on_sale(conn, SHIRT) == (1, Decimal("1990.5000"))
    # no wholesale price: off sale, at the price 1C gave it last, until 1C gives one
    assert on_sale(conn, SNEAKERS)[0] == 0
    assert on_sale(conn, BOOTS)[0] == 0
    sneakers = xc_id(conn, "product", SNEAKERS)
    assert waiting(conn)[sneakers] == "no price of the chosen price type (setting price_type)"
    assert any("not for sale until 1C sends one" in line for line in reply.lines)
    write_setting(conn, PREFIX, "price_type", "")
    onec.send_catalog([f for f in catalog_files() if f[0] == "offers.xml"])
    assert on_sale(conn, SNEAKERS) == (1, Decimal("4200.0000"))
    assert waiting(conn) == {}


def test_the_first_exchanges_analysis_says_the_goods_would_not_be_for_sale(
    onec, conn, sells_in_dollars
):
    set_setting(conn, "first_exchange_dry_run", "Y")
    final = onec.send_catalog(catalog_files())
    assert "would keep 4 products off sale: price in RUB, no rate to USD (currency_rates)" in (
        final[-1].lines
    )
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)], "nothing written"
