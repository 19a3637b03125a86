"""A shop whose tables carry another prefix: every query must follow the configured one."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import PASSWORD, catalog_files, drop_database, flask_transport, make_database

from sidecar.app import create_app
from sidecar.db import connect
from sidecar.onec_client import OneCClient
from sidecar.settings import write_setting


@pytest.fixture(scope="module")
def other_shop():
    config = make_database("shop7_")
    yield config
    drop_database(config)


def test_exchange_into_a_shop_with_another_prefix(other_shop, tmp_path):
    config = replace(other_shop, data_dir=tmp_path)
    conn = connect(config.db)
    write_setting(conn, "shop7_", "password", PASSWORD)
    client = OneCClient(flask_transport(create_app(config)), "1c", PASSWORD)
    assert [r.word for r in client.send_catalog(catalog_files())] == ["success", "success"]
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*), SUM(amount) FROM shop7_products")
        assert cur.fetchone() == (4, 26)
        cur.execute("SHOW TABLES LIKE 'xc\\_%'")
        assert cur.fetchall() == ()
    conn.close()
