"""A vendor's 1C of its own on a multi-vendor shop: its exchange login (xc1c vendor add), the
orders its sale/query gives (that vendor's part only) apart from the store owner's 1C, and the
orders its documents may change (its catalog: test_multivendor_catalog)."""

from __future__ import annotations

import copy

import pytest
from conftest import PASSWORD, PREFIX, flask_transport, query, set_setting
from onec import Node, OneC, OneCFailed
from test_multivendor_orders import lines_of, sent_documents, set_mode, storefront_order
from test_onec_orders import statuses

from sidecar.onec_client import OneCClient
from sidecar.state.spaces import in_every_space
from sidecar.vendors import checks
from sidecar.xcart.schema import Schema

pytestmark = pytest.mark.parametrize("database", ["multivendor"], indirect=True, scope="session")
VENDOR_PASSWORD = "Vendor-Пароль-1"


def vendor_1c(app, login: str, password: str = VENDOR_PASSWORD) -> OneC:
    return OneC(flask_transport(app), login, password, copy.deepcopy(Node()))


@pytest.fixture
def owner_1c(app, conn) -> OneC:
    set_setting(conn, "orders_apply", "direct")
    return OneC(flask_transport(app), "1c", PASSWORD, copy.deepcopy(Node()))


def give_login(cli, login: str, vendor: str) -> None:
    result = cli("vendor", "add", login, "--vendor", vendor, "--password", VENDOR_PASSWORD)
    assert result.exit_code == 0, result.output


def test_the_cli_gives_lists_and_removes_vendor_logins(cli, conn):
    split = storefront_order(conn, "W")
    a = sorted(v for v in split.children if v is not None)[0]
    give_login(cli, "a-1c", "a@vendors.example")
    assert cli("vendor", "list").output == f"a-1c\tvendor {a}\n"
    stored = query(conn, "SELECT password_hash FROM {own}vendor_logins")[0][0]
    assert VENDOR_PASSWORD not in stored and stored.startswith("pbkdf2_sha256$")
    refused = cli("vendor", "add", "x", "--vendor", "ivan@example.com", "--password", "p")
    assert refused.exit_code != 0 and "no vendor" in refused.output, "a customer is no vendor"
    owner = cli("vendor", "add", "1c", "--vendor", str(a), "--password", "p")
    assert owner.exit_code != 0 and "store owner's exchange login" in owner.output
    assert cli("vendor", "remove", "a-1c").exit_code == 0
    assert cli("vendor", "list").output == ""


@pytest.mark.parametrize("mode", ["W", "S"])
def test_a_vendors_1c_gets_its_own_orders_and_the_owners_1c_all(app, cli, conn, owner_1c, mode):
    set_mode(conn, mode)
    split = storefront_order(conn, mode)
    a, b = sorted(v for v in split.children if v is not None)
    give_login(cli, "a-1c", "a@vendors.example")
    vendor_a = vendor_1c(app, "a-1c")
    [order] = vendor_a.load_orders()
    [doc] = sent_documents(vendor_a)
    assert doc.findtext("{*}Ид") == str(split.children[a])
    # warehouse: vendor A's part of the order the customer placed, under its number
    assert order.site_number == ("1000" if mode == "W" else "1002")
    assert [n for n, *_ in lines_of(doc)] == ["Лампа", "Доставка заказа"]
    assert vendor_a.load_orders() == [], "confirmed by the vendor's 1C: not sent to it again"
    # the store owner's 1C is a 1C of its own: the vendor's confirmation keeps nothing from it
    loaded = owner_1c.load_orders()
    expected = ["1000"] if mode == "W" else ["1001", "1002", "1003"]
    assert sorted(o.site_number for o in loaded) == expected
    assert owner_1c.load_orders() == [] and vendor_a.load_orders() == []
    # vendor B has no login: it gets nothing
    with pytest.raises(OneCFailed):
        vendor_1c(app, "b-1c").load_orders()
    assert b not in {int(r[0]) for r in query(conn, "SELECT vendor_id FROM {own}vendor_logins")}


