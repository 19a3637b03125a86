"""Exchange sessions in the database: a random token given to 1C at checkauth (as a cookie and
as `sessid`), stored only as its SHA-256, so a leaked table does not open an exchange."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

import pymysql

from . import own_table


@dataclass(frozen=True)
class Session:
    id: int
    login: str
    expires_at: int
    cml_version: str = ""  # what 1C sent at init; none means the old order protocol
    client: str = ""  # the address checkauth came from
    exchange_type: str = ""  # "catalog" or "sale"


def _table(prefix: str) -> str:
    return own_table(prefix, "sessions")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def open_session(
    conn: pymysql.Connection, prefix: str, login: str, client: str, ttl: int, exchange_type: str
) -> tuple[str, Session]:
    token = secrets.token_urlsafe(32)
    now = int(time.time())
    with conn.cursor() as cur:
        cur.execute(
            f"INSERT INTO {_table(prefix)} (token_hash, login, client, created_at, expires_at,"
            " exchange_type) VALUES (%s, %s, %s, %s, %s, %s)",
            (_hash(token), login, client[:64], now, now + ttl, exchange_type),
        )
        sid = cur.lastrowid
    conn.commit()
    return token, Session(sid, login, now + ttl, "", client[:64], exchange_type)


def find_session(conn: pymysql.Connection, prefix: str, token: str, ttl: int) -> Session | None:
    """The live session for a token, its lifetime renewed (1C may import for hours)."""
    if not token:
        return None
    now = int(time.time())
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT {_FIELDS} FROM {_table(prefix)} WHERE token_hash = %s AND expires_at > %s",
            (_hash(token), now),
        )
        row = cur.fetchone()
        if row is None:
            return None
        cur.execute(
            f"UPDATE {_table(prefix)} SET expires_at = %s, last_call_at = %s WHERE id = %s",
            (now + ttl, now, row[0]),
        )
    conn.commit()
    return _session(row, now + ttl)


_FIELDS = "id, login, cml_version, client, exchange_type, expires_at"


def _session(row: tuple, expires_at: int | None = None) -> Session:
    sid, login, version, client, kind, expires = row
    return Session(sid, login, expires if expires_at is None else expires_at, version, client, kind)


def get(conn: pymysql.Connection, prefix: str, session_id: int) -> Session | None:
    with conn.cursor() as cur:
        cur.execute(f"SELECT {_FIELDS} FROM {_table(prefix)} WHERE id = %s", (session_id,))
        row = cur.fetchone()
    conn.commit()
    return _session(row) if row else None


def last_of_type(conn: pymysql.Connection, prefix: str, exchange_type: str) -> Session | None:
    """The latest session 1C opened for `exchange_type` that is still kept."""
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT {_FIELDS} FROM {_table(prefix)} WHERE exchange_type = %s"
            " ORDER BY id DESC LIMIT 1",
            (exchange_type,),
        )
        row = cur.fetchone()
    conn.commit()
    return _session(row) if row else None


def expired_session_ids(conn: pymysql.Connection, prefix: str) -> list[int]:
    with conn.cursor() as cur:
        cur.execute(f"SELECT id FROM {_table(prefix)} WHERE expires_at <= %s", (int(time.time()),))
        return [r[0] for r in cur.fetchall()]


def delete_sessions(conn: pymysql.Connection, prefix: str, ids: list[int]) -> None:
    if not ids:
        return
    with conn.cursor() as cur:
        cur.executemany(f"DELETE FROM {_table(prefix)} WHERE id = %s", [(i,) for i in ids])
        cur.executemany(
            f"DELETE FROM {own_table(prefix, 'import_jobs')} WHERE session_id = %s",
            [(i,) for i in ids],
        )
    conn.commit()


def start_exchange(conn: pymysql.Connection, prefix: str, session_id: int) -> None:
    """init: a new exchange in the session, nothing uploaded or imported yet."""
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET uploaded_at = 0, upload_whole = 0, import_called = 0,"
            " background = '', uploads = 0, claimed_uploads = 0 WHERE id = %s",
            (session_id,),
        )
    conn.commit()


def mark_upload(conn: pymysql.Connection, prefix: str, session_id: int, *, whole: bool) -> None:
    """A catalog file part arrived; `whole` when it was shorter than file_limit (a part as
    long as file_limit may have more parts after it). An upload the background import found
    incomplete or had imported is looked at again (its files already imported are not
    imported again: their import jobs are done)."""
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET uploaded_at = %s, upload_whole = %s,"
            " uploads = uploads + 1,"
            " background = IF(background IN ('incomplete', 'done'), '', background)"
            " WHERE id = %s",
            (int(time.time()), int(whole), session_id),
        )
    conn.commit()


def mark_import(conn: pymysql.Connection, prefix: str, session_id: int) -> None:
    """1C asked to import: its upload is never imported in the background."""
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET import_called = 1 WHERE id = %s AND import_called = 0",
            (session_id,),
        )
    conn.commit()


def uploads_left(
    conn: pymysql.Connection, prefix: str, quiet_before: int, stale_before: int
) -> list[int]:
    """Live catalog sessions with files uploaded, no import asked for, no call since
    `quiet_before`, and no background run yet, or one silent since `stale_before` (its
    worker died)."""
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT id FROM {_table(prefix)} WHERE exchange_type = 'catalog'"
            " AND uploaded_at > 0 AND import_called = 0"
            " AND (background = '' OR (background = 'running' AND background_at < %s))"
            " AND last_call_at <= %s AND uploaded_at <= %s AND expires_at > %s ORDER BY id",
            (stale_before, quiet_before, quiet_before, int(time.time())),
        )
        found = [r[0] for r in cur.fetchall()]
    conn.commit()
    return found


def claim_upload(
    conn: pymysql.Connection, prefix: str, session_id: int, now: int, stale_before: int
) -> bool:
    """Take the upload of a session for the background import: true for the one caller that
    changed it; never after 1C asked to import, never while another run beats."""
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET background = 'running', background_at = %s,"
            " claimed_uploads = uploads WHERE id = %s AND import_called = 0"
            " AND (background = '' OR (background = 'running' AND background_at < %s))",
            (now, session_id, stale_before),
        )
        claimed = cur.rowcount == 1
    conn.commit()
    return claimed


def beat(conn: pymysql.Connection, prefix: str, session_id: int, now: int) -> None:
    """The background run of the session is alive."""
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET background_at = %s WHERE id = %s", (now, session_id)
        )
    conn.commit()


def set_background(conn: pymysql.Connection, prefix: str, session_id: int, state: str) -> None:
    """The background import's end: "done", "failed", or "waiting" (not complete yet)."""
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET background = %s WHERE id = %s", (state, session_id)
        )
    conn.commit()


