"""The Ид an order line carries to 1C, and the order line an Ид from 1C names.

Goods that came from 1C carry 1C's own Ид (`product` or `product#characteristic`), and so do
the shop's own goods once linked to 1C products, in orders placed before the link too (the Ид
is looked up when the order is sent). Goods the shop created itself and never linked have no
1C Ид, yet 1C needs one to match the line when it sends the order
back, so they carry a stable Ид of the shop's: `xc-product-<product id>`, with
`#xc-variant-<variant id>` for a variant X-Cart made; a line whose product was deleted carries
`xc-item-<order line id>`. Each is recognised again when 1C returns it."""

from __future__ import annotations

from dataclasses import dataclass

from ..commerceml.records import split_item_id

SHOP_PRODUCT, SHOP_VARIANT, SHOP_ITEM = "xc-product-", "xc-variant-", "xc-item-"


def line_id(
    item_id: int,
    product_id: int | None,
    variant_id: int | None,
    products: dict[int, str],
    variants: dict[int, str],
) -> str:
    """The Ид 1C gets for an order line; `products` / `variants` map X-Cart ids to 1C Ид."""
    if variant_id is not None and variant_id in variants:
        return variants[variant_id]
    if product_id is None:
        return f"{SHOP_ITEM}{item_id}"
    base = products.get(product_id) or f"{SHOP_PRODUCT}{product_id}"
    return base if variant_id is None else f"{base}#{SHOP_VARIANT}{variant_id}"


def _number(text: str, prefix: str) -> int | None:
    rest = text[len(prefix) :]
    return int(rest) if text.startswith(prefix) and rest.isdigit() else None


@dataclass(frozen=True)
class ShopIds:
    """The X-Cart ids an Ид of the shop's own names (each still to be checked)."""

    product: int | None
    variant: int | None
    item: int | None


def shop_ids(ext_id: str) -> ShopIds:
    base, characteristic = split_item_id(ext_id)
    return ShopIds(
        _number(base, SHOP_PRODUCT),
        _number(characteristic, SHOP_VARIANT),
        _number(base, SHOP_ITEM),
    )
