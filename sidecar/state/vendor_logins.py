"""The exchange logins of vendors with a 1C of their own (a multi-vendor shop). Kept in the
sidecar's own table, not as X-Cart keeps a vendor's settings: X-Cart's config table keeps one
row per option name and category (its unique key `nc` has no vendor in it), so a vendor's
login and password cannot sit beside the store owner's under the module's category. The
password is kept as a salted PBKDF2 hash: the sidecar only ever compares it."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

import pymysql

from ..db import transaction
from . import own_table

_ROUNDS = 200_000
# Compared against when the login is unknown, so a refusal takes as long either way.
_DUMMY = f"pbkdf2_sha256${_ROUNDS}${'0' * 32}${'0' * 64}"


@dataclass(frozen=True)
class VendorLogin:
    login: str
    vendor_id: int  # the vendor's X-Cart profile
    created_at: int


def _table(prefix: str) -> str:
    return own_table(prefix, "vendor_logins")


def _hash(password: str, salt: str, rounds: int = _ROUNDS) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), rounds)
    return f"pbkdf2_sha256${rounds}${salt}${digest.hex()}"


def _verify(password: str, stored: str) -> bool:
    try:
        _, rounds, salt, _ = stored.split("$")
        return hmac.compare_digest(_hash(password, salt, int(rounds)), stored)
    except ValueError:
        return False


def add(conn: pymysql.Connection, prefix: str, login: str, vendor_id: int, password: str) -> None:
    """A vendor's exchange login (its password replaced when the login exists)."""
    stored = _hash(password, secrets.token_hex(16))
    with transaction(conn) as cur:
        cur.execute(
            f"INSERT INTO {_table(prefix)} (login, vendor_id, password_hash, created_at)"
            " VALUES (%s, %s, %s, %s) ON DUPLICATE KEY UPDATE vendor_id = VALUES(vendor_id),"
            " password_hash = VALUES(password_hash)",
            (login, vendor_id, stored, int(time.time())),
        )


def remove(conn: pymysql.Connection, prefix: str, login: str) -> bool:
    with transaction(conn) as cur:
        cur.execute(f"DELETE FROM {_table(prefix)} WHERE login = %s", (login,))
        return cur.rowcount > 0


def all_logins(conn: pymysql.Connection, prefix: str) -> list[VendorLogin]:
    with transaction(conn) as cur:
        cur.execute(
            f"SELECT login, vendor_id, created_at FROM {_table(prefix)} ORDER BY vendor_id, login"
        )
        return [VendorLogin(*row) for row in cur.fetchall()]


def vendor_of(conn: pymysql.Connection, prefix: str, login: str) -> int | None:
    """The vendor whose exchange login this is; None for any other login (the store owner's)."""
    with transaction(conn) as cur:
        cur.execute(f"SELECT vendor_id FROM {_table(prefix)} WHERE login = %s", (login,))
        row = cur.fetchone()
    return None if row is None else int(row[0])


def check(conn: pymysql.Connection, prefix: str, login: str, password: str) -> int | None:
    """The vendor when `login` is a vendor's exchange login and `password` is its password."""
    with transaction(conn) as cur:
        cur.execute(
            f"SELECT vendor_id, password_hash FROM {_table(prefix)} WHERE login = %s", (login,)
        )
        row = cur.fetchone()
    ok = _verify(password, row[1] if row else _DUMMY)
    return int(row[0]) if row and ok and password else None
