"""1C characteristics → X-Cart product variants. Each characteristic name becomes a select
attribute of that product, each value an option, each offer `product#characteristic` a variant
with its own SKU, price and stock. A shop without the ProductVariants module gets the same
attributes as options the customer picks, with the price difference as a modifier."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from pymysql.cursors import Cursor

from ..commerceml.records import Offer
from ..db import update_from_rows
from ..state import idmap
from ..state import offers as offer_state
from ..xcart import attributes, variants
from . import variant_links
from .context import ImportContext, fingerprint

_IN_PARENTHESES = re.compile(r"\(([^()]*)\)\s*$")


@dataclass(frozen=True)
class VariantOffer:
    product_id: int
    product_ext: str
    offer: Offer
    price: Decimal | None
    amount: int | None


def characteristics(offer: Offer) -> tuple[tuple[str, str], ...]:
    """Old 1C (2.03) sends no ХарактеристикиТовара: the characteristic is the offer name's
    trailing part in parentheses, e.g. «Ботинки (41)»."""
    if offer.characteristics:
        return offer.characteristics
    match = _IN_PARENTHESES.search(offer.name)
    value = match.group(1).strip() if match else ""
    return (("Вариант", value or offer.name or offer.characteristic_id or offer.id),)


def apply_variants(ctx: ImportContext, cur: Cursor, items: list[VariantOffer]) -> None:
    if not items:
        return
    if not ctx.has_variants:
        ctx.once(
            "no_variants",
            "the shop has no ProductVariants module: characteristics imported as product options",
        )
    known: dict[str, tuple[int, str]] = {}
    if ctx.has_variants:
        known = idmap.lookup(cur, ctx.prefix, "variant", [i.offer.id for i in items])
        items = _shop_variants(ctx, cur, items, known)
        if not items:
            return
    pairs = {
        (i.product_id, i.product_ext, name, value)
        for i in items
        for name, value in characteristics(i.offer)
    }
    attr_ext = {f"{pe}|{n}": (pid, n) for pid, pe, n, _ in pairs}
    value_ext = {f"{pe}|{n}|{v}": (pid, f"{pe}|{n}", v) for pid, pe, n, v in pairs}
    attr_ids = idmap.ids(cur, ctx.prefix, "variant_attribute", list(attr_ext))
    option_ids = idmap.ids(cur, ctx.prefix, "option", list(value_ext))
    value_ids = idmap.ids(cur, ctx.prefix, "variant_value", list(value_ext))

    languages = ctx.languages
    created = _create_missing(
        cur,
        ctx,
        "variant_attribute",
        attr_ids,
        attr_ext,
        lambda fresh: attributes.create_attributes(
            cur,
            ctx.schema,
            [
                (dict.fromkeys(languages, attr_ext[e][1]), attributes.SELECT, attr_ext[e][0], 0)
                for e in fresh
            ],
        ),
    )
    created |= _create_missing(
        cur,
        ctx,
        "option",
        option_ids,
        value_ext,
        lambda fresh: attributes.create_options(
            cur,
            ctx.schema,
            [(attr_ids[value_ext[e][1]], value_ext[e][2], 0) for e in fresh],
            languages,
        ),
    )
    created |= _create_missing(
        cur,
        ctx,
        "variant_value",
        value_ids,
        value_ext,
        lambda fresh: attributes.add_select_values(
            cur,
            ctx.schema,
            [(value_ext[e][0], attr_ids[value_ext[e][1]], option_ids[e]) for e in fresh],
        ),
    )
    if created:
        ctx.entity_classes.update(attributes.ENTITY_CLASSES)
    if ctx.has_variants:
        _write_variants(ctx, cur, items, known, attr_ids, value_ids)
    else:
        _write_modifiers(ctx, cur, items, value_ids)


def _create_missing(
    cur: Cursor,
    ctx: ImportContext,
    kind: str,
    known: dict[str, int],
    wanted: Iterable[str],
    create: Callable[[list[str]], list[int]],
) -> bool:
    """Create the items of `wanted` that `known` lacks, in one batch, and remember them."""
    fresh = sorted(e for e in wanted if e not in known)
    if not fresh:
        return False
    ids = create(fresh)
    known.update(zip(fresh, ids, strict=True))
    idmap.store(cur, ctx.prefix, kind, [(e, i, "") for e, i in zip(fresh, ids, strict=True)])
    return True


def _shop_variants(
    ctx: ImportContext, cur: Cursor, items: list[VariantOffer], known: dict[str, tuple[int, str]]
) -> list[VariantOffer]:
    """The characteristics the shop's own variants serve, linked before or linked now
    (catalog.variant_links), get their price and stock written there, the variant's SKU and values
    kept; an ambiguous one is left out (its offer forgotten, so it is read again once the tie
    is gone). Returns the characteristics that are 1C's own variants."""
    links = variant_links.link_variants(
        ctx,
        cur,
        [
            (i.offer.id, i.product_id, i.offer.sku, characteristics(i.offer))
            for i in items
            if i.offer.id not in known and not i.offer.deleted
        ],
    )
    idmap.store(
        cur,
        ctx.prefix,
        "variant",
        [(o, v, variant_links.LINKED_VARIANT) for o, v in links.linked.items()],
    )
    served = {o: vid for o, (vid, mark) in known.items() if mark == variant_links.LINKED_VARIANT}
    served.update(links.linked)
    gone = [served[i.offer.id] for i in items if i.offer.deleted and i.offer.id in served]
    variants.delete(cur, ctx.schema, gone)
    idmap.forget(
        cur,
        ctx.prefix,
        "variant",
        [i.offer.id for i in items if i.offer.deleted and i.offer.id in served],
    )
    updates = [
        (served[i.offer.id], None, i.price, i.amount)
        for i in items
        if i.offer.id in served and not i.offer.deleted
    ]
    variants.update(cur, ctx.schema, updates, keep_sku=True)
    offer_state.forget(cur, ctx.prefix, sorted(links.ambiguous))
    ctx.counts["variants_deleted"] += len(gone)
    if gone or updates:
        ctx.entity_classes.update(variants.ENTITY_CLASSES)
    return [i for i in items if i.offer.id not in served and i.offer.id not in links.ambiguous]


