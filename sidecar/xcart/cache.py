"""X-Cart's data cache: config values, menus and entity data are served from it, so after the
sidecar writes, it must be invalidated as admin "Clear cache" does, or the storefront stays
stale."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from ..config import read_xcart_section

log = logging.getLogger("xc1c.xcart")


def clear_data_cache(xcart_root: Path | None) -> bool:
    """Empty `var/datacache` when the shop uses the file cache driver (X-Cart's default);
    returns False, and logs why, when the cache is elsewhere and X-Cart must clear it."""
    if xcart_root is None:
        return False
    driver = read_xcart_section(xcart_root, "cache").get("type", "file").strip().lower() or "file"
    if driver != "file":
        log.warning(
            "X-Cart's cache driver is %r: clear the cache in X-Cart (Store setup → Cache"
            " management) for the storefront to show the new catalog at once",
            driver,
        )
        return False
    cache_dir = xcart_root / "var" / "datacache"
    if not cache_dir.is_dir():
        return False
    for entry in cache_dir.iterdir():
        if entry.name == ".htaccess":
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    return True
