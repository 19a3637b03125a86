"""The catalog's steps of an exchange: a file imported a time-boxed step at a time, the first
exchange of a new 1C base only analysed, the end of a full package export (deactivate), and
the lease given back (complete). Every step renews the session's hold on the catalog and takes
the import lock; a step that finds the lock taken is repeated by 1C (`progress`)."""

from __future__ import annotations

import logging
from contextlib import ExitStack
from pathlib import Path

from ..catalog.deactivate import deactivate
from ..catalog.importer import CatalogImport
from ..catalog.run import analyse_files
from ..catalog.summary import summary
from ..commerceml.reader import CommerceMLError, peek_source
from ..errors import BadRequest, Busy, ImportFailed
from ..safepath import resolve_inside, safe_relative_path
from ..state import history, jobs, sessions
from . import locks, upload
from .run import Answer, Run

log = logging.getLogger("xc1c.exchange")

ANALYSIS_ONLY = (
    "analysis only, nothing was written: the first exchange from a new 1C base"
    " (setting first_exchange_dry_run); the next exchange writes"
)


def hold(run: Run) -> None:
    """Every catalog call but checkauth renews its session's hold on the catalog, or fails
    while another exchange holds it."""
    session = run.session
    assert session is not None
    description = (
        f"the 1C exchange of login {session.login!r} from {run.client} (session {session.id})"
    )
    locks.hold_catalog(
        run.conn,
        run.prefix,
        locks.session_key(session.id),
        f"{session.login}@{run.client}",
        description,
    )


def _import_lock(stack: ExitStack, run: Run, waiting: str) -> Answer | None:
    """The import lock entered on `stack`, or the `progress` answer when another step holds it."""
    try:
        stack.enter_context(locks.import_lock(run.conn, run.config))
    except Busy:
        return Answer([waiting], done=False, waiting=True)
    return None


def import_file(run: Run, name: str, *, asked: bool = True) -> Answer:
    """import: one step of the named file (its archive unpacked first), or of the analysis.
    `asked`: 1C asked for it (its upload is then never imported in the background)."""
    relative = safe_relative_path(name)
    hold(run)
    if asked:
        sessions.mark_import(run.conn, run.prefix, run.session_id)
    with ExitStack() as stack:
        if waiting := _import_lock(stack, run, f"{name}: another import step is running, waiting"):
            return waiting
        for archive in upload.unpack_archives(run.directory):
            run.note(f"unpacked {archive}")
        path = resolve_inside(run.directory, relative)
        if not path.is_file():
            raise BadRequest(f"{name}: no such file was uploaded in this exchange")
        if _analysis_only(run, path):
            return _analyse(run, path)
        job = jobs.get_or_create(run.conn, run.prefix, run.session_id, str(relative))
        importer = CatalogImport(
            run.conn, run.prefix, run.settings, run.directory, run.config.xcart_root
        )
        step = importer.run_step(path, job, run.settings["step_seconds"])
    if not step.done:
        log.info("import progress: session=%s file=%s %s%%", run.session_id, name, step.percent)
        run.record(progress=step.percent)
        return Answer([f"{name}: {step.percent}% done", *summary(step.job)[1:]], done=False)
    log.info(
        "import done: session=%s file=%s counts=%s rows by %s",
        run.session_id,
        name,
        step.job.counts,
        run.conn.write_path(),
    )
    lines = summary(step.job)
    run.file_done(path, history.SUCCESS, step.job.counts, step.job.message.splitlines())
    run.note("; ".join(lines))
    run.note(f"rows written by {run.conn.write_path()}")
    run.record(status=history.SUCCESS, progress=100)
    return Answer(lines)


def _analysis_only(run: Run, path: Path) -> bool:
    """Whether this exchange only analyses: it comes from a 1C base the shop has not seen (its
    classifier Ид, read from the head of its first file) and the setting asks for it."""
    if run.exchange_id is None:
        return False
    exchange = history.get(run.conn, run.prefix, run.exchange_id)
    if exchange is None or exchange.dry_run:
        return exchange is not None
    if exchange.files:
        return False
    try:
        with path.open("rb") as stream:
            source = peek_source(stream)
    except CommerceMLError:
        return False  # the import itself reports what is wrong with the file
    if not source:
        return False
    new = not history.source_known(run.conn, run.prefix, source)
    history.remember_source(run.conn, run.prefix, source, run.exchange_id)
    if new and run.settings["first_exchange_dry_run"]:
        run.record(dry_run=True)
        run.note(f"the first exchange from the new 1C base {source}: analysis only")
        return True
    return False


def _analyse(run: Run, path: Path) -> Answer:
    """Run every file of the exchange so far through the import, rolled back; report it."""
    assert run.exchange_id is not None
    exchange = history.get(run.conn, run.prefix, run.exchange_id)
    assert exchange is not None
    this = path.relative_to(run.directory).as_posix()
    earlier = [f.name for f in exchange.files if f.status == history.ANALYSED and f.name != this]
    files = [resolve_inside(run.directory, safe_relative_path(n)) for n in earlier] + [path]
    results, changes = analyse_files(
        run.conn, run.prefix, run.settings, run.directory, files, session_id=run.session_id
    )
    lines = [ANALYSIS_ONLY]
    for r in results:
        status = history.ANALYSED if r.status == history.SUCCESS else history.FAILED
        run.file_done(r.path, status, r.counts, r.warnings)
        job = jobs.Job(0, r.name, status, 0, r.counts, "\n".join(r.warnings))
        lines += summary(job)
    lines += changes.lines()
    failed = next((r for r in results if r.status != history.SUCCESS), None)
    run.record(
        analysis=changes.as_dict(),
        progress=100,
        status=history.FAILED if failed else history.SUCCESS,
        message=failed.error if failed else "",
    )
    run.note("; ".join(lines[:3]))
    if failed:
        raise ImportFailed(failed.error)
    return Answer(lines)


def end_of_export(run: Run, since: int) -> Answer:
    """deactivate: in overwrite mode, what 1C has not sent since `since` (the checkauth time)
    is removed."""
    hold(run)
    with ExitStack() as stack:
        if waiting := _import_lock(stack, run, "another import step is running, waiting"):
            return waiting
        counts = deactivate(
            run.conn, run.prefix, run.settings, run.directory, run.config.xcart_root, since
        )
    run.record(counts={k: v for k, v in counts.items() if k.endswith(("_disabled", "_deleted"))})
    run.note(f"deactivate: {counts or 'nothing removed'}")
    if run.settings["catalog_mode"] != "overwrite":
        return Answer(["update mode: a full export removes nothing"])
    removed_p = counts.get("products_disabled", 0) + counts.get("products_deleted", 0)
    removed_c = counts.get("categories_disabled", 0) + counts.get("categories_deleted", 0)
    log.info(
        "deactivate: session=%s products=%s categories=%s", run.session_id, removed_p, removed_c
    )
    return Answer([f"removed: {removed_p} products, {removed_c} categories"])


def complete(run: Run) -> Answer:
    """complete: the session gives the catalog back."""
    locks.release_catalog(run.conn, run.prefix, locks.session_key(run.session_id))
    run.note("complete")
    return Answer(["exchange complete"])
