"""Exchange history, replay, dry run and the offline import, as an admin uses them: what the
last exchange changed, what failed and why, the files it came with, and the proof that a dry
run and a replay count exactly what the real run did."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest
from conftest import DATA, ON_EVERY_SHOP, PREFIX, SAMPLES, catalog_files, query, set_setting

from sidecar.exchange.catalog import ANALYSIS_ONLY
from sidecar.onec_client import files_from_paths
from sidecar.state import history, lease
from sidecar.web import replies

pytestmark = ON_EVERY_SHOP

CATALOG_ONLY = ("import", "offers")


def exchange_dir(source: Path, tmp_path: Path) -> Path:
    """A folder as 1C's exchange leaves it: the catalog XML files and import_files/."""
    target = tmp_path / f"export-{source.name}"
    target.mkdir()
    for f in source.iterdir():
        if f.is_file() and f.suffix == ".xml" and f.name.lower().startswith(CATALOG_ONLY):
            shutil.copy(f, target / f.name)
        elif f.is_dir() and f.name == "import_files":
            shutil.copytree(f, target / f.name)
    return target


EXPORTS = [DATA / "catalog"] + [
    SAMPLES / name
    for name in ("carono__php-commerceml", "dobromyslov__commerceml-parser")
    if (SAMPLES / name).is_dir()
]


def file_counts(conn, exchange_id: int) -> dict[str, dict[str, int]]:
    exchange = history.get(conn, PREFIX, exchange_id)
    return {f.name: f.counts for f in exchange.files}


def basic_auth(onec) -> dict[str, str]:
    token = base64.b64encode(f"{onec.login}:{onec.password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def last_exchange(conn) -> history.Exchange:
    return history.recent(conn, PREFIX, 1)[0]


def forget_catalog(conn) -> None:
    """Back to an empty shop, keeping the history: what a replay on a fresh shop sees."""
    with conn.cursor() as cur:
        cur.execute("SHOW TABLES")
        present = {r[0] for r in cur.fetchall()}
        cur.execute("SET FOREIGN_KEY_CHECKS = 0")
        from conftest import WRITTEN

        keep = {"xc1c_exchanges", "xc1c_exchange_files", "xc1c_schema", "xc1c_sources"}
        own = [
            t for t in present if t.startswith(PREFIX + "xc1c_") and t[len(PREFIX) :] not in keep
        ]
        for table in [PREFIX + t for t in WRITTEN if PREFIX + t in present] + own:
            cur.execute(f"DELETE FROM `{table}`")
        cur.execute("DELETE FROM xc_categories WHERE category_id <> 1")
        cur.execute("DELETE FROM xc_category_translations WHERE id <> 1")
        cur.execute("DELETE FROM xc_category_quick_flags WHERE category_id <> 1")
        cur.execute("UPDATE xc_categories SET lpos = 1, rpos = 2 WHERE category_id = 1")
        cur.execute("SET FOREIGN_KEY_CHECKS = 1")
    conn.commit()


def test_an_exchange_is_recorded_with_its_files_counts_and_log(onec, conn, config):
    onec.send_catalog(catalog_files())
    exchange = last_exchange(conn)
    assert (exchange.kind, exchange.source, exchange.status) == ("catalog", "1c", "success")
    assert exchange.login == "1c" and exchange.client == "127.0.0.1"
    assert exchange.finished_at >= exchange.started_at
    sent = dict(catalog_files())
    assert {f.name for f in exchange.files} == {"import.xml", "offers.xml"}
    for f in exchange.files:
        assert f.size == len(sent[f.name])
        assert f.sha256 == hashlib.sha256(sent[f.name]).hexdigest()
        assert f.status == "success"
    assert exchange.totals["products_created"] == 4 and exchange.totals["offers"] > 0
    kept = history.files_dir(config.data_dir, exchange.id)
    assert (kept / "import.xml").read_bytes() == sent["import.xml"]
    assert any((kept / "import_files").rglob("*.jpg")), "the photos are kept too"
    log = history.log_text(conn, PREFIX, exchange.id)
    for line in ("init: catalog exchange", "file v8_exchange.zip", "unpacked v8_exchange.zip",
                 "import.xml: imported", "complete"):  # fmt: skip
        assert line in log


def test_a_failed_exchange_says_what_failed_and_keeps_the_file(onec, conn, config):
    onec.checkauth()
    onec.init()
    body = dict(catalog_files())["import.xml"]
    onec.upload("import.xml", body[: len(body) // 2])
    assert onec.call("catalog", "import", filename="import.xml").word == replies.FAILURE
    exchange = last_exchange(conn)
    assert exchange.status == "failed" and "truncated" in exchange.message
    assert [(f.name, f.status) for f in exchange.files] == [("import.xml", "failed")]
    assert "truncated" in exchange.files[0].warnings[0]
    kept = history.files_dir(config.data_dir, exchange.id) / "import.xml"
    assert kept.read_bytes() == body[: len(body) // 2], "the broken file is there to look at"


@pytest.mark.parametrize("export", EXPORTS, ids=lambda p: p.name)
def test_dry_run_and_replay_count_what_the_real_run_did(export, onec, conn, cli, tmp_path):
    folder = exchange_dir(export, tmp_path)
    dry = cli("import", "--dry-run", str(folder))
    assert dry.exit_code == 0, dry.output
    assert "dry run, nothing was written" in dry.output
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]
    dry_run = last_exchange(conn)
    assert dry_run.dry_run and dry_run.source == "cli"

    onec.send_catalog(files_from_paths([folder]))
    real = last_exchange(conn)
    assert real.source == "1c" and real.status == "success"
    (products,) = query(conn, "SELECT COUNT(*) FROM {p}products")[0]
    assert products > 0
    assert file_counts(conn, dry_run.id) == file_counts(conn, real.id)
    assert dry_run.analysis["created"] == products
    shown = cli("history", str(real.id)).output  # what an admin reads
    assert f"#{real.id} " in shown and ": success" in shown
    assert sum(int(n) for n in re.findall(r"products_created (\d+)", shown)) == products

    forget_catalog(conn)
    replay_dry = cli("replay", "--dry-run", str(real.id))
    assert replay_dry.exit_code == 0, replay_dry.output
    replayed_dry = last_exchange(conn)
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]
    replay = cli("replay", str(real.id))
    assert replay.exit_code == 0, replay.output
    replayed = last_exchange(conn)
    assert replayed.replay_of == real.id and replayed.source == "replay"
    assert file_counts(conn, replayed_dry.id) == file_counts(conn, real.id)
    assert file_counts(conn, replayed.id) == file_counts(conn, real.id)
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(products,)]


def test_offline_import_of_a_zip_with_plain_progress_lines(cli, conn, tmp_path):
    archive = shutil.make_archive(str(tmp_path / "export"), "zip", DATA / "catalog")
    result = cli("import", archive)
    assert result.exit_code == 0, result.output
    assert "import.xml: 100%" in result.output and "offers.xml: 100%" in result.output
    assert "products: 4 created" in result.output
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
    listing = cli("history")
    assert "catalog from cli" in listing.output
    assert "created 9" in listing.output  # 4 products, 5 categories
    detail = cli("history", str(last_exchange(conn).id), "--log")
    assert "import.xml: success" in detail.output and "sha256" in detail.output
    assert "import of import.xml, offers.xml" in detail.output


def test_an_offline_import_waits_for_no_one(cli, onec, conn):
    """1C holds the catalog: the admin's import is refused, saying who holds it."""
    onec.checkauth()
    onec.init()
    result = cli("import", str(DATA / "catalog"))
    assert result.exit_code != 0 and "busy" in result.output and "1C exchange" in result.output
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]