def _write_variants(
    ctx: ImportContext,
    cur: Cursor,
    items: list[VariantOffer],
    known: dict[str, tuple[int, str]],
    attr_ids: dict[str, int],
    value_ids: dict[str, int],
) -> None:
    gone = [known[i.offer.id][0] for i in items if i.offer.deleted and i.offer.id in known]
    variants.delete(cur, ctx.schema, gone)
    idmap.forget(cur, ctx.prefix, "variant", [i.offer.id for i in items if i.offer.deleted])
    live = [i for i in items if not i.offer.deleted]
    links = [
        (i.product_id, attr_ids[f"{i.product_ext}|{n}"])
        for i in live
        for n, _ in characteristics(i.offer)
    ]
    variants.link_attributes(cur, ctx.schema, links)
    updates, fresh, values, mapped = [], [], {}, []
    for item in live:
        chars = characteristics(item.offer)
        digest = fingerprint(chars)
        sku = item.offer.sku if 0 < len(item.offer.sku) <= variants.SKU_MAX else None
        vals = [value_ids[f"{item.product_ext}|{n}|{v}"] for n, v in chars]
        if item.offer.id in known:
            variant_id, old = known[item.offer.id]
            updates.append((variant_id, sku, item.price, item.amount))
            if old != digest:
                values[variant_id] = vals
            mapped.append((item.offer.id, variant_id, digest))
        else:
            fresh.append((item, sku, vals, digest))
    variants.update(cur, ctx.schema, updates)
    rows = [
        (i.product_id, variants.code(i.offer.id), sku, i.price, i.amount) for i, sku, _, _ in fresh
    ]
    new_ids = variants.create(cur, ctx.schema, rows)
    for vid, (item, _, vals, digest) in zip(new_ids, fresh, strict=True):
        values[vid] = vals
        mapped.append((item.offer.id, vid, digest))
    variants.set_values(cur, ctx.schema, values)
    idmap.store(cur, ctx.prefix, "variant", mapped)
    ctx.counts["variants_created"] += len(new_ids)
    ctx.counts["variants_deleted"] += len(gone)
    if new_ids or gone or updates:
        ctx.entity_classes.update(variants.ENTITY_CLASSES)


def _write_modifiers(
    ctx: ImportContext, cur: Cursor, items: list[VariantOffer], value_ids: dict[str, int]
) -> None:
    """Without variants: a one-characteristic offer's price becomes its option's modifier
    against the product's lowest price."""
    lowest: dict[int, Decimal] = {}
    for i in items:
        if i.price is not None and not i.offer.deleted:
            lowest[i.product_id] = min(lowest.get(i.product_id, i.price), i.price)
    rows = []
    for i in items:
        chars = characteristics(i.offer)
        if i.price is None or i.offer.deleted or len(chars) != 1:
            continue
        name, value = chars[0]
        value_id = value_ids[f"{i.product_ext}|{name}|{value}"]
        rows.append((value_id, i.price - lowest[i.product_id], "a"))
    update_from_rows(
        cur,
        ctx.schema.table("attribute_values_select"),
        "id",
        ["priceModifier", "priceModifierType"],
        rows,
    )
