"""1C offers → product price (of the chosen price type, in the shop's currency, per base unit),
market and wholesale prices, stock (all or the chosen warehouses), and variants."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from pymysql.cursors import Cursor

from ..commerceml.currencies import currency
from ..commerceml.records import Offer, Price, PriceType, Warehouse
from ..db import placeholders, update_from_rows
from ..settings.values import parse_rates
from ..state import idmap, unpriced
from ..state import offers as offer_state
from ..state.properties import store_warehouses, warehouse_ids
from ..xcart import products as xc_products
from ..xcart import shop
from .context import ImportContext, fingerprint
from .variants import VariantOffer, apply_variants

PRICE_PLACES = Decimal("0.0001")
PRICE_MAX = Decimal("9999999999")  # DECIMAL(14,4)
AMOUNT_MAX = 4294967295  # INT UNSIGNED


@dataclass(frozen=True)
class PriceChoice:
    """The price type Ид(s) for each use; None for retail = each offer's first price."""

    retail: set[str] | None
    market: set[str] | None
    wholesale: set[str] | None
    currencies: dict[str, str]  # price type Ид → its currency
    rates: dict[str, Decimal]  # currency → the shop currency's worth of one unit of it


def _wanted(
    setting: str, known: list[tuple[str, str, str]], default_first: bool
) -> set[str] | None:
    setting = setting.strip()
    if not setting:
        return {known[0][0]} if known and default_first else None
    folded = setting.casefold()
    matched = {ext for ext, name, _ in known if ext == setting or name.strip().casefold() == folded}
    return matched or {setting}


def price_choice(ctx: ImportContext, cur: Cursor) -> PriceChoice:
    """From the price_type, market_price_type and wholesale_price_type settings: each matched
    by Ид or name against the types 1C listed; price_type empty = the first one listed."""
    known = offer_state.price_types(cur, ctx.prefix)
    # The admin's rates win over the Multicurrency module's.
    rates = shop.multicurrency_rates(cur, ctx.schema)
    own, bad = parse_rates(ctx.settings["currency_rates"])
    for entry in bad:
        ctx.warn(f"currency_rates: {entry!r} is not `CODE = rate`, ignored")
    return PriceChoice(
        retail=_wanted(ctx.settings["price_type"], known, True),
        market=_wanted(ctx.settings["market_price_type"], known, False),
        wholesale=_wanted(ctx.settings["wholesale_price_type"], known, False),
        currencies={ext: currency(cur_code) for ext, _, cur_code in known},
        rates=rates | own,
    )


def store_price_types(ctx: ImportContext, cur: Cursor, types: tuple[PriceType, ...]) -> None:
    offer_state.store_price_types(cur, ctx.prefix, [(t.id, t.name, t.currency) for t in types])


def store_stores(ctx: ImportContext, cur: Cursor, items: tuple[Warehouse, ...]) -> None:
    store_warehouses(cur, ctx.prefix, [(w.id, w.name) for w in items])


def _price(
    ctx: ImportContext, offer: Offer, wanted: set[str] | None, choice: PriceChoice, count: bool
) -> tuple[Decimal | None, str]:
    """The offer's price of the wanted type in shop terms, or None and why not."""
    for p in offer.prices or ():
        if wanted is not None and p.price_type_id not in wanted:
            continue
        return _in_shop_terms(ctx, offer, p, choice, count)
    if count and offer.prices:
        ctx.counts["offers_without_price_type"] += 1
    return None, "no price of the chosen price type (setting price_type)"


def _in_shop_terms(
    ctx: ImportContext, offer: Offer, p: Price, choice: PriceChoice, count: bool
) -> tuple[Decimal | None, str]:
    """Per base unit, in the shop's currency (converted at the shop's rate), within X-Cart's
    column; else None and why (reported)."""
    code = currency(p.currency) or choice.currencies.get(p.price_type_id, "")
    value = p.value
    if code and ctx.shop_currency and code != ctx.shop_currency:
        rate = choice.rates.get(code)
        if rate is None:
            if count:
                ctx.counts["prices_in_other_currency"] += 1
                ctx.once(
                    "currency",
                    f"offer {offer.id}: price in {code}, the shop sells in"
                    f" {ctx.shop_currency} and has no rate for it (setting"
                    " currency_rates): such products stay hidden",
                )
            return None, f"price in {code}, no rate to {ctx.shop_currency} (currency_rates)"
        value = value * rate
        if count:
            ctx.counts["prices_converted"] += 1
    if p.coefficient and p.coefficient > 0 and p.coefficient != 1:
        value = value / p.coefficient  # the price is for a pack of `coefficient` base units
    if not 0 <= value <= PRICE_MAX:
        ctx.warn(f"offer {offer.id}: price {value} out of range, ignored")
        return None, f"price {value} out of range"
    return value.quantize(PRICE_PLACES), ""


