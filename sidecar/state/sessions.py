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
    return token, Session(sid, login, now + ttl)


def find_session(conn: pymysql.Connection, prefix: str, token: str, ttl: int) -> Session | None:
    """The live session for a token, its lifetime renewed (1C may import for hours)."""
    if not token:
        return None
    now = int(time.time())
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT id, login, cml_version FROM {_table(prefix)}"
            " WHERE token_hash = %s AND expires_at > %s",
            (_hash(token), now),
        )
        row = cur.fetchone()
        if row is None:
            return None
        cur.execute(
            f"UPDATE {_table(prefix)} SET expires_at = %s WHERE id = %s", (now + ttl, row[0])
        )
    conn.commit()
    return Session(row[0], row[1], now + ttl, row[2])


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
