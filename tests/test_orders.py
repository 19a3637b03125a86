"""Orders both ways through the HTTP exchange: the orders file 1C downloads, the two-phase
export, and the documents 1C sends back."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from conftest import (
    DATA,
    ON_EVERY_SHOP,
    REPO,
    SAMPLES,
    catalog_files,
    query,
    set_setting,
    supports,
    xc_id,
)
from lxml import etree

from sidecar.xcart.schema import Schema

XSD = REPO.parent / "shared" / "reference" / "xsd"
NS2 = "urn:1C.ru:commerceml_2"
BOOTS = "a0000000-0000-0000-0000-000000000003"
SIZE43 = f"{BOOTS}#x0000000-0000-0000-0000-000000000043"
pytestmark = ON_EVERY_SHOP


def status_id(conn, kind: str, code: str) -> int:
    return query(conn, f"SELECT id FROM {{p}}order_{kind}_statuses WHERE code = %s", code)[0][0]


def make_order(
    conn,
    *,
    order_id: int | None = None,
    number: str = "1001",
    lines=None,
    shipping=Decimal("300"),
    discount=Decimal("200"),
    payment="Q",
    ship="N",
    placed: int | None = None,
    address_fields: dict[str, str] | None = None,
) -> int:
    """An order stored the way X-Cart stores a placed order: the order, its items, surcharges,
    and the order's own copy of the customer profile with a billing address."""
    schema = Schema(conn, "xc_")
    lines = lines or []
    subtotal = sum((price * qty for _, _, _, price, qty in lines), Decimal(0))
    with conn.cursor() as cur:
        row = {
            "is_order": 1,
            "orderNumber": number,
            "date": placed or int(time.time()) - 3600,
            "total": subtotal + shipping - discount,
            "subtotal": subtotal,
            "currency_id": 643,
            "payment_status_id": status_id(conn, "payment", payment),
            "shipping_status_id": status_id(conn, "shipping", ship),
            "payment_method_name": "Наличными курьеру",
            "shipping_method_name": "Курьер",
            "notes": "Позвонить за час",
            "lastRenewDate": int(time.time()),
        }
        if order_id is not None:
            row["order_id"] = order_id
        schema.insert_rows(cur, "orders", [row])
        oid = order_id or cur.lastrowid
        schema.insert_rows(cur, "profiles", [{"order_id": oid, "login": "ivan@example.com"}])
        profile = cur.lastrowid
        cur.execute("UPDATE xc_orders SET profile_id = %s WHERE order_id = %s", (profile, oid))
        schema.insert_rows(cur, "profile_addresses", [
            {"profile_id": profile, "is_billing": 1, "is_shipping": 1, "country_code": "RU"}
        ])  # fmt: skip
        address = cur.lastrowid
        cur.execute("SELECT serviceName, id FROM xc_address_field")
        fields = dict(cur.fetchall())
        values = {"firstname": "Иван", "lastname": "Петров", "street": "ул. Ленина, 1",
                  "city": "Москва", "zipcode": "101000", "phone": "+7 495 000-00-00",
                  **(address_fields or {})}  # fmt: skip
        schema.insert_rows(cur, "address_field_value", [
            {"address_id": address, "address_field_id": fields[k], "value": v} for k, v in values.items()
        ])  # fmt: skip
        # X-Cart without XC\ProductVariants has no variant_id column: a line names the product.
        with_variants = schema.supports("order_item_variants")
        schema.insert_rows(cur, "order_items", [
            {"order_id": oid, "object_type": "product", "object_id": product,
             "name": name, "sku": "", "price": price, "itemNetPrice": price, "amount": qty,
             "subtotal": price * qty, "total": price * qty, "discountedSubtotal": price * qty,
             **({"variant_id": variant} if with_variants else {})}
            for product, variant, name, price, qty in lines
        ])  # fmt: skip
        surcharges = [
            ("shipping", "SHIPPING", "Доставка", shipping),
            ("discount", "DCOUPON", "Купон", -discount),
        ]
        schema.insert_rows(cur, "order_surcharges", [
            {"order_id": oid, "type": t, "code": c, "class": "XLite\\Logic\\Order\\Modifier\\Any",
             "name": n, "value": v, "include": 0, "available": 1}
            for t, c, n, v in surcharges if v
        ])  # fmt: skip
    conn.commit()
    return oid


