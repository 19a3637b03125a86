"""The exchange endpoint: one URL, dispatched on (type, mode) through one table.

Sequence 1C follows (../shared/reference/commerceml.md §1):
  catalog: checkauth → init → file* → import* (repeated while `progress`)
           → [deactivate] → [complete]
  sale:    checkauth → init → query → success → file* → [import*]
           (without `version` at init, 1C expects its order file applied inside `file`)
Every mode but checkauth needs the live session checkauth opened (cookie or `sessid`)."""

from __future__ import annotations

import errno
import hmac
import ipaddress
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymysql
from flask import Blueprint, Response, current_app, g, request
from werkzeug.exceptions import HTTPException

from ..catalog.importer import CatalogImport, deactivate, summary
from ..catalog.run import analyse_files
from ..commerceml.reader import CommerceMLError, peek_source
from ..config import Config
from ..db import Connection, advisory_lock, connect
from ..errors import (
    AuthFailed,
    BadRequest,
    Busy,
    ExchangeError,
    Forbidden,
    ImportFailed,
    NoSession,
    UploadTooLarge,
)
from ..orders import changes, export, xcart_side
from ..safepath import resolve_inside, safe_relative_path
from ..settings import read_settings
from ..state import history, jobs, lease, sessions
from . import replies, upload

log = logging.getLogger("xc1c.exchange")

ANALYSIS_ONLY = (
    "analysis only, nothing was written: the first exchange from a new 1C base"
    " (setting first_exchange_dry_run); the next exchange writes"
)

bp = Blueprint("exchange", __name__)


@dataclass
class Call:
    config: Config
    conn: Connection
    settings: dict[str, Any]
    type: str
    mode: str
    session: sessions.Session | None = None
    token: str = ""
    exchange_id: int | None = None  # the history record of this session's exchange

    def note(self, line: str) -> None:
        if self.exchange_id is not None:
            history.note(self.conn, self.config.table_prefix, self.exchange_id, line)

    def record(self, **changes: Any) -> None:
        if self.exchange_id is not None:
            history.update(self.conn, self.config.table_prefix, self.exchange_id, **changes)

    @property
    def directory(self) -> Path:
        assert self.session is not None
        return session_directory(self.config, self.session.id)


def session_directory(config: Config, session_id: int) -> Path:
    return config.data_dir / "exchange" / f"session-{session_id}"


def db() -> pymysql.Connection:
    if "conn" not in g:
        g.conn = connect(current_app.config["XC1C"].db)
    return g.conn


@bp.teardown_app_request
def _close_db(_exc: BaseException | None) -> None:
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


def basic_login_ok(settings: dict[str, Any]) -> bool:
    """Whether the request's HTTP Basic login is the exchange login. Login and password are
    both compared every time, in constant time: a refusal never tells which one was wrong."""
    auth = request.authorization
    basic = auth is not None and auth.type == "basic"
    given_login = (auth.username or "") if basic else ""
    given_password = (auth.password or "") if basic else ""
    login_ok = hmac.compare_digest(given_login.encode(), str(settings["login"]).encode())
    password_ok = hmac.compare_digest(given_password.encode(), str(settings["password"]).encode())
    return bool(settings["password"]) and login_ok and password_ok


def checkauth(call: Call) -> Response:
    if not call.settings["password"]:
        raise AuthFailed("the exchange password is not set in the module settings")
    client = request.remote_addr or ""
    prefix = call.config.table_prefix
    if sessions.recent_failures(call.conn, prefix, client) >= call.settings["login_attempts"]:
        raise Forbidden("too many failed logins from this address; try again in 10 minutes")
    if not basic_login_ok(call.settings):
        sessions.record_failure(call.conn, prefix, client)
        raise AuthFailed("wrong login or password")
    expired = sessions.expired_session_ids(call.conn, call.config.table_prefix)
    for sid in expired:
        upload.remove_directory(session_directory(call.config, sid))
    sessions.delete_sessions(call.conn, call.config.table_prefix, expired)
    token, session = sessions.open_session(
        call.conn,
        call.config.table_prefix,
        str(call.settings["login"]),
        request.remote_addr or "",
        call.settings["session_ttl"],
        call.type,
    )
    log.info(
        "checkauth ok: type=%s session=%s client=%s", call.type, session.id, request.remote_addr
    )
    return replies.checkauth(token, int(time.time()))


