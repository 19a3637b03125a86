"""The history of exchanges: who, when, which files (size, SHA-256, kept for download and
replay), what each file changed, warnings, errors, the result, and a log of the calls. Kept in
the sidecar's tables so that the status page, `xc1c history` and `xc1c replay` can answer
"what did the last exchange change, and what failed" without anyone reading server logs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymysql

from ..db import placeholders, transaction
from . import own_table

RUNNING, SUCCESS, FAILED = "running", "success", "failed"
# File statuses beside success/failed: read in a dry run; sent by the sidecar to 1C (also the
# folder of those files in the exchange directory).
ANALYSED, SENT = "analysed", "sent"
MAX_LOG = 256 * 1024  # a log longer than this keeps its end
MAX_ROWS = 1000  # exchanges remembered at all (their files go much sooner)


@dataclass
class FileRecord:
    name: str
    size: int
    sha256: str
    status: str
    counts: dict[str, int]
    warnings: list[str]


@dataclass
class Exchange:
    id: int
    session_id: int | None
    kind: str
    source: str
    login: str
    client: str
    dry_run: bool
    replay_of: int | None
    started_at: int
    updated_at: int
    finished_at: int | None
    status: str
    progress: int
    counts: dict[str, int]
    message: str
    analysis: dict[str, Any]
    files_kept: bool
    files: list[FileRecord] = field(default_factory=list)

    @property
    def totals(self) -> Counter:
        """The exchange's own counts plus every file's."""
        total = Counter(self.counts)
        for f in self.files:
            total.update(f.counts)
        return total


def _t(prefix: str, name: str) -> str:
    return own_table(prefix, name)


_COLUMNS = (
    "id, session_id, kind, source, login, client, dry_run, replay_of, started_at, updated_at,"
    " finished_at, status, progress, counts, message, analysis, files_kept"
)


def begin(
    conn: pymysql.Connection,
    prefix: str,
    *,
    kind: str,
    source: str,
    login: str = "",
    client: str = "",
    session_id: int | None = None,
    dry_run: bool = False,
    replay_of: int | None = None,
) -> int:
    now = int(time.time())
    with transaction(conn) as cur:
        cur.execute(
            f"INSERT INTO {_t(prefix, 'exchanges')} (session_id, kind, source, login, client,"
            " dry_run, replay_of, started_at, updated_at, status, counts, message, analysis, log)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, '{}', '', '{}', '')",
            (
                session_id,
                kind,
                source,
                login[:255],
                client[:255],
                int(dry_run),
                replay_of,
                now,
                now,
                RUNNING,
            ),
        )
        return cur.lastrowid


def for_session(conn: pymysql.Connection, prefix: str, session_id: int) -> int | None:
    with transaction(conn) as cur:
        cur.execute(
            f"SELECT id FROM {_t(prefix, 'exchanges')} WHERE session_id = %s", (session_id,)
        )
        row = cur.fetchone()
    return row[0] if row else None


def note(conn: pymysql.Connection, prefix: str, exchange_id: int, line: str) -> None:
    """Append a line to the exchange's log (what the call did; never a secret)."""
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    with transaction(conn) as cur:
        cur.execute(
            f"UPDATE {_t(prefix, 'exchanges')} SET log = RIGHT(CONCAT(log, %s), %s),"
            " updated_at = %s WHERE id = %s",
            (f"{stamp} {line}\n", MAX_LOG, int(time.time()), exchange_id),
        )


def update(
    conn: pymysql.Connection,
    prefix: str,
    exchange_id: int,
    *,
    status: str | None = None,
    message: str | None = None,
    progress: int | None = None,
    counts: dict[str, int] | None = None,
    analysis: dict[str, Any] | None = None,
    dry_run: bool | None = None,
) -> None:
    """Change what is given; `success` and `failed` also set the finishing time. `counts` are
    added to the exchange's own counts."""
    sets, args = ["updated_at = %s"], [int(time.time())]
    if status is not None:
        sets.append("status = %s")
        args.append(status)
        sets.append("finished_at = %s")
        args.append(None if status == RUNNING else int(time.time()))
    for column, value in (("message", message), ("progress", progress)):
        if value is not None:
            sets.append(f"{column} = %s")
            args.append(value)
    if analysis is not None:
        sets.append("analysis = %s")
        args.append(json.dumps(analysis, ensure_ascii=False))
    if dry_run is not None:
        sets.append("dry_run = %s")
        args.append(int(dry_run))
    with transaction(conn) as cur:
        if counts:
            cur.execute(
                f"SELECT counts FROM {_t(prefix, 'exchanges')} WHERE id = %s FOR UPDATE",
                (exchange_id,),
            )
            total = Counter(json.loads(cur.fetchone()[0]))
            total.update(counts)
            sets.append("counts = %s")
            args.append(json.dumps(dict(total)))
        cur.execute(
            f"UPDATE {_t(prefix, 'exchanges')} SET {', '.join(sets)} WHERE id = %s",
            (*args, exchange_id),
        )


def record_file(
    conn: pymysql.Connection,
    prefix: str,
    exchange_id: int,
    name: str,
    path: Path,
    status: str,
    counts: dict[str, int],
    warnings: list[str],
) -> None:
    """What one file was (size, SHA-256) and what its import did."""
    size, digest = 0, ""
    if path.is_file():
        size = path.stat().st_size
        with path.open("rb") as fh:
            digest = hashlib.file_digest(fh, "sha256").hexdigest()
    with transaction(conn) as cur:
        cur.execute(
            f"REPLACE INTO {_t(prefix, 'exchange_files')} (exchange_id, name, size, sha256,"
            " status, counts, warnings) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            (
                exchange_id,
                name[:255],
                size,
                digest,
                status,
                json.dumps({k: v for k, v in counts.items() if not k.startswith("noted_")}),
                "\n".join(warnings),
            ),
        )


