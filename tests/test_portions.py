"""A full export in portions, sent as 1C's БЭД module (УТ 11, ERP, КА) sends it with «Количество
товаров в одной порции» set: import0_1.xml, import0_2.xml, … then offers0_1.xml, … (УНФ:
import0.xml, import1.xml, … then offers0.xml, …), each in a
session of its own with the pictures of its products, the first portion full and carrying the
Классификатор, every later one «only changes», nothing marking the last. In overwrite mode
nothing the export holds is ever removed or given a new id, the storefront never has fewer
products on sale than the export holds, and what the whole export lacks goes once its offers
come. The portions are cut and sent by tests/onec.py, 1C's client re-enacted from its code."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from conftest import (
    ON_EVERY_SHOP,
    PASSWORD,
    catalog_files,
    flask_transport,
    query,
    set_setting,
    supports,
)
from lxml import etree
from onec import OneC, OneCFailed, Session, lines_of
from onec_files import Node, catalog_portions, portion_kind

from bench.generate import generate
from sidecar.onec_client import files_from_paths

pytestmark = ON_EVERY_SHOP

CML = "urn:1C.ru:commerceml_2"
SHIRT, DRESS, BOOTS = (f"a0000000-0000-0000-0000-00000000000{i}" for i in "123")


def _q(tag: str) -> str:
    return f"{{{CML}}}{tag}"


def without(files: list[tuple[str, bytes]], product: str) -> list[tuple[str, bytes]]:
    """The export after `product` was taken out of it in 1C: its Товар and its offers gone."""
    out = []
    for name, data in files:
        if name in ("import.xml", "offers.xml"):
            root = etree.fromstring(data)
            for el in [*root.iter(_q("Товар")), *root.iter(_q("Предложение"))]:
                if el.findtext(_q("Ид")).split("#")[0] == product:
                    el.getparent().remove(el)
            data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
        out.append((name, data))
    return out


def bed_portions(
    files: list[tuple[str, bytes]], size: int, drop: str = "", variant: str = "bed"
) -> list[list[tuple[str, bytes]]]:
    """The sessions in which БЭД (or УНФ) sends the export with a portion size of `size`
    (tests/onec.py re-enacts ВыгрузитьКаталог and ВыгрузитьПакетПредложений); `drop`: the Ид of
    a product 1C no longer exports."""
    files = without(files, drop) if drop else files
    return catalog_portions(files, Node(variant=variant, portion=size))


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


def send(bed: OneC, sessions, after=None) -> list[list[str]]:
    """Each portion in a session of its own, as 1C holds them (no mode=complete); the lines of
    each session's import reply."""
    replies = []
    for files in sessions:
        bed.send_session("catalog", files)
        last = next(c for c in reversed(bed.calls) if c.query["mode"] == "import")
        replies.append(lines_of(last.body.decode()))
        if after is not None:
            after(files[0][0])
    return replies


@pytest.fixture
def bed(app) -> OneC:
    """1C's БЭД client (УТ 11, ERP, КА) with its node's default settings."""
    return OneC(flask_transport(app), "1c", PASSWORD, Node())


def exported_in_portions(bed: OneC, conn) -> dict[str, int]:
    """Overwrite mode with delete, the sample sent once in portions of 2: its Ид → product id."""
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    send(bed, bed_portions(sample(), 2))
    return ids(conn)


def sample() -> list[tuple[str, bytes]]:
    return catalog_files()


def generated(tmp_path: Path, n: int = 10) -> list[tuple[str, bytes]]:
    """`n` products with pictures named as 1C names them."""
    generate(tmp_path / "gen", n, pictures=True)
    return files_from_paths([tmp_path / "gen"])


