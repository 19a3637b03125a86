"""Benchmark: for each catalog size, in one run on this machine, prints
  (a) the floor: a bare lxml.iterparse pass over the same files,
  (a') the write floor: the rows that exchange wrote, loaded into an empty schema by MariaDB's
       own LOAD DATA (write_floor.py),
  (b) the full HTTP exchange through gunicorn into a fresh X-Cart schema on MariaDB,
  (c) the same exchange again with unchanged files,
  (d) sale/query over as many orders as --orders says,
with wall time (the time 1C waits for the shop's answers, its own packing of the zip left
out), the ratios to the floor and to floor + write floor, rows written per second
and the peak RSS of the sidecar's processes (VmHWM of the gunicorn master and workers); with
--step-budget N, the import of N products in steps of 5 seconds against one step per file. Each
row also gives the CPU time the sidecar's processes and mariadbd used during it (the split of
the wall between Python and the server; their sum above the wall is time they overlapped), and
--profile N ends with where the time of an N-product import goes (bench/hotspots.py).

    .venv/bin/python bench/run.py --sizes 10000,50000,200000 --orders 10000 --step-budget 50000 \
        --profile 10000
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pymysql
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import add_orders, generate
from harness import PASSWORD, PREFIX, Shop, cpu_seconds, mariadb_pids, peak_rss_mb
from hotspots import profile
from write_floor import counts, write_floor

from sidecar.db import quote_identifier
from sidecar.onec_client import OneCClient, files_from_paths, http_transport
from sidecar.settings import write_setting

COUNTED = ["products", "product_translations", "category_products", "quick_data", "categories"]


def floor(files: list[Path]) -> float:
    start = time.perf_counter()
    for f in files:
        for _, el in etree.iterparse(str(f), events=("end",)):
            el.clear(keep_tail=True)
    return time.perf_counter() - start


def rows(conn) -> int:
    conn.commit()
    total = 0
    with conn.cursor() as cur:
        for t in COUNTED:
            cur.execute(f"SELECT COUNT(*) FROM {quote_identifier(PREFIX + t)}")
            total += cur.fetchone()[0]
    return total


def run_size(n: int, server_url: str, workdir: Path, orders: int = 0) -> list[str]:
    files = generate(workdir / f"cat{n}", n)
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    floor_s = floor(files)

    lines = []
    with Shop(server_url, workdir, str(n)) as shop:
        conn = shop.conn
        url = shop.url
        for label in ("exchange", "unchanged re-run"):
            before = rows(conn)
            tables = counts(conn) if label == "exchange" else {}
            # the time 1C waits for the shop's answers; packing the zip is 1C's own work
            durations: list[float] = []
            client = OneCClient(timed(http_transport(url), durations), "1c", PASSWORD)
            cpu = CpuSplit(shop)
            client.send_catalog(files_from_paths(files))
            wall = sum(durations)
            split = cpu.columns()
            written = rows(conn) - before
            rss = peak_rss_mb(shop.pids())
            write_s: float | None = None  # nothing is written on the re-run
            if label == "exchange":
                with contextlib.suppress(pymysql.err.MySQLError):  # no LOAD DATA LOCAL there
                    write_s, _ = write_floor(conn, replace(shop.params, database=shop.database),
                                             tables)  # fmt: skip
            both = "     –" if write_s is None else f"{wall / (floor_s + write_s):5.1f}×"
            lines.append(
                f"| {n:>7} | {label:<16} | {size_mb:7.1f} | {floor_s:6.2f}"
                f" | {'     –' if write_s is None else f'{write_s:6.2f}'} | {wall:7.2f}"
                f" | {wall / floor_s:5.1f}× | {both} | {written / wall:9.0f} | {client.calls:5}"
                f" | {rss:6.0f} | {split} |"
            )
        if orders:
            add_orders(conn, orders)
            client = OneCClient(http_transport(url), "1c", PASSWORD)
            client.checkauth("sale")
            client.init("sale")
            start = time.perf_counter()
            cpu = CpuSplit(shop)
            reply = client.call("sale", "query")
            wall = time.perf_counter() - start
            split = cpu.columns()
            rss = peak_rss_mb(shop.pids())
            size = len("\n".join(reply.lines).encode()) / 1e6
            lines.append(
                f"| {orders:>7} | sale/query orders | {size:7.1f} |      – |      – | {wall:7.2f}"
                f" |     – |     – |         – |     1 | {rss:6.0f} | {split} |"
            )
    return lines


class CpuSplit:
    """The CPU time the sidecar's processes (their Python, the reader's thread included) and
    the database server used from its creation to `columns()`: where a wall's time went, and
    how much of it the two spent at once (their sum above the wall)."""

    def __init__(self, shop: Shop) -> None:
        self.shop = shop
        self.sidecar = cpu_seconds(shop.pids())
        self.server = cpu_seconds(mariadb_pids())

    def columns(self) -> str:
        sidecar = cpu_seconds(self.shop.pids()) - self.sidecar
        pids = mariadb_pids()  # none when the database runs on another host
        server = f"{cpu_seconds(pids) - self.server:6.2f}" if pids else "     –"
        return f"{sidecar:6.2f} | {server}"


def timed(transport, durations: list[float]):
    """A transport that records how long each call took."""

    def send(*args):
        start = time.perf_counter()
        try:
            return transport(*args)
        finally:
            durations.append(time.perf_counter() - start)

    return send


def step_budget(n: int, server_url: str, workdir: Path, step: int) -> list[str]:
    """The import of n products in one long step per file, then in steps of `step` seconds:
    the number of calls, the longest call and the total, each on a fresh shop."""
    files = generate(workdir / f"cat{n}", n)
    lines = []
    for label, seconds in (("one step per file", 240), (f"step_seconds={step}", step)):
        with Shop(server_url, workdir, f"step{seconds}") as shop:
            write_setting(shop.conn, PREFIX, "step_seconds", str(seconds))
            durations: list[float] = []
            client = OneCClient(timed(http_transport(shop.url), durations), "1c", PASSWORD)
            start = time.perf_counter()
            client.send_catalog(files_from_paths(files))
            wall = time.perf_counter() - start
            imports = sorted(durations)[-1]
            lines.append(
                f"| {n:>7} | {label:<18} | {client.calls:5} | {imports:7.2f} | {wall:7.2f} |"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--orders", type=int, default=10000, help="orders for sale/query (0: skip)")
    parser.add_argument(
        "--step-budget", type=int, default=0, metavar="N",
        help="also import N products with step_seconds 5 and in one step, and compare",
    )  # fmt: skip
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N",
        help="then import N products in this process under the profiler (bench/hotspots.py)",
    )  # fmt: skip
    parser.add_argument(
        "--database-url",
        default=os.environ.get("XC1C_TEST_DATABASE_URL", "mysql://root@127.0.0.1:3306/x"),
    )
    args = parser.parse_args()
    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores,"
        f" Python {platform.python_version()}"
    )
    print(f"date: {time.strftime('%Y-%m-%d %H:%M')}")
    print("| products | run | MB | floor s | write floor s | wall s | × floor | × floor+write"
          " | rows/s | calls | peak RSS MB | sidecar CPU s | mariadbd CPU s |")  # fmt: skip
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for k, n in enumerate(int(s) for s in args.sizes.split(",")):
            for line in run_size(n, args.database_url, Path(tmp), args.orders if k == 0 else 0):
                print(line, flush=True)
        if args.step_budget:
            print("\n| products | import | calls | longest call s | total s |")
            print("|---:|---|---:|---:|---:|")
            for line in step_budget(args.step_budget, args.database_url, Path(tmp), 5):
                print(line, flush=True)
    if args.profile:
        profile(args.database_url, args.profile, top=25)


if __name__ == "__main__":
    main()
