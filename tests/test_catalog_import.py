"""The first catalog import, end to end through the HTTP protocol, checked in X-Cart's tables."""

from __future__ import annotations

from decimal import Decimal

from conftest import (
    ON_EVERY_SHOP,
    assert_nested_set_valid,
    catalog_files,
    query,
    set_setting,
    xc_id,
)
from lxml import etree

pytestmark = ON_EVERY_SHOP


def product(conn, ext: str) -> dict:
    pid = xc_id(conn, "product", "a0000000-0000-0000-0000-00000000000" + ext)
    cols = [
        "product_id",
        "sku",
        "price",
        "amount",
        "weight",
        "enabled",
        "needProcess",
        "inventoryEnabled",
        "entityVersion",
        "date",
        "updateDate",
        "arrivalDate",
    ]
    row = query(conn, f"SELECT {', '.join(cols)} FROM {{p}}products WHERE product_id = %s", pid)[0]
    return dict(zip(cols, row, strict=True))


def test_groups_become_a_category_tree(onec, conn):
    onec.send_catalog(catalog_files())
    names = dict(
        query(
            conn,
            "SELECT t.name, c.depth FROM {p}categories c JOIN {p}category_translations t"
            " ON t.id = c.category_id AND t.code = 'en' WHERE c.category_id <> 1",
        )
    )
    assert names == {"Одежда": 0, "Мужская одежда": 1, "Женская одежда": 1, "Платья": 2, "Обувь": 0}
    dresses = xc_id(conn, "category", "g0000000-0000-0000-0000-000000000121")
    women = xc_id(conn, "category", "g0000000-0000-0000-0000-000000000012")
    assert query(conn, "SELECT parent_id FROM {p}categories WHERE category_id = %s", dresses) == [
        (women,)
    ]
    assert_nested_set_valid(conn)
    # one translation per enabled language, and the quick flags X-Cart keeps per category
    assert query(conn, "SELECT COUNT(*) FROM {p}category_translations WHERE id = %s", dresses) == [
        (2,)
    ]
    clothes = xc_id(conn, "category", "g0000000-0000-0000-0000-000000000001")
    assert query(
        conn,
        "SELECT subcategories_count_all, subcategories_count_enabled"
        " FROM {p}category_quick_flags WHERE category_id = %s",
        clothes,
    ) == [(2, 2)]


def test_products_with_translations_links_and_x_cart_derived_data(onec, conn):
    onec.send_catalog(catalog_files())
    shirt = product(conn, "1")
    assert shirt["sku"] == "SH-001"
    assert shirt["weight"] == Decimal("1.1023")  # 0.5 kg in the shop's unit (lbs)
    assert shirt["enabled"] == 1 and shirt["inventoryEnabled"] == 1
    assert shirt["needProcess"] == 0, "quick data written, as X-Cart's import leaves it"
    assert len(shirt["entityVersion"]) == 36
    assert shirt["date"] > 0 and shirt["updateDate"] > 0 and shirt["arrivalDate"] > 0
    translations = query(
        conn,
        "SELECT code, name, description FROM {p}product_translations WHERE id = %s ORDER BY code",
        shirt["product_id"],
    )
    assert [t[0] for t in translations] == ["en", "ru"]
    assert translations[0][1] == "Рубашка мужская льняная"
    # plain text becomes HTML that keeps its line break and escapes its < and &
    assert translations[0][2] == "Лён 100%.<br />\nРазмеры: 48 &lt; 56 &amp; больше."
    dress = product(conn, "2")
    assert query(
        conn,
        "SELECT description FROM {p}product_translations WHERE id = %s AND code = 'en'",
        dress["product_id"],
    ) == [("<p>Лёгкое <b>летнее</b> платье</p>",)]
    links = query(
        conn,
        "SELECT category_id, orderbyInProduct FROM {p}category_products WHERE product_id = %s"
        " ORDER BY orderbyInProduct",
        dress["product_id"],
    )
    assert links == [
        (xc_id(conn, "category", "g0000000-0000-0000-0000-000000000121"), 0),  # main category
        (xc_id(conn, "category", "g0000000-0000-0000-0000-000000000012"), 1),
    ]
    # quick data: one row per membership plus the guests' row, at the product price
    rows = query(
        conn,
        "SELECT membership_id, price FROM {p}quick_data WHERE product_id = %s"
        " ORDER BY membership_id",
        shirt["product_id"],
    )
    members = query(conn, "SELECT membership_id FROM {p}memberships")
    assert len(rows) == len(members) + 1 and rows[0][0] is None
    assert {r[1] for r in rows} == {Decimal("2490.0000")}
    versions = {r[0] for r in query(conn, "SELECT entityType FROM {p}entity_type_versions")}
    assert {
        "XLite\\Model\\Product",
        "XLite\\Model\\Category",
        "XLite\\Model\\QuickData",
    } <= versions


