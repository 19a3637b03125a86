"""A client that speaks the exchange protocol as 1C does: Basic auth at checkauth, the cookie it
was given on every later call, files cut at file_limit (or one zip when the site offers it),
import repeated while the reply is `progress`. Used by the tests, the demo and the benchmark,
and by admins to check an installation (`xc1c push-catalog`)."""

from __future__ import annotations

import base64
import io
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

# (method, query, body, headers) -> (status, body)
Transport = Callable[[str, dict[str, str], bytes | None, dict[str, str]], tuple[int, bytes]]

_ORDER = ("import", "offers", "prices", "rests")


class OneCClientError(RuntimeError):
    def __init__(self, reply: list[str], status: int):
        self.reply, self.status = reply, status
        super().__init__(f"HTTP {status}: " + " | ".join(reply))


def http_transport(url: str, timeout: float = 600) -> Transport:
    """Talk to a real server at `url` (the exchange endpoint, e.g. http://host/1c_exchange.php)."""

    def send(method: str, query: dict[str, str], body: bytes | None, headers: dict[str, str]):
        full = f"{url}?{urllib.parse.urlencode(query)}"
        req = urllib.request.Request(full, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    return send


def exchange_order(name: str) -> tuple[int, str]:
    """1C imports classifier and products before offers, prices and stock."""
    base = Path(name).name.lower()
    for rank, prefix in enumerate(_ORDER):
        if base.startswith(prefix):
            return rank, base
    return len(_ORDER), base


@dataclass
class Reply:
    status: int
    lines: list[str]

    @property
    def word(self) -> str:
        return self.lines[0] if self.lines else ""


class OneCClient:
    def __init__(self, transport: Transport, login: str, password: str, *, sessid: bool = False):
        self.transport = transport
        self.login, self.password = login, password
        self.use_sessid = sessid
        self.cookie: str | None = None
        self.sessid: str | None = None
        self.file_limit = 0
        self.zip = False
        self.calls = 0

    def call(self, type_: str, mode: str, body: bytes | None = None, **params: str) -> Reply:
        query = {"type": type_, "mode": mode, **params}
        headers: dict[str, str] = {}
        if mode == "checkauth":
            token = base64.b64encode(f"{self.login}:{self.password}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        elif self.cookie:
            headers["Cookie"] = self.cookie
        if self.use_sessid and self.sessid and mode != "checkauth":
            query["sessid"] = self.sessid
        if body is not None:
            headers["Content-Type"] = "application/octet-stream"
        status, raw = self.transport("POST" if body is not None else "GET", query, body, headers)
        self.calls += 1
        return Reply(status, raw.decode("utf-8", "replace").split("\n"))

    def expect(self, reply: Reply, *words: str) -> Reply:
        if reply.word not in words:
            raise OneCClientError(reply.lines, reply.status)
        return reply

    def checkauth(self, type_: str = "catalog") -> Reply:
        reply = self.expect(self.call(type_, "checkauth"), "success")
        self.cookie = f"{reply.lines[1]}={reply.lines[2]}"
        for line in reply.lines[3:]:
            if line.startswith("sessid="):
                self.sessid = line.split("=", 1)[1]
        return reply

    def init(self, type_: str = "catalog", version: str | None = None) -> dict[str, str]:
        params = {"version": version} if version else {}
        reply = self.call(type_, "init", **params)
        values = dict(line.split("=", 1) for line in reply.lines if "=" in line)
        if "file_limit" not in values:
            raise OneCClientError(reply.lines, reply.status)
        self.file_limit = int(values["file_limit"])
        self.zip = values.get("zip") == "yes"
        return values

    def query_orders(self) -> bytes:
        """The orders file sale/query gives, in a session of its own, as its raw bytes (their
        encoding is the shop's setting)."""
        self.checkauth("sale")
        self.init("sale")
        query = {"type": "sale", "mode": "query"}
        status, body = self.transport("GET", query, None, {"Cookie": self.cookie})
        if status != 200:
            raise OneCClientError(body.decode("utf-8", "replace").split("\n"), status)
        return body

    def upload(self, name: str, data: bytes, type_: str = "catalog") -> None:
        """Send one file, cut at file_limit as 1C does."""
        step = self.file_limit or len(data) or 1
        for start in range(0, max(len(data), 1), step):
            self.expect(
                self.call(type_, "file", data[start : start + step], filename=name), "success"
            )

    def import_file(self, name: str, type_: str = "catalog", max_calls: int = 100000) -> Reply:
        """Call import until it stops answering `progress`."""
        for _ in range(max_calls):
            reply = self.call(type_, "import", filename=name)
            if reply.word != "progress":
                return self.expect(reply, "success")
        raise OneCClientError(["progress never ended"], 0)

    def send_catalog(
        self,
        files: Iterable[tuple[str, bytes]],
        *,
        use_zip: bool | None = None,
        complete: bool = True,
    ) -> list[Reply]:
        """A whole catalog exchange. `files` are (name as 1C names it, content); pictures keep
        their `import_files/…` names. Returns the final reply of each XML import."""
        files = list(files)
        self.checkauth()
        self.init()
        zipped = self.zip if use_zip is None else use_zip and self.zip
        if zipped:
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
                for name, data in files:
                    zf.writestr(name, data)
            self.upload("v8_exchange.zip", buf.getvalue())
        else:
            for name, data in files:
                self.upload(name, data)
        xmls = sorted((n for n, _ in files if n.lower().endswith(".xml")), key=exchange_order)
        replies = [self.import_file(name) for name in xmls]
        if complete:
            self.expect(self.call("catalog", "complete"), "success")
        return replies


def files_from_paths(paths: Iterable[Path]) -> list[tuple[str, bytes]]:
    """XML files by their own name; a directory adds its `import_files/…` pictures."""
    out: list[tuple[str, bytes]] = []
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file():
                    out.append((f.relative_to(path).as_posix(), f.read_bytes()))
        else:
            out.append((path.name, path.read_bytes()))
    return out
