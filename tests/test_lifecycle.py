"""The exchange run without an HTTP request: catalog uploads 1C never asks to import (its
node's «Выгружать файлы без ожидания подтверждения импорта сервером») imported once they are
complete, once, with history and status; and a replayed orders exchange under the same orders
lock as 1C's own. Time is driven explicitly (`now=`), never slept."""

from __future__ import annotations

import io
import os
import threading
import time
import zipfile

from conftest import PASSWORD, PREFIX, catalog_files, query, set_setting
from test_order_changes import PAID, payment
from test_orders import make_order, upload_orders
from test_status import basic

from sidecar.config import Config, DatabaseParams
from sidecar.db import advisory_lock, connect
from sidecar.exchange import locks
from sidecar.exchange.pending import STALE_SECONDS, run_pending
from sidecar.state import history, lease, sessions


def upload_only(onec, files) -> None:
    """What 1C does when its node does not wait for the import: the files, and no import."""
    onec.checkauth()
    onec.init()
    for name, data in files:
        onec.upload(name, data)


def products(conn) -> int:
    return query(conn, "SELECT COUNT(*) FROM {p}products")[0][0]


def created(conn, exchange_id: int) -> int:
    """Products in the shop, checked to be those the exchange created (and some)."""
    count = products(conn)
    assert count > 0 and count == history.get(conn, PREFIX, exchange_id).totals["products_created"]
    return count


QUIET_SECONDS = Config(DatabaseParams()).upload_quiet_seconds


def later(seconds: int = QUIET_SECONDS + 1) -> float:
    return time.time() + seconds


def test_an_upload_without_import_is_imported_once_after_the_quiet_period(onec, conn, config,
                                                                          http):  # fmt: skip
    upload_only(onec, catalog_files())
    assert run_pending(config, now=time.time()) == [], "1C may still be uploading"
    assert products(conn) == 0

    done = run_pending(config, now=later())
    assert [d.status for d in done] == ["done"]
    created(conn, done[0].exchange_id)
    exchange = history.get(conn, PREFIX, done[0].exchange_id)
    assert exchange.status == "success" and exchange.source == "1c"
    assert {f.name: f.status for f in exchange.files} == {
        "import.xml": "success", "offers.xml": "success",
    }  # fmt: skip
    log = history.log_text(conn, PREFIX, exchange.id)
    assert "no import was asked for import.xml, offers.xml: imported in the background" in log
    assert "background import done" in log
    # The catalog is free again, and the status page shows the exchange as any other.
    assert lease.acquire(conn, PREFIX, lease.CATALOG, "x", "x", "test") is None
    data = http.get("/status.json", headers=basic("1c", PASSWORD)).get_json()
    assert data["exchanges"][0]["status"] == "success"
    assert data["exchanges"][0]["summary"]["created"] == 9

    assert run_pending(config, now=later(10 * QUIET_SECONDS)) == [], "never twice"
    assert len(history.recent(conn, PREFIX, 10)) == 1


def test_a_session_that_calls_import_is_never_imported_in_the_background(onec, conn, config):
    onec.send_catalog(catalog_files(), complete=False)
    exchange = history.recent(conn, PREFIX, 1)[0]
    before = query(conn, "SELECT MAX(updated_at) FROM {own}import_jobs")
    assert run_pending(config, now=later()) == []
    assert query(conn, "SELECT MAX(updated_at) FROM {own}import_jobs") == before
    assert history.get(conn, PREFIX, exchange.id).files == exchange.files
    assert "background" not in history.log_text(conn, PREFIX, exchange.id)


