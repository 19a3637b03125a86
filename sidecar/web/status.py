"""The sidecar's own pages for people and monitors: /status (HTML), /status.json, /metrics,
each exchange's log and kept files, and /healthz. Also under /xc1c/…, the path the web server
routes to the sidecar beside /1c_exchange.php. Opened with the exchange login (HTTP Basic,
rate-limited like checkauth), the status_token setting, or — for the X-Cart module's admin page,
which asks for /status.json and an exchange's log — the key the sidecar and X-Cart share
(xcart_secret, header X-Xc1c-Secret); /healthz is open."""

from __future__ import annotations

import hmac
from pathlib import Path

import pymysql
from flask import Blueprint, Response, abort, current_app, render_template, request, send_file

from .. import __version__
from ..db import connect
from ..errors import BadFileName
from ..orders.xcart_side import admin_url
from ..safepath import resolve_inside, safe_relative_path
from ..settings import read_settings
from ..state import history
from ..status import collect, metrics_text, module_installed
from . import auth
from .db import config as _config
from .db import get_db as db

bp = Blueprint("status", __name__)

LABELS = {
    "en": {
        "title": "1C exchange — status", "health": "Health", "version": "Version",
        "now": "Now", "current": "Running now", "none": "No exchange is running.",
        "lease": "Catalog held by", "last": "Last exchanges", "when": "Started",
        "what": "Exchange", "result": "Result", "duration": "Seconds", "changes": "Changes",
        "log": "log", "files": "Files", "settings": "Settings in effect",
        "dry_run": "dry run", "would": "Would change", "no_exchanges": "No exchange yet.",
        "unpriced": "Not for sale: no price from 1C the shop can use",
        "products": "products", "for_example": "for example", "modules": "X-Cart modules",
        "present": "on", "absent": "off", "order_changes": "Order changes from 1C",
        "through_xcart": "applied through X-Cart", "directly": "written directly",
        "waiting": "waiting for X-Cart", "failed": "failed",
        "direct_why": "Written directly because",
        "attempts": "attempts", "order": "order",
        "portions": "Full export in portions", "portions_since": "Under way since",
        "portions_last": "Last one",
        "admin_page": "The same in X-Cart's admin: Orders → 1C integration",
    },
    "ru": {
        "title": "Обмен с 1С — состояние", "health": "Состояние", "version": "Версия",
        "now": "Сейчас", "current": "Идёт сейчас", "none": "Обмен сейчас не идёт.",
        "lease": "Каталог занят", "last": "Последние обмены", "when": "Начало",
        "what": "Обмен", "result": "Итог", "duration": "Секунд", "changes": "Изменения",
        "log": "журнал", "files": "Файлы", "settings": "Действующие настройки",
        "dry_run": "пробный прогон", "would": "Изменил бы", "no_exchanges": "Обменов ещё не было.",
        "unpriced": "Не продаются: нет цены из 1С, пригодной для магазина",
        "products": "товаров", "for_example": "например", "modules": "Модули X-Cart",
        "present": "включён", "absent": "выключен", "order_changes": "Изменения заказов из 1С",
        "through_xcart": "применены через X-Cart", "directly": "записаны напрямую",
        "waiting": "ждут X-Cart", "failed": "не применены",
        "direct_why": "Записаны напрямую, потому что",
        "attempts": "попыток", "order": "заказ",
        "portions": "Полная выгрузка порциями", "portions_since": "Идёт с",
        "portions_last": "Последняя",
        "admin_page": "То же в админке X-Cart: Заказы → Интеграция с 1С",
    },
}  # fmt: skip


def _authorise() -> str:
    """The token query string to carry into links, or abort with 401/403."""
    config = _config()
    settings = read_settings(db(), config.table_prefix)
    token = request.args.get("token", "")
    if not token and (request.headers.get("Authorization") or "").startswith("Bearer "):
        token = request.headers["Authorization"][7:]
    expected = str(settings["status_token"])
    if token and expected and hmac.compare_digest(token.encode(), expected.encode()):
        return f"?token={token}" if "token" in request.args else ""
    shared, given = str(settings["xcart_secret"]), request.headers.get("X-Xc1c-Secret", "")
    if given and shared and hmac.compare_digest(given.encode(), shared.encode()):
        return ""
    if auth.too_many_failures(db(), config.table_prefix, settings):
        abort(403)
    if auth.basic_login_ok(settings):
        return ""
    if request.authorization is not None or token or given:
        auth.record_failure(db(), config.table_prefix)
    abort(Response("authorisation required\n", 401, {"WWW-Authenticate": 'Basic realm="xc1c"'}))


def _language() -> str:
    return request.accept_languages.best_match(["ru", "en"]) or "en"


@bp.get("/status")
def status_page() -> str:
    suffix = _authorise()
    config = _config()
    settings = read_settings(db(), config.table_prefix)
    data = collect(db(), config.table_prefix, settings)
    admin = admin_url(config, settings)
    # the module's own page of the exchange, when the module is in the shop (X-Cart 5.4)
    admin_page = (f"{admin}?target=xc1c_exchange"
                  if admin and module_installed(db(), config.table_prefix) else "")  # fmt: skip
    return render_template("status.html", data=data, t=LABELS[_language()], suffix=suffix,
                           admin_page=admin_page)  # fmt: skip


@bp.get("/status.json")
def status_json() -> Response:
    _authorise()
    config = _config()
    return current_app.json.response(
        collect(db(), config.table_prefix, read_settings(db(), config.table_prefix))
    )


@bp.get("/status/exchanges/<int:exchange_id>/log")
def exchange_log(exchange_id: int) -> Response:
    _authorise()
    text = history.log_text(db(), _config().table_prefix, exchange_id)
    if text is None:
        abort(404)
    return Response(
        text,
        content_type="text/plain; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="exchange-{exchange_id}.log"'},
    )


@bp.get("/status/exchanges/<int:exchange_id>/files/<path:name>")
def exchange_file(exchange_id: int, name: str) -> Response:
    _authorise()
    base = history.files_dir(_config().data_dir, exchange_id)
    try:
        path = resolve_inside(base, safe_relative_path(name))
    except BadFileName:
        abort(404)
    if not path.is_file():
        abort(404)
    return send_file(path, as_attachment=True, download_name=Path(name).name)


@bp.get("/metrics")
def metrics() -> Response:
    _authorise()
    return Response(
        metrics_text(db(), _config().table_prefix),
        content_type="text/plain; version=0.0.4; charset=utf-8",
    )


@bp.get("/healthz")
def healthz() -> Response:
    """For monitors and the module's settings page: answers, and reaches the database."""
    try:
        conn = connect(_config().db)
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT 1")
        finally:
            conn.close()
    except pymysql.err.Error as exc:
        return Response(
            f"database unavailable: {type(exc).__name__}\n",
            503,
            content_type="text/plain; charset=utf-8",
        )
    return Response(f"ok {__version__}\n", content_type="text/plain; charset=utf-8")
