"""Catalog uploads 1C never asks to import. With its node's «Выгружать файлы без ожидания
подтверждения импорта сервером» 1C sends checkauth, init and the files, and no `mode=import`
(../shared/reference/onec-client.md, Catalog). Such an upload is imported here, as an exchange
with no HTTP request: the same import steps (step_seconds each), lease, history and status
page as when 1C asks.

When is an upload complete? Nothing from 1C says so. It is taken as complete when all of:
- the session has made no call for `quiet_seconds` (Config.upload_quiet_seconds, 300 unless
  XC1C_UPLOAD_QUIET_SECONDS says otherwise: longer than 1C's 180-second call timeout, so no
  call of that session can still be streaming a part in, and as long as the catalog lease
  takes to go stale);
- its last part was shorter than file_limit (1C cuts a file into parts of exactly file_limit
  bytes; only the last is shorter);
- every archive reads whole (each entry's CRC checked) and every XML file ends with the
  closing tag of its root (a file cut off ends elsewhere).
An upload failing the last two checks is left "incomplete" until a new part arrives.

Never for a session where 1C called import (sessions.mark_import), never twice: a session is
claimed by one conditional UPDATE, which only one caller wins; a run beats after every step,
and one silent for STALE_SECONDS (its worker was recycled or killed) is taken over and
resumes where its import jobs stand. Sweeps run from a thread of each gunicorn worker every
Config.sweep_seconds (deploy/gunicorn.conf.py) and from `xc1c run-pending` (cron, or a
server without that thread); a MariaDB named lock lets one sweep at a time work, the others
return."""

from __future__ import annotations

import logging
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

import pymysql

from ..catalog.run import catalog_files
from ..commerceml.reader import ends_complete, skip_bom
from ..config import Config
from ..db import advisory_lock, connect
from ..errors import Busy, XC1CError
from ..settings import read_settings
from ..state import sessions
from . import catalog, locks, upload
from .run import Run

log = logging.getLogger("xc1c.exchange")

# A background run that has not beaten for this long died with its worker (a recycled or
# restarted worker ends its threads): another sweep takes it over, resuming its import jobs.
# Longer than the longest import step (step_seconds is at most 240).
STALE_SECONDS = 300
DONE, FAILED, INCOMPLETE = "done", "failed", "incomplete"
BUSY = "busy"  # another exchange holds the catalog: tried again at the next sweep


@dataclass
class Imported:
    session_id: int
    exchange_id: int | None
    status: str  # DONE, FAILED, INCOMPLETE or BUSY
    message: str = ""


def sweep_lock_name(config: Config) -> str:
    return f"xc1c:{config.db.database}:{config.table_prefix}:pending-uploads"


def run_pending(
    config: Config,
    *,
    now: float | None = None,
    quiet_seconds: int | None = None,
    wait: Callable[[float], None] = time.sleep,
) -> list[Imported]:
    """Import every upload left without an import call for `quiet_seconds` before `now`.
    Returns what was done; nothing when another sweep is working."""
    clock = int(time.time() if now is None else now)
    quiet = config.upload_quiet_seconds if quiet_seconds is None else quiet_seconds
    quiet_before, stale_before = clock - quiet, clock - STALE_SECONDS
    conn = connect(config.db)
    try:
        with advisory_lock(conn, sweep_lock_name(config)) as got:
            if not got:
                return []
            prefix = config.table_prefix
            done = []
            for session_id in sessions.uploads_left(conn, prefix, quiet_before, stale_before):
                if sessions.claim_upload(conn, prefix, session_id, clock, stale_before):
                    done.append(_import_session(config, conn, session_id, clock, wait))
            return done
    finally:
        conn.close()


def incomplete(run: Run) -> str:
    """Why the session's upload does not look complete; empty when it does."""
    if not sessions.upload_whole(run.conn, run.prefix, run.session_id):
        return "its last part was as long as file_limit: more parts may follow"
    if not run.directory.is_dir():
        return "no files"
    for path in sorted(run.directory.iterdir()):
        if path.is_file() and upload.is_archive(path):
            try:
                with zipfile.ZipFile(path) as zf:
                    bad = zf.testzip()
            except (zipfile.BadZipFile, OSError) as exc:
                return f"{path.name} is not a whole zip archive ({exc})"
            if bad is not None:
                return f"{path.name}: entry {bad} does not read whole"
    for path in catalog_files(run.directory):
        with path.open("rb") as stream:
            skip_bom(stream)
            if not ends_complete(stream):
                return f"{path.relative_to(run.directory).as_posix()} is cut off"
    return ""


def _import_session(
    config: Config,
    conn: pymysql.Connection,
    session_id: int,
    clock: int,
    wait: Callable[[float], None],
) -> Imported:
    prefix = config.table_prefix
    session = sessions.get(conn, prefix, session_id)
    assert session is not None
    run = Run.of_session(config, conn, read_settings(conn, prefix), session, session.client)
    why = incomplete(run)
    if why:
        log.info("upload of session %s left: it does not look complete: %s", session_id, why)
        sessions.finish_background(conn, prefix, session_id, INCOMPLETE)
        return Imported(session_id, run.exchange_id, INCOMPLETE, why)
    name = ""  # the file being imported, for the failure's record
    try:
        upload.unpack_archives(run.directory)
        names = [p.relative_to(run.directory).as_posix() for p in catalog_files(run.directory)]
        if not names:
            sessions.finish_background(conn, prefix, session_id, INCOMPLETE)
            return Imported(session_id, run.exchange_id, INCOMPLETE, "no XML file was uploaded")
        run.note(f"no import was asked for {', '.join(names)}: imported in the background")
        log.info("background import: session=%s files=%s", session_id, names)
        began = time.monotonic()
        for name in names:
            while not (answer := catalog.import_file(run, name, asked=False)).done:
                if answer.waiting:
                    wait(1)
                # The sweep's clock moved on by the time the steps took.
                sessions.beat(conn, prefix, session_id, clock + int(time.monotonic() - began))
    except Busy as exc:
        sessions.set_background(conn, prefix, session_id, "")
        log.info("background import of session %s waits: %s", session_id, exc)
        return Imported(session_id, run.exchange_id, BUSY, str(exc))
    except (XC1CError, OSError) as exc:
        run.fail("background import", str(exc), name)
        sessions.set_background(conn, prefix, session_id, FAILED)
        log.warning("background import failed: session=%s: %s", session_id, exc)
        return Imported(session_id, run.exchange_id, FAILED, str(exc))
    finally:
        locks.release_catalog(conn, run.prefix, locks.session_key(session_id))  # its space
    sessions.finish_background(conn, prefix, session_id, DONE)
    run.note("background import done")
    return Imported(session_id, run.exchange_id, DONE)


def start_sweeper(config: Config) -> threading.Thread | None:
    """A daemon thread sweeping every `config.sweep_seconds` for the life of the process
    (none when that is 0)."""
    if config.sweep_seconds <= 0:
        return None

    def sweep() -> None:
        while True:
            time.sleep(config.sweep_seconds)
            try:
                run_pending(config)
            except Exception:  # the thread must outlive a database that is down
                log.exception("the sweep for uploads left without import failed")

    thread = threading.Thread(target=sweep, name="xc1c-pending-uploads", daemon=True)
    thread.start()
    return thread