def test_the_first_exchange_of_a_new_1c_base_only_analyses(onec, conn, app):
    set_setting(conn, "first_exchange_dry_run", "Y")
    final = onec.send_catalog(catalog_files())
    assert all(r.word == replies.SUCCESS and r.lines[1] == ANALYSIS_ONLY for r in final)
    assert any("would create 4 products" in line for line in final[-1].lines)
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}categories") == [(1,)]
    analysis = last_exchange(conn)
    assert analysis.dry_run and analysis.analysis["created"] == 4
    assert {f.status for f in analysis.files} == {"analysed"}
    page = app.test_client().get("/status", headers=basic_auth(onec)).get_data(as_text=True)
    assert "would create 4 products" in page  # the admin reads the analysis there
    # the base is known now: its next exchange writes
    from conftest import flask_transport

    from sidecar.onec_client import OneCClient

    again = OneCClient(flask_transport(app), "1c", onec.password).send_catalog(catalog_files())
    assert ANALYSIS_ONLY not in again[-1].lines
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
    assert file_counts(conn, analysis.id) == file_counts(conn, last_exchange(conn).id)


def test_kept_files_are_pruned_after_history_keep_exchanges(onec, conn, config, app):
    set_setting(conn, "history_keep", "1")
    onec.send_catalog(catalog_files())
    first = last_exchange(conn)
    from conftest import flask_transport

    from sidecar.onec_client import OneCClient

    OneCClient(flask_transport(app), "1c", onec.password).send_catalog(catalog_files())
    assert not history.files_dir(config.data_dir, first.id).exists()
    assert not history.get(conn, PREFIX, first.id).files_kept
    assert history.files_dir(config.data_dir, last_exchange(conn).id).is_dir()


def test_sale_exchange_history_keeps_what_was_sent(onec, conn):
    from bench.generate import add_orders

    add_orders(conn, 3, PREFIX)
    onec.checkauth("sale")
    onec.init("sale")
    onec.call("sale", "query")
    onec.call("sale", "success")
    exchange = last_exchange(conn)
    assert exchange.kind == "sale" and exchange.status == "success"
    assert exchange.totals["orders_sent"] == 3 and exchange.totals["orders_confirmed"] == 3
    assert [f.status for f in exchange.files] == ["sent"]


def test_lease_is_free_after_an_offline_import(cli, conn):
    assert cli("import", str(DATA / "catalog")).exit_code == 0
    assert lease.acquire(conn, PREFIX, lease.CATALOG, "x", "x", "test") is None


def test_on_a_terminal_the_import_shows_a_progress_bar(config, conn, tmp_path):
    """Run under a pseudo-terminal (util-linux `script`), as an admin at a console would."""
    import os
    import subprocess
    import sys

    db = config.db
    env = {
        **os.environ,
        "XC1C_DATABASE_URL": f"mysql://{db.user}:{db.password}@{db.host}:{db.port}/{db.database}",
        "XC1C_TABLE_PREFIX": config.table_prefix,
        "XC1C_DATA_DIR": str(config.data_dir),
        "COLUMNS": "100",
    }
    xc1c = Path(sys.executable).with_name("xc1c")
    command = f"{xc1c} import {DATA / 'catalog'}"
    out = subprocess.run(["script", "-qec", command, "/dev/null"], env=env, capture_output=True,
                         text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stdout
    assert re.search(r"offers\.xml\s+\[#+\]\s+100%", out.stdout), out.stdout
    assert "import.xml: 100%" not in out.stdout  # no plain lines on a terminal
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
