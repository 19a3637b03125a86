"""The catalog as 1C's own client sends it (tests/onec.py), on every shop schema: whole or in
portions, zipped or not, with or without sessid, from УТ 11 (БЭД) and УНФ — the shop ends up
the same as after one plain exchange of the same export."""

from __future__ import annotations

import pytest
from conftest import (
    ON_EVERY_SHOP,
    PASSWORD,
    PREFIX,
    catalog_files,
    flask_transport,
    query,
    reset,
    set_setting,
)
from onec import Node, OneC

from sidecar.settings import write_setting

pytestmark = ON_EVERY_SHOP

NODES = {
    "bed-portion-1": (Node(portion=1), "Y"),
    "bed-portion-2-no-zip": (Node(portion=2), "N"),
    "bed-no-sessid": (Node(sessid=False), "Y"),
    "unf-other-cms": (Node(variant="unf", cms="other"), "N"),
    "unf-bitrix-portion-3": (Node(variant="unf", portion=3), "Y"),
}


def shop_state(conn) -> list:
    return [
        query(conn, "SELECT sku, price, amount, enabled FROM {p}products ORDER BY sku"),
        query(conn, "SELECT COUNT(*) FROM {p}product_images"),
        query(conn, "SELECT COUNT(*) FROM {p}categories"),
        query(conn, "SELECT COUNT(*) FROM {p}attribute_values_select"),
    ]


@pytest.mark.parametrize("name", list(NODES))
def test_the_catalog_as_1c_sends_it(name, app, conn, images_dir):
    node, zipped = NODES[name]
    OneC(flask_transport(app), "1c", PASSWORD, Node()).send_catalog(catalog_files())
    whole = shop_state(conn)
    assert whole[0], "the reference exchange made products"
    reset(conn, PREFIX)
    write_setting(conn, PREFIX, "images_path", str(images_dir))
    set_setting(conn, "zip", zipped)
    onec = OneC(flask_transport(app), "1c", PASSWORD, node)
    sessions = onec.send_catalog(catalog_files())
    assert all(s.ok for s in sessions)
    assert onec.modes().count("checkauth") == len(sessions) > 1, "a session per portion"
    assert "complete" not in onec.modes() and "deactivate" not in onec.modes()
    assert shop_state(conn) == whole
