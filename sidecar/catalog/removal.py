"""Products and categories 1C removed: deleted in 1C (Статус="Удален", ПометкаУдаления), or
absent from a full export in overwrite mode. Disabled or deleted per the `missing_action`
setting; only items that came from 1C are ever touched."""

from __future__ import annotations

from pymysql.cursors import Cursor

from ..state import idmap, unpriced
from ..state import images as image_state
from ..state import offers as offer_state
from ..xcart import categories, products
from .context import ImportContext


def remove_products(ctx: ImportContext, cur: Cursor, items: dict[str, int]) -> None:
    """`items`: 1C Ид → X-Cart product id."""
    if not items:
        return
    ids = list(items.values())
    if ctx.settings["missing_action"] == "delete":
        ctx.released_files.extend(products.delete(cur, ctx.schema, ids))
        idmap.forget(cur, ctx.prefix, "product", list(items))
        offer_state.forget_products(cur, ctx.prefix, ids)
        image_state.forget_products(cur, ctx.prefix, ids)
        unpriced.release(cur, ctx.prefix, ids)
        ctx.counts["products_deleted"] += len(ids)
    else:
        ctx.counts["products_disabled"] += products.disable(cur, ctx.schema, ids)
        idmap.invalidate(cur, ctx.prefix, "product", list(items))
    ctx.entity_classes.update(products.ENTITY_CLASSES)


def remove_categories(ctx: ImportContext, cur: Cursor, items: dict[str, int]) -> None:
    if not items:
        return
    ids = [i for i in items.values() if i != ctx.root_category]
    if ctx.settings["missing_action"] == "delete":
        ctx.counts["categories_deleted"] += categories.delete(cur, ctx.schema, ids)
        idmap.forget(cur, ctx.prefix, "category", list(items))
    else:
        ctx.counts["categories_disabled"] += categories.disable(cur, ctx.schema, ids)
        idmap.invalidate(cur, ctx.prefix, "category", list(items))
    categories.rebuild_nested_set(cur, ctx.schema)
    ctx.entity_classes.update(categories.ENTITY_CLASSES)


def remove_unseen(ctx: ImportContext, cur: Cursor, kinds: tuple[str, ...], since: int) -> None:
    """Overwrite mode: what 1C did not send since `since` is gone from 1C."""
    if "product" in kinds:
        remove_products(ctx, cur, idmap.unseen(cur, ctx.prefix, "product", since))
    if "category" in kinds:
        remove_categories(ctx, cur, idmap.unseen(cur, ctx.prefix, "category", since))
