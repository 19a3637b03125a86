"""The time-boxed, resumable import of one catalog file.

Each call streams the file from the start, skips the records an earlier call already
committed (the job's position), and writes the rest in batches until the time budget is spent.
Every batch commits together with the new position, so a worker killed mid-step loses at most
the batch in flight, and any worker or instance can continue the job."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymysql

from ..commerceml.reader import CommerceMLError, iter_records
from ..commerceml.records import (
    Document,
    Groups,
    Offer,
    PriceTypes,
    Product,
    Section,
    Warehouses,
)
from ..db import transaction
from ..errors import ImportFailed
from ..state import jobs
from ..xcart.cache import clear_data_cache
from ..xcart.shop import bump_entity_versions
from .context import ImportContext, load_context
from .groups import apply_groups
from .offers import apply_offers, store_price_types, wanted_price_types
from .products import apply_products

BATCH_SIZE = 500
# Counts that mean the shop changed, so X-Cart's cache must be cleared.
CHANGES = (
    "categories_created",
    "categories_updated",
    "categories_disabled",
    "products_created",
    "products_updated",
    "products_disabled",
    "products_repriced",
)


@dataclass
class StepResult:
    done: bool
    percent: int
    job: jobs.Job


class CatalogImport:
    """Runs steps of one job; stateless between calls except for what the job row holds."""

    def __init__(
        self,
        conn: pymysql.Connection,
        prefix: str,
        settings: dict[str, Any],
        batch_size: int = BATCH_SIZE,
        xcart_root: Path | None = None,
    ):
        self.conn = conn
        self.prefix = prefix
        self.settings = settings
        self.batch_size = batch_size
        self.xcart_root = xcart_root

    def run_step(self, path: Path, job: jobs.Job, budget_seconds: float) -> StepResult:
        if job.status == jobs.DONE:
            return StepResult(True, 100, job)
        ctx = load_context(self.conn, self.prefix, self.settings)
        ctx.counts.update(job.counts)
        deadline = time.monotonic() + budget_seconds
        size = max(path.stat().st_size, 1)
        pending: list[Product] | list[Offer] = []
        seq = 0
        with path.open("rb") as stream:
            with transaction(self.conn) as cur:
                wanted = wanted_price_types(ctx, cur)
            try:
                for record in iter_records(stream):
                    if isinstance(record, Document | Section):
                        self._note_section(ctx, record)
                        continue
                    if seq < job.position:
                        seq += 1
                        continue
                    seq += 1
                    if isinstance(record, Product | Offer):
                        if pending and type(pending[0]) is not type(record):
                            self._commit(ctx, job, seq - 1, pending, wanted)
                        pending.append(record)
                        if len(pending) < self.batch_size:
                            continue
                        self._commit(ctx, job, seq, pending, wanted)
                    else:
                        if pending:
                            self._commit(ctx, job, seq - 1, pending, wanted)
                        wanted = self._commit_record(ctx, job, seq, record) or wanted
                    if time.monotonic() >= deadline:
                        percent = min(99, int(stream.tell() * 100 / size))
                        return StepResult(False, percent, job)
                if pending:
                    self._commit(ctx, job, seq, pending, wanted)
            except CommerceMLError as exc:
                self._fail(job, str(exc))
                raise ImportFailed(f"{path.name}: {exc}") from exc
        with transaction(self.conn) as cur:
            job.status = jobs.DONE
            jobs.save(cur, self.prefix, job)
        if any(job.counts.get(k) for k in CHANGES):
            clear_data_cache(self.xcart_root)
        return StepResult(True, 100, job)

    def _note_section(self, ctx: ImportContext, record: Document | Section) -> None:
        if isinstance(record, Section) and record.only_changes is False:
            ctx.counts[f"full_{record.kind}"] = 1

    def _commit(
        self, ctx: ImportContext, job: jobs.Job, seq: int, pending: list, wanted: set[str] | None
    ) -> None:
        """Write one batch and the position after it, in one transaction."""
        with transaction(self.conn) as cur:
            if isinstance(pending[0], Product):
                apply_products(ctx, cur, pending)
            else:
                apply_offers(ctx, cur, pending, wanted)
            self._finish_batch(ctx, cur, job, seq)
        pending.clear()

    def _commit_record(
        self, ctx: ImportContext, job: jobs.Job, seq: int, record: Groups | PriceTypes | Warehouses
    ) -> set[str] | None:
        wanted = None
        with transaction(self.conn) as cur:
            if isinstance(record, Groups):
                apply_groups(ctx, cur, record.items)
            elif isinstance(record, PriceTypes):
                store_price_types(ctx, cur, record.items)
                wanted = wanted_price_types(ctx, cur)
            else:
                ctx.counts["warehouses"] = len(record.items)
            self._finish_batch(ctx, cur, job, seq)
        return wanted

    def _finish_batch(
        self, ctx: ImportContext, cur: pymysql.cursors.Cursor, job: jobs.Job, seq: int
    ) -> None:
        if ctx.entity_classes:
            bump_entity_versions(cur, ctx.schema, ctx.entity_classes)
            ctx.entity_classes.clear()
        job.position = seq
        job.counts = dict(ctx.counts)
        if ctx.warnings:
            job.message = "\n".join([*job.message.splitlines(), *ctx.warnings][-50:])
            ctx.warnings.clear()
        jobs.save(cur, self.prefix, job)

    def _fail(self, job: jobs.Job, message: str) -> None:
        with transaction(self.conn) as cur:
            job.status = jobs.FAILED
            job.message = message
            jobs.save(cur, self.prefix, job)


def summary(job: jobs.Job) -> list[str]:
    """The lines 1C shows in its exchange log after `success`."""
    c = job.counts
    lines = [f"{job.filename}: imported"]
    if any(k.startswith("categories_") for k in c):
        lines.append(
            "categories: {} created, {} updated, {} unchanged, {} disabled".format(
                c.get("categories_created", 0),
                c.get("categories_updated", 0),
                c.get("categories_unchanged", 0),
                c.get("categories_disabled", 0),
            )
        )
    if any(k.startswith("products_") and k != "products_repriced" for k in c):
        lines.append(
            "products: {} created, {} updated, {} unchanged, {} disabled, {} skipped".format(
                c.get("products_created", 0),
                c.get("products_updated", 0),
                c.get("products_unchanged", 0),
                c.get("products_disabled", 0),
                c.get("products_skipped", 0),
            )
        )
    if "offers" in c or "offers_unknown_product" in c:
        lines.append(
            "offers: {} applied, {} products repriced or restocked, {} for unknown products".format(
                c.get("offers", 0),
                c.get("products_repriced", 0),
                c.get("offers_unknown_product", 0),
            )
        )
    if c.get("offers_without_price_type"):
        lines.append(
            f"warning: {c['offers_without_price_type']} offers have no price of the chosen"
            " price type (setting price_type)"
        )
    if c.get("warnings"):
        lines.append(f"warnings: {c['warnings']}")
        lines.extend(job.message.splitlines()[:10])
    return lines
