"""Orders → 1C integration in X-Cart 5.4's admin (the module's page, tests/xcart_rig.py): after
a real exchange from 1C — the first one analysed without writing (first_exchange_dry_run),
then the catalog written, its goods not for sale for want of a dollar rate — X-Cart renders
the sidecar's own figures for an administrator logged in to X-Cart, in English and Russian,
with the log of one exchange; a visitor and a staff member without the order permission are
refused. The sidecar's status page links to it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pymysql
import pytest
from conftest import beside_xcart, catalog_files, launch, stop
from onec import OneC
from xcart_rig import Admin, Rig

from sidecar.onec_client import http_transport

PASSWORD = "rig-Пароль-3"
PAGE = "/admin.php?target=xc1c_exchange"
SCREENSHOT = Path(os.environ.get("XC1C_ADMIN_SCREENSHOT", "/tmp/xc1c-admin-page.png"))


def _sql(rig: Rig, statement: str, *args) -> list[tuple]:
    conn = pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root", database="xcart",
                           autocommit=True)  # fmt: skip
    with conn.cursor() as cur:
        cur.execute(statement, args)
        rows = list(cur.fetchall())
    conn.close()
    return rows


@pytest.fixture
def exchanged(rig: Rig, tmp_path: Path):
    """The module enabled, a sidecar beside the shop that X-Cart reaches (sidecar_url), two
    catalog exchanges from 1C through it, and a staff account whose role may manage the
    catalog but not orders."""
    rig.restore("orders.sql")
    try:
        rig.set_module(True)
        env, xc1c = beside_xcart(rig.root, tmp_path / "var", PASSWORD)
        xc1c("settings", "set", "first_exchange_dry_run", "Y")
        sidecar = launch(env, tmp_path / "sidecar.log")
        try:
            base = sidecar.url.rsplit("/", 1)[0]
            xc1c("settings", "set", "sidecar_url", base)
            onec = OneC(http_transport(sidecar.url), "1c", PASSWORD)
            onec.send_catalog(catalog_files())  # the first: analysed, nothing written
            onec.send_catalog(catalog_files())  # then written
            staff = staff_account(rig)
            # Russian among the shop's languages, for an admin who works in it
            _sql(rig, "UPDATE xc_languages SET added = 1, enabled = 1 WHERE code = 'ru'")
            shutil.rmtree(rig.root / "var" / "datacache", ignore_errors=True)  # settings by SQL
            yield rig, base, staff
        finally:
            stop(sidecar.proc)
    finally:
        rig.remove_module()
        rig.restore("orders.sql")


def staff_account(rig: Rig) -> tuple[str, str]:
    """An administrator profile (access level 100) with a role of catalog rights only; its
    password is the demo admin's, so its hash is X-Cart's own."""
    role = "Catalog only"
    _sql(rig, "INSERT INTO xc_roles (enabled) VALUES (1)")
    role_id = _sql(rig, "SELECT MAX(id) FROM xc_roles")[0][0]
    _sql(rig, "INSERT INTO xc_role_translations (id, code, name) VALUES (%s, 'en', %s)",
         role_id, role)  # fmt: skip
    _sql(rig, "INSERT INTO xc_role_permissions (role_id, permission_id) SELECT %s, id"
              " FROM xc_permissions WHERE code = 'manage catalog'", role_id)  # fmt: skip
    login = "catalog.staff@example.com"
    columns = [r[0] for r in _sql(rig, "SHOW COLUMNS FROM xc_profiles")]
    keep = [c for c in columns if c not in ("profile_id", "login", "searchFakeField")]
    _sql(rig, f"INSERT INTO xc_profiles (login, {', '.join(keep)}) SELECT %s, {', '.join(keep)}"
              " FROM xc_profiles WHERE login = 'admin@example.com'", login)  # fmt: skip
    profile_id = _sql(rig, "SELECT profile_id FROM xc_profiles WHERE login = %s", login)[0][0]
    _sql(rig, "INSERT INTO xc_profile_roles (profile_id, role_id) VALUES (%s, %s)",
         profile_id, role_id)  # fmt: skip
    return login, "admin123"


def status_json(base: str, secret: str) -> dict:
    request = urllib.request.Request(f"{base}/status.json", headers={"X-Xc1c-Secret": secret})
    with urllib.request.urlopen(request, timeout=60) as r:
        return json.loads(r.read())


def test_the_admin_sees_the_exchange_in_x_carts_admin_and_others_do_not(exchanged):
    rig, base, staff = exchanged
    with rig.serving() as shop:
        admin = Admin(shop)
        page = admin.get(PAGE)
        secret = _sql(rig, "SELECT value FROM xc_config WHERE category = 'Xc1c\\\\Exchange'"
                           " AND name = 'xcart_secret'")[0][0]  # fmt: skip
        assert secret, "the page made the key the sidecar and X-Cart share"
        status = status_json(base, secret)
        dry = next(e for e in status["exchanges"] if e["dry_run"] and e["analysis_lines"])
        written = next(e for e in status["exchanges"]
                       if not e["dry_run"] and e["summary"]["created"])  # fmt: skip
        assert 'id="xc1c-exchanges"' in page and "Last exchanges" in page
        for e in (dry, written):
            assert f'id="xc1c-exchange-{e["id"]}"' in page
        # what the written one changed, as the sidecar counts it
        changed = ", ".join(f"{k} {v}" for k, v in written["summary"].items() if v)
        assert changed and changed in page
        # the first exchange's analysis, line by line
        assert "What the first exchange would change" in page
        for line in dry["analysis_lines"]:
            assert line.replace("&", "&amp;").replace("<", "&lt;") in page.replace("&#039;", "'")
        # not for sale and why: the catalog's prices are in RUB, the shop sells in USD
        (held,) = status["unpriced"]
        assert "no rate to USD" in held["reason"]
        assert f"{held['products']} products" in page and "Not for sale, and why" in page
        # the module set the sidecar sees
        for m in status["modules"]:
            assert m["module"] in page
        assert "Order changes from 1C" in page
        # the log of one exchange, opened from its row
        log = admin.get(f"{PAGE}&exchange={written['id']}")
        assert 'id="xc1c-log"' in log and f"Log of exchange #{written['id']}" in log
        # X-Cart's menu leads there: Orders → 1C integration
        assert "target=xc1c_exchange" in admin.get("/admin.php?target=order_list")
        screenshot(rig, shop, page)

        # in Russian when the admin's language is Russian
        _sql(rig, "UPDATE xc_profiles SET language = 'ru' WHERE login = 'admin@example.com'")
        ru = Admin(shop).get(f"{PAGE}&language=ru")
        assert "Последние обмены" in ru and "Не продаются, и почему" in ru

        # a visitor is sent to the login form; the catalog-only staff member is refused
        visitor = Admin(shop, "nobody@example.com", "wrong")
        assert 'name="password"' in (body := visitor.get(PAGE)) and "xc1c-exchange" not in body
        refused = Admin(shop, *staff)
        assert "target=product_list" in refused.get("/admin.php?target=product_list")
        with pytest.raises(urllib.error.HTTPError) as denied:  # X-Cart's "access denied"
            refused.get(PAGE)
        assert denied.value.code == 403

    # the sidecar's own status page points to the admin page
    status_page = urllib.request.Request(f"{base}/status", headers={"X-Xc1c-Secret": secret})
    with urllib.request.urlopen(status_page, timeout=60) as r:
        text = r.read().decode()
    assert f'href="{rig.url}/admin.php?target=xc1c_exchange"' in text


def screenshot(rig: Rig, shop: str, page: str) -> None:
    """The page as X-Cart rendered it for the admin, drawn by headless Chromium (its style
    sheets and images from the running shop), for a person to look at."""
    chromium = shutil.which("chromium")
    if chromium is None:
        return
    html = rig.base / "out" / "xc1c-admin-page.html"
    html.write_text(page.replace("<head>", f'<head><base href="{shop}/">', 1), encoding="utf-8")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={SCREENSHOT}", "--window-size=1400,1600", html.as_uri()],
                   capture_output=True, timeout=120, check=True)  # fmt: skip
