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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def _pipeline_hooks(
    at_fourth_write: Callable[[pymysql.cursors.Cursor], object],
    at_fifth_plan: Callable[[], object],
    before_plan: bool = False,
) -> Iterator[None]:
    """Runs `at_fourth_write(cursor)` once the fourth batch's statements have run (before its
    COMMIT, on the writer's thread) and `at_fifth_plan()` once the fifth batch is planned (or,
    `before_plan`, as its planning begins), the fourth being in flight then."""
    real_write, real_plan = importer.write_products, CatalogImport._plan
    writes: list[int] = []
    plans: list[int] = []

    def write(ctx, cur, plan):
        real_write(ctx, cur, plan)
        writes.append(1)
        if len(writes) == 4:
            at_fourth_write(cur)

    def plan(self, *args):
        plans.append(1)
        if len(plans) == 5 and before_plan:
            at_fifth_plan()
        out = real_plan(self, *args)
        if len(plans) == 5 and not before_plan:
            at_fifth_plan()
        return out

    importer.write_products, CatalogImport._plan = write, plan
    try:
        yield
    finally:
        importer.write_products, CatalogImport._plan = real_write, real_plan


def test_the_reading_connection_dropping_with_a_batch_in_flight(conn, config, catalog):
    """The import's own connection (planning, the advisory lock) killed while the fourth
    batch is being written: the step fails at its next read and returns only after that
    batch ended, committed whole; the next step resumes after it."""
    victim = connect(config.db)
    killed = threading.Event()

    def kill_the_reader():
        with conn.cursor() as cur:
            cur.execute("KILL %s", (victim.thread_id(),))
        killed.set()

    hooks = _pipeline_hooks(lambda cur: killed.wait(60), kill_the_reader, before_plan=True)
    with hooks, pytest.raises(pymysql.err.OperationalError):
        _step(victim, config, catalog)
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 4 * BATCH, "the batch in flight committed before the step ended"
    _resume_to_the_end(conn, config, catalog)


def test_a_commit_lost_with_the_next_batch_planned(conn, config, catalog):
    """The writing connection killed after the fourth batch's statements, before its COMMIT,
    once the fifth batch has been planned: neither is there, not even in part."""
    planned_next = threading.Event()

    def drop_the_writer(cur):
        assert planned_next.wait(60)
        with conn.cursor() as killer:
            killer.execute("KILL %s", (cur.connection.thread_id(),))

    with (
        _pipeline_hooks(drop_the_writer, planned_next.set),
        pytest.raises(pymysql.err.OperationalError),
    ):
        _step(connect(config.db), config, catalog)
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 3 * BATCH
    assert query(conn, "SELECT COUNT(DISTINCT id) FROM {p}product_translations") == [(3 * BATCH,)]
    _resume_to_the_end(conn, config, catalog)


def _die_in_fourth_batch(config, directory: str) -> None:
    """The child: killed by SIGKILL once the fourth batch's statements have all run, before
    its COMMIT."""
    with _pipeline_hooks(lambda cur: os.kill(os.getpid(), signal.SIGKILL), lambda: None):
        _step(connect(config.db), config, Path(directory))


def _die_with_the_next_batch_planned(config, directory: str) -> None:
    """The child: killed by SIGKILL once the fifth batch has been planned while the fourth's
    statements have all run and its COMMIT has not."""
    fourth_written = threading.Event()

    def hold(cur):
        fourth_written.set()
        threading.Event().wait(60)  # held uncommitted until the process dies

    def die():
        fourth_written.wait(60)
        os.kill(os.getpid(), signal.SIGKILL)

    with _pipeline_hooks(hold, die):
        _step(connect(config.db), config, Path(directory))


@pytest.mark.parametrize(
    "die",
    [_die_in_fourth_batch, _die_with_the_next_batch_planned],
    ids=["a batch written, not committed", "and the next one planned"],
)
def test_a_process_killed_with_batches_in_the_pipeline(conn, config, catalog, die):
    child = multiprocessing.get_context("fork").Process(target=die, args=(config, str(catalog)))
    child.start()
    child.join(120)
    assert child.exitcode == -signal.SIGKILL
    conn.commit()
    _whole_batches(conn)
    assert _state(conn)[0] == 3 * BATCH, "neither the batch in flight nor one planned is there"
    assert query(conn, "SELECT COUNT(DISTINCT id) FROM {p}product_translations") == [(3 * BATCH,)]
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
    _resume_to_the_end(conn, config, catalog)
