"""Clean URLs as X-Cart generates them (Repo\\CleanURL::generateCleanURL): the name
transliterated, lower-cased, non-word runs turned into the separator, made unique; a product URL
must differ from every other clean URL of the shop, a category URL from its siblings' and from
product URLs. The newest row of an entity is its current URL; existing ones are never rewritten,
so links customers and search engines know keep working."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymysql

from ..config import read_xcart_section
from ..db import placeholders
from .schema import Schema

MAX_LENGTH = 255
# X-Cart's reserved aliases (etc/config.php [clean_urls_aliases]) and top-level directories.
RESERVED = frozenset(
    {
        "newarrivals",
        "sale-products",
        "coming-soon",
        "bestsellers",
        "contact-us",
        "admin",
        "cart",
        "images",
        "var",
        "skins",
        "files",
        "classes",
        "etc",
        "lib",
        "vendor",
        "service",
        "sql",
        "includes",
        "public",
        "modules",
        "assets",
    }
)
ENTITY_CLASS = "XLite\\Model\\CleanURL"

# URLify's Cyrillic maps (Russian, Ukrainian, Belarusian), the ones X-Cart applies.
_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "j", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh",
    "щ": "sh", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "є": "ye", "і": "i",
    "ї": "yi", "ґ": "g", "ў": "u",
}  # fmt: skip
_NON_WORD = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class UrlFormat:
    """From X-Cart's etc/config.php [clean_urls]: `…goalproduct.html` formats add `.html`."""

    product_extension: str = ""
    category_extension: str = ""

    @classmethod
    def from_xcart(cls, xcart_root: Path | None) -> UrlFormat:
        if xcart_root is None:
            return cls()
        section = read_xcart_section(xcart_root, "clean_urls")
        ext = lambda key: ".html" if section.get(key, "").endswith(".html") else ""  # noqa: E731
        return cls(ext("product_clean_urls_format"), ext("category_clean_urls_format"))


_TRANSLIT_TABLE = str.maketrans(_TRANSLIT)


def slug(name: str) -> str:
    text = name.lower().replace("&", " and ").translate(_TRANSLIT_TABLE)
    text = text.encode("ascii", "ignore").decode()
    return _NON_WORD.sub("-", text).strip("-")


def _fit(base: str, suffix: str, extension: str) -> str:
    room = MAX_LENGTH - len(suffix) - len(extension)
    return base[:room].rstrip("-") + suffix + extension


def _unique(
    wanted: Mapping[int, str], taken: set[str], extension: str, fallback: str
) -> dict[int, str]:
    out = {}
    for entity_id, name in wanted.items():
        base = slug(name) or f"{fallback}-{entity_id}"
        for n in range(0, 1001):
            candidate = _fit(base, f"-{n}" if n else "", extension)
            if candidate not in taken and candidate.removesuffix(extension) not in RESERVED:
                break
        else:
            candidate = _fit(base, f"-{entity_id}", extension)
        taken.add(candidate)
        out[entity_id] = candidate
    return out


def _existing(
    cur: pymysql.cursors.Cursor, schema: Schema, column: str, ids: Sequence[int]
) -> set[int]:
    if not ids:
        return set()
    cur.execute(
        f"SELECT DISTINCT {column} FROM {schema.table('clean_urls')}"
        f" WHERE {column} IN ({placeholders(ids)})",
        tuple(ids),
    )
    return {r[0] for r in cur.fetchall()}


def _taken(cur: pymysql.cursors.Cursor, schema: Schema, where: str, args: Iterable) -> set[str]:
    cur.execute(f"SELECT cleanURL FROM {schema.table('clean_urls')} WHERE {where}", tuple(args))
    return {r[0] for r in cur.fetchall() if r[0]}


def add_product_urls(
    cur: pymysql.cursors.Cursor, schema: Schema, names: Mapping[int, str], fmt: UrlFormat
) -> int:
    """Give every product in `names` without a clean URL one; returns how many were added."""
    have = _existing(cur, schema, "product_id", list(names))
    missing = {pid: n for pid, n in names.items() if pid not in have}
    if not missing:
        return 0
    candidates = {slug(n) for n in missing.values()}
    # A product URL must not equal any clean URL of the shop; only same-base ones can clash.
    clauses = " OR ".join(["cleanURL LIKE %s"] * len(candidates))
    taken = _taken(
        cur, schema, clauses, [c.replace("_", r"\_").replace("%", r"\%") + "%" for c in candidates]
    )
    urls = _unique(missing, taken, fmt.product_extension, "product")
    schema.insert_rows(
        cur, "clean_urls", [{"product_id": pid, "cleanURL": url} for pid, url in urls.items()]
    )
    return len(urls)


def add_category_url(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    category_id: int,
    parent_id: int,
    name: str,
    root_id: int,
    fmt: UrlFormat,
) -> bool:
    """A category URL only has to be unique among its siblings and against product URLs."""
    if _existing(cur, schema, "category_id", [category_id]):
        return False
    base = slug(name)
    pattern = base.replace("_", r"\_").replace("%", r"\%") + "%"
    cats = schema.table("categories")
    taken = _taken(
        cur,
        schema,
        f"cleanURL LIKE %s AND (product_id IS NOT NULL OR category_id IN"
        f" (SELECT category_id FROM {cats} WHERE parent_id = %s AND category_id <> %s))",
        [pattern, parent_id, category_id],
    )
    if parent_id == root_id:
        taken |= set(RESERVED)
    url = _unique({category_id: name}, taken, fmt.category_extension, "category")[category_id]
    schema.insert_rows(cur, "clean_urls", [{"category_id": category_id, "cleanURL": url}])
    return True
