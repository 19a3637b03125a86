"""Hostile and broken input: each refused with a `failure` that says why, in bounded time and
memory, with nothing written to the shop; a full disk refused without a partial file."""

from __future__ import annotations

import io
import resource
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import catalog_files, query, set_setting

from bench.generate import generate
from sidecar.web import replies

ROOT = "КоммерческаяИнформация"
CATALOG = (
    f'<{ROOT} ВерсияСхемы="2.07"><Каталог><Ид>c</Ид><Товары>'
    "<Товар><Ид>p1</Ид><Наименование>{name}</Наименование></Товар>"
    f"</Товары></Каталог></{ROOT}>"
)


def laughs() -> bytes:
    entities = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    return f'<?xml version="1.0"?><!DOCTYPE l [{entities}]>{CATALOG.format(name="&l9;")}'.encode()


def quadratic() -> bytes:
    dtd = f'<!DOCTYPE q [<!ENTITY a "{"A" * 50_000}">]>'
    return f'<?xml version="1.0"?>{dtd}{CATALOG.format(name="&a;" * 50_000)}'.encode()


HOSTILE = {
    "garbage": (b"not xml at all", "malformed XML"),
    "empty": (b"", "empty"),
    "other-xml": (b'<?xml version="1.0"?><html><body/></html>', "not a CommerceML file"),
    "external-entity-file": (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        f"{CATALOG.format(name='&e;')}".encode(),
        "DOCTYPE",
    ),
    "external-dtd-network": (
        f'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">'
        f"{CATALOG.format(name='x')}".encode(),
        "DOCTYPE",
    ),
    "billion-laughs": (laughs(), "DOCTYPE"),
    "quadratic-blowup": (quadratic(), "DOCTYPE"),
    "huge-text-node": (CATALOG.format(name="x" * (12 * 1024 * 1024)).encode(), "too long"),
    "deep-nesting": (
        CATALOG.format(name="<a>" * 50_000 + "</a>" * 50_000).encode(),
        "Excessive depth",
    ),
    "declared-utf8-is-1251": (
        ('<?xml version="1.0" encoding="UTF-8"?>' + CATALOG.format(name="Чай")).encode("cp1251"),
        "Invalid bytes in character encoding",
    ),
    "declared-1251-is-utf8": (
        ('<?xml version="1.0" encoding="windows-1251"?>' + CATALOG.format(name="Чай")).encode(),
        "Invalid bytes in character encoding",
    ),
    "unknown-encoding": (
        ('<?xml version="1.0" encoding="klingon"?>' + CATALOG.format(name="x")).encode(),
        "Unsupported encoding",
    ),
}


@pytest.mark.parametrize("body,reason", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_xml_is_refused_and_writes_nothing(onec, conn, body, reason):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", body)
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == replies.FAILURE and reason in reply.lines[1], reply.lines
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]
    assert "root:" not in "\n".join(reply.lines), "no file content may leak into the reply"
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 100, f"refusing the file took {grown_mb:.0f} MB more memory"


def test_an_honest_windows_1251_file_is_read(onec, conn):
    body = ('<?xml version="1.0" encoding="windows-1251"?>' + CATALOG.format(name="Чай")).encode(
        "cp1251"
    )
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", body)
    assert onec.import_file("import.xml").word == replies.SUCCESS
    assert {r[0] for r in query(conn, "SELECT name FROM {p}product_translations")} == {"Чай"}


@pytest.fixture
def big_catalog(tmp_path: Path) -> dict[str, bytes]:
    """1,200 products: more than two batches of 500."""
    return {p.name: p.read_bytes() for p in generate(tmp_path / "gen", 1200)}


def test_a_truncated_upload_writes_nothing_even_after_whole_batches(onec, conn, big_catalog):
    body = big_catalog["import.xml"]
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", body[: len(body) * 3 // 4])
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == replies.FAILURE and "truncated" in reply.lines[1]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}categories") == [(1,)]


