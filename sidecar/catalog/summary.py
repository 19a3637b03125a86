"""The lines 1C shows in its exchange log after a catalog file's `success`, from the job's
counts and messages."""

from __future__ import annotations

from ..state import jobs
from . import linking

# Product counts an offers file makes (the products line is the catalog file's).
OFFER_COUNTS = {"products_repriced", "products_unpriced", "products_on_sale"}


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