def init(call: Call) -> Response:
    if call.type == "catalog":
        _hold_catalog(call)
    upload.clear_directory(call.directory)
    prefix = call.config.table_prefix
    jobs.forget_session_jobs(call.conn, prefix, call.session.id)
    if call.exchange_id is None:
        call.exchange_id = history.begin(
            call.conn, prefix, kind=call.type, source="1c", login=call.session.login,
            client=request.remote_addr or "", session_id=call.session.id,
        )  # fmt: skip
    call.note(f"init: {call.type} exchange from {request.remote_addr}")
    version = request.args.get("version") or ""
    if version:
        # Newer 1C: order files are parsed at sale/import, not inside sale/file.
        sessions.set_version(call.conn, call.config.table_prefix, call.session.id, version)
    return replies.init(
        call.settings["zip"] and call.type == "catalog",  # sale/file applies plain XML only
        call.settings["file_limit"],
        call.token,
        request.args.get("version") or None,
    )


def file(call: Call) -> Response:
    name = _filename()
    if call.type == "catalog":
        _hold_catalog(call)
    limit = call.settings["file_limit"]
    if request.content_length is not None and request.content_length > limit:
        raise UploadTooLarge(f"{name}: the upload is larger than file_limit={limit} bytes")
    path, written = upload.append_upload(call.directory, name, request.stream, limit)
    log.info("file: type=%s session=%s name=%s bytes=%s", call.type, call.session.id, name, written)
    call.note(f"file {name}: {written} bytes")
    if call.type == "sale" and not call.session.cml_version and written < limit:
        # Old protocol: 1C sends its order changes with mode=file alone and expects them
        # applied now. A part as long as file_limit may have more parts after it.
        return _apply_orders(call, path)
    return replies.success()


def _apply_orders(call: Call, path: Path) -> Response:
    with advisory_lock(call.conn, orders_lock(call.config), wait_seconds=30) as got:
        if not got:
            raise Busy("another orders exchange is running, try again later")
        try:
            prefix = call.config.table_prefix
            side = xcart_side.locate(call.conn, prefix, call.config, call.settings)
            outcome = changes.apply_file(call.conn, prefix, call.settings, path, side)
        except CommerceMLError as exc:
            raise ImportFailed(f"{path.name}: {exc}") from exc
    log.info(
        "orders from 1C: session=%s file=%s %s", call.session.id, path.name, dict(outcome.counts)
    )
    _record_file(call, path, history.SUCCESS, dict(outcome.counts), outcome.warnings)
    call.note(f"orders from 1C in {path.name}: " + "; ".join(outcome.lines()[:1]))
    call.record(status=history.SUCCESS)
    return replies.success(*outcome.lines())


def _record_file(
    call: Call, path: Path, status: str, counts: dict[str, int], warnings: list[str]
) -> None:
    """A file's result, and the file itself kept with the exchange for download and replay."""
    if call.exchange_id is None:
        return
    prefix, name = call.config.table_prefix, path.relative_to(call.directory).as_posix()
    history.record_file(call.conn, prefix, call.exchange_id, name, path, status, counts, warnings)
    history.keep_files(call.conn, prefix, call.config.data_dir, call.exchange_id, call.directory)
    history.prune(call.conn, prefix, call.config.data_dir, call.settings["history_keep"],
                  call.settings["history_days"])  # fmt: skip


def sale_import(call: Call) -> Response:
    name = _filename()
    path = resolve_inside(call.directory, safe_relative_path(name))
    upload.unpack_archives(call.directory)
    if not path.is_file():
        raise BadRequest(f"{name}: no such file was uploaded in this exchange")
    return _apply_orders(call, path)