def _amount(quantity: Decimal | None) -> int | None:
    if quantity is None:
        return None
    return min(max(int(quantity.to_integral_value(ROUND_FLOOR)), 0), AMOUNT_MAX)


def _quantity(offer: Offer, chosen: set[str] | None) -> Decimal | None:
    """Stock of the chosen warehouses when the offer lists them, else the total."""
    if chosen is None or not offer.stock:
        return offer.quantity
    return sum((q for wh, q in offer.stock if wh.casefold() in chosen or wh in chosen), Decimal(0))


@dataclass
class OfferPlan:
    """What a batch of offers will write, decided from reads alone (plan_offers)."""

    rows: list[tuple]  # offer_state.store_offers rows
    variant_items: list[tuple[int, str, Offer]]  # (product id, product Ид, offer)
    market: dict[int, Decimal | None]
    wholesale: dict[int, Decimal | None]
    # The XML digests of the batch's offers (catalog.unchanged), stored with them
    xml_md5: dict[str, str] | None = None

    def stored(self) -> set[str]:
        """The offers whose row (and XML digest) write_offers stores."""
        return {row[0] for row in self.rows}


def plan_offers(
    ctx: ImportContext,
    cur: Cursor,
    batch: list[Offer],
    choice: PriceChoice,
    xml_md5: dict[str, str] | None = None,
) -> OfferPlan:
    """Read what a batch of offers needs and decide what it writes; writes nothing.
    `xml_md5`: the offers' XML digests, to store with them."""
    # UT 10.3 exports each characteristic as a product of its own whose Ид is the full
    # `product#characteristic`: an offer belongs to the product with its whole Ид if there is
    # one, else to the product named before the `#`.
    products = idmap.ids(
        cur, ctx.prefix, "product", [o.id for o in batch] + [o.product_id for o in batch]
    )
    wanted_stores = ctx.settings["warehouses"]
    chosen = warehouse_ids(cur, ctx.prefix, wanted_stores) if wanted_stores else None
    before = offer_state.fingerprints(cur, ctx.prefix, [o.id for o in batch])
    rows, variant_items, market, wholesale = [], [], {}, {}
    for o in batch:
        owner = o.id if o.id in products else o.product_id
        pid = products.get(owner)
        if pid is None:
            ctx.counts["offers_unknown_product"] += 1
            continue
        ctx.counts["offers"] += 1
        price, why = (None, "")
        if o.prices is not None:  # a stock-only file (rests) says nothing of prices
            price, why = _price(ctx, o, choice.retail, choice, True)
        quantity = _quantity(o, chosen)
        extra = (None, None)
        if o.id == owner and o.prices:
            extra = (
                _price(ctx, o, choice.market, choice, False)[0] if choice.market else None,
                _price(ctx, o, choice.wholesale, choice, False)[0] if choice.wholesale else None,
            )
        digest = fingerprint(
            pid,
            owner,
            price,
            why,
            quantity,
            o.deleted,
            o.sku,
            o.characteristics,
            o.name if o.id != owner else "",
            extra,
        )
        if before.get(o.id) == digest:
            ctx.counts["offers_unchanged"] += 1
            continue
        rows.append((o.id, owner, pid, price, quantity, o.deleted, digest, why))
        if o.id != owner:
            variant_items.append((pid, owner, o))
        elif o.prices:
            if choice.market is not None:
                market[pid] = extra[0]
            if choice.wholesale is not None:
                wholesale[pid] = extra[1]
    return OfferPlan(rows, variant_items, market, wholesale, xml_md5)


def write_offers(ctx: ImportContext, cur: Cursor, plan: OfferPlan) -> None:
    """Record the batch's offers, write variants, then recompute price and stock of the
    products they touch, writing only the products whose values really changed; in the
    caller's transaction."""
    rows, variant_items, market, wholesale = (
        plan.rows,
        plan.variant_items,
        plan.market,
        plan.wholesale,
    )
    offer_state.store_offers(cur, ctx.prefix, rows, plan.xml_md5)
    apply_variants(ctx, cur, _variant_offers(ctx, cur, variant_items))
    _set_totals(ctx, cur, [r[2] for r in rows], {pid for pid, _, _ in variant_items})
    _set_market_prices(ctx, cur, market)
    _set_wholesale_prices(ctx, cur, wholesale)


