"""Linking a shop that already sells to 1C: a 1C product or group the Id map does not know is
matched to a shop product or category no 1C item holds, by the keys the admin chose
(setting link_products: sku, barcode, name, in order; link_categories: the name under the same
parent), and gets its Id-map entry instead of a second copy. A key that two shop items or two
1C items share links nothing and is reported with both sides. A link once made stays (the Id
map decides from then on); `xc1c unlink` undoes one and keeps the pair from linking again.

Whatever the linking setting, no product is given a SKU another product holds (X-Cart's admin
refuses a second product with a taken SKU): `guard_skus` clears it on the one written, with a
warning, as for a too-long SKU."""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pymysql
from pymysql.cursors import Cursor

from ..commerceml.records import Group, Product
from ..commerceml.skus import repeated_skus
from ..db import transaction
from ..state import idmap
from ..xcart import matching
from ..xcart import products as xc_products
from .context import ImportContext
from .properties import BARCODE

KEYS = ("sku", "barcode", "name")
# The Id-map kind that records an undone link: (1C Ид, shop product id) never linked again.
UNLINKED = "unlinked_product"
EXAMPLES = 5  # linked, created and ambiguous items each named in an import's messages


def product_keys(ctx: ImportContext) -> list[str]:
    """The keys products are linked by, in the admin's order; none when "off" is among them."""
    keys = ctx.settings["link_products"]
    return [] if "off" in keys else list(dict.fromkeys(k for k in keys if k in KEYS))


class _Twins:
    """The repeated Артикулы of the last few files, per process: found once per file (a step
    resumed on this worker does not search again), on the first product batch that asks."""

    LIMIT = 4

    def __init__(self) -> None:
        self._found: OrderedDict[tuple, dict[str, list[str]]] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threads share it

    def of(self, path: Path) -> dict[str, list[str]]:
        st = path.stat()
        key = (str(path), st.st_ino, st.st_size, st.st_mtime_ns)
        with self._lock:
            if key in self._found:
                self._found.move_to_end(key)
                return self._found[key]
        found = repeated_skus(path)
        with self._lock:
            self._found[key] = found
            while len(self._found) > self.LIMIT:
                self._found.popitem(last=False)
        return found


_TWINS = _Twins()


def prepare(ctx: ImportContext, path: Path) -> None:
    """An import of `path` begins a step: a SKU two of its products hold, in any batches,
    links neither (searched for when a product batch first links by SKU)."""
    if "sku" in product_keys(ctx):
        ctx.sku_twins = lambda: _TWINS.of(path)


@dataclass
class Links:
    """What linking decided for one batch."""

    linked: dict[str, int] = field(default_factory=dict)  # 1C Ид → shop product id
    ambiguous: set[str] = field(default_factory=set)  # 1C Ид left out, reported


def example(ctx: ImportContext, kind: str, message: str) -> None:
    """A message naming one item of a kind, the first few of each kind per import."""
    key = f"examples_{kind}"
    if ctx.counts[key] < EXAMPLES:
        ctx.counts[key] += 1
        ctx.warnings.append(message)


def _finders(
    ctx: ImportContext, cur: Cursor, holders: list[tuple[int, str]]
) -> dict[str, Callable[[Sequence[str]], dict[str, set[int]]]]:
    """Per key: the shop products holding each of some values, exactly as written."""

    def exact(rows: list[tuple[int, str]], values: Sequence[str]) -> dict[str, set[int]]:
        wanted, found = set(values), defaultdict(set)
        for pid, value in rows:
            if value in wanted:
                found[value].add(pid)
        return found

    def barcodes(values: Sequence[str]) -> dict[str, set[int]]:
        attrs = matching.gtin_attributes(cur, ctx.schema)
        attrs += idmap.ids(cur, ctx.prefix, "attribute", [BARCODE]).values()
        return exact(matching.products_with_barcodes(cur, ctx.schema, attrs, values), values)

    return {
        "sku": lambda values: exact(holders, values),
        "barcode": barcodes,
        "name": lambda values: exact(matching.products_named(cur, ctx.schema, values), values),
    }


def _value(key: str, p: Product, fields: xc_products.ProductFields) -> str:
    if key == "sku":
        return fields.sku or ""
    if key == "barcode":
        return p.barcode.strip()
    return fields.name


