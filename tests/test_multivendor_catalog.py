"""The catalog of a multi-vendor shop, with 1C's own client: what the store owner's 1C sends is
the owner's (vendor NULL); each vendor's own 1C imports into that vendor's goods only, in a
space of its own (Id map, offers, properties), so two 1C bases with the same Ид make two
products, and an overwrite-mode export of one vendor removes nothing of the other's or the
owner's. Linking never takes another seller's product."""

from __future__ import annotations

import copy

import pytest
from conftest import PASSWORD, catalog_files, flask_transport, query, set_setting
from onec import Node, OneC
from test_multivendor_orders import vendor
from test_multivendor_vendors import VENDOR_PASSWORD, give_login

pytestmark = pytest.mark.parametrize("database", ["multivendor"], indirect=True, scope="session")
SHIRT = "a0000000-0000-0000-0000-000000000001"
DRESS = "a0000000-0000-0000-0000-000000000002"


def one_c(app, login: str, password: str) -> OneC:
    return OneC(flask_transport(app), login, password, copy.deepcopy(Node(portion=2)))


def without(files: list[tuple[str, bytes]], ext_id: str) -> list[tuple[str, bytes]]:
    """The export with one product (and its offer) left out, as 1C exports it once that
    product is gone from 1C."""
    out = []
    for name, data in files:
        if name.endswith(".xml"):
            text = data.decode()
            for tag in ("Товар", "Предложение"):
                start = text.find(f"<{tag}>\n\t\t\t\t<Ид>{ext_id}")
                if start >= 0:
                    end = text.index(f"</{tag}>", start) + len(f"</{tag}>")
                    text = text[:start] + text[end:]
            data = text.encode()
        out.append((name, data))
    return out


def goods(conn, ext_id: str) -> dict[int | None, int]:
    """Who holds a product of this 1C Ид: seller (None: the store owner) → product id."""
    rows = query(conn, "SELECT m.xc_id, p.vendor_id FROM {own}id_map m"
                 " JOIN {p}products p ON p.product_id = m.xc_id"
                 " WHERE m.kind = 'product' AND m.ext_id = %s", ext_id)  # fmt: skip
    for table in query(conn, "SHOW TABLES LIKE 'xc1c\\_xc\\_vendor%%\\_id\\_map'"):
        rows += query(conn, f"SELECT m.xc_id, p.vendor_id FROM {table[0]} m"
                      " JOIN {p}products p ON p.product_id = m.xc_id"
                      " WHERE m.kind = 'product' AND m.ext_id = %s", ext_id)  # fmt: skip
    return {seller: pid for pid, seller in rows}


@pytest.fixture
def sellers(app, cli, conn):
    """The store owner's 1C and two vendors' own 1C, each exchanging the same sample export
    (so every Ид of theirs collides)."""
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    a = vendor(conn, "a@vendors.example", "Vendor A")
    b = vendor(conn, "b@vendors.example", "Vendor B")
    give_login(cli, "a-1c", "a@vendors.example")
    give_login(cli, "b-1c", "b@vendors.example")
    clients = {
        None: one_c(app, "1c", PASSWORD),
        a: one_c(app, "a-1c", VENDOR_PASSWORD),
        b: one_c(app, "b-1c", VENDOR_PASSWORD),
    }
    for client in clients.values():
        assert all(s.ok for s in client.send_catalog(catalog_files()))
    return clients


def test_the_same_1c_id_from_three_sellers_makes_three_products(sellers, conn):
    a, b = sorted(v for v in sellers if v is not None)
    shirts = goods(conn, SHIRT)
    assert set(shirts) == {None, a, b}, "the owner's, vendor A's and vendor B's own"
    assert len(set(shirts.values())) == 3
    # each seller's goods carry its prices and stock, from its own offers
    for pid in shirts.values():
        assert query(conn, "SELECT price > 0, amount FROM {p}products WHERE product_id = %s",
                     pid) == query(conn, "SELECT price > 0, amount FROM {p}products"
                                   " WHERE product_id = %s", shirts[None])  # fmt: skip
    per_seller = query(conn, "SELECT vendor_id, COUNT(*) FROM {p}products GROUP BY vendor_id"
                       " ORDER BY vendor_id IS NOT NULL, vendor_id")  # fmt: skip
    owner_count = per_seller[0][1]
    assert per_seller == [(None, owner_count), (a, owner_count), (b, owner_count)]
    # the SKU stays unique in the shop as X-Cart keeps it: linking took no other seller's
    skus = query(conn, "SELECT sku FROM {p}products WHERE sku IS NOT NULL AND sku <> ''")
    assert len(skus) == len(set(skus))
    # a vendor's goods are its own in X-Cart's other tables too: none of its clean URLs
    # claims to be a vendor's page (clean_urls.vendor_id is XC\MultiVendor's vendor page)
    assert query(conn, "SELECT COUNT(*) FROM {p}clean_urls WHERE vendor_id IS NOT NULL") == [(0,)]


def test_an_overwrite_export_of_one_vendor_removes_only_that_vendors_goods(sellers, conn):
    a, b = sorted(v for v in sellers if v is not None)
    before = goods(conn, DRESS)
    assert set(before) == {None, a, b}
    assert all(s.ok for s in sellers[a].send_catalog(without(catalog_files(), DRESS)))
    after = goods(conn, DRESS)
    assert after == {None: before[None], b: before[b]}, "vendor A's dress only is gone"
    assert query(conn, "SELECT COUNT(*) FROM {p}products WHERE product_id = %s", before[a]) == [
        (0,)
    ]
    assert set(goods(conn, SHIRT)) == {None, a, b}
    # the store owner's overwrite export removes none of the vendors' goods either
    assert all(s.ok for s in sellers[None].send_catalog(without(catalog_files(), SHIRT)))
    assert set(goods(conn, SHIRT)) == {a, b}
    assert set(goods(conn, DRESS)) == {None, b}


def test_a_vendors_1c_gets_its_own_ids_in_its_orders(sellers, conn):
    """The orders file of a vendor's 1C names its goods by that 1C's Ид."""
    from test_multivendor_orders import set_mode
    from test_orders import make_order

    a = sorted(v for v in sellers if v is not None)[0]
    set_mode(conn, "S")
    set_setting(conn, "orders_apply", "direct")
    shirt = goods(conn, SHIRT)[a]
    order = make_order(conn, number="3001", lines=[(shirt, None, "Рубашка", 2490, 1)])
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_orders SET vendor_id = %s WHERE order_id = %s", (a, order))
    conn.commit()
    [loaded] = sellers[a].load_orders()
    assert loaded.lines[0].id == SHIRT
