"""The settings whose value has a structure of its own, parsed in one place: when saved (an entry
not understood is refused, with the entry named) and where they are used.

X-Cart's own settings page saves whatever the admin types, so a stored value may still hold an
entry not understood: where it is used it is skipped, and said (the catalog import names a rate
it skips; a 1C status no entry maps is reported as not in status_map)."""

from __future__ import annotations

from decimal import Decimal

from ..commerceml.currencies import currency


def parse_rates(entries: tuple[str, ...]) -> tuple[dict[str, Decimal], list[str]]:
    """`RUB = 0.011` entries of the currency_rates setting → ({'RUB': 0.011}, bad entries)."""
    rates, bad = {}, []
    for entry in entries:
        code, _, value = entry.partition("=")
        try:
            rate = Decimal(value.strip().replace(",", "."))
        except ArithmeticError:
            rate = Decimal(0)
        if currency(code) and rate.is_finite() and rate > 0:
            rates[currency(code)] = rate
        else:
            bad.append(entry)
    return rates, bad


def parse_status_map(entries: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """`1C status = payment CODE` / `= shipping CODE` entries → {folded status: (kind, CODE)}."""
    out = {}
    for entry in entries:
        name, _, target = entry.rpartition("=")
        kind, _, code = target.strip().partition(" ")
        if name.strip() and kind in ("payment", "shipping") and code.strip():
            out[name.strip().casefold()] = (kind, code.strip().upper())
    return out


def unmapped_statuses(entries: tuple[str, ...]) -> list[str]:
    """The status_map entries parse_status_map cannot read."""
    return [e for e in entries if not parse_status_map((e,))]
