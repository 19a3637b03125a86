"""The exchange's URL: one address, dispatched on (type, mode) through one table. Each view
turns the request's arguments into a call of sidecar.exchange and its result into one of
`replies`; the lifecycle (locks, history, retries) is that package's."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

from flask import Blueprint, Response, g, request

from ..errors import BadRequest, Forbidden
from ..exchange import catalog, sale, session
from ..exchange.run import Answer, Run
from ..settings import read_settings
from . import auth, replies
from .db import config, get_db

bp = Blueprint("exchange", __name__)


def answer(result: Answer) -> Response:
    return replies.success(*result.lines) if result.done else replies.progress(*result.lines)


def filename() -> str:
    name = request.args.get("filename", "")
    if not name:
        raise BadRequest("the filename parameter is missing")
    return name


def checkauth(run: Run, type_: str) -> Response:
    login = auth.check_login(run.conn, run.prefix, run.settings)
    token, _ = session.open_session(run.config, run.conn, run.settings, type_, run.client, login)
    return replies.checkauth(token, int(time.time()))


def init(run: Run, type_: str) -> Response:
    version = request.args.get("version") or ""
    session.begin(run, type_, version)
    zip_ = run.settings["zip"] and type_ == "catalog"  # sale/file applies plain XML only
    return replies.init(zip_, run.settings["file_limit"], auth.session_token(), version or None)


def file(run: Run, type_: str) -> Response:
    return answer(session.receive(run, type_, filename(), request.stream, request.content_length))


def catalog_import(run: Run, _type: str) -> Response:
    return answer(catalog.import_file(run, filename()))


def catalog_deactivate(run: Run, _type: str) -> Response:
    stamp = request.args.get("timestamp", "")
    if not stamp.isdigit():
        raise BadRequest("deactivate needs the timestamp= line checkauth answered")
    return answer(catalog.end_of_export(run, int(stamp)))


def catalog_complete(run: Run, _type: str) -> Response:
    return answer(catalog.complete(run))


def sale_import(run: Run, _type: str) -> Response:
    return answer(sale.import_file(run, filename()))


def sale_query(run: Run, _type: str) -> Response:
    out = sale.query(run)
    charset = "utf-8" if run.settings["orders_encoding"] == "utf-8" else "windows-1251"
    return Response(
        _chunks(out),
        content_type=f"application/xml; charset={charset}",
        headers={"Content-Length": str(out.stat().st_size)},
    )


def _chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        while chunk := fh.read(64 * 1024):
            yield chunk


def sale_success(run: Run, _type: str) -> Response:
    return answer(sale.success(run))


VIEWS: dict[tuple[str, str], Callable[[Run, str], Response]] = {
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


@bp.route("/1c_exchange.php", methods=["GET", "POST"])
@bp.route("/exchange", methods=["GET", "POST"])
def exchange() -> Response:
    type_, mode = request.args.get("type", ""), request.args.get("mode", "")
    view = VIEWS.get((type_, mode))
    if view is None:
        raise BadRequest(f"unknown request type={type_!r} mode={mode!r}")
    cfg, conn = config(), get_db()
    settings = read_settings(conn, cfg.table_prefix)
    if not auth.address_allowed(settings["allowed_ips"]):
        raise Forbidden("this address may not use the exchange (setting allowed_ips)")
    if view is checkauth:
        run = Run(cfg, conn, settings, Path(), client=auth.client())
    else:
        found = auth.require_session(conn, cfg.table_prefix, settings)
        run = Run.of_session(cfg, conn, settings, found, auth.client())
    g.run = run
    return view(run, type_)
