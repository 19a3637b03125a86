"""1C characteristics → X-Cart product variants. Each characteristic name becomes a select
attribute of that product, each value an option, each offer `product#characteristic` a variant
with its own SKU, price and stock. A shop without the ProductVariants module gets the same
attributes as options the customer picks, with the price difference as a modifier."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pymysql.cursors import Cursor

from ..commerceml.records import Offer
from ..state import idmap
from ..xcart import attributes, variants
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
    pairs = {(i.product_id, i.product_ext, name, value)
             for i in items for name, value in characteristics(i.offer)}  # fmt: skip
    attr_ext = {f"{pe}|{n}": pid for pid, pe, n, _ in pairs}
    value_ext = {f"{pe}|{n}|{v}": (pid, f"{pe}|{n}", v) for pid, pe, n, v in pairs}
    attr_ids = idmap.ids(cur, ctx.prefix, "variant_attribute", list(attr_ext))
    option_ids = idmap.ids(cur, ctx.prefix, "option", list(value_ext))
    value_ids = idmap.ids(cur, ctx.prefix, "variant_value", list(value_ext))
    for ext, pid in attr_ext.items():
        if ext not in attr_ids:
            name = ext.split("|", 1)[1]
            attr_ids[ext] = attributes.create_attribute(
                cur, ctx.schema, dict.fromkeys(ctx.languages, name), attributes.SELECT,
                product_id=pid,
            )  # fmt: skip
            idmap.store(cur, ctx.prefix, "variant_attribute", [(ext, attr_ids[ext], "")])
    for ext, (pid, aext, value) in sorted(value_ext.items()):
        if ext not in option_ids:
            option_ids[ext] = attributes.create_option(
                cur, ctx.schema, attr_ids[aext], value, ctx.languages
            )
            idmap.store(cur, ctx.prefix, "option", [(ext, option_ids[ext], "")])
        if ext not in value_ids:
            value_ids[ext] = attributes.add_select_value(
                cur, ctx.schema, pid, attr_ids[aext], option_ids[ext]
            )
            idmap.store(cur, ctx.prefix, "variant_value", [(ext, value_ids[ext], "")])
    ctx.entity_classes.update(attributes.ENTITY_CLASSES)
    if ctx.has_variants:
        _write_variants(ctx, cur, items, attr_ids, value_ids)
    else:
        _write_modifiers(ctx, cur, items, value_ids)


def _write_variants(
    ctx: ImportContext,
    cur: Cursor,
    items: list[VariantOffer],
    attr_ids: dict[str, int],
    value_ids: dict[str, int],
) -> None:
    known = idmap.lookup(cur, ctx.prefix, "variant", [i.offer.id for i in items])
    gone = [known[i.offer.id][0] for i in items if i.offer.deleted and i.offer.id in known]
    variants.delete(cur, ctx.schema, gone)
    idmap.forget(cur, ctx.prefix, "variant", [i.offer.id for i in items if i.offer.deleted])
    mapped, updates = [], []
    for item in items:
        if item.offer.deleted:
            continue
        chars = characteristics(item.offer)
        digest = fingerprint(chars)
        pe = item.product_ext
        variants.link_attributes(cur, ctx.schema, item.product_id,
                                 [attr_ids[f"{pe}|{n}"] for n, _ in chars])  # fmt: skip
        values = [value_ids[f"{pe}|{n}|{v}"] for n, v in chars]
        sku = (item.offer.sku or None) if len(item.offer.sku) <= 32 else None
        if item.offer.id in known:
            variant_id, old = known[item.offer.id]
            updates.append((variant_id, sku, item.price, item.amount))
            if old != digest:
                variants.set_values(cur, ctx.schema, variant_id, values)
        else:
            variant_id = variants.create(
                cur, ctx.schema, item.product_id, item.offer.sku or str(item.product_id), sku,
                item.price, item.amount,
            )  # fmt: skip
            variants.set_values(cur, ctx.schema, variant_id, values)
            ctx.counts["variants_created"] += 1
        mapped.append((item.offer.id, variant_id, digest))
    variants.update_many(cur, ctx.schema, updates)
    idmap.store(cur, ctx.prefix, "variant", mapped)
    ctx.counts["variants_deleted"] += len(gone)
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
        rows.append((i.price - lowest[i.product_id], value_ids[f"{i.product_ext}|{name}|{value}"]))
    cur.executemany(
        f"UPDATE {ctx.schema.table('attribute_values_select')}"
        " SET priceModifier = %s, priceModifierType = 'a' WHERE id = %s",
        rows,
    )
