"""Shop-wide facts the writers need: languages, memberships, core config values, and the
cache-invalidation rows X-Cart bumps after every flush."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import pymysql

from .schema import Schema

CONFIG_CATEGORY_GENERAL = "General"


def enabled_languages(cur: pymysql.cursors.Cursor, schema: Schema) -> list[str]:
    """Codes of the shop's enabled languages, default language first: a translation row is
    written for each so the product shows whatever language the customer picks."""
    cur.execute(f"SELECT code FROM {schema.table('languages')} WHERE enabled = 1 ORDER BY lng_id")
    codes = [r[0] for r in cur.fetchall()]
    default = config_value(cur, schema, CONFIG_CATEGORY_GENERAL, "default_language") or "en"
    if default in codes:
        codes.remove(default)
    return [default, *codes]


def config_value(
    cur: pymysql.cursors.Cursor, schema: Schema, category: str, name: str
) -> str | None:
    cur.execute(
        f"SELECT value FROM {schema.table('config')} WHERE category = %s AND name = %s",
        (category, name),
    )
    row = cur.fetchone()
    return None if row is None else row[0]


def bump_entity_versions(
    cur: pymysql.cursors.Cursor, schema: Schema, classes: Iterable[str]
) -> None:
    """What X-Cart does after each flush: the storefront keys its caches on these versions."""
    names = sorted(set(classes))
    if names:
        # One statement: pymysql's executemany sends a row with UUID() in it as one each.
        cur.execute(
            f"INSERT INTO {schema.table('entity_type_versions')} (entityType, version) VALUES "
            + ", ".join(["(%s, UUID())"] * len(names))
            + " ON DUPLICATE KEY UPDATE version = UUID()",
            names,
        )


def currency_code(cur: pymysql.cursors.Cursor, schema: Schema) -> str:
    """ISO code of the shop's currency (General/shop_currency holds its numeric id)."""
    value = config_value(cur, schema, CONFIG_CATEGORY_GENERAL, "shop_currency") or ""
    if not value.strip().isdigit():
        return ""
    cur.execute(
        f"SELECT code FROM {schema.table('currencies')} WHERE currency_id = %s", (int(value),)
    )
    row = cur.fetchone()
    return row[0] if row else ""


def multicurrency_rates(cur: pymysql.cursors.Cursor, schema: Schema) -> dict[str, Decimal]:
    """currency code → the shop currency's worth of one unit of it, from XC\\MultiCurrency's
    enabled currencies (its rate is how many units one unit of the shop currency buys)."""
    if not schema.supports("multicurrency"):
        return {}
    cur.execute(
        f"SELECT c.code, a.rate FROM {schema.table('active_currencies')} a"
        f" JOIN {schema.table('currencies')} c ON c.currency_id = a.currency_id"
        " WHERE a.enabled = 1 AND a.rate > 0"
    )
    return {code: 1 / Decimal(rate) for code, rate in cur.fetchall()}
