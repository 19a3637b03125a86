"""The catalog spaces of vendors with a 1C of their own (state.CATALOG_SPACE): made when a
vendor gets an exchange login, as copies of the shop's own catalog tables, and kept in step
with them by every later migration."""

from __future__ import annotations

import re

import pymysql

from ..db import quote_identifier
from . import CATALOG_SPACE, VendorPrefix, own_prefix, space_name

_OWN_NAME = re.compile(r"\{own\}(\w+)")


def spaces(cur: pymysql.cursors.Cursor, prefix: str) -> list[int]:
    """The vendors that have a catalog space (its Id map table tells)."""
    own = own_prefix(prefix)
    cur.execute(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
        " AND TABLE_NAME LIKE %s",
        (own.replace("_", "\\_") + "vendor%\\_id\\_map",),
    )
    found = (re.fullmatch(rf"{re.escape(own)}vendor(\d+)_id_map", r[0]) for r in cur.fetchall())
    return sorted(int(m.group(1)) for m in found if m)


def create_space(conn: pymysql.Connection, prefix: str, vendor: int) -> None:
    """A vendor's catalog tables, each like the shop's own (already migrated)."""
    space = VendorPrefix(prefix, vendor)
    with conn.cursor() as cur:
        for name in sorted(CATALOG_SPACE):
            cur.execute(
                f"CREATE TABLE IF NOT EXISTS {quote_identifier(space_name(space, name))}"
                f" LIKE {quote_identifier(space_name(prefix, name))}"
            )
    conn.commit()


def in_every_space(cur: pymysql.cursors.Cursor, prefix: str, statement: str) -> None:
    """Run a migration's statement on every vendor's space too, when it changes catalog
    tables only (a statement on any other table concerns the shop's one set)."""
    names = set(_OWN_NAME.findall(statement))
    if not names or not names <= CATALOG_SPACE:
        return
    for vendor in spaces(cur, prefix):
        space = VendorPrefix(prefix, vendor)
        cur.execute(_OWN_NAME.sub(lambda m, s=space: space_name(s, m.group(1)), statement))
