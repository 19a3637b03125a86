"""The time-boxed, resumable import of one catalog file.

Each call streams the file from the start, skips the records an earlier call already
committed (the job's position), and writes the rest in batches until the time budget is spent.
Every batch commits together with the new position, so a worker killed mid-step loses at most
the batch in flight, and any worker or instance can continue the job."""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymysql
from pymysql.cursors import Cursor

from ..commerceml.reader import CommerceMLError, build, iter_records
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
from ..state import idmap, jobs
from ..xcart import images
from ..xcart.cache import clear_data_cache
from ..xcart.shop import bump_entity_versions
from . import linking, portions, unchanged
from .context import ImportContext, load_context
from .groups import apply_groups
from .offers import PriceChoice, apply_offers, price_choice, store_price_types, store_stores
from .products import apply_products
from .properties import apply_properties
from .removal import remove_unseen

BATCH_SIZE = 500
# Counts that mean the shop changed, so X-Cart's cache must be cleared.
CHANGES = (
    "categories_created",
    "categories_updated",
    "categories_disabled",
    "categories_deleted",
    "products_created",
    "products_updated",
    "products_disabled",
    "products_deleted",
    "products_repriced",
    "attributes_created",
    "variants_created",
    "products_on_sale",
    "products_unpriced",
)
# Product counts an offers file makes (the products line is the catalog file's).
OFFER_COUNTS = {"products_repriced", "products_unpriced", "products_on_sale"}
# Database errors caused by one item's data: the batch is retried item by item to find it.
ITEM_ERRORS = (pymysql.err.DataError, pymysql.err.IntegrityError)


class _Reader:
    """A file being read, in a thread of its own. lxml's parser must be created, used and
    freed in one thread (libxml2's name dictionaries are per thread): a paused reader resumed
    by another of gunicorn's threads corrupted memory and killed the worker. The thread parses
    ahead into a bounded queue, in chunks, and the import takes records from it on whichever
    thread 1C's call lands. `seq` counts the data records the import passed (its position)."""

    CHUNK = 64  # records handed over at once
    AHEAD = 16  # chunks parsed ahead at most

    def __init__(self, path: Path, position: int) -> None:
        self.identity = _identity(path)
        self.seq = 0
        self.offset = 0  # bytes of the file read when the current chunk was handed over
        self._queue: queue.Queue = queue.Queue(maxsize=self.AHEAD)
        self._stop = threading.Event()
        self._chunk: deque[Record] = deque()
        self._ended = False
        # Whether the thread reads products and offers into records as it parses them: set by
        # the import while most items of its batches are new or changed, so their reading
        # runs while the import waits for the database; off for an unchanged export, whose
        # items are never read.
        self.read_in_place = False
        self.thread = threading.Thread(
            target=self._parse, args=(path, position), name="xc1c-reader", daemon=True
        )
        self.thread.start()

    def _parse(self, path: Path, position: int) -> None:
        chunk: list[Record] = []
        try:
            with path.open("rb") as stream:
                for record in iter_records(
                    stream, position, raw=True, read_in_place=lambda: self.read_in_place
                ):
                    chunk.append(record)
                    if len(chunk) == self.CHUNK:
                        if not self._hand(("records", chunk, stream.tell())):
                            return
                        chunk = []
                self._hand(("records", chunk, stream.tell()))
        except BaseException as exc:  # the import raises it where it reads the record
            self._hand(("error", exc, 0))
            return
        self._hand(("end", None, 0))

    def _hand(self, item: tuple) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    @property
    def records(self) -> Iterator[Record]:
        while True:
            while self._chunk:
                yield self._chunk.popleft()
            if self._ended:
                return
            kind, value, offset = self._queue.get()
            if kind == "error":
                self._ended = True
                raise value
            if kind == "end":
                self._ended = True
                return
            self._chunk.extend(value)
            self.offset = offset

    @property
    def closed(self) -> bool:
        return self._stop.is_set()

    def close(self) -> None:
        """Stop the thread (it frees its parser itself)."""
        self._stop.set()
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()


