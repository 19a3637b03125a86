"""Who may call: the exchange login (HTTP Basic, compared in constant time, failures counted
per address), the allowed addresses, and the live session a call after checkauth carries."""

from __future__ import annotations

import hmac
import ipaddress
import logging
from typing import Any

import pymysql
from flask import request

from ..errors import AuthFailed, Forbidden, NoSession
from ..state import sessions, vendor_logins
from . import replies

log = logging.getLogger("xc1c.exchange")


def client() -> str:
    return request.remote_addr or ""


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


def too_many_failures(conn: pymysql.Connection, prefix: str, settings: dict[str, Any]) -> bool:
    return sessions.recent_failures(conn, prefix, client()) >= settings["login_attempts"]


def record_failure(conn: pymysql.Connection, prefix: str) -> None:
    sessions.record_failure(conn, prefix, client())


def check_login(conn: pymysql.Connection, prefix: str, settings: dict[str, Any]) -> str:
    """checkauth's login: the store owner's exchange login or a vendor's (state.vendor_logins),
    which one it was; or AuthFailed / Forbidden (too many failures from this address)."""
    if not settings["password"]:
        raise AuthFailed("the exchange password is not set in the module settings")
    if too_many_failures(conn, prefix, settings):
        raise Forbidden("too many failed logins from this address; try again in 10 minutes")
    if basic_login_ok(settings):
        return str(settings["login"])
    auth = request.authorization
    login = (auth.username or "") if auth is not None and auth.type == "basic" else ""
    password = (auth.password or "") if auth is not None and login else ""
    if login and vendor_logins.check(conn, prefix, login, password) is not None:
        return login
    record_failure(conn, prefix)
    raise AuthFailed("wrong login or password")


def address_allowed(allowed: tuple[str, ...]) -> bool:
    if not allowed:
        return True
    try:
        address = ipaddress.ip_address(client())
    except ValueError:
        return False
    for entry in allowed:
        try:
            if address in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            log.warning("allowed_ips: %r is not an address or network, ignored", entry)
    return False


def session_token() -> str:
    """The session the call carries: the cookie checkauth set, or `sessid` of newer 1C."""
    return request.cookies.get(replies.COOKIE_NAME) or request.args.get("sessid", "")


def require_session(
    conn: pymysql.Connection, prefix: str, settings: dict[str, Any]
) -> sessions.Session:
    """The live session of the call (its lifetime renewed), or NoSession."""
    session = sessions.find_session(conn, prefix, session_token(), settings["session_ttl"])
    if session is None:
        raise NoSession("no exchange session or it has expired: authorise again (checkauth)")
    if session.login != settings["login"] and (
        vendor_logins.vendor_of(conn, prefix, session.login) is None
    ):
        raise NoSession("the exchange login has changed: authorise again (checkauth)")
    return session
