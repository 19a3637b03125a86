"""1C products → X-Cart products: create, update (the fields 1C owns), skip unchanged, remove
deleted; their category links, clean URLs, photos and attribute values."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from pymysql.cursors import Cursor

from ..commerceml.records import Product
from ..errors import BadFileName
from ..safepath import resolve_inside, safe_relative_path
from ..state import idmap, unpriced
from ..state import images as image_state
from ..xcart import images, matching, urls
from ..xcart import products as xc_products
from . import linking
from .context import ImportContext, fingerprint
from .properties import ValueLookups, apply_values, look_up_values
from .removal import remove_products

WEIGHT_PLACES = Decimal("0.0001")
# The setting that lets 1C overwrite each field of an existing product.
OWNERSHIP = {
    "name": "update_names",
    "description": "update_descriptions",
    "sku": "update_skus",
    "weight": "update_weight",
}


def _fields(ctx: ImportContext, p: Product) -> xc_products.ProductFields:
    name = p.name
    if ctx.settings["use_full_name"]:
        name = p.requisite("Полное наименование") or name
    name = name or p.id
    if len(name) > xc_products.NAME_MAX:
        ctx.warn(f"product {p.id}: name longer than {xc_products.NAME_MAX} characters, cut")
        name = name[: xc_products.NAME_MAX]
    sku: str | None = p.sku or None
    if sku and len(sku) > xc_products.SKU_MAX:
        ctx.warn(
            f"product {p.id}: SKU {sku!r} is longer than X-Cart's {xc_products.SKU_MAX}"
            " characters, left empty"
        )
        sku = None
    weight = (p.weight or Decimal(0)) * ctx.weight_factor
    return xc_products.ProductFields(
        sku=sku,
        name=name,
        description=p.description,
        weight=max(weight, Decimal(0)).quantize(WEIGHT_PLACES),
        enabled=not p.deleted,
        track_inventory=ctx.settings["track_inventory"],
    )


def _pictures(ctx: ImportContext, p: Product) -> tuple[list[images.Picture] | None, tuple]:
    """The product's photos as uploaded in this exchange, and a key for the fingerprint. None
    when a photo is missing (1C exported without pictures): the shop's photos then stay."""
    if not p.images:
        return [], ()
    if ctx.images is None:
        ctx.once("no_images_dir", "photos not imported: set XC1C_XCART_ROOT or images_path")
        return None, ()
    found = []
    for name in dict.fromkeys(p.images):
        try:
            relative = safe_relative_path(name)
            # The exchange's listing answers the common case of pictures not sent; a file
            # that is there is then resolved, links followed, and must be inside the
            # exchange directory.
            if str(relative) not in ctx.uploaded() or not (ctx.exchange_dir / relative).is_file():
                ctx.counts["products_without_uploaded_photos"] += 1
                return None, ()
            path = resolve_inside(ctx.exchange_dir, relative)
        except BadFileName as exc:
            ctx.warn(f"product {p.id}: photo {exc}")
            continue
        try:
            found.append(images.examine(path))
        except images.NotAnImage as exc:
            ctx.warn(f"product {p.id}: {exc}")
    return found, tuple(pic.content_md5 for pic in found)


def _kept_photos(ctx: ImportContext, cur: Cursor, product_ids: list[int]) -> dict[int, tuple]:
    """Content of each product's current 1C photos, in order."""
    rows = image_state.current(cur, ctx.prefix, ctx.schema.table("product_images"), product_ids)
    out: dict[int, list[tuple[int, str]]] = {}
    for _, pid, md5, orderby in rows:
        out.setdefault(pid, []).append((orderby, md5))
    return {pid: tuple(md5 for _, md5 in sorted(v)) for pid, v in out.items()}


