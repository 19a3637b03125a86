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
MODULE = HERE.parent / "xcart_module_stub" / "5.4" / "classes" / "XLite" / "Module" / "Xc1c"
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
        target = self.root / "classes" / "XLite" / "Module" / "Xc1c"
        if not target.exists():
            shutil.copytree(MODULE, target)
        modules = json.loads((self.base / "modules.json").read_text())
        modules["Xc1c"] = {"Exchange": int(enabled)}
        self._apply_modules(modules, ["classes/XLite/Module/Xc1c/Exchange/install.yaml"]
                            if enabled else [])  # fmt: skip

    def remove_module(self) -> None:
        """Back to the rig's own module set, without the module's files."""
        shutil.rmtree(self.root / "classes" / "XLite" / "Module" / "Xc1c", ignore_errors=True)
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

    @contextlib.contextmanager
    def serving(self) -> Iterator[str]:
        """X-Cart over HTTP (`xc.mjs serve`, several PHP instances) at its own address."""
        env = _env_file(self.base)
        url = env["XC_URL"]
        log = (self.base / "out" / "serve.log").open("wb")
        proc = subprocess.Popen(
            [self.node, "xc.mjs", "serve"], cwd=self.base, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, env={**os.environ, "XC_BASE": str(self.base),
                                           "XC_ROOT": str(self.root)},
        )  # fmt: skip
        try:
            up = wait_until_up(f"{url}/cart.php", proc, 180, 1, request_timeout=60)
            assert up, f"xc.mjs serve did not answer at {url} (another one there?)"
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)
            log.close()

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
        self._open = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        ).open
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


def _form_id(page: str) -> str:
    tag = re.search(r'<input[^>]*name="xcart_form_id"[^>]*>', page).group(0)
    return re.search(r'value="([^"]+)"', tag).group(1)
