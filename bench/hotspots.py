"""Where the time of one catalog import goes: runs the import of a generated catalog in this
process (no HTTP) under cProfile, first exchange and unchanged re-run, and prints the functions
with the most cumulative and own time.

    .venv/bin/python bench/hotspots.py --products 10000
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate
from harness import PREFIX, Shop

from sidecar.catalog.run import catalog_files, run_files
from sidecar.settings import read_settings


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
    with tempfile.TemporaryDirectory() as tmp, Shop(args.database_url, Path(tmp), "profile",
                                                     workers=1) as shop:  # fmt: skip
        directory = Path(tmp) / "catalog"
        generate(directory, args.products)
        conn = shop.connect()
        settings = read_settings(conn, PREFIX)
        for label in ("first exchange", "unchanged re-run"):
            profiler = cProfile.Profile()
            start = time.perf_counter()
            profiler.enable()
            run_files(conn, PREFIX, settings, directory, catalog_files(directory), None)
            profiler.disable()
            print(f"\n== {label}: {time.perf_counter() - start:.2f} s ==")
            stats = pstats.Stats(profiler)
            stats.sort_stats("tottime").print_stats(args.top)
        conn.close()


if __name__ == "__main__":
    main()