@pytest.fixture
def catalog_order(onec, conn):
    """The sample catalog imported, and one order of a shirt (×2) and a pair of size-43 boots."""
    onec.send_catalog(catalog_files())
    shirt = xc_id(conn, "product", "a0000000-0000-0000-0000-000000000001")
    boots = xc_id(conn, "product", BOOTS)
    # Without variants the boots' sizes are options of the product.
    size43 = xc_id(conn, "variant", SIZE43) if supports(conn, "variants") else None
    return make_order(conn, lines=[
        (shirt, None, "Рубашка мужская льняная", Decimal("2490"), 2),
        (boots, size43, "Ботинки зимние (43)", Decimal("5400"), 1),
    ])  # fmt: skip


def sale_query(onec) -> tuple[bytes, str]:
    onec.checkauth("sale")
    onec.init("sale")
    status, body = onec.transport(
        "GET", {"type": "sale", "mode": "query"}, None, {"Cookie": onec.cookie}
    )
    assert status == 200
    return body, ""


def documents(body: bytes) -> list:
    root = etree.fromstring(body)
    return root.findall(".//{*}Документ")


def req(doc, name: str) -> str | None:
    for r in doc.findall("{*}ЗначенияРеквизитов/{*}ЗначениеРеквизита"):
        if r.findtext("{*}Наименование") == name:
            return r.findtext("{*}Значение")
    return None


def test_the_orders_file_1c_downloads(catalog_order, onec, conn):
    body, _ = sale_query(onec)
    assert body.startswith(b"<?xml"), "1C takes the reply only when it begins with <?xml: no BOM"
    assert b'encoding="UTF-8"' in body[:60]
    [doc] = documents(body)
    assert doc.findtext("{*}Ид") == str(catalog_order) and doc.findtext("{*}Номер") == "1001"
    assert doc.findtext("{*}ХозОперация") == "Заказ товара" and doc.findtext("{*}Валюта") == "RUB"
    items = doc.findall("{*}Товары/{*}Товар")
    ids = [i.findtext("{*}Ид") for i in items]
    assert ids == [
        "a0000000-0000-0000-0000-000000000001",
        SIZE43 if supports(conn, "variants") else BOOTS,
        "ORDER_DELIVERY",
    ]
    delivery = items[2]
    assert [
        r.findtext("{*}Значение")
        for r in delivery.findall("{*}ЗначенияРеквизитов/{*}ЗначениеРеквизита")
    ] == ["Услуга", "Услуга"]
    # the sums add up: items + delivery − discounts = the document's total
    lines_total = sum(Decimal(i.findtext("{*}Сумма")) for i in items)
    discounts = sum(Decimal(d.findtext("{*}Сумма")) for d in doc.findall("{*}Скидки/{*}Скидка"))
    assert lines_total - discounts == Decimal(doc.findtext("{*}Сумма")) == Decimal("10480.00")
    agent = doc.find("{*}Контрагенты/{*}Контрагент")
    assert (
        agent.findtext("{*}Наименование") == "Петров Иван"
        and agent.findtext("{*}Роль") == "Покупатель"
    )
    assert agent.find("{*}Контакты/{*}Контакт/{*}Значение").text == "ivan@example.com"
    fields = {
        f.findtext("{*}Тип"): f.findtext("{*}Значение")
        for f in agent.findall("{*}АдресРегистрации/{*}АдресноеПоле")
    }
    assert fields == {
        "Почтовый индекс": "101000",
        "Страна": "RU",
        "Город": "Москва",
        "Улица": "ул. Ленина, 1",
    }
    assert req(doc, "Метод оплаты") == "Наличными курьеру" and req(doc, "Заказ оплачен") == "false"
    assert req(doc, "Отменен") == "false" and req(doc, "Статус заказа") == "Awaiting payment / New"
    assert doc.findtext("{*}Комментарий") == "Позвонить за час"


