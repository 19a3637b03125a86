"""What follows the import's writes: X-Cart's entity type versions bumped in the transaction
that wrote, image files no row uses any more removed once it committed, and X-Cart's cache
cleared when the shop changed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pymysql

from ..db import transaction
from ..xcart import images
from ..xcart.cache import clear_data_cache
from ..xcart.shop import bump_entity_versions
from .context import ImportContext

# Counts that mean the shop changed, so X-Cart's cache must be cleared.
CHANGES = (
    "categories_created",
    "categories_updated",
    "categories_disabled",
    "categories_deleted",
    "products_created",
    "products_updated",
    "products_disabled",
    "products_deleted",
    "products_repriced",
    "attributes_created",
    "variants_created",
    "products_on_sale",
    "products_unpriced",
)


def bump_versions(ctx: ImportContext, cur: pymysql.cursors.Cursor) -> None:
    """X-Cart's entity type versions of what was written, in the transaction that wrote it."""
    if ctx.entity_classes:
        bump_entity_versions(cur, ctx.schema, ctx.entity_classes)
        ctx.entity_classes.clear()


def release_files(conn: pymysql.Connection, ctx: ImportContext) -> None:
    """Image files whose rows a committed batch deleted go once nothing uses them."""
    if ctx.released_files:
        with transaction(conn) as cur:
            images.remove_unused_files(cur, ctx.schema, ctx.images, ctx.released_files)
        ctx.released_files.clear()


def clear_cache_if_changed(counts: Mapping[str, int], xcart_root: Path | None) -> None:
    if any(counts.get(k) for k in CHANGES):
        clear_data_cache(xcart_root)
