"""Crashes in the middle of an exchange, against gunicorn as deployed: a worker killed with
SIGKILL during an import step, the database connection dropped during a write batch, a worker
killed between sale/query and sale/success. The next call resumes and finishes, and the shop
holds every item once, whole."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from pathlib import Path

import pytest
from conftest import (
    ON_EVERY_SHOP,
    PASSWORD,
    assert_nested_set_valid,
    products_missing_parts,
    query,
    set_setting,
)

from bench.generate import add_orders, generate
from sidecar.onec_client import OneCClient, files_from_paths, http_transport

pytestmark = ON_EVERY_SHOP

PRODUCTS = 1200


@pytest.fixture
def catalog(tmp_path: Path) -> list[tuple[str, bytes]]:
    generate(tmp_path / "gen", PRODUCTS, pictures=True)
    return files_from_paths([tmp_path / "gen"])


def start_exchange(sidecar, conn, files) -> OneCClient:
    set_setting(conn, "step_seconds", "240")  # one call would import the whole file
    set_setting(conn, "batch_size", "100")
    client = OneCClient(http_transport(sidecar.url, timeout=60), "1c", PASSWORD)
    client.checkauth()
    client.init()
    for name, data in files:
        client.upload(name, data)
    return client


def import_in_background(client: OneCClient) -> threading.Thread:
    def call() -> None:
        with contextlib.suppress(OSError):  # the worker dies under the call, as it should
            client.call("catalog", "import", filename="import.xml")

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    return thread


def wait_for_position(conn, at_least: int) -> int:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        rows = query(conn, "SELECT position, status FROM {own}import_jobs")
        if rows and rows[0][0] >= at_least:
            assert rows[0][1] == "running", "the import ended before it could be interrupted"
            return rows[0][0]
        time.sleep(0.02)
    pytest.fail("the import made no progress")


def finish(client: OneCClient, files) -> None:
    for name in ("import.xml", "offers.xml"):
        assert client.import_file(name).word == "success"


def assert_catalog_whole(conn, files) -> None:
    xml = dict(files)["import.xml"].decode("utf-8-sig")
    pictures = len(re.findall("<Картинка>", xml))
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(PRODUCTS,)]
    assert query(conn, "SELECT COUNT(DISTINCT sku) FROM {p}products") == [(PRODUCTS,)]
    assert query(conn, "SELECT COUNT(*) FROM {own}id_map WHERE kind = 'product'") == [(PRODUCTS,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}categories") == [(1 + 20 + 200,)]
    assert_nested_set_valid(conn)
    assert products_missing_parts(conn) == 0
    assert query(conn, "SELECT COUNT(*), COUNT(DISTINCT path) FROM {p}product_images") == [
        (pictures, pictures)
    ]
    (products_with_price,) = query(conn, "SELECT COUNT(*) FROM {p}products WHERE price > 0")[0]
    assert products_with_price == PRODUCTS


def test_a_worker_killed_mid_import_resumes_without_duplicates(
    start_server, conn, catalog, images_dir
):
    sidecar = start_server(workers=1)
    client = start_exchange(sidecar, conn, catalog)
    thread = import_in_background(client)
    position = wait_for_position(conn, 300)
    for worker in sidecar.workers():
        os.kill(worker, signal.SIGKILL)
    thread.join(30)
    finish(client, catalog)  # gunicorn starts a new worker; the same session goes on
    resumed_from = query(conn, "SELECT position FROM {own}import_jobs ORDER BY id")[0][0]
    assert resumed_from > position
    assert_catalog_whole(conn, catalog)
    files = [p for p in (images_dir / "product").iterdir()]
    assert len(files) == query(conn, "SELECT COUNT(*) FROM {p}product_images")[0][0]


def test_the_database_connection_lost_mid_batch_resumes(start_server, conn, catalog):
    sidecar = start_server(workers=1)
    client = start_exchange(sidecar, conn, catalog)
    thread = import_in_background(client)
    wait_for_position(conn, 300)
    with conn.cursor() as cur:
        cur.execute(
            "SELECT ID FROM information_schema.PROCESSLIST WHERE DB = DATABASE()"
            " AND ID <> CONNECTION_ID()"
        )
        for (connection_id,) in cur.fetchall():
            cur.execute("KILL %s", (connection_id,))
    thread.join(60)
    finish(client, catalog)
    assert_catalog_whole(conn, catalog)


def test_orders_sent_to_a_dying_worker_are_sent_again(start_server, conn):
    """1C's success never came: the orders stay unexported and go out again."""
    sidecar = start_server(workers=1)
    add_orders(conn, 30, "xc_")
    client = OneCClient(http_transport(sidecar.url), "1c", PASSWORD)
    client.checkauth("sale")
    client.init("sale")
    first = client.call("sale", "query")
    assert first.status == 200 and len(re.findall("<Документ>", "\n".join(first.lines))) == 30
    for worker in sidecar.workers():
        os.kill(worker, signal.SIGKILL)
    assert query(conn, "SELECT COUNT(*) FROM {own}order_exports") == [(0,)]
    again = OneCClient(http_transport(sidecar.url), "1c", PASSWORD)
    for _ in range(100):  # until gunicorn has a new worker
        try:
            again.checkauth("sale")
            break
        except OSError:
            time.sleep(0.1)
    again.init("sale")
    second = again.call("sale", "query")
    assert len(re.findall("<Документ>", "\n".join(second.lines))) == 30
    assert again.call("sale", "success").word == "success"
    assert query(conn, "SELECT COUNT(*) FROM {own}order_exports") == [(30,)]
    third = again.call("sale", "query")
    assert "<Документ>" not in "\n".join(third.lines)