@pytest.mark.skipif(
    not XSD.is_dir(), reason="../shared/reference/xsd is not present beside the clone"
)
@pytest.mark.parametrize(
    "version,xsd", [("2.08", "commerceml-2.08.xsd"), ("2.10", "commerceml-2.10.xsd")]
)
def test_the_orders_file_validates_against_1cs_schema(catalog_order, onec, conn, version, xsd):
    set_setting(conn, "orders_schema_version", version)
    body, _ = sale_query(onec)
    schema = etree.XMLSchema(etree.parse(str(XSD / xsd)))
    tree = etree.fromstring(body)
    assert tree.nsmap[None] == NS2 and tree.get("ВерсияСхемы") == version
    assert schema.validate(tree), schema.error_log


def test_windows_1251_and_container(catalog_order, onec, conn, app):
    set_setting(conn, "orders_encoding", "windows-1251")
    set_setting(conn, "orders_container", "Y")
    onec.checkauth("sale")
    onec.init("sale")
    client = app.test_client(use_cookies=False)
    resp = client.get("/1c_exchange.php?type=sale&mode=query", headers={"Cookie": onec.cookie})
    assert resp.headers["Content-Type"] == "application/xml; charset=windows-1251"
    assert resp.data.startswith(b'<?xml version="1.0" encoding="windows-1251"?>')
    assert "Петров".encode("cp1251") in resp.data
    root = etree.fromstring(resp.data)
    assert root.find("{*}Контейнер/{*}Документ") is not None


def test_nothing_is_lost_between_query_and_success(catalog_order, onec, conn):
    first, _ = sale_query(onec)
    again, _ = sale_query(onec)  # 1C never said success: the same orders again
    assert [d.findtext("{*}Ид") for d in documents(again)] == [
        d.findtext("{*}Ид") for d in documents(first)
    ]
    # the order changes after this query, before 1C confirms it
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_orders SET payment_status_id = %s WHERE order_id = %s",
                    (status_id(conn, "payment", "P"), catalog_order))  # fmt: skip
    conn.commit()
    assert onec.call("sale", "success").word == "success"
    changed, _ = sale_query(onec)
    assert [req(d, "Заказ оплачен") for d in documents(changed)] == ["true"], "sent again"
    assert onec.call("sale", "success").word == "success"
    empty, _ = sale_query(onec)
    assert documents(empty) == [] and etree.fromstring(empty).tag.endswith("КоммерческаяИнформация")


def test_which_orders_go_out(onec, conn):
    paid = make_order(conn, number="2001", payment="P")
    make_order(conn, number="2002", payment="Q")
    old = make_order(conn, number="2003", payment="P", placed=int(time.time()) - 400 * 86400)
    set_setting(conn, "orders_payment_statuses", "P")
    body, _ = sale_query(onec)
    assert sorted(d.findtext("{*}Ид") for d in documents(body)) == sorted([str(paid), str(old)])
    set_setting(
        conn, "orders_since", time.strftime("%Y-%m-%d", time.localtime(time.time() - 30 * 86400))
    )
    body, _ = sale_query(onec)
    assert [d.findtext("{*}Ид") for d in documents(body)] == [str(paid)]


def upload_orders(onec, name: str, data: bytes, version: str | None) -> list[str]:
    onec.checkauth("sale")
    onec.init("sale", version=version)
    reply = onec.call("sale", "file", data, filename=name)
    assert reply.word == "success", reply.lines
    if version is None:
        return reply.lines  # the old protocol applies the file inside `file`
    return onec.import_file(name, "sale").lines


def history(conn, order_id: int) -> list[tuple[str, str]]:
    return query(
        conn,
        "SELECT code, description FROM {p}order_history_events WHERE order_id = %s ORDER BY event_id",
        order_id,
    )


@pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="../shared/samples is not present beside the clone"
)
@pytest.mark.parametrize("version", [None, "2.09"], ids=["old-protocol", "new-protocol"])
def test_1c_documents_from_the_samples(onec, conn, version):
    o92, o93 = (
        make_order(conn, order_id=92, number="92"),
        make_order(conn, order_id=93, number="93"),
    )
    bystander = make_order(conn, number="3000")
    before = query(conn, "SELECT * FROM {p}orders WHERE order_id = %s", bystander)
    set_setting(conn, "status_map", "Открыт = shipping P")
    data = (SAMPLES / "irpsv__commerceml" / "off-doc-1c" / "orders.xml").read_bytes()
    lines = upload_orders(onec, "orders-1.xml", data, version)
    assert "documents: 3, orders changed: 2, unchanged: 0, unknown: 1" in lines
    assert any("order 36" in line and "not in the shop" in line for line in lines)
    details = dict(query(conn, "SELECT name, value FROM {p}order_details WHERE order_id = %s", o92))
    assert details == {"xc1c_number": "MM92", "xc1c_date": "2015-08-12", "xc1c_posted": "true"}
    assert query(
        conn, "SELECT label FROM {p}order_details WHERE order_id = %s AND name = 'xc1c_number'", o93
    ) == [("Номер в 1С",)]
    assert query(conn, "SELECT shipping_status_id FROM {p}orders WHERE order_id = %s", o92) == [
        (status_id(conn, "shipping", "P"),)
    ]
    assert history(conn, o92) == [
        ("ORDER EDITED", "1C document {{number}} of {{date}}"),
        (
            "CHANGE SHIPPING STATUS ORDER",
            "Order shipping status changed from {{oldStatus}} to {{newStatus}}",
        ),
    ]
    data_row = query(
        conn,
        "SELECT data, authorName FROM {p}order_history_events WHERE order_id = %s AND code LIKE 'CHANGE%%'",
        o92,
    )[0]
    assert data_row == (
        'a:3:{s:7:"orderId";i:92;s:9:"newStatus";s:10:"Processing";s:9:"oldStatus";s:3:"New";}',
        "1C exchange (xc1c)",
    )
    assert query(conn, "SELECT * FROM {p}orders WHERE order_id = %s", bystander) == before, (
        "touches nothing else"
    )
    # the same file again changes nothing
    lines = upload_orders(onec, "orders-2.xml", data, version)
    assert "documents: 3, orders changed: 0, unchanged: 2, unknown: 1" in lines


@pytest.mark.skipif(
    not SAMPLES.is_dir(), reason="../shared/samples is not present beside the clone"
)
def test_paid_and_delivered_per_the_official_1c_sample(onec, conn):
    order = make_order(conn, order_id=20, number="20")
    set_setting(conn, "status_map", "F = shipping D")
    data = (SAMPLES / "carono__php-commerceml" / "orders.xml").read_bytes()  # windows-1251
    lines = upload_orders(onec, "orders.xml", data, "2.05")
    assert "documents: 1, orders changed: 1, unchanged: 0, unknown: 0" in lines
    assert query(
        conn,
        "SELECT payment_status_id, shipping_status_id FROM {p}orders WHERE order_id = %s",
        order,
    ) == [(status_id(conn, "payment", "P"), status_id(conn, "shipping", "D"))]


def test_unmapped_status_is_reported_not_guessed_and_a_change_from_1c_is_not_sent_back(
    catalog_order, onec, conn
):
    sale_query(onec)
    onec.call("sale", "success")
    doc = (
        (DATA / "orders" / "from-1c.xml")
        .read_text(encoding="utf-8")
        .replace("@ID@", str(catalog_order))
    )
    lines = upload_orders(onec, "from-1c.xml", doc.encode(), "2.10")
    assert any("'Согласован'" in line and "not in status_map" in line for line in lines)
    assert query(
        conn, "SELECT payment_status_id FROM {p}orders WHERE order_id = %s", catalog_order
    ) == [(status_id(conn, "payment", "C"),)], "ПометкаУдаления cancels"
    body, _ = sale_query(onec)
    assert documents(body) == [], "1C already knows"


def test_a_broken_orders_file_fails_cleanly(onec, conn):
    make_order(conn, order_id=92, number="92")
    onec.checkauth("sale")
    onec.init("sale", version="2.10")
    onec.upload("bad.xml", "<?xml version='1.0'?><broken><Документ>".encode(), "sale")
    reply = onec.call("sale", "import", filename="bad.xml")
    reply_lines = reply.lines
    assert reply_lines[0] == "failure" and "malformed XML" in reply_lines[1]


