"""`xc1c doctor`: checks a real installation end to end and says what to fix."""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymysql

from .config import Config
from .db import connect
from .settings import MODULE_CATEGORY, SETTINGS, read_settings
from .state.migrations import MIGRATIONS, applied_versions
from .xcart.images import images_root
from .xcart.schema import Schema


@dataclass(frozen=True)
class Check:
    ok: bool
    what: str
    fix: str = ""


def _writable(directory: Path) -> bool:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(directory, os.W_OK | os.X_OK)


def run_checks(config: Config, url: str | None) -> Iterator[Check]:
    try:
        conn = connect(config.db)
    except pymysql.err.OperationalError as exc:
        yield Check(
            False,
            f"database {config.db.database} at {config.db.host}: {exc.args[-1]}",
            "check XC1C_DATABASE_URL, or [database_details] in X-Cart's etc/config.php",
        )
        return
    yield Check(True, f"database {config.db.database} reachable as {config.db.user}")
    try:
        schema = Schema(conn, config.table_prefix)
        if not (schema.has_table("products") and schema.has_table("config")):
            yield Check(
                False,
                f"no X-Cart tables with prefix {config.table_prefix!r}",
                "set XC1C_TABLE_PREFIX to the shop's table_prefix",
            )
            return
        yield Check(True, f"X-Cart tables found (prefix {config.table_prefix!r})")
        done = applied_versions(conn, config.table_prefix)
        missing = [v for v, _ in MIGRATIONS if v not in done]
        yield Check(
            not missing,
            "the sidecar's own tables are up to date"
            if not missing
            else f"the sidecar's tables lack migrations {missing}",
            "run: xc1c db migrate",
        )
        with conn.cursor() as cur:
            cur.execute(
                f"SELECT COUNT(*) FROM `{config.table_prefix}config` WHERE category = %s",
                (MODULE_CATEGORY,),
            )
            rows = cur.fetchone()[0]
        yield Check(
            rows >= len(SETTINGS),
            f"module settings in X-Cart: {rows} of {len(SETTINGS)}",
            "install the X-Cart module from xcart_module_stub/ (X-Cart's own module tools)",
        )
        settings = read_settings(conn, config.table_prefix)
    finally:
        conn.close()
    yield Check(
        bool(settings["password"]),
        "an exchange password is set",
        "set it on the module's settings page, or: xc1c settings set password …",
    )
    images = images_root(settings["images_path"], config.xcart_root)
    if images is None:
        yield Check(
            False, "no images directory known", "set XC1C_XCART_ROOT or the images_path setting"
        )
    else:
        yield Check(
            _writable(images / "product"),
            f"images directory {images / 'product'} writable",
            "give the sidecar's user write access (the user PHP runs as)",
        )
    exchange = config.data_dir / "exchange"
    yield Check(
        _writable(exchange),
        f"exchange directory {exchange.resolve()} writable",
        "set XC1C_DATA_DIR to a directory the sidecar's user can write",
    )
    if url:
        yield from _check_url(url, settings["login"], settings["password"])


def _get(url: str, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(f"{url}?type=catalog&mode=checkauth", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, resp.read(2048).decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read(2048).decode("utf-8", "replace")


def _check_url(url: str, login: str, password: str) -> Iterator[Check]:
    try:
        status, body = _get(url, {})
    except OSError as exc:
        yield Check(False, f"{url} does not answer ({exc})", "start the service, check the URL")
        return
    if not body.startswith("failure"):
        yield Check(
            False,
            f"{url} is not answered by the sidecar (HTTP {status})",
            "route the exchange path to the sidecar: deploy/nginx.conf or deploy/apache.conf",
        )
        return
    yield Check(True, f"{url} reaches the sidecar")
    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    status, body = _get(url, {"Authorization": f"Basic {token}"})
    yield Check(
        body.startswith("success"),
        "1C's login arrives (Authorization header passed on)",
        "pass the Authorization header to the sidecar (see deploy/)",
    )
    status_page = url.rsplit("/", 1)[0] + "/xc1c/healthz"
    try:
        with urllib.request.urlopen(status_page, timeout=10) as resp:
            routed = resp.read(64).startswith(b"ok ")
    except OSError:
        routed = False
    yield Check(
        routed,
        f"{status_page} reaches the sidecar (the status page is routed)",
        "route /xc1c/ to the sidecar as well: deploy/nginx.conf or deploy/apache.conf",
    )
