"""The 1C client of tests/onec.py fails where 1C's code fails — else a protocol test could pass
against a site 1C cannot use. Here it talks to a scripted site: the replies are what a site
might answer, the assertions what 1C's BSL does with them."""

from __future__ import annotations

import io
import zipfile

import pytest
from conftest import DATA
from onec import Node, OneC, OneCFailed, catalog_portions
from onec_files import requisites

from sidecar.onec_client import files_from_paths

ORDERS = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация xmlns="urn:1C.ru:commerceml_2"'
    ' ВерсияСхемы="2.08"><Документ><Ид>7</Ид><Номер>1007</Номер><Дата>2026-12-01</Дата>'
    "<ХозОперация>@OP@</ХозОперация><Роль>Продавец</Роль><Валюта>@CUR@</Валюта><Сумма>10</Сумма>"
    "</Документ></КоммерческаяИнформация>"
)


def site(replies: dict[str, bytes]):
    """A site answering each mode with a fixed body; `seen` keeps the calls."""
    seen: list[dict[str, str]] = []

    def send(method, query, body, headers):
        seen.append({**query, "cookie": headers.get("Cookie", "")})
        return 200, replies.get(query["mode"], b"success\n")

    send.seen = seen  # type: ignore[attr-defined]
    return send


CHECKAUTH = b"success\nxc1c_session\nabc\r\nsessid=s1\ntimestamp=1\n"


def orders_site(body: bytes, **extra: bytes):
    return site({"checkauth": CHECKAUTH, "query": body, **extra})


def test_the_cookie_keeps_a_cr_and_sessid_comes_from_line_4():
    transport = site({"checkauth": CHECKAUTH, "init": b"zip=no\nfile_limit=100\n"})
    onec = OneC(transport, "1c", "x", Node())
    onec.send_session("catalog", [("import0_1.xml", b"<a/>")])
    init = transport.seen[1]
    assert init["cookie"] == "xc1c_session=abc\r" and init["sessid"] == "s1"
    unf = OneC(transport, "1c", "x", Node(variant="unf", cms="other"))
    unf.send_session("catalog", [("import0_1.xml", b"<a/>")])
    assert "sessid" not in transport.seen[-1]


@pytest.mark.parametrize(
    "reply,bed_ok,unf_ok",
    [
        (b"zip=no\nfile_limit=100\n", True, True),
        (b"zip=no\nfile_limit=100\nsessid=s1\nversion=2.09\n", False, True),
        (b"zip=no\n", False, True),
    ],
)
def test_init_answers_exactly_two_lines_for_bed(reply, bed_ok, unf_ok):
    for node, ok in ((Node(), bed_ok), (Node(variant="unf", cms="other"), unf_ok)):
        onec = OneC(site({"checkauth": CHECKAUTH, "init": reply}), "1c", "x", node)
        if ok:
            onec.send_session("catalog", [("import0_1.xml", b"<a/>")])
        else:
            with pytest.raises(OneCFailed, match="Параметры обмена не получены"):
                onec.send_session("catalog", [("import0_1.xml", b"<a/>")])


def test_a_file_cut_at_file_limit_goes_in_parts_under_one_name_and_a_zip_under_1cs_name():
    transport = site({"checkauth": CHECKAUTH, "init": b"zip=no\nfile_limit=3\n"})
    OneC(transport, "1c", "x", Node()).send_session("catalog", [("import0_1.xml", b"<abcdefg/>")])
    files = [c["filename"] for c in transport.seen if c["mode"] == "file"]
    assert files == ["import0_1.xml"] * 4
    zipped = site({"checkauth": CHECKAUTH, "init": b"zip=yes\nfile_limit=100000\n"})
    OneC(zipped, "1c", "x", Node()).send_session("catalog", [("import0_1.xml", b"<a/>")])
    (name,) = {c["filename"] for c in zipped.seen if c["mode"] == "file"}
    assert name.startswith("v8_") and name.endswith(".zip")
    assert [c["filename"] for c in zipped.seen if c["mode"] == "import"] == ["import0_1.xml"]


def test_no_import_wait_sends_no_import():
    transport = site({"checkauth": CHECKAUTH, "init": b"zip=no\nfile_limit=100\n"})
    OneC(transport, "1c", "x", Node(wait_import=False)).send_session(
        "catalog", [("import0_1.xml", b"<a/>")]
    )
    assert [c["mode"] for c in transport.seen] == ["checkauth", "init", "file"]


def test_import_is_repeated_on_progress_and_a_failure_stops():
    answers = iter([b"progress\n", b"progress\n", b"success\n"])

    def send(method, query, body, headers):
        if query["mode"] == "import":
            return 200, next(answers)
        return 200, {"checkauth": CHECKAUTH, "init": b"zip=no\nfile_limit=9\n"}.get(
            query["mode"], b"success\n"
        )

    session = OneC(send, "1c", "x", Node()).send_session("catalog", [("import0_1.xml", b"<a/>")])
    assert session.imported == {"import0_1.xml": "success"}
    failing = site({"checkauth": CHECKAUTH, "init": b"zip=no\nfile_limit=9\n",
                    "import": b"failure\nbroken\n"})  # fmt: skip
    with pytest.raises(OneCFailed, match="broken"):
        OneC(failing, "1c", "x", Node()).send_session("catalog", [("import0_1.xml", b"<a/>")])