def sync_images(ctx: ImportContext, cur: Cursor, wanted: dict[int, list[images.Picture]]) -> None:
    """Make each product's 1C photos exactly `wanted`, in order, reusing unchanged ones."""
    if not wanted or ctx.images is None:
        return
    table = ctx.schema.table("product_images")
    have: dict[int, list[tuple[int, str, int]]] = {}
    for image_id, pid, md5, orderby in image_state.current(cur, ctx.prefix, table, list(wanted)):
        have.setdefault(pid, []).append((image_id, md5, orderby))
    new_rows, drop, reorder = [], [], []
    for pid, pictures in wanted.items():
        existing = {md5: (image_id, orderby) for image_id, md5, orderby in have.get(pid, [])}
        drop += [
            i for i, md5, _ in have.get(pid, []) if md5 not in {p.content_md5 for p in pictures}
        ]
        seen = set()
        for position, pic in enumerate(pictures):
            if pic.content_md5 in seen:
                continue
            seen.add(pic.content_md5)
            if pic.content_md5 in existing:
                image_id, orderby = existing[pic.content_md5]
                if orderby != position:
                    reorder.append((position, image_id))
            else:
                new_rows.append((pid, position, pic))
    ctx.released_files += images.delete_rows(cur, ctx.schema, drop)
    image_state.forget(cur, ctx.prefix, drop)
    cur.executemany(f"UPDATE {table} SET orderby = %s WHERE id = %s", reorder)
    new_ids = images.insert_rows(cur, ctx.schema, ctx.images, new_rows, ctx.stored_files)
    image_state.remember(
        cur,
        ctx.prefix,
        [(i, pid, pic.content_md5) for i, (pid, _, pic) in zip(new_ids, new_rows, strict=True)],
    )
    ctx.counts["photos_added"] += len(new_ids)
    ctx.counts["photos_removed"] += len(drop)
    if new_ids or drop or reorder:
        ctx.entity_classes.add(images.ENTITY_CLASS)


@dataclass
class ProductPlan:
    """What a batch of products will write, decided from reads alone (plan_products), so
    the next batch can be planned while this one is written (catalog.pipeline)."""

    new: list[tuple[Product, xc_products.ProductFields, list[int], str]]
    changed: dict[int, tuple[Product, xc_products.ProductFields, list[int], str]]
    unchanged: list[str]
    gone: dict[str, int]
    photos: dict[str, list[images.Picture] | None]
    values: ValueLookups
    # What the plan's reads looked up besides the batch's 1C Ids (SKUs, linking keys): a batch
    # written after this plan was made that wrote any of them makes it stale.
    keys: frozenset[tuple[str, str]] = field(default_factory=frozenset)
    # The XML digests of the batch's items (catalog.unchanged), stored with their Id-map rows
    xml_md5: dict[str, str] | None = None

    def stored(self) -> set[str]:
        """The 1C Ids whose Id-map row (and XML digest) write_products stores."""
        return {p.id for p, *_ in self.new} | {p.id for p, *_ in self.changed.values()}


def _plan_keys(
    ctx: ImportContext, batch: list[Product], written: dict[str, xc_products.ProductFields]
) -> frozenset[tuple[str, str]]:
    """The keys a plan of `batch` read the shop by besides its 1C Ids: its SKUs and whatever
    linking matches products by (catalog.linking)."""
    keys = {("sku", f.sku.casefold().rstrip()) for f in written.values() if f.sku}
    linked_by = linking.product_keys(ctx)
    if "name" in linked_by:
        keys |= {("name", f.name) for f in written.values()}
    if "barcode" in linked_by:
        keys |= {("barcode", p.barcode.strip()) for p in batch}
    return frozenset(keys)


def plan_products(
    ctx: ImportContext,
    cur: Cursor,
    batch: list[Product],
    xml_md5: dict[str, str] | None = None,
) -> ProductPlan:
    """Read what a batch of products needs and decide what it writes; writes nothing.
    `xml_md5`: the items' XML digests, to store with them."""
    category_of = idmap.ids(cur, ctx.prefix, "category", [g for p in batch for g in p.group_ids])
    known = idmap.lookup(cur, ctx.prefix, "product", [p.id for p in batch])
    settings = ctx.settings
    items = list(dict((p.id, p) for p in batch).values())  # a repeated Ид: the last one wins
    written = {
        p.id: _fields(ctx, p)
        for p in items
        if not (p.deleted and settings["missing_action"] == "delete")
    }
    # One lookup of the batch's SKUs serves linking by SKU and keeping SKUs unique.
    holders = matching.sku_holders(cur, ctx.schema, [f.sku for f in written.values() if f.sku])
    links = linking.link_products(
        ctx,
        cur,
        [
            (p, written[p.id])
            for p in items
            if p.id in written and p.id not in known and not p.deleted
        ],
        holders,
    )
    known.update({ext: (xc, "") for ext, xc in links.linked.items()})
    targets = [
        (known[p.id][0] if p.id in known else None, p, written[p.id])
        for p in items
        if p.id in written and p.id not in links.ambiguous
        and (p.id not in known or settings["update_skus"])
    ]  # fmt: skip
    for i, guarded in linking.guard_skus(ctx, cur, targets, holders).items():
        written[targets[i][1].id] = guarded

    new, changed, unchanged, gone = [], {}, [], {}
    photos: dict[str, list[images.Picture] | None] = {}
    kept = _kept_photos(ctx, cur, [xc for xc, _ in known.values()])
    for p in items:
        if p.id not in written:
            if p.id in known:
                gone[p.id] = known[p.id][0]
            else:
                ctx.counts["products_skipped"] += 1
            continue
        if p.id in links.ambiguous:
            continue
        cats = [category_of[g] for g in p.group_ids if g in category_of]
        if len(cats) < len(p.group_ids):
            ctx.warn(f"product {p.id}: group(s) not in the catalog, linked to the known ones only")
        fields = written[p.id]
        photos[p.id], photo_key = _pictures(ctx, p)
        if photos[p.id] is None and p.id in known:
            photo_key = kept.get(known[p.id][0], ())  # the photos the shop keeps
        digest = fingerprint(fields, cats, photo_key, p.property_values, p.manufacturer, p.barcode)
        if p.id in known:
            xc_id, old = known[p.id]
            if old == digest:
                unchanged.append(p.id)
            else:
                changed[xc_id] = (p, fields, cats, digest)
        elif p.deleted:
            ctx.counts["products_skipped"] += 1
        else:
            new.append((p, fields, cats, digest))
    valued = [p for p, *_ in new]
    if settings["update_attributes"]:
        valued += [p for p, *_ in changed.values()]
    values = look_up_values(ctx, cur, valued)
    keys = _plan_keys(ctx, batch, written)
    return ProductPlan(new, changed, unchanged, gone, photos, values, keys, xml_md5)


