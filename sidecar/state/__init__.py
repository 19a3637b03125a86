"""The sidecar's own tables (`xc1c_{prefix}*`, e.g. `xc1c_xc_id_map`): sessions, import jobs,
the 1C Ид ⇄ X-Cart id map. State lives here, never in a worker's memory, so any worker or instance
can answer the next call of an exchange.

They must not start with X-Cart's table prefix: every redeploy of X-Cart (a module enabled,
disabled or upgraded) drops the tables with its prefix that no X-Cart entity declares."""

from __future__ import annotations

from ..config import own_prefix
from ..db import quote_identifier

__all__ = ["own_prefix", "own_table"]


def own_table(prefix: str, name: str) -> str:
    """The quoted name of one of the sidecar's own tables, e.g. `xc1c_xc_id_map`."""
    return quote_identifier(own_prefix(prefix) + name)