def test_deleted_and_overlong_sku_products(onec, conn):
    replies = onec.send_catalog(catalog_files())
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)], (
        "the deleted one is not created"
    )
    sneakers = product(conn, "4")
    assert sneakers["sku"] is None
    assert any("longer than X-Cart's 32" in line for line in replies[0].lines)


def test_prices_of_the_first_price_type_and_stock(onec, conn):
    onec.send_catalog(catalog_files())
    assert (product(conn, "1")["price"], product(conn, "1")["amount"]) == (Decimal("2490"), 12)
    # no total: the sum over warehouses, fractions dropped (X-Cart's amount is an integer)
    assert (product(conn, "2")["price"], product(conn, "2")["amount"]) == (Decimal("3990"), 7)
    # sold only through characteristics: lowest price, total stock
    assert (product(conn, "3")["price"], product(conn, "3")["amount"]) == (Decimal("5400"), 7)
    # negative stock in 1C is no stock in the shop
    assert product(conn, "4")["amount"] == 0


def test_price_type_chosen_by_name_or_id(onec, conn):
    set_setting(conn, "price_type", "оптовая")
    onec.send_catalog(catalog_files())
    assert product(conn, "1")["price"] == Decimal("1990.5")
    set_setting(conn, "price_type", "t0000000-0000-0000-0000-000000000001")
    onec.send_catalog(catalog_files())
    assert product(conn, "1")["price"] == Decimal("2490")
    assert query(
        conn,
        "SELECT DISTINCT price FROM {p}quick_data WHERE product_id = %s",
        product(conn, "1")["product_id"],
    ) == [(Decimal("2490"),)]


def test_unknown_price_type_is_reported(onec, conn):
    set_setting(conn, "price_type", "Закупочная")
    replies = onec.send_catalog(catalog_files())
    assert any("no price of the chosen price type" in line for line in replies[1].lines)
    assert product(conn, "1")["price"] == 0


def test_quick_data_follows_the_price_and_is_left_alone_when_only_stock_changes(onec, conn):
    """A rests-style exchange changes no price: the storefront's quick data stays as it is
    (its rows are not rewritten); a new price reaches it."""
    onec.send_catalog(catalog_files())
    offers = dict(catalog_files())["offers.xml"].decode("utf-8")
    pid = product(conn, "1")["product_id"]
    sql = "SELECT id, price FROM {p}quick_data WHERE product_id = %s ORDER BY id"
    before = query(conn, sql, pid)
    assert before and {price for _, price in before} == {Decimal("2490")}

    onec.send_catalog(
        [("offers.xml", offers.replace("<Количество>12<", "<Количество>9<", 1).encode())]
    )
    assert product(conn, "1")["amount"] == 9
    assert query(conn, sql, pid) == before

    repriced = offers.replace("<ЦенаЗаЕдиницу>2490<", "<ЦенаЗаЕдиницу>2590<", 1)
    onec.send_catalog([("offers.xml", repriced.encode())])
    assert {price for _, price in query(conn, sql, pid)} == {Decimal("2590")}


