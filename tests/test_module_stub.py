"""The X-Cart module: generated from the settings declaration, valid PHP and YAML, and its
install.yaml, loaded the way X-Cart loads fixtures, gives the rows the sidecar reads."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml
from conftest import REPO, drop_database, make_database

from sidecar.db import connect
from sidecar.settings import MODULE_CATEGORY, SETTINGS, read_settings, write_setting
from sidecar.xcart_module import render, stale

STUB = REPO / "xcart_module_stub"
INSTALL = {
    "5.4": STUB / "5.4/classes/XLite/Module/Xc1c/Exchange/install.yaml",
    "5.5": STUB / "5.5/modules/Xc1c/Exchange/config/install.yaml",
}


def test_the_module_on_disk_is_what_the_declaration_renders():
    assert stale(STUB) == [], "run `xc1c module write` after changing sidecar/settings.py"


def test_every_php_and_yaml_file_is_valid():
    """(The admin page's Twig template and style sheet X-Cart itself judges, in the rig.)"""
    php = shutil.which("php")
    assert php, "php-cli is installed by scripts/bootstrap.sh"
    for relative in render():
        path = STUB / relative
        if path.suffix == ".php":
            result = subprocess.run([php, "-l", str(path)], capture_output=True, text=True)
            assert result.returncode == 0, result.stdout + result.stderr
        elif path.suffix == ".yaml":
            assert yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("version", ["5.4", "5.5"])
def test_every_setting_is_declared_with_both_languages_and_its_default(version):
    rows = {
        r["name"]: r for r in yaml.safe_load(INSTALL[version].read_text())["XLite\\Model\\Config"]
    }
    for s in SETTINGS:
        row = rows[s.name]
        assert row["category"] == MODULE_CATEGORY
        assert s.parse(str(row["value"])) == s.parse(s.default)
        codes = {t["code"]: t for t in row["translations"]}
        assert codes["en"]["option_name"] == s.label_en and codes["ru"]["option_name"] == s.label_ru
    # the sections of the page, in order, each before its settings
    separators = [r for r in rows.values() if r["type"] == "separator"]
    assert [r["translations"][0]["option_name"] for r in separators] == [
        "Exchange access",
        "Catalog",
        "Prices and stock",
        "Orders",
        "Order statuses",
        "History and status page",
    ]
    assert rows["password"]["type"] == "XLite\\View\\FormField\\Input\\PasswordWithValue"
    assert rows["zip"]["type"] == "checkbox"
    namespace = "XLite\\Module\\Xc1c\\Exchange" if version == "5.4" else "Xc1c\\Exchange"
    assert rows["catalog_mode"]["type"] == f"{namespace}\\View\\FormField\\Select\\CatalogMode"


def load_fixtures(conn, prefix: str, path) -> None:
    """What X-Cart's YAML loader does with XLite\\Model\\Config rows: one config row, and one
    config_translations row per language."""
    with conn.cursor() as cur:
        for row in yaml.safe_load(path.read_text())["XLite\\Model\\Config"]:
            cur.execute(
                f"INSERT INTO {prefix}config (name, category, type, orderby, value) VALUES (%s, %s, %s, %s, %s)",
                (row["name"], row["category"], row["type"], row["orderby"], str(row["value"])),
            )
            config_id = cur.lastrowid
            for t in row["translations"]:
                cur.execute(
                    f"INSERT INTO {prefix}config_translations (id, code, option_name, option_comment) VALUES (%s, %s, %s, %s)",
                    (config_id, t["code"], t["option_name"], t.get("option_comment", "")),
                )
    conn.commit()


def test_installing_the_module_gives_the_rows_the_sidecar_reads():
    config = make_database("xc_")
    try:
        conn = connect(config.db)
        load_fixtures(conn, "xc_", INSTALL["5.4"])
        values = read_settings(conn, "xc_")
        assert values == {s.name: s.parse(s.default) for s in SETTINGS}
        # a change saved in X-Cart (the row's value) is what the sidecar reads next
        with conn.cursor() as cur:
            cur.execute("UPDATE xc_config SET value = 'overwrite' WHERE name = 'catalog_mode'")
        conn.commit()
        assert read_settings(conn, "xc_")["catalog_mode"] == "overwrite"
        # the CLI updates the module's row; it does not add a second one
        write_setting(conn, "xc_", "password", "pw")
        with conn.cursor() as cur:
            cur.execute("SELECT COUNT(*), MAX(value) FROM xc_config WHERE name = 'password'")
            assert cur.fetchone() == (1, "pw")
        conn.close()
    finally:
        drop_database(config)


def test_a_row_the_sidecar_creates_matches_the_modules(conn):
    """`xc1c settings set` on a shop without the module writes the row install.yaml would."""
    write_setting(conn, "xc_", "step_seconds", "30")
    declared = {
        r["name"]: r for r in yaml.safe_load(INSTALL["5.4"].read_text())["XLite\\Model\\Config"]
    }
    with conn.cursor() as cur:
        cur.execute(
            "SELECT type, orderby, widgetParameters FROM xc_config WHERE name = 'step_seconds'"
        )
        kind, orderby, params = cur.fetchone()
    assert (kind, orderby) == (
        declared["step_seconds"]["type"],
        declared["step_seconds"]["orderby"],
    )
    assert params == 'a:2:{s:3:"min";i:0;s:3:"max";i:240;}'


def test_drop_down_texts_fit_x_carts_select():
    """X-Cart's settings page cuts a select's option text past about 25 characters; the long
    explanation belongs in the help text."""
    long = [(s.name, text) for s in SETTINGS for pair in s.choice_labels for text in pair
            if len(text) > 24]  # fmt: skip
    assert long == []


def test_every_secret_keeps_its_value_when_the_page_is_saved():
    for version, path in INSTALL.items():
        rows = yaml.safe_load(path.read_text(encoding="utf-8"))["XLite\\Model\\Config"]
        secrets = {r["name"]: r["type"] for r in rows if "Password" in r["type"]}
        assert secrets == dict.fromkeys(
            ["password", "status_token", "xcart_secret"],
            "XLite\\View\\FormField\\Input\\PasswordWithValue",
        ), version


def test_an_upgraded_shop_gets_this_versions_settings_rows():
    """X-Cart loads install.yaml only on the first enable: the upgrade hook of this version
    (5.4: hooks/upgrade/<line>/<minor>, 5.5: a lifetime hook tagged with this version) loads
    it again, keeping the saved values."""
    from sidecar import __version__

    minor = __version__.replace(".", "")
    hook = STUB / f"5.4/classes/XLite/Module/Xc1c/Exchange/hooks/upgrade/5.4/{int(minor)}"
    assert "loadFixtures" in (hook / "post_rebuild.php").read_text()
    main = yaml.safe_load((INSTALL["5.4"].parent / "main.yaml").read_text())
    assert main["version"] == f"5.4.{minor}.0"
    services = yaml.safe_load((STUB / "5.5/modules/Xc1c/Exchange/config/services.yaml").read_text())
    [tag] = services["services"]["Xc1c\\Exchange\\LifetimeHook\\Hook"]["tags"]
    assert tag["type"] == "upgrade" and tag["version"] == f"5.5.{minor}.0"
