"""1C's order changes are recorded before they are applied, applied once, and applied by X-Cart
when the module's side answers — else they wait (X-Cart down) or are written directly (no
module), saying so in the reply, on the status page and in /metrics. What X-Cart itself does
with them is tested against a real shop in test_xcart_order_changes.py."""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pymysql
import pytest
from conftest import PASSWORD, PREFIX, free_port, query, set_setting
from test_orders import documents, make_order, sale_query, upload_orders
from test_status import basic

from sidecar.state import order_changes as queue

PAID = """<?xml version="1.0" encoding="UTF-8"?>
<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.10">
<Документ><Ид>@ID@</Ид><Номер>@ID@</Номер><Дата>2026-11-30</Дата>
<ХозОперация>Заказ товара</ХозОперация><Роль>Продавец</Роль><Валюта>RUB</Валюта>
<Сумма>100</Сумма><ЗначенияРеквизитов>
<ЗначениеРеквизита><Наименование>Номер по 1С</Наименование><Значение>УТ-1</Значение></ЗначениеРеквизита>
<ЗначениеРеквизита><Наименование>Заказ оплачен</Наименование><Значение>true</Значение></ЗначениеРеквизита>
</ЗначенияРеквизитов></Документ>
</КоммерческаяИнформация>"""


@pytest.fixture
def order(conn) -> int:
    return make_order(conn, lines=[])


def payment(conn, order_id: int) -> str:
    return query(conn, "SELECT s.code FROM {p}orders o JOIN {p}order_payment_statuses s"
                 " ON s.id = o.payment_status_id WHERE o.order_id = %s", order_id)[0][0]  # fmt: skip


def rows(conn) -> list[tuple]:
    conn.commit()
    return query(conn, "SELECT order_id, state, applied_by FROM {own}order_changes ORDER BY id")


def events(conn, order_id: int) -> int:
    return query(conn, "SELECT COUNT(*) FROM {p}order_history_events WHERE order_id = %s",
                 order_id)[0][0]  # fmt: skip


