"""An X-Cart 5.5 shop found through XC1C_XCART_ROOT alone: its database from Symfony's
environment files, its schema as `xc1c db create-xcart-schema --version 5.5` builds it, its
images under public/images; doctor is green and 1C's catalog and orders exchanges work."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import PASSWORD, catalog_files, drop_database, launch, server_params, stop
from test_orders import ITEMS_FROM_1C, documents, make_order

from sidecar.config import Config
from sidecar.db import connect
from sidecar.onec_client import OneCClient, http_transport
from sidecar.settings import SETTINGS, write_setting

XC1C = Path(sys.executable).with_name("xc1c")


def xc1c(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(XC1C), *args], env=env, capture_output=True, text=True)


@pytest.fixture
def shop55(tmp_path: Path):
    """A 5.5 database and tree; the sidecar's environment names the tree and nothing else."""
    import secrets
    from dataclasses import replace

    name = f"xc1c_x55_{secrets.token_hex(4)}"
    server = server_params()
    root = tmp_path / "xcart"
    (root / "public" / "images").mkdir(parents=True)
    url = f"mysql://{server.user}:{server.password}@{server.host}:{server.port}"
    (root / ".env").write_text(
        f'APP_ENV=prod\nDATABASE_URL="{url}/not_this_one?serverVersion=5.7"\n'
        "DATABASE_DEFAULT_TABLE_PREFIX=xc\nXCART_HOST_DETAILS_HTTPS_HOST=shop55.example\n"
    )
    (root / ".env.local").write_text(f'DATABASE_URL="{url}/{name}?serverVersion=5.7"\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XC1C_", "DATABASE_"))}
    env |= {"XC1C_XCART_ROOT": str(root), "XC1C_DATA_DIR": str(tmp_path / "var")}
    created = xc1c(env, "db", "create-xcart-schema", "--version", "5.5")
    assert "created 266 tables" in created.stdout and "X-Cart 5.5" in created.stdout, created
    assert xc1c(env, "db", "migrate").returncode == 0
    config = Config(db=replace(server, database=name))
    conn = connect(config.db)
    for s in SETTINGS:  # the rows the module's install.yaml gives a 5.5 shop
        write_setting(conn, "xc_", s.name, PASSWORD if s.name == "password" else s.default)
    yield root, env, conn
    conn.close()
    drop_database(config)


def test_a_55_shop_from_its_env_files_exchanges_catalog_and_orders(shop55, tmp_path):
    root, env, conn = shop55
    doctor = xc1c(env, "doctor")
    assert f"ok   X-Cart 5.5 at {root} (from its .env files)" in doctor.stdout
    # the one problem: no X-Cart answers at the shop's own address
    fails = [line for line in doctor.stdout.splitlines() if line.startswith("FAIL")]
    [fail] = fails
    assert fail.startswith("FAIL X-Cart at https://shop55.example/admin.php did not answer: ")
    assert fail.endswith(": order changes from 1C wait for X-Cart")
    sidecar = launch(env, tmp_path / "sidecar.log")
    try:
        client = OneCClient(http_transport(sidecar.url), "1c", PASSWORD)
        replies = client.send_catalog(catalog_files())
        assert all(r.word == "success" for r in replies)
        with conn.cursor() as cur:
            cur.execute("SELECT COUNT(*), SUM(enabled), SUM(price > 0) FROM xc_products")
            assert cur.fetchone() == (4, Decimal(4), Decimal(4))
            cur.execute("SELECT COUNT(*) FROM xc_product_images WHERE path <> ''")
            assert cur.fetchone()[0] > 0
        photos = list((root / "public" / "images" / "product").iterdir())
        assert photos and not (root / "images").exists(), "5.5 serves images from public/"

        shirt = _product_id(conn, "a0000000-0000-0000-0000-000000000001")
        order = make_order(conn, number="551", lines=[(shirt, None, "Рубашка", Decimal("2490"), 2)])
        body = client.query_orders()
        [doc] = documents(body)
        assert doc.findtext("{*}Ид") == str(order)
        assert client.call("sale", "success").word == "success"
        xc1c(env, "settings", "set", "orders_accept_items", "Y")
        # no X-Cart runs in this tree to apply them: the sidecar's own 5.5 writes
        xc1c(env, "settings", "set", "orders_apply", "direct")
        back = ITEMS_FROM_1C.replace("@ID@", str(order)).encode()
        client.init("sale", version="2.10")
        assert client.call("sale", "file", back, filename="back.xml").word == "success"
        assert "documents: 1, orders changed: 1, unchanged: 0, unknown: 0" in (
            client.import_file("back.xml", "sale").lines
        )
        with conn.cursor() as cur:
            conn.commit()
            cur.execute(
                "SELECT amount, updateDate > 0 FROM xc_order_items WHERE order_id = %s", (order,)
            )
            assert cur.fetchall() == ((3, 1),), "5.5 stamps the changed line"
    finally:
        stop(sidecar.proc)


def _product_id(conn, ext: str) -> int:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT xc_id FROM xc1c_xc_id_map WHERE kind = 'product' AND ext_id = %s", (ext,)
        )
        return cur.fetchone()[0]