ITEMS_FROM_1C = """<?xml version="1.0" encoding="UTF-8"?>
<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2" ВерсияСхемы="2.10" ДатаФормирования="2026-11-27T10:00:00">
<Документ><Ид>@ID@</Ид><Номер>1001</Номер><Дата>2026-11-27</Дата><ХозОперация>Заказ товара</ХозОперация>
<Роль>Продавец</Роль><Валюта>RUB</Валюта><Курс>1</Курс><Сумма>7700</Сумма>
<Товары>
<Товар><Ид>a0000000-0000-0000-0000-000000000001</Ид><Наименование>Рубашка</Наименование>
<ЦенаЗаЕдиницу>2400</ЦенаЗаЕдиницу><Количество>3</Количество><Сумма>7200</Сумма></Товар>
<Товар><Ид>ORDER_DELIVERY</Ид><Наименование>Доставка заказа</Наименование>
<ЦенаЗаЕдиницу>500</ЦенаЗаЕдиницу><Количество>1</Количество><Сумма>500</Сумма></Товар>
</Товары>
</Документ></КоммерческаяИнформация>
"""


@pytest.mark.parametrize("accept", [True, False])
def test_items_changed_in_1c_when_the_settings_allow(catalog_order, onec, conn, accept):
    set_setting(conn, "orders_accept_items", "Y" if accept else "N")
    before = query(
        conn,
        "SELECT item_id, amount, price, total FROM {p}order_items WHERE order_id = %s ORDER BY item_id",
        catalog_order,
    )
    doc = ITEMS_FROM_1C.replace("@ID@", str(catalog_order)).encode()
    lines = upload_orders(onec, "items.xml", doc, "2.10")
    items = query(
        conn,
        "SELECT name, amount, price, total FROM {p}order_items WHERE order_id = %s ORDER BY item_id",
        catalog_order,
    )
    totals = query(conn, "SELECT subtotal, total FROM {p}orders WHERE order_id = %s", catalog_order)
    if not accept:
        assert "documents: 1, orders changed: 0, unchanged: 1, unknown: 0" in lines
        assert (
            query(
                conn,
                "SELECT item_id, amount, price, total FROM {p}order_items WHERE order_id = %s ORDER BY item_id",
                catalog_order,
            )
            == before
        )
        return
    assert items == [("Рубашка мужская льняная", 3, Decimal("2400"), Decimal("7200"))], (
        "boots removed"
    )
    # subtotal = items; total = subtotal + delivery 500 − coupon 200, as X-Cart computes it
    assert totals == [(Decimal("7200"), Decimal("7500"))]
    assert ("ORDER EDITED", "Items changed in 1C") in history(conn, catalog_order)


def test_markup_and_control_characters_in_an_order_stay_valid_xml(onec, conn):
    """A customer's note is free text: it must neither break the file nor inject elements."""
    oid = make_order(conn, lines=[(None, None, 'Кабель <HDMI> & "адаптер"', Decimal("10"), 1)])
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE xc_orders SET notes = %s WHERE order_id = %s",
            ("</Комментарий><Сумма>0</Сумма>\x00\x07 ок & ладно", oid),
        )
    conn.commit()
    for encoding in ("utf-8", "windows-1251"):
        set_setting(conn, "orders_encoding", encoding)
        body, _ = sale_query(onec)
        (doc,) = documents(body)
        assert doc.findtext("{*}Комментарий") == "</Комментарий><Сумма>0</Сумма> ок & ладно"
        assert doc.findtext("{*}Товары/{*}Товар/{*}Наименование") == 'Кабель <HDMI> & "адаптер"'
        assert len(doc.findall("{*}Сумма")) == 1


def shop_product(conn, name: str, price: Decimal) -> int:
    """A product the admin created in X-Cart: it has no 1C Ид."""
    schema = Schema(conn, "xc_")
    with conn.cursor() as cur:
        schema.insert_rows(cur, "products", [{"sku": "SHOP-1", "price": price, "amount": 10}])
        pid = cur.lastrowid
        schema.insert_rows(cur, "product_translations", [{"id": pid, "code": "en", "name": name}])
    conn.commit()
    return pid


