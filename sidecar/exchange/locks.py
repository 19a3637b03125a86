"""Who may write now: the catalog lease (one catalog exchange per shop, a row in the shared
database, renewed on every call) and two MariaDB named locks (one catalog import step at a
time; one orders exchange at a time), held across workers and instances. Each refuses with
`Busy`, the one error a caller turns into `failure` or, for a step, into `progress`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pymysql

from ..config import Config
from ..db import advisory_lock
from ..errors import Busy
from ..state import lease

# How long an orders exchange waits for the one before it (1C's call times out at 180 s).
ORDERS_WAIT_SECONDS = 30


def session_key(session_id: int) -> str:
    """The lease holder of a 1C session."""
    return f"session:{session_id}"


def hold_catalog(
    conn: pymysql.Connection, prefix: str, key: str, owner: str, description: str
) -> None:
    """Take or renew the catalog lease, or raise Busy while another exchange holds it."""
    other = lease.acquire(conn, prefix, lease.CATALOG, key, owner, description)
    if other is not None:
        raise Busy(lease.busy_message(other))


def release_catalog(conn: pymysql.Connection, prefix: str, key: str) -> None:
    lease.release(conn, prefix, lease.CATALOG, key)


@contextmanager
def catalog_lease(
    conn: pymysql.Connection, prefix: str, key: str, owner: str, description: str
) -> Iterator[None]:
    """The lease for the length of a run that is not 1C's (whose lease lasts from its first
    call to `complete` or until it goes silent)."""
    hold_catalog(conn, prefix, key, owner, description)
    try:
        yield
    finally:
        release_catalog(conn, prefix, key)


def import_lock_name(config: Config) -> str:
    return f"xc1c:{config.db.database}:{config.table_prefix}:catalog-import"


def orders_lock_name(config: Config) -> str:
    return f"xc1c:{config.db.database}:{config.table_prefix}:orders"


@contextmanager
def import_lock(conn: pymysql.Connection, config: Config) -> Iterator[None]:
    """One catalog write at a time per shop; not waited for (1C repeats on `progress`)."""
    with advisory_lock(conn, import_lock_name(config)) as got:
        if not got:
            raise Busy("another import step is running, waiting")
        yield


@contextmanager
def orders_lock(
    conn: pymysql.Connection, config: Config, wait_seconds: float | None = None
) -> Iterator[None]:
    """One orders exchange at a time per shop: order changes applied, retried or sent."""
    wait = ORDERS_WAIT_SECONDS if wait_seconds is None else wait_seconds
    with advisory_lock(conn, orders_lock_name(config), wait) as got:
        if not got:
            raise Busy("another orders exchange is running, try again later")
        yield