@pytest.mark.parametrize("action", ["delete", "disable"])
@pytest.mark.parametrize(("variant", "size"), [("bed", 1), ("bed", 3), ("unf", 2), ("unf", 0)])
def test_an_export_in_portions_run_twice_keeps_every_id_and_every_sale(
    app, conn, variant, size, action
):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", action)
    bed = OneC(flask_transport(app), "1c", PASSWORD, Node(variant=variant, portion=size))
    seen: dict[str, int] = {}

    def first_run(session: Session) -> None:
        now = ids(conn)
        # a product once created keeps its id for as long as the export holds it
        assert {k: now.get(k) for k in seen} == seen, session.files
        seen.update(now)

    assert len(bed.send_catalog(sample(), first_run)) >= 2
    before, selling = ids(conn), on_sale(conn)
    assert len(before) == 4 and len(selling) >= 3  # the fifth is marked deleted in 1C

    def second_run(session: Session) -> None:
        assert ids(conn) == before, session.files
        assert on_sale(conn) >= selling, session.files

    bed.send_catalog(sample(), second_run)
    assert ids(conn) == before and on_sale(conn) == selling


def test_pictures_and_offers_in_portions_too(bed, conn, tmp_path):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    sessions = bed_portions(generated(tmp_path), 4)
    names = [s[0][0] for s in sessions]
    offers = [f"offers0_{n}.xml" for n in range(1, len(names) - 2)]
    assert names == ["import0_1.xml", "import0_2.xml", "import0_3.xml", *offers] and offers[2:]
    assert all(len(s) > 1 for s in sessions[:3])  # each import portion with its pictures
    send(bed, sessions)
    before, selling = ids(conn), on_sale(conn)
    photos = query(conn, "SELECT product_id, path FROM {p}product_images ORDER BY 1, 2")
    assert len(before) == 10 and len(selling) == 10 and photos

    def check(name: str) -> None:
        assert ids(conn) == before, name
        assert on_sale(conn) == selling, name

    send(bed, sessions, check)
    assert query(conn, "SELECT product_id, path FROM {p}product_images ORDER BY 1, 2") == photos


@pytest.mark.parametrize("variant", ["bed", "unf"])
@pytest.mark.parametrize("action", ["delete", "disable"])
def test_the_export_without_one_product_removes_exactly_that_one_once_complete(
    app, conn, action, variant
):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", action)
    bed = OneC(flask_transport(app), "1c", PASSWORD, Node(variant=variant))
    send(bed, bed_portions(sample(), 2, variant=variant))
    before, selling = ids(conn), on_sale(conn)
    dress = before[DRESS]
    assert dress in selling
    sessions = bed_portions(sample(), 2, drop=DRESS, variant=variant)
    first = "import0.xml" if variant == "unf" else "import0_1.xml"
    assert sessions[0][0][0] == first

    def check(name: str) -> None:
        if name.startswith("import"):  # the export has not all come: nothing goes
            assert ids(conn) == before and on_sale(conn) >= selling, name
        else:
            assert ids(conn).items() >= {k: v for k, v in before.items() if k != DRESS}.items()
            assert on_sale(conn) == selling - {dress}, name

    replies = send(bed, sessions, check)
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
    send(bed, bed_portions(sample(), 2, variant=variant))
    assert dress in on_sale(conn) or action == "delete"
    assert len(on_sale(conn)) == len(selling)


def test_a_single_file_full_export_still_removes_at_once(onec, conn):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    onec.send_catalog(sample())
    before = ids(conn)
    # one session with import.xml alone: removed when its import ends, no offers needed
    files = [(n, d) for n, d in without(sample(), DRESS) if n != "offers.xml"]
    onec.send_catalog(files, complete=False)
    assert ids(conn) == {k: v for k, v in before.items() if k != DRESS}
    assert query(conn, "SELECT COUNT(*) FROM {own}catalog_exports") == [(0,)]


def test_update_mode_removes_nothing(bed, conn):
    set_setting(conn, "missing_action", "delete")
    send(bed, bed_portions(sample(), 2))
    before, selling = ids(conn), on_sale(conn)
    send(bed, bed_portions(sample(), 2, drop=DRESS))
    assert ids(conn) == before and on_sale(conn) == selling
    assert query(conn, "SELECT COUNT(*) FROM {own}catalog_exports") == [(0,)]