def _identity(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


class _PausedReaders:
    """Readers left where a step's time ran out, in this process. When 1C's next call for the
    job lands on the same worker, the step goes on from there instead of parsing its way back
    from the start of the file; on another worker, or after a restart, the position in the
    database is used as always."""

    LIMIT = 4

    def __init__(self) -> None:
        self._readers: OrderedDict[int, tuple[Path, _Reader]] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threads share it

    def pause(self, job: jobs.Job, path: Path, reader: _Reader) -> None:
        with self._lock:
            self._readers[job.id] = (path, reader)
            self._readers.move_to_end(job.id)
            while len(self._readers) > self.LIMIT:
                self._readers.popitem(last=False)[1][1].close()

    def resume(self, job: jobs.Job, path: Path) -> _Reader | None:
        with self._lock:
            found = self._readers.pop(job.id, None)
        if found is None:
            return None
        kept_path, reader = found
        try:
            same = kept_path == path and reader.identity == _identity(path)
        except OSError:
            same = False
        if same and reader.seq == job.position:
            return reader
        reader.close()
        return None


_PAUSED = _PausedReaders()


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
        self._reader: _Reader | None = None

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
        reader = _PAUSED.resume(job, path) or _Reader(path, job.position)
        self._reader = reader
        self._product_context: str | None = None
        with transaction(self.conn) as cur:
            choice = price_choice(ctx, cur)
            if job.position == 0 and self.settings["catalog_mode"] == "overwrite":
                portions.begin(cur, self.prefix, path)
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
                        self._commit_batch(ctx, job, seq - 1, pending, choice)
                    pending.append(record)
                    if len(pending) < self.batch_size:
                        continue
                    self._commit_batch(ctx, job, seq, pending, choice)
                else:
                    if pending:
                        self._commit_batch(ctx, job, seq - 1, pending, choice)
                    choice = self._commit_record(ctx, job, seq, record) or choice
                if time.monotonic() >= deadline:
                    percent = min(99, int(reader.offset * 100 / size))
                    _PAUSED.pause(job, path, reader)
                    return StepResult(False, percent, job)
            if pending:
                self._commit_batch(ctx, job, reader.seq, pending, choice)
        except CommerceMLError as exc:
            reader.close()
            self._fail(job, str(exc))
            raise ImportFailed(f"{path.name}: {exc}") from exc
        except BaseException:
            reader.close()
            raise
        reader.close()
        self._finish(ctx, job, path)
        return StepResult(True, 100, job)

    def _note_section(self, ctx: ImportContext, record: Document | Section | Source) -> None:
        if isinstance(record, Section):
            flag = record.only_changes
            state = "unmarked" if flag is None else "partial" if flag else "full"
            ctx.counts[f"{state}_{record.kind}"] = 1

    def _commit_batch(
        self, ctx: ImportContext, job: jobs.Job, seq: int, pending: list[Raw], choice: PriceChoice
    ) -> None:
        """Write one batch and the position after it, in one transaction; items unchanged since
        they were last written are skipped unread. A batch that fails on one item's data is
        retried item by item: the bad item is reported, the rest written."""
        kind = pending[0].kind
        apply = (
            apply_products
            if kind == "product"
            else (lambda c, cur, items: apply_offers(c, cur, items, choice))
        )
        before, warned = ctx.counts.copy(), len(ctx.warnings)
        try:
            with self._batch(ctx) as cur:
                items, digests = unchanged.read_changed(
                    ctx, cur, pending, self._context(ctx, cur, kind, choice)
                )
                # most of this batch new or changed: the next ones likely too
                if self._reader is not None:
                    self._reader.read_in_place = len(items) * 2 > len(pending)
                if items:
                    apply(ctx, cur, items)
                unchanged.record_written(ctx, cur, kind, digests)
                self._save(ctx, cur, job, seq)
        except ITEM_ERRORS:
            ctx.counts = before  # what the rolled-back attempt counted never happened
            del ctx.warnings[warned:]
            ctx.released_files.clear()
            for raw in pending:
                item = build(raw)
                if isinstance(item, Invalid):
                    ctx.report_invalid(item)
                    continue
                before, warned = ctx.counts.copy(), len(ctx.warnings)
                try:
                    with self._batch(ctx) as cur:
                        apply(ctx, cur, [item])
                except ITEM_ERRORS as exc:
                    ctx.counts = before
                    del ctx.warnings[warned:]
                    ctx.counts["items_failed"] += 1
                    ctx.warn(
                        f"{type(item).__name__.lower()} {item.id} ({item.name}): {exc.args[-1]}"
                    )
            with transaction(self.conn) as cur:
                self._save(ctx, cur, job, seq)
        _release_files(self.conn, ctx)
        pending.clear()

    def _context(self, ctx: ImportContext, cur: Cursor, kind: str, choice: PriceChoice) -> str:
        """What items of a kind depend on besides their XML; products' is read once per step
        and again after groups or properties were written."""
        if kind == "offer":
            return unchanged.offer_context(ctx, choice)
        if self._product_context is None:
            self._product_context = unchanged.product_context(ctx, cur)
        return self._product_context

    @contextmanager
    def _batch(self, ctx: ImportContext) -> Iterator[pymysql.cursors.Cursor]:
        """One batch transaction; photo files it stored go again if it is rolled back."""
        try:
            with transaction(self.conn) as cur:
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
        _release_files(self.conn, ctx)
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
        _release_files(self.conn, ctx)
        if self.clear_cache and any(job.counts.get(k) for k in CHANGES):
            clear_data_cache(self.xcart_root)

    def _save(
        self, ctx: ImportContext, cur: pymysql.cursors.Cursor, job: jobs.Job, seq: int
    ) -> None:
        _bump_versions(ctx, cur)
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


def _bump_versions(ctx: ImportContext, cur: pymysql.cursors.Cursor) -> None:
    """X-Cart's entity type versions of what was written, in the transaction that wrote it."""
    if ctx.entity_classes:
        bump_entity_versions(cur, ctx.schema, ctx.entity_classes)
        ctx.entity_classes.clear()


def _release_files(conn: pymysql.Connection, ctx: ImportContext) -> None:
    """Image files whose rows a committed batch deleted go once nothing uses them."""
    if ctx.released_files:
        with transaction(conn) as cur:
            images.remove_unused_files(cur, ctx.schema, ctx.images, ctx.released_files)
        ctx.released_files.clear()


def _products_seen(counts: dict[str, int]) -> int:
    keys = ("products_created", "products_updated", "products_unchanged", "products_skipped")
    return sum(counts.get(k, 0) for k in keys)


def summary(job: jobs.Job) -> list[str]:
    """The lines 1C shows in its exchange log after `success`."""
    c = job.counts
    g = c.get
    lines = [f"{job.filename}: imported"]
    if any(k.startswith("categories_") for k in c):
        lines.append(
            f"categories: {g('categories_created', 0)} created, {g('categories_updated', 0)}"
            f" updated, {g('categories_unchanged', 0)} unchanged,"
            f" {g('categories_disabled', 0) + g('categories_deleted', 0)} removed"
        )
    if any(k.startswith("products_") and k not in OFFER_COUNTS for k in c):
        lines.append(
            f"products: {g('products_created', 0)} created, {g('products_updated', 0)} updated,"
            f" {g('products_unchanged', 0)} unchanged,"
            f" {g('products_disabled', 0) + g('products_deleted', 0)} removed,"
            f" {g('products_skipped', 0)} skipped"
        )
    if g("export_portions"):
        lines.append(
            f"the full export in {c['export_portions']} portions has come"
            + (
                ": nothing removed, a portion did not finish"
                if g("export_incomplete")
                else ": what none of its portions held is removed"
            )
        )
    elif g("export_portion"):
        lines.append(
            f"portion {c['export_portion']} of a full export: what the export lacks is removed"
            " once all its portions have come (with its offers)"
        )
    if g("attributes_created") or g("attribute_values"):
        lines.append(
            f"attributes: {g('attributes_created', 0)} created, {g('attribute_values', 0)} values"
        )
    if g("photos_added") or g("photos_removed"):
        lines.append(f"photos: {g('photos_added', 0)} added, {g('photos_removed', 0)} removed")
    if "offers" in c or "offers_unknown_product" in c:
        lines.append(
            f"offers: {g('offers', 0)} applied, {g('products_repriced', 0)} products repriced or"
            f" restocked, {g('variants_created', 0)} variants created,"
            f" {g('offers_unknown_product', 0)} for unknown products"
        )
    if g("products_unpriced") or g("variants_unpriced"):
        lines.append(
            f"warning: {g('products_unpriced', 0)} products and {g('variants_unpriced', 0)}"
            " characteristics have no price the shop can use and are not for sale until 1C"
            " sends one (see the status page)"
        )
    if g("prices_converted"):
        lines.append(f"prices converted from another currency: {c['prices_converted']}")
    if g("offers_without_price_type"):
        lines.append(
            f"warning: {c['offers_without_price_type']} offers have no price of the chosen"
            " price type (setting price_type)"
        )
    lines += linking.summary_lines(c, job.message)
    failed = g("items_failed", 0) + g("products_invalid", 0) + g("offers_invalid", 0)
    if failed:
        lines.append(f"skipped with errors: {failed}")
    if g("products_without_uploaded_photos"):
        lines.append(
            f"products whose photos were not uploaded (kept as they are):"
            f" {c['products_without_uploaded_photos']}"
        )
    if g("warnings"):
        lines.append(f"warnings: {c['warnings']}")
        lines.extend(job.message.splitlines()[:10])
    return lines


def deactivate(
    conn: pymysql.Connection,
    prefix: str,
    settings: dict[str, Any],
    exchange_dir: Path,
    xcart_root: Path | None,
    since: int,
) -> dict[str, int]:
    """`mode=deactivate&timestamp=`: the end of a full package export (2.09+/3.1, whose files
    all say "only changes"). In overwrite mode, what 1C has not sent since `since` is removed;
    when it sent nothing at all since then, nothing is, rather than the whole catalog.
    `since` is the unix time checkauth gave 1C; an export in portions still open began earlier
    and ends here (catalog.portions)."""
    since *= 1_000_000
    ctx = load_context(conn, prefix, settings, exchange_dir, xcart_root)
    if settings["catalog_mode"] != "overwrite":
        return {}
    with transaction(conn) as cur:
        since = portions.complete_on_deactivate(cur, prefix, since)
        kinds = tuple(k for k in ("product", "category") if idmap.seen_since(cur, prefix, k, since))
        remove_unseen(ctx, cur, kinds, since)
        _bump_versions(ctx, cur)
    _release_files(conn, ctx)
    if any(ctx.counts.get(k) for k in CHANGES):
        clear_data_cache(xcart_root)
    return dict(ctx.counts)