def finish_background(conn: pymysql.Connection, prefix: str, session_id: int, state: str) -> None:
    """The background run's end (`state`), unless a part arrived since it claimed the upload:
    then the upload is looked at again."""
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET background = IF(uploads <> claimed_uploads, '', %s)"
            " WHERE id = %s",
            (state, session_id),
        )
    conn.commit()


def upload_whole(conn: pymysql.Connection, prefix: str, session_id: int) -> bool:
    with conn.cursor() as cur:
        cur.execute(f"SELECT upload_whole FROM {_table(prefix)} WHERE id = %s", (session_id,))
        row = cur.fetchone()
    conn.commit()
    return bool(row and row[0])


def set_version(conn: pymysql.Connection, prefix: str, session_id: int, version: str) -> None:
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET cml_version = %s WHERE id = %s",
            (version[:16], session_id),
        )
    conn.commit()


FAILURE_WINDOW = 600  # seconds over which failed logins are counted


def _failures(prefix: str) -> str:
    return own_table(prefix, "login_failures")


def recent_failures(conn: pymysql.Connection, prefix: str, client: str) -> int:
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT COUNT(*) FROM {_failures(prefix)} WHERE client = %s AND failed_at > %s",
            (client[:64], int(time.time()) - FAILURE_WINDOW),
        )
        count = cur.fetchone()[0]
    conn.commit()
    return count


def record_failure(conn: pymysql.Connection, prefix: str, client: str) -> None:
    now = int(time.time())
    with conn.cursor() as cur:
        cur.execute(
            f"DELETE FROM {_failures(prefix)} WHERE failed_at <= %s", (now - FAILURE_WINDOW,)
        )
        cur.execute(
            f"INSERT INTO {_failures(prefix)} (client, failed_at) VALUES (%s, %s)",
            (client[:64], now),
        )
    conn.commit()
