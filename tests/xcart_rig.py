"""The real X-Cart 5.4.1.23 shop of ../shared/tools/xcart-rig (PHP 7.4 in WebAssembly with its
own MariaDB), for the tests that X-Cart itself must judge: its pages render what the sidecar
wrote, its ORM reads it back. Found at $XC1C_XCART_RIG, else where build.sh puts it by default
(<temp dir>/xcart-wasm); tests that need it skip with the reason when it is not there."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pymysql

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE / "rig"
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
