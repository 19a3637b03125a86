"""Orders of a multi-vendor shop (XC\\MultiVendor) both ways, with 1C's own client: a cart with
goods of the store owner and two vendors, split as X-Cart splits it (a parent and one child per
vendor, the items and surcharges under the children), goes to 1C whole in warehouse mode and as
one document per vendor in separate-shops mode; 1C's paid, shipped and cancelled reach the
parent and every child, with the history X-Cart writes for each."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from decimal import Decimal

import pytest
from conftest import PASSWORD, REPO, flask_transport, query, set_setting
from lxml import etree
from onec import Node, OneC
from test_onec_orders import statuses
from test_orders import history, make_order, shop_product

from sidecar.xcart.schema import Schema

XSD = REPO.parent / "shared" / "reference" / "xsd"
pytestmark = pytest.mark.parametrize("database", ["multivendor"], indirect=True, scope="session")


@pytest.fixture(params=["bed", "unf"])
def onec(request, app, conn) -> OneC:
    set_setting(conn, "orders_apply", "direct")
    node = Node() if request.param == "bed" else Node(variant="unf", cms="bitrix")
    return OneC(flask_transport(app), "1c", PASSWORD, copy.deepcopy(node))


def set_mode(conn, mode: str) -> None:
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE xc_config SET value = %s WHERE category = 'XC\\\\MultiVendor'"
            " AND name = 'multivendor_mode'",
            (mode,),
        )
        assert cur.rowcount in (0, 1)
    conn.commit()
    with conn.cursor() as cur:
        assert Schema(conn, "xc_").multivendor_mode(cur) == mode


def vendor(conn, login: str, company: str) -> int:
    """A vendor as XC\\MultiVendor keeps one: a profile and its vendor row."""
    schema = Schema(conn, "xc_")
    with conn.cursor() as cur:
        schema.insert_rows(cur, "profiles", [{"login": login, "access_level": 100}])
        profile = cur.lastrowid
        schema.insert_rows(cur, "vendor", [{"profile_id": profile}])
        schema.insert_rows(
            cur,
            "vendor_translations",
            [{"id": cur.lastrowid, "code": "en", "companyName": company}],
        )
    conn.commit()
    return profile


@dataclass
class Split:
    parent: int
    children: dict[int | None, int]  # vendor (None: the store owner) → child order


def storefront_order(conn, mode: str) -> Split:
    """One checkout with a shirt of the store owner's, a lamp of vendor A and two mugs of
    vendor B, stored as X-Cart's checkout stores it: the parent and a child per vendor, each
    child with its lines, its delivery, its vendor on the lines, the parent's totals the
    children's sums. Warehouse mode numbers the parent only, separate-shops mode the
    children only."""
    a, b = vendor(conn, "a@vendors.example", "Vendor A"), vendor(conn, "b@vendors.example", "B")
    goods = {
        None: [("Рубашка", Decimal("2490"), 1)],
        a: [("Лампа", Decimal("1500"), 1)],
        b: [("Кружка", Decimal("300"), 2)],
    }
    warehouse = mode == "W"
    children = {}
    for n, (owner, lines) in enumerate(goods.items(), 1):
        rows = [(shop_product(conn, name, price), None, name, price, qty)
                for name, price, qty in lines]  # fmt: skip
        children[owner] = make_order(
            conn, number=None if warehouse else f"100{n}", lines=rows,
            shipping=Decimal("100"), discount=Decimal("0"),
        )  # fmt: skip
        with conn.cursor() as cur:
            cur.execute("UPDATE xc_products SET vendor_id = %s WHERE product_id = %s",
                        (owner, rows[0][0]))  # fmt: skip
            cur.execute("UPDATE xc_order_items SET vendor_id = %s WHERE order_id = %s",
                        (owner, children[owner]))  # fmt: skip
    parent = make_order(
        conn, number="1000" if warehouse else None, lines=[], shipping=Decimal(0),
        discount=Decimal(0),
    )  # fmt: skip
    with conn.cursor() as cur:
        for owner, child in children.items():
            cur.execute("UPDATE xc_orders SET parent_id = %s, vendor_id = %s WHERE order_id = %s",
                        (parent, owner, child))  # fmt: skip
        cur.execute(
            "UPDATE xc_orders p SET p.subtotal = (SELECT SUM(subtotal) FROM xc_orders c"
            " WHERE c.parent_id = p.order_id), p.total = (SELECT SUM(total) FROM xc_orders c"
            " WHERE c.parent_id = p.order_id) WHERE p.order_id = %s",
            (parent,),
        )
    conn.commit()
    return Split(parent, children)


def sent_documents(onec: OneC) -> list:
    body = next(c.body for c in reversed(onec.calls) if c.query["mode"] == "query")
    return etree.fromstring(body).findall(".//{*}Документ")


def lines_of(doc) -> list[tuple[str, Decimal, Decimal]]:
    return [
        (g.findtext("{*}Наименование"), Decimal(g.findtext("{*}Количество")),
         Decimal(g.findtext("{*}Сумма")))
        for g in doc.findall("{*}Товары/{*}Товар")
    ]  # fmt: skip


def total(doc) -> Decimal:
    return Decimal(doc.findtext("{*}Сумма"))


def validate(onec: OneC, conn) -> None:
    """The file 1C took is valid against 1C's 2.08 and 2.10 schemas."""
    for version in ("2.08", "2.10"):
        set_setting(conn, "orders_schema_version", version)
        onec.checkauth("sale")
        reply = onec._get("sale", "query")
        assert reply.startswith("<?xml")
        xsd = etree.XMLSchema(etree.parse(str(XSD / f"commerceml-{version}.xsd")))
        tree = etree.fromstring(onec.calls[-1].body)
        assert tree.get("ВерсияСхемы") == version
        assert xsd.validate(tree), xsd.error_log


