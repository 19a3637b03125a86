"""Import jobs: one row per (session, file) with the position the import reached. The position
is written in the same transaction as the batch it follows, so after a crash the next call
resumes exactly after the last committed batch."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

import pymysql

from . import own_table

RUNNING, DONE, FAILED = "running", "done", "failed"


@dataclass
class Job:
    id: int
    filename: str
    status: str
    position: int
    counts: dict[str, int] = field(default_factory=dict)
    message: str = ""
    started_us: int = 0


def _table(prefix: str) -> str:
    return own_table(prefix, "import_jobs")


def get_or_create(conn: pymysql.Connection, prefix: str, session_id: int, filename: str) -> Job:
    now = int(time.time())
    with conn.cursor() as cur:
        cur.execute(
            f"INSERT IGNORE INTO {_table(prefix)} (session_id, filename, status, position, counts,"
            " message, created_at, updated_at, started_us)"
            " VALUES (%s, %s, %s, 0, '{}', '', %s, %s, %s)",
            (session_id, filename, RUNNING, now, now, time.time_ns() // 1000),
        )
        cur.execute(
            f"SELECT id, filename, status, position, counts, message, started_us"
            f" FROM {_table(prefix)}"
            " WHERE session_id = %s AND filename = %s",
            (session_id, filename),
        )
        jid, name, status, position, counts, message, created = cur.fetchone()
    conn.commit()
    return Job(jid, name, status, position, json.loads(counts), message, created)


def save(cur: pymysql.cursors.Cursor, prefix: str, job: Job) -> None:
    """Record progress inside the caller's transaction."""
    cur.execute(
        f"UPDATE {_table(prefix)} SET status = %s, position = %s, counts = %s, message = %s,"
        " updated_at = %s WHERE id = %s",
        (job.status, job.position, json.dumps(job.counts), job.message, int(time.time()), job.id),
    )


def forget_session_jobs(conn: pymysql.Connection, prefix: str, session_id: int) -> None:
    """A new exchange (init) starts every file afresh."""
    with conn.cursor() as cur:
        cur.execute(f"DELETE FROM {_table(prefix)} WHERE session_id = %s", (session_id,))
    conn.commit()
