"""The xc1c command: schema creation, migrations, settings."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import catalog_files, drop_database, server_params, set_setting

from sidecar.cli import main
from sidecar.config import Config
from sidecar.db import connect
from sidecar.settings import MODULE_CATEGORY, read_settings
from sidecar.state.migrations import MIGRATIONS


@pytest.fixture
def fresh_db():
    import secrets
    from dataclasses import replace

    cfg = Config(db=replace(server_params(), database=f"xc1c_cli_{secrets.token_hex(4)}"))
    env = {
        "XC1C_DATABASE_URL": f"mysql://root@{cfg.db.host}:{cfg.db.port}/{cfg.db.database}",
        "XC1C_TABLE_PREFIX": "shop_",
    }
    yield cfg, env
    drop_database(cfg)


def run(env, *args):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def tables(cfg) -> list[str]:
    conn = connect(cfg.db)
    with conn.cursor() as cur:
        cur.execute("SHOW TABLES")
        names = [r[0] for r in cur.fetchall()]
    conn.close()
    return names


@pytest.mark.parametrize("modules,count", [("demo", 206), ("core", 121)])
def test_a_shop_of_another_module_set(fresh_db, modules, count):
    cfg, env = fresh_db
    result = run(env, "db", "create-xcart-schema", "--modules", modules)
    assert result.exit_code == 0, result.output
    assert f"created {count} tables" in result.output and f"modules: {modules}" in result.output
    names = tables(cfg)
    assert "shop_products" in names and "shop_product_variants" not in names
    assert "shop_wholesale_prices" not in names and "shop_active_currencies" not in names


def test_create_schema_migrate_and_settings(fresh_db):
    cfg, env = fresh_db
    result = run(env, "db", "create-xcart-schema")
    assert result.exit_code == 0, result.output
    names = tables(cfg)
    assert len(names) == 216 and all(n.startswith("shop_") for n in names)
    assert "shop_products" in names and "shop_product_variants" in names

    refused = run(env, "db", "create-xcart-schema")
    assert refused.exit_code != 0 and "not empty" in refused.output

    every = [version for version, _ in MIGRATIONS]
    assert run(env, "db", "migrate").output.strip() == f"applied migrations {every}"
    assert run(env, "db", "migrate").output.strip() == "up to date"
    assert "xc1c_shop_sessions" in tables(cfg)

    shown = run(env, "settings", "show").output
    assert "login = 1c" in shown and "password = (empty)" in shown
    assert run(env, "settings", "set", "password", "hunter2").output.strip() == "password = (set)"
    assert "hunter2" not in run(env, "settings", "show").output
    assert run(env, "settings", "set", "zip", "no").output.strip() == "zip = N"
    bad = CliRunner().invoke(main, ["settings", "set", "step_seconds", "9999"], env=env)
    assert bad.exit_code != 0 and "between" in bad.output

    conn = connect(cfg.db)
    with conn.cursor() as cur:
        cur.execute(
            "SELECT c.name, c.type, c.value, t.code, t.option_name FROM shop_config c"
            " JOIN shop_config_translations t ON t.id = c.config_id WHERE c.category = %s"
            " ORDER BY c.name, t.code",
            (MODULE_CATEGORY,),
        )
        rows = cur.fetchall()
    conn.close()
    assert (
        "password",
        "XLite\\View\\FormField\\Input\\PasswordWithValue",
        "hunter2",
        "ru",
        "Пароль для 1С",
    ) in rows
    assert ("zip", "checkbox", "N", "en", "Accept zip archives") in rows

    forced = run(env, "db", "create-xcart-schema", "--force")
    assert forced.exit_code == 0 and len(tables(cfg)) == 216


def test_help_lists_every_setting():
    out = CliRunner().invoke(main, ["settings", "set", "--help"]).output
    for name in (
        "login",
        "password",
        "zip",
        "file_limit",
        "step_seconds",
        "session_ttl",
        "price_type",
    ):
        assert name in out


def test_readme_documents_every_setting():
    from conftest import REPO

    from sidecar.settings import SETTINGS

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"| `{s.name}` |" not in readme]
    assert missing == []


def test_doctor_on_a_working_installation_and_a_broken_one(server, config, conn):
    env = {
        "XC1C_DATABASE_URL": f"mysql://root@{config.db.host}:{config.db.port}/{config.db.database}",
        "XC1C_DATA_DIR": str(config.data_dir),
    }
    result = CliRunner().invoke(main, ["doctor", "--url", server], env=env)
    assert (
        "FAIL module settings in X-Cart" in result.output
    )  # the test shop has no module installed
    assert "ok   database" in result.output and "ok   X-Cart tables found" in result.output
    assert f"ok   {server} reaches the sidecar" in result.output
    assert "ok   1C's login arrives" in result.output
    assert "/xc1c/healthz reaches the sidecar (the status page is routed)" in result.output
    assert "ok   images directory" in result.output and "ok   exchange directory" in result.output

    env["XC1C_TABLE_PREFIX"] = "nope_"
    result = CliRunner().invoke(
        main, ["doctor", "--url", "http://127.0.0.1:9/1c_exchange.php"], env=env
    )
    assert result.exit_code != 0
    assert "FAIL no X-Cart tables with prefix 'nope_'" in result.output
    assert "fix: set XC1C_TABLE_PREFIX" in result.output


def test_doctor_names_the_real_cause_of_a_refused_login(server, config, conn):
    env = {
        "XC1C_DATABASE_URL": f"mysql://root@{config.db.host}:{config.db.port}/{config.db.database}",
        "XC1C_DATA_DIR": str(config.data_dir),
    }
    set_setting(conn, "allowed_ips", "192.0.2.0/24")
    result = CliRunner().invoke(main, ["doctor", "--url", server], env=env)
    assert "FAIL 1C's login refused: the sidecar refuses this machine's address" in result.output
    assert "fix: add this machine's address to allowed_ips" in result.output
    assert "Authorization" not in result.output, "not blamed on the header"
    # one failed login allowed: doctor's own unauthenticated probe uses it up
    set_setting(conn, "allowed_ips", "")
    set_setting(conn, "login_attempts", "1")
    result = CliRunner().invoke(main, ["doctor", "--url", server], env=env)
    assert (
        "FAIL 1C's login refused: this address is rate-limited after failed logins" in result.output
    )


@pytest.mark.parametrize("database", ["demo"], indirect=True)
def test_doctor_tells_the_module_set_and_the_goods_not_for_sale(onec, config, conn):
    with conn.cursor() as cur:  # the shop sells in USD, 1C prices in RUB, no rate
        cur.execute("UPDATE xc_config SET value = '840' WHERE name = 'shop_currency'")
    conn.commit()
    try:
        onec.send_catalog(catalog_files())
        env = {
            "XC1C_DATABASE_URL": f"mysql://root@{config.db.host}:{config.db.port}/{config.db.database}",
            "XC1C_DATA_DIR": str(config.data_dir),
        }
        result = CliRunner().invoke(main, ["doctor"], env=env)
    finally:
        with conn.cursor() as cur:
            cur.execute("UPDATE xc_config SET value = '643' WHERE name = 'shop_currency'")
        conn.commit()
    out = result.output
    assert "ok   without XC\\ProductVariants (variants): 1C characteristics become" in out
    assert "ok   without CDev\\Wholesale (wholesale)" in out
    assert (
        "XC\\ProductVariants"
        not in out.split("X-Cart modules the sidecar uses, on:")[1].split("\n")[0]
    )
    assert (
        "FAIL 4 1C products are not for sale, 1C gave them no usable price:"
        " price in RUB, no rate to USD (currency_rates) (4, e.g. product_id" in out
    )
    assert result.exit_code != 0


def test_migrate_moves_the_tables_of_earlier_versions_out_of_x_carts_prefix(fresh_db):
    """Before 0.2 the sidecar's tables were `{prefix}xc1c_*`, which X-Cart's redeploy drops."""
    cfg, env = fresh_db
    run(env, "db", "create-xcart-schema")
    run(env, "db", "migrate")
    conn = connect(cfg.db)
    with conn.cursor() as cur:
        cur.execute("SHOW TABLES LIKE 'xc1c\\_shop\\_%'")
        own = [r[0] for r in cur.fetchall()]
        assert "xc1c_shop_id_map" in own and "xc1c_shop_schema" in own
        cur.execute(
            "RENAME TABLE " + ", ".join(f"{t} TO shop_xc1c_{t[len('xc1c_shop_') :]}" for t in own)
        )
        cur.execute(
            "INSERT INTO shop_xc1c_id_map (kind, ext_id, xc_id, updated_at) VALUES ('product', 'a', 7, 0)"
        )
    conn.commit()
    assert run(env, "db", "migrate").output.strip() == "up to date"
    with conn.cursor() as cur:
        cur.execute("SHOW TABLES LIKE 'shop\\_xc1c\\_%'")
        assert cur.fetchall() == ()
        cur.execute("SELECT ext_id, xc_id FROM xc1c_shop_id_map")
        assert cur.fetchall() == (("a", 7),)
    conn.close()


@pytest.mark.parametrize("prefix", ["", "xc", "xc1c_"])
def test_a_prefix_the_own_tables_would_fall_under_is_refused(prefix):
    from sidecar.config import load_config
    from sidecar.errors import ConfigError

    with pytest.raises(ConfigError, match="redeploy drops"):
        load_config({"XC1C_DATABASE_URL": "mysql://root@127.0.0.1/x", "XC1C_TABLE_PREFIX": prefix})


def test_extra_requisites_are_checked_when_set_and_by_doctor(config, conn):
    env = {
        "XC1C_DATABASE_URL": f"mysql://root@{config.db.host}:{config.db.port}/{config.db.database}",
        "XC1C_DATA_DIR": str(config.data_dir),
    }
    refused = CliRunner().invoke(main, ["settings", "set", "orders_requisites",
                                        "ИНН = billing.inn\nСклад = order.warehouse"], env=env)  # fmt: skip
    assert refused.exit_code != 0
    assert "orders_requisites: not understood: Склад = order.warehouse" in refused.output
    # X-Cart's settings page saves whatever the admin types: doctor reports it
    set_setting(conn, "orders_requisites", "ИНН = billing.inn")
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE xc_config SET value = %s WHERE category = %s AND name = 'orders_requisites'",
            ("ИНН = billing.inn\nСклад = order.warehouse", MODULE_CATEGORY),
        )
    conn.commit()
    out = CliRunner().invoke(main, ["doctor"], env=env).output
    assert (
        "FAIL extra order requisites (orders_requisites): not understood: 'Склад = order.warehouse';"
        in out
    )
    assert "the shop has no address field 'inn' (billing.inn)" in out


@pytest.mark.parametrize(
    ("name", "good", "bad", "refused"),
    [
        ("currency_rates", "RUB = 0.011\nUSD = 1", "RUB = 0.011\nEUR = много", "eur = много"),
        ("status_map", "Оплачен = payment P", "Оплачен = payment P\nОтгружен = S", "отгружен = s"),
    ],
)
def test_structured_settings_are_checked_when_set(config, conn, name, good, bad, refused):
    env = {
        "XC1C_DATABASE_URL": f"mysql://root@{config.db.host}:{config.db.port}/{config.db.database}",
        "XC1C_DATA_DIR": str(config.data_dir),
    }
    out = CliRunner().invoke(main, ["settings", "set", name, bad], env=env)
    assert out.exit_code != 0 and f"{name}: not understood: {refused}" in out.output
    assert read_settings(conn, "xc_")[name] == ()  # nothing was saved
    assert CliRunner().invoke(main, ["settings", "set", name, good], env=env).exit_code == 0
    conn.commit()
    assert len(read_settings(conn, "xc_")[name]) == len(good.splitlines())


def test_doctor_says_when_orders_in_a_container_reach_a_client_that_reads_none(app, config, conn):
    from conftest import PASSWORD, flask_transport
    from onec import OneC
    from onec_files import Node

    env = {
        "XC1C_DATABASE_URL": f"mysql://root@{config.db.host}:{config.db.port}/{config.db.database}",
        "XC1C_DATA_DIR": str(config.data_dir),
    }
    set_setting(conn, "orders_container", "Y")
    before = CliRunner().invoke(main, ["doctor"], env=env).output
    assert "ok   orders_container is on: only 1С-Битрикс's exchange module 6.5" in before
    OneC(flask_transport(app), "1c", PASSWORD, Node()).load_orders()  # УТ 11: no init
    out = CliRunner().invoke(main, ["doctor"], env=env).output
    assert "FAIL orders_container is on and the last orders session came from a client" in out
    assert "with no version at init (УТ 11, ERP, КА or УНФ)" in out
    set_setting(conn, "orders_container", "N")
    assert "orders_container" not in CliRunner().invoke(main, ["doctor"], env=env).output
