"""Exchanges of files given by an admin rather than uploaded by 1C: `xc1c import FILES|DIR|ZIP`
and `xc1c replay ID`, real or dry. They go through the same engine, hold the same catalog
lease (or, for orders, the same orders lock) as a 1C exchange, so the two never interleave,
and are recorded in the history like one. How the files get into the run's workspace is the
caller's `stage` (sidecar.offline)."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

import pymysql

from ..catalog.dry_run import Changes, dry_run
from ..catalog.run import FileResult, analyse_files, catalog_files, run_files
from ..config import Config
from ..db import connect
from ..errors import BadFileName, ImportFailed, XC1CError
from ..orders import changes as order_changes
from ..settings import read_settings
from ..state import history
from . import locks, sale
from .run import Run

Stage = Callable[[list[Path], Path], None]  # (inputs, workspace): copy the inputs in


@dataclass
class Outcome:
    exchange_id: int
    results: list[FileResult]
    changes: Changes | None

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(r.status == history.SUCCESS for r in self.results)


def run_import(
    config: Config,
    paths: list[Path],
    stage: Stage,
    *,
    dry_run_only: bool = False,
    source: str = "cli",
    replay_of: int | None = None,
    kind: str = "catalog",
    on_step: Callable[[str, int], None] | None = None,
) -> Outcome:
    """Stage, take the catalog lease, import (or analyse), record. Two connections: the import
    works in one (a dry run keeps it in one transaction), the lease and history use the other."""
    prefix = config.table_prefix
    admin, work = connect(config.db), connect(config.db)
    host, pid = socket.gethostname(), os.getpid()
    key = f"cli:{host}:{pid}"
    try:
        settings = read_settings(admin, prefix)
        run = Run(config, admin, settings, Path(), client=host)
        what = f"xc1c {source} on {host} (pid {pid})"
        lease = locks.catalog_lease(admin, prefix, key, key, what)
        with lease if kind == "catalog" else nullcontext():
            run.begin(
                kind=kind, source=source, login=_user(), dry_run=dry_run_only, replay_of=replay_of
            )
            run.directory = config.data_dir / "cli" / f"exchange-{run.exchange_id}"
            try:
                return _run(run, work, paths, stage, dry_run_only, kind, (key, what), on_step)
            except (XC1CError, OSError) as exc:
                run.note(f"failure: {exc}")
                run.record(status=history.FAILED, message=str(exc))
                raise
            finally:
                shutil.rmtree(run.directory, ignore_errors=True)
    finally:
        admin.close()
        work.close()


def _run(
    run: Run,
    work: pymysql.Connection,
    paths: list[Path],
    stage: Stage,
    dry_run_only: bool,
    kind: str,
    holder: tuple[str, str],
    on_step: Callable[[str, int], None] | None,
) -> Outcome:
    prefix, workspace, settings = run.prefix, run.directory, run.settings
    try:
        stage(paths, workspace)
    except BadFileName as exc:
        raise ImportFailed(str(exc)) from exc
    run.keep_files()
    files = catalog_files(workspace)
    if not files:
        raise ImportFailed("no XML files among the given paths")
    run.note(
        f"{'dry run' if dry_run_only else 'import'} of "
        + ", ".join(f.relative_to(workspace).as_posix() for f in files)
    )

    def step(name: str, percent: int) -> None:
        if kind == "catalog":  # the heartbeat
            locks.hold_catalog(run.conn, prefix, holder[0], holder[0], holder[1])
        run.record(progress=percent)
        if on_step is not None:
            on_step(name, percent)

    changes = None
    if kind == "sale":
        results = _orders(run, work, files, dry_run_only)
    elif dry_run_only:
        results, changes = analyse_files(work, prefix, settings, workspace, files, on_step=step)
    else:
        results = run_files(
            work, prefix, settings, workspace, files, run.config.xcart_root, on_step=step
        )
    for r in results:
        status = history.ANALYSED if dry_run_only and r.status == history.SUCCESS else r.status
        run.record_file(r.path, status, r.counts, r.warnings)
    failed = next((r for r in results if r.status != history.SUCCESS), None)
    run.record(
        progress=100,
        status=history.FAILED if failed else history.SUCCESS,
        message=failed.error if failed else "",
        analysis=changes.as_dict() if changes else None,
    )
    run.note("failed: " + failed.error if failed else "done")
    assert run.exchange_id is not None
    return Outcome(run.exchange_id, results, changes)


def _orders(
    run: Run, work: pymysql.Connection, files: list[Path], dry_run_only: bool
) -> list[FileResult]:
    """Order documents from 1C, as sale/import applies them (a replay of a sale exchange):
    under the orders lock, as a 1C exchange applies them."""
    results = []
    applying = Run(run.config, work, run.settings, run.directory, client=run.client)
    for path in files:
        name = path.relative_to(run.directory).as_posix()
        try:
            if dry_run_only:
                with dry_run(work, run.prefix) as (dry, _):
                    outcome = order_changes.apply_file(dry, run.prefix, run.settings, path)  # type: ignore[arg-type]
            else:
                outcome = sale.apply_file(applying, path)
        except ValueError as exc:  # CommerceMLError, or a value it could not read
            results.append(FileResult(name, path, history.FAILED, error=f"{name}: {exc}"))
            break
        results.append(
            FileResult(name, path, history.SUCCESS, dict(outcome.counts), outcome.warnings)
        )
    return results


def replay(
    config: Config,
    exchange_id: int,
    stage: Stage,
    *,
    dry_run_only: bool = False,
    on_step: Callable[[str, int], None] | None = None,
) -> Outcome:
    """Run a recorded exchange's kept files through the same path again."""
    conn = connect(config.db)
    try:
        exchange = history.get(conn, config.table_prefix, exchange_id)
    finally:
        conn.close()
    if exchange is None:
        raise XC1CError(f"there is no exchange {exchange_id}")
    kept = history.files_dir(config.data_dir, exchange_id)
    if not exchange.files_kept or not kept.is_dir():
        raise XC1CError(f"the files of exchange {exchange_id} are no longer kept (history_keep)")
    return run_import(
        config,
        [kept],
        stage,
        dry_run_only=dry_run_only,
        source="replay",
        replay_of=exchange_id,
        kind=exchange.kind,
        on_step=on_step,
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())
