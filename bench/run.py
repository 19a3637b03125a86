"""Benchmark: for each catalog size, in one run on this machine, prints
  (a) the floor: a bare lxml.iterparse pass over the same files,
  (b) the full HTTP exchange through gunicorn into a fresh X-Cart schema on MariaDB,
  (c) the same exchange again with unchanged files,
  (d) sale/query over as many orders as --orders says,
with wall time, the ratio to the floor, rows written per second and the peak RSS of the
sidecar's processes (VmHWM of the gunicorn master and workers).

    .venv/bin/python bench/run.py --sizes 10000,50000 --orders 10000
"""

from __future__ import annotations

import argparse
import os
import platform
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate

from sidecar.config import parse_database_url
from sidecar.db import connect, quote_identifier
from sidecar.onec_client import OneCClient, files_from_paths, http_transport
from sidecar.settings import write_setting
from sidecar.state.migrations import migrate
from sidecar.xcart.install import create_xcart_schema

PASSWORD = "bench-" + secrets.token_hex(4)
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
            cur.execute(f"SELECT COUNT(*) FROM {quote_identifier('xc_' + t)}")
            total += cur.fetchone()[0]
    return total


def peak_rss_mb(pids: list[int]) -> float:
    peak = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            pass
    return peak / 1024


def children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(p) for p in out.stdout.split()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_orders(conn, count: int) -> None:
    """`count` placed orders of two items each, with their profile copies, in bulk."""
    from decimal import Decimal

    from sidecar.xcart.schema import Schema

    schema = Schema(conn, "xc_")
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM xc_order_payment_statuses WHERE code = 'Q'")
        payment = cur.fetchone()[0]
        cur.execute("SELECT id FROM xc_order_shipping_statuses WHERE code = 'N'")
        shipping = cur.fetchone()[0]
        now = int(time.time())
        for start in range(0, count, 1000):
            n = min(1000, count - start)
            ids = schema.insert_returning_ids(cur, "orders", [
                {"is_order": 1, "orderNumber": str(100000 + start + k), "date": now - k,
                 "total": Decimal("1300"), "subtotal": Decimal("1000"), "currency_id": 643,
                 "payment_status_id": payment, "shipping_status_id": shipping,
                 "payment_method_name": "Card", "shipping_method_name": "Courier"}
                for k in range(n)
            ])  # fmt: skip
            schema.insert_rows(
                cur, "profiles", [{"order_id": i, "login": f"c{i}@example.com"} for i in ids]
            )
            schema.insert_rows(cur, "order_items", [
                {"order_id": i, "object_type": "product", "name": f"Item {j}", "sku": "",
                 "price": Decimal("500"), "itemNetPrice": Decimal("500"), "amount": 1,
                 "subtotal": Decimal("500"), "total": Decimal("500")}
                for i in ids for j in range(2)
            ])  # fmt: skip
            schema.insert_rows(cur, "order_surcharges", [
                {"order_id": i, "type": "shipping", "code": "SHIPPING", "class": "Shipping",
                 "name": "Shipping", "value": Decimal("300"), "include": 0, "available": 1}
                for i in ids
            ])  # fmt: skip
            conn.commit()


def run_size(n: int, server_url: str, workdir: Path, orders: int = 0) -> list[str]:
    files = generate(workdir / f"cat{n}", n)
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    floor_s = floor(files)

    params = replace(parse_database_url(server_url), database="")
    db = f"xc1c_bench_{n}_{secrets.token_hex(3)}"
    admin = connect(params)
    with admin.cursor() as cur:
        cur.execute(
            f"CREATE DATABASE {quote_identifier(db)}"
            " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        )
    admin.close()
    conn = connect(replace(params, database=db))
    create_xcart_schema(conn, "xc_")
    migrate(conn, "xc_")
    write_setting(conn, "xc_", "password", PASSWORD)

    port = free_port()
    env = {
        **os.environ,
        "XC1C_DATABASE_URL": f"mysql://{params.user}:{params.password}@{params.host}:{params.port}/{db}",
        "XC1C_DATA_DIR": str(workdir / f"var{n}"),
    }
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("xc1c")),
            "serve",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lines = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        url = f"http://127.0.0.1:{port}/1c_exchange.php"
        for label in ("exchange", "unchanged re-run"):
            before = rows(conn)
            client = OneCClient(http_transport(url), "1c", PASSWORD)
            start = time.perf_counter()
            client.send_catalog(files_from_paths(files))
            wall = time.perf_counter() - start
            written = rows(conn) - before
            rss = peak_rss_mb([proc.pid, *children(proc.pid)])
            lines.append(
                f"| {n:>7} | {label:<16} | {size_mb:7.1f} | {floor_s:6.2f} | {wall:7.2f}"
                f" | {wall / floor_s:5.1f}× | {written / wall:9.0f} | {client.calls:5}"
                f" | {rss:6.0f} |"
            )
        if orders:
            add_orders(conn, orders)
            client = OneCClient(http_transport(url), "1c", PASSWORD)
            client.checkauth("sale")
            client.init("sale")
            start = time.perf_counter()
            reply = client.call("sale", "query")
            wall = time.perf_counter() - start
            rss = peak_rss_mb([proc.pid, *children(proc.pid)])
            size = len("\n".join(reply.lines).encode()) / 1e6
            lines.append(
                f"| {orders:>7} | sale/query orders | {size:7.1f} |      – | {wall:7.2f} |     – |"
                f"         – |     1 | {rss:6.0f} |"
            )
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        conn.close()
        admin = connect(params)
        with admin.cursor() as cur:
            cur.execute(f"DROP DATABASE {quote_identifier(db)}")
        admin.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--orders", type=int, default=10000, help="orders for sale/query (0: skip)")
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
    print("| products | run | MB | floor s | wall s | ratio | rows/s | calls | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for k, n in enumerate(int(s) for s in args.sizes.split(",")):
            for line in run_size(n, args.database_url, Path(tmp), args.orders if k == 0 else 0):
                print(line, flush=True)


if __name__ == "__main__":
    main()
