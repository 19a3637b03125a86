"""The orders' steps of an exchange: order changes from 1C applied (sale/file of the old
protocol, sale/import, a replay), the shop's orders written for 1C (query) after the changes
still waiting for X-Cart are tried again, and the orders 1C confirmed marked (success). All
under the orders lock: two orders exchanges never interleave."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from ..commerceml.reader import CommerceMLError
from ..errors import BadRequest, ImportFailed
from ..orders import changes, export, xcart_side
from ..safepath import resolve_inside, safe_relative_path
from ..state import history
from . import locks, upload
from .run import Answer, Run

log = logging.getLogger("xc1c.exchange")


def apply_file(run: Run, path: Path) -> changes.Outcome:
    """The order changes of one file applied through X-Cart (or directly), under the lock."""
    with locks.orders_lock(run.conn, run.config):
        side = xcart_side.locate(run.conn, run.prefix, run.config, run.settings)
        return changes.apply_file(run.conn, run.prefix, run.settings, path, side, run.vendor)


def apply_orders(run: Run, path: Path) -> Answer:
    """A file of order changes from 1C, applied and recorded in the history."""
    try:
        outcome = apply_file(run, path)
    except CommerceMLError as exc:
        raise ImportFailed(f"{path.name}: {exc}") from exc
    log.info(
        "orders from 1C: session=%s file=%s %s", run.session_id, path.name, dict(outcome.counts)
    )
    run.file_done(path, history.SUCCESS, dict(outcome.counts), outcome.warnings)
    run.note(f"orders from 1C in {path.name}: " + "; ".join(outcome.lines()[:1]))
    run.record(status=history.SUCCESS)
    return Answer(outcome.lines())


def import_file(run: Run, name: str) -> Answer:
    """sale/import: the named file of order changes (its archive unpacked first)."""
    path = resolve_inside(run.directory, safe_relative_path(name))
    upload.unpack_archives(run.directory)
    if not path.is_file():
        raise BadRequest(f"{name}: no such file was uploaded in this exchange")
    return apply_orders(run, path)


def query(run: Run) -> Path:
    """sale/query: the orders 1C has not confirmed yet, written to a file kept with the
    exchange; its path."""
    run.directory.mkdir(parents=True, exist_ok=True)
    out = run.directory / history.SENT / f"orders-{int(time.time())}.xml"
    out.parent.mkdir(parents=True, exist_ok=True)
    with locks.orders_lock(run.conn, run.config):
        retry_changes(run)
        count = export.query(
            run.conn, run.prefix, run.settings, run.session_id, out, run.config.xcart_root,
            run.vendor,
        )  # fmt: skip
    size = out.stat().st_size
    log.info("sale query: session=%s orders=%s bytes=%s", run.session_id, count, size)
    run.note(f"query: {count} orders sent ({size} bytes)")
    run.file_done(out, history.SENT, {"orders_sent": count}, [])
    return out


def retry_changes(run: Run) -> None:
    """Changes from 1C still waiting for X-Cart are tried again (before 1C reads the orders).
    The caller holds the orders lock."""
    if changes.unfinished(run.conn, run.prefix):
        side = xcart_side.locate(run.conn, run.prefix, run.config, run.settings)
        reason = changes.deliver(run.conn, run.prefix, side, run.settings["orders_apply_wait"])
        run.note(f"order changes from 1C tried again: {reason}")


def success(run: Run) -> Answer:
    """sale/success: the orders of the last query are confirmed by 1C."""
    confirmed = export.success(run.conn, run.prefix, run.session_id, run.vendor)
    log.info("sale success: session=%s orders confirmed=%s", run.session_id, confirmed)
    run.note(f"success: {confirmed} orders confirmed by 1C")
    run.record(counts={"orders_confirmed": confirmed}, status=history.SUCCESS)
    return Answer()
