"""The module installed the way a shop owner with only a browser installs it: X-Cart 5.4's
*My add-ons → Upload add-on* with the package `xc1c module pack` writes, sent through the
service tool's own requests (tests/xcart_rig.py ServiceTool), then its *Install add-on*
redeploy; the settings page saved; then the next version's package uploaded over it, its
upgrade hook run by the service tool, the saved settings kept. The previous version is the
module as the repository last had it before the current version (built from git)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pymysql
import pytest
import yaml
from conftest import REPO
from xcart_rig import MODULE_DIRS, Admin, Rig, ServiceTool

from sidecar.xcart_module import MINOR
from sidecar.xcart_package import main_yaml_path, module_files, pack

SETTINGS_PAGE = "/admin.php?target=module&moduleId=Xc1c-Exchange"
STUB = "xcart_module_stub/5.4/"


def _git(*args: str) -> bytes:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True,
                          capture_output=True).stdout  # fmt: skip


def previous_package(out: Path) -> tuple[str, Path]:
    """The package of the newest module version in the history before the current one."""
    main = STUB + main_yaml_path("5.4")
    current = yaml.safe_load(module_files("5.4")[main_yaml_path("5.4")])["version"]
    for rev in _git("log", "--format=%H", "--", main).decode().split():
        version = yaml.safe_load(_git("show", f"{rev}:{main}"))["version"]
        if version != current:
            break
    else:
        pytest.fail(f"no module version before {current} in the repository's history")
    paths = _git("ls-tree", "-r", "--name-only", rev, STUB).decode().splitlines()
    files = {p[len(STUB) :]: _git("show", f"{rev}:{p}") for p in paths}
    return version, pack(files, "5.4", out)


def config(rig: Rig) -> dict[str, str]:
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SELECT name, value FROM xc_config WHERE category = 'Xc1c\\\\Exchange'")
        rows = dict(cur.fetchall())
        cur.execute("SELECT COUNT(*) FROM xc_language_labels WHERE name = 'Xc1c: last exchanges'")
        rows["(label of the exchange page)"] = cur.fetchone()[0]
    conn.close()
    return rows


@pytest.fixture
def clean_shop(rig: Rig, tmp_path: Path):
    """The rig's shop; afterwards the module's files, the packages, the service tool's own
    records (files/service) and the folders its redeploy set aside are as before, the rig's
    module set rebuilt and its database restored."""
    rig.restore("orders.sql")
    service = rig.root / "files" / "service"
    shutil.copytree(service, tmp_path / "service")
    var_before = {p.name for p in (rig.root / "var").iterdir()}
    try:
        yield rig
    finally:
        for folder in MODULE_DIRS:
            shutil.rmtree(rig.root / folder, ignore_errors=True)
        for path in (rig.root / "var" / "packs").glob("Xc1c-Exchange*"):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        for path in (rig.root / "var").iterdir():
            if path.name not in var_before:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
        shutil.rmtree(service)
        shutil.copytree(tmp_path / "service", service)
        rig.remove_module()
        rig.restore("orders.sql")


def _install(server, package: Path) -> Admin:
    """Upload add-on, then Install add-on, as the admin's browser does; a fresh admin login
    afterwards (the redeploy rebuilt the shop's classes)."""
    tool = ServiceTool(Admin(server.url), server)
    tool.upload(package)
    states = tool.install_uploaded()
    assert states[-1]["state"] == "success", states[-1]
    return Admin(server.url)


def test_uploaded_installed_configured_and_upgraded_without_a_shell(clean_shop, tmp_path):
    rig = clean_shop
    old_version, old = previous_package(tmp_path / "old")
    new = pack(module_files("5.4"), "5.4", tmp_path / "new")
    assert old_version != f"5.4.{MINOR}.0" and new.name == f"Xc1c-Exchange.5.4.{int(MINOR)}.0.tgz"
    with rig.serving_without_exec() as server:
        admin = _install(server, old)
        page = admin.get(SETTINGS_PAGE)
        assert "Exchange URL for 1C" in page and ">Full overwrite</option>" in page
        assert "The data has been saved successfully" in admin.save_form(
            SETTINGS_PAGE, "password", {"password": "Пароль-1С!", "price_type": "Оптовая"}
        )
        assert config(rig)["(label of the exchange page)"] == 0  # not in the old version

        admin = _install(server, new)
        rows = config(rig)
        assert rows["password"] == "Пароль-1С!" and rows["price_type"] == "Оптовая"
        assert rows["(label of the exchange page)"] == 1  # the upgrade hook loaded them
        installed = rig.root / "classes/XLite/Module/Xc1c/Exchange/main.yaml"
        assert yaml.safe_load(installed.read_text())["version"] == f"5.4.{MINOR}.0"
        assert "Exchange URL for 1C" in admin.get(SETTINGS_PAGE)
        assert 'class="xc1c-exchange"' in admin.get("/admin.php?target=xc1c_exchange")