def test_warehouse_mode_the_numbered_parent_goes_whole(onec, conn):
    set_mode(conn, "W")
    split = storefront_order(conn, "W")
    loaded = onec.load_orders()
    assert [o.site_number for o in loaded] == ["1000"], "one order: the parent, never a child"
    [doc] = sent_documents(onec)
    assert doc.findtext("{*}Ид") == str(split.parent)
    assert lines_of(doc) == [
        ("Рубашка", Decimal(1), Decimal("2490.00")),
        ("Лампа", Decimal(1), Decimal("1500.00")),
        ("Кружка", Decimal(2), Decimal("600.00")),
        ("Доставка заказа", Decimal(1), Decimal("300.00")),  # the three children's deliveries
    ]
    assert total(doc) == Decimal("4890.00") == sum(s for *_, s in lines_of(doc))
    assert onec.load_orders() == [], "confirmed: not sent again"
    if XSD.is_dir():
        with conn.cursor() as cur:  # what was confirmed is sent again only for the schema check
            cur.execute("DELETE FROM xc1c_xc_order_exports")
        conn.commit()
        validate(onec, conn)


def test_separate_shops_mode_one_document_per_vendor(onec, conn):
    set_mode(conn, "S")
    split = storefront_order(conn, "S")
    loaded = onec.load_orders()
    assert sorted(o.site_number for o in loaded) == ["1001", "1002", "1003"]
    docs = {d.findtext("{*}Номер"): d for d in sent_documents(onec)}
    assert docs["1001"].findtext("{*}Ид") == str(split.children[None])
    assert [n for n, *_ in lines_of(docs["1001"])] == ["Рубашка", "Доставка заказа"]
    assert [n for n, *_ in lines_of(docs["1002"])] == ["Лампа", "Доставка заказа"]
    assert lines_of(docs["1003"])[0] == ("Кружка", Decimal(2), Decimal("600.00"))
    assert [total(docs[n]) for n in ("1001", "1002", "1003")] == [
        Decimal("2590.00"), Decimal("1600.00"), Decimal("700.00"),
    ]  # fmt: skip
    assert onec.load_orders() == []
    if XSD.is_dir():
        with conn.cursor() as cur:
            cur.execute("DELETE FROM xc1c_xc_order_exports")
        conn.commit()
        validate(onec, conn)


def test_a_split_order_without_lines_is_never_sent(onec, conn):
    set_mode(conn, "W")
    parent = make_order(conn, number="2000", lines=[], shipping=Decimal(0), discount=Decimal(0))
    child = make_order(conn, number=None, lines=[], shipping=Decimal(0), discount=Decimal(0))
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_orders SET parent_id = %s WHERE order_id = %s", (parent, child))
    conn.commit()
    assert onec.load_orders() == [], "its children hold no line: it would reach 1C empty"


def test_1cs_paid_shipped_cancelled_reach_the_parent_and_every_child(onec, conn):
    set_mode(conn, "W")
    split = storefront_order(conn, "W")
    onec.load_orders()
    onec.orders["1000"].pay().ship()
    onec.send_orders()
    everyone = [split.parent, *split.children.values()]
    assert [statuses(conn, o) for o in everyone] == [("P", "S")] * 4
    for order in everyone:
        codes = [code for code, _ in history(conn, order)]
        assert "CHANGE PAYMENT STATUS ORDER" in codes and "CHANGE SHIPPING STATUS ORDER" in codes
        data = query(conn, "SELECT data FROM {p}order_history_events WHERE order_id = %s"
                     " AND code = 'CHANGE PAYMENT STATUS ORDER'", order)  # fmt: skip
        assert data == [(f'a:3:{{s:7:"orderId";i:{order};s:9:"newStatus";s:4:"Paid";'
                         's:9:"oldStatus";s:16:"Awaiting payment";}',)]  # fmt: skip
    onec.orders["1000"].cancel()
    onec.send_orders()
    assert {statuses(conn, o)[0] for o in everyone} == {"C"}
    # the same documents again change nothing, on the parent or on a child
    before = [len(history(conn, o)) for o in everyone]
    onec.send_orders()
    assert [len(history(conn, o)) for o in everyone] == before


def test_separate_shops_a_vendors_order_changes_alone(onec, conn):
    set_mode(conn, "S")
    split = storefront_order(conn, "S")
    onec.load_orders()
    onec.orders["1002"].pay()
    onec.send_orders([onec.orders["1002"]])
    vendor_a = sorted(v for v in split.children if v is not None)[0]
    assert statuses(conn, split.children[vendor_a]) == ("P", "N")
    assert statuses(conn, split.children[None]) == ("Q", "N")
    assert statuses(conn, split.parent) == ("Q", "N"), "a child's status does not go up"


def test_items_of_a_split_order_are_not_changed_from_1c(onec, conn):
    set_mode(conn, "W")
    set_setting(conn, "orders_accept_items", "1")
    split = storefront_order(conn, "W")
    items = query(conn, "SELECT item_id, order_id, amount FROM {p}order_items ORDER BY item_id")
    onec.load_orders()
    onec.orders["1000"].lines.pop()
    onec.send_orders()
    assert query(conn, "SELECT item_id, order_id, amount FROM {p}order_items ORDER BY item_id") == (
        items
    )
    replies = " ".join(
        c.body.decode() for c in onec.calls if c.query.get("mode") in ("file", "import")
    )
    assert f"order {split.parent}: a multi-vendor order split among vendors" in replies
