"""The real X-Cart 5.4.1.23 shop of ../shared/tools/xcart-rig (PHP 7.4 in WebAssembly with its
own MariaDB), for the tests that X-Cart itself must judge: its pages render what the sidecar
wrote, its ORM reads it back. Found at $XC1C_XCART_RIG, else where build.sh puts it by default
(<temp dir>/xcart-wasm); tests that need it skip with the reason when it is not there."""

from __future__ import annotations

import contextlib
import html
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import pymysql
from serving import wait_until_up

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "rig"
TOOLS = HERE.parent.parent / "shared" / "tools" / "xcart-rig"
# The module's folders under the shop's root (its classes, its admin templates), from the stub.
STUB = HERE.parent / "xcart_module_stub" / "5.4"
MODULE_DIRS = ("classes/XLite/Module/Xc1c", "skins/admin/modules/Xc1c")
ADMIN = ("admin@example.com", "admin123")
BUILD = "../shared/tools/xcart-rig/build.sh --source <a copy of DanilShayakhmetov/X-CART-TEST>"


def _env_file(base: Path) -> dict[str, str]:
    out = {}
    for line in (base / "rig.env").read_text().splitlines():
        if line.startswith("export "):
            for pair in line[len("export ") :].split():
                name, _, value = pair.partition("=")
                out[name] = value
    return out


