"""What every batch of one import step needs to know about the shop, read once per step."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pymysql

from ..commerceml.records import Invalid
from ..state.properties import load_properties
from ..xcart import shop
from ..xcart.categories import root_category_id
from ..xcart.images import images_root
from ..xcart.schema import Schema
from ..xcart.urls import UrlFormat

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
    shop_currency: str
    exchange_dir: Path
    images: Path | None
    urls: UrlFormat
    has_variants: bool
    has_brands: bool
    counts: Counter = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    entity_classes: set[str] = field(default_factory=set)
    # image files whose rows were deleted: removed after the commit if nothing uses them
    released_files: list[str] = field(default_factory=list)
    # image files stored by the batch in flight: removed again if it is rolled back
    stored_files: list[str] = field(default_factory=list)
    # 1C properties known so far: Ид → (name, ТипЗначений)
    properties: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Артикул → the 1C products of the file being imported that share it (catalog.linking)
    sku_twins: Callable[[], dict[str, list[str]]] = dict
    # the files 1C uploaded in this exchange (relative, normalised), listed once per step
    _uploaded: frozenset[str] | None = None

    @property
    def prefix(self) -> str:
        return self.schema.prefix

    def uploaded(self) -> frozenset[str]:
        """The files 1C uploaded in this exchange, relative and normalised: listed once per
        step instead of a stat per picture of every product."""
        if self._uploaded is None:
            base = str(self.exchange_dir)
            self._uploaded = frozenset(
                os.path.relpath(os.path.join(top, name), base)
                for top, _, names in os.walk(base)
                for name in names
            )
        return self._uploaded

    def fork(self, counts: Counter) -> ImportContext:
        """The same import with counts of its own (starting from `counts`) and nothing pending:
        a batch planned while another is written counts and warns apart from it, and its
        counts join the import's when it is written (catalog.pipeline)."""
        return replace(
            self,
            counts=Counter(counts),
            warnings=[],
            entity_classes=set(),
            released_files=[],
            stored_files=[],
        )

    def warn(self, message: str) -> None:
        self.counts["warnings"] += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)

    def report_invalid(self, record: Invalid) -> None:
        """An item the reader could not read: counted and reported; the import goes on."""
        self.counts[f"{record.kind}s_invalid"] += 1
        self.warn(f"{record.kind} {record.name!r} at line {record.line}: {record.reason}")

    def once(self, key: str, message: str) -> None:
        """A warning that matters once per import, however many items it concerns."""
        if not self.counts[f"noted_{key}"]:
            self.counts[f"noted_{key}"] = 1
            self.warn(message)


def load_context(
    conn: pymysql.Connection,
    prefix: str,
    settings: dict[str, Any],
    exchange_dir: Path,
    xcart_root: Path | None,
) -> ImportContext:
    schema = Schema(conn, prefix)
    with conn.cursor() as cur:
        languages = shop.enabled_languages(cur, schema)
        root = root_category_id(cur, schema)
        unit = (shop.config_value(cur, schema, "Units", "weight_unit") or "kg").strip().lower()
        currency = shop.currency_code(cur, schema)
        properties = load_properties(cur, prefix)
    conn.commit()
    return ImportContext(
        conn=conn,
        schema=schema,
        settings=settings,
        languages=languages,
        root_category=root,
        weight_factor=KG_TO_UNIT.get(unit, Decimal(1)),
        shop_currency=currency,
        exchange_dir=exchange_dir,
        images=images_root(settings.get("images_path", ""), xcart_root),
        urls=UrlFormat.from_xcart(xcart_root),
        has_variants=schema.supports("variants"),
        has_brands=schema.supports("brands"),
        properties=properties,
    )


def fingerprint(*parts: object) -> str:
    """Stable digest of what was written for an item: equal digest, nothing to write."""
    return hashlib.md5(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()
