"""Every error of an exchange call answered as `failure` with its reason (and recorded in the
exchange's history, with the file it concerns); a database that is down or a full disk said
so; anything else an internal error, logged in full."""

from __future__ import annotations

import errno
import logging

import pymysql
from flask import Flask, Response, g, request
from werkzeug.exceptions import HTTPException

from ..errors import ExchangeError
from ..exchange.run import Run
from . import replies

log = logging.getLogger("xc1c.exchange")

DISK_FULL = "no space left on the server's disk; the file was not kept, free space and repeat"
# Lost or refused connections, too many connections, lock wait timeout, deadlock: passing.
UNAVAILABLE = {1040, 1205, 1213, 2002, 2003, 2006, 2013}


def _record_failure(message: str) -> None:
    """The failure goes into the exchange's history too, with the file it concerns."""
    run: Run | None = g.get("run")
    if run is None:
        return
    try:
        run.fail(request.args.get("mode", ""), message, request.args.get("filename", ""))
    except (pymysql.err.Error, OSError):
        log.exception("could not record the failure in the exchange history")


def exchange_error(exc: ExchangeError) -> Response:
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


def database_down(exc: pymysql.err.OperationalError) -> Response:
    if exc.args and exc.args[0] not in UNAVAILABLE:
        return unexpected(exc)
    log.error(
        "database unavailable: type=%s mode=%s: %s",
        request.args.get("type"),
        request.args.get("mode"),
        exc,
    )
    return replies.failure("the shop database is unavailable; nothing was changed, try again", 503)


def unexpected(exc: Exception) -> Response | HTTPException:
    if isinstance(exc, HTTPException):
        return exc
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        log.error(
            "disk full: type=%s mode=%s filename=%s: %s",
            request.args.get("type"),
            request.args.get("mode"),
            request.args.get("filename"),
            exc,
        )
        _record_failure(DISK_FULL)
        return replies.failure(DISK_FULL, 507)
    log.exception(
        "internal error: type=%s mode=%s", request.args.get("type"), request.args.get("mode")
    )
    _record_failure(f"internal error: {type(exc).__name__}: {exc}")
    return replies.failure("internal error of the exchange sidecar; see its log", 500)


def init_app(app: Flask) -> None:
    app.register_error_handler(ExchangeError, exchange_error)
    app.register_error_handler(pymysql.err.OperationalError, database_down)
    app.register_error_handler(Exception, unexpected)