@dataclass
class Rig:
    base: Path
    root: Path  # the X-Cart root (etc/config.php, images/, var/)
    node: str
    db_port: int

    def sql(self, statements: str, database: str = "") -> None:
        subprocess.run(
            ["mariadb", "--no-defaults", "-h127.0.0.1", f"-P{self.db_port}", "-uroot",
             *([database] if database else [])],
            input=statements.encode(), check=True, capture_output=True,
        )  # fmt: skip

    def restore(self, dump: str = "orders.sql") -> None:
        """Load one of the rig's dumps, as the rig's README says (and clear X-Cart's cache)."""
        self.sql(
            "DROP DATABASE IF EXISTS xcart;"
            " CREATE DATABASE xcart CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
        )
        with (self.base / dump).open("rb") as fh:
            subprocess.run(
                ["mariadb", "--no-defaults", "-h127.0.0.1", f"-P{self.db_port}", "-uroot",
                 "xcart"], stdin=fh, check=True, capture_output=True,
            )  # fmt: skip
        shutil.rmtree(self.root / "var" / "datacache", ignore_errors=True)

    def _xc(self, *args: str, timeout: int = 300) -> str:
        done = subprocess.run(
            [self.node, "xc.mjs", *args], cwd=self.base, capture_output=True, text=True,
            timeout=timeout, env={**os.environ, "XC_BASE": str(self.base),
                                  "XC_ROOT": str(self.root)},
        )  # fmt: skip
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def pages(self, *uris: str) -> list[tuple[int, str]]:
        """(status, body) of storefront or admin pages, rendered by X-Cart itself."""
        out = []
        for line in self._xc("get", *uris).splitlines():
            if not line.startswith("GET "):
                continue
            status = int(line.split(" -> ")[1].split()[0])
            path = Path(line.rsplit(" -> ", 1)[1].split(" [")[0])
            out.append((status, path.read_text(encoding="utf-8", errors="replace")))
        return out

    def _rebuild(self, payload: dict) -> dict:
        """One request of the service tool's rebuild (rebuild.php --request=…), as the rig's
        own installer sends it."""
        out = self._xc("cli", str(TOOLS / "xc_rebuild.php"), json.dumps(payload))
        answer = json.loads([line for line in out.splitlines() if line.startswith("{")][-1])
        assert not answer.get("errors"), answer
        return answer

    def set_module(self, enabled: bool) -> None:
        """The xc1c module enabled or disabled (its files stay) the way the service tool does it
        on a live shop: module registry, rebuild start with the new list, the fixtures of the
        module it enables (its install.yaml), the rebuild steps, step 13."""
        for folder in MODULE_DIRS:
            if not (self.root / folder).exists():
                shutil.copytree(STUB / folder, self.root / folder)
        modules = json.loads((self.base / "modules.json").read_text())
        modules["Xc1c"] = {"Exchange": int(enabled)}
        self._apply_modules(modules, ["classes/XLite/Module/Xc1c/Exchange/install.yaml"]
                            if enabled else [])  # fmt: skip

    def remove_module(self) -> None:
        """Back to the rig's own module set, without the module's files."""
        for folder in MODULE_DIRS:
            shutil.rmtree(self.root / folder, ignore_errors=True)
        self._apply_modules(json.loads((self.base / "modules.json").read_text()), [])

    def _apply_modules(self, modules: dict, fixtures: list[str]) -> None:
        listing = self.base / "out" / "xc1c-modules.json"
        listing.write_text(json.dumps(modules))
        self._xc("cli", str(TOOLS / "xc_prep.php"), str(listing), "modules")
        self._rebuild({"modules_list": {a: {n: bool(e) for n, e in m.items()}
                                        for a, m in modules.items()}})  # fmt: skip
        self._xc("cli", str(SCRIPTS / "fixtures.php"), *fixtures)
        # the steps, then the hooks of the xc1c module alone (it has none to install)
        hooks = self.base / "out" / "xc1c-hooks.json"
        hooks.write_text(json.dumps({"Xc1c": modules.get("Xc1c", {})}))
        done = subprocess.run(
            [self.node, str(TOOLS / "install.mjs"), "--from=step_first"], cwd=self.base,
            capture_output=True, text=True, timeout=900,
            env={**os.environ, "XC_BASE": str(self.base), "XC_ROOT": str(self.root),
                 "XC_MODULES": str(hooks)},
        )  # fmt: skip
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    def upgrade_hook(self, path: Path) -> None:
        """Run a module's upgrade hook as the service tool runs hooks."""
        self._rebuild({"file": str(path)})

    @property
    def url(self) -> str:
        """Where X-Cart answers when served (its `http_host`, e.g. http://localhost:8080)."""
        return _env_file(self.base)["XC_URL"]

    def _driver_without_exec(self) -> str:
        """The rig's driver with PHP's process functions disabled, as many shared hosts have
        them: php-wasm cannot spawn a process and aborts the request that tries, where PHP on
        such a host returns nothing and X-Cart's service tool falls back to PHP's own Phar for
        packages (Core/Archive/ArchiveFactory). Written beside the rig's out/ logs."""
        text = (self.base / "xc.mjs").read_text()
        anchor = "    realpath_cache_ttl: '3600',\n"
        assert anchor in text, "the rig's driver is not as expected"
        disabled = "exec,shell_exec,system,passthru,popen,proc_open"
        driver = self.base / "out" / "xc-without-exec.mjs"
        driver.write_text(text.replace(anchor, anchor + f"    disable_functions: '{disabled}',\n"))
        return str(driver)

    @contextlib.contextmanager
    def serving(self) -> Iterator[str]:
        """X-Cart over HTTP (`xc.mjs serve`, several PHP instances) at its own address."""
        server = Server(self, "xc.mjs")
        try:
            yield server.start()
        finally:
            server.stop()

    @contextlib.contextmanager
    def serving_without_exec(self) -> Iterator[Server]:
        """X-Cart over HTTP without PHP's process functions (`_driver_without_exec`), for the
        service tool; the server can be restarted (`Server.restart`)."""
        server = Server(self, self._driver_without_exec())
        try:
            server.start()
            yield server
        finally:
            server.stop()

    def copy_that_mails(self, directory: Path) -> Rig:
        """This shop in `directory` (files hard-linked, var/ copied) with X-Cart's e-mail CSS
        inliner parsing quietly: php-wasm crashes where the shipped one collects libxml's
        errors (the rig's README), so only such a copy gets as far as its mail attempts."""
        shutil.copytree(self.root, directory, copy_function=os.link, symlinks=True,
                        ignore=shutil.ignore_patterns("var"))  # fmt: skip
        shutil.copytree(self.root / "var", directory / "var", symlinks=True)
        inliner = directory / "vendor/tijsverkoyen/css-to-inline-styles/src/CssToInlineStyles.php"
        shipped = ("$internalErrors = libxml_use_internal_errors(true);\n"
                   "        $document->loadHTML($html);\n"
                   "        libxml_use_internal_errors($internalErrors);")  # fmt: skip
        text = inliner.read_text(encoding="utf-8")
        assert shipped in text, "X-Cart's CSS inliner is not as expected"
        inliner.unlink()  # a file of its own, not the rig's
        inliner.write_text(text.replace(shipped, "@$document->loadHTML($html);"),
                           encoding="utf-8")  # fmt: skip
        return replace(self, root=directory)

    def php(self, script: str, *args: object) -> list[dict]:
        """Run one of tests/rig/*.php inside X-Cart; each printed line is a JSON object."""
        text = self._xc("cli", str(SCRIPTS / script), *map(str, args))
        return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


