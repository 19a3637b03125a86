"""X-Cart's data cache: config values, menus and entity data are served from it, so after the
sidecar writes, it must be invalidated as admin "Clear cache" does, or the storefront stays
stale."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from ..config import read_xcart_section, xcart_version

log = logging.getLogger("xc1c.xcart")


def _empty(directory: Path) -> None:
    for entry in directory.iterdir():
        if entry.name == ".htaccess":
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def clear_data_cache(xcart_root: Path | None) -> bool:
    """Empty `var/datacache` when the shop uses the file cache driver (X-Cart 5.4's default),
    or, in 5.5, the Symfony cache pools (`xcart.cache` on cache.app, files under
    var/cache/<env>/pools — what `bin/console cache:pool:clear` empties); returns False, and
    logs why, when the cache is elsewhere and X-Cart must clear it."""
    if xcart_root is None:
        return False
    if xcart_version(xcart_root) == "5.5":
        pools = [p for p in (xcart_root / "var" / "cache").glob("*/pools") if p.is_dir()]
        for directory in pools:
            _empty(directory)
        return bool(pools)
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
    _empty(cache_dir)
    return True
