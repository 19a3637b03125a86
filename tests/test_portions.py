"""A full export in portions, sent as 1C's БЭД module (УТ 11, ERP, КА) sends it with «Количество
товаров в одной порции» set: import0_1.xml, import0_2.xml, … then offers0_1.xml, …, each in a
session of its own with the pictures of its products, the first portion full and carrying the
Классификатор, every later one «only changes», nothing marking the last. In overwrite mode
nothing the export holds is ever removed or given a new id, the storefront never has fewer
products on sale than the export holds, and what the whole export lacks goes once its offers
come."""

from __future__ import annotations

import base64
import copy
from pathlib import Path

import pytest
from conftest import ON_EVERY_SHOP, PASSWORD, catalog_files, query, set_setting, supports
from lxml import etree

from bench.generate import generate
from sidecar.onec_client import files_from_paths

pytestmark = ON_EVERY_SHOP

CML = "urn:1C.ru:commerceml_2"
SHIRT, DRESS, BOOTS = (f"a0000000-0000-0000-0000-00000000000{i}" for i in "123")


def _q(tag: str) -> str:
    return f"{{{CML}}}{tag}"


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _shell(root: etree._Element) -> etree._Element:
    return etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)


def bed_portions(
    files: list[tuple[str, bytes]], size: int, drop: str = ""
) -> list[list[tuple[str, bytes]]]:
    """The sessions in which БЭД sends an export (ВыгрузитьКаталог, ВыгрузитьПакетПредложений):
    `size` products a portion; the catalog's portions first, each with the pictures of its
    products, then the offers' portions, grouped by product. The first portion of each says
    СодержитТолькоИзменения=false, the rest true (l. 1616, 2221); only the first import portion
    has the Классификатор; the offers portions keep it, ТипыЦен and Склады each. `drop`: the Ид
    of a product 1C no longer exports (its offers go too)."""
    by_name = dict(files)
    imports = etree.fromstring(by_name["import.xml"])
    catalog = imports.find(_q("Каталог"))
    products = [p for p in catalog.find(_q("Товары")) if p.findtext(_q("Ид")) != drop]
    sessions: list[list[tuple[str, bytes]]] = []
    for n, start in enumerate(range(0, len(products), size), 1):
        chunk = products[start : start + size]
        root = _shell(imports)
        if n == 1:
            root.append(copy.deepcopy(imports.find(_q("Классификатор"))))
        part = etree.SubElement(root, catalog.tag, СодержитТолькоИзменения=str(n > 1).lower())
        for child in catalog:
            if child.tag != _q("Товары"):
                part.append(copy.deepcopy(child))
        goods = etree.SubElement(part, _q("Товары"))
        for product in chunk:
            goods.append(copy.deepcopy(product))
        pictures = [
            (pic.text, by_name[pic.text])
            for product in chunk
            for pic in product.iter(_q("Картинка"))
            if pic.text in by_name
        ]
        sessions.append([(f"import0_{n}.xml", _xml(root)), *pictures])
    offers = etree.fromstring(by_name["offers.xml"])
    package = offers.find(_q("ПакетПредложений"))
    groups: dict[str, list[etree._Element]] = {}
    for offer in package.find(_q("Предложения")):
        product = offer.findtext(_q("Ид")).split("#")[0]
        if product != drop:
            groups.setdefault(product, []).append(offer)
    keys = list(groups)
    for n, start in enumerate(range(0, len(keys), size), 1):
        root = _shell(offers)
        for child in offers:
            if child.tag != package.tag:
                root.append(copy.deepcopy(child))
        part = etree.SubElement(root, package.tag, СодержитТолькоИзменения=str(n > 1).lower())
        for child in package:
            if child.tag != _q("Предложения"):
                part.append(copy.deepcopy(child))
        listed = etree.SubElement(part, _q("Предложения"))
        for key in keys[start : start + size]:
            for offer in groups[key]:
                listed.append(copy.deepcopy(offer))
        sessions.append([(f"offers0_{n}.xml", _xml(root))])
    return sessions


