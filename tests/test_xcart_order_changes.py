"""1C's order changes applied by X-Cart itself (the module's PHP side, tests/xcart_rig.py): three
orders placed through the real shop's storefront, one paid and shipped in 1C, one cancelled,
one with another quantity. X-Cart's ORM must then show what its admin's order page would have
done: the statuses, X-Cart's own history events, its e-mail attempts, stock returned and taken,
sales counters — and the same document sent again must change nothing more. A change X-Cart
was out of reach for is applied by X-Cart's cron task."""

from __future__ import annotations

from pathlib import Path

import pymysql
import pytest
from conftest import DATA, beside_xcart, free_port, launch, stop
from onec import Node, OneC
from xcart_rig import Rig

from sidecar.onec_client import OneCClient, http_transport
from sidecar.orders.xcart_side import Absent, XCartSide
from sidecar.xcart_module import MINOR

PASSWORD = "rig-Пароль-2"
CHANGES = DATA / "orders" / "rig-changes-from-1c.xml"
SHIPPED = DATA / "orders" / "rig-shipped-from-1c.xml"
TASK = "XLite\\Module\\Xc1c\\Exchange\\Core\\Task\\ApplyOrderChanges"
EMAILS = ("EMAIL CUSTOMER SENT", "EMAIL CUSTOMER FAILED", "EMAIL ADMIN SENT", "EMAIL ADMIN FAILED")


@pytest.fixture
def shop(rig: Rig, tmp_path: Path):
    """A copy of the rig's shop that gets as far as its mail attempts, with the module enabled
    as the service tool enables it, its three storefront orders, X-Cart serving, and the
    sidecar beside it found by XC1C_XCART_ROOT alone."""
    shop = rig.copy_that_mails(tmp_path / "xcart")
    shop.restore("orders.sql")
    shop.set_module(True)
    env, xc1c = beside_xcart(shop.root, tmp_path / "var", PASSWORD)
    xc1c("settings", "set", "orders_accept_items", "Y")
    sidecar = launch(env, tmp_path / "sidecar.log")
    try:
        with shop.serving():
            yield shop, sidecar.url, xc1c
    finally:
        stop(sidecar.proc)
        rig.restore("orders.sql")


def _send(url: str, body: bytes):
    client = OneCClient(http_transport(url), "1c", PASSWORD)
    client.checkauth("sale")
    client.init("sale", version="2.10")
    assert client.call("sale", "file", body, filename="changes.xml").word == "success"
    return client.import_file("changes.xml", "sale")


def _events(order: dict, codes: tuple[str, ...]) -> int:
    return sum(1 for code in order["history"] if code in codes)


