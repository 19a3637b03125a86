"""1C products → X-Cart products: create, update, skip unchanged; category links."""

from __future__ import annotations

from decimal import Decimal

from pymysql.cursors import Cursor

from ..commerceml.records import Product
from ..state import idmap
from ..xcart import products as xc_products
from .context import ImportContext, fingerprint

WEIGHT_PLACES = Decimal("0.0001")


def _fields(ctx: ImportContext, p: Product) -> xc_products.ProductFields:
    name = p.name or p.requisite("Полное наименование") or p.id
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
    )


def apply_products(ctx: ImportContext, cur: Cursor, batch: list[Product]) -> None:
    """Write one batch of products in the caller's transaction."""
    group_ids = [g for p in batch for g in p.group_ids]
    category_of = {
        ext: xc for ext, (xc, _) in idmap.lookup(cur, ctx.prefix, "category", group_ids).items()
    }
    known = idmap.lookup(cur, ctx.prefix, "product", [p.id for p in batch])

    new: list[tuple[Product, xc_products.ProductFields, list[int], str]] = []
    changed: dict[int, tuple[Product, xc_products.ProductFields, list[int], str]] = {}
    for p in dict((p.id, p) for p in batch).values():  # a repeated Ид: the last one wins
        cats = [category_of[g] for g in p.group_ids if g in category_of]
        if len(cats) < len(p.group_ids):
            ctx.warn(f"product {p.id}: group(s) not in the catalog, linked to the known ones only")
        fields = _fields(ctx, p)
        digest = fingerprint(fields, cats)
        if p.id in known:
            xc_id, old = known[p.id]
            if old == digest:
                ctx.counts["products_unchanged"] += 1
            else:
                changed[xc_id] = (p, fields, cats, digest)
        elif p.deleted:
            ctx.counts["products_skipped"] += 1
        else:
            new.append((p, fields, cats, digest))

    new_ids = xc_products.insert(cur, ctx.schema, [f for _, f, _, _ in new], ctx.languages)
    xc_products.update(
        cur, ctx.schema, {pid: f for pid, (_, f, _, _) in changed.items()}, ctx.languages
    )
    links = {pid: cats for pid, (_, _, cats, _) in zip(new_ids, new, strict=True)}
    links.update({pid: cats for pid, (_, _, cats, _) in changed.items()})
    xc_products.set_categories(cur, ctx.schema, links)
    xc_products.refresh_quick_data(cur, ctx.schema, new_ids)
    idmap.store(
        cur,
        ctx.prefix,
        "product",
        [(p.id, pid, d) for pid, (p, _, _, d) in zip(new_ids, new, strict=True)]
        + [(p.id, pid, d) for pid, (p, _, _, d) in changed.items()],
    )
    ctx.counts["products_created"] += len(new_ids)
    ctx.counts["products_disabled"] += sum(1 for p, _, _, _ in changed.values() if p.deleted)
    ctx.counts["products_updated"] += sum(1 for p, _, _, _ in changed.values() if not p.deleted)
    if new_ids or changed:
        ctx.entity_classes.update(xc_products.ENTITY_CLASSES)
