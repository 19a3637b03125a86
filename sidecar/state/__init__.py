"""The sidecar's own tables (`xc1c_{prefix}*`, e.g. `xc1c_xc_id_map`): sessions, import jobs,
the 1C Ид ⇄ X-Cart id map. State lives here, never in a worker's memory, so any worker or instance
can answer the next call of an exchange.

They must not start with X-Cart's table prefix: every redeploy of X-Cart (a module enabled,
disabled or upgraded) drops the tables with its prefix that no X-Cart entity declares."""

from __future__ import annotations

from ..config import VendorPrefix, own_prefix, vendor_of_prefix
from ..db import quote_identifier

__all__ = [
    "CATALOG_SPACE", "VendorPrefix", "own_prefix", "own_table", "space_name", "vendor_of_prefix",
]  # fmt: skip

# The tables of what one 1C said about its catalog, all keyed by that 1C's Ид, and the lease of
# its catalog exchange. The exchange of a vendor's own 1C (a multi-vendor shop) has a set of its
# own, its *space*: two 1C bases whose Ид collide never meet in one Id map, offer or property
# row, overwrite mode removes only what that 1C's space knows, and one 1C's exchange in portions
# never keeps another's waiting (their import steps still take turns: the import lock is the
# shop's). Every other table (sessions, jobs, history, orders) is the shop's one set.
CATALOG_SPACE = frozenset({
    "id_map", "offers", "price_types", "properties", "warehouses", "images", "unpriced",
    "catalog_exports", "leases",
})  # fmt: skip


def space_name(prefix: str, name: str) -> str:
    """The unquoted name of an own table in the prefix's space, e.g. `xc1c_xc_vendor7_id_map`."""
    vendor = vendor_of_prefix(prefix)
    space = f"vendor{vendor}_" if vendor is not None and name in CATALOG_SPACE else ""
    return own_prefix(prefix) + space + name


def own_table(prefix: str, name: str) -> str:
    """The quoted name of one of the sidecar's own tables, e.g. `xc1c_xc_id_map`."""
    return quote_identifier(space_name(prefix, name))
