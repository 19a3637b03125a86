"""What real shops differ in: module columns nobody told us about, and X-Cart's data cache."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import PASSWORD, catalog_files, flask_transport, query

from sidecar.app import create_app
from sidecar.onec_client import OneCClient

MODULE_COLUMNS = [
    ("products", "acmeRating", "INT NOT NULL"),
    ("products", "acmeBadge", "VARCHAR(16) NOT NULL"),
    ("product_translations", "acmeSeoText", "LONGTEXT NOT NULL"),
    ("categories", "acmeIcon", "VARCHAR(64) NOT NULL"),
    ("quick_data", "acmeScore", "DECIMAL(14,4) NOT NULL"),
]


@pytest.fixture
def module_columns(conn):
    """A shop with a third-party module that added NOT NULL columns without DB defaults."""
    with conn.cursor() as cur:
        for table, column, ddl in MODULE_COLUMNS:
            cur.execute(f"ALTER TABLE xc_{table} ADD COLUMN `{column}` {ddl}")
    yield
    with conn.cursor() as cur:
        for table, column, _ in MODULE_COLUMNS:
            cur.execute(f"ALTER TABLE xc_{table} DROP COLUMN `{column}`")


def test_unknown_not_null_module_columns_get_type_zero_values(module_columns, onec, conn):
    replies = onec.send_catalog(catalog_files())
    assert [r.word for r in replies] == ["success", "success"]
    assert query(conn, "SELECT DISTINCT acmeRating, acmeBadge FROM {p}products") == [(0, "")]
    assert query(conn, "SELECT DISTINCT acmeSeoText FROM {p}product_translations") == [("",)]
    assert query(conn, "SELECT COUNT(*) FROM {p}categories WHERE acmeIcon = ''") == [(6,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}quick_data") != [(0,)]


def test_known_module_columns_get_x_cart_php_defaults(onec, conn):
    onec.send_catalog(catalog_files())
    # XC\GoogleFeed and CDev\Sale declare these; X-Cart writes its PHP defaults, not zero.
    assert query(
        conn,
        "SELECT DISTINCT googleFeedEnabled, discountType, itemsPerBox, lowLimitAmount"
        " FROM {p}products",
    ) == [(1, "sale_price", 1, 10)]


def make_xcart_root(tmp_path: Path, driver: str) -> Path:
    root = tmp_path / "xcart"
    (root / "etc").mkdir(parents=True)
    (root / "etc" / "config.php").write_text(
        f'; <?php /*\n[database_details]\ndatabase = "unused"\n[cache]\ntype={driver}\n; */ ?>\n'
    )
    cache = root / "var" / "datacache"
    (cache / "XLite" / "a1").mkdir(parents=True)
    (cache / "XLite" / "a1" / "entry.doctrinecache.data").write_text("stale")
    (cache / ".htaccess").write_text("Deny from all")
    return root


@pytest.mark.parametrize("driver", ["file", "redis"])
def test_x_cart_file_cache_is_cleared_after_a_change(config, conn, tmp_path, driver, caplog):
    root = make_xcart_root(tmp_path, driver)
    app = create_app(replace(config, xcart_root=root))
    OneCClient(flask_transport(app), "1c", PASSWORD).send_catalog(catalog_files())
    left = sorted(p.name for p in (root / "var" / "datacache").iterdir())
    if driver == "file":
        assert left == [".htaccess"]
        # an exchange that changes nothing leaves the cache alone
        (root / "var" / "datacache" / "fresh").write_text("x")
        OneCClient(flask_transport(app), "1c", PASSWORD).send_catalog(catalog_files())
        assert (root / "var" / "datacache" / "fresh").exists()
    else:
        assert left == [".htaccess", "XLite"]
        assert "clear the cache in X-Cart" in caplog.text