class Server:
    """One `serve` of the rig's driver."""

    def __init__(self, rig: Rig, driver: str):
        self.rig, self.driver, self.url = rig, driver, rig.url
        self.proc: subprocess.Popen | None = None

    def start(self) -> str:
        with (self.rig.base / "out" / "serve.log").open("ab") as log:
            self.proc = subprocess.Popen(
                [self.rig.node, self.driver, "serve"], cwd=self.rig.base, stdout=log,
                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, "XC_BASE": str(self.rig.base), "XC_ROOT": str(self.rig.root)},
            )  # fmt: skip
        up = wait_until_up(f"{self.url}/cart.php", self.proc, 180, 1, request_timeout=60)
        assert up, f"xc.mjs serve did not answer at {self.url} (another one there?)"
        return self.url

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()


def find_rig() -> Rig | str:
    """The rig, or why it cannot be used."""
    base = Path(os.environ.get("XC1C_XCART_RIG") or Path(tempfile.gettempdir()) / "xcart-wasm")
    if not (base / "rig.env").is_file() or not (base / "orders.sql").is_file():
        return f"no X-Cart rig at {base} (build one: {BUILD}, or set XC1C_XCART_RIG)"
    env = _env_file(base)
    rig = Rig(base, Path(env["XC_ROOT"]), env["NODE"], int(env["XC_DB_PORT"]))
    if not Path(rig.node).is_file():
        return f"the X-Cart rig at {base} has no Node ({rig.node})"
    try:
        pymysql.connect(host="127.0.0.1", port=rig.db_port, user="root").close()
    except pymysql.err.OperationalError:
        start = base / "mysql" / "start.sh"
        if subprocess.run(["bash", str(start)], capture_output=True).returncode != 0:
            return f"the X-Cart rig's MariaDB (port {rig.db_port}) does not start: {start}"
    return rig


class _Forms(HTMLParser):
    """The controls of every <form> as a browser submits them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[list[list[str]]] = []
        self._form: list[list[str]] | None = None
        self._select: dict | None = None
        self._textarea: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if tag == "form":
            self._form = []
            self.forms.append(self._form)
        elif self._form is None or "disabled" in a or (not a.get("name") and tag != "option"):
            return
        elif tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form.append([a["name"], a.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "select":
            self._select = {"name": a["name"], "first": None, "selected": None}
        elif tag == "option" and self._select is not None:
            if self._select["first"] is None:
                self._select["first"] = a.get("value", "")
            if "selected" in a:
                self._select["selected"] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = [a["name"], ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self._select is not None and self._form is not None:
            chosen = self._select["selected"]
            self._form.append([self._select["name"],
                               self._select["first"] if chosen is None else chosen])  # fmt: skip
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form.append(self._textarea)
            self._textarea = None
        elif tag == "form":
            self._form = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea[1] += data


class Admin:
    """A browser in X-Cart's admin: logs in, opens pages, saves forms as they were rendered."""

    def __init__(self, url: str, login: str = ADMIN[0], password: str = ADMIN[1]):
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self._open = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar)).open
        page = self.get("/admin.php?target=login")
        self.post([("target", "login"), ("action", "login"), ("login", login),
                   ("password", password), ("xcart_form_id", _form_id(page))])  # fmt: skip

    def get(self, path: str) -> str:
        with self._open(self.url + path, timeout=600) as r:
            return r.read().decode("utf-8")

    def post(self, fields: list) -> tuple[str, list[str]]:
        """Posts to admin.php; returns the page and X-Cart's top messages."""
        body = urllib.parse.urlencode([tuple(f) for f in fields]).encode()
        with self._open(
            urllib.request.Request(self.url + "/admin.php", data=body), timeout=600
        ) as r:
            page = r.read().decode("utf-8")
        found = re.findall(r'<li class="(?:error|info|warning)[^"]*"[^>]*>(.*?)</li>', page, re.S)
        return page, [html.unescape(re.sub(r"<[^>]+>", "", m)).strip() for m in found]

    def save_form(self, path: str, having: str, changes: dict[str, str]) -> list[str]:
        """Open a page and submit its form that has the field `having`, with `changes` typed in
        and everything else as the page rendered it; returns X-Cart's messages."""
        parser = _Forms()
        parser.feed(self.get(path))
        form = next(f for f in parser.forms if any(name == having for name, _ in f))
        return self.post([[name, changes.get(name, value)] for name, value in form])[1]


