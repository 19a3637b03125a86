"""The X-Cart module in a real X-Cart 5.4.1.23 shop (tests/xcart_rig.py): enabled through the
service tool's own rebuild requests, its settings page saved as a browser posts it, upgraded
from an older module version by its upgrade hook, disabled again — and 1C still logs in to
the sidecar, which reads what the admin saved."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pymysql
import pytest
from conftest import launch, stop
from xcart_rig import Admin, Rig

from sidecar.onec_client import OneCClient, http_transport
from sidecar.settings import SETTINGS
from sidecar.xcart_module import MINOR

SETTINGS_PAGE = "/admin.php?target=module&moduleId=Xc1c-Exchange"
CATEGORY = "Xc1c\\Exchange"
TASK = "XLite\\Module\\Xc1c\\Exchange\\Core\\Task\\ApplyOrderChanges"


@pytest.fixture
def module_shop(rig: Rig, tmp_path: Path):
    """The rig's shop with the xc1c module enabled, and a sidecar beside it configured by
    XC1C_XCART_ROOT alone. Afterwards the module is removed and the shop restored."""
    rig.restore("orders.sql")
    try:
        rig.set_module(True)
        env = {k: v for k, v in os.environ.items() if not k.startswith("XC1C_")}
        env |= {"XC1C_XCART_ROOT": str(rig.root), "XC1C_DATA_DIR": str(tmp_path / "var")}
        xc1c = Path(sys.executable).with_name("xc1c")
        subprocess.run([str(xc1c), "db", "migrate"], env=env, check=True, capture_output=True)

        def doctor() -> str:
            done = subprocess.run([str(xc1c), "doctor"], env=env, capture_output=True, text=True)
            return done.stdout + ("" if done.returncode else "doctor: green\n")

        sidecar = launch(env, tmp_path / "sidecar.log")
        try:
            yield rig, sidecar.url, doctor
        finally:
            stop(sidecar.proc)
    finally:
        rig.remove_module()
        rig.restore("orders.sql")


def config(rig: Rig) -> dict[str, tuple[str, str]]:
    """name → (type, value) of the module's settings rows."""
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SELECT name, type, value FROM xc_config WHERE category = %s", (CATEGORY,))
        rows = {name: (kind, value) for name, kind, value in cur.fetchall()}
    conn.close()
    return rows


def tasks(rig: Rig) -> list[str]:
    """The module's tasks X-Cart's cron runs."""
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SELECT owner FROM xc_tasks WHERE owner LIKE %s", ("%Xc1c%",))
        owners = [r[0] for r in cur.fetchall()]
    conn.close()
    return owners


def own_tables(rig: Rig) -> list[str]:
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute("SHOW TABLES LIKE 'xc1c\\_%'")
        names = sorted(r[0] for r in cur.fetchall())
    conn.close()
    return names


def sql(rig: Rig, statement: str, *args) -> None:
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart")
    with conn.cursor() as cur:
        cur.execute(statement, args)
    conn.commit()
    conn.close()


def checkauth(url: str, login: str, password: str) -> list[str]:
    """1C's first call: `success` and its cookie, or `failure` and why."""
    return OneCClient(http_transport(url), login, password).call("catalog", "checkauth").lines


