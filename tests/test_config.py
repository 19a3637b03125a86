"""Configuration from the environment or from X-Cart's own etc/config.php."""

from __future__ import annotations

from pathlib import Path

import pytest

from sidecar.config import load_config, parse_database_url
from sidecar.errors import ConfigError

CONFIG_PHP = """; <?php /*
; WARNING: Do not change the line above
;
[database_details]
hostspec = "db.internal"
socket   = ""
port     = "3307"
database = "shop"
username = "xcart"
password = "p@ss;word"
table_prefix = "xlite_"
charset = "utf8"

[cache]
type=file
servers=

[export-import]
encodings_list[] = 'UTF-8'
encodings_list[] = 'WINDOWS-1251'
; */ ?>
"""


def test_database_url():
    p = parse_database_url("mysql://u:p%40ss@h:3310/shop?unix_socket=/run/m.sock")
    assert (p.user, p.password, p.host, p.port, p.database, p.unix_socket) == (
        "u",
        "p@ss",
        "h",
        3310,
        "shop",
        "/run/m.sock",
    )
    with pytest.raises(ConfigError):
        parse_database_url("postgres://x/y")


def test_xcart_root_config_php_and_local_override(tmp_path: Path):
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "config.php").write_text(CONFIG_PHP)
    cfg = load_config({"XC1C_XCART_ROOT": str(tmp_path)})
    assert (cfg.db.host, cfg.db.port, cfg.db.database, cfg.db.user) == (
        "db.internal",
        3307,
        "shop",
        "xcart",
    )
    assert (
        cfg.db.password == "p@ss;word" and cfg.db.charset == "utf8" and cfg.db.unix_socket is None
    )
    assert cfg.table_prefix == "xlite_" and cfg.xcart_root == tmp_path
    assert "p@ss" not in repr(cfg), "secrets never reach logs through repr"
    (tmp_path / "etc" / "config.local.php").write_text(
        '; <?php /*\n[database_details]\ndatabase = "shop_local"\n; */ ?>\n'
    )
    assert load_config({"XC1C_XCART_ROOT": str(tmp_path)}).db.database == "shop_local"
    env = {"XC1C_XCART_ROOT": str(tmp_path), "XC1C_TABLE_PREFIX": "xc_", "XC1C_DATA_DIR": "/srv/x"}
    cfg = load_config(env)
    assert cfg.table_prefix == "xc_" and str(cfg.data_dir) == "/srv/x"


def test_nothing_configured_is_an_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="XC1C_DATABASE_URL"):
        load_config({})
    with pytest.raises(ConfigError, match="not found"):
        load_config({"XC1C_XCART_ROOT": str(tmp_path)})
    with pytest.raises(ConfigError, match="prefix"):
        load_config({"XC1C_DATABASE_URL": "mysql://r@h/d", "XC1C_TABLE_PREFIX": "x; DROP"})