def get(conn: pymysql.Connection, prefix: str, exchange_id: int) -> Exchange | None:
    found = _load(conn, prefix, "WHERE id = %s", (exchange_id,))
    return found[0] if found else None


def recent(conn: pymysql.Connection, prefix: str, limit: int = 20) -> list[Exchange]:
    return _load(conn, prefix, "ORDER BY id DESC LIMIT %s", (limit,))


def log_text(conn: pymysql.Connection, prefix: str, exchange_id: int) -> str | None:
    with transaction(conn) as cur:
        cur.execute(f"SELECT log FROM {_t(prefix, 'exchanges')} WHERE id = %s", (exchange_id,))
        row = cur.fetchone()
    return row[0] if row else None


def _load(conn: pymysql.Connection, prefix: str, where: str, args: tuple) -> list[Exchange]:
    with transaction(conn) as cur:
        cur.execute(f"SELECT {_COLUMNS} FROM {_t(prefix, 'exchanges')} {where}", args)
        rows = cur.fetchall()
        found = [
            Exchange(*r[:6], bool(r[6]), *r[7:13], json.loads(r[13]), r[14], json.loads(r[15]),
                     bool(r[16]))
            for r in rows
        ]  # fmt: skip
        if found:
            ids = [e.id for e in found]
            cur.execute(
                f"SELECT exchange_id, name, size, sha256, status, counts, warnings"
                f" FROM {_t(prefix, 'exchange_files')}"
                f" WHERE exchange_id IN ({placeholders(ids)}) ORDER BY exchange_id, name",
                ids,
            )
            by_id = {e.id: e for e in found}
            for eid, name, size, digest, status, counts, warnings in cur.fetchall():
                by_id[eid].files.append(
                    FileRecord(
                        name,
                        size,
                        digest,
                        status,
                        json.loads(counts),
                        warnings.splitlines() if warnings else [],
                    )
                )
    return found


def files_dir(data_dir: Path, exchange_id: int) -> Path:
    return data_dir / "history" / f"exchange-{exchange_id}"


def keep_files(
    conn: pymysql.Connection, prefix: str, data_dir: Path, exchange_id: int, source: Path
) -> None:
    """Keep what 1C sent (XML and pictures) with the exchange, as hard links where the file
    system allows (no copy: the exchange directory is emptied at the next init)."""
    target = files_dir(data_dir, exchange_id)
    for path in source.rglob("*"):
        if not path.is_file():
            continue
        kept = target / path.relative_to(source)
        if kept.exists() and kept.stat().st_size == path.stat().st_size:
            continue
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.unlink(missing_ok=True)
        try:
            os.link(path, kept)
        except OSError:
            shutil.copy2(path, kept)
    with transaction(conn) as cur:
        cur.execute(
            f"UPDATE {_t(prefix, 'exchanges')} SET files_kept = 1 WHERE id = %s", (exchange_id,)
        )


def prune(conn: pymysql.Connection, prefix: str, data_dir: Path, keep: int, days: int) -> int:
    """Remove the files of all but the `keep` latest exchanges and of those older than `days`;
    forget exchanges beyond the last MAX_ROWS. Returns how many exchanges lost their files."""
    cutoff = int(time.time()) - days * 86400
    with transaction(conn) as cur:
        cur.execute(
            f"SELECT id, started_at FROM {_t(prefix, 'exchanges')} WHERE files_kept = 1"
            " ORDER BY id DESC"
        )
        rows = cur.fetchall()
    drop = [eid for n, (eid, started) in enumerate(rows) if n >= keep or started < cutoff]
    for eid in drop:
        shutil.rmtree(files_dir(data_dir, eid), ignore_errors=True)
    with transaction(conn) as cur:
        if drop:
            cur.execute(
                f"UPDATE {_t(prefix, 'exchanges')} SET files_kept = 0"
                f" WHERE id IN ({placeholders(drop)})",
                drop,
            )
        cur.execute(
            f"SELECT id FROM {_t(prefix, 'exchanges')} ORDER BY id DESC LIMIT %s, 1", (MAX_ROWS,)
        )
        row = cur.fetchone()
        if row:
            cur.execute(f"DELETE FROM {_t(prefix, 'exchange_files')} WHERE exchange_id <= %s", row)
            cur.execute(f"DELETE FROM {_t(prefix, 'exchanges')} WHERE id <= %s", row)
    return len(drop)


def source_known(conn: pymysql.Connection, prefix: str, classifier_id: str) -> bool:
    with transaction(conn) as cur:
        cur.execute(
            f"SELECT 1 FROM {_t(prefix, 'sources')} WHERE classifier_id = %s", (classifier_id,)
        )
        return cur.fetchone() is not None


def remember_source(
    conn: pymysql.Connection, prefix: str, classifier_id: str, exchange_id: int
) -> None:
    with transaction(conn) as cur:
        cur.execute(
            f"INSERT INTO {_t(prefix, 'sources')} (classifier_id, first_exchange_id, seen_at)"
            " VALUES (%s, %s, %s) ON DUPLICATE KEY UPDATE seen_at = VALUES(seen_at)",
            (classifier_id[:191], exchange_id, int(time.time())),
        )