def test_a_portion_that_never_finished_keeps_everything(bed, conn, cli):
    """1C goes on after a portion the shop answered `failure` and sends its offers; which
    products that portion held the shop cannot know, so nothing is removed."""
    before = exported_in_portions(bed, conn)
    sessions = bed_portions(sample(), 2, drop=DRESS)
    send(bed, sessions[:1])
    with pytest.raises(OneCFailed, match=r"import0_2\.xml"):  # cut short: malformed
        bed.send_session("catalog", [("import0_2.xml", sessions[1][0][1][:200])])
    send(bed, sessions[2:])
    assert ids(conn) == before
    status, message = query(
        conn, "SELECT status, message FROM {own}catalog_exports ORDER BY id DESC LIMIT 1"
    )[0]
    assert status == "incomplete" and "import0_2.xml did not finish" in message
    out = cli("doctor").output
    assert "FAIL the last full export in portions (from import0_1.xml, 1 portions) is" in out


def test_a_portion_1c_gave_up_on_still_holds_its_products(bed, onec, conn, tmp_path):
    """1C waits 180 s for a call; a portion whose import answered `progress` and was never
    called again holds its products all the same: they are read from its file and kept, and
    the rest of what the export lacks goes."""
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    files = generated(tmp_path, 24)
    send(bed, bed_portions(files, 12))
    before = ids(conn)
    gone = etree.fromstring(dict(files)["import.xml"]).findtext(f".//{_q('Товар')}/{_q('Ид')}")
    assert gone in before
    sessions = bed_portions(files, 12, drop=gone)
    assert [s[0][0] for s in sessions[:2]] == ["import0_1.xml", "import0_2.xml"]
    send(bed, sessions[:1])
    set_setting(conn, "batch_size", "10")
    set_setting(conn, "step_seconds", "0")  # a batch a call: import0_2.xml takes two
    onec.checkauth()
    onec.init()
    for name, data in sessions[1]:
        onec.upload(name, data)
    assert onec.call("catalog", "import", filename="import0_2.xml").word == "progress"
    send(bed, sessions[2:])  # 1C has given up on it and goes on with the offers
    assert ids(conn) == {k: v for k, v in before.items() if k != gone}
    assert query(
        conn, "SELECT status, message FROM {own}catalog_exports ORDER BY id DESC LIMIT 1"
    ) == [("complete", "")]


def test_a_new_export_cuts_the_open_one_short_without_removing(bed, conn):
    """1C began again before the offers came (the run was broken off): the first run's
    portions are not the whole export, so nothing is removed until the new one completes."""
    before = exported_in_portions(bed, conn)
    cut = bed_portions(sample(), 2, drop=DRESS)
    send(bed, cut[:2])
    send(bed, bed_portions(sample(), 2))
    assert ids(conn) == before
    assert [r[0] for r in query(conn, "SELECT status FROM {own}catalog_exports ORDER BY id")] == [
        "complete", "abandoned", "complete",
    ]  # fmt: skip


def test_pending_removals_on_the_status_page_and_in_a_dry_run(bed, conn, http, cli, tmp_path):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "disable")
    send(bed, bed_portions(sample(), 1))
    known = ids(conn)
    dress = known[DRESS]
    sessions = bed_portions(sample(), 1, drop=DRESS)
    assert [s[0][0] for s in sessions][:4] == [f"import0_{n}.xml" for n in (1, 2, 3, 4)]
    send(bed, sessions[:2])  # the shirt and the boots of four portions: the export is open
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
    # a dry run of the next portion (the sneakers): one product fewer would wait (the catalog
    # 1C's last session holds is free after 300 s of silence; 1C sends no mode=complete)
    query(conn, "UPDATE {own}leases SET heartbeat_at = heartbeat_at - 301")
    conn.commit()
    (tmp_path / "import0_3.xml").write_bytes(sessions[2][0][1])
    out = cli("import", "--dry-run", str(tmp_path / "import0_3.xml")).output
    assert f"once complete it would disable {len(waiting) - 1} products" in out, out
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", dress) == [(1,)]
    # the real rest of the export: then the dress goes
    send(bed, sessions[2:])
    assert query(conn, "SELECT enabled FROM {p}products WHERE product_id = %s", dress) == [(0,)]
    data = http.get("/status.json", headers=auth).get_json()["export_in_portions"]
    assert data["open"] is None and data["last"]["status"] == "complete"
    assert data["last"]["removed"]["products_disabled"] == 1


