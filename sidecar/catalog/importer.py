"""The time-boxed, resumable import of one catalog file.

Each call streams the file from the start, skips the records an earlier call already
committed (the job's position), and writes the rest in batches until the time budget is spent.
Every batch commits together with the new position, so a worker killed mid-step loses at most
the batch in flight, and any worker or instance can continue the job."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymysql
from pymysql.cursors import Cursor

from ..commerceml.reader import CommerceMLError, build
from ..commerceml.records import (
    Document,
    Groups,
    Invalid,
    PriceTypes,
    Properties,
    Raw,
    Record,
    Section,
    Source,
    Warehouses,
)
from ..db import transaction
from ..errors import ImportFailed
from ..state import jobs
from . import linking, portions, unchanged
from .committed import bump_versions, clear_cache_if_changed, release_files
from .context import ImportContext, load_context
from .groups import apply_groups
from .offers import (
    OfferPlan,
    PriceChoice,
    plan_offers,
    price_choice,
    store_price_types,
    store_stores,
    write_offers,
)
from .pipeline import Writer
from .products import ProductPlan, plan_products, write_products
from .properties import apply_properties
from .stream import PAUSED, FileReader

BATCH_SIZE = 500
# Database errors caused by one item's data: the batch is retried item by item to find it.
ITEM_ERRORS = (pymysql.err.DataError, pymysql.err.IntegrityError)


@dataclass
class Planned:
    """A batch planned and not yet written (CatalogImport._plan)."""

    kind: str
    seq: int  # the position after it
    batch: list[Raw]
    choice: PriceChoice
    plan: ProductPlan | OfferPlan | None  # None: all its items unchanged
    digests: dict[str, str]
    skipped: list[str]
    counts: Counter  # what planning counted
    warnings: list[str]
    keys: frozenset[tuple[str, str]]


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
        exchange_dir: Path,
        xcart_root: Path | None = None,
        clear_cache: bool = True,
    ):
        self.conn = conn
        self.clear_cache = clear_cache
        self.prefix = prefix
        self.settings = settings
        self.batch_size = settings.get("batch_size", BATCH_SIZE)
        self.exchange_dir = exchange_dir
        self.xcart_root = xcart_root
        self._reader: FileReader | None = None

    def run_step(self, path: Path, job: jobs.Job, budget_seconds: float) -> StepResult:
        if job.status == jobs.DONE:
            return StepResult(True, 100, job)
        ctx = load_context(
            self.conn, self.prefix, self.settings, self.exchange_dir, self.xcart_root
        )
        ctx.counts.update(job.counts)
        linking.prepare(ctx, path)
        deadline = time.monotonic() + budget_seconds
        size = max(path.stat().st_size, 1)
        pending: list[Raw] = []
        reader = PAUSED.resume(job, path) or FileReader(path, job.position)
        self._reader = reader
        self._product_context: str | None = None
        with transaction(self.conn) as cur:
            choice = price_choice(ctx, cur)
            if job.position == 0 and self.settings["catalog_mode"] == "overwrite":
                portions.begin(cur, self.prefix, path)
        self._writer = Writer(self.conn)
        try:
            for record in reader.records:
                if isinstance(record, Document | Section | Source):
                    self._note_section(ctx, record)
                    continue
                if reader.seq < job.position:
                    reader.seq += 1
                    continue
                reader.seq += 1
                seq = reader.seq
                if isinstance(record, Raw):
                    if pending and pending[0].kind != record.kind:
                        self._flush(ctx, job, seq - 1, pending, choice)
                    pending.append(record)
                    if len(pending) < self.batch_size:
                        continue
                    self._flush(ctx, job, seq, pending, choice)
                else:
                    if pending:
                        self._flush(ctx, job, seq - 1, pending, choice)
                    self._collect(ctx, job)
                    choice = self._commit_record(ctx, job, seq, record) or choice
                if time.monotonic() >= deadline:
                    self._collect(ctx, job)
                    percent = min(99, int(reader.offset * 100 / size))
                    PAUSED.pause(job, path, reader)
                    return StepResult(False, percent, job)
            if pending:
                self._flush(ctx, job, reader.seq, pending, choice)
            self._collect(ctx, job)
        except CommerceMLError as exc:
            reader.close()
            self._writer.close()
            self._fail(job, str(exc))
            raise ImportFailed(f"{path.name}: {exc}") from exc
        except BaseException:
            reader.close()
            raise
        finally:
            self._writer.close()
        reader.close()
        self._finish(ctx, job, path)
        return StepResult(True, 100, job)

    def _note_section(self, ctx: ImportContext, record: Document | Section | Source) -> None:
        if isinstance(record, Section):
            flag = record.only_changes
            state = "unmarked" if flag is None else "partial" if flag else "full"
            ctx.counts[f"{state}_{record.kind}"] = 1

    def _flush(
        self, ctx: ImportContext, job: jobs.Job, seq: int, pending: list[Raw], choice: PriceChoice
    ) -> None:
        """Plan the batch in `pending` while the one before is written, then hand it to the
        writer once that one has committed (catalog.pipeline). A plan that read anything the
        batch before wrote is made again; a batch whose reading or writing fails on one item's
        data is written item by item instead."""
        batch = list(pending)
        pending.clear()
        writer = self._writer
        if writer.in_flight and writer.what.kind != batch[0].kind:
            self._collect(ctx, job)  # offers read the products the batch before wrote
        try:
            planned = self._plan(ctx, batch, seq, choice)
        except ITEM_ERRORS:
            self._collect(ctx, job)
            self._items_one_by_one(ctx, job, seq, batch, choice)
            return
        written = self._collect(ctx, job)
        if written is None or written & planned.keys:
            try:
                planned = self._plan(ctx, batch, seq, choice)
            except ITEM_ERRORS:
                self._items_one_by_one(ctx, job, seq, batch, choice)
                return
        wctx = ctx.fork(ctx.counts)
        now = planned.plan is None  # nothing but the marks of unchanged items and the position
        writer.submit(lambda conn: self._write(conn, wctx, job, planned), planned, now)
        if not writer.threaded or now:
            self._collect(ctx, job)

    def _plan(self, ctx: ImportContext, batch: list[Raw], seq: int, choice: PriceChoice) -> Planned:
        """Read what a batch needs and decide what it writes, on the import's connection,
        counting apart from the import (ImportContext.fork); items unchanged since they were
        last written are skipped unread."""
        kind = batch[0].kind
        planning = ctx.fork(ctx.counts)
        with transaction(self.conn) as cur:
            items, digests, skipped = unchanged.read_changed(
                planning, cur, batch, self._context(planning, cur, kind, choice)
            )
            # most of this batch new or changed: the next ones likely too
            if self._reader is not None:
                self._reader.read_in_place = len(items) * 2 > len(batch)
            plan: ProductPlan | OfferPlan | None = None
            if items and kind == "product":
                plan = plan_products(planning, cur, items, digests)
            elif items:
                plan = plan_offers(planning, cur, items, choice, digests)
        keys = frozenset((kind, r.id) for r in batch)  # an offer plan reads by nothing else
        if isinstance(plan, ProductPlan):
            keys |= plan.keys
        counts = Counter(
            {k: v - ctx.counts[k] for k, v in planning.counts.items() if v != ctx.counts[k]}
        )
        return Planned(kind, seq, batch, choice, plan, digests, skipped, counts,
                       planning.warnings, keys)  # fmt: skip

    def _write(
        self, conn: pymysql.Connection, wctx: ImportContext, job: jobs.Job, planned: Planned
    ) -> ImportContext:
        """Write a planned batch and the position after it, in one transaction on `conn`."""
        wctx.counts.update(planned.counts)
        for key in planned.counts:
            if key.startswith("noted_"):  # a plan made beside another may note it again
                wctx.counts[key] = 1
        wctx.warnings.extend(planned.warnings)
        with self._batch(wctx, conn) as cur:
            if planned.plan is not None:
                if planned.kind == "product":
                    write_products(wctx, cur, planned.plan)
                else:
                    write_offers(wctx, cur, planned.plan)
            stored = planned.plan.stored() if planned.plan is not None else set()
            rest = {i: d for i, d in planned.digests.items() if i not in stored}
            unchanged.record_written(wctx, cur, planned.kind, rest, planned.skipped)
            self._save(wctx, cur, job, planned.seq)
        return wctx

    def _collect(self, ctx: ImportContext, job: jobs.Job) -> frozenset[tuple[str, str]] | None:
        """Wait for the batch in flight: the keys its plan read by once it committed, None
        when it failed on one item's data and was written item by item instead (which may have
        written anything)."""
        if not self._writer.in_flight:
            return frozenset()
        planned: Planned = self._writer.what
        try:
            wrote: ImportContext = self._writer.collect()
        except ITEM_ERRORS:
            self._items_one_by_one(ctx, job, planned.seq, planned.batch, planned.choice)
            return None
        ctx.counts = wrote.counts
        release_files(self.conn, wrote)
        return planned.keys

    def _items_one_by_one(
        self, ctx: ImportContext, job: jobs.Job, seq: int, batch: list[Raw], choice: PriceChoice
    ) -> None:
        """A batch that failed on one item's data, written item by item on the import's
        connection: the bad item is reported, the rest written."""
        for raw in batch:
            item = build(raw)
            if isinstance(item, Invalid):
                ctx.report_invalid(item)
                continue
            before, warned = ctx.counts.copy(), len(ctx.warnings)
            try:
                with self._batch(ctx, self.conn) as cur:
                    if raw.kind == "product":
                        write_products(ctx, cur, plan_products(ctx, cur, [item]))
                    else:
                        write_offers(ctx, cur, plan_offers(ctx, cur, [item], choice))
            except ITEM_ERRORS as exc:
                ctx.counts = before
                del ctx.warnings[warned:]
                ctx.counts["items_failed"] += 1
                ctx.warn(f"{type(item).__name__.lower()} {item.id} ({item.name}): {exc.args[-1]}")
            release_files(self.conn, ctx)
        with transaction(self.conn) as cur:
            self._save(ctx, cur, job, seq)

    def _context(self, ctx: ImportContext, cur: Cursor, kind: str, choice: PriceChoice) -> str:
        """What items of a kind depend on besides their XML; products' is read once per step
        and again after groups or properties were written."""
        if kind == "offer":
            return unchanged.offer_context(ctx, choice)
        if self._product_context is None:
            self._product_context = unchanged.product_context(ctx, cur)
        return self._product_context

    @contextmanager
    def _batch(self, ctx: ImportContext, conn: pymysql.Connection) -> Iterator[Cursor]:
        """One batch transaction; photo files it stored go again if it is rolled back."""
        try:
            with transaction(conn) as cur:
                yield cur
        except BaseException:
            if ctx.stored_files and ctx.images is not None:
                for name in ctx.stored_files:
                    (ctx.images / "product" / name).unlink(missing_ok=True)
            raise
        finally:
            ctx.stored_files.clear()

    def _commit_record(
        self, ctx: ImportContext, job: jobs.Job, seq: int, record: Record
    ) -> PriceChoice | None:
        choice = None
        with transaction(self.conn) as cur:
            if isinstance(record, Groups):
                apply_groups(ctx, cur, record.items)
                ctx.counts["groups_in_file"] += len(record.items)
                self._product_context = None
            elif isinstance(record, Properties):
                apply_properties(ctx, cur, record.items)
                self._product_context = None
            elif isinstance(record, PriceTypes):
                store_price_types(ctx, cur, record.items)
                choice = price_choice(ctx, cur)
            elif isinstance(record, Warehouses):
                store_stores(ctx, cur, record.items)
                ctx.counts["warehouses"] = len(record.items)
            self._save(ctx, cur, job, seq)
        release_files(self.conn, ctx)
        return choice

    def _finish(self, ctx: ImportContext, job: jobs.Job, path: Path) -> None:
        """A full export in overwrite mode removes what it no longer contains, at once for a
        single file, once all its portions have come for one in portions (catalog.portions);
        then the job is done and X-Cart's cache cleared if anything changed."""
        with transaction(self.conn) as cur:
            if self.settings["catalog_mode"] == "overwrite":
                kinds = []
                if ctx.counts["full_catalog"] and _products_seen(ctx.counts):
                    kinds.append("product")
                # A classifier that does not say is as full as the catalog beside it.
                full_classifier = ctx.counts["full_classifier"] or (
                    ctx.counts["full_catalog"] and not ctx.counts["partial_classifier"]
                )
                if full_classifier and ctx.counts["groups_in_file"]:
                    kinds.append("category")
                portions.settle(ctx, cur, path, job.started_us, tuple(kinds))
            job.status = jobs.DONE
            self._save(ctx, cur, job, job.position)
        release_files(self.conn, ctx)
        if self.clear_cache:
            clear_cache_if_changed(job.counts, self.xcart_root)

    def _save(
        self, ctx: ImportContext, cur: pymysql.cursors.Cursor, job: jobs.Job, seq: int
    ) -> None:
        bump_versions(ctx, cur)
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


def _products_seen(counts: dict[str, int]) -> int:
    keys = ("products_created", "products_updated", "products_unchanged", "products_skipped")
    return sum(counts.get(k, 0) for k in keys)
