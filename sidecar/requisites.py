"""The extra requisites a shop sends with each order (setting orders_requisites): lines
`1C name = source`, where the source is one of a documented vocabulary. 1C's «Настройка полей
обмена заказами» maps them onto its order and counterparty fields; an unknown source is refused
when saved and reported by doctor, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass

# order.<field>: the order's own fields
ORDER_FIELDS = {
    "number": "the order number",
    "notes": "the customer's note",
    "admin_notes": "the staff note",
    "coupons": "coupon codes, comma-separated (CDev\\Coupons)",
    "tracking": "tracking numbers, comma-separated",
    "payment_method": "the payment method",
    "shipping_method": "the shipping method",
    "currency": "the currency code",
    "total": "the total",
    "subtotal": "the subtotal of the items",
}
PROFILE_FIELDS = {"login": "the customer's e-mail", "membership": "the membership's name"}
_NAME = re.compile(r"^[A-Za-z0-9_]+$")


@dataclass(frozen=True)
class Requisite:
    name: str  # as 1C names it
    source: str  # e.g. order.tracking, billing.inn


def known(source: str) -> bool:
    """Whether a source is in the vocabulary: order.<field>, profile.<field>,
    surcharge.<type> (the sum of the order's surcharges of that type, e.g. shipping, tax,
    discount) or billing./shipping.<address field's serviceName> (custom fields included)."""
    kind, _, field = source.partition(".")
    if kind == "order":
        return field in ORDER_FIELDS
    if kind == "profile":
        return field in PROFILE_FIELDS
    return kind in ("surcharge", "billing", "shipping") and bool(_NAME.match(field))


def parse(entries: tuple[str, ...]) -> tuple[list[Requisite], list[str]]:
    """Setting lines → (requisites, the lines that are not `name = known source`)."""
    good, bad = [], []
    for entry in entries:
        name, sep, source = entry.rpartition("=")
        requisite = Requisite(name.strip(), source.strip())
        if sep and requisite.name and known(requisite.source):
            good.append(requisite)
        else:
            bad.append(entry)
    return good, bad
