"""File names with 1C's own exchange folder in front (1C on Linux leaves it on pictures' names)
are read relative to that folder, as 1C-Bitrix reads them; nothing lands outside the exchange
directory whatever the name."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, catalog_files, flask_transport, query, set_setting
from onec import Node, OneC

from sidecar.errors import BadFileName
from sidecar.safepath import safe_relative_path


@pytest.mark.parametrize(
    "name,relative",
    [
        ("/tmp/v8_1A2B_3/webdata/import0_1.xml", "import0_1.xml"),
        ("/tmp//webdata/import_files/a1/shirt.jpg", "import_files/a1/shirt.jpg"),
        ("/tmp/1c/webdata - 5f1e_170/import_files/a1/x.jpg", "import_files/a1/x.jpg"),
        ("upload/1c/webdata/import0_2.xml", "import0_2.xml"),
        ("\\tmp\\x\\webdata\\import_files\\a1\\x.jpg", "import_files/a1/x.jpg"),
        ("/tmp/import.xml", "import.xml"),  # 1C-Bitrix drops /tmp/ alone too
        ("import_files/a1/webdata/x.jpg", "import_files/a1/webdata/x.jpg"),  # not in front
    ],
)
def test_1cs_folder_in_front_is_dropped(name, relative):
    assert str(safe_relative_path(name)) == relative


@pytest.mark.parametrize(
    "name",
    [
        "/tmp/webdata/../../etc/passwd",
        "/tmp/../etc/passwd",
        "/tmp//etc/passwd",
        "/tmp/x/webdata/",
        "upload/1c/webdata/../../x.xml",
        "/var/tmp/webdata/import.xml",
        "/etc/webdata/import.xml",
        "C:\\Temp\\webdata\\import.xml",
        "/tmp/x/webdata/.htaccess",
        "/tmp/x/webdata/shell.php",
    ],
)
def test_a_name_that_leaves_the_exchange_directory_is_still_refused(name):
    with pytest.raises(BadFileName):
        safe_relative_path(name)


def test_1c_on_linux_sends_pictures_under_its_folder_and_they_are_found(app, conn, config):
    set_setting(conn, "zip", "N")  # in a zip the pictures' paths are relative
    node = Node(portion=2, folder="/tmp/v8_1A2B_3/webdata")
    onec = OneC(flask_transport(app), "1c", PASSWORD, node)
    onec.send_catalog(catalog_files())
    sent = [c.query["filename"] for c in onec.calls if c.query["mode"] == "file"]
    assert "/tmp/v8_1A2B_3/webdata/import_files/a1/shirt.jpg" in sent
    assert query(conn, "SELECT COUNT(*) FROM {p}product_images")[0][0] == 3
    exchange = config.data_dir
    assert not list(exchange.rglob("tmp")) and not list(exchange.rglob("webdata"))
