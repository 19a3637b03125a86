"""Fault injection, end to end against gunicorn and MariaDB on this machine:
  kill -9    the gunicorn worker is killed (SIGKILL) in the middle of an import step;
  restart    MariaDB is shut down in the middle of a write batch and started again;
  sale       MariaDB restarts between sale/query and sale/success.
After each fault the 1C client goes on as 1C does (repeats `import` after a failure) and the
script checks the shop: every product once, with its translation, category link, quick data
and photos, a valid nested set, and orders marked exported only after `success`.

Restarting MariaDB needs root on this machine; it disturbs everything else using it.

    .venv/bin/python bench/faults.py --products 5000
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import add_orders, generate
from harness import PASSWORD, PREFIX, Shop

from sidecar.onec_client import OneCClient, files_from_paths, http_transport
from sidecar.settings import write_setting


def restart_mariadb(down_seconds: float) -> None:
    subprocess.run(["mariadb-admin", "-uroot", "shutdown"], check=True)
    time.sleep(down_seconds)
    subprocess.run(
        ["start-stop-daemon", "--start", "--oknodo", "--background", "--exec",
         "/usr/sbin/mariadbd"],
        check=True,
    )  # fmt: skip
    for _ in range(300):
        if subprocess.run(["mariadb-admin", "-uroot", "ping"], capture_output=True).returncode == 0:
            return
        time.sleep(0.1)
    raise RuntimeError("MariaDB did not come back")


def wait_for_position(shop: Shop, at_least: int) -> int:
    while True:
        with contextlib.suppress(Exception):
            rows = shop.query("SELECT position FROM {own}import_jobs")
            if rows and rows[0][0] >= at_least:
                return rows[0][0]
        time.sleep(0.02)


def import_until_done(client: OneCClient, name: str) -> tuple[int, int]:
    """Repeat `import` as 1C does after a failure; returns (calls, failures)."""
    calls = failures = 0
    while True:
        calls += 1
        try:
            reply = client.call("catalog", "import", filename=name)
        except OSError:
            reply = None
        if reply is not None and reply.word == "success":
            return calls, failures
        if reply is None or reply.word == "failure":
            failures += 1
            time.sleep(0.5)


def check(shop: Shop, n: int, pictures: int) -> str:
    shop.conn = shop.connect()  # the old connection may have died with the server
    q = lambda sql: shop.query(sql)[0][0]  # noqa: E731
    problems = []
    if q("SELECT COUNT(*) FROM {p}products") != n:
        problems.append("product count")
    if q("SELECT COUNT(DISTINCT sku) FROM {p}products") != n:
        problems.append("duplicate products")
    orphans = q(
        "SELECT COUNT(*) FROM {p}products p"
        " WHERE NOT EXISTS (SELECT 1 FROM {p}product_translations t WHERE t.id = p.product_id)"
        " OR NOT EXISTS (SELECT 1 FROM {p}category_products c WHERE c.product_id = p.product_id)"
        " OR NOT EXISTS (SELECT 1 FROM {p}quick_data d WHERE d.product_id = p.product_id)"
    )
    if orphans:
        problems.append(f"{orphans} products without translation/category/quick data")
    if q("SELECT COUNT(DISTINCT path) FROM {p}product_images") != pictures:
        problems.append("photos")
    bad_nodes = q(
        "SELECT COUNT(*) FROM {p}categories c JOIN {p}categories p ON p.category_id = c.parent_id"
        " WHERE NOT (p.lpos < c.lpos AND c.rpos < p.rpos AND c.depth = p.depth + 1)"
    )
    if bad_nodes:
        problems.append(f"nested set: {bad_nodes} nodes outside their parent")
    return "ok" if not problems else "; ".join(problems)


def catalog_case(fault: str, n: int, database_url: str, workdir: Path) -> str:
    files = generate(workdir / "catalog", n, pictures=True)
    sent = files_from_paths([files[0].parent])
    pictures = len(re.findall("<Картинка>", files[0].read_text(encoding="utf-8-sig")))
    with Shop(database_url, workdir, fault.replace(" ", ""), workers=1) as shop:
        write_setting(shop.conn, PREFIX, "step_seconds", "240")  # one step would do it all
        write_setting(shop.conn, PREFIX, "batch_size", "200")
        client = OneCClient(http_transport(shop.url, timeout=300), "1c", PASSWORD)
        client.checkauth()
        client.init()
        for name, data in sent:
            client.upload(name, data)
        start = time.perf_counter()
        outcome: list[tuple[int, int]] = []
        thread = threading.Thread(
            target=lambda: outcome.append(import_until_done(client, "import.xml"))
        )
        thread.start()
        at = wait_for_position(shop, n // 3)
        if fault == "kill -9":
            for pid in shop.pids()[1:]:
                os.kill(pid, signal.SIGKILL)
        else:
            restart_mariadb(2)
        thread.join()
        failures = outcome[0][1] if outcome else -1
        import_until_done(client, "offers.xml")
        wall = time.perf_counter() - start
        after = check(shop, n, pictures)
        return f"| {fault} | {n} | record {at} | {failures} | {wall:.1f} | {after} |"


def sale_case(database_url: str, workdir: Path, orders: int = 200) -> str:
    with Shop(database_url, workdir, "sale", workers=1) as shop:
        add_orders(shop.conn, orders)
        client = OneCClient(http_transport(shop.url), "1c", PASSWORD)
        client.checkauth("sale")
        client.init("sale")
        sent = len(re.findall("<Документ>", "\n".join(client.call("sale", "query").lines)))
        restart_mariadb(2)
        shop.conn = shop.connect()
        marked_before = shop.query("SELECT COUNT(*) FROM {own}order_exports")[0][0]
        failures = 0
        while client.call("sale", "success").word != "success":
            failures += 1
            time.sleep(0.5)
        marked = shop.query("SELECT COUNT(*) FROM {own}order_exports")[0][0]
        ok = sent == orders and marked_before == 0 and marked == orders
        after = "ok" if ok else f"sent {sent}, marked {marked_before} then {marked}"
        return (
            f"| sale: restart between query and success | {orders} orders | after query"
            f" | {failures} | – | {after} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=5000)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("XC1C_TEST_DATABASE_URL", "mysql://root@127.0.0.1:3306/x"),
    )
    args = parser.parse_args()
    print("| fault | size | interrupted at | failed calls | wall s | shop after |")
    print("|---|---:|---|---:|---:|---|")
    for fault in ("kill -9", "MariaDB restart"):
        with tempfile.TemporaryDirectory() as tmp:
            print(catalog_case(fault, args.products, args.database_url, Path(tmp)), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        print(sale_case(args.database_url, Path(tmp)), flush=True)


if __name__ == "__main__":
    main()
