"""1C properties → X-Cart attributes and their values; the manufacturer → a brand."""

from __future__ import annotations

from collections.abc import Sequence

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


def _option(
    ctx: ImportContext, cur: Cursor, cache: dict[str, int], attribute_id: int, ext: str, name: str
) -> int:
    """The option for `ext`, created under the attribute when 1C never listed it."""
    if ext not in cache:
        [cache[ext]] = attributes.create_options(
            cur, ctx.schema, [(attribute_id, name, 0)], ctx.languages
        )
        idmap.store(cur, ctx.prefix, "option", [(ext, cache[ext], fingerprint(attribute_id, name))])
        ctx.counts["options_created"] += 1
    return cache[ext]


def apply_values(ctx: ImportContext, cur: Cursor, items: Sequence[tuple[int, Product]]) -> None:
    """Make each product's values of 1C's attributes (and its manufacturer) what 1C says."""
    props = list({prop for _, p in items for prop, _ in p.property_values})
    attribute_of = idmap.ids(cur, ctx.prefix, "attribute", props)
    candidates = [v for _, p in items for _, v in p.property_values]
    candidates += [f"{prop}|{v}" for _, p in items for prop, v in p.property_values]
    candidates += [f"{MANUFACTURER}|{p.manufacturer[0]}" for _, p in items if p.manufacturer]
    options = idmap.ids(cur, ctx.prefix, "option", candidates)
    need_maker = any(p.manufacturer for _, p in items) or any(
        role(ctx, ctx.properties.get(prop, ("", ""))[0]) == "manufacturer"
        for _, p in items
        for prop, _ in p.property_values
    )
    maker = manufacturer_attribute(ctx, cur) if need_maker else None
    barcode = barcode_attribute(ctx, cur) if any(p.barcode for _, p in items) else None

    selects: dict[tuple[int, int], int] = {}
    texts: dict[tuple[int, int], str] = {}
    checks: dict[tuple[int, int], bool] = {}
    for pid, product in items:
        if product.barcode and barcode is not None:
            texts[(pid, barcode)] = product.barcode
        if product.manufacturer and maker is not None:
            ext, name = product.manufacturer
            opt = _option(ctx, cur, options, maker, f"{MANUFACTURER}|{ext}", name)
            selects.setdefault((pid, maker), opt)
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
                opt = options.get(value) or _option(
                    ctx, cur, options, attribute_id, f"{prop}|{value}", value
                )
                selects.setdefault((pid, attribute_id), opt)
            elif typ == attributes.CHECKBOX:
                checks.setdefault((pid, attribute_id), bool(flag(value)))
            else:
                texts.setdefault((pid, attribute_id), value)
    # Every attribute that came from 1C: a value 1C no longer sends is removed.
    attributes.replace_values(
        cur,
        ctx.schema,
        [pid for pid, _ in items],
        idmap.all_ids(cur, ctx.prefix, "attribute"),
        [(p, a, o) for (p, a), o in selects.items()],
        [(p, a, t) for (p, a), t in texts.items()],
        [(p, a, c) for (p, a), c in checks.items()],
        ctx.languages,
    )
    if ctx.has_brands and maker is not None:
        brand_of = brands.brands_for_options(
            cur, ctx.schema, [o for (_, a), o in selects.items() if a == maker], ctx.languages
        )
        brands.set_products(
            cur,
            ctx.schema,
            {pid: brand_of.get(selects.get((pid, maker), -1)) for pid, _ in items},
        )
        ctx.entity_classes.update(brands.ENTITY_CLASSES)
    ctx.counts["attribute_values"] += len(selects) + len(texts) + len(checks)
    ctx.entity_classes.update(attributes.ENTITY_CLASSES)
