"""The benchmark and its generator, run small so that they cannot rot (no timing asserted)."""

from __future__ import annotations

from conftest import server_params

from bench.run import run_size


def test_the_benchmark_runs_end_to_end(tmp_path):
    p = server_params()
    url = f"mysql://{p.user}:{p.password}@{p.host}:{p.port}/x"
    lines = run_size(40, url, tmp_path, orders=15)
    assert [line.split("|")[2].strip() for line in lines] == [
        "exchange",
        "unchanged re-run",
        "sale/query orders",
    ]
    rows_per_second = [line.split("|")[9].strip() for line in lines]
    assert int(rows_per_second[0]) > 0 and rows_per_second[1] == "0"
    assert float(lines[0].split("|")[5]) > 0, "the write floor was measured"