def link_products(
    ctx: ImportContext,
    cur: Cursor,
    candidates: list[tuple[Product, xc_products.ProductFields]],
    holders: list[tuple[int, str]],
) -> Links:
    """Link the 1C products of a batch the Id map does not know; `holders` are the shop's
    products holding the batch's SKUs (read once for the batch, see guard_skus)."""
    links = Links()
    keys = product_keys(ctx)
    if not keys or not candidates:
        return links
    find = _finders(ctx, cur, holders)
    unlinked: set[tuple[str, int]] = set()
    taken: set[int] = set()  # shop products linked to 1C already, or in this batch
    checked: set[int] = set()
    left = list(candidates)
    for key in keys:
        values = [_value(key, p, f) for p, f in left]
        found = find[key]([v for v in values if v])
        # a multi-vendor shop: only this exchange's own products (the owner's, or the vendor's)
        own = matching.own_products(cur, ctx.schema, {p for ps in found.values() for p in ps})
        found = {v: pids & own for v, pids in found.items() if pids & own}
        ids = {pid for pids in found.values() for pid in pids} - checked
        if ids:
            taken |= set(idmap.ext_ids(cur, ctx.prefix, "product", list(ids)))
            unlinked |= _refused(cur, ctx, ids, [p.id for p, _ in left])
            checked |= ids
        onec = Counter(v for v in values if v)
        # the file's other products holding the value, in any batch
        elsewhere = ctx.sku_twins() if key == "sku" and found else {}
        rest = []
        for (p, f), v in zip(left, values, strict=True):
            # every shop product holding the value counts, linked or not: a value that two
            # hold is ambiguous even when one of them belongs to 1C already
            shop = sorted(pid for pid in found.get(v, ()) if (p.id, pid) not in unlinked)
            if not shop or not set(shop) - taken:
                rest.append((p, f))
                continue
            if len(shop) > 1 or onec[v] > 1 or len(elsewhere.get(v, ())) > 1:
                twins = [q.id for (q, _), w in zip(left, values, strict=True) if w == v]
                twins = list(dict.fromkeys([*elsewhere.get(v, ()), *twins]))  # file order
                links.ambiguous.add(p.id)
                ctx.counts["products_ambiguous"] += 1
                ctx.warn(
                    f"product {p.id} ({f.name}): {key} {v!r} is held by shop products"
                    f" {', '.join(f'#{i}' for i in shop)} and 1C products {', '.join(twins)}:"
                    " linked to none and not imported until it is unique on both sides"
                )
                continue
            links.linked[p.id] = shop[0]
            taken.add(shop[0])
            ctx.counts["products_linked"] += 1
            example(
                ctx,
                "linked",
                f"linked: product {p.id} ({f.name}) → shop product #{shop[0]} by {key} {v!r}",
            )
        left = rest
    return links


def _refused(
    cur: Cursor, ctx: ImportContext, shop_ids: set[int], ext_ids: list[str]
) -> set[tuple[str, int]]:
    """The (1C Ид, shop product id) pairs an admin unlinked: never linked again."""
    pairs = idmap.recorded(cur, ctx.prefix, UNLINKED, ext_ids)
    return {(ext, xc) for ext, xc in pairs.items() if xc in shop_ids}


def note_created(ctx: ImportContext, created: Sequence[tuple[Product, str]]) -> None:
    """Name a few created products once the import has linked or left out any: the admin of
    an existing shop sees what became new beside what was linked."""
    if ctx.counts["products_linked"] or ctx.counts["products_ambiguous"]:
        for p, name in created:
            example(ctx, "created", f"created: product {p.id} ({name}), no shop product matched")


def guard_skus(
    ctx: ImportContext,
    cur: Cursor,
    writes: list[tuple[int | None, Product, xc_products.ProductFields]],
    holders: list[tuple[int, str]],
) -> dict[int, xc_products.ProductFields]:
    """For (shop product id or None for a new one, 1C product, fields) about to be written:
    the index → fields with the SKU cleared (new) or kept as it is (existing) where another
    product holds it, in the shop or earlier in the same batch."""
    owner: dict[str, set[int]] = defaultdict(set)
    for pid, sku in holders:
        owner[sku.casefold().rstrip()].add(pid)
    claimed: dict[str, tuple[int, int | None]] = {}  # SKU → (index, product) of its writer
    out: dict[int, xc_products.ProductFields] = {}
    clash_existing: dict[int, int] = {}
    for i, (pid, p, f) in enumerate(writes):
        if not f.sku:
            continue
        key = f.sku.casefold().rstrip()
        others = owner.get(key, set()) - {pid}
        twice = key in claimed and (pid is None or claimed[key][1] != pid)
        if others or twice:
            held = sorted(others) or [claimed[key][1]]
            by = ", ".join("a new product" if h is None else f"shop product #{h}" for h in held)
            what = "left empty" if pid is None else "kept as it is"
            ctx.counts["skus_taken"] += 1
            ctx.warn(f"product {p.id}: SKU {f.sku!r} is held by {by}, {what}")
            if pid is None:
                out[i] = replace(f, sku=None)
            else:
                clash_existing[i] = pid
            continue
        claimed[key] = (i, pid)
    if clash_existing:
        current = matching.current_skus(cur, ctx.schema, list(clash_existing.values()))
        for i, pid in clash_existing.items():
            out[i] = replace(writes[i][2], sku=current.get(pid))
    return out