SNAPSHOT = {
    "products": "SELECT * FROM {p}products ORDER BY product_id",
    "product_translations": "SELECT * FROM {p}product_translations ORDER BY label_id",
    "categories": "SELECT * FROM {p}categories ORDER BY category_id",
    "category_translations": "SELECT * FROM {p}category_translations ORDER BY label_id",
    "category_products": "SELECT * FROM {p}category_products ORDER BY id",
    "quick_data": "SELECT product_id, membership_id, price FROM {p}quick_data"
    " ORDER BY product_id, membership_id",
}


def test_running_the_same_exchange_again_changes_nothing(onec, conn):
    onec.send_catalog(catalog_files())
    before = {k: query(conn, sql) for k, sql in SNAPSHOT.items()}
    replies = onec.send_catalog(catalog_files())
    after = {k: query(conn, sql) for k, sql in SNAPSHOT.items()}
    assert after == before
    assert (
        replies[0].lines[3] == "products: 0 created, 0 updated, 4 unchanged, 0 removed, 1 skipped"
    )


def test_zipped_exchange_gives_the_same_shop(onec, conn):
    onec.send_catalog(catalog_files(), use_zip=True)
    zipped = {k: query(conn, sql) for k, sql in SNAPSHOT.items() if k != "products"}
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
    onec.send_catalog(catalog_files(), use_zip=False)
    assert {k: query(conn, sql) for k, sql in SNAPSHOT.items() if k != "products"} == zipped


def test_rename_and_move_are_applied_on_the_next_exchange(onec, conn):
    onec.send_catalog(catalog_files())
    files = dict(catalog_files())
    tree = etree.fromstring(files["import.xml"])
    ns = {"c": "urn:1C.ru:commerceml_2"}
    dresses_el = tree.xpath(
        "//c:Группа[c:Ид='g0000000-0000-0000-0000-000000000121']", namespaces=ns
    )[0]
    dresses_el.getparent().remove(dresses_el)  # out of "Женская одежда" …
    dresses_el.find("c:Наименование", ns).text = "Платья и сарафаны"
    tree.find("c:Классификатор/c:Группы", ns).append(dresses_el)  # … to the top level
    files["import.xml"] = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    onec.send_catalog(list(files.items()))
    dresses = xc_id(conn, "category", "g0000000-0000-0000-0000-000000000121")
    assert query(
        conn, "SELECT parent_id, depth FROM {p}categories WHERE category_id = %s", dresses
    ) == [(1, 0)]
    assert {
        r[0]
        for r in query(conn, "SELECT name FROM {p}category_translations WHERE id = %s", dresses)
    } == {"Платья и сарафаны"}
    assert_nested_set_valid(conn)
    assert query(conn, "SELECT COUNT(*) FROM {p}categories") == [(6,)]


def test_a_product_deleted_in_1c_is_disabled_not_removed(onec, conn):
    onec.send_catalog(catalog_files())
    files = dict(catalog_files())
    files["import.xml"] = files["import.xml"].replace(
        "<Товар>\n\t\t\t\t<Ид>a0000000-0000-0000-0000-000000000003".encode(),
        '<Товар Статус="Удален">\n\t\t\t\t<Ид>a0000000-0000-0000-0000-000000000003'.encode(),
    )
    onec.send_catalog(list(files.items()))
    boots = product(conn, "3")
    assert boots["enabled"] == 0
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]


def test_import_in_small_steps_answers_progress_and_ends_the_same(onec, conn):
    set_setting(conn, "step_seconds", "0")
    set_setting(conn, "batch_size", "10")
    body = big_catalog(95)
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", body)
    words = []
    while True:
        reply = onec.call("catalog", "import", filename="import.xml")
        words.append(reply.word)
        if reply.word != "progress":
            break
    assert words[-1] == "success"
    assert words.count("progress") >= 9, words
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(95,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}product_translations") == [(190,)]
    assert query(conn, "SELECT COUNT(DISTINCT product_id) FROM {p}category_products") == [(95,)]