def sale_query(call: Call) -> Response:
    call.directory.mkdir(parents=True, exist_ok=True)
    out = call.directory / history.SENT / f"orders-{int(time.time())}.xml"
    out.parent.mkdir(parents=True, exist_ok=True)
    with advisory_lock(call.conn, orders_lock(call.config), wait_seconds=30) as got:
        if not got:
            raise Busy("another orders exchange is running, try again later")
        _retry_order_changes(call)
        count = export.query(call.conn, call.config.table_prefix, call.settings, call.session.id,
                             out, call.config.xcart_root)  # fmt: skip
    log.info(
        "sale query: session=%s orders=%s bytes=%s", call.session.id, count, out.stat().st_size
    )
    call.note(f"query: {count} orders sent ({out.stat().st_size} bytes)")
    _record_file(call, out, history.SENT, {"orders_sent": count}, [])
    charset = "utf-8" if call.settings["orders_encoding"] == "utf-8" else "windows-1251"
    return Response(
        _chunks(out), content_type=f"application/xml; charset={charset}",
        headers={"Content-Length": str(out.stat().st_size)},
    )  # fmt: skip


def _retry_order_changes(call: Call) -> None:
    """Changes from 1C still waiting for X-Cart are tried again before 1C reads the orders."""
    prefix = call.config.table_prefix
    if changes.unfinished(call.conn, prefix):
        side = xcart_side.locate(call.conn, prefix, call.config, call.settings)
        reason = changes.deliver(call.conn, prefix, side, call.settings["orders_apply_wait"])
        call.note(f"order changes from 1C tried again: {reason}")


def _chunks(path: Path):
    with path.open("rb") as fh:
        while chunk := fh.read(64 * 1024):
            yield chunk


def sale_success(call: Call) -> Response:
    confirmed = export.success(call.conn, call.config.table_prefix, call.session.id)
    log.info("sale success: session=%s orders confirmed=%s", call.session.id, confirmed)
    call.note(f"success: {confirmed} orders confirmed by 1C")
    call.record(counts={"orders_confirmed": confirmed}, status=history.SUCCESS)
    return replies.success()


def orders_lock(config: Config) -> str:
    return f"xc1c:{config.db.database}:{config.table_prefix}:orders"


def _hold_catalog(call: Call) -> None:
    """Every catalog call but checkauth renews this session's hold on the catalog, or fails
    while another exchange holds it."""
    session = call.session
    assert session is not None
    client = request.remote_addr
    description = f"the 1C exchange of login {session.login!r} from {client} (session {session.id})"
    other = lease.acquire(
        call.conn, call.config.table_prefix, lease.CATALOG, f"session:{session.id}",
        f"{session.login}@{client}", description,
    )  # fmt: skip
    if other is not None:
        raise Busy(lease.busy_message(other))


def catalog_import(call: Call) -> Response:
    name = _filename()
    relative = safe_relative_path(name)
    prefix = call.config.table_prefix
    _hold_catalog(call)
    with advisory_lock(call.conn, import_lock(call.config)) as got:
        if not got:
            return replies.progress(f"{name}: another import step is running, waiting")
        for archive in upload.unpack_archives(call.directory):
            call.note(f"unpacked {archive}")
        path = resolve_inside(call.directory, relative)
        if not path.is_file():
            raise BadRequest(f"{name}: no such file was uploaded in this exchange")
        if _analysis_only(call, path):
            return _analyse(call, path)
        job = jobs.get_or_create(call.conn, prefix, call.session.id, str(relative))
        importer = CatalogImport(
            call.conn, prefix, call.settings, call.directory, call.config.xcart_root
        )
        step = importer.run_step(path, job, call.settings["step_seconds"])
    if not step.done:
        log.info("import progress: session=%s file=%s %s%%", call.session.id, name, step.percent)
        call.record(progress=step.percent)
        return replies.progress(f"{name}: {step.percent}% done", *summary(step.job)[1:])
    log.info("import done: session=%s file=%s counts=%s rows by %s", call.session.id, name,
             step.job.counts, call.conn.write_path())  # fmt: skip
    lines = summary(step.job)
    _record_file(call, path, history.SUCCESS, step.job.counts, step.job.message.splitlines())
    call.note("; ".join(lines))
    call.note(f"rows written by {call.conn.write_path()}")
    call.record(status=history.SUCCESS, progress=100)
    return replies.success(*lines)