def test_an_upload_still_arriving_waits_for_its_last_part(onec, conn, config):
    """A zip cut at file_limit, every part but the last sent: not complete (a part as long as
    file_limit may have more after it, the archive does not read). The last part makes it."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in catalog_files():
            zf.writestr(name, data)
        zf.writestr("import_files/00/unused.bin", os.urandom(3 * 65536))  # longer than 3 parts
    archive = buf.getvalue()
    set_setting(conn, "file_limit", "65536")  # the least there is
    onec.checkauth()
    limit = int(onec.init()["file_limit"])
    parts = [archive[i : i + limit] for i in range(0, len(archive), limit)]
    assert len(parts) > 3 and len(parts[-1]) < limit
    for part in parts[:-1]:
        assert onec.call("catalog", "file", part, filename="v8_1A2B_12.zip").word == "success"
    [left] = run_pending(config, now=later())
    assert left.status == "incomplete" and "file_limit" in left.message
    assert products(conn) == 0

    assert onec.call("catalog", "file", parts[-1], filename="v8_1A2B_12.zip").word == "success"
    [done] = run_pending(config, now=later())
    assert done.status == "done"
    created(conn, done.exchange_id)


def test_a_file_arriving_after_the_background_import_is_imported_too(onec, conn, config):
    """Should 1C pause longer than the quiet period between two files, the second is imported
    when it comes, and the first is not imported again."""
    files = dict(catalog_files())
    upload_only(onec, [("import.xml", files["import.xml"])])
    [first] = run_pending(config, now=later())
    assert first.status == "done"
    count = created(conn, first.exchange_id)
    onec.upload("offers.xml", files["offers.xml"])
    [second] = run_pending(config, now=later())
    assert second.status == "done" and second.exchange_id == first.exchange_id
    assert products(conn) == count
    exchange = history.get(conn, PREFIX, first.exchange_id)
    assert exchange.totals["products_created"] == count, "import.xml was not imported again"
    assert {f.name for f in exchange.files} == {"import.xml", "offers.xml"}
    assert exchange.totals["offers"] > 0
    assert run_pending(config, now=later(10 * QUIET_SECONDS)) == []


def test_a_cut_off_xml_file_is_not_imported(onec, conn, config):
    files = dict(catalog_files())
    upload_only(onec, [("import.xml", files["import.xml"][:-200])])
    [left] = run_pending(config, now=later())
    assert left.status == "incomplete" and "import.xml is cut off" in left.message
    assert products(conn) == 0


def test_two_workers_sweeping_at_once_import_once(onec, conn, config):
    upload_only(onec, catalog_files())
    now, results, start = later(), [], threading.Barrier(2)

    def worker() -> None:
        start.wait()
        results.extend(run_pending(config, now=now))

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.status for r in results] == ["done"]
    created(conn, results[0].exchange_id)
    [exchange] = history.recent(conn, PREFIX, 10)
    assert sorted(f.name for f in exchange.files) == ["import.xml", "offers.xml"]
    # Even without the sweep's lock, one conditional update gives a session to one caller.
    session_id = exchange.session_id
    sessions.set_background(conn, PREFIX, session_id, "")
    at = int(now)
    claims = [sessions.claim_upload(conn, PREFIX, session_id, at, at - 1) for _ in range(2)]
    assert claims == [True, False]


def test_a_background_import_whose_worker_died_is_taken_over_once(onec, conn, config):
    """A worker recycled in the middle of a background import ends its thread: the claim is
    left running. Another sweep takes it over once it has been silent for STALE_SECONDS."""
    upload_only(onec, catalog_files())
    [session_id] = query(conn, "SELECT id FROM {own}sessions")[0]
    claimed_at = int(later())
    assert sessions.claim_upload(conn, PREFIX, session_id, claimed_at, claimed_at - 1)
    assert run_pending(config, now=claimed_at + STALE_SECONDS - 1) == [], "it may be alive"
    assert products(conn) == 0

    [done] = run_pending(config, now=claimed_at + STALE_SECONDS + 1)
    assert done.status == "done" and done.session_id == session_id
    created(conn, done.exchange_id)
    assert run_pending(config, now=claimed_at + 10 * STALE_SECONDS) == []


def test_the_command_imports_what_is_left(onec, conn, cli):
    upload_only(onec, catalog_files())
    assert "no upload waits" in cli("run-pending").output
    out = cli("run-pending", "--quiet-seconds", "0").output
    assert ": done (exchange " in out, out
    created(conn, history.recent(conn, PREFIX, 1)[0].id)


def test_a_replayed_orders_exchange_waits_for_the_orders_lock(onec, conn, config, cli,
                                                              monkeypatch):  # fmt: skip
    """While another orders exchange holds the lock (1C reading the orders), a replay delivers
    nothing; after it, the replay delivers."""
    order = make_order(conn, lines=[])
    upload_orders(onec, "paid.xml", PAID.replace("@ID@", str(order)).encode(), "2.10")
    recorded = history.recent(conn, PREFIX, 1)[0]
    assert recorded.kind == "sale" and payment(conn, order) == "P"
    # Back to before the change, as on a shop restored from a backup.
    query(conn, "DELETE FROM {own}order_changes")
    query(conn, "UPDATE {p}orders SET payment_status_id = (SELECT id FROM"
                " {p}order_payment_statuses WHERE code = 'Q') WHERE order_id = %s", order)  # fmt: skip
    conn.commit()
    assert payment(conn, order) == "Q"

    monkeypatch.setattr(locks, "ORDERS_WAIT_SECONDS", 0)
    other = connect(config.db)
    try:
        with advisory_lock(other, locks.orders_lock_name(config)) as got:
            assert got
            held = cli("replay", str(recorded.id))
            assert held.exit_code != 0 and "another orders exchange is running" in held.output
            assert payment(conn, order) == "Q"
            assert query(conn, "SELECT COUNT(*) FROM {own}order_changes") == [(0,)]
    finally:
        other.close()
    replayed = cli("replay", str(recorded.id))
    assert replayed.exit_code == 0, replayed.output
    assert payment(conn, order) == "P"


def test_a_background_import_that_fails_says_so_in_the_history(onec, conn, config):
    broken = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<КоммерческаяИнформация><Каталог><Товары>'
        "<Товар></Каталог></КоммерческаяИнформация>"
    ).encode()
    upload_only(onec, [("import.xml", broken)])
    [failed] = run_pending(config, now=later())
    assert failed.status == "failed" and "malformed XML" in failed.message
    exchange = history.get(conn, PREFIX, failed.exchange_id)
    assert exchange.status == "failed" and "malformed XML" in exchange.message
    assert [(f.name, f.status) for f in exchange.files] == [("import.xml", "failed")]
    assert run_pending(config, now=later(10 * QUIET_SECONDS)) == [], "not again"


def test_a_background_import_waits_while_another_exchange_holds_the_catalog(onec, conn, config):
    upload_only(onec, catalog_files())
    [session_id] = query(conn, "SELECT id FROM {own}sessions")[0]
    # Another 1C base's exchange (another login and address) took the catalog over, the
    # upload's session having gone silent.
    taken = lease.acquire(conn, PREFIX, lease.CATALOG, "session:999", "b@192.0.2.2", "b",
                          stale_seconds=0)  # fmt: skip
    assert taken is None
    [waiting] = run_pending(config, now=later())
    assert waiting.status == "busy" and products(conn) == 0
    lease.release(conn, PREFIX, lease.CATALOG, "session:999")
    [done] = run_pending(config, now=later())
    assert done.status == "done" and done.session_id == session_id
    created(conn, done.exchange_id)