def items_document(
    order_id: int, lines: list[tuple[str, str, int, int]], number: str = "1001"
) -> bytes:
    """1C's document for an order (its number and id) with the given (Ид, name, price,
    quantity) lines."""
    goods = "".join(
        f"<Товар><Ид>{i}</Ид><Наименование>{n}</Наименование><ЦенаЗаЕдиницу>{p}</ЦенаЗаЕдиницу>"
        f"<Количество>{q}</Количество><Сумма>{p * q}</Сумма></Товар>"
        for i, n, p, q in lines
    )
    return (
        ITEMS_FROM_1C.replace("@ID@", str(order_id))
        .replace("<Номер>1001<", f"<Номер>{number}<")
        .split("<Товары>")[0]
        .__add__(f"<Товары>{goods}</Товары></Документ></КоммерческаяИнформация>")
        .encode()
    )


def test_the_shops_own_goods_carry_a_stable_id_that_1c_can_send_back(catalog_order, onec, conn):
    set_setting(conn, "orders_accept_items", "Y")
    mug = shop_product(conn, "Кружка магазина", Decimal("300"))
    shirt = xc_id(conn, "product", "a0000000-0000-0000-0000-000000000001")
    order = make_order(conn, number="4001", lines=[
        (shirt, None, "Рубашка мужская льняная", Decimal("2490"), 1),
        (mug, None, "Кружка магазина", Decimal("300"), 2),
    ])  # fmt: skip
    body, _ = sale_query(onec)
    (doc,) = [d for d in documents(body) if d.findtext("{*}Ид") == str(order)]
    ids = [i.findtext("{*}Ид") for i in doc.findall("{*}Товары/{*}Товар")]
    assert ids[:2] == ["a0000000-0000-0000-0000-000000000001", f"xc-product-{mug}"]
    assert onec.call("sale", "success").word == "success"
    # 1C sends the order back with one more mug: the shop's line keeps its product
    lines = upload_orders(onec, "back.xml", items_document(order, [
        ("a0000000-0000-0000-0000-000000000001", "Рубашка", 2490, 1),
        (f"xc-product-{mug}", "Кружка", 300, 3),
    ], number="4001"), "2.10")  # fmt: skip
    assert "documents: 1, orders changed: 1, unchanged: 0, unknown: 0" in lines
    assert query(
        conn, "SELECT object_id, amount FROM {p}order_items WHERE order_id = %s ORDER BY item_id",
        order,
    ) == [(shirt, 1), (mug, 3)]  # fmt: skip
    again, _ = sale_query(onec)
    assert documents(again) == [], "changed by 1C itself: 1C already knows it"


def test_a_line_that_matches_nothing_leaves_the_items_as_they_were(catalog_order, onec, conn):
    set_setting(conn, "orders_accept_items", "Y")
    before = query(
        conn, "SELECT item_id, object_id, amount, price FROM {p}order_items WHERE order_id = %s",
        catalog_order,
    )  # fmt: skip
    for unknown in ("", "f0000000-0000-0000-0000-00000000dead", "xc-product-999999"):
        lines = upload_orders(onec, "unknown.xml", items_document(catalog_order, [
            ("a0000000-0000-0000-0000-000000000001", "Рубашка", 2490, 5),
            (unknown, "Неизвестный товар", 100, 1),
        ]), "2.10")  # fmt: skip
        assert any("match no product of the shop" in line for line in lines), lines
        assert query(
            conn, "SELECT item_id, object_id, amount, price FROM {p}order_items WHERE order_id = %s",
            catalog_order,
        ) == before, "no line replaced, none without a product"  # fmt: skip


def custom_address_fields(conn, *names: str) -> None:
    """Address fields an admin adds in X-Cart (Settings → Address fields), e.g. ИНН."""
    schema = Schema(conn, "xc_")
    with conn.cursor() as cur:
        for name in names:
            cur.execute("SELECT COUNT(*) FROM xc_address_field WHERE serviceName = %s", (name,))
            if cur.fetchone()[0]:
                continue
            schema.insert_rows(cur, "address_field", [{
                "serviceName": name, "schemaClass": "XLite\\View\\FormField\\Input\\Text",
                "additional": 1, "required": 0, "enabled": 1, "position": 500,
            }])  # fmt: skip
            schema.insert_rows(cur, "address_field_translation",
                               [{"id": cur.lastrowid, "code": "en", "name": name.upper()}])  # fmt: skip
    conn.commit()