class _XCart(BaseHTTPRequestHandler):
    """Answers as X-Cart's admin.php does: the server's `answer(form)` gives status, headers
    and body; the forms posted are kept in its `seen`."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
        form |= dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        self.server.seen.append(form)  # type: ignore[attr-defined]
        status, headers, body = self.server.answer(form)  # type: ignore[attr-defined]
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def xcart(conn, config) -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _XCart)
    server.seen = []  # type: ignore[attr-defined]
    server.config = config  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    set_setting(conn, "xcart_url", f"http://127.0.0.1:{server.server_port}/admin.php")
    yield server
    server.shutdown()


def test_a_change_is_applied_once_and_a_resent_one_is_recognised(onec, conn, order):
    doc = PAID.replace("@ID@", str(order)).encode()
    lines = upload_orders(onec, "paid.xml", doc, "2.10")
    assert "documents: 1, orders changed: 1, unchanged: 0, unknown: 0" in lines
    assert any("applied directly (X-Cart's address is unknown" in line for line in lines), lines
    assert payment(conn, order) == "P"
    assert rows(conn) == [(order, "applied", "direct")]
    written = events(conn, order)

    again = upload_orders(onec, "paid.xml", doc, "2.10")
    assert "documents: 1, orders changed: 0, unchanged: 1, unknown: 0" in again
    assert "1 order change(s) were received before: not applied again" in again
    assert rows(conn) == [(order, "applied", "direct")]
    assert events(conn, order) == written


def test_x_cart_silent_the_change_waits_then_is_written_directly(onec, conn, order, http):
    set_setting(conn, "xcart_url", f"http://127.0.0.1:{free_port()}/admin.php")
    lines = upload_orders(onec, "paid.xml", PAID.replace("@ID@", str(order)).encode(), "2.10")
    assert "documents: 1, orders changed: 0, unchanged: 0, unknown: 0" in lines
    assert any(line.startswith("waiting for X-Cart: 1 (X-Cart at http://127.0.0.1:")
               and "did not answer" in line for line in lines), lines  # fmt: skip
    assert payment(conn, order) == "Q", "nothing written while X-Cart may still apply it"
    assert rows(conn) == [(order, "waiting", "")]
    auth = basic("1c", PASSWORD)
    page = http.get("/status?lang=en", headers=auth).get_data(as_text=True)
    assert "waiting for X-Cart: 1" in page and f"order {order}: waiting for X-Cart" in page
    metrics = http.get("/metrics", headers=auth).get_data(as_text=True)
    assert 'xc1c_order_changes{state="waiting",by=""} 1' in metrics

    # the next exchange tries again; still silent, and not yet waiting an hour: it waits
    onec.checkauth("sale")
    onec.init("sale")
    onec.transport("GET", {"type": "sale", "mode": "query"}, None, {"Cookie": onec.cookie})
    assert rows(conn) == [(order, "waiting", "")]
    # an hour later it is written directly, with the reason
    query(conn, "UPDATE {own}order_changes SET created = created - 3600")
    conn.commit()
    onec.transport("GET", {"type": "sale", "mode": "query"}, None, {"Cookie": onec.cookie})
    assert rows(conn) == [(order, "applied", "direct")]
    assert payment(conn, order) == "P"
    page = http.get("/status?lang=en", headers=auth).get_data(as_text=True)
    assert "Written directly because: X-Cart at http://127.0.0.1:" in page


def test_x_cart_without_the_module_gets_the_change_written_directly(onec, conn, order, xcart):
    xcart.answer = lambda form: (302, {"Location": "admin.php?target=login"}, b"")
    lines = upload_orders(onec, "paid.xml", PAID.replace("@ID@", str(order)).encode(), "2.10")
    assert "documents: 1, orders changed: 1, unchanged: 0, unknown: 0" in lines
    assert any("applied directly: 1 (X-Cart at" in line and "HTTP 302 without the module's"
               in line for line in lines), lines  # fmt: skip
    assert payment(conn, order) == "P"
    assert rows(conn) == [(order, "applied", "direct")]


def test_the_module_side_is_asked_with_the_shared_secret_and_its_work_counted(
    onec, conn, order, xcart, config
):
    set_setting(conn, "xcart_secret", "")  # the module's row, as X-Cart installs it: empty

    def module(form: dict) -> tuple[int, dict, bytes]:
        """What the module's PHP side does with the queue (Core/OrderChanges.php): each
        waiting change locked, applied, marked."""
        own = pymysql.connect(**_params(config))
        with own.cursor() as cur:
            cur.execute("SELECT id FROM xc1c_xc_order_changes WHERE state = 'waiting'")
            ids = [r[0] for r in cur.fetchall()]
            cur.execute("UPDATE xc1c_xc_order_changes SET state = 'applied', applied_by = 'xcart',"
                        " result = '{\"changed\": true}' WHERE state = 'waiting'")  # fmt: skip
        own.commit()
        own.close()
        return 200, {"Content-Type": "application/json"}, json.dumps(
            {"xc1c": "5.4.030.0", "applied": ids, "failed": []}).encode()  # fmt: skip

    xcart.answer = module
    body, _ = sale_query(onec)
    assert [d.findtext("{*}Ид") for d in documents(body)] == [str(order)]
    assert onec.call("sale", "success").word == "success"
    lines = upload_orders(onec, "paid.xml", PAID.replace("@ID@", str(order)).encode(), "2.10")
    assert "documents: 1, orders changed: 1, unchanged: 0, unknown: 0" in lines
    assert "applied through X-Cart: 1 (its e-mails, stock and sales)" in lines
    secret = query(conn, "SELECT value FROM {p}config WHERE name = 'xcart_secret'")[0][0]
    assert len(secret) >= 32, "a secret was made and stored for both sides"
    assert xcart.seen == [{"xc1c_secret": secret, "target": "xc1c_order_changes",
                           "action": "apply"}]  # fmt: skip
    assert query(conn, "SELECT settled FROM {own}order_changes") == [(1,)]
    body, _ = sale_query(onec)
    assert documents(body) == [], "1C is not sent back the order it changed"


def test_a_change_x_cart_is_applying_is_left_to_it(conn, order, config):
    """X-Cart locks the row while it applies a change; the sidecar does not wait out the
    server's lock timeout, nor apply it a second time."""
    from sidecar.orders.changes import Change, apply_directly
    from sidecar.xcart.schema import Schema

    change = Change(order, "", [], None, "P", None, None, None, True)
    with conn.cursor() as cur:
        change_id = queue.record(cur, PREFIX, order, "", "", "a" * 40, change.payload())
    conn.commit()
    with conn.cursor() as mine:
        mine.execute("SELECT @@SESSION.innodb_lock_wait_timeout")
        timeout = mine.fetchone()[0]
    xcart = pymysql.connect(**_params(config))
    with xcart.cursor() as cur:
        cur.execute("SELECT state FROM xc1c_xc_order_changes WHERE id = %s FOR UPDATE",
                    (change_id,))  # fmt: skip
        with conn.cursor() as mine:
            assert not apply_directly(mine, Schema(conn, PREFIX), PREFIX, change_id, change, "", {})
            mine.execute("SELECT @@SESSION.innodb_lock_wait_timeout")
            assert mine.fetchone()[0] == timeout, "the session's own timeout is back"
    conn.rollback()
    xcart.rollback()
    xcart.close()
    assert payment(conn, order) == "Q"
    assert rows(conn) == [(order, "waiting", "")]