class ServiceTool:
    """X-Cart's service tool (service.php) as the admin's browser drives it after logging in to
    admin.php: its token from the admin's cookie (`/auth`), *Upload add-on* (the file posted in
    chunks to `/package/chunk`, then `/package` to finalise, which saves the `uploadAddons`
    scenario), and *Install add-on*: the GraphQL `startRebuild` of that scenario, then
    `executeRebuild` while the redeploy is in progress, as its rebuild page does."""

    CHUNK = 2097152  # the chunk size of the service tool's upload widget
    STATE = (
        "id type state progressValue progressMax errorType errorTitle errorDescription errorData"
    )

    def __init__(self, admin: Admin, server: Server):
        self.admin, self.server = admin, server
        with admin._open(admin.url + "/service.php?/auth", timeout=600) as r:
            r.read()
        # its cookie says `domain=localhost`, which a browser sends back to localhost; Python's
        # jar files a dotless host as `localhost.local` and would not, so it is filed there
        for cookie in list(admin.jar):
            if cookie.name == "bus_token":
                admin.jar.set_cookie(replace_cookie(cookie, urllib.parse.urlsplit(admin.url)))
        assert any(c.name == "bus_token" for c in admin.jar), "the service tool gave no token"

    def _post(self, path: str, body: bytes | None, headers: dict[str, str]) -> bytes:
        request = urllib.request.Request(self.admin.url + "/service.php?" + path, data=body,
                                         headers=headers, method="POST")  # fmt: skip
        with self.admin._open(request, timeout=900) as r:
            return r.read()

    def upload(self, package: Path) -> None:
        data = package.read_bytes()
        kind = {"X-Filename": package.name, "X-Filetype": "application/x-gzip"}
        for offset in range(0, len(data), self.CHUNK):
            answer = self._post("/package/chunk", data[offset : offset + self.CHUNK], {
                **kind, "Content-Type": "application/octet-stream",
                "X-Chunksize": str(self.CHUNK), "X-Offset": str(offset)})  # fmt: skip
            assert answer == b"OK", answer
        assert self._post("/package", None, kind) == b"OK"

    def graphql(self, query: str, **variables: object) -> dict:
        body = json.dumps({"query": query, "variables": variables}).encode()
        answer = json.loads(self._post("/api", body, {"Content-Type": "application/json"}))
        assert not answer.get("errors"), answer
        return answer["data"]

    def install_uploaded(self) -> list[dict]:
        """Install add-on: the redeploy of the uploaded package, every state it passed."""
        state = self.graphql(
            "mutation startRebuild ($id: ID!, $type: String, $reason: String,"
            " $failureReturnUrl: String) { startRebuild (id: $id, type: $type, reason: $reason,"
            f" failureReturnUrl: $failureReturnUrl) {{ {self.STATE} }} }}",
            id="uploadAddons",
            reason="module-state",
            failureReturnUrl="/installed-addons",
        )["startRebuild"]
        states = [state]
        while state["state"] in ("initialized", "in_progress"):
            state = self._execute(state["id"])
            states.append(state)
        return states

    def _execute(self, rebuild_id: str) -> dict:
        """One step of the redeploy, as the rebuild page asks for it. The redeploy's
        RemoveOldCache step deletes var/datacache in one PHP instance; php-wasm's other
        instances keep a stale view of that folder and answer 500 (the rig's README), where a
        real server answers the browser's next request: so the rig is restarted and that
        request sent again, once."""
        query = (
            "mutation executeRebuild ($id: ID!, $action: String, $params: RebuildActionParams)"
            f" {{ executeRebuild (id: $id, action: $action, params: $params) {{ {self.STATE} }} }}"
        )
        try:
            return self.graphql(query, id=rebuild_id, action="execute", params={})["executeRebuild"]
        except urllib.error.HTTPError as error:
            if error.code != 500:
                raise
        self.server.restart()
        return self.graphql(query, id=rebuild_id, action="execute", params={})["executeRebuild"]


def replace_cookie(
    cookie: http.cookiejar.Cookie, url: urllib.parse.SplitResult
) -> http.cookiejar.Cookie:
    """The cookie filed under the jar's own name of the URL's host."""
    host = url.hostname if "." in (url.hostname or "") else f"{url.hostname}.local"
    return http.cookiejar.Cookie(
        cookie.version, cookie.name, cookie.value, None, False, host, False, False,
        cookie.path, cookie.path_specified, cookie.secure, cookie.expires, cookie.discard,
        None, None, {},
    )  # fmt: skip


def _form_id(page: str) -> str:
    tag = re.search(r'<input[^>]*name="xcart_form_id"[^>]*>', page).group(0)
    return re.search(r'value="([^"]+)"', tag).group(1)
