"""`xc1c doctor`: checks a real installation end to end and says what to fix."""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pymysql

from . import requisites
from .catalog import portions
from .config import Config
from .db import connect
from .orders import xcart_side
from .settings import MODULE_CATEGORY, SETTINGS, read_settings
from .state import exports, history, order_changes, sessions, unpriced
from .state.migrations import MIGRATIONS, applied_versions
from .vendors import checks as vendor_checks
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
    if config.xcart_root is not None:
        where = "etc/config.php" if config.xcart_version == "5.4" else "its .env files"
        yield Check(True, f"X-Cart {config.xcart_version} at {config.xcart_root} (from {where})")
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
            # The module's rows also hold its section headings and status line: count settings.
            cur.execute(
                f"SELECT name FROM {schema.table('config')} WHERE category = %s",
                (MODULE_CATEGORY,),
            )
            present = {r[0] for r in cur.fetchall()} & {s.name for s in SETTINGS}
            waiting = unpriced.summary(cur, config.table_prefix)
        yield Check(
            len(present) == len(SETTINGS),
            f"module settings in X-Cart: {len(present)} of {len(SETTINGS)}",
            "install the X-Cart module from xcart_module_stub/ (X-Cart's own module tools)",
        )
        yield from _module_set(schema)
        for c in vendor_checks(conn, config.table_prefix, schema):
            yield Check(c.ok, c.what, c.fix)
        settings = read_settings(conn, config.table_prefix)
        with conn.cursor() as cur:
            cur.execute(f"SELECT serviceName FROM {schema.table('address_field')}")
            address_fields = {r[0].casefold() for r in cur.fetchall()}
        yield from _order_changes(conn, config, settings)
        yield from _export_in_portions(conn, schema, config, settings)
        yield _linking(conn, config.table_prefix)
        yield from _orders_container(conn, config.table_prefix, settings)
    finally:
        conn.close()
    yield _requisites(settings, address_fields)
    held = sum(count for _, count, _ in waiting)
    reasons = "; ".join(f"{why} ({n}, e.g. product_id {ids[0]})" for why, n, ids in waiting)
    yield Check(
        held == 0,
        f"{held} 1C products are not for sale, 1C gave them no usable price: {reasons}"
        if held
        else "every 1C product has a price the shop can use",
        "set the currency_rates or price_type setting, or send prices from 1C (see the status"
        " page)",
    )
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


def _order_changes(conn: pymysql.Connection, config: Config, settings: dict) -> Iterator[Check]:
    """Whether 1C's order changes go through X-Cart (asked without applying anything), and
    whether any waits or failed."""
    side = xcart_side.locate(conn, config.table_prefix, config, settings)
    direct = "they are written directly: no e-mails, no stock moved"
    address = "set xcart_url to X-Cart's admin.php as this server reaches it"
    if isinstance(side, str):
        yield Check(
            settings["orders_apply"] == "direct",
            f"order changes from 1C do not go through X-Cart ({side}): {direct}",
            address,
        )
    else:
        try:
            answer = replace(side, timeout=15).probe()
            yield Check(
                True,
                f"order changes from 1C go through X-Cart at {side.url} (module {answer['xc1c']})",
            )
        except xcart_side.Unreachable as exc:
            yield Check(False, f"{exc}: order changes from 1C wait for X-Cart", address)
        except xcart_side.Absent as exc:
            yield Check(
                False,
                f"{exc}: {direct}",
                "enable the xc1c module 0.3 or later in X-Cart (Extensions)",
            )
    with conn.cursor() as cur:
        counts, unapplied = order_changes.summary(cur, config.table_prefix, 3)
        linked = order_changes.linked_orders(cur, config.table_prefix)
    yield Check(True, f"orders 1C's documents named with 1C's own Ид (its GUID): {linked}")
    stuck = counts.get("waiting", 0) + counts.get("failed", 0)
    examples = "; ".join(f"order {r.order_id}: {r.state} {r.error}".strip() for r in unapplied)
    yield Check(
        not stuck,
        "no order change from 1C waits or failed"
        if not stuck
        else f"{counts.get('waiting', 0)} order change(s) from 1C wait for X-Cart,"
        f" {counts.get('failed', 0)} failed: {examples}",
        "see the status page; X-Cart's cron (php console.php --target=cron) applies waiting ones",
    )


def _export_in_portions(
    conn: pymysql.Connection, schema: Schema, config: Config, settings: dict
) -> Iterator[Check]:
    """A full export in portions under way, and the last one if a portion of it never finished
    (so it removed nothing)."""
    with conn.cursor() as cur:
        waiting = portions.pending(cur, schema, config.table_prefix, settings)
        last = exports.last_closed(cur, config.table_prefix)
    if waiting is not None:
        yield Check(True, waiting.line(settings["missing_action"]))
    if last is not None and last.status == exports.INCOMPLETE:
        yield Check(
            False,
            f"the last full export in portions (from {last.first_file}, {last.portions}"
            f" portions) is {last.status}: {last.message}",
            "see the exchanges on the status page; 1C's next complete export removes what it lacks",
        )