def big_catalog(n: int) -> bytes:
    items = "".join(
        f"<Товар><Ид>b{i:07d}</Ид><Артикул>B-{i}</Артикул><Наименование>Товар {i}</Наименование>"
        f"<Группы><Ид>grp-1</Ид></Группы></Товар>"
        for i in range(n)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="2.05">'
        "<Классификатор><Группы><Группа><Ид>grp-1</Ид><Наименование>Все</Наименование></Группа>"
        f"</Группы></Классификатор><Каталог><Товары>{items}</Товары></Каталог>"
        "</КоммерческаяИнформация>"
    ).encode()


def test_a_step_that_dies_mid_import_resumes_without_duplicates(onec, conn, monkeypatch):
    """A batch that fails rolls back whole; the next call resumes after the last committed one."""
    from sidecar.catalog import importer

    set_setting(conn, "batch_size", "10")
    real = importer.write_products
    calls = {"n": 0}

    def flaky(ctx, cur, plan):
        calls["n"] += 1
        real(ctx, cur, plan)
        if calls["n"] == 4:
            raise ConnectionError("worker killed")

    monkeypatch.setattr(importer, "write_products", flaky)
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", big_catalog(95))
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == "failure"
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(30,)], "batch 4 rolled back"
    assert onec.import_file("import.xml").word == "success"
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(95,)]
    assert query(conn, "SELECT COUNT(*) FROM {own}id_map WHERE kind = 'product'") == [(95,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}product_translations") == [(190,)]


def test_a_paused_reader_is_used_only_where_the_job_stands(tmp_path):
    """The next step goes on from the reader this process paused, but only when the job is
    still exactly there and the file is the same; otherwise it reads from the position."""
    from sidecar.catalog.stream import FileReader, PausedReaders
    from sidecar.state.jobs import Job

    path = tmp_path / "import.xml"
    path.write_bytes(big_catalog(30))
    paused = PausedReaders()
    job = Job(7, "import.xml", "running", 0)

    reader = FileReader(path, 0)
    for _ in range(5):
        next(reader.records)
    reader.seq = job.position = 3
    paused.pause(job, path, reader)
    assert paused.resume(job, path) is reader  # same process, same place: go on
    paused.pause(job, path, reader)
    job.position = 4  # another worker moved the job on
    assert paused.resume(job, path) is None and reader.closed

    reader = FileReader(path, 0)
    reader.seq = job.position
    paused.pause(job, path, reader)
    path.write_bytes(big_catalog(31))  # 1C uploaded the file again
    assert paused.resume(job, path) is None

    for k in range(PausedReaders.LIMIT + 2):  # bounded: the oldest are closed
        paused.pause(Job(100 + k, "x", "running", 0), path, FileReader(path, 0))
    assert len(paused._readers) == PausedReaders.LIMIT


def test_an_unchanged_export_is_not_even_read_and_a_changed_context_is(onec, conn, monkeypatch):
    """Items whose XML and context are as last written are skipped unread; a setting that
    changes how they are written sends them the full way again."""
    from sidecar.catalog import unchanged

    read = []
    real = unchanged.build
    monkeypatch.setattr(unchanged, "build", lambda raw: read.append(raw.id) or real(raw))
    files = [(n, b) for n, b in catalog_files() if n.endswith(".xml")]
    onec.send_catalog(files)
    first = len(read)
    assert first >= 4 + 5  # every product and offer read the first time

    read.clear()
    again = onec.send_catalog(files)
    # only what was never written is read again: a product deleted in 1C the shop never had,
    # and an offer for a product it does not know
    assert sorted(read) == [
        "a0000000-0000-0000-0000-000000000005",
        "ffffffff-0000-0000-0000-000000000099",
    ]
    assert "products: 0 created, 0 updated, 4 unchanged, 0 removed, 1 skipped" in again[0].lines
    assert any(line.startswith("offers: 5 applied") for line in again[1].lines)

    set_setting(conn, "use_full_name", "Y")
    read.clear()
    onec.send_catalog(files)
    assert len(read) == first, "a different setting reads everything again"


def test_a_windows_1251_export_sent_again_is_skipped_unread(onec, conn, monkeypatch):
    """Items are cut from the file's bytes in its own encoding: an export in windows-1251 (1C
    8.x's older setting) is imported as its UTF-8 twin and, sent again, skipped unread."""
    from sidecar.catalog import unchanged

    def windows_1251(data: bytes) -> bytes:
        text = data.decode("utf-8-sig").replace('encoding="UTF-8"', 'encoding="windows-1251"')
        return text.encode("cp1251")

    files = [(n, windows_1251(b)) for n, b in catalog_files() if n.endswith(".xml")]
    first = onec.send_catalog(files)
    assert "products: 4 created, 0 updated, 0 unchanged, 0 removed, 1 skipped" in first[0].lines
    names = {n for (n,) in query(conn, "SELECT name FROM {p}product_translations")}
    assert "Рубашка мужская льняная" in names
    read = []
    real = unchanged.build
    monkeypatch.setattr(unchanged, "build", lambda raw: read.append(raw.id) or real(raw))
    again = onec.send_catalog(files)
    assert "products: 0 created, 0 updated, 4 unchanged, 0 removed, 1 skipped" in again[0].lines
    assert len(read) == 2, "only the two items never written are read again"


def test_a_product_whose_photos_came_again_goes_the_full_way(onec, monkeypatch):
    """A picture's content can change under the same name: a product with a photo uploaded in
    this exchange is written again even when its XML is as before."""
    from sidecar.catalog import unchanged

    read: list[tuple[str, tuple]] = []
    real = unchanged.build
    monkeypatch.setattr(unchanged, "build",
                        lambda raw: read.append((raw.id, raw.pictures)) or real(raw))  # fmt: skip
    onec.send_catalog(catalog_files())
    pictured = {i for i, pictures in read if pictures}
    assert pictured, "the sample has products with photos"
    read.clear()
    onec.send_catalog(catalog_files())
    assert pictured <= {i for i, _ in read}
    read.clear()
    onec.send_catalog([(n, b) for n, b in catalog_files() if n.endswith(".xml")])
    assert not pictured & {i for i, _ in read}, "without their photos they are skipped"


def test_the_stored_digests_hold_no_secret(conn, tmp_path):
    """What an item's digest depends on leaves the passwords out: digests are stored."""
    from sidecar.catalog import unchanged
    from sidecar.catalog.context import load_context
    from sidecar.settings import read_settings

    settings = read_settings(conn, "xc_")

    def context(**changed: object) -> str:
        ctx = load_context(conn, "xc_", {**settings, **changed}, tmp_path, None)
        return unchanged.offer_context(ctx, None)

    assert context(password="one") == context(password="two")
    assert context(status_token="one") == context(status_token="two")
    assert context(warehouses=("a",)) != context(warehouses=("b",))


def test_a_reader_parses_in_its_own_thread_whichever_thread_takes_its_records(tmp_path):
    """lxml's parser must stay in the thread that made it; 1C's calls land on any of
    gunicorn's threads. Records taken on two threads in turn are the file's, in order."""
    import threading

    from sidecar.catalog.stream import FileReader

    path = tmp_path / "import.xml"
    path.write_bytes(big_catalog(300))
    whole = list(FileReader(path, 0).records)
    reader = FileReader(path, 0)
    taken: list = []

    def take(count: int) -> None:
        records = reader.records
        taken.extend(next(records) for _ in range(count))

    for count in (5, 100, 7):
        worker = threading.Thread(target=take, args=(count,))
        worker.start()
        worker.join()
    taken.extend(reader.records)
    assert taken == whole and len(whole) > 300
    reader.close()
    reader.thread.join(2)
    assert not reader.thread.is_alive()
    stopped = FileReader(path, 0)  # closed while parsing ahead: the thread ends too
    next(stopped.records)
    stopped.close()
    stopped.thread.join(2)
    assert not stopped.thread.is_alive()
