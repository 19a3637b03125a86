"""Imports run by an admin rather than 1C: `xc1c import FILES|DIR|ZIP` and `xc1c replay ID`,
real or dry. They go through the same engine, hold the same catalog lease as a 1C exchange
(so the two never interleave), and are recorded in the history like one."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .catalog.dry_run import Changes, dry_run
from .catalog.run import FileResult, analyse_files, catalog_files, run_files
from .config import Config
from .db import connect
from .errors import BadFileName, Busy, ImportFailed, XC1CError
from .exchange import upload
from .orders import changes as order_changes
from .orders.xcart_side import locate
from .safepath import resolve_inside, safe_relative_path
from .settings import read_settings
from .state import history, lease


@dataclass
class Outcome:
    exchange_id: int
    results: list[FileResult]
    changes: Changes | None

    @property
    def ok(self) -> bool:
        return bool(self.results) and all(r.status == history.SUCCESS for r in self.results)


def stage(paths: list[Path], workspace: Path) -> None:
    """Copy the inputs into the workspace as 1C would upload them: XML files by name, a folder
    with its sub-folders (import_files/…), zip archives unpacked with the upload limits."""
    workspace.mkdir(parents=True, exist_ok=True)
    for path in paths:
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file():
                    _copy(f, workspace, f.relative_to(path).as_posix())
        else:
            _copy(path, workspace, path.name)
    upload.unpack_archives(workspace)


def _copy(source: Path, workspace: Path, name: str) -> None:
    target = resolve_inside(workspace, safe_relative_path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def run_import(
    config: Config, paths: list[Path], *, dry_run_only: bool = False, source: str = "cli",
    replay_of: int | None = None, kind: str = "catalog",
    on_step: Callable[[str, int], None] | None = None,
) -> Outcome:  # fmt: skip
    """Stage, take the catalog lease, import (or analyse), record. Two connections: the import
    works in one (a dry run keeps it in one transaction), the lease and history use the other."""
    prefix = config.table_prefix
    admin, work = connect(config.db), connect(config.db)
    host, pid = socket.gethostname(), os.getpid()
    key = f"cli:{host}:{pid}"
    what = f"xc1c {source} on {host} (pid {pid})"
    try:
        settings = read_settings(admin, prefix)
        if kind == "catalog":
            other = lease.acquire(admin, prefix, lease.CATALOG, key, key, what)
            if other is not None:
                raise Busy(lease.busy_message(other))
        exchange_id = history.begin(
            admin, prefix, kind=kind, source=source, login=_user(), client=host,
            dry_run=dry_run_only, replay_of=replay_of,
        )  # fmt: skip
        workspace = config.data_dir / "cli" / f"exchange-{exchange_id}"
        try:
            outcome = _run(config, admin, work, settings, exchange_id, paths, workspace,
                           dry_run_only, kind, key, on_step)  # fmt: skip
        except (XC1CError, OSError) as exc:
            history.note(admin, prefix, exchange_id, f"failure: {exc}")
            history.update(admin, prefix, exchange_id, status=history.FAILED, message=str(exc))
            raise
        finally:
            shutil.rmtree(workspace, ignore_errors=True)
        return outcome
    finally:
        if kind == "catalog":
            lease.release(admin, prefix, lease.CATALOG, key)
        admin.close()
        work.close()


def _run(config, admin, work, settings, exchange_id, paths, workspace, dry_run_only, kind, key,
         on_step) -> Outcome:  # fmt: skip
    prefix = config.table_prefix
    try:
        stage(paths, workspace)
    except BadFileName as exc:
        raise ImportFailed(str(exc)) from exc
    history.keep_files(admin, prefix, config.data_dir, exchange_id, workspace)
    history.prune(
        admin, prefix, config.data_dir, settings["history_keep"], settings["history_days"]
    )
    files = catalog_files(workspace)
    if not files:
        raise ImportFailed("no XML files among the given paths")
    history.note(admin, prefix, exchange_id,
                 f"{'dry run' if dry_run_only else 'import'} of " + ", ".join(
                     f.relative_to(workspace).as_posix() for f in files))  # fmt: skip

    def step(name: str, percent: int) -> None:
        if kind == "catalog":
            lease.acquire(admin, prefix, lease.CATALOG, key, key, "")  # the heartbeat
        history.update(admin, prefix, exchange_id, progress=percent)
        if on_step is not None:
            on_step(name, percent)

    changes = None
    if kind == "sale":
        results = _orders(work, prefix, settings, workspace, files, dry_run_only, config)
    elif dry_run_only:
        results, changes = analyse_files(work, prefix, settings, workspace, files, on_step=step)
    else:
        results = run_files(work, prefix, settings, workspace, files, config.xcart_root,
                            on_step=step)  # fmt: skip
    for r in results:
        status = history.ANALYSED if dry_run_only and r.status == history.SUCCESS else r.status
        history.record_file(admin, prefix, exchange_id, r.name, r.path, status, r.counts,
                            r.warnings)  # fmt: skip
    failed = next((r for r in results if r.status != history.SUCCESS), None)
    history.update(
        admin, prefix, exchange_id, progress=100,
        status=history.FAILED if failed else history.SUCCESS,
        message=failed.error if failed else "",
        analysis=changes.as_dict() if changes else None,
    )  # fmt: skip
    history.note(admin, prefix, exchange_id, "failed: " + failed.error if failed else "done")
    return Outcome(exchange_id, results, changes)


def _orders(conn, prefix, settings, workspace, files, dry_run_only, config) -> list[FileResult]:
    """Order documents from 1C, as sale/import applies them (a replay of a sale exchange)."""
    results = []
    for path in files:
        name = path.relative_to(workspace).as_posix()
        try:
            if dry_run_only:
                with dry_run(conn, prefix) as (dry, _):
                    outcome = order_changes.apply_file(dry, prefix, settings, path)  # type: ignore[arg-type]
            else:
                side = locate(conn, prefix, config, settings)
                outcome = order_changes.apply_file(conn, prefix, settings, path, side)
        except ValueError as exc:  # CommerceMLError
            results.append(FileResult(name, path, history.FAILED, error=f"{name}: {exc}"))
            break
        results.append(FileResult(name, path, history.SUCCESS, dict(outcome.counts),
                                  outcome.warnings))  # fmt: skip
    return results


def replay(config: Config, exchange_id: int, *, dry_run_only: bool = False,
           on_step: Callable[[str, int], None] | None = None) -> Outcome:  # fmt: skip
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
    return run_import(config, [kept], dry_run_only=dry_run_only, source="replay",
                      replay_of=exchange_id, kind=exchange.kind, on_step=on_step)  # fmt: skip


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())