def test_a_vendors_1c_changes_its_own_order_only(app, cli, conn, owner_1c):
    set_setting(conn, "orders_apply", "direct")
    set_mode(conn, "S")
    split = storefront_order(conn, "S")
    a = sorted(v for v in split.children if v is not None)[0]
    give_login(cli, "a-1c", "a@vendors.example")
    vendor_a = vendor_1c(app, "a-1c")
    vendor_a.load_orders()
    owner_1c.load_orders()
    # vendor A's 1C pays its order; a document naming the owner's order is not taken from it
    vendor_a.orders["1002"].pay()
    forged = copy.deepcopy(owner_1c.orders["1001"]).pay()
    vendor_a.send_orders([vendor_a.orders["1002"], forged])
    assert statuses(conn, split.children[a]) == ("P", "N")
    assert statuses(conn, split.children[None]) == ("Q", "N"), "not the vendor's order"
    # the owner's 1C hears of the vendor's change; the vendor's 1C does not get it back
    assert [o.site_number for o in owner_1c.load_orders()] == ["1002"]
    assert vendor_a.load_orders() == []


def test_in_warehouse_mode_a_vendors_1c_sets_no_status(app, cli, conn):
    set_setting(conn, "orders_apply", "direct")
    set_mode(conn, "W")
    split = storefront_order(conn, "W")
    give_login(cli, "a-1c", "a@vendors.example")
    vendor_a = vendor_1c(app, "a-1c")
    vendor_a.load_orders()
    vendor_a.orders["1000"].pay()
    vendor_a.send_orders()
    assert {statuses(conn, o) for o in [split.parent, *split.children.values()]} == {("Q", "N")}


def test_a_wrong_vendor_password_opens_no_session(app, cli, conn):
    storefront_order(conn, "W")
    give_login(cli, "a-1c", "a@vendors.example")
    wrong = OneCClient(flask_transport(app), "a-1c", "wrong").call("sale", "checkauth")
    assert wrong.word == "failure" and "wrong login or password" in wrong.lines
    assert query(conn, "SELECT COUNT(*) FROM {own}sessions WHERE login = 'a-1c'") == [(0,)]


def test_doctor_history_and_migrations_know_the_vendors_space(app, cli, conn, owner_1c):
    set_mode(conn, "S")
    split = storefront_order(conn, "S")
    a = sorted(v for v in split.children if v is not None)[0]
    give_login(cli, "a-1c", "a@vendors.example")
    unf = OneC(flask_transport(app), "a-1c", VENDOR_PASSWORD, Node(variant="unf", cms="bitrix"))
    unf.load_orders()  # УНФ to 1С-Битрикс sends init: the exchange is in the history
    logins = [r[0] for r in query(conn, "SELECT login FROM {own}exchanges ORDER BY id")]
    assert logins == [f"a-1c (vendor {a})"]
    schema = Schema(conn, PREFIX)
    lines = [c.what for c in checks(conn, PREFIX, schema) if c.ok]
    assert lines == [f"exchange login 'a-1c' belongs to vendor {a}: its goods and its orders only"]
    # a later migration of a catalog table reaches the vendor's space; any other table's not
    with conn.cursor() as cur:
        try:
            in_every_space(cur, PREFIX, "ALTER TABLE {own}id_map ADD COLUMN probe INT NULL")
            in_every_space(cur, PREFIX, "ALTER TABLE {own}sessions ADD COLUMN probe INT NULL")
            assert column_exists(conn, f"xc1c_xc_vendor{a}_id_map", "probe")
            assert not column_exists(conn, "xc1c_xc_sessions", "probe")
        finally:
            cur.execute(f"ALTER TABLE xc1c_xc_vendor{a}_id_map DROP COLUMN IF EXISTS probe")


def column_exists(conn, table: str, column: str) -> bool:
    return (
        query(
            conn,
            "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA ="
            " DATABASE() AND TABLE_NAME = %s AND COLUMN_NAME = %s",
            table,
            column,
        )[0][0]
        == 1
    )
