"""Orders both ways with 1C's own client (tests/onec.py) on every shop schema: 1C loads the
shop's orders by sale/query and confirms them; its documents come back with 1C's GUID as Ид and
the shop's number as Номер, as УТ 11 (БЭД) and УНФ write them, and set payment, shipping and
cancellation directly (orders_apply=direct)."""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from conftest import ON_EVERY_SHOP, PASSWORD, flask_transport, query, set_setting
from onec import Node, OneC, orders_file
from test_orders import history, make_order, status_id

pytestmark = ON_EVERY_SHOP

NODES = {
    "bed": Node(),
    "bed-no-sessid": Node(sessid=False),
    "bed-no-import-wait": Node(wait_import=False),
    "unf-bitrix": Node(variant="unf", cms="bitrix"),
    "unf-other-cms": Node(variant="unf", cms="other"),
    "unf-bitrix-subordinate": Node(variant="unf", cms="bitrix", subordinate=True),
}


@pytest.fixture(params=list(NODES))
def onec(request, app, conn) -> OneC:
    set_setting(conn, "orders_apply", "direct")
    return OneC(flask_transport(app), "1c", PASSWORD, copy.deepcopy(NODES[request.param]))


def statuses(conn, order_id: int) -> tuple[str, str]:
    return query(conn, "SELECT p.code, s.code FROM {p}orders o"
                 " JOIN {p}order_payment_statuses p ON p.id = o.payment_status_id"
                 " JOIN {p}order_shipping_statuses s ON s.id = o.shipping_status_id"
                 " WHERE o.order_id = %s", order_id)[0]  # fmt: skip


def details(conn, order_id: int) -> dict[str, str]:
    return dict(query(conn, "SELECT name, value FROM {p}order_details WHERE order_id = %s",
                      order_id))  # fmt: skip


def test_1c_loads_the_orders_and_confirms_them(onec, conn):
    first = make_order(conn, number="1001", lines=[])
    make_order(conn, number="1002", lines=[])
    loaded = onec.load_orders()
    assert sorted(o.site_number for o in loaded) == ["1001", "1002"]
    bitrix_init = onec.node.variant == "unf" and onec.node.cms == "bitrix"
    assert onec.modes() == ["checkauth", *(["init"] if bitrix_init else []), "query", "success"]
    query_call = next(c for c in onec.calls if c.query["mode"] == "query")
    # БЭД: unless the node says no; УНФ: to 1С-Битрикс only (checkauth's line 4 as it is)
    sessid = onec.node.sessid if onec.node.variant == "bed" else bitrix_init
    assert ("sessid" in query_call.query) == sessid
    assert query_call.body.startswith(b"<?xml"), "no BOM: 1C tests Лев(Ответ, 5)"
    order = onec.orders["1001"]
    assert order.currency == "RUB" and order.total == Decimal("100")
    assert onec.load_orders() == [], "confirmed: not sent again"
    # an order that changes in the shop goes again, and 1C finds its own order by the number
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_orders SET payment_status_id = %s WHERE order_id = %s",
                    (status_id(conn, "payment", "P"), first))  # fmt: skip
    conn.commit()
    (again,) = onec.load_orders()
    assert again.guid == order.guid and again.number == order.number


def test_windows_1251_orders_load_too(onec, conn):
    set_setting(conn, "orders_encoding", "windows-1251")
    make_order(conn, number="1001", lines=[])
    (order,) = onec.load_orders()
    assert order.site_number == "1001" and onec.modes()[-1] == "success"


