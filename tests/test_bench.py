"""The benchmark and its generator, run small so that they cannot rot (no timing asserted)."""

from __future__ import annotations

import re

from conftest import server_params

from bench.hotspots import profile
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
    # the split of the wall: the sidecar's processes and the local server both worked
    assert float(lines[0].split("|")[12]) > 0 and float(lines[0].split("|")[13]) > 0


def test_the_profile_prints_the_split_the_statements_and_the_functions(tmp_path, capsys):
    p = server_params()
    profile(f"mysql://{p.user}:{p.password}@{p.host}:{p.port}/x", 30, top=60)
    out = capsys.readouterr().out
    for label in ("first exchange", "unchanged re-run"):
        assert f"== {label}, 30 products: wall" in out
        assert f"== {label} under cProfile" in out
    statements = re.findall(
        r"^ +\d+\.\d{3} +(\d+)  (plan|write): (INSERT|SELECT|UPDATE|DELETE|LOAD)", out, re.M
    )
    assert len(statements) >= 5 and all(int(n) > 0 for n, _, _ in statements)
    # both connections of the pipeline, and the writer thread's share of the wall
    assert {side for _, side, _ in statements} == {"plan", "write"}
    assert re.search(r"writer's thread busy \d+\.\d\d s \(its CPU \d+\.\d\d s\)", out)
