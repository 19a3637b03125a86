"""What every batch of one import step needs to know about the shop, read once per step."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pymysql

from ..xcart import shop
from ..xcart.categories import root_category_id
from ..xcart.schema import Schema

# 1C sends weight in kilograms; X-Cart stores it in the shop's unit (Units/weight_unit).
KG_TO_UNIT = {
    "kg": Decimal(1),
    "g": Decimal(1000),
    "lbs": Decimal("2.20462262"),
    "oz": Decimal("35.2739619"),
}

MAX_WARNINGS = 50


@dataclass
class ImportContext:
    conn: pymysql.Connection
    schema: Schema
    settings: dict[str, Any]
    languages: list[str]
    root_category: int
    weight_factor: Decimal
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    entity_classes: set[str] = field(default_factory=set)

    @property
    def prefix(self) -> str:
        return self.schema.prefix

    def warn(self, message: str) -> None:
        self.counts["warnings"] += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)


def load_context(conn: pymysql.Connection, prefix: str, settings: dict[str, Any]) -> ImportContext:
    schema = Schema(conn, prefix)
    with conn.cursor() as cur:
        languages = shop.enabled_languages(cur, schema)
        root = root_category_id(cur, schema)
        unit = (shop.config_value(cur, schema, "Units", "weight_unit") or "kg").strip().lower()
    conn.commit()
    return ImportContext(
        conn=conn,
        schema=schema,
        settings=settings,
        languages=languages,
        root_category=root,
        weight_factor=KG_TO_UNIT.get(unit, Decimal(1)),
    )


def fingerprint(*parts: object) -> str:
    """Stable digest of what was written for an item: equal digest, nothing to write."""
    return hashlib.md5(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()