def _orders_container(conn: pymysql.Connection, prefix: str, settings: dict) -> Iterator[Check]:
    """orders_container is for 1С-Битрикс's exchange module 6.5 and later, which names a
    `version` at init; 1C's own clients query orders with no init (УТ 11, ERP, КА) or none
    naming a version (УНФ with another CMS), and load no order from a container while still
    confirming the exchange: the orders look sent and never arrive."""
    if not settings["orders_container"]:
        return
    session = sessions.last_of_type(conn, prefix, "sale")
    clash = settings["orders_encoding"] != "utf-8"
    if session is None:
        yield Check(
            not clash,
            "orders_container is on: only 1С-Битрикс's exchange module 6.5 and later reads"
            " orders in a container"
            + ("; it reads UTF-8 only, and orders_encoding is not" if clash else ""),
            "turn orders_container off unless 1C is 1С-Битрикс's module; orders_encoding utf-8",
        )
        return
    ok = bool(session.cml_version) and not clash
    yield Check(
        ok,
        "orders_container is on and the last orders session came from a client"
        + (
            f" naming CommerceML {session.cml_version} at init (1С-Битрикс's module)"
            if session.cml_version
            else " with no version at init (УТ 11, ERP, КА or УНФ), which loads no order from a"
            " container"
        )
        + ("; orders_encoding is not UTF-8, which that module does not read" if clash else ""),
        "turn orders_container off for 1C's own clients; orders_encoding utf-8 for the module",
    )


def _linking(conn: pymysql.Connection, prefix: str) -> Check:
    """What the last catalog exchange that wrote left unlinked for ambiguity (link_products)."""
    last = next(
        (e for e in history.recent(conn, prefix, 50) if e.kind == "catalog" and not e.dry_run), None
    )
    totals = last.totals if last else {}
    products, groups = totals.get("products_ambiguous", 0), totals.get("categories_ambiguous", 0)
    chars = totals.get("variants_ambiguous", 0)
    files = last.files if last else []
    examples = [w for f in files for w in f.warnings if "linked to none" in w]
    return Check(
        not products and not groups and not chars,
        f"{products} 1C products and {chars} characteristics were not linked (and not"
        f" imported) and {groups} groups were created beside a same-named category, for"
        f" ambiguity, in exchange #{last.id}: " + "; ".join(examples[:3])
        if products or groups or chars
        else "no 1C product, characteristic or group was left unlinked for ambiguity in the"
        " last exchange",
        "make the key (SKU, barcode or name) unique in the shop or in 1C; the next exchange"
        " links what became unique",
    )


def _requisites(settings: dict, address_fields: set[str]) -> Check:
    """The extra requisites an admin saved in X-Cart (which does not check them): each source
    known, each address field one the shop has."""
    extra, bad = requisites.parse(settings["orders_requisites"])
    missing = [r.source for r in extra if r.source.partition(".")[0] in ("billing", "shipping")
               and r.source.partition(".")[2].casefold() not in address_fields]  # fmt: skip
    problems = [f"not understood: {b!r}" for b in bad]
    problems += [f"the shop has no address field {m.partition('.')[2]!r} ({m})" for m in missing]
    return Check(
        not problems,
        f"extra order requisites: {len(extra)}"
        if not problems
        else "extra order requisites (orders_requisites): " + "; ".join(problems),
        "write each line as `1C name = source` with a source from the settings page's list and"
        " an address field the shop has (Settings → Address fields)",
    )


def _module_set(schema: Schema) -> Iterator[Check]:
    """Which optional X-Cart parts the shop has, and what falls back without them."""
    parts = schema.optional_parts()
    on = sorted({part.module for _, part, present in parts if present})
    yield Check(True, f"X-Cart modules the sidecar uses, on: {', '.join(on) or 'none'}")
    for name, part, present in parts:
        if not present:
            yield Check(True, f"without {part.module} ({name}): {part.without}")


def _get(url: str, headers: dict[str, str]) -> tuple[int, str]:
    request = urllib.request.Request(f"{url}?type=catalog&mode=checkauth", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as resp:
            return resp.status, resp.read(2048).decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, err.read(2048).decode("utf-8", "replace")


# What the sidecar's refusal of a login says → what doctor reports and how to fix it.
REFUSALS = (
    (
        "allowed_ips",
        "the sidecar refuses this machine's address (setting allowed_ips)",
        "add this machine's address to allowed_ips, or run doctor from an allowed address",
    ),
    (
        "too many failed logins",
        "this address is rate-limited after failed logins",
        "wait 10 minutes (setting login_attempts) and check 1C's login and password",
    ),
    (
        "password is not set",
        "the exchange password is not set",
        "set it on the module's settings page, or: xc1c settings set password …",
    ),
    (
        "wrong login or password",
        "1C's login does not arrive (the web server drops the Authorization header), or the"
        " sidecar behind this URL reads another shop's settings",
        "pass the Authorization header to the sidecar (see deploy/) and check XC1C_DATABASE_URL",
    ),
)


def _refusal(body: str) -> Check:
    reason = (body.splitlines()[1:2] or [""])[0]
    for marker, what, fix in REFUSALS:
        if marker in reason:
            return Check(False, f"1C's login refused: {what}", fix)
    return Check(False, f"1C's login refused: {reason or body[:200]!r}", "see the sidecar's log")


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
    if "allowed_ips" in body:
        yield _refusal(body)
        return
    token = base64.b64encode(f"{login}:{password}".encode()).decode()
    status, body = _get(url, {"Authorization": f"Basic {token}"})
    yield (
        Check(True, "1C's login arrives (Authorization header passed on)")
        if body.startswith("success")
        else _refusal(body)
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