def _analysis_only(call: Call, path: Path) -> bool:
    """Whether this exchange only analyses: it comes from a 1C base the shop has not seen (its
    classifier Ид, read from the head of its first file) and the setting asks for it."""
    if call.exchange_id is None:
        return False
    prefix = call.config.table_prefix
    exchange = history.get(call.conn, prefix, call.exchange_id)
    if exchange is None or exchange.dry_run:
        return exchange is not None
    if exchange.files:
        return False
    try:
        with path.open("rb") as stream:
            source = peek_source(stream)
    except CommerceMLError:
        return False  # the import itself reports what is wrong with the file
    if not source:
        return False
    new = not history.source_known(call.conn, prefix, source)
    history.remember_source(call.conn, prefix, source, call.exchange_id)
    if new and call.settings["first_exchange_dry_run"]:
        call.record(dry_run=True)
        call.note(f"the first exchange from the new 1C base {source}: analysis only")
        return True
    return False


def _analyse(call: Call, path: Path) -> Response:
    """Run every file of the exchange so far through the import, rolled back; report it."""
    assert call.exchange_id is not None and call.session is not None
    prefix = call.config.table_prefix
    exchange = history.get(call.conn, prefix, call.exchange_id)
    assert exchange is not None
    this = path.relative_to(call.directory).as_posix()
    earlier = [f.name for f in exchange.files if f.status == history.ANALYSED and f.name != this]
    files = [resolve_inside(call.directory, safe_relative_path(n)) for n in earlier] + [path]
    results, changes = analyse_files(
        call.conn, prefix, call.settings, call.directory, files, session_id=call.session.id
    )
    lines = [ANALYSIS_ONLY]
    for r in results:
        status = history.ANALYSED if r.status == history.SUCCESS else history.FAILED
        _record_file(call, r.path, status, r.counts, r.warnings)
        job = jobs.Job(0, r.name, status, 0, r.counts, "\n".join(r.warnings))
        lines += summary(job)
    lines += changes.lines()
    failed = next((r for r in results if r.status != history.SUCCESS), None)
    call.record(analysis=changes.as_dict(), progress=100,
                status=history.FAILED if failed else history.SUCCESS,
                message=failed.error if failed else "")  # fmt: skip
    call.note("; ".join(lines[:3]))
    if failed:
        raise ImportFailed(failed.error)
    return replies.success(*lines)


def catalog_deactivate(call: Call) -> Response:
    stamp = request.args.get("timestamp", "")
    if not stamp.isdigit():
        raise BadRequest("deactivate needs the timestamp= line checkauth answered")
    prefix = call.config.table_prefix
    _hold_catalog(call)
    with advisory_lock(call.conn, import_lock(call.config)) as got:
        if not got:
            return replies.progress("another import step is running, waiting")
        counts = deactivate(
            call.conn, prefix, call.settings, call.directory, call.config.xcart_root, int(stamp)
        )
    call.record(counts={k: v for k, v in counts.items() if k.endswith(("_disabled", "_deleted"))})
    call.note(f"deactivate: {counts or 'nothing removed'}")
    if call.settings["catalog_mode"] != "overwrite":
        return replies.success("update mode: a full export removes nothing")
    removed_p = counts.get("products_disabled", 0) + counts.get("products_deleted", 0)
    removed_c = counts.get("categories_disabled", 0) + counts.get("categories_deleted", 0)
    log.info(
        "deactivate: session=%s products=%s categories=%s", call.session.id, removed_p, removed_c
    )
    return replies.success(f"removed: {removed_p} products, {removed_c} categories")


def import_lock(config: Config) -> str:
    """One catalog write at a time per shop, across workers and instances."""
    return f"xc1c:{config.db.database}:{config.table_prefix}:catalog-import"


def catalog_complete(call: Call) -> Response:
    assert call.session is not None
    lease.release(call.conn, call.config.table_prefix, lease.CATALOG, f"session:{call.session.id}")
    call.note("complete")
    return replies.success("exchange complete")


HANDLERS: dict[tuple[str, str], Callable[[Call], Response]] = {
    ("catalog", "checkauth"): checkauth,
    ("catalog", "init"): init,
    ("catalog", "file"): file,
    ("catalog", "import"): catalog_import,
    ("catalog", "deactivate"): catalog_deactivate,
    ("catalog", "complete"): catalog_complete,
    ("sale", "checkauth"): checkauth,
    ("sale", "init"): init,
    ("sale", "query"): sale_query,
    ("sale", "success"): sale_success,
    ("sale", "file"): file,
    ("sale", "import"): sale_import,
}


