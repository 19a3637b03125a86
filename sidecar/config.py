"""Where the sidecar finds its database and files: environment variables, or X-Cart's own
settings — `etc/config.php` in 5.4, Symfony's environment files in 5.5. Nothing else in the
package reads the environment."""

from __future__ import annotations

import configparser
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

from . import dotenv
from .errors import ConfigError

DEFAULT_PREFIX = "xc_"
T = TypeVar("T", int, float)
OWN = "xc1c_"


def own_prefix(prefix: str) -> str:
    """What the sidecar's own tables of the shop with X-Cart table prefix `prefix` start with.
    Not X-Cart's prefix: every redeploy of X-Cart (a module enabled, disabled or upgraded)
    drops the tables with its prefix that no X-Cart entity declares."""
    return OWN + prefix


class VendorPrefix(str):
    """X-Cart's table prefix as the exchange of a vendor's own 1C uses it: X-Cart's tables are
    the shop's (the value is the prefix itself), the sidecar's catalog tables
    (state.CATALOG_SPACE) the vendor's space, and what the import creates the vendor's goods
    (xcart.schema). Passed wherever a prefix goes, so the catalog import needs no vendor
    parameter of its own."""

    vendor: int

    def __new__(cls, prefix: str, vendor: int) -> VendorPrefix:
        made = super().__new__(cls, prefix)
        made.vendor = vendor
        return made


def vendor_of_prefix(prefix: str) -> int | None:
    """The vendor whose space a prefix names; None for the shop's own."""
    return prefix.vendor if isinstance(prefix, VendorPrefix) else None


@dataclass(frozen=True)
class DatabaseParams:
    host: str = "127.0.0.1"
    port: int = 3306
    user: str = "root"
    password: str = field(default="", repr=False)
    database: str = ""
    unix_socket: str | None = None
    charset: str = "utf8mb4"


@dataclass(frozen=True)
class Config:
    db: DatabaseParams
    table_prefix: str = DEFAULT_PREFIX
    data_dir: Path = Path("var")
    xcart_root: Path | None = None
    # Reverse proxies in front of the sidecar whose X-Forwarded-For is trusted (nginx: 1).
    trusted_proxies: int = 0
    xcart_version: str | None = None  # "5.4" or "5.5" when found through XC1C_XCART_ROOT
    # Uploads 1C never asks to import (sidecar.exchange.pending): how long their session must
    # be silent, and how often each server worker looks for them (0: it does not).
    upload_quiet_seconds: int = 300
    sweep_seconds: float = 30.0


def parse_database_url(url: str, what: str = "XC1C_DATABASE_URL") -> DatabaseParams:
    """`mysql://user:pass@host:port/dbname[?unix_socket=/path&charset=utf8mb4]` (also the
    schemes Doctrine writes for MySQL: mysql2, pdo-mysql)."""
    parts = urlsplit(url)
    if parts.scheme not in ("mysql", "mariadb", "mysql+pymysql", "mysql2", "pdo-mysql"):
        raise ConfigError(f"{what}: unsupported scheme {parts.scheme!r} (a MySQL URL is needed)")
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    database = unquote(parts.path.lstrip("/"))
    if not database:
        raise ConfigError(f"{what}: no database name")
    return DatabaseParams(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 3306,
        user=unquote(parts.username or "root"),
        password=unquote(parts.password or ""),
        database=database,
        unix_socket=query.get("unix_socket") or None,
        charset=query.get("charset", "utf8mb4"),
    )


def _read_php_ini(path: Path) -> configparser.ConfigParser:
    """X-Cart's config.php is INI text behind a `; <?php /*` line that hides it from the web."""
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keys are case-sensitive in X-Cart
    text = path.read_text(encoding="utf-8", errors="replace")
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("<?", "?>"))]
    parser.read_string("\n".join(lines), source=str(path))
    return parser


def _ini_value(raw: str) -> str:
    raw = raw.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] and raw[0] in "\"'":
        return raw[1:-1]
    return raw


# What X-Cart 5.5 keeps in its environment of the 5.4 config.php sections the sidecar reads.
_ENV_SECTIONS = {
    "host_details": {"http_host": "XCART_HOST_DETAILS_HTTP_HOST",
                     "https_host": "XCART_HOST_DETAILS_HTTPS_HOST",
                     "web_dir": "XCART_HOST_DETAILS_WEB_DIR"},
}  # fmt: skip


def xcart_version(root: Path) -> str:
    """5.4 keeps its settings in etc/config.php, 5.5 in Symfony's .env files."""
    if (root / "etc" / "config.php").is_file():
        return "5.4"
    if any((root / name).is_file() for name in (".env", ".env.dist", ".env.local.php")):
        return "5.5"
    raise ConfigError(
        f"XC1C_XCART_ROOT: {root} is not an X-Cart 5.4 (etc/config.php not found) or 5.5"
        " (.env not found) installation"
    )


