"""A linked product's characteristics meet the shop's own variants of it (catalog.linking):
each 1C characteristic the Id map does not know becomes the variant with its SKU, or else with
its values, instead of a second variant beside it; the same never-a-wrong-link rules."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from pymysql.cursors import Cursor

from ..state import idmap
from ..xcart import matching
from .context import ImportContext
from .linking import example, product_keys


@dataclass
class VariantLinks:
    """What linking decided for the characteristics of one batch."""

    linked: dict[str, int] = field(default_factory=dict)  # offer Ид → shop variant id
    ambiguous: set[str] = field(default_factory=set)  # offer Ид left out, reported


# The Id-map fingerprint of a variant that is the shop's own, linked to a 1C characteristic:
# 1C writes its price and stock; its SKU and attribute values stay the shop's.
LINKED_VARIANT = "linked"


def _fold(text: str | None) -> str:
    return (text or "").casefold().strip()


def _variant_matches(
    key: str, sku: str, chars: Sequence[tuple[str, str]], variant: tuple[str, dict]
) -> bool:
    """Whether a shop variant (its SKU, attribute → (names, values)) is the characteristic by
    a key: the SKU as X-Cart compares it, or every characteristic value the value of one of
    the variant's attributes of that name, and no attribute left over."""
    own_sku, attrs = variant
    if key == "sku":
        return bool(sku) and own_sku == _fold(sku)
    if not chars or len(chars) != len(attrs):
        return False
    free = dict(attrs)
    for name, value in chars:
        hit = next(
            (a for a, (ns, vs) in free.items() if _fold(name) in ns and _fold(value) in vs), None
        )
        if hit is None:
            return False
        del free[hit]
    return True


def link_variants(
    ctx: ImportContext,
    cur: Cursor,
    offers: Sequence[tuple[str, int, str, tuple[tuple[str, str], ...]]],
) -> VariantLinks:
    """Link characteristics the Id map does not know, given as (offer Ид, shop product id,
    Артикул, characteristic values), to the shop's own variants of their product that no 1C
    characteristic holds (a linked product's): by SKU, then by the values (БЭД of УТ 11, ERP
    and КА sends the product's Артикул for each of its characteristics, so there the values
    decide). One lookup for the batch. A variant two characteristics match, or a
    characteristic two variants match, links nothing by that key; one that no key links and
    some key found twice is reported with both sides and not imported."""
    links = VariantLinks()
    if not product_keys(ctx) or not offers:
        return links
    rows = matching.variants_of(cur, ctx.schema, [pid for _, pid, _, _ in offers])
    held = set(idmap.ext_ids(cur, ctx.prefix, "variant", [r[0] for r in rows]))
    shop: dict[int, dict[int, tuple[str, dict]]] = defaultdict(dict)
    for vid, pid, sku, attr, attr_name, option in rows:
        if vid in held:
            continue
        _, attrs = shop[pid].setdefault(vid, (_fold(sku).rstrip(), {}))
        if attr is not None:
            names, values = attrs.setdefault(attr, (set(), set()))
            names.add(_fold(attr_name))
            values.add(_fold(option))
    for pid, own in shop.items():
        left = [o for o in offers if o[1] == pid]
        doubt: dict[str, str] = {}
        for key in ("sku", "values"):
            found = {
                o[0]: [v for v in own if _variant_matches(key, o[2], o[3], own[v])] for o in left
            }
            suitors = Counter(v for vids in found.values() for v in vids)
            rest = []
            for o in left:
                vids = found[o[0]]
                if len(vids) == 1 and suitors[vids[0]] == 1:
                    links.linked[o[0]] = vids[0]
                    ctx.counts["variants_linked"] += 1
                    example(
                        ctx,
                        "variants",
                        f"linked: characteristic {o[0]} → variant #{vids[0]} of shop product"
                        f" #{pid} by {'SKU ' + repr(o[2]) if key == 'sku' else 'its values'}",
                    )
                    continue
                if vids and o[0] not in doubt:
                    twins = sorted(q for q, qv in found.items() if set(qv) & set(vids))
                    what = f"SKU {o[2]!r} matches" if key == "sku" else "its values match"
                    doubt[o[0]] = (
                        f"characteristic {o[0]}: {what} variants"
                        f" {', '.join(f'#{v}' for v in sorted(vids))} of shop product #{pid}"
                        f" and 1C characteristics {', '.join(twins)}"
                    )
                rest.append(o)
            own = {v: own[v] for v in own if v not in set(links.linked.values())}
            left = rest
        for o in left:
            if o[0] in doubt:
                links.ambiguous.add(o[0])
                ctx.counts["variants_ambiguous"] += 1
                ctx.warn(doubt[o[0]] + ": linked to none and not imported until it is unique")
            elif own:
                example(
                    ctx,
                    "beside",
                    f"created: characteristic {o[0]} beside the own variants of shop product"
                    f" #{pid}, none of which it matches by SKU or values",
                )
    return links
