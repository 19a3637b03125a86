"""A throwaway shop for the benchmark and the fault-injection script: a fresh database with the
X-Cart schema and the sidecar's tables, and the sidecar under gunicorn as `xc1c serve` runs it."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pymysql

from sidecar.config import parse_database_url
from sidecar.db import connect, quote_identifier
from sidecar.settings import write_setting
from sidecar.state import own_prefix
from sidecar.state.migrations import migrate
from sidecar.xcart.install import create_xcart_schema

PASSWORD = "bench-" + secrets.token_hex(4)
PREFIX = "xc_"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def peak_rss_mb(pids: list[int]) -> float:
    """The largest VmHWM (peak resident set) among the processes."""
    peak = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
    return peak / 1024


def cpu_seconds(pids: list[int]) -> float:
    """User plus system CPU time the processes have used so far (/proc/PID/stat)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def mariadb_pids() -> list[int]:
    """The database server's processes on this host (none when it runs elsewhere)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in ("mariadbd", "mysqld"):
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


class Shop:
    """`with Shop(url, workdir, "name") as shop:` — database, settings and gunicorn; all
    removed on exit."""

    def __init__(self, database_url: str, workdir: Path, name: str, workers: int | None = None):
        self.params = replace(parse_database_url(database_url), database="")
        self.database = f"xc1c_bench_{name}_{secrets.token_hex(3)}"
        self.workdir, self.workers = workdir, workers
        self.log = workdir / f"{self.database}.log"
        self.proc: subprocess.Popen | None = None
        self.conn: pymysql.Connection | None = None

    def __enter__(self) -> Shop:
        admin = connect(self.params)
        with admin.cursor() as cur:
            cur.execute(
                f"CREATE DATABASE {quote_identifier(self.database)}"
                " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
            )
        admin.close()
        self.conn = self.connect()
        create_xcart_schema(self.conn, PREFIX)
        migrate(self.conn, PREFIX)
        write_setting(self.conn, PREFIX, "password", PASSWORD)
        write_setting(self.conn, PREFIX, "images_path", str(self.workdir / "images"))
        self.start()
        return self

    def connect(self) -> pymysql.Connection:
        return connect(replace(self.params, database=self.database))

    def start(self) -> None:
        port = free_port()
        p = self.params
        env = {
            **os.environ,
            "XC1C_DATABASE_URL": f"mysql://{p.user}:{p.password}@{p.host}:{p.port}/{self.database}",
            "XC1C_DATA_DIR": str(self.workdir / f"var-{self.database}"),
        }
        xc1c = Path(sys.executable).with_name("xc1c")
        args = [str(xc1c), "serve", "--bind", f"127.0.0.1:{port}"]
        if self.workers:  # else deploy/gunicorn.conf.py's, as deployed
            args += ["--workers", str(self.workers)]
        with self.log.open("ab") as out:
            self.proc = subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT)
        self.base = f"http://127.0.0.1:{port}"
        self.url = f"{self.base}/1c_exchange.php"
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=1)
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"the sidecar did not start; see {self.log}")

    def pids(self) -> list[int]:
        assert self.proc is not None
        return [self.proc.pid, *children(self.proc.pid)]

    def query(self, sql: str, *args: object) -> list[tuple]:
        """SQL with `{p}` for X-Cart's table prefix and `{own}` for the sidecar's own tables, on a
        fresh view of what others committed."""
        assert self.conn is not None
        self.conn.commit()
        with self.conn.cursor() as cur:
            cur.execute(sql.replace("{own}", own_prefix(PREFIX)).replace("{p}", PREFIX), args)
            return list(cur.fetchall())

    def __exit__(self, *exc: object) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=60)
        if self.conn is not None:
            self.conn.close()
        admin = connect(self.params)
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE IF EXISTS {quote_identifier(self.database)}")
        admin.close()
