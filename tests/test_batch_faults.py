"""Faults at exact points between and inside the import's batches, in process: the writing
connection dropped between two batches, inside one and before a COMMIT with the next batch
planned; the reading connection dropped with a batch in flight; the process killed while a
batch's statements have run but its COMMIT has not, and with the next batch planned too (and
the reader's thread holding items parsed ahead). Nothing of a batch not committed stays; the
next step resumes after the last committed batch and the catalog ends whole. (test_crash_safety does the same at random
points through gunicorn.)"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from pathlib import Path

import pymysql
import pytest
from conftest import products_missing_parts, query, set_setting

from bench.generate import generate
from sidecar.catalog import importer
from sidecar.catalog.importer import CatalogImport
from sidecar.db import connect
from sidecar.settings import read_settings
from sidecar.state import idmap, jobs
from sidecar.xcart.schema import BULK_ROWS

PRODUCTS = 600
BATCH = 100
SESSION = 7


@pytest.fixture
def catalog(tmp_path: Path, conn) -> Path:
    set_setting(conn, "batch_size", str(BATCH))
    generate(tmp_path / "gen", PRODUCTS)
    return tmp_path / "gen"


def _step(conn, config, directory: Path) -> jobs.Job:
    """One step of import.xml to its end (or to the fault)."""
    job = jobs.get_or_create(conn, config.table_prefix, SESSION, "import.xml")
    settings = read_settings(conn, config.table_prefix)
    CatalogImport(conn, config.table_prefix, settings, directory, None, False).run_step(
        directory / "import.xml", job, 600
    )
    return job


def _state(conn) -> tuple[int, int, int]:
    (products,) = query(conn, "SELECT COUNT(*) FROM {p}products")[0]
    (mapped,) = query(conn, "SELECT COUNT(*) FROM {own}id_map WHERE kind = 'product'")[0]
    (position,) = query(conn, "SELECT position FROM {own}import_jobs")[0]
    return products, mapped, position


def _assert_whole(conn) -> None:
    assert query(conn, "SELECT COUNT(*), COUNT(DISTINCT sku) FROM {p}products") == [
        (PRODUCTS, PRODUCTS)
    ]
    assert products_missing_parts(conn) == 0
    assert query(conn, "SELECT status FROM {own}import_jobs") == [("done",)]


def _whole_batches(conn) -> None:
    """Products, their Id map rows and the job's position agree: batches are whole."""
    products, mapped, position = _state(conn)
    assert products == mapped and products % BATCH == 0
    assert position > products, "the position counts the classifier's records too"


def _resume_to_the_end(conn, config, catalog) -> None:
    """A new connection's step finishes the job: every product once, whole."""
    again = connect(config.db)
    job = _step(again, config, catalog)
    again.close()
    assert job.counts["products_created"] == PRODUCTS
    conn.commit()
    _assert_whole(conn)


def test_the_database_dropping_between_two_batches(conn, config, catalog, monkeypatch):
    """The writing connection dropped right after the third batch's commit: the fourth fails,
    the step with it, and the job stands after the third."""
    committed: list[int] = []
    real = CatalogImport._write

    def commit_then_drop(self, write_conn, wctx, job, planned):
        out = real(self, write_conn, wctx, job, planned)
        committed.append(job.position)
        if len(committed) == 3:  # the third batch is committed; the fourth not begun
            with conn.cursor() as cur:
                cur.execute("KILL %s", (write_conn.thread_id(),))
        return out

    monkeypatch.setattr(CatalogImport, "_write", commit_then_drop)
    with pytest.raises(pymysql.err.OperationalError):
        _step(connect(config.db), config, catalog)
    conn.commit()
    assert _state(conn) == (3 * BATCH, 3 * BATCH, committed[-1])

    monkeypatch.setattr(CatalogImport, "_write", real)
    _resume_to_the_end(conn, config, catalog)


def test_the_reading_connection_dropping_with_a_batch_in_flight(conn, config, catalog, monkeypatch):
    """The import's own connection (planning, the advisory lock) killed while the fourth
    batch is being written: the step fails at its next read and returns only after that
    batch ended, committed whole; the next step resumes after it."""
    victim = connect(config.db)
    in_flight = threading.Event()
    real_write, real_plan = importer.write_products, CatalogImport._plan
    plans: list[int] = []
    writes: list[int] = []

    def write(ctx, cur, plan):
        real_write(ctx, cur, plan)
        writes.append(1)
        if len(writes) == 4:
            assert in_flight.wait(60)  # held until the reading connection is gone

    def plan_after_kill(self, *args):
        plans.append(1)
        if len(plans) == 5:
            with conn.cursor() as cur:
                cur.execute("KILL %s", (victim.thread_id(),))
            in_flight.set()
        return real_plan(self, *args)

    monkeypatch.setattr(importer, "write_products", write)
    monkeypatch.setattr(CatalogImport, "_plan", plan_after_kill)
    with pytest.raises(pymysql.err.OperationalError):
        _step(victim, config, catalog)
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 4 * BATCH, "the batch in flight committed before the step ended"

    monkeypatch.setattr(importer, "write_products", real_write)
    monkeypatch.setattr(CatalogImport, "_plan", real_plan)
    _resume_to_the_end(conn, config, catalog)