def ids(conn) -> dict[str, int]:
    """1C Ид → X-Cart product id, for the products in the shop."""
    return dict(
        query(
            conn,
            "SELECT m.ext_id, m.xc_id FROM {own}id_map m JOIN {p}products p"
            " ON p.product_id = m.xc_id WHERE m.kind = 'product'",
        )
    )


def on_sale(conn) -> set[int]:
    """Products a customer can buy, by X-Cart's rules: enabled, priced, and in stock when X-Cart
    tracks it (the product's own stock, or a variant's)."""
    in_stock = "p.inventoryEnabled = 0 OR p.amount > 0"
    if supports(conn, "variants"):
        in_stock += (
            " OR EXISTS (SELECT 1 FROM {p}product_variants v WHERE v.product_id = p.product_id"
            " AND (v.amount > 0 OR v.defaultAmount = 1 AND p.amount > 0))"
        )
    rows = query(
        conn, f"SELECT p.product_id FROM {{p}}products p WHERE p.enabled = 1 AND p.price > 0"
        f" AND ({in_stock})",
    )  # fmt: skip
    return {r[0] for r in rows}


def send(onec, sessions, after=None) -> list[list[str]]:
    """Each portion in a session of its own, as 1C sends them (no mode=complete); the import
    reply of each."""
    replies = []
    for files in sessions:
        (reply,) = onec.send_catalog(files, complete=False)
        replies.append(reply.lines)
        if after is not None:
            after(files[0][0])
    return replies


def sample() -> list[tuple[str, bytes]]:
    return catalog_files()


def generated(tmp_path: Path) -> list[tuple[str, bytes]]:
    """Ten products with pictures named as 1C names them."""
    generate(tmp_path / "gen", 10, pictures=True)
    return files_from_paths([tmp_path / "gen"])


@pytest.mark.parametrize("action", ["delete", "disable"])
@pytest.mark.parametrize("size", [1, 3])
def test_an_export_in_portions_run_twice_keeps_every_id_and_every_sale(onec, conn, size, action):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", action)
    sessions = bed_portions(sample(), size)
    assert len(sessions) > 2

    seen: dict[str, int] = {}

    def first_run(name: str) -> None:
        now = ids(conn)
        # a product once created keeps its id for as long as the export holds it
        assert {k: now.get(k) for k in seen} == seen, name
        seen.update(now)

    send(onec, sessions, first_run)
    before, selling = ids(conn), on_sale(conn)
    assert len(before) == 4 and len(selling) >= 3  # the fifth is marked deleted in 1C

    def second_run(name: str) -> None:
        assert ids(conn) == before, name
        assert on_sale(conn) >= selling, name

    send(onec, sessions, second_run)
    assert ids(conn) == before and on_sale(conn) == selling


def test_pictures_and_offers_in_portions_too(onec, conn, tmp_path):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    sessions = bed_portions(generated(tmp_path), 4)
    assert [s[0][0] for s in sessions] == [
        "import0_1.xml", "import0_2.xml", "import0_3.xml",
        "offers0_1.xml", "offers0_2.xml", "offers0_3.xml",
    ]  # fmt: skip
    assert all(len(s) > 1 for s in sessions[:3])  # each import portion with its pictures
    send(onec, sessions)
    before, selling = ids(conn), on_sale(conn)
    photos = query(conn, "SELECT product_id, path FROM {p}product_images ORDER BY 1, 2")
    assert len(before) == 10 and len(selling) == 10 and photos

    def check(name: str) -> None:
        assert ids(conn) == before, name
        assert on_sale(conn) == selling, name

    send(onec, sessions, check)
    assert query(conn, "SELECT product_id, path FROM {p}product_images ORDER BY 1, 2") == photos


