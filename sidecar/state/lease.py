"""Who is writing the catalog now: one exchange at a time per shop, across workers and
instances (a row in the shared database), so two 1C bases, or 1C and an admin's
`xc1c import`, never interleave their files. A holder that stops calling for
`STALE_SECONDS` (a 1C that crashed, a killed process) is taken over, and so is one of the
same owner (login and address): a 1C base never runs two exchanges with itself, so its new
exchange replaces the one it left without `complete`."""

from __future__ import annotations

import time
from dataclasses import dataclass

import pymysql

from ..db import transaction
from . import own_table

STALE_SECONDS = 300
CATALOG = "catalog"


@dataclass(frozen=True)
class Holder:
    key: str  # "session:<id>" or "cli:<host>:<pid>"
    owner: str  # "<login>@<address>" for 1C, the key itself for the CLI
    description: str  # for the busy message: who, from where, since when
    acquired_at: int
    heartbeat_at: int


def _table(prefix: str) -> str:
    return own_table(prefix, "leases")


def acquire(
    conn: pymysql.Connection,
    prefix: str,
    name: str,
    key: str,
    owner: str,
    description: str,
    stale_seconds: int = STALE_SECONDS,
) -> Holder | None:
    """Take or renew the lease; returns None when we hold it, else the live other holder."""
    now = int(time.time())
    with transaction(conn) as cur:
        cur.execute(
            f"INSERT IGNORE INTO {_table(prefix)} (name, holder, owner, description,"
            " acquired_at, heartbeat_at) VALUES (%s, '', '', '', 0, 0)",
            (name,),
        )
        cur.execute(
            f"SELECT holder, owner, description, acquired_at, heartbeat_at FROM {_table(prefix)}"
            " WHERE name = %s FOR UPDATE",
            (name,),
        )
        holder, held_owner, held_by, acquired, heartbeat = cur.fetchone()
        live = holder and heartbeat > now - stale_seconds
        if live and holder != key and held_owner != owner:
            return Holder(holder, held_owner, held_by, acquired, heartbeat)
        if holder != key:
            acquired = now
        cur.execute(
            f"UPDATE {_table(prefix)} SET holder = %s, owner = %s, description = %s,"
            " acquired_at = %s, heartbeat_at = %s WHERE name = %s",
            (key, owner, description, acquired, now, name),
        )
    return None


def release(conn: pymysql.Connection, prefix: str, name: str, key: str) -> None:
    with transaction(conn) as cur:
        cur.execute(
            f"UPDATE {_table(prefix)} SET holder = '', heartbeat_at = 0"
            " WHERE name = %s AND holder = %s",
            (name, key),
        )


def busy_message(holder: Holder) -> str:
    since = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(holder.acquired_at))
    return (
        f"the catalog exchange is busy: {holder.description} is running since {since};"
        f" try again later (a holder silent for {STALE_SECONDS} s is taken over)"
    )