def test_a_single_file_or_deactivate_ends_an_open_export(bed, onec, conn):
    """A full single file while portions are open stands for itself (the open export is
    dropped); `mode=deactivate` from a client that sends it completes an open one, counting
    what every portion sent."""
    before = exported_in_portions(bed, conn)
    sessions = bed_portions(sample(), 2, drop=DRESS)
    send(bed, sessions[:1])
    onec.send_catalog(sample(), complete=False)  # import.xml and offers.xml: the whole catalog
    assert ids(conn) == before
    send(bed, sessions[:2])
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


def second_catalog(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The sample as a second catalog of the same base (БЭД's node with two rows in its table
    of catalogs): a classifier, catalog, groups and goods of its own Ид."""
    out = []
    for name, data in files:
        if name.endswith(".xml"):
            text = data.decode()
            for a, b in (("c0000000-", "d0000000-"), ("k0000000-", "l0000000-"),
                         ("a0000000-", "b0000000-"), ("g0000000-", "h0000000-")):  # fmt: skip
                text = text.replace(a, b)
            data = text.encode()
        out.append((name, data))
    return out


def catalog_index(sessions, index: int):
    """Portions of the run's catalog number `index`: import<index>_<k>.xml, offers<index>_<k>."""
    return [
        [(n.replace("import0_", f"import{index}_").replace("offers0_", f"offers{index}_"), d)
         for n, d in files]
        for files in sessions
    ]  # fmt: skip


def two_catalogs(drop_a: str = "", drop_b: str = "", goods_only: bool = False):
    """One run of a БЭД node with two catalogs: each catalog's portions, then (unless the node
    sends goods only) its offers, catalog by catalog (ВыполнитьОбмен, l. 143–172)."""
    a = bed_portions(sample(), 2, drop=drop_a)
    b = catalog_index(bed_portions(second_catalog(sample()), 2, drop=drop_b), 1)
    if goods_only:
        a, b = ([s for s in x if portion_kind(s) == "import"] for x in (a, b))
    return [*a, *b]


B_DRESS = DRESS.replace("a0000000-", "b0000000-")


def test_a_second_catalog_of_the_base_keeps_the_first_ones_products(bed, conn):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    send(bed, two_catalogs())
    before = ids(conn)
    assert {DRESS, B_DRESS} <= set(before) and len(before) == 8
    send(bed, two_catalogs())
    assert ids(conn) == before, "the offers of the first catalog remove nothing of the second"
    send(bed, two_catalogs(drop_b=B_DRESS))
    assert ids(conn) == {k: v for k, v in before.items() if k != B_DRESS}
    catalogs = query(conn, "SELECT catalog, status FROM {own}catalog_exports ORDER BY id")
    assert catalogs[-2:] == [
        ("c0000000-0000-0000-0000-000000000001", "complete"),
        ("d0000000-0000-0000-0000-000000000001", "complete"),
    ]


def test_a_goods_only_node_completes_each_catalog_at_the_next_ones_first_portion(bed, conn):
    set_setting(conn, "catalog_mode", "overwrite")
    set_setting(conn, "missing_action", "delete")
    send(bed, two_catalogs(goods_only=True))
    before = ids(conn)
    assert len(before) == 8

    def check(name: str) -> None:
        if name.startswith("import0_"):  # the first catalog's export has not all come
            assert ids(conn) == before, name
        else:  # the second catalog began: the first one's export is over
            assert ids(conn) == {k: v for k, v in before.items() if k != DRESS}, name

    replies = send(bed, two_catalogs(drop_a=DRESS, goods_only=True), check)
    assert (
        "the full export in 2 portions has come: what none of its portions held is removed"
        in (replies[2])
    )
    # the next run begins with the first catalog again: the second one's export may have been
    # broken off, so it removes nothing
    send(bed, two_catalogs(drop_a=DRESS, drop_b=B_DRESS, goods_only=True)[:1])
    assert B_DRESS in ids(conn)
    assert query(conn, "SELECT status FROM {own}catalog_exports ORDER BY id DESC LIMIT 2") == [
        ("open",),
        ("abandoned",),
    ]