def test_settings_saved_twice_keep_the_password_and_1c_logs_in(module_shop):
    rig, url, doctor = module_shop
    rows = config(rig)
    assert rows["password"][0] == "XLite\\View\\FormField\\Input\\PasswordWithValue"
    assert {s.name for s in SETTINGS} <= set(rows)
    with rig.serving() as shop:
        admin = Admin(shop)
        page = admin.get(SETTINGS_PAGE)
        assert ">Update</option>" in page and ">Full overwrite</option>" in page
        assert "Exchange URL for 1C" in page
        changes = {"login": "1c-rig", "password": "Пароль-1С!", "price_type": "Розничная"}
        assert "The data has been saved successfully" in admin.save_form(
            SETTINGS_PAGE, "password", changes
        )
        # the admin comes back and changes only the price type
        assert "The data has been saved successfully" in admin.save_form(
            SETTINGS_PAGE, "password", {"price_type": "Оптовая"}
        )
        rows = config(rig)
        assert rows["password"][1] == "Пароль-1С!" and rows["price_type"][1] == "Оптовая"
        assert checkauth(url, "1c-rig", "Пароль-1С!")[0] == "success"
        assert checkauth(url, "1c-rig", "wrong")[0] == "failure"
        report = doctor()
        assert f"ok   module settings in X-Cart: {len(SETTINGS)} of {len(SETTINGS)}" in report
        assert "ok   an exchange password is set" in report
        # X-Cart serving: the module's side answers for 1C's order changes
        assert f"ok   order changes from 1C go through X-Cart at {rig.url}" in report
        assert "doctor: green" in report, report

    # disabled: the shop keeps working, the settings stay where the sidecar reads them, and
    # X-Cart's redeploy, which drops unknown tables with its prefix, leaves the sidecar's own
    own = own_tables(rig)
    assert "xc1c_xc_id_map" in own
    rig.set_module(False)
    assert own_tables(rig) == own
    (status, _), (admin_status, _) = rig.pages("/cart.php", "/admin.php?target=login")
    assert status == 200 and admin_status == 200
    assert checkauth(url, "1c-rig", "Пароль-1С!")[0] == "success"


def test_an_upgrade_from_the_earlier_module_keeps_and_fixes_the_settings(module_shop):
    rig, url, doctor = module_shop
    # the rows a shop that enabled module 5.4.010 has: secrets as Input\\Password, no
    # currency_rates setting yet, the long drop-down texts; its admin had set a password
    sql(rig, "UPDATE xc_config SET type = 'XLite\\\\View\\\\FormField\\\\Input\\\\Password'"
             " WHERE category = %s AND name IN ('password', 'status_token')", CATEGORY)  # fmt: skip
    sql(rig, "UPDATE xc_config SET value = 'старый-пароль' WHERE category = %s"
             " AND name = 'password'", CATEGORY)  # fmt: skip
    sql(rig, "DELETE FROM xc_config WHERE category = %s AND name = 'currency_rates'", CATEGORY)
    # nor the settings and the cron task of 5.4.030 (1C's order changes through X-Cart), nor
    # those of 5.4.040 (linking the shop's own products)
    sql(rig, "DELETE FROM xc_config WHERE category = %s AND name IN ('orders_apply',"
             " 'xcart_secret', 'link_products', 'link_categories')", CATEGORY)  # fmt: skip
    sql(rig, "DELETE FROM xc_tasks WHERE owner = %s", TASK)
    assert "FAIL module settings in X-Cart" in doctor()

    hook = (
        rig.root
        / f"classes/XLite/Module/Xc1c/Exchange/hooks/upgrade/5.4/{int(MINOR)}/post_rebuild.php"
    )
    rig.upgrade_hook(hook)
    assert tasks(rig) == [TASK]
    rows = config(rig)
    assert rows["password"] == ("XLite\\View\\FormField\\Input\\PasswordWithValue", "старый-пароль")
    assert rows["status_token"][0] == "XLite\\View\\FormField\\Input\\PasswordWithValue"
    assert rows["currency_rates"] == ("textarea", "")
    assert rows["link_products"][1] == "sku" and rows["link_categories"][1] == "Y"
    assert f"ok   module settings in X-Cart: {len(SETTINGS)} of {len(SETTINGS)}" in doctor()
    assert checkauth(url, "1c", "старый-пароль")[0] == "success"
    with rig.serving() as shop:
        admin = Admin(shop)
        admin.save_form(SETTINGS_PAGE, "password", {"price_type": "Розничная"})
        admin.save_form(SETTINGS_PAGE, "password", {"price_type": "Оптовая"})
    assert config(rig)["password"][1] == "старый-пароль"
    assert checkauth(url, "1c", "старый-пароль")[0] == "success"