@dataclass
class CategoryLinks:
    """A group tree's lookup of same-named shop categories no 1C group holds."""

    by_name: dict[tuple[int | None, str], set[int]]
    siblings: Counter  # (1C parent Ид, name) → 1C groups, new ones only

    def find(self, ctx: ImportContext, g: Group, parent: int, name: str) -> int | None:
        shop = sorted(self.by_name.get((parent, name), set()))
        if not shop:
            return None
        if len(shop) > 1 or self.siblings[(g.parent_id, name)] > 1:
            ctx.counts["categories_ambiguous"] += 1
            ctx.warn(
                f"group {g.id} ({name}): shop categories {', '.join(f'#{c}' for c in shop)}"
                f" and {self.siblings[(g.parent_id, name)]} 1C group(s) of that name under one"
                " parent: linked to none, created"
            )
            return None
        self.by_name[(parent, name)].discard(shop[0])
        ctx.counts["categories_linked"] += 1
        example(ctx, "categories", f"linked: group {g.id} ({name}) → shop category #{shop[0]}")
        return shop[0]


def category_links(
    ctx: ImportContext, cur: Cursor, groups: Sequence[Group], known: set[str], cut: int
) -> CategoryLinks | None:
    """One lookup for the new groups of a tree, or None when categories are not linked."""
    new = [g for g in groups if g.id not in known and not g.deleted]
    if not ctx.settings["link_categories"] or not new:
        return None
    rows = matching.categories_named(cur, ctx.schema, [g.name[:cut] for g in new])
    held = set(idmap.ext_ids(cur, ctx.prefix, "category", [c for c, _, _ in rows]))
    by_name: dict[tuple[int | None, str], set[int]] = defaultdict(set)
    wanted = {g.name[:cut] for g in new}
    for cid, parent, name in rows:
        if cid not in held and name in wanted:
            by_name[(parent, name)].add(cid)
    return CategoryLinks(by_name, Counter((g.parent_id, g.name[:cut]) for g in new))


def summary_lines(counts: dict[str, int], message: str) -> list[str]:
    """The lines 1C's exchange log and the analysis show about linking: the counts, and the
    examples (which the warnings' listing shows when there are warnings)."""
    g = counts.get
    if not any(
        g(k)
        for k in (
            "products_linked",
            "products_ambiguous",
            "categories_linked",
            "categories_ambiguous",
            "variants_linked",
            "variants_ambiguous",
            "skus_taken",
        )
    ):
        return []
    return [
        f"linked to the shop's own items: {g('products_linked', 0)} products,"
        f" {g('categories_linked', 0)} categories, {g('variants_linked', 0)} variants;"
        f" ambiguous (linked to none): {g('products_ambiguous', 0)} products (not imported),"
        f" {g('categories_ambiguous', 0)} categories (created), {g('variants_ambiguous', 0)}"
        f" characteristics (not imported); SKUs held by another product: {g('skus_taken', 0)}",
        *(
            []
            if g("warnings")
            else [m for m in message.splitlines() if m.startswith(("linked: ", "created: "))]
        ),
    ]


def unlink(conn: pymysql.Connection, prefix: str, product_ids: Sequence[int]) -> dict[int, str]:
    """Undo the links of shop products: each leaves 1C's control (its Id-map entry and its
    variants' go) and the pair is recorded so that it is never linked again; the 1C product
    is then created as a product of its own by the next exchange. Returns product id → the
    1C Ид it was linked to, for the products that were."""
    with transaction(conn) as cur:
        linked = idmap.ext_ids(cur, prefix, "product", list(product_ids))
        idmap.forget(cur, prefix, "product", list(linked.values()))
        for ext in linked.values():
            idmap.forget_characteristics(cur, prefix, ext)
        idmap.store(cur, prefix, UNLINKED, [(ext, pid, "") for pid, ext in linked.items()])
    return linked