def test_1cs_documents_set_payment_shipping_and_cancellation(onec, conn):
    paid = make_order(conn, number="1001", lines=[])
    shipped = make_order(conn, number="1002", lines=[])
    cancelled = make_order(conn, number="1003", lines=[])
    untouched = make_order(conn, number="1004", lines=[])
    onec.load_orders()
    onec.orders["1001"].pay("ПКО-17")
    onec.orders["1002"].pay().ship("РТУ-5")
    onec.orders["1003"].cancel()
    onec.send_orders()
    assert statuses(conn, paid) == ("P", "N")
    assert statuses(conn, shipped) == ("P", "S")
    assert statuses(conn, cancelled)[0] == "C"
    assert statuses(conn, untouched) == ("Q", "N")
    sent = [c.query for c in onec.calls if c.query["mode"] in ("file", "import")]
    assert sent[0]["filename"].startswith("orders-") and sent[0]["filename"].endswith("_1.xml")
    expects_import = onec.node.wait_import and (onec.node.variant == "bed" or onec.node.subordinate)
    assert [q["mode"] for q in sent] == ["file", *(["import"] if expects_import else [])]
    # 1C's number, its document's GUID and the payment document are kept with the order
    d = details(conn, paid)
    assert d["xc1c_number"] == onec.orders["1001"].number
    assert d["xc1c_id"] == onec.orders["1001"].guid
    assert d["xc1c_posted"] == "true"
    if not onec.node.subordinate:  # with subordinate documents УНФ sends them instead
        assert d["xc1c_payment_number"] == "ПКО-17"
        assert details(conn, shipped)["xc1c_shipment_number"] == "РТУ-5"
    codes = [code for code, _ in history(conn, shipped)]
    assert codes[0] == "ORDER EDITED" and "CHANGE PAYMENT STATUS ORDER" in codes
    assert "CHANGE SHIPPING STATUS ORDER" in codes
    # the same documents again change nothing
    onec.send_orders()
    assert [code for code, _ in history(conn, shipped)] == codes


def test_two_documents_for_one_order_in_one_file_are_applied_in_order(onec, conn):
    first = make_order(conn, number="1001", lines=[])
    second = make_order(conn, number="1002", lines=[])
    onec.load_orders()
    docs = []
    for number in ("1001", "1002"):
        mine = onec.orders[number]
        docs.append((copy.deepcopy(mine.pay()), copy.deepcopy(mine.cancel())))
    (paid1, cancelled1), (paid2, cancelled2) = docs
    data = orders_file([paid1, cancelled1, cancelled2, paid2], onec.node)
    onec.send_session("sale", [("orders-two_1.xml", data)])
    assert statuses(conn, first)[0] == "C", "paid, then cancelled"
    assert statuses(conn, second)[0] == "P", "cancelled, then paid"


def test_the_number_wins_over_a_numeric_id_and_an_unknown_number_is_reported(onec, conn):
    """An Ид that happens to be another order's id does not take the change away from the
    order the Номер names; a Номер no order has is reported, nothing changes."""
    named = make_order(conn, number="1001", lines=[])
    other = make_order(conn, number="1002", lines=[])
    onec.load_orders()
    mine = onec.orders["1001"].pay()
    mine.guid = str(other)  # a client that puts a number in Ид
    onec.send_orders([mine])
    assert statuses(conn, named)[0] == "P" and statuses(conn, other)[0] == "Q"
    stranger = copy.deepcopy(onec.orders["1002"])
    stranger.site_number = "99999"
    stranger.pay()
    before = statuses(conn, other)
    onec.send_orders([stranger])
    assert statuses(conn, other) == before
    replies = [c.body.decode() for c in onec.calls[-3:] if c.query["mode"] in ("file", "import")]
    assert any("unknown: 1" in r and "(№ 99999) is not in the shop" in r for r in replies)


def test_a_later_document_is_known_by_1cs_id(onec, conn):
    """1C's GUID recorded with the first document finds the order again when a later document
    names it only so (its Номер lost)."""
    order = make_order(conn, number="1001", lines=[])
    onec.load_orders()
    mine = onec.orders["1001"].pay()
    onec.send_orders([mine])
    later = copy.deepcopy(mine.ship())
    later.site_number = ""
    onec.send_session("sale", [("orders-later_1.xml", orders_file([later], onec.node))])
    assert statuses(conn, order) == ("P", "S")


def test_an_order_without_a_currency_still_goes_with_one(onec, conn):
    """One document without Валюта fails 1C's whole load (and no success is sent): the shop's
    order whose currency is gone goes in roubles rather than stop every order."""
    make_order(conn, number="1001", lines=[])
    broken = make_order(conn, number="1002", lines=[])
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_orders SET currency_id = NULL WHERE order_id = %s", (broken,))
    conn.commit()
    loaded = onec.load_orders()
    assert {o.currency for o in loaded} == {"RUB"} and onec.modes()[-1] == "success"
