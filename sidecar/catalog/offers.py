"""1C offers → product price (of the chosen price type) and stock (total or per warehouse)."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from pymysql.cursors import Cursor

from ..commerceml.records import Offer, Price, PriceType
from ..state import idmap
from ..state import offers as offer_state
from ..xcart import products as xc_products
from .context import ImportContext

PRICE_PLACES = Decimal("0.0001")
PRICE_MAX = Decimal("9999999999")  # DECIMAL(14,4)
AMOUNT_MAX = 4294967295  # INT UNSIGNED


def wanted_price_types(ctx: ImportContext, cur: Cursor) -> set[str] | None:
    """The price type Ид(s) that make the product price: the `price_type` setting matched by
    Ид or name, else the first type 1C listed. None: no type known, take each offer's first."""
    known = offer_state.price_types(cur, ctx.prefix)
    setting = str(ctx.settings.get("price_type", "")).strip()
    if not setting:
        return {known[0][0]} if known else None
    folded = setting.casefold()
    matched = {ext for ext, name in known if ext == setting or name.strip().casefold() == folded}
    return matched or {setting}


def store_price_types(ctx: ImportContext, cur: Cursor, types: tuple[PriceType, ...]) -> None:
    offer_state.store_price_types(cur, ctx.prefix, [(t.id, t.name, t.currency) for t in types])


def _price(prices: tuple[Price, ...], wanted: set[str] | None) -> Decimal | None:
    for p in prices:
        if wanted is None or p.price_type_id in wanted:
            return p.value
    return None


def apply_offers(
    ctx: ImportContext, cur: Cursor, batch: list[Offer], wanted: set[str] | None
) -> None:
    """Record the batch's offers, then recompute price and stock of the products they touch,
    writing only the products whose values really changed."""
    # UT 10.3 exports each characteristic as a product of its own whose Ид is the full
    # `product#characteristic`: an offer belongs to the product with its whole Ид if there is
    # one, else to the product named before the `#`.
    candidates = [o.id for o in batch] + [o.product_id for o in batch]
    products = {
        ext: xc for ext, (xc, _) in idmap.lookup(cur, ctx.prefix, "product", candidates).items()
    }
    rows = []
    for o in batch:
        owner = o.id if o.id in products else o.product_id
        pid = products.get(owner)
        if pid is None:
            ctx.counts["offers_unknown_product"] += 1
            continue
        price = None
        if o.prices is not None:
            price = _price(o.prices, wanted)
            if price is None and o.prices:
                ctx.counts["offers_without_price_type"] += 1
            elif price is not None and not (0 <= price <= PRICE_MAX):
                ctx.warn(f"offer {o.id}: price {price} out of range, ignored")
                price = None
        if price is not None:
            price = price.quantize(PRICE_PLACES)
        rows.append((o.id, owner, pid, price, o.quantity, o.deleted))
        ctx.counts["offers"] += 1
    offer_state.store_offers(cur, ctx.prefix, rows)

    totals = offer_state.product_totals(cur, ctx.prefix, [r[2] for r in rows])
    current = xc_products.price_and_amount(cur, ctx.schema, [t[0] for t in totals])
    updates = []
    for pid, price, quantity in totals:
        amount = None
        if quantity is not None:
            amount = min(max(int(quantity.to_integral_value(ROUND_FLOOR)), 0), AMOUNT_MAX)
        old_price, old_amount = current[pid]
        if (price is not None and price != old_price) or (
            amount is not None and amount != old_amount
        ):
            updates.append((pid, price, amount))
    xc_products.set_price_and_amount(cur, ctx.schema, updates)
    xc_products.refresh_quick_data(cur, ctx.schema, [u[0] for u in updates])
    ctx.counts["products_repriced"] += len(updates)
    if updates:
        ctx.entity_classes.update(xc_products.ENTITY_CLASSES)
