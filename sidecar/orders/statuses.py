"""What X-Cart's order status codes mean to 1C, in both directions, in one place.

1C reads «Заказ оплачен», «Отменен», «Доставка разрешена» and «Финальный статус» from the orders
the shop sends, and sends paid, shipped and cancelled back. The codes the shop sets for 1C's word
(settings status_paid, status_shipped, status_cancelled) are the ones its orders must be read
by when they go to 1C: otherwise a shop whose «paid» is, say, A (Authorized) would set A when 1C
reports a payment and tell 1C the same order is unpaid on the next query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# X-Cart's own codes (XLite\Model\Order\Status\Payment / Shipping): P paid; C cancelled,
# D declined, R refunded; shipping S shipped, D delivered, R returned, WND will not deliver.
_PAID, _CANCELLED = frozenset({"P"}), frozenset({"C", "D"})
_SHIPPED = frozenset({"S", "D"})
FINAL_SHIPPING, FINAL_PAYMENT = frozenset({"D", "R", "WND"}), frozenset({"C", "D", "R"})
WILL_NOT_DELIVER = "WND"


def code(value: str) -> str:
    return value.strip().upper()


@dataclass(frozen=True)
class Statuses:
    paid: str  # what 1C's «paid» sets
    shipped: str
    cancelled: str

    def is_paid(self, payment: str) -> bool:
        return payment in _PAID or payment == self.paid

    def is_shipped(self, shipping: str) -> bool:
        return shipping in _SHIPPED or shipping == self.shipped

    def is_cancelled(self, payment: str, shipping: str) -> bool:
        return payment in _CANCELLED or payment == self.cancelled or shipping == WILL_NOT_DELIVER

    def is_final(self, payment: str, shipping: str) -> bool:
        return shipping in FINAL_SHIPPING or payment in FINAL_PAYMENT or payment == self.cancelled


def statuses(settings: dict[str, Any]) -> Statuses:
    return Statuses(
        code(settings["status_paid"]),
        code(settings["status_shipped"]),
        code(settings["status_cancelled"]),
    )