def write_products(ctx: ImportContext, cur: Cursor, plan: ProductPlan) -> None:
    """Write a planned batch of products in the caller's transaction."""
    settings = ctx.settings
    new, changed, unchanged, gone, photos = (
        plan.new,
        plan.changed,
        plan.unchanged,
        plan.gone,
        plan.photos,
    )
    # A product goes on sale only with a price from 1C: a new one waits for its offer.
    new_ids = xc_products.insert(
        cur, ctx.schema, [replace(f, enabled=False) for _, f, _, _ in new], ctx.languages
    )
    created = dict(zip(new_ids, new, strict=True))
    unpriced.hold(
        cur,
        ctx.prefix,
        {pid: unpriced.NO_PRICE_YET for pid, (_, f, _, _) in created.items() if f.enabled},
    )
    waiting = unpriced.held(cur, ctx.prefix, list(changed))
    owned = [f for f in xc_products.OWNABLE if settings[OWNERSHIP[f]]]
    xc_products.update(
        cur,
        ctx.schema,
        {
            pid: replace(f, enabled=f.enabled and pid not in waiting)
            for pid, (_, f, _, _) in changed.items()
        },
        ctx.languages,
        owned,
    )
    category_links = {pid: cats for pid, (_, _, cats, _) in created.items()}
    if settings["update_categories"]:
        category_links.update({pid: cats for pid, (_, _, cats, _) in changed.items()})
    xc_products.set_categories(cur, ctx.schema, category_links)
    urls.add_product_urls(
        cur, ctx.schema, {pid: f.name for pid, (_, f, _, _) in created.items()}, ctx.urls
    )

    touched = dict(created)
    sync_images(
        ctx,
        cur,
        {
            pid: photos[p.id]
            for pid, (p, _, _, _) in (
                touched | changed if settings["update_images"] else touched
            ).items()
            if photos[p.id] is not None
        },
    )
    valued = touched | changed if settings["update_attributes"] else touched
    if valued:
        apply_values(
            ctx,
            cur,
            [(pid, p) for pid, (p, _, _, _) in valued.items()],
            plan.values,
            frozenset(created),
        )
    xc_products.refresh_quick_data(cur, ctx.schema, new_ids, created=True)
    idmap.store(
        cur,
        ctx.prefix,
        "product",
        [(p.id, pid, d) for pid, (p, _, _, d) in (created | changed).items()],
        plan.xml_md5,
    )
    idmap.touch(cur, ctx.prefix, "product", unchanged)
    remove_products(ctx, cur, gone)

    linking.note_created(ctx, [(p, f.name) for p, f, _, _ in new])
    ctx.counts["products_created"] += len(new_ids)
    ctx.counts["products_unchanged"] += len(unchanged)
    ctx.counts["products_disabled"] += sum(1 for p, _, _, _ in changed.values() if p.deleted)
    ctx.counts["products_updated"] += sum(1 for p, _, _, _ in changed.values() if not p.deleted)
    if new_ids or changed:
        ctx.entity_classes.update(xc_products.ENTITY_CLASSES)
        ctx.entity_classes.add(urls.ENTITY_CLASS)
