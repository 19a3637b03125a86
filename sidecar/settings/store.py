"""The settings' values where X-Cart keeps module settings: rows of `{prefix}config` under the
module's category, so admins edit them on X-Cart's own page; read on every exchange call, so a
change saved in X-Cart applies at once. A value is checked when saved."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pymysql

from ..errors import XC1CError
from ..php import serialize
from ..xcart.schema import xcart_table
from .declaration import BY_NAME, SETTINGS
from .module import MODULE_CATEGORY
from .xcart_rows import config_rows


def _config_table(prefix: str) -> str:
    return xcart_table(prefix, "config")


def read_settings(conn: pymysql.Connection, prefix: str) -> dict[str, Any]:
    """Every setting, parsed, from the shop's config table; the default where a row is missing."""
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT name, value FROM {_config_table(prefix)} WHERE category = %s",
            (MODULE_CATEGORY,),
        )
        stored: Mapping[str, str] = dict(cur.fetchall())
    return {s.name: s.parse(stored.get(s.name, s.default)) for s in SETTINGS}


def fill_if_empty(conn: pymysql.Connection, prefix: str, name: str, value: str) -> str:
    """Store `value` in a setting's row when the row holds nothing (whoever fills it first
    wins); the row's value afterwards, '' when the module has no such row."""
    table = _config_table(prefix)
    with conn.cursor() as cur:
        cur.execute(
            f"UPDATE {table} SET value = %s WHERE category = %s AND name = %s AND value = ''",
            (value, MODULE_CATEGORY, name),
        )
        cur.execute(
            f"SELECT value FROM {table} WHERE category = %s AND name = %s",
            (MODULE_CATEGORY, name),
        )
        row = cur.fetchone()
    conn.commit()
    return row[0] if row else ""


def write_setting(conn: pymysql.Connection, prefix: str, name: str, raw: str) -> str:
    """Store one setting as X-Cart's module installer would (config row + labels)."""
    setting = BY_NAME.get(name)
    if setting is None:
        raise XC1CError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    value = setting.normalise(raw)
    table = _config_table(prefix)
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT config_id FROM {table} WHERE category = %s AND name = %s",
            (MODULE_CATEGORY, name),
        )
        row = cur.fetchone()
        if row:
            cur.execute(f"UPDATE {table} SET value = %s WHERE config_id = %s", (value, row[0]))
        else:
            # As the module's install.yaml would have created it (X-Cart 5.4 class names).
            declared = next(r for r in config_rows() if r.name == name)
            params = declared.widget_parameters
            cur.execute(
                f"INSERT INTO {table} (name, category, type, orderby, value, widgetParameters)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (
                    name,
                    MODULE_CATEGORY,
                    declared.type_for("5.4"),
                    declared.orderby,
                    value,
                    None if params is None else serialize(params),
                ),
            )
            config_id = cur.lastrowid
            cur.executemany(
                f"INSERT INTO {xcart_table(prefix, 'config_translations')}"
                " (id, code, option_name, option_comment) VALUES (%s, %s, %s, %s)",
                [(config_id, code, n, c) for code, (n, c) in declared.labels.items()],
            )
    conn.commit()
    return value
