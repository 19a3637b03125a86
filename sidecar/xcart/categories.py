"""Categories: rows, translations, and the nested set X-Cart derives from parent_id + pos."""

from __future__ import annotations

from collections.abc import Sequence

import pymysql

from ..db import placeholders
from .schema import Schema

ENTITY_CLASSES = (
    "XLite\\Model\\Category",
    "XLite\\Model\\CategoryTranslation",
    "XLite\\Model\\Category\\QuickFlags",
)


def root_category_id(cur: pymysql.cursors.Cursor, schema: Schema) -> int:
    cur.execute(
        f"SELECT category_id FROM {schema.table('categories')} WHERE parent_id IS NULL"
        " ORDER BY lpos, category_id LIMIT 1"
    )
    row = cur.fetchone()
    if row is None:
        raise LookupError("the shop has no root category")
    return row[0]


def create(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    *,
    parent_id: int,
    pos: int,
    name: str,
    enabled: bool,
    languages: Sequence[str],
) -> int:
    """Insert one category with provisional nested-set values (as X-Cart's
    prepareNewCategoryData does); rebuild_nested_set() puts them right after the batch."""
    cur.execute(
        f"SELECT lpos, depth FROM {schema.table('categories')} WHERE category_id = %s", (parent_id,)
    )
    parent_lpos, parent_depth = cur.fetchone()
    schema.insert_rows(
        cur,
        "categories",
        [
            {
                "parent_id": parent_id,
                "pos": pos,
                "enabled": int(enabled),
                "lpos": parent_lpos + 1,
                "rpos": parent_lpos + 2,
                "depth": parent_depth + 1,
            }
        ],
    )
    category_id = cur.lastrowid
    schema.insert_rows(
        cur,
        "category_translations",
        [{"id": category_id, "code": code, "name": name} for code in languages],
    )
    return category_id


def update(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    category_id: int,
    *,
    parent_id: int,
    pos: int,
    name: str,
    enabled: bool,
    languages: Sequence[str],
) -> None:
    cur.execute(
        f"UPDATE {schema.table('categories')} SET parent_id = %s, pos = %s, enabled = %s"
        " WHERE category_id = %s",
        (parent_id, pos, int(enabled), category_id),
    )
    cur.execute(
        f"UPDATE {schema.table('category_translations')} SET name = %s WHERE id = %s",
        (name, category_id),
    )
    cur.execute(
        f"SELECT code FROM {schema.table('category_translations')} WHERE id = %s", (category_id,)
    )
    have = {r[0] for r in cur.fetchall()}
    missing = [c for c in languages if c not in have]
    schema.insert_rows(
        cur,
        "category_translations",
        [{"id": category_id, "code": code, "name": name} for code in missing],
    )


def rebuild_nested_set(cur: pymysql.cursors.Cursor, schema: Schema) -> int:
    """Recompute lpos/rpos/depth from parent_id + pos, and the quick flags, the way X-Cart's
    NestedSet::recalculateStructure does. Returns the number of categories that moved."""
    table = schema.table("categories")
    cur.execute(
        f"SELECT category_id, parent_id, enabled, lpos, rpos, depth FROM {table}"
        " ORDER BY pos, category_id"
    )
    rows = cur.fetchall()
    children: dict[int | None, list[int]] = {}
    current: dict[int, tuple[int, int, int]] = {}
    enabled: dict[int, int] = {}
    for cid, parent, en, lpos, rpos, depth in rows:
        children.setdefault(parent, []).append(cid)
        current[cid] = (lpos, rpos, depth)
        enabled[cid] = en
    roots = sorted(children.get(None, []))
    if not roots:
        return 0
    root = root_category_id(cur, schema)
    computed: dict[int, tuple[int, int, int]] = {}
    counter = 1
    # Iterative depth-first walk: 1C trees can be deep, Python recursion is not.
    stack: list[tuple[int, int, bool]] = [(root, -1, False)]
    lpos_of: dict[int, int] = {}
    while stack:
        cid, depth, done = stack.pop()
        if done:
            computed[cid] = (lpos_of[cid], counter, depth)
            counter += 1
            continue
        lpos_of[cid] = counter
        counter += 1
        stack.append((cid, depth, True))
        for child in reversed(children.get(cid, [])):
            stack.append((child, depth + 1, False))
    changed = [
        (lp, rp, d, cid) for cid, (lp, rp, d) in computed.items() if current[cid] != (lp, rp, d)
    ]
    if changed:
        cur.executemany(
            f"UPDATE {table} SET lpos = %s, rpos = %s, depth = %s WHERE category_id = %s", changed
        )
    flags = [
        (cid, len(children.get(cid, [])), sum(enabled[c] for c in children.get(cid, [])))
        for cid in computed
    ]
    cur.executemany(
        f"REPLACE INTO {schema.table('category_quick_flags')}"
        " (category_id, subcategories_count_all, subcategories_count_enabled) VALUES (%s, %s, %s)",
        flags,
    )
    return len(changed)


def disable(cur: pymysql.cursors.Cursor, schema: Schema, category_ids: Sequence[int]) -> int:
    if not category_ids:
        return 0
    cur.execute(
        f"UPDATE {schema.table('categories')} SET enabled = 0"
        f" WHERE enabled = 1 AND category_id IN ({placeholders(category_ids)})",
        tuple(category_ids),
    )
    return cur.rowcount


def delete(cur: pymysql.cursors.Cursor, schema: Schema, category_ids: Sequence[int]) -> int:
    """Remove categories; a surviving child (one the shop created, say) moves up to the nearest
    ancestor that stays, instead of being orphaned by the ON DELETE SET NULL."""
    doomed = set(category_ids)
    if not doomed:
        return 0
    table = schema.table("categories")
    cur.execute(f"SELECT category_id, parent_id FROM {table}")
    parent = dict(cur.fetchall())
    moves = []
    for cid, pid in parent.items():
        if cid in doomed or pid not in doomed:
            continue
        while pid in doomed:
            pid = parent.get(pid)
        moves.append((pid, cid))
    cur.executemany(f"UPDATE {table} SET parent_id = %s WHERE category_id = %s", moves)
    ids = tuple(doomed)
    cur.execute(f"DELETE FROM {table} WHERE category_id IN ({placeholders(ids)})", ids)
    return cur.rowcount
