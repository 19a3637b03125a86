"""Where the time of one catalog import goes: runs the import of a generated catalog in this
process (no HTTP), first exchange and unchanged re-run, and prints for each
  (1) the split: wall, this process's CPU (Python, the reader's thread included) and mariadbd's
      CPU over the same time (their sum above the wall is time the two worked at once);
  (2) the statements by kind (their text with values and numbers blanked), apart for the
      connection that plans batches and the one that writes them (catalog.pipeline): how many
      and how long each kind took from sending to its last result row read — MariaDB's work
      plus pymysql's reading of the answer — and how long the writer's thread was busy, how
      much of it was its own CPU, and how long the import's thread waited for it;
  (3) under cProfile, the functions with the most own time, the import's and the writer's
      threads together (the reader's thread is not in it).
The import runs twice per exchange (a plain run for (1) and (2), then one under cProfile on a
fresh shop), so the profiler's overhead does not distort the split.

    .venv/bin/python bench/hotspots.py --products 10000
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pymysql.cursors

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from harness import PREFIX, Shop, cpu_seconds, mariadb_pids

from sidecar.catalog.importer import CatalogImport
from sidecar.catalog.pipeline import Writer
from sidecar.catalog.run import catalog_files, run_files
from sidecar.settings import read_settings

RUNS = ("first exchange", "unchanged re-run")


@contextmanager
def writer_times() -> Iterator[dict[str, float]]:
    """How long the writer's thread was busy with batches, its own CPU in them, and how long
    the import's thread waited for it (catalog.pipeline)."""
    times = {"busy": 0.0, "cpu": 0.0, "waited": 0.0}
    write, collect = CatalogImport._write, Writer.collect

    def timed_write(self: CatalogImport, *args: object) -> object:
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return write(self, *args)  # type: ignore[arg-type]
        finally:
            times["busy"] += time.perf_counter() - start
            times["cpu"] += time.thread_time() - cpu

    def timed_collect(self: Writer) -> object:
        start = time.perf_counter()
        try:
            return collect(self)
        finally:
            times["waited"] += time.perf_counter() - start

    CatalogImport._write, Writer.collect = timed_write, timed_collect  # type: ignore[method-assign]
    try:
        yield times
    finally:
        CatalogImport._write, Writer.collect = write, collect  # type: ignore[method-assign]


@contextmanager
def writer_profiled(profiler: cProfile.Profile) -> Iterator[None]:
    """The writer thread's batches under `profiler` (cProfile profiles one thread)."""
    write = CatalogImport._write

    def profiled_write(self: CatalogImport, *args: object) -> object:
        profiler.enable()
        try:
            return write(self, *args)  # type: ignore[arg-type]
        finally:
            profiler.disable()

    CatalogImport._write = profiled_write  # type: ignore[method-assign]
    try:
        yield
    finally:
        CatalogImport._write = write  # type: ignore[method-assign]


@contextmanager
def statement_times() -> Iterator[dict[str, list[float]]]:
    """Every statement the import sends, timed by kind (count, seconds)."""
    kinds: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    query = pymysql.cursors.Cursor._query

    def timed(self: pymysql.cursors.Cursor, sql: str | bytes) -> int:
        start = time.perf_counter()
        try:
            return query(self, sql)
        finally:
            text = sql.decode(errors="replace") if isinstance(sql, bytes | bytearray) else sql
            kind = re.sub(r"\d+", "N", re.sub(r"'(?:[^'\\]|\\.)*'", "?", text[:300]))
            side = getattr(self.connection, "xc1c_side", "plan")
            entry = kinds[f"{side}: " + re.sub(r"\s+", " ", kind)[:100]]
            entry[0] += 1
            entry[1] += time.perf_counter() - start

    opened = Writer.__init__

    def marked(self: Writer, conn: pymysql.Connection) -> None:
        opened(self, conn)
        if self.threaded:
            self.conn.xc1c_side = "write"

    pymysql.cursors.Cursor._query = timed
    Writer.__init__ = marked  # type: ignore[method-assign]
    try:
        yield kinds
    finally:
        pymysql.cursors.Cursor._query = query
        Writer.__init__ = opened  # type: ignore[method-assign]


def _each_run(database_url: str, directory: Path, tmp: Path, name: str,
              around: Callable[[str], object]) -> None:  # fmt: skip
    with Shop(database_url, tmp, name, workers=1) as shop:
        conn = shop.connect()
        settings = read_settings(conn, PREFIX)
        for label in RUNS:
            with around(label):  # type: ignore[attr-defined]
                run_files(conn, PREFIX, settings, directory, catalog_files(directory), None)
        conn.close()


def profile(database_url: str, products: int, top: int = 25) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "catalog"
        generate(directory, products)

        @contextmanager
        def split(label: str) -> Iterator[None]:
            server = mariadb_pids()
            wall, cpu, db = time.perf_counter(), time.process_time(), cpu_seconds(server)
            with statement_times() as kinds, writer_times() as writer:
                yield
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            db = cpu_seconds(server) - db
            print(f"\n== {label}, {products} products: wall {wall:.2f} s, Python CPU {cpu:.2f} s,"
                  f" mariadbd CPU {db:.2f} s (sum - wall: {cpu + db - wall:.2f} s at once);"
                  f" in statements {sum(s for _, s in kinds.values()):.2f} s"
                  f" ({sum(int(n) for n, _ in kinds.values())} statements); writer's thread"
                  f" busy {writer['busy']:.2f} s (its CPU {writer['cpu']:.2f} s), the import's"
                  f" thread waited for it {writer['waited']:.2f} s")  # fmt: skip
            print("   seconds  count  statement")
            for kind, (n, s) in sorted(kinds.items(), key=lambda kv: -kv[1][1])[:top]:
                print(f"   {s:7.3f} {int(n):6}  {kind}")

        _each_run(database_url, directory, Path(tmp), "split", split)

        @contextmanager
        def profiled(label: str) -> Iterator[None]:
            profiler, writer = cProfile.Profile(), cProfile.Profile()
            start = time.perf_counter()
            with writer_profiled(writer):
                profiler.enable()
                yield
                profiler.disable()
            print(f"\n== {label} under cProfile: {time.perf_counter() - start:.2f} s ==")
            pstats.Stats(profiler).add(writer).sort_stats("tottime").print_stats(top)

        _each_run(database_url, directory, Path(tmp), "profile", profiled)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--products", type=int, default=10000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("XC1C_TEST_DATABASE_URL", "mysql://root@127.0.0.1:3306/x"),
    )
    args = parser.parse_args()
    profile(args.database_url, args.products, args.top)


if __name__ == "__main__":
    main()