def _variant_offers(
    ctx: ImportContext, cur: Cursor, offers: list[tuple[int, str, Offer]]
) -> list[VariantOffer]:
    """(product id, product Ид, offer) of characteristics, with the price and stock 1C has said
    so far (prices and stock may come in different files). One without a usable price is out
    of stock: the product's own price is not the characteristic's."""
    merged = offer_state.current(cur, ctx.prefix, [o.id for _, _, o in offers])
    out = []
    for pid, owner, o in offers:
        price, quantity = merged.get(o.id, (None, None))
        if price is None and not o.deleted:
            ctx.counts["variants_unpriced"] += 1
        amount = _amount(quantity) if price is not None else 0
        out.append(VariantOffer(pid, owner, o, price, amount))
    return out


def _set_totals(
    ctx: ImportContext, cur: Cursor, product_ids: list[int], with_variants: set[int]
) -> None:
    """Price and stock of the products from their offers; quick data (whose price range
    spans the variants) of those whose price or variants changed."""
    totals = offer_state.product_totals(cur, ctx.prefix, product_ids)
    _hold_or_release(ctx, cur, totals)
    current = xc_products.price_and_amount(cur, ctx.schema, [t[0] for t in totals])
    updates, repriced = [], set(with_variants) if ctx.has_variants else set()
    for pid, price, quantity, _ in totals:
        amount = _amount(quantity)
        old_price, old_amount = current[pid]
        new_price = price is not None and price != old_price
        if new_price or (amount is not None and amount != old_amount):
            updates.append((pid, price, amount))
        if new_price:
            repriced.add(pid)
    xc_products.set_price_and_amount(cur, ctx.schema, updates)
    xc_products.refresh_quick_data(cur, ctx.schema, sorted(repriced))
    ctx.counts["products_repriced"] += len(updates)
    if updates:
        ctx.entity_classes.update(xc_products.ENTITY_CLASSES)


def _hold_or_release(
    ctx: ImportContext, cur: Cursor, totals: list[tuple[int, Decimal | None, Decimal | None, str]]
) -> None:
    """A product that now has a usable price and was held goes on sale; one on sale without
    one is taken off sale (and held) until 1C gives one."""
    priced = [pid for pid, price, _, _ in totals if price is not None]
    waiting = sorted(unpriced.held(cur, ctx.prefix, priced))
    xc_products.enable(cur, ctx.schema, waiting)
    unpriced.release(cur, ctx.prefix, waiting)
    ctx.counts["products_on_sale"] += len(waiting)
    without = {pid: why or unpriced.NO_PRICE_YET for pid, price, _, why in totals if price is None}
    still = unpriced.held(cur, ctx.prefix, list(without))
    newly = xc_products.enabled_among(cur, ctx.schema, [p for p in without if p not in still])
    xc_products.disable(cur, ctx.schema, newly)
    unpriced.hold(cur, ctx.prefix, {pid: without[pid] for pid in [*still, *newly]})
    ctx.counts["products_unpriced"] += len(still) + len(newly)
    if waiting or newly:
        ctx.entity_classes.update(xc_products.ENTITY_CLASSES)


def _set_market_prices(ctx: ImportContext, cur: Cursor, prices: dict[int, Decimal | None]) -> None:
    if not prices:
        return
    if not ctx.schema.supports("market_price"):
        ctx.once("market", "market_price_type is set but the shop has no Market price module")
        return
    update_from_rows(
        cur,
        ctx.schema.table("products"),
        "product_id",
        ["marketPrice"],
        [(pid, price) for pid, price in prices.items() if price is not None],
    )


def _set_wholesale_prices(
    ctx: ImportContext, cur: Cursor, prices: dict[int, Decimal | None]
) -> None:
    if not prices:
        return
    if not ctx.schema.supports("wholesale"):
        ctx.once("wholesale", "wholesale_price_type is set but the shop has no Wholesale module")
        return
    membership = ctx.settings["wholesale_membership"].strip()
    cur.execute(
        f"SELECT m.membership_id FROM {ctx.schema.table('memberships')} m"
        f" JOIN {ctx.schema.table('membership_translations')} t ON t.id = m.membership_id"
        " WHERE t.name = %s LIMIT 1",
        (membership,),
    )
    row = cur.fetchone()
    if row is None:
        ctx.once("membership", f"wholesale membership {membership!r} not found in the shop")
        return
    ids = list(prices)
    cur.execute(
        f"DELETE FROM {ctx.schema.table('wholesale_prices')} WHERE membership_id = %s"
        f" AND product_id IN ({placeholders(ids)})",
        (row[0], *ids),
    )
    ctx.schema.insert_rows(
        cur,
        "wholesale_prices",
        [
            {
                "product_id": pid,
                "membership_id": row[0],
                "price": price,
                "quantityRangeBegin": 1,
                "quantityRangeEnd": 0,
                "type": "price",
            }
            for pid, price in prices.items()
            if price is not None
        ],
    )
