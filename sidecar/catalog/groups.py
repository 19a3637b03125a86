"""1C groups → X-Cart categories: create, rename, move, disable or delete; then the nested set."""

from __future__ import annotations

from pymysql.cursors import Cursor

from ..commerceml.records import Group
from ..state import idmap
from ..xcart import categories, urls
from ..xcart.products import NAME_MAX
from . import linking
from .context import ImportContext, fingerprint
from .removal import remove_categories


def apply_groups(ctx: ImportContext, cur: Cursor, groups: tuple[Group, ...]) -> None:
    """Write a whole group tree (parents come before children) in the caller's transaction."""
    known = idmap.lookup(cur, ctx.prefix, "category", [g.id for g in groups])
    ids: dict[str, int] = {ext: xc for ext, (xc, _) in known.items()}
    same_named = linking.category_links(ctx, cur, groups, set(known), NAME_MAX)
    mapped, unchanged, gone, created = [], [], {}, []
    for g in groups:
        if g.deleted and ctx.settings["missing_action"] == "delete":
            if g.id in known:
                gone[g.id] = known[g.id][0]
            continue
        parent = ctx.root_category if g.parent_id is None else ids.get(g.parent_id)
        if parent is None:
            ctx.warn(f"group {g.id} ({g.name}): parent {g.parent_id} unknown, put at top level")
            parent = ctx.root_category
        name = g.name[:NAME_MAX]
        digest = fingerprint(name, parent, g.position, g.deleted)
        if g.id not in known and not g.deleted and same_named is not None:
            found = same_named.find(ctx, g, parent, name)
            if found is not None:
                known[g.id] = (found, "")
                ids[g.id] = found
        if g.id in known:
            xc_id, old = known[g.id]
            if old == digest:
                unchanged.append(g.id)
                continue
            categories.update(
                cur,
                ctx.schema,
                xc_id,
                parent_id=parent,
                pos=g.position,
                name=name,
                enabled=not g.deleted,
                languages=ctx.languages,
            )
            ctx.counts["categories_disabled" if g.deleted else "categories_updated"] += 1
        elif g.deleted:
            ctx.counts["categories_skipped"] += 1
            continue
        else:
            xc_id = categories.create(
                cur,
                ctx.schema,
                parent_id=parent,
                pos=g.position,
                name=name,
                enabled=True,
                languages=ctx.languages,
            )
            ids[g.id] = xc_id
            created.append((xc_id, parent, name))
            ctx.counts["categories_created"] += 1
        mapped.append((g.id, xc_id, digest))
    idmap.store(cur, ctx.prefix, "category", mapped)
    idmap.touch(cur, ctx.prefix, "category", unchanged)
    ctx.counts["categories_unchanged"] += len(unchanged)
    for xc_id, parent, name in created:
        urls.add_category_url(cur, ctx.schema, xc_id, parent, name, ctx.root_category, ctx.urls)
    if mapped:
        categories.rebuild_nested_set(cur, ctx.schema)
        ctx.entity_classes.update(categories.ENTITY_CLASSES)
        ctx.entity_classes.add(urls.ENTITY_CLASS)
    remove_categories(ctx, cur, gone)
