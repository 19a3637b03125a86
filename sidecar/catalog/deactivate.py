"""`mode=deactivate`: the end of a full package export, where what 1C no longer sends goes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymysql

from ..db import transaction
from ..state import idmap
from . import portions
from .committed import bump_versions, clear_cache_if_changed, release_files
from .context import load_context
from .removal import remove_unseen


def deactivate(
    conn: pymysql.Connection,
    prefix: str,
    settings: dict[str, Any],
    exchange_dir: Path,
    xcart_root: Path | None,
    since: int,
) -> dict[str, int]:
    """`mode=deactivate&timestamp=`: the end of a full package export (2.09+/3.1, whose files
    all say "only changes"). In overwrite mode, what 1C has not sent since `since` is removed;
    when it sent nothing at all since then, nothing is, rather than the whole catalog.
    `since` is the unix time checkauth gave 1C; an export in portions still open began earlier
    and ends here (catalog.portions)."""
    since *= 1_000_000
    ctx = load_context(conn, prefix, settings, exchange_dir, xcart_root)
    if settings["catalog_mode"] != "overwrite":
        return {}
    with transaction(conn) as cur:
        since = portions.complete_on_deactivate(cur, prefix, since)
        kinds = tuple(k for k in ("product", "category") if idmap.seen_since(cur, prefix, k, since))
        remove_unseen(ctx, cur, kinds, since)
        bump_versions(ctx, cur)
    release_files(conn, ctx)
    clear_cache_if_changed(ctx.counts, xcart_root)
    return dict(ctx.counts)