@pytest.mark.parametrize(
    "body,bed,unf",
    [
        (ORDERS.encode(), True, True),
        (b"\xef\xbb\xbf" + ORDERS.encode(), False, False),  # a BOM before <?xml
        (ORDERS.split("\n", 1)[1].encode(), False, True),  # no declaration
        (b"failure\nno\n", False, False),
    ],
)
def test_sale_query_must_begin_with_the_declaration(body, bed, unf):
    body = body.replace(b"@OP@", "Заказ товара".encode()).replace(b"@CUR@", b"RUB")
    for node, ok in ((Node(), bed), (Node(variant="unf", cms="other"), unf)):
        transport = orders_site(body)
        onec = OneC(transport, "1c", "x", node)
        if ok:
            (order,) = onec.load_orders()
            assert order.site_number == "1007" and transport.seen[-1]["mode"] == "success"
        else:
            with pytest.raises(OneCFailed):
                onec.load_orders()
            assert "success" not in [c["mode"] for c in transport.seen]


def test_a_zipped_reply_with_one_xml_is_read():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("orders.xml", ORDERS.replace("@OP@", "Заказ товара").replace("@CUR@", "RUB"))
    (order,) = OneC(orders_site(buf.getvalue()), "1c", "x", Node()).load_orders()
    assert order.currency == "RUB"


@pytest.mark.parametrize("op,currency", [("Отпуск товара", "RUB"), ("Заказ товара", "")])
def test_one_bad_document_fails_the_whole_load_and_success_is_not_sent(op, currency):
    good = ORDERS.replace("@OP@", "Заказ товара").replace("@CUR@", "RUB")
    bad = ORDERS.replace("@OP@", op).replace("@CUR@", currency).replace("1007", "1008")
    body = good.replace("</КоммерческаяИнформация>", bad[bad.index("<Документ>") :])
    transport = orders_site(body.encode())
    onec = OneC(transport, "1c", "x", Node())
    with pytest.raises(OneCFailed, match="ХозОперация" if currency else "Валюта"):
        onec.load_orders()
    assert onec.orders == {} and "success" not in [c["mode"] for c in transport.seen]


def test_documents_in_a_container_are_not_seen():
    body = ORDERS.replace("@OP@", "Заказ товара").replace("@CUR@", "RUB")
    body = body.replace("<Документ>", "<Контейнер><Документ>").replace(
        "</Документ>", "</Документ></Контейнер>"
    )
    transport = orders_site(body.encode())
    assert OneC(transport, "1c", "x", Node()).load_orders() == []
    assert transport.seen[-1]["mode"] == "success", "and 1C confirms the exchange all the same"


def test_requisites_as_1c_writes_them():
    transport = orders_site(ORDERS.replace("@OP@", "Заказ товара").replace("@CUR@", "RUB").encode())
    onec = OneC(transport, "1c", "x", Node())
    (order,) = onec.load_orders()
    bed = dict(requisites(order, Node()))
    assert set(bed) == {"Номер по 1С", "Дата по 1С", "Проведен"}, "false values are not written"
    order.pay("ПКО-1").ship("РТУ-1").cancel()
    bed = dict(requisites(order, Node()))
    assert bed["Номер оплаты по 1С"] == "ПКО-1" and bed["Номер отгрузки по 1С"] == "РТУ-1"
    assert bed["Отменен"] == "true" and "Оплачен" not in bed
    unf = dict(requisites(order, Node(variant="unf")))
    assert unf["Оплачен"] == "true" and unf["Отгружен"] == "true" and unf["Отменен"] == "true"
    assert "Номер оплаты по 1С" not in dict(
        requisites(order, Node(variant="unf", subordinate=True))
    )


def test_portions_say_only_changes_after_the_first():
    plan = catalog_portions(files_from_paths([DATA / "catalog"]), Node(portion=2))
    names = [p[0][0] for p in plan]
    assert names[:3] == ["import0_1.xml", "import0_2.xml", "import0_3.xml"]
    assert names[3] == "offers0_1.xml"
    first, second = plan[0][0][1].decode(), plan[1][0][1].decode()
    assert 'СодержитТолькоИзменения="false"' in first and "<Классификатор>" in first
    assert 'СодержитТолькоИзменения="true"' in second and "<Классификатор>" not in second
    assert any(n.startswith("import_files/") for n, _ in plan[0])


def test_a_failed_portion_is_sent_again_after_the_others_and_offers_follow_failed_goods():
    seen: list[tuple[str, str]] = []
    bodies: dict[str, bytes] = {}

    def send(method, query, body, headers):
        name = query.get("filename", "")
        if query["mode"] == "file":
            bodies[name] = bodies.get(name, b"") + body
        seen.append((query["mode"], name))
        if query["mode"] == "import" and name == "import0_2.xml":
            return 200, b"failure\nportion 2 refused\n"
        return 200, {"checkauth": CHECKAUTH, "init": b"zip=no\nfile_limit=100000\n"}.get(
            query["mode"], b"success\n"
        )

    files = files_from_paths([DATA / "catalog"])
    onec = OneC(send, "1c", "x", Node(portion=2, retries=1))
    onec.send_catalog(files)
    imported = [n for mode, n in seen if mode == "import"]
    assert imported[:4] == ["import0_1.xml", "import0_2.xml", "import0_3.xml", "import0_4.xml"]
    assert imported[4].startswith("offers0_"), "the retry comes before the offers"
    retry = bodies["import0_4.xml"].decode()
    assert 'СодержитТолькоИзменения="true"' in retry and "<Классификатор>" not in retry
    assert retry.count("<Товар>") == bodies["import0_2.xml"].decode().count("<Товар>")

    without_retries = OneC(send, "1c", "x", Node(portion=2))
    with pytest.raises(OneCFailed, match=r"import0_2\.xml"):
        without_retries.send_catalog(files)
    sent = [s.files[0] for s in without_retries.sessions]
    assert sent[-1].startswith("offers0_"), "the offers follow failed goods"
