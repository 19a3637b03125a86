"""`xc1c`: database set-up, settings, the server, and a 1C client for checks and demos."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click

from .config import Config, load_config
from .db import connect
from .errors import XC1CError
from .project_files import DEPLOY_DIR, MODULE_STUB_DIR
from .settings import (
    BY_NAME,
    SETTINGS,
    markdown_default,
    read_settings,
    settings_markdown,
    shown,
    write_setting,
)
from .state.migrations import migrate
from .vendors import vendor_cli


def _config() -> Config:
    try:
        return load_config()
    except XC1CError as exc:
        raise click.ClickException(str(exc)) from exc


def _settings_help() -> str:
    return "\n\n".join(
        f"{s.name} (default {s.default or 'empty'!s}): {s.help_en}" for s in SETTINGS
    )


@click.group()
def main() -> None:
    """1C:Enterprise <-> X-Cart 5 CommerceML exchange sidecar.

    Database: XC1C_DATABASE_URL=mysql://user:pass@host:port/db, or XC1C_XCART_ROOT=/path/to/xcart
    (read from its etc/config.php). XC1C_TABLE_PREFIX overrides the table prefix,
    XC1C_DATA_DIR sets where exchange files live (default ./var)."""


main.add_command(vendor_cli)


@main.group()
def db() -> None:
    """Create an empty X-Cart schema, or create/upgrade the sidecar's own tables."""


@db.command("create-xcart-schema")
@click.option("--force", is_flag=True, help="Drop the tables already in the database first.")
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has tables.")
@click.option(
    "--modules",
    type=click.Choice(["all", "demo", "core", "multivendor"]),
    default="all",
    show_default=True,
    help="all: every stock module on; demo: as X-Cart's installer leaves a shop (ProductVariants,"
    " Wholesale, MultiCurrency and three more off); core: no modules; multivendor: all and"
    " XC\\MultiVendor.",
)
@click.option(
    "--multivendor-mode",
    type=click.Choice(["W", "S"]),
    default="W",
    show_default=True,
    help="With --modules multivendor: W warehouse (one order, numbered parent), S vendors as"
    " separate shops (one numbered order per vendor).",
)
@click.option(
    "--version",
    "version",
    type=click.Choice(["5.4", "5.5"]),
    default="5.4",
    show_default=True,
    help="5.4.1.23, or 5.5.0.29 with its official modules.",
)
def create_xcart_schema_cmd(
    force: bool, if_empty: bool, modules: str, multivendor_mode: str, version: str
) -> None:
    """Create an empty X-Cart shop (tables of a version and module set, seed rows) in an empty
    database."""
    if version == "5.5" and modules != "all":
        raise click.ClickException("X-Cart 5.5's schema comes with its official modules only")
    schema = "5.5" if version == "5.5" else modules
    from .xcart.install import create_xcart_schema, tables_in_database

    cfg = _config()
    _ensure_database(cfg)
    conn = connect(cfg.db)
    try:
        if if_empty and tables_in_database(conn):
            click.echo(f"{cfg.db.database} already has tables: left as it is")
            return
        count = create_xcart_schema(
            conn, cfg.table_prefix, force=force, modules=schema, multivendor_mode=multivendor_mode
        )
    except XC1CError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        conn.close()
    click.echo(
        f"created {count} tables in {cfg.db.database} (prefix {cfg.table_prefix!r},"
        f" X-Cart {version}, modules: {modules})"
    )


def _ensure_database(cfg: Config) -> None:
    """Create the database itself when the server lets us (a local demo or test set-up)."""
    conn = connect(cfg.db, database="")
    try:
        with conn.cursor() as cur:
            cur.execute(
                f"CREATE DATABASE IF NOT EXISTS `{cfg.db.database.replace('`', '``')}`"
                " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
            )
    finally:
        conn.close()


@db.command("migrate")
def migrate_cmd() -> None:
    """Create or upgrade the sidecar's own tables (never alters an X-Cart table)."""
    cfg = _config()
    conn = connect(cfg.db)
    try:
        applied = migrate(conn, cfg.table_prefix)
    finally:
        conn.close()
    click.echo(f"applied migrations {applied}" if applied else "up to date")


@main.group()
def settings() -> None:
    """Show or change the module's settings (stored in X-Cart's config table)."""


@settings.command("show")
def settings_show() -> None:
    cfg = _config()
    conn = connect(cfg.db)
    try:
        values = read_settings(conn, cfg.table_prefix)
    finally:
        conn.close()
    for s in SETTINGS:
        click.echo(f"{s.name} = {shown(s, values[s.name])}")


@settings.command("table")
def settings_table() -> None:
    """Every setting as a Markdown table (name, default, meaning), for the documentation."""
    click.echo("| name | default | meaning |\n|---|---|---|")
    for s in SETTINGS:
        click.echo(f"| `{s.name}` | {markdown_default(s) or 'empty'} | {s.help_en} |")