def read_xcart_section(root: Path, section: str) -> dict[str, str]:
    """One section of the shop's `etc/config.php`, overridden by `etc/config.local.php`; in
    5.5 the same values from its environment (sections it has no equivalent of are empty)."""
    if xcart_version(root) == "5.5":
        env = dotenv.load(root, os.environ)
        return {k: env[v] for k, v in _ENV_SECTIONS.get(section, {}).items() if env.get(v)}
    main = root / "etc" / "config.php"
    if not main.is_file():
        raise ConfigError(f"XC1C_XCART_ROOT: {main} not found")
    values: dict[str, str] = {}
    for path in (main, root / "etc" / "config.local.php"):
        if path.is_file():
            ini = _read_php_ini(path)
            if ini.has_section(section):
                values.update({k: _ini_value(v) for k, v in ini.items(section)})
    return values


def _read_xcart55_config(root: Path, environ: Mapping[str, str]) -> tuple[DatabaseParams, str]:
    """DATABASE_URL, DATABASE_UNIX_SOCKET, DATABASE_CHARSET and DATABASE_DEFAULT_TABLE_PREFIX
    (to which X-Cart appends `_`)."""
    env = dotenv.load(root, environ)
    url = env.get("DATABASE_URL", "")
    if not url:
        raise ConfigError(f"XC1C_XCART_ROOT: DATABASE_URL is not set in {root}/.env*")
    params = parse_database_url(url, f"DATABASE_URL of {root}")
    params = replace(
        params,
        unix_socket=env.get("DATABASE_UNIX_SOCKET") or params.unix_socket,
        charset=env.get("DATABASE_CHARSET") or params.charset,
    )
    prefix = env.get("DATABASE_DEFAULT_TABLE_PREFIX", DEFAULT_PREFIX.rstrip("_"))
    return params, f"{prefix}_" if prefix else ""


def read_xcart_config(
    root: Path, environ: Mapping[str, str] | None = None
) -> tuple[DatabaseParams, str]:
    """Database parameters and table prefix of the X-Cart shop installed at `root`."""
    if xcart_version(root) == "5.5":
        return _read_xcart55_config(root, os.environ if environ is None else environ)
    values = read_xcart_section(root, "database_details")
    main = root / "etc" / "config.php"
    if not values.get("database"):
        raise ConfigError(f"{main}: [database_details] has no database")
    port = values.get("port") or "3306"
    params = DatabaseParams(
        host=values.get("hostspec") or "localhost",
        port=int(port) if port.isdigit() else 3306,
        user=values.get("username", ""),
        password=values.get("password", ""),
        database=values["database"],
        unix_socket=values.get("socket") or None,
        charset=values.get("charset") or "utf8mb4",
    )
    return params, values.get("table_prefix", DEFAULT_PREFIX)


def load_config(environ: Mapping[str, str] | None = None) -> Config:
    """The one place that reads XC1C_* variables."""
    env = os.environ if environ is None else environ
    xcart_root = Path(env["XC1C_XCART_ROOT"]) if env.get("XC1C_XCART_ROOT") else None
    prefix = DEFAULT_PREFIX
    if env.get("XC1C_DATABASE_URL"):
        db = parse_database_url(env["XC1C_DATABASE_URL"])
    elif xcart_root is not None:
        db, prefix = read_xcart_config(xcart_root, env)
    else:
        raise ConfigError("set XC1C_DATABASE_URL or XC1C_XCART_ROOT")
    prefix = env.get("XC1C_TABLE_PREFIX", prefix)
    if not prefix.replace("_", "").isalnum() and prefix != "":
        raise ConfigError(f"table prefix {prefix!r} must be letters, digits and underscores")
    if own_prefix(prefix).startswith(prefix):
        raise ConfigError(
            f"table prefix {prefix!r}: the sidecar's own tables ({own_prefix(prefix)}…) would start"
            " with it, and every X-Cart redeploy drops the tables with its prefix that X-Cart does"
            " not declare; use a shop whose prefix is not empty nor the start of 'xc1c_'"
        )
    return Config(
        db=db,
        table_prefix=prefix,
        data_dir=Path(env.get("XC1C_DATA_DIR", "var")),
        xcart_root=xcart_root,
        trusted_proxies=int(env.get("XC1C_TRUSTED_PROXIES", "0") or 0),
        xcart_version=xcart_version(xcart_root) if xcart_root is not None else None,
        upload_quiet_seconds=_number(env, "XC1C_UPLOAD_QUIET_SECONDS", 300, int),
        sweep_seconds=_number(env, "XC1C_SWEEP_SECONDS", 30.0, float),
    )


def _number(env: Mapping[str, str], name: str, default: T, kind: Callable[[str], T]) -> T:
    raw = env.get(name, "")
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        value = kind(-1)
    if not value >= 0:  # negative, or NaN
        raise ConfigError(f"{name}: {raw!r} is not a number of seconds, 0 or more")
    return value
