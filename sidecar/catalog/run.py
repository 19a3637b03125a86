"""Importing a set of files from start to end, outside 1C's HTTP steps: `xc1c import`,
`xc1c replay` and the analysis of a new 1C base's first exchange. The same CatalogImport does
the work as in the HTTP exchange, so counts and results are the same."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymysql

from ..errors import ImportFailed
from ..onec_client import exchange_order
from ..state import history, jobs
from .dry_run import Changes, dry_run
from .importer import CatalogImport

# A session id no 1C session has (they start at 1): jobs of imports run from the CLI.
CLI_SESSION = 0


@dataclass
class FileResult:
    name: str
    path: Path
    status: str  # "success" | "failed"
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    error: str = ""


def catalog_files(directory: Path) -> list[Path]:
    """The XML files 1C sent in an exchange directory (not those in sent/, which the sidecar
    sent to 1C), in the order 1C imports them."""
    found = [
        p for p in directory.rglob("*.xml")
        if p.is_file() and p.relative_to(directory).parts[0] != history.SENT
    ]  # fmt: skip
    return sorted(found, key=lambda p: exchange_order(p.relative_to(directory).as_posix()))


def run_files(
    conn: pymysql.Connection,
    prefix: str,
    settings: dict[str, Any],
    directory: Path,
    files: list[Path],
    xcart_root: Path | None,
    *,
    session_id: int = CLI_SESSION,
    on_step: Callable[[str, int], None] | None = None,
    clear_cache: bool = True,
) -> list[FileResult]:
    """Import each file to its end in steps of `step_seconds` (reported through `on_step`);
    a file that fails stops the run, as the files after it build on it."""
    jobs.forget_session_jobs(conn, prefix, session_id)
    results = []
    for path in files:
        name = path.relative_to(directory).as_posix()
        job = jobs.get_or_create(conn, prefix, session_id, name)
        importer = CatalogImport(conn, prefix, settings, directory, xcart_root, clear_cache)
        try:
            while True:
                step = importer.run_step(path, job, max(settings["step_seconds"], 1))
                if on_step is not None:
                    on_step(name, step.percent)
                if step.done:
                    break
        except ImportFailed as exc:
            results.append(
                FileResult(
                    name, path, "failed", dict(job.counts), job.message.splitlines(), str(exc)
                )
            )
            break
        results.append(
            FileResult(name, path, "success", dict(step.job.counts), step.job.message.splitlines())
        )
    return results


def analyse_files(
    conn: pymysql.Connection,
    prefix: str,
    settings: dict[str, Any],
    directory: Path,
    files: list[Path],
    *,
    session_id: int = CLI_SESSION,
    on_step: Callable[[str, int], None] | None = None,
) -> tuple[list[FileResult], Changes]:
    """The same run, rolled back: what it would do, and nothing done. Photos go to a
    temporary directory instead of the shop's."""
    with (
        tempfile.TemporaryDirectory(prefix="xc1c-dry-run-") as images,
        dry_run(conn, prefix, settings) as (dry, changes),
    ):
        results = run_files(
            dry,
            prefix,
            {**settings, "images_path": images},
            directory,
            files,
            None,  # type: ignore[arg-type]
            session_id=session_id,
            on_step=on_step,
            clear_cache=False,
        )
    return results, changes