@pytest.mark.parametrize("action", ["delete", "disable"])
def test_the_export_without_one_product_removes_exactly_that_one_once_complete(onec, conn, action):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", action)
    send(onec, bed_portions(sample(), 2))
    before, selling = ids(conn), on_sale(conn)
    dress = before[DRESS]
    assert dress in selling
    sessions = bed_portions(sample(), 2, drop=DRESS)

    def check(name: str) -> None:
        if name.startswith("import"):  # the export has not all come: nothing goes
            assert ids(conn) == before and on_sale(conn) >= selling, name
        else:
            assert ids(conn).items() >= {k: v for k, v in before.items() if k != DRESS}.items()
            assert on_sale(conn) == selling - {dress}, name

    replies = send(onec, sessions, check)
    # what 1C's exchange log says: each portion that it is one, the offers what went
    assert any(line.startswith("portion 1 of a full export") for line in replies[0])
    assert any(line.startswith("portion 2 of a full export") for line in replies[1])
    assert replies[2][2:4] == [
        "products: 0 created, 0 updated, 0 unchanged, 1 removed, 0 skipped",
        "the full export in 2 portions has come: what none of its portions held is removed",
    ]
    if action == "delete":
        assert ids(conn) == {k: v for k, v in before.items() if k != DRESS}
        assert query(conn, "SELECT COUNT(*) FROM {p}products WHERE product_id = %s", dress) == [
            (0,)
        ]
    else:
        assert ids(conn) == before
        assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", dress) == [(0,)]
    (status, portions, removed) = query(
        conn, "SELECT status, portions, removed FROM {own}catalog_exports ORDER BY id DESC LIMIT 1"
    )[0]
    assert (status, portions) == ("complete", 2)
    assert f'"products_{action}d": 1' in removed
    # the next export with the product again brings it back under its id (disable) or anew
    send(onec, bed_portions(sample(), 2))
    assert dress in on_sale(conn) or action == "delete"
    assert len(on_sale(conn)) == len(selling)


def test_a_single_file_full_export_still_removes_at_once(onec, conn):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    onec.send_catalog(sample())
    before = ids(conn)
    without = bed_portions(sample(), 10, drop=DRESS)
    # one session with import.xml alone: removed when its import ends, no offers needed
    (_, body), *pictures = without[0]
    onec.send_catalog([("import.xml", body), *pictures], complete=False)
    assert ids(conn) == {k: v for k, v in before.items() if k != DRESS}
    assert query(conn, "SELECT COUNT(*) FROM {own}catalog_exports") == [(0,)]


def test_update_mode_removes_nothing(onec, conn):
    set_setting(conn, "missing_action", "delete")
    send(onec, bed_portions(sample(), 2))
    before, selling = ids(conn), on_sale(conn)
    send(onec, bed_portions(sample(), 2, drop=DRESS))
    assert ids(conn) == before and on_sale(conn) == selling
    assert query(conn, "SELECT COUNT(*) FROM {own}catalog_exports") == [(0,)]


def test_a_portion_that_never_finished_keeps_everything(onec, conn, cli):
    """1C goes on after a portion the shop answered `failure` and sends its offers; which
    products that portion held the shop cannot know, so nothing is removed."""
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    send(onec, bed_portions(sample(), 2))
    before = ids(conn)
    sessions = bed_portions(sample(), 2, drop=DRESS)
    send(onec, sessions[:1])
    onec.checkauth()
    onec.init()
    onec.upload("import0_2.xml", sessions[1][0][1][:200])  # cut short: malformed
    assert onec.call("catalog", "import", filename="import0_2.xml").word == "failure"
    send(onec, sessions[2:])
    assert ids(conn) == before
    status, message = query(
        conn, "SELECT status, message FROM {own}catalog_exports ORDER BY id DESC LIMIT 1"
    )[0]
    assert status == "incomplete" and "import0_2.xml did not finish" in message
    out = cli("doctor").output
    assert "FAIL the last full export in portions (from import0_1.xml, 1 portions) is" in out