def test_a_fault_inside_a_file_stops_at_the_last_whole_batch(onec, conn, big_catalog):
    """libxml2 meets a broken tag only when it gets there: what came before is written whole
    (each product with its translation and category), and a full export removes nothing."""
    set_setting(conn, "catalog_mode", "overwrite")
    body = big_catalog["import.xml"]
    cut = body.index("<Товар>".encode(), len(body) * 3 // 4)
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", body[:cut] + "<Broken></Товар>".encode() + body[cut:])
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == replies.FAILURE and "malformed XML" in reply.lines[1]
    assert "line" in reply.lines[1]
    (written,) = query(conn, "SELECT COUNT(*) FROM {p}products")[0]
    assert written in (500, 1000)
    assert query(
        conn,
        "SELECT COUNT(*) FROM {p}products p LEFT JOIN {p}product_translations t"
        " ON t.id = p.product_id LEFT JOIN {p}category_products c ON c.product_id = p.product_id"
        " WHERE t.id IS NULL OR c.product_id IS NULL",
    ) == [(0,)]
    # disabled only while waiting for the offers file's prices, never removed
    assert query(
        conn,
        "SELECT COUNT(*) FROM {p}products p LEFT JOIN {own}unpriced u USING (product_id)"
        " WHERE p.enabled = 0 AND u.product_id IS NULL",
    ) == [(0,)]


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 1 MB filesystem (tmpfs), mounted where the test says, unmounted after."""
    mounted: list[Path] = []

    def mount(path: Path) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(path)], check=True)
        mounted.append(path)
        return path

    yield mount
    for path in mounted:
        subprocess.run(["umount", "-l", str(path)], check=True)


def test_a_full_exchange_disk_is_a_clean_failure(onec, config, conn, tiny_disk):
    tiny_disk(config.data_dir)
    set_setting(conn, "file_limit", str(8 * 1024 * 1024))
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", b"a" * 1000)
    reply = onec.call("catalog", "file", b"b" * (2 * 1024 * 1024), filename="import.xml")
    assert reply.word == replies.FAILURE and reply.status == 507
    assert "no space left" in reply.lines[1]
    target = next((config.data_dir / "exchange").iterdir()) / "import.xml"
    assert target.read_bytes() == b"a" * 1000, "the refused chunk is taken back"


def test_a_full_images_disk_rolls_the_batch_back(onec, conn, images_dir, tiny_disk):
    tiny_disk(images_dir)
    (images_dir / "filler").write_bytes(b"\0" * (1024 * 1024 - 8 * 1024))
    onec.checkauth()
    onec.init()
    for name, data in catalog_files():
        onec.upload(name, data)
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == replies.FAILURE and "no space left" in reply.lines[1]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}product_images") == [(0,)]
    leftovers = [p.name for p in images_dir.rglob("*") if p.is_file() and p.name != "filler"]
    assert leftovers == [], "no partial photo is left behind"


def zip_with(entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("import.xml", dict(catalog_files())["import.xml"])
        for info, data in entries:
            zf.writestr(info, data)
    return buf.getvalue()


def symlink_entry(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


@pytest.mark.parametrize(
    "entries,reason",
    [
        ([symlink_entry("import_files/a.jpg", "/etc/passwd")], "symbolic link"),
        ([("import_files/shell.php", b"<?php system($_GET['c']);")], "forbidden extension"),
        ([("import_files/x.phtml.jpg", b"x")], "forbidden extension"),
        ([(".htaccess", b"SetHandler application/x-httpd-php")], "hidden component"),
        ([("C:\\windows\\x.xml", b"x")], "absolute path"),
    ],
    ids=["symlink", "php", "phtml-inside", "htaccess", "windows-absolute"],
)
def test_a_zip_with_a_hostile_entry_unpacks_nothing(onec, config, conn, entries, reason):
    onec.checkauth()
    onec.init()
    onec.upload("v8_1.zip", zip_with(entries))
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == replies.FAILURE and reason in reply.lines[1], reply.lines
    unpacked = [p for p in config.data_dir.rglob("*") if p.is_file() and p.suffix != ".zip"]
    assert unpacked == [], "nothing of the archive is unpacked"
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]
