"""`xc1c db create-xcart-schema --modules multivendor`: X-Cart 5.4 with every stock module and
XC\\MultiVendor, its columns as the module's annotations name them, in either mode."""

from __future__ import annotations

import pytest
from test_cli import fresh_db, run, tables  # noqa: F401  (fresh_db is a fixture)

from sidecar.db import connect
from sidecar.xcart.schema import Schema


@pytest.mark.parametrize("mode", ["W", "S"])
def test_a_multivendor_shop_in_either_mode(fresh_db, mode):  # noqa: F811
    cfg, env = fresh_db
    args = ["db", "create-xcart-schema", "--modules", "multivendor", "--multivendor-mode", mode]
    result = run(env, *args)
    assert result.exit_code == 0, result.output
    assert "created 221 tables" in result.output and "modules: multivendor" in result.output
    names = tables(cfg)
    assert {"shop_vendor", "shop_vendor_translations", "shop_vendor_images", "shop_commission",
            "shop_profile_transaction", "shop_product_variants"} <= set(names)  # fmt: skip
    conn = connect(cfg.db)
    try:
        schema = Schema(conn, "shop_")
        with conn.cursor() as cur:
            assert schema.multivendor_mode(cur) == mode
        for table, column in [("orders", "parent_id"), ("orders", "vendor_id"),
                              ("orders", "commission_id"), ("order_items", "vendor_id"),
                              ("order_items", "originalProductId"), ("order_surcharges", "vendor_id"),
                              ("order_tracking_number", "vendor_id"), ("products", "vendor_id"),
                              ("attributes", "vendor_id"), ("attribute_groups", "vendor_id"),
                              ("product_classes", "vendor_id"), ("clean_urls", "vendor_id"),
                              ("config", "vendor_id"), ("profiles", "vendorConfig")]:  # fmt: skip
            assert schema.has_column(table, column), f"{table}.{column}"
        assert schema.supports("multivendor")
    finally:
        conn.close()


def test_every_other_module_set_has_no_multivendor_part(fresh_db):  # noqa: F811
    cfg, env = fresh_db
    assert run(env, "db", "create-xcart-schema").exit_code == 0
    conn = connect(cfg.db)
    try:
        schema = Schema(conn, "shop_")
        assert not schema.supports("multivendor") and not schema.has_column("orders", "parent_id")
        with conn.cursor() as cur:
            assert schema.multivendor_mode(cur) is None
            cur.execute("SELECT COUNT(*) FROM shop_config WHERE name = 'multivendor_mode'")
            assert cur.fetchone() == (0,)
    finally:
        conn.close()