def _address_allowed(client: str, allowed: tuple[str, ...]) -> bool:
    if not allowed:
        return True
    try:
        address = ipaddress.ip_address(client)
    except ValueError:
        return False
    for entry in allowed:
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            log.warning("allowed_ips: %r is not an address or network, ignored", entry)
    return False


def _filename() -> str:
    name = request.args.get("filename", "")
    if not name:
        raise BadRequest("the filename parameter is missing")
    return name


@bp.route("/1c_exchange.php", methods=["GET", "POST"])
@bp.route("/exchange", methods=["GET", "POST"])
def exchange() -> Response:
    config: Config = current_app.config["XC1C"]
    type_, mode = request.args.get("type", ""), request.args.get("mode", "")
    handler = HANDLERS.get((type_, mode))
    if handler is None:
        raise BadRequest(f"unknown request type={type_!r} mode={mode!r}")
    conn = db()
    call = Call(config, conn, read_settings(conn, config.table_prefix), type_, mode)
    if not _address_allowed(request.remote_addr or "", call.settings["allowed_ips"]):
        raise Forbidden("this address may not use the exchange (setting allowed_ips)")
    if handler is not checkauth:
        call.token = request.cookies.get(replies.COOKIE_NAME) or request.args.get("sessid", "")
        call.session = sessions.find_session(
            conn, config.table_prefix, call.token, call.settings["session_ttl"]
        )
        if call.session is None:
            raise NoSession("no exchange session or it has expired: authorise again (checkauth)")
        if call.session.login != call.settings["login"]:
            raise NoSession("the exchange login has changed: authorise again (checkauth)")
        call.exchange_id = history.for_session(conn, config.table_prefix, call.session.id)
    g.call = call
    return handler(call)


@bp.app_errorhandler(ExchangeError)
def _exchange_error(exc: ExchangeError) -> Response:
    log.warning(
        "failure: type=%s mode=%s filename=%s client=%s: %s",
        request.args.get("type"),
        request.args.get("mode"),
        request.args.get("filename"),
        request.remote_addr,
        exc,
    )
    _record_failure(str(exc))
    return replies.failure(str(exc), exc.http_status)


def _record_failure(message: str) -> None:
    """The failure goes into the exchange's history too, with the file it concerns."""
    call: Call | None = g.get("call")
    if call is None or call.exchange_id is None:
        return
    try:
        call.conn.rollback()
        name = request.args.get("filename", "")
        if name and call.session is not None:
            try:
                path = resolve_inside(call.directory, safe_relative_path(name))
            except ExchangeError:
                path = None
            if path is not None and path.is_file():
                _record_file(call, path, history.FAILED, {}, [message])
        call.note(f"failure: {request.args.get('mode')}: {message}")
        call.record(status=history.FAILED, message=message)
    except (pymysql.err.Error, OSError):
        log.exception("could not record the failure in the exchange history")


DISK_FULL = "no space left on the server's disk; the file was not kept, free space and repeat"
# Lost or refused connections, too many connections, lock wait timeout, deadlock: passing.
UNAVAILABLE = {1040, 1205, 1213, 2002, 2003, 2006, 2013}


@bp.app_errorhandler(pymysql.err.OperationalError)
def _database_down(exc: pymysql.err.OperationalError) -> Response:
    if exc.args and exc.args[0] not in UNAVAILABLE:
        return _unexpected(exc)
    log.error(
        "database unavailable: type=%s mode=%s: %s",
        request.args.get("type"),
        request.args.get("mode"),
        exc,
    )
    return replies.failure("the shop database is unavailable; nothing was changed, try again", 503)


@bp.app_errorhandler(Exception)
def _unexpected(exc: Exception) -> Response:
    if isinstance(exc, HTTPException):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        log.error(
            "disk full: type=%s mode=%s filename=%s: %s",
            request.args.get("type"), request.args.get("mode"), request.args.get("filename"), exc,
        )  # fmt: skip
        _record_failure(DISK_FULL)
        return replies.failure(DISK_FULL, 507)
    log.exception(
        "internal error: type=%s mode=%s", request.args.get("type"), request.args.get("mode")
    )
    _record_failure(f"internal error: {type(exc).__name__}: {exc}")
    return replies.failure("internal error of the exchange sidecar; see its log", 500)
