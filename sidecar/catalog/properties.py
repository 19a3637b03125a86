"""1C properties → X-Cart attributes and their values; the manufacturer → a brand."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pymysql.cursors import Cursor

from ..commerceml.reader import flag
from ..commerceml.records import Product, Property
from ..state import idmap
from ..state.properties import store_properties
from ..xcart import attributes, brands
from .context import ImportContext, fingerprint

MANUFACTURER = "#manufacturer"
MANUFACTURER_NAMES = {"en": "Manufacturer", "ru": "Производитель"}
# X-Cart has no barcode column: it keeps GTINs as an attribute (Google feed group "gtin").
BARCODE = "#barcode"
BARCODE_NAMES = {"en": "Barcode", "ru": "Штрихкод"}


def attribute_type(value_type: str) -> str:
    """Справочник → select with options, Булево → checkbox, anything else → text."""
    vt = value_type.strip().casefold()
    if vt == "справочник":
        return attributes.SELECT
    if vt in ("булево", "boolean"):
        return attributes.CHECKBOX
    return attributes.TEXT


def role(ctx: ImportContext, name: str) -> str:
    folded = name.strip().casefold()
    if folded in ctx.settings["skip_properties"]:
        return "skip"
    if folded in ctx.settings["manufacturer_properties"]:
        return "manufacturer"
    return "attribute"


def manufacturer_attribute(ctx: ImportContext, cur: Cursor) -> int:
    """The one global select attribute that holds manufacturers (ShopByBrand's, when set)."""
    known = idmap.lookup(cur, ctx.prefix, "attribute", [MANUFACTURER])
    chosen = brands.brand_attribute(cur, ctx.schema) if ctx.has_brands else None
    if chosen is not None:
        if known.get(MANUFACTURER, (None,))[0] != chosen:
            idmap.store(cur, ctx.prefix, "attribute", [(MANUFACTURER, chosen, "")])
        return chosen
    if MANUFACTURER in known:
        return known[MANUFACTURER][0]
    names = {c: MANUFACTURER_NAMES.get(c, MANUFACTURER_NAMES["en"]) for c in ctx.languages}
    [attribute_id] = attributes.create_attributes(
        cur, ctx.schema, [(names, attributes.SELECT, None, 0)]
    )
    idmap.store(cur, ctx.prefix, "attribute", [(MANUFACTURER, attribute_id, "")])
    if ctx.has_brands:
        brands.use_attribute(cur, ctx.schema, attribute_id)
    ctx.entity_classes.update(attributes.ENTITY_CLASSES)
    return attribute_id


def barcode_attribute(ctx: ImportContext, cur: Cursor) -> int:
    known = idmap.ids(cur, ctx.prefix, "attribute", [BARCODE])
    if BARCODE in known:
        return known[BARCODE]
    names = {c: BARCODE_NAMES.get(c, BARCODE_NAMES["en"]) for c in ctx.languages}
    [attribute_id] = attributes.create_attributes(
        cur, ctx.schema, [(names, attributes.TEXT, None, 0)]
    )
    if ctx.schema.supports("google_feed"):
        table = ctx.schema.table("attributes")
        cur.execute(
            f"UPDATE {table} SET googleShoppingGroup = 'gtin' WHERE id = %s", (attribute_id,)
        )
    idmap.store(cur, ctx.prefix, "attribute", [(BARCODE, attribute_id, "")])
    ctx.entity_classes.update(attributes.ENTITY_CLASSES)
    return attribute_id


def apply_properties(ctx: ImportContext, cur: Cursor, props: Sequence[Property]) -> None:
    """Create or rename the attributes and options a classifier defines."""
    store_properties(cur, ctx.prefix, [(p.id, p.name, p.value_type) for p in props])
    ctx.properties.update({p.id: (p.name, p.value_type) for p in props})
    known = idmap.lookup(cur, ctx.prefix, "attribute", [p.id for p in props])
    kept = [p for p in props if role(ctx, p.name) != "skip"]
    maker = None
    if any(role(ctx, p.name) == "manufacturer" for p in kept):
        maker = manufacturer_attribute(ctx, cur)

    target: dict[str, int] = {}
    fresh, mapped = [], []
    for position, prop in enumerate(kept):
        if role(ctx, prop.name) == "manufacturer":
            target[prop.id] = maker
            continue
        digest = fingerprint(prop.name, attribute_type(prop.value_type))
        if prop.id not in known:
            fresh.append((prop, position, digest))
            continue
        attribute_id, old = known[prop.id]
        if old != digest:
            attributes.rename_attribute(cur, ctx.schema, attribute_id, prop.name)
            ctx.counts["attributes_updated"] += 1
        target[prop.id] = attribute_id
        mapped.append((prop.id, attribute_id, digest))
    created = attributes.create_attributes(
        cur,
        ctx.schema,
        [
            (dict.fromkeys(ctx.languages, p.name or p.id), attribute_type(p.value_type), None, pos)
            for p, pos, _ in fresh
        ],
    )
    for attribute_id, (prop, _, digest) in zip(created, fresh, strict=True):
        target[prop.id] = attribute_id
        mapped.append((prop.id, attribute_id, digest))
    ctx.counts["attributes_created"] += len(created)
    idmap.store(cur, ctx.prefix, "attribute", mapped)

    selects = [p for p in kept if attribute_type(p.value_type) == attributes.SELECT]
    options = idmap.lookup(cur, ctx.prefix, "option", [v for p in selects for v, _ in p.values])
    new_options, mapped_options = [], []
    for prop in selects:
        for position, (value_id, value) in enumerate(prop.values):
            digest = fingerprint(target[prop.id], value)
            if value_id not in options:
                new_options.append((value_id, target[prop.id], value or value_id, position, digest))
                continue
            option_id, old = options[value_id]
            if old != digest:
                attributes.rename_option(cur, ctx.schema, option_id, value)
            mapped_options.append((value_id, option_id, digest))
    created = attributes.create_options(
        cur, ctx.schema, [(a, name, pos) for _, a, name, pos, _ in new_options], ctx.languages
    )
    mapped_options += [(v, o, d) for o, (v, _, _, _, d) in zip(created, new_options, strict=True)]
    ctx.counts["options_created"] += len(created)
    idmap.store(cur, ctx.prefix, "option", mapped_options)
    ctx.entity_classes.update(attributes.ENTITY_CLASSES)


@dataclass
class ValueLookups:
    """What writing a batch's attribute values looks up, read when the batch is planned
    (catalog.pipeline): the attributes and options the Id map knows for them, and every
    attribute that came from 1C."""

    attribute_of: dict[str, int]
    options: dict[str, int]
    from_1c: list[int]


def look_up_values(ctx: ImportContext, cur: Cursor, products: Sequence[Product]) -> ValueLookups:
    props = list({prop for p in products for prop, _ in p.property_values})
    candidates = [v for p in products for _, v in p.property_values]
    candidates += [f"{prop}|{v}" for p in products for prop, v in p.property_values]
    candidates += [f"{MANUFACTURER}|{p.manufacturer[0]}" for p in products if p.manufacturer]
    return ValueLookups(
        idmap.ids(cur, ctx.prefix, "attribute", props),
        idmap.ids(cur, ctx.prefix, "option", candidates),
        idmap.all_ids(cur, ctx.prefix, "attribute"),
    )


def apply_values(
    ctx: ImportContext,
    cur: Cursor,
    items: Sequence[tuple[int, Product]],
    lookups: ValueLookups,
    fresh: frozenset[int] = frozenset(),
) -> None:
    """Make each product's values of 1C's attributes (and its manufacturer) what 1C says;
    `fresh` are products created in this batch, which have none yet."""
    attribute_of, options = lookups.attribute_of, dict(lookups.options)
    need_maker = any(p.manufacturer for _, p in items) or any(
        role(ctx, ctx.properties.get(prop, ("", ""))[0]) == "manufacturer"
        for _, p in items
        for prop, _ in p.property_values
    )
    maker = manufacturer_attribute(ctx, cur) if need_maker else None
    barcode = barcode_attribute(ctx, cur) if any(p.barcode for _, p in items) else None

    selects: dict[tuple[int, int], int | tuple[int, str, str]] = {}
    texts: dict[tuple[int, int], str] = {}
    checks: dict[tuple[int, int], bool] = {}
    for pid, product in items:
        if product.barcode and barcode is not None:
            texts[(pid, barcode)] = product.barcode
        if product.manufacturer and maker is not None:
            ext, name = product.manufacturer
            key = f"{MANUFACTURER}|{ext}"
            selects.setdefault((pid, maker), options.get(key) or (maker, key, name))
        for prop, value in product.property_values:
            if prop not in ctx.properties:
                ctx.counts["values_of_unknown_properties"] += 1
                continue
            name, value_type = ctx.properties[prop]
            kind = role(ctx, name)
            if kind == "skip":
                continue
            attribute_id = maker if kind == "manufacturer" else attribute_of.get(prop)
            if attribute_id is None:
                continue
            typ = attributes.SELECT if kind == "manufacturer" else attribute_type(value_type)
            if typ == attributes.SELECT:
                # A Справочник value is an ИдЗначения; some exports send the text itself.
                key = f"{prop}|{value}"
                opt = options.get(value) or options.get(key) or (attribute_id, key, value)
                selects.setdefault((pid, attribute_id), opt)
            elif typ == attributes.CHECKBOX:
                checks.setdefault((pid, attribute_id), bool(flag(value)))
            else:
                texts.setdefault((pid, attribute_id), value)
    chosen = _resolve_options(ctx, cur, selects)
    # Every attribute that came from 1C (the manufacturer's and barcode's perhaps created
    # since the lookups): a value 1C no longer sends is removed.
    from_1c = {*lookups.from_1c, *(a for a in (maker, barcode) if a is not None)}
    attributes.replace_values(
        cur,
        ctx.schema,
        [pid for pid, _ in items if pid not in fresh],
        sorted(from_1c),
        [(p, a, o) for (p, a), o in chosen.items()],
        [(p, a, t) for (p, a), t in texts.items()],
        [(p, a, c) for (p, a), c in checks.items()],
        ctx.languages,
    )
    if ctx.has_brands and maker is not None:
        brand_of = brands.brands_for_options(
            cur,
            ctx.schema,
            [o for (_, a), o in chosen.items() if a == maker],
            ctx.languages,
        )
        brands.set_products(
            cur,
            ctx.schema,
            {pid: brand_of.get(chosen.get((pid, maker), -1)) for pid, _ in items},
        )
        ctx.entity_classes.update(brands.ENTITY_CLASSES)
    ctx.counts["attribute_values"] += len(chosen) + len(texts) + len(checks)
    ctx.entity_classes.update(attributes.ENTITY_CLASSES)


def _resolve_options(
    ctx: ImportContext, cur: Cursor, selects: dict[tuple[int, int], int | tuple[int, str, str]]
) -> dict[tuple[int, int], int]:
    """The option of each value: as the lookups found it, or for an (attribute, Id-map key,
    name) they did not find, one another batch created since (read again here, in the writing
    transaction), else a new one under the attribute (1C never listed it)."""
    wanted = {v[1]: v for v in selects.values() if not isinstance(v, int)}
    found: dict[str, int] = {}
    if wanted:
        found = idmap.ids(cur, ctx.prefix, "option", list(wanted))
    for key, (attribute_id, _, name) in wanted.items():
        if key in found:
            continue
        [found[key]] = attributes.create_options(
            cur, ctx.schema, [(attribute_id, name, 0)], ctx.languages
        )
        idmap.store(cur, ctx.prefix, "option", [(key, found[key], fingerprint(attribute_id, name))])
        ctx.counts["options_created"] += 1
    return {place: v if isinstance(v, int) else found[v[1]] for place, v in selects.items()}
