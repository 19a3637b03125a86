"""Products and offers whose XML is exactly what was last written, with nothing else their
writing depends on changed, are skipped before they are read: an unchanged full export costs
the parse and one lookup per batch. Part of the comparison, besides the item's XML: the
settings, the shop's languages, units and modules, the classifier's properties and the groups'
categories (products), the chosen price types and the product an offer belongs to (offers).
A product with photos uploaded in this exchange always goes the full way: a picture's content
can change under the same name."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from pymysql.cursors import Cursor

from ..commerceml.reader import build
from ..commerceml.records import Invalid, Offer, Product, Raw
from ..settings import BY_NAME
from ..state import idmap
from ..state import offers as offer_state
from .context import ImportContext, fingerprint


def product_context(ctx: ImportContext, cur: Cursor) -> str:
    """What a product's writing depends on besides its XML (refresh after groups and
    properties change)."""
    categories = idmap.checksum(cur, ctx.prefix, "category")
    return fingerprint(_shop(ctx), sorted(ctx.properties.items()), categories)


def offer_context(ctx: ImportContext, choice: Any) -> str:
    return fingerprint(_shop(ctx), repr(choice))


def _shop(ctx: ImportContext) -> tuple:
    # Secrets stay out: digests are stored, and a password must not be guessable from them.
    settings = sorted(
        (name, repr(value))
        for name, value in ctx.settings.items()
        if name not in BY_NAME or BY_NAME[name].kind != "password"
    )
    return (
        settings,
        ctx.languages,
        ctx.root_category,
        str(ctx.weight_factor),
        ctx.shop_currency,
        ctx.has_variants,
        ctx.has_brands,
        repr(ctx.urls),
    )


def read_changed(
    ctx: ImportContext, cur: Cursor, batch: list[Raw], context: str
) -> tuple[list[Product] | list[Offer], dict[str, str], list[str]]:
    """The batch's items that must go the full way, read; the others are counted as unchanged
    here. Returns the items, the digests to record once they are written and the Ids of the
    skipped ones (record_written marks them as sent by 1C); writes nothing."""
    kind = batch[0].kind
    digests = {r.id: hashlib.md5((r.xml_md5 + context).encode()).hexdigest() for r in batch}
    ids = list(digests)
    if kind == "product":
        stored = idmap.xml_digests(cur, ctx.prefix, "product", ids)
        same = {i for i in ids if stored.get(i) == digests[i]}
    else:
        stored = offer_state.xml_digests(cur, ctx.prefix, ctx.schema.table("products"), ids)
        same = {i for i in ids if stored.get(i) == digests[i]}
        # An offer `a#b` belongs to product `a#b` when there is one (УТ 10.3), else to `a`:
        # a product `a#b` new in this exchange changes its owner.
        split = [i for i in same if "#" in i]
        same -= set(idmap.ids(cur, ctx.prefix, "product", split))
    skipped = [r for r in batch if r.id in same and not _photos_uploaded(ctx, r)]
    skipped_ids = {r.id for r in skipped}
    if kind == "product":
        ctx.counts["products_unchanged"] += len(skipped)
        # as the full way reports them: the shop keeps their photos
        ctx.counts["products_without_uploaded_photos"] += sum(1 for r in skipped if r.pictures)
    else:
        ctx.counts["offers"] += len(skipped)
        ctx.counts["offers_unchanged"] += len(skipped)
    items = []
    for raw in batch:
        if raw.id in skipped_ids:
            continue
        record = raw.record if raw.record is not None else build(raw)
        if isinstance(record, Invalid):
            ctx.report_invalid(record)
            digests.pop(raw.id, None)
            continue
        items.append(record)
    written = {i: d for i, d in digests.items() if i not in skipped_ids}
    return items, written, sorted(skipped_ids)


def record_written(
    ctx: ImportContext, cur: Cursor, kind: str, digests: dict[str, str], skipped: list[str]
) -> None:
    """The digests of the items written, and the products skipped marked as sent by 1C."""
    if kind == "product":
        idmap.touch(cur, ctx.prefix, "product", skipped)
        idmap.set_xml_digests(cur, ctx.prefix, "product", digests)
    else:
        offer_state.set_xml_digests(cur, ctx.prefix, digests)


def _photos_uploaded(ctx: ImportContext, raw: Raw) -> bool:
    """Whether any of the product's pictures came with this exchange (the exchange directory
    listed once, not a stat per picture); a name the safe-path rule might refuse sends the
    product the full way, where it is reported."""
    uploaded = ctx.uploaded()
    for name in raw.pictures:
        if ".." in name or name.startswith(("/", "\\")) or ":" in name:
            return True
        if os.path.normpath(name) in uploaded:
            return True
    return False