@settings.command("doc")
@click.option("--lang", type=click.Choice(["en", "ru"]), default="en", show_default=True)
def settings_doc(lang: str) -> None:
    """The settings chapter of the admin's guide (docs/<lang>/settings.md)."""
    click.echo(settings_markdown(lang), nl=False)


@settings.command("set", help="Change one setting.\n\n" + _settings_help())
@click.argument("name", type=click.Choice(list(BY_NAME)))
@click.argument("value")
def settings_set(name: str, value: str) -> None:
    cfg = _config()
    conn = connect(cfg.db)
    try:
        stored = write_setting(conn, cfg.table_prefix, name, value)
    except XC1CError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        conn.close()
    click.echo(f"{name} = {'(set)' if BY_NAME[name].kind == 'password' else stored}")


@main.command()
@click.option(
    "--url", help="The shop's exchange URL as 1C uses it, e.g. https://shop/1c_exchange.php"
)
def doctor(url: str | None) -> None:
    """Check this installation: database, tables, module settings, directories and, with
    --url, that the web server routes the exchange to the sidecar with 1C's login."""
    from .doctor import run_checks

    failed = 0
    for check in run_checks(_config(), url):
        click.echo(f"{'ok  ' if check.ok else 'FAIL'} {check.what}")
        if not check.ok:
            failed += 1
            click.echo(f"     fix: {check.fix}")
    if failed:
        raise click.ClickException(f"{failed} problem(s) found")


@main.group()
def module() -> None:
    """The X-Cart module (settings page, menu entry) generated from the settings declaration."""


@module.command("write")
@click.option(
    "--dir",
    "directory",
    type=click.Path(path_type=Path),
    default=str(MODULE_STUB_DIR),
    show_default=True,
)
def module_write(directory: Path) -> None:
    """Write the module for X-Cart 5.4 and 5.5 (YAML fixtures and PHP classes)."""
    from .xcart_module import write

    written = write(directory)
    click.echo("\n".join(str(p) for p in written) if written else "up to date")


@module.command("pack")
@click.option("--xcart", type=click.Choice(["5.4", "5.5"]), default="5.4", show_default=True)
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=".", show_default=True)
def module_pack(xcart: str, out_dir: Path) -> None:
    """Write the add-on package for X-Cart's "My add-ons → Upload add-on"
    (<Author>-<Name>.<version>.tgz)."""
    from .xcart_package import module_files, pack

    click.echo(pack(module_files(xcart), xcart, out_dir))


@main.command()
@click.option("--bind", default="127.0.0.1:8080", show_default=True)
@click.option(
    "--workers", type=int, default=None, help="gunicorn processes (default 1, with 4 threads)"
)
def serve(bind: str, workers: int | None) -> None:
    """Run the sidecar under gunicorn with deploy/gunicorn.conf.py."""
    _config()  # fail here, readably, rather than in every worker
    args = ["gunicorn", "-c", str(DEPLOY_DIR / "gunicorn.conf.py"), "--bind", bind]
    if workers:
        args += ["--workers", str(workers)]
    args.append("sidecar.app:create_app()")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    os.execv(str(gunicorn) if gunicorn.exists() else "gunicorn", args)


@main.command("push-catalog")
@click.option(
    "--url", required=True, help="The exchange URL, e.g. http://127.0.0.1:8080/1c_exchange.php"
)
@click.option("--login", required=True)
@click.option("--password", required=True, envvar="XC1C_PUSH_PASSWORD")
@click.option(
    "--zip/--no-zip",
    "use_zip",
    default=True,
    show_default=True,
    help="Send one zip archive when the site offers it.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def push_catalog(
    url: str, login: str, password: str, use_zip: bool, paths: tuple[Path, ...]
) -> None:
    """Send CommerceML files (or folders with import_files/) to an exchange URL exactly as 1C
    does, and print the replies."""
    from .onec_client import OneCClient, OneCClientError, files_from_paths, http_transport

    client = OneCClient(http_transport(url), login, password)
    try:
        replies = client.send_catalog(files_from_paths(paths), use_zip=use_zip)
    except OneCClientError as exc:
        raise click.ClickException(str(exc)) from exc
    for reply in replies:
        click.echo("\n".join(reply.lines))
    click.echo(f"{client.calls} calls")


def _progress(label: str):
    """A progress bar on a terminal, plain lines otherwise (cron, CI, a pipe)."""
    if sys.stdout.isatty():
        bar = click.progressbar(length=100, label=label)
        state = {"name": "", "done": 0}

        def show(name: str, percent: int) -> None:
            if name != state["name"]:
                state["name"], state["done"] = name, 0
                bar.label = name
            bar.update(percent - state["done"])
            state["done"] = percent

        return bar, show

    def plain(name: str, percent: int) -> None:
        click.echo(f"{name}: {percent}%")

    return None, plain