REQUISITES = (
    "ИНН покупателя = billing.inn\nКупон = order.coupons\nТрек-номер = order.tracking\n"
    "Комментарий менеджера = order.admin_notes\nДоставка = surcharge.shipping\n"
    "Отдел = billing.department\nПочта = profile.login"
)


@pytest.mark.parametrize("version", ["2.08", "2.10"])
def test_the_shops_extra_requisites_and_a_company_go_to_1c(onec, conn, version):
    custom_address_fields(conn, "company", "inn", "kpp", "department")
    set_setting(conn, "orders_requisites", REQUISITES)
    set_setting(conn, "orders_schema_version", version)
    company = make_order(conn, number="5001", address_fields={
        "company": "ООО «Ромашка»", "inn": "7701234567", "kpp": "770101001"})  # fmt: skip
    person = make_order(conn, number="5002")
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_orders SET adminNotes = 'Позвонить бухгалтеру' WHERE order_id = %s",
                    (company,))  # fmt: skip
        cur.execute("INSERT INTO xc_order_tracking_number (order_id, value, creationDate)"
                    " VALUES (%s, 'RA123456789RU', 0), (%s, 'RB987', 0)", (company, company))  # fmt: skip
        if supports(conn, "coupons"):
            cur.execute("INSERT INTO xc_order_coupons (order_id, code, value, type)"
                        " VALUES (%s, 'WINTER10', 200, '$')", (company,))  # fmt: skip
    conn.commit()
    body, _ = sale_query(onec)
    docs = {d.findtext("{*}Ид"): d for d in documents(body)}
    doc = docs[str(company)]
    assert req(doc, "ИНН покупателя") == "7701234567"
    assert req(doc, "Трек-номер") == "RA123456789RU, RB987"
    assert req(doc, "Комментарий менеджера") == "Позвонить бухгалтеру"
    assert req(doc, "Доставка") == "300.00" and req(doc, "Почта") == "ivan@example.com"
    assert req(doc, "Купон") == ("WINTER10" if supports(conn, "coupons") else None)
    assert req(doc, "Отдел") is None, "a requisite the order has no value for is left out"
    agent = doc.find("{*}Контрагенты/{*}Контрагент")
    assert agent.findtext("{*}ОфициальноеНаименование") == "ООО «Ромашка»"
    assert agent.findtext("{*}Наименование") == "ООО «Ромашка»"
    assert (agent.findtext("{*}ИНН"), agent.findtext("{*}КПП")) == ("7701234567", "770101001")
    assert agent.find("{*}ЮридическийАдрес/{*}АдресноеПоле") is not None
    assert agent.find("{*}ПолноеНаименование") is None
    individual = docs[str(person)].find("{*}Контрагенты/{*}Контрагент")
    assert individual.findtext("{*}ПолноеНаименование") == "Петров Иван"
    assert individual.find("{*}ИНН") is None
    for name in ("ИНН покупателя", "Трек-номер", "Купон", "Комментарий менеджера"):
        assert req(docs[str(person)], name) is None
    if XSD.is_dir():
        xsd = etree.XMLSchema(etree.parse(str(XSD / f"commerceml-{version}.xsd")))
        assert xsd.validate(etree.fromstring(body)), xsd.error_log


def test_what_paid_means_is_the_same_both_ways(onec, conn):
    """A shop whose «paid» is Authorized: 1C's payment sets A, and an order in A goes to 1C as
    paid, so the next query does not tell 1C its paid order is unpaid."""
    set_setting(conn, "status_paid", "A")
    set_setting(conn, "status_cancelled", "R")
    authorized = make_order(conn, number="3001", payment="A")
    refunded = make_order(conn, number="3002", payment="R")
    waiting = make_order(conn, number="3003", payment="Q")
    body, _ = sale_query(onec)
    sent = {d.findtext("{*}Номер"): d for d in documents(body)}
    assert [req(sent[n], "Заказ оплачен") for n in ("3001", "3002", "3003")] == [
        "true", "false", "false"
    ]  # fmt: skip
    assert [req(sent[n], "Отменен") for n in ("3001", "3002", "3003")] == [
        "false", "true", "false"
    ]  # fmt: skip
    assert req(sent["3002"], "Финальный статус") == "true"
    assert {authorized, refunded, waiting} == {int(d.findtext("{*}Ид")) for d in sent.values()}