def test_a_new_export_cuts_the_open_one_short_without_removing(onec, conn):
    """1C began again before the offers came (the run was broken off): the first run's
    portions are not the whole export, so nothing is removed until the new one completes."""
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    send(onec, bed_portions(sample(), 2))
    before = ids(conn)
    cut = bed_portions(sample(), 2, drop=DRESS)
    send(onec, cut[:2])
    send(onec, bed_portions(sample(), 2))
    assert ids(conn) == before
    assert [r[0] for r in query(conn, "SELECT status FROM {own}catalog_exports ORDER BY id")] == [
        "complete", "abandoned", "complete",
    ]  # fmt: skip


def test_pending_removals_on_the_status_page_and_in_a_dry_run(onec, conn, http, cli, tmp_path):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "disable")
    send(onec, bed_portions(sample(), 1))
    known = ids(conn)
    dress = known[DRESS]
    sessions = bed_portions(sample(), 1, drop=DRESS)
    assert [s[0][0] for s in sessions][:4] == [f"import0_{n}.xml" for n in (1, 2, 3, 4)]
    send(onec, sessions[:2])  # the shirt and the boots of four portions: the export is open
    sent = {known[SHIRT], known[BOOTS]}
    waiting = {r[0] for r in query(conn, "SELECT product_id FROM {p}products WHERE enabled = 1")}
    waiting = waiting & set(known.values()) - sent
    assert dress in waiting
    auth = {"Authorization": "Basic " + base64.b64encode(f"1c:{PASSWORD}".encode()).decode()}
    data = http.get("/status.json", headers=auth).get_json()["export_in_portions"]
    assert data["open"]["portions"] == 2 and data["open"]["first_file"] == "import0_1.xml"
    assert data["open"]["products"] == len(waiting) and dress in data["open"]["examples"]
    line = f"would disable {len(waiting)} products and 0 categories"
    assert data["open"]["action"] == "disable" and line in data["open"]["line"]
    page = http.get("/status", headers=auth).get_data(as_text=True)
    assert "Full export in portions" in page and line in page
    metrics = http.get("/metrics", headers=auth).get_data(as_text=True)
    assert f'xc1c_pending_removals{{kind="product"}} {len(waiting)}' in metrics
    # a dry run of the next portion (the sneakers): one product fewer would wait (the lease
    # 1C's last session holds is let go first, as after its 300 s of silence)
    onec.call("catalog", "complete")
    (tmp_path / "import0_3.xml").write_bytes(sessions[2][0][1])
    out = cli("import", "--dry-run", str(tmp_path / "import0_3.xml")).output
    assert f"once complete it would disable {len(waiting) - 1} products" in out, out
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", dress) == [(1,)]
    # the real rest of the export: then the dress goes
    send(onec, sessions[2:])
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", dress) == [(0,)]
    data = http.get("/status.json", headers=auth).get_json()["export_in_portions"]
    assert data["open"] is None and data["last"]["status"] == "complete"
    assert data["last"]["removed"]["products_disabled"] == 1


def test_a_single_file_or_deactivate_ends_an_open_export(onec, conn):
    """A full single file while portions are open stands for itself (the open export is
    dropped); `mode=deactivate` from a client that sends it completes an open one, counting
    what every portion sent."""
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    send(onec, bed_portions(sample(), 2))
    before = ids(conn)
    sessions = bed_portions(sample(), 2, drop=DRESS)
    send(onec, sessions[:1])
    onec.send_catalog(sample(), complete=False)  # import.xml and offers.xml: the whole catalog
    assert ids(conn) == before
    send(onec, sessions[:2])
    reply = onec.checkauth()
    stamp = next(x for x in reply.lines if x.startswith("timestamp=")).split("=")[1]
    # a stamp later than every portion: by it alone nothing was sent since and nothing would
    # go; the open export's first portion is what counts
    assert onec.call("catalog", "deactivate", timestamp=str(int(stamp) + 1)).lines == [
        "success",
        "removed: 1 products, 0 categories",
    ]
    assert ids(conn) == {k: v for k, v in before.items() if k != DRESS}
    statuses = [r[0] for r in query(conn, "SELECT status FROM {own}catalog_exports ORDER BY id")]
    assert statuses == ["complete", "abandoned", "complete"]
