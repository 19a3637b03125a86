"""The module's PHP side, asked to apply the recorded order changes through X-Cart's own order
model (status handlers, stock, sales counters, history, the shop's e-mails). Called over HTTP on
X-Cart's admin.php with the secret both sides read from the module's settings; X-Cart's cron
applies the same queue when this call cannot get through."""

from __future__ import annotations

import json
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

import pymysql

from ..config import Config, read_xcart_section
from ..errors import ConfigError
from ..settings import fill_if_empty

TARGET = "xc1c_order_changes"


class Unreachable(Exception):
    """X-Cart did not answer (down, timed out): the changes wait, X-Cart's cron or the next
    exchange applies them."""


class Absent(Exception):
    """X-Cart answered, but not as the module's side does: the module is off, older, or the
    secret was refused. The changes are applied directly."""


@dataclass(frozen=True)
class XCartSide:
    url: str  # X-Cart's admin.php
    secret: str
    timeout: float = 120.0

    def apply(self) -> dict[str, Any]:
        """Ask X-Cart to apply every waiting change; its answer: {"xc1c": module version,
        "applied": [ids], "failed": [ids]}."""
        return self._post("apply")

    def probe(self) -> dict[str, Any]:
        """Whether the module's side answers, applying nothing: {"xc1c": module version}."""
        return self._post("")

    def _post(self, action: str) -> dict[str, Any]:
        query = urllib.parse.urlencode({"target": TARGET, **({"action": action} if action else {})})
        body = urllib.parse.urlencode({"xc1c_secret": self.secret}).encode()
        request = urllib.request.Request(f"{self.url}?{query}", data=body, method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                status, text = response.status, response.read(1 << 20)
        except urllib.error.HTTPError as exc:
            status, text = exc.code, b""
            if status in (502, 503, 504):
                raise Unreachable(f"X-Cart at {self.url} answered HTTP {status}") from exc
        except (OSError, urllib.error.URLError) as exc:
            raise Unreachable(f"X-Cart at {self.url} did not answer: {exc}") from exc
        try:
            answer = json.loads(text) if status == 200 else None
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or "xc1c" not in answer:
            raise Absent(
                f"X-Cart at {self.url} answered HTTP {status} without the module's reply (the"
                " module is disabled or older than this sidecar, or it refused the secret)"
            )
        return answer


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect (to X-Cart's login page) is an answer, not a place to go."""

    def redirect_request(self, *args: Any) -> None:
        return None


def admin_url(config: Config, settings: dict[str, Any]) -> str:
    """The `xcart_url` setting, else admin.php on the host X-Cart's own config names."""
    if settings["xcart_url"].strip():
        return settings["xcart_url"].strip()
    if config.xcart_root is None:
        return ""
    try:
        hosts = read_xcart_section(config.xcart_root, "host_details")
    except ConfigError:
        return ""
    http, https = hosts.get("http_host", ""), hosts.get("https_host", "")
    web_dir = "/" + hosts.get("web_dir", "").strip("/")
    base = f"http://{http}" if http else (f"https://{https}" if https else "")
    if not base:
        return ""
    return f"{base}{web_dir.rstrip('/')}/admin.php"  # 5.4 and 5.5 alike


def locate(
    conn: pymysql.Connection, prefix: str, config: Config, settings: dict[str, Any]
) -> XCartSide | str:
    """Where to reach the module's side, or why the changes are applied directly."""
    if settings["orders_apply"] != "xcart":
        return "orders_apply is set to write directly"
    url = admin_url(config, settings)
    if not url:
        return "X-Cart's address is unknown: set xcart_url (or XC1C_XCART_ROOT)"
    return XCartSide(url, settings["xcart_secret"] or shared_secret(conn, prefix))


def shared_secret(conn: pymysql.Connection, prefix: str) -> str:
    """A secret for the module's side, made and stored in its setting when none is set (the
    admin never needs to type one: both sides read it from the shop's settings)."""
    return fill_if_empty(conn, prefix, "xcart_secret", secrets.token_urlsafe(32))