def test_a_commit_lost_with_the_next_batch_planned(conn, config, catalog, monkeypatch):
    """The writing connection killed after the fourth batch's statements, before its COMMIT,
    once the fifth batch has been planned: neither is there, not even in part."""
    planned_next = threading.Event()
    real_write, real_plan = importer.write_products, CatalogImport._plan
    writes: list[int] = []

    def write_then_drop(ctx, cur, plan):
        real_write(ctx, cur, plan)
        writes.append(1)
        if len(writes) == 4:
            assert planned_next.wait(60)
            with conn.cursor() as killer:
                killer.execute("KILL %s", (cur.connection.thread_id(),))

    plans: list[int] = []

    def plan(self, *args):
        out = real_plan(self, *args)
        plans.append(1)
        if len(plans) == 5:  # planned while the fourth is in flight
            planned_next.set()
        return out

    monkeypatch.setattr(importer, "write_products", write_then_drop)
    monkeypatch.setattr(CatalogImport, "_plan", plan)
    with pytest.raises(pymysql.err.OperationalError):
        _step(connect(config.db), config, catalog)
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 3 * BATCH
    assert query(conn, "SELECT COUNT(DISTINCT id) FROM {p}product_translations") == [(3 * BATCH,)]

    monkeypatch.setattr(importer, "write_products", real_write)
    monkeypatch.setattr(CatalogImport, "_plan", real_plan)
    _resume_to_the_end(conn, config, catalog)


def _die_in_fourth_batch(config, directory: str) -> None:
    """The child: runs the import and is killed by SIGKILL once the fourth batch's
    statements have all run, before its COMMIT."""
    calls = []
    real = importer.write_products

    def write_then_die(ctx, cur, plan):
        real(ctx, cur, plan)
        calls.append(1)
        if len(calls) == 4:
            os.kill(os.getpid(), signal.SIGKILL)

    importer.write_products = write_then_die
    conn = connect(config.db)
    _step(conn, config, Path(directory))


def test_a_process_killed_with_a_batch_written_but_not_committed(conn, config, catalog):
    child = multiprocessing.get_context("fork").Process(
        target=_die_in_fourth_batch, args=(config, str(catalog))
    )
    child.start()
    child.join(120)
    assert child.exitcode == -signal.SIGKILL
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 3 * BATCH, "the fourth batch is not there, not even in part"
    assert query(conn, "SELECT COUNT(DISTINCT id) FROM {p}product_translations") == [(3 * BATCH,)]

    job = _step(conn, config, catalog)
    assert job.counts["products_created"] == PRODUCTS
    conn.commit()
    _assert_whole(conn)


def _die_with_the_next_batch_planned(config, directory: str) -> None:
    """The child: killed by SIGKILL once the fifth batch has been planned while the fourth's
    statements have all run and its COMMIT has not."""
    fourth_written = threading.Event()
    real_write, real_plan = importer.write_products, CatalogImport._plan
    writes: list[int] = []
    plans: list[int] = []

    def write(ctx, cur, plan):
        real_write(ctx, cur, plan)
        writes.append(1)
        if len(writes) == 4:
            fourth_written.set()
            threading.Event().wait(60)  # held uncommitted until the process dies

    def plan_then_die(self, *args):
        out = real_plan(self, *args)
        plans.append(1)
        if len(plans) == 5:
            fourth_written.wait(60)
            os.kill(os.getpid(), signal.SIGKILL)
        return out

    importer.write_products = write
    CatalogImport._plan = plan_then_die
    _step(connect(config.db), config, Path(directory))


def test_a_process_killed_with_a_batch_planned_and_never_written(conn, config, catalog):
    child = multiprocessing.get_context("fork").Process(
        target=_die_with_the_next_batch_planned, args=(config, str(catalog))
    )
    child.start()
    child.join(120)
    assert child.exitcode == -signal.SIGKILL
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 3 * BATCH, "neither the batch in flight nor the one planned"
    _resume_to_the_end(conn, config, catalog)


def test_the_database_dropping_while_a_batch_loads_its_id_map(conn, config, catalog, monkeypatch):
    """The Id map entries of a batch go by LOAD DATA LOCAL (idmap.store): the connection
    killed as the fourth batch sends them leaves none of that batch, and the next step writes
    it whole."""
    victim = connect(config.db)
    product_stores: list[int] = []
    real = idmap.store

    def drop_then_store(cur, prefix, kind, rows, xml_md5=None):
        rows = list(rows)
        if kind == "product":
            product_stores.append(len(rows))
            if len(product_stores) == 4:
                with conn.cursor() as killer:
                    killer.execute("KILL %s", (cur.connection.thread_id(),))
        real(cur, prefix, kind, rows, xml_md5)

    monkeypatch.setattr(idmap, "store", drop_then_store)
    with pytest.raises(pymysql.err.OperationalError):
        _step(victim, config, catalog)
    assert product_stores[-1] >= BULK_ROWS, "the batch's entries went by LOAD DATA"
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 3 * BATCH

    monkeypatch.setattr(idmap, "store", real)
    again = connect(config.db)
    job = _step(again, config, catalog)
    again.close()
    assert job.counts["products_created"] == PRODUCTS
    conn.commit()
    _assert_whole(conn)