def _product(shop: Rig, product_id: int) -> list[int]:
    """[in stock, sold] of a product no order of the rig holds."""
    conn = pymysql.connect(host="127.0.0.1", port=shop.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SELECT amount, sales FROM xc_products WHERE product_id = %s", (product_id,))
        row = list(cur.fetchone())
    conn.close()
    return row


def _sql(shop: Rig, statement: str) -> list[tuple]:
    conn = pymysql.connect(host="127.0.0.1", port=shop.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute(statement)
        rows = list(cur.fetchall())
    conn.commit()
    conn.close()
    return rows


def _queue(shop: Rig) -> list[tuple]:
    conn = pymysql.connect(host="127.0.0.1", port=shop.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SELECT order_id, state, applied_by, error FROM xc1c_xc_order_changes"
                    " ORDER BY id")  # fmt: skip
        rows = list(cur.fetchall())
    conn.close()
    return rows


def test_x_cart_applies_1cs_changes_with_its_own_stock_sales_history_and_mail(shop):
    shop, url, xc1c = shop
    before = {o["order_id"]: o for o in shop.php("orders.php", 6, 7, 8)}
    assert [before[i]["payment"] for i in (6, 7, 8)] == ["Q", "P", "Q"]
    oxfords = _product(shop, 4)

    reply = _send(url, CHANGES.read_bytes())
    assert reply.word == "success", reply.lines
    assert "documents: 3, orders changed: 3, unchanged: 0, unknown: 0" in reply.lines
    assert any(line.startswith("applied through X-Cart: 3") for line in reply.lines), reply.lines
    assert _queue(shop) == [(8, "applied", "xcart", ""), (7, "applied", "xcart", ""),
                            (6, "applied", "xcart", "")]  # fmt: skip
    after = {o["order_id"]: o for o in shop.php("orders.php", 6, 7, 8)}

    # #8 paid and shipped: X-Cart's own status events, its mails, and the goods now sold
    paid = after[8]
    assert (paid["payment"], paid["shipping"]) == ("P", "S")
    for code in ("CHANGE PAYMENT STATUS ORDER", "CHANGE SHIPPING STATUS ORDER"):
        assert _events(paid, (code,)) == _events(before[8], (code,)) + 1
    assert _events(paid, EMAILS) > _events(before[8], EMAILS)
    assert paid["details"]["xc1c_number"] == "УТ-000200"
    bought = {str(i["product_id"]): i["amount"] for i in before[8]["items"]}
    for pid, (stock, sold) in paid["stock"].items():
        assert sold == before[8]["stock"][pid][1] + bought[pid], "a paid order counts as sales"
        assert stock == before[8]["stock"][pid][0]

    # #7 cancelled: its goods back in stock, no longer counted as sold, the customer told
    cancelled = after[7]
    assert cancelled["payment"] == "C"
    assert _events(cancelled, ("CHANGE PAYMENT STATUS ORDER",)) == _events(
        before[7], ("CHANGE PAYMENT STATUS ORDER",)) + 1  # fmt: skip
    assert _events(cancelled, EMAILS) > _events(before[7], EMAILS)
    amounts = {str(i["product_id"]): i["amount"] for i in before[7]["items"]}
    for pid, (stock, sold) in cancelled["stock"].items():
        assert stock == before[7]["stock"][pid][0] + amounts[pid], "stock returned"
        assert sold == before[7]["stock"][pid][1] - amounts[pid]

    # #6 two pairs instead of one, a pair of oxfords added at 1C's price, delivery at 5.00:
    # stock taken and sales counted as an admin's edit does, totals follow
    edited = after[6]
    assert edited["items"] == [
        {"product_id": 1, "name": "Timberland 45th Anniversary", "amount": 2},
        {"product_id": 4, "name": "Platform Brogue-Trim Leather Oxfords in White", "amount": 1},
    ]
    assert edited["subtotal"] == pytest.approx(2 * 19.99 + 30.00)
    assert edited["shipping_cost"] == pytest.approx(5.00)
    others = before[6]["total"] - before[6]["subtotal"] - before[6]["shipping_cost"]
    assert edited["total"] == pytest.approx(2 * 19.99 + 30.00 + 5.00 + others)
    assert edited["stock"]["1"] == [before[6]["stock"]["1"][0] - 1, before[6]["stock"]["1"][1] + 1]
    assert edited["stock"]["4"] == [oxfords[0] - 1, oxfords[1] + 1]
    assert _events(edited, ("ORDER EDITED",)) == _events(before[6], ("ORDER EDITED",)) + 2
    assert _events(edited, EMAILS) > _events(before[6], EMAILS)

    # the same document again: recognised, nothing applied a second time
    again = _send(url, CHANGES.read_bytes())
    assert "documents: 3, orders changed: 0, unchanged: 3, unknown: 0" in again.lines
    assert len(_queue(shop)) == 3
    assert {o["order_id"]: o for o in shop.php("orders.php", 6, 7, 8)} == after

    doctor = xc1c("doctor")
    assert f"ok   order changes from 1C go through X-Cart at {shop.url}/admin.php" \
        f" (module 5.4.{MINOR}.0)" in doctor  # fmt: skip
    assert "ok   no order change from 1C waits or failed" in doctor

    # X-Cart out of the sidecar's reach: #6 shipped in 1C waits, X-Cart's cron applies it;
    # customers are not to hear of 1C's changes now
    xc1c("settings", "set", "xcart_url", f"http://127.0.0.1:{free_port()}/admin.php")
    xc1c("settings", "set", "orders_notify_customers", "never")
    shipped = SHIPPED.read_bytes()
    reply = _send(url, shipped)
    assert any(line.startswith("waiting for X-Cart: 1") for line in reply.lines), reply.lines
    assert "FAIL 1 order change(s) from 1C wait for X-Cart, 0 failed" in xc1c("doctor")
    [ran] = shop.php("cron_task.php", TASK)
    assert ran == {"found": True, "ran": True, "title": "Apply order changes from 1C"}
    [six] = shop.php("orders.php", 6)
    assert six["shipping"] == "S"
    # the oxfords 1C no longer lists: back in stock, no longer sold
    assert [i["product_id"] for i in six["items"]] == [1]
    assert _product(shop, 4) == oxfords
    assert _events(six, ("CHANGE SHIPPING STATUS ORDER",)) == _events(
        after[6], ("CHANGE SHIPPING STATUS ORDER",)) + 1  # fmt: skip
    assert _queue(shop)[-1] == (6, "applied", "xcart", "")
    # as the admin's "do not notify the customer" box: X-Cart mails the customer nothing
    assert _events(six, EMAILS[:2]) == _events(after[6], EMAILS[:2])
    assert "ok   no order change from 1C waits or failed" in xc1c("doctor")

    # a change X-Cart cannot apply (a product deleted meanwhile) before one it can: the first
    # leaves its order untouched — its removed lines too — keeps the error, is tried again and
    # failed after five tries; the second goes through
    _sql(shop, "INSERT INTO xc1c_xc_order_changes (order_id, version, change_key, payload,"
               " state, error, result, created, updated) SELECT 8, '', REPEAT('b', 40),"
               " REPLACE(payload, '\"items\": null', '\"items\": [{\"item_id\": null,"
               " \"product_id\": 99999, \"variant_id\": null, \"name\": \"gone\", \"price\":"
               " \"1.00\", \"amount\": 1}]'), 'waiting', '', '', 0, 0"
               " FROM xc1c_xc_order_changes WHERE order_id = 8")  # fmt: skip
    _sql(shop, "INSERT INTO xc1c_xc_order_changes (order_id, version, change_key, payload,"
               " state, error, result, created, updated) SELECT 7, '', REPEAT('c', 40),"
               " REPLACE(payload, 'УТ-000201', 'УТ-000209'), 'waiting', '', '', 0, 0"
               " FROM xc1c_xc_order_changes WHERE order_id = 7")  # fmt: skip
    secret = _sql(shop, "SELECT value FROM xc_config WHERE name = 'xcart_secret'")[0][0]
    side = XCartSide(f"{shop.url}/admin.php", secret)
    for attempt in range(1, 6):
        answer = side.apply()
        assert len(answer["failed"]) == 1 and len(answer["applied"]) == (attempt == 1)
        state, attempts, error = _sql(shop, "SELECT state, attempts, error FROM"
                                            " xc1c_xc_order_changes WHERE order_id = 8"
                                            " ORDER BY id DESC LIMIT 1")[0]  # fmt: skip
        assert (state, attempts) == ("waiting" if attempt < 5 else "failed", attempt)
        assert error == "the shop has no product 99999"
    eight, seven = shop.php("orders.php", 8, 7)
    assert eight == after[8], "nothing of the failed change was written"
    assert seven["details"]["xc1c_number"] == "УТ-000209"
    assert "FAIL 0 order change(s) from 1C wait for X-Cart, 1 failed: order 8: failed the shop" \
        " has no product 99999" in xc1c("doctor")  # fmt: skip
    with pytest.raises(Absent):
        XCartSide(f"{shop.url}/admin.php", "a wrong key").apply()


@pytest.mark.parametrize("node", [Node(), Node(variant="unf", cms="other")], ids=["bed", "unf"])
def test_the_storefronts_orders_go_to_1c_and_1cs_own_documents_come_back(shop, node):
    """1C's client (tests/onec.py) loads the storefront's orders by sale/query and confirms
    them; its documents come back as УТ 11 (БЭД) or УНФ write them — 1C's GUID in Ид, the
    shop's number in Номер, its own GUIDs for the goods — and X-Cart applies them: #8 paid and
    shipped, #7 cancelled, #6 left alone."""
    shop, url, xc1c = shop
    before = {o["order_id"]: o for o in shop.php("orders.php", 6, 7, 8)}
    numbers = dict(_sql(shop, "SELECT order_id, orderNumber FROM xc_orders"
                              " WHERE order_id IN (6, 7, 8)"))  # fmt: skip
    onec = OneC(http_transport(url), "1c", PASSWORD, node)
    loaded = onec.load_orders()
    assert {numbers[i] for i in (6, 7, 8)} <= {o.site_number for o in loaded}
    assert onec.modes()[-1] == "success"
    onec.orders[numbers[8]].pay("ПКО-8").ship("РТУ-8")
    onec.orders[numbers[7]].cancel()
    onec.send_orders([onec.orders[numbers[8]], onec.orders[numbers[7]]])
    # 1C's init has no version: the file takes effect on mode=file; БЭД's import after it
    # finds it taken already
    replies = {c.query["mode"]: c.body.decode() for c in onec.calls[-2:]}
    reply = replies["file"]
    assert "documents: 2, orders changed: 2, unchanged: 0, unknown: 0" in reply, reply
    assert "applied through X-Cart: 2" in reply, reply
    if node.variant == "bed":
        assert "documents: 2, orders changed: 0, unchanged: 2, unknown: 0" in replies["import"]
    # its goods are 1C's items, not the shop's: the lines are kept as they were
    assert "match no product of the shop" in reply

    after = {o["order_id"]: o for o in shop.php("orders.php", 6, 7, 8)}
    paid, cancelled = after[8], after[7]
    assert (paid["payment"], paid["shipping"]) == ("P", "S")
    assert cancelled["payment"] == "C"
    assert after[6] == before[6], "an order 1C sent nothing for is untouched"
    for code in ("CHANGE PAYMENT STATUS ORDER", "CHANGE SHIPPING STATUS ORDER"):
        assert _events(paid, (code,)) == _events(before[8], (code,)) + 1
    assert _events(cancelled, ("CHANGE PAYMENT STATUS ORDER",)) == _events(
        before[7], ("CHANGE PAYMENT STATUS ORDER",)) + 1  # fmt: skip
    assert paid["items"] == before[8]["items"] and cancelled["items"] == before[7]["items"]
    mine = onec.orders[numbers[8]]
    assert paid["details"]["xc1c_id"] == mine.guid
    assert paid["details"]["xc1c_number"] == mine.number
    assert paid["details"]["xc1c_shipment_number"] == "РТУ-8"
    assert _queue(shop)[-2:] == [(8, "applied", "xcart", ""), (7, "applied", "xcart", "")]
    assert "ok   orders 1C's documents named with 1C's own Ид (its GUID): 2" in xc1c("doctor")