def _run_with_progress(label: str, run) -> None:
    bar, show = _progress(label)
    try:
        with bar if bar is not None else contextlib.nullcontext():
            outcome = run(show)
    except XC1CError as exc:
        raise click.ClickException(str(exc)) from exc
    _report(outcome)


def _report(outcome) -> None:
    from .catalog.summary import summary
    from .state import jobs

    for r in outcome.results:
        job = jobs.Job(0, r.name, r.status, 0, r.counts, "\n".join(r.warnings))
        click.echo("\n".join(summary(job)) if r.status == "success" else f"{r.name}: {r.error}")
    if outcome.changes is not None:
        click.echo("dry run, nothing was written:")
        click.echo("\n".join(outcome.changes.lines()))
    click.echo(f"recorded as exchange {outcome.exchange_id} (xc1c history {outcome.exchange_id})")
    if not outcome.ok:
        raise click.ClickException("the import failed")


@main.command("import")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def import_cmd(dry_run: bool, paths: tuple[Path, ...]) -> None:
    """Import CommerceML files, a folder exported by 1C (with import_files/) or a zip archive,
    with the same engine as the exchange. Waits for nothing: fails if an exchange is running."""
    from .exchange.files import run_import
    from .offline import stage

    cfg = _config()
    _run_with_progress(
        "import",
        lambda show: run_import(cfg, list(paths), stage, dry_run_only=dry_run, on_step=show),
    )


@main.command()
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.argument("exchange_id", type=int)
def replay(dry_run: bool, exchange_id: int) -> None:
    """Run a recorded exchange's files (kept for the last history_keep exchanges) again."""
    from .exchange.files import replay as run_replay
    from .offline import stage

    cfg = _config()
    _run_with_progress(
        "replay",
        lambda show: run_replay(cfg, exchange_id, stage, dry_run_only=dry_run, on_step=show),
    )


@main.command("run-pending")
@click.option(
    "--quiet-seconds",
    type=click.IntRange(min=0),
    default=None,
    help="How long a session must have been silent (default 300, or XC1C_UPLOAD_QUIET_SECONDS).",
)
def run_pending_cmd(quiet_seconds: int | None) -> None:
    """Import the catalog uploads 1C sent without asking to import them (its node's «Выгружать
    файлы без ожидания подтверждения импорта сервером»), once they are complete. The server's
    workers do this by themselves; this command is for cron or a server run otherwise."""
    from .exchange.pending import run_pending

    cfg = _config()
    try:
        done = run_pending(cfg, quiet_seconds=quiet_seconds)
    except XC1CError as exc:
        raise click.ClickException(str(exc)) from exc
    for item in done:
        click.echo(
            f"session {item.session_id}: {item.status}"
            + (f" (exchange {item.exchange_id})" if item.exchange_id else "")
            + (f": {item.message}" if item.message else "")
        )
    if not done:
        click.echo("no upload waits for an import")


@main.command()
@click.argument("product_ids", nargs=-1, required=True, type=int)
def unlink(product_ids: tuple[int, ...]) -> None:
    """Undo the link of shop products (X-Cart product ids) to 1C products: 1C no longer
    updates them, the pair is never linked again, and the next exchange creates the 1C
    product as a product of its own."""
    from .catalog.linking import unlink as unlink_products

    cfg = _config()
    conn = connect(cfg.db)
    try:
        done = unlink_products(conn, cfg.table_prefix, product_ids)
    finally:
        conn.close()
    for pid in product_ids:
        what = f"unlinked from 1C product {done[pid]}" if pid in done else "not linked to 1C"
        click.echo(f"product {pid}: {what}")


@main.command("history")
@click.argument("exchange_id", type=int, required=False)
@click.option("--last", default=20, show_default=True, help="How many exchanges to list.")
@click.option("--log", "show_log", is_flag=True, help="With an id: print the exchange's log.")
def history_cmd(exchange_id: int | None, last: int, show_log: bool) -> None:
    """The last exchanges (when, who, result, counts), or one exchange in full."""
    from .state import history
    from .status import describe_exchange, exchange_line

    cfg = _config()
    conn = connect(cfg.db)
    try:
        if exchange_id is None:
            for exchange in history.recent(conn, cfg.table_prefix, last):
                click.echo(exchange_line(exchange))
            return
        exchange = history.get(conn, cfg.table_prefix, exchange_id)
        if exchange is None:
            raise click.ClickException(f"there is no exchange {exchange_id}")
        click.echo("\n".join(describe_exchange(exchange)))
        if show_log:
            click.echo(history.log_text(conn, cfg.table_prefix, exchange_id) or "")
    finally:
        conn.close()