def _params(config) -> dict:
    db = config.db
    return {"host": db.host, "port": db.port, "user": db.user, "password": db.password,
            "database": db.database}  # fmt: skip


def test_what_x_cart_could_not_apply_is_reported_and_shown(onec, conn, order, xcart, http):
    def module(form: dict) -> tuple[int, dict, bytes]:
        """The module's side failing a change, as Core/OrderChanges.php records it: the error,
        one more attempt, failed after five."""
        own = pymysql.connect(**_params(xcart.config))
        with own.cursor() as cur:
            cur.execute(
                "UPDATE xc1c_xc_order_changes SET attempts = attempts + 1, error = 'X-Cart has"
                " no payment status P', state = IF(attempts >= 5, 'failed', 'waiting')"
            )
        own.commit()
        own.close()
        return 200, {}, b'{"xc1c": "5.4.030.0", "applied": [], "failed": [1]}'

    xcart.answer = module
    set_setting(conn, "xcart_secret", "a-secret-for-both-sides")
    lines = upload_orders(onec, "paid.xml", PAID.replace("@ID@", str(order)).encode(), "2.10")
    assert f"order {order}: X-Cart could not apply 1C's change: X-Cart has no payment status P" in (
        lines
    )
    query(conn, "UPDATE {own}order_changes SET attempts = 5, state = 'failed'")
    conn.commit()
    page = http.get("/status?lang=en", headers=basic("1c", PASSWORD)).get_data(as_text=True)
    assert "failed: 1" in page
    assert f"order {order}: failed (5 attempts," in page
    assert "X-Cart has no payment status P" in page


@pytest.mark.parametrize(
    ("hosts", "setting", "expected"),
    [
        ("http_host = shop.example\nweb_dir = /store", "", "http://shop.example/store/admin.php"),
        ("https_host = shop.example\nweb_dir = ", "", "https://shop.example/admin.php"),
        ("http_host = shop.example", "http://127.0.0.1/admin.php", "http://127.0.0.1/admin.php"),
        ("", "", ""),
    ],
)
def test_x_carts_admin_address(tmp_path, hosts, setting, expected):
    """Where the sidecar asks X-Cart: the xcart_url setting, else the shop's own host."""
    from sidecar.config import Config, DatabaseParams
    from sidecar.orders.xcart_side import admin_url

    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "config.php").write_text(
        f"; <?php /*\n[database_details]\ndatabase = x\n[host_details]\n{hosts}\n; */\n"
    )
    config = Config(DatabaseParams(database="x"), xcart_root=tmp_path, xcart_version="5.4")
    assert admin_url(config, {"xcart_url": setting}) == expected
