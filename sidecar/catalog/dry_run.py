"""A dry run: the real import path, on a connection whose commits are savepoints and whose
end is a rollback, so it counts exactly what a real run would do and the shop keeps nothing.
Before the run a snapshot of product prices, stock and visibility is taken, so the report can
say how they would change. Row locks are held until the rollback: run big dry runs off-peak."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pymysql

from ..settings import read_settings
from ..state import unpriced
from ..xcart.schema import Schema
from .portions import pending

SAVEPOINT = "xc1c_dry_run"
SNAPSHOT = "xc1c_dry_run_before"
SAMPLE = 20  # price and stock changes listed by name


class SavepointConnection:
    """Stands in for a pymysql connection: `commit` keeps the work so far (a new savepoint),
    `rollback` undoes back to the last one, as a failed batch expects; nothing reaches the
    database for good."""

    def __init__(self, conn: pymysql.Connection):
        self._conn = conn

    def commit(self) -> None:
        with self._conn.cursor() as cur:
            cur.execute(f"SAVEPOINT {SAVEPOINT}")

    def rollback(self) -> None:
        with self._conn.cursor() as cur:
            cur.execute(f"ROLLBACK TO SAVEPOINT {SAVEPOINT}")

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@dataclass
class Changes:
    """What the run would do to the shop's products, beyond the importer's counts."""

    created: int = 0
    deleted: int = 0
    disabled: int = 0
    enabled: int = 0
    repriced: int = 0
    restocked: int = 0
    stock_delta: Decimal = Decimal(0)
    prices: list[dict[str, Any]] = field(default_factory=list)
    stock: list[dict[str, Any]] = field(default_factory=list)
    # (why, how many) of the 1C products that would not be for sale for want of a price
    unpriced: list[tuple[str, int]] = field(default_factory=list)
    # a full export in portions left open by the run: what its completion would remove
    # (catalog.portions.Pending.as_dict() and the action), empty when none is open
    pending_removal: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "created": self.created, "deleted": self.deleted, "disabled": self.disabled,
            "enabled": self.enabled, "repriced": self.repriced, "restocked": self.restocked,
            "stock_delta": str(self.stock_delta), "prices": self.prices, "stock": self.stock,
            "unpriced": [list(u) for u in self.unpriced], "pending_removal": self.pending_removal,
        }  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Changes:
        counts = ("created", "deleted", "disabled", "enabled", "repriced", "restocked")
        return cls(
            **{k: int(data.get(k, 0)) for k in counts},
            stock_delta=Decimal(data.get("stock_delta", "0")),
            prices=list(data.get("prices", [])),
            stock=list(data.get("stock", [])),
            unpriced=[(str(why), int(n)) for why, n in data.get("unpriced", [])],
            pending_removal=dict(data.get("pending_removal", {})),
        )

    def lines(self) -> list[str]:
        out = [
            f"would create {self.created} products, delete {self.deleted}, disable"
            f" {self.disabled}, enable {self.enabled}",
            f"would change the price of {self.repriced} and the stock of {self.restocked}"
            f" products (stock in total {self.stock_delta:+})",
        ]
        out += [f"would keep {n} products off sale: {why}" for why, n in self.unpriced]
        if self.pending_removal:
            p = self.pending_removal
            out.append(
                f"would leave a full export in portions open ({p['portions']} so far, from"
                f" {p['first_file']}): once complete it would {p['action']} {p['products']}"
                f" products and {p['categories']} categories it has not sent"
            )
        out += [f"price {p['sku']}: {p['before']} → {p['after']}" for p in self.prices]
        out += [f"stock {p['sku']}: {p['before']} → {p['after']}" for p in self.stock]
        return out


@contextmanager
def dry_run(
    conn: pymysql.Connection, prefix: str, settings: dict[str, Any] | None = None
) -> Iterator[tuple[SavepointConnection, Changes]]:
    """Yields the connection to import with and the Changes, filled in when the block ends;
    then everything is rolled back. `settings` are those the run imports with (the shop's
    when not given)."""
    schema = Schema(conn, prefix)
    products = schema.table("products")
    changes = Changes()
    conn.rollback()  # start from a clean transaction
    with conn.cursor() as cur:
        cur.execute(f"DROP TEMPORARY TABLE IF EXISTS {SNAPSHOT}")
        cur.execute(
            f"CREATE TEMPORARY TABLE {SNAPSHOT} (PRIMARY KEY (product_id))"
            f" SELECT product_id, sku, price, amount, enabled FROM {products}"
        )
        cur.execute(f"SAVEPOINT {SAVEPOINT}")
    try:
        yield SavepointConnection(conn), changes
        with conn.cursor() as cur:
            _measure(cur, products, changes)
            changes.unpriced = [(why, n) for why, n, _ in unpriced.summary(cur, prefix)]
            settings = settings or read_settings(conn, prefix)
            left_open = pending(cur, schema, prefix, settings)
            if left_open is not None:
                changes.pending_removal = {
                    **left_open.as_dict(),
                    "action": settings["missing_action"],
                }
    finally:
        conn.rollback()
        with conn.cursor() as cur:
            cur.execute(f"DROP TEMPORARY TABLE IF EXISTS {SNAPSHOT}")


def _measure(cur: pymysql.cursors.Cursor, products: str, changes: Changes) -> None:
    def scalar(sql: str) -> Any:
        cur.execute(sql)
        return cur.fetchone()[0] or 0

    joined = f"{products} p JOIN {SNAPSHOT} b ON b.product_id = p.product_id"
    changes.created = scalar(
        f"SELECT COUNT(*) FROM {products} p LEFT JOIN {SNAPSHOT} b"
        " ON b.product_id = p.product_id WHERE b.product_id IS NULL"
    )
    changes.deleted = scalar(
        f"SELECT COUNT(*) FROM {SNAPSHOT} b LEFT JOIN {products} p"
        " ON p.product_id = b.product_id WHERE p.product_id IS NULL"
    )

    def count(condition: str) -> int:
        return scalar(f"SELECT COUNT(*) FROM {joined} WHERE {condition}")

    changes.disabled = count("b.enabled = 1 AND p.enabled = 0")
    changes.enabled = count("b.enabled = 0 AND p.enabled = 1")
    changes.repriced = count("p.price <> b.price")
    changes.restocked = count("p.amount <> b.amount")
    # X-Cart's amount is unsigned: a stock that falls must be subtracted as signed numbers.
    delta = {
        "price": "p.price - b.price",
        "amount": "CAST(p.amount AS SIGNED) - CAST(b.amount AS SIGNED)",
    }
    changes.stock_delta = Decimal(scalar(f"SELECT SUM({delta['amount']}) FROM {joined}"))
    for column, listing in (("price", changes.prices), ("amount", changes.stock)):
        cur.execute(
            f"SELECT p.sku, b.{column}, p.{column} FROM {joined}"
            f" WHERE p.{column} <> b.{column} ORDER BY ABS({delta[column]}) DESC LIMIT %s",
            (SAMPLE,),
        )
        listing += [
            {"sku": sku, "before": str(before), "after": str(after)}
            for sku, before, after in cur.fetchall()
        ]
