"""Full exports in portions, in overwrite mode: nothing the export holds is ever removed.

With «Количество товаров в одной порции» set, 1C (the БЭД module of УТ 11, ERP and КА,
`ОбменССайтом.ВыгрузитьКаталог`) writes `import0_1.xml`, `import0_2.xml`, … and sends each in a
session of its own (checkauth, init, file, import), emptying its folder between them. The first
portion says СодержитТолькоИзменения=false and carries the Классификатор, every later one says
true (l. 1616: `ВыгружатьИзменения Или (НомерСообщения > 1)`), and nothing marks the last. A
portion whose upload or import failed is sent again after all the others, under a new number
(l. 1563–1590, 1686–1714). Only then does the offers package start (l. 157–158: ВыгрузитьКаталог
returns before ВыгрузитьПакетПредложений is called; l. 172–173 the same for price and stock
updates), whose first portion `offers0_1.xml` comes in a session after the last import portion.
The offers come whatever ВыгрузитьКаталог returned, also after a portion that failed for good
(its retries spent): hence the check below that every portion begun also finished.
Neither 1C client sends `mode=deactivate` or `mode=complete`. Without a portion size БЭД names
its catalog `import0_1.xml` all the same (НоменклатураУзла with a size of 0 selects every item,
l. 1900–1906), so every export of УТ 11, ERP and КА goes the way below.

So the rule, per shop:
- A full catalog file named as a portion (`import<n>_<k>.xml`, `import<n>.xml`) opens an
  export instead of removing anything; the items 1C has not sent since it began are what the
  export lacks.
- Catalog files that follow (the later portions, «only changes») add to it; each import file
  is noted when its import begins and crossed off when it ends.
- The first offers file after them completes it: what no portion held is removed then. A
  portion that began and never finished (its import failed, or 1C gave up waiting for it) still
  holds its products: they are read from its file, which stays in its session's folder, and
  kept. If that file cannot be read whole (gone, cut short, malformed), which products it held
  is unknown: the export is *incomplete* and nothing is removed.
- A new full export (a first portion or a single file) arriving while one is open abandons the
  open one without removing anything: 1C began again, so the open one may have been cut short.
- `mode=deactivate`, from clients that send it, completes an open export too, counting what was
  sent since its first portion.
- A single-file full export under any other name (`import.xml`) removes at once, as it always
  did.

Why not a quiet period or the next export: a quiet period cannot tell an export that ended
from one that 1C broke off (a 1C crash, a user's cancel), and removing then would take exactly
the products of the portions never sent; waiting for the next export would keep what 1C deleted
on sale for a whole exchange interval. The offers are the one signal 1C's own code gives that
its catalog loop, retries included, is over. A node that sends goods without prices or stock
never sends it, and then nothing is removed (the status page shows what waits).

УНФ (its own `ОбменССайтом`, `ИмяФайлаОбмена` l. 16393, the catalog loop l. 1079–1110)
names its portions `import0.xml`, `import1.xml`, … and its offers `offers0.xml`, …, one file per
upload; the index is raised before each file is written, so the first says full and every later
one «only changes» (l. 1191–1192). Without a portion size its catalog is `import0.xml` alone,
followed by `offers0.xml`. So `import<n>.xml` opens an export the same way, and only a file
named otherwise (`import.xml`, as УТ 10.3 and other senders write it) removes at once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pymysql.cursors import Cursor

from ..commerceml.reader import CommerceMLError, iter_records, peek_source
from ..commerceml.records import Raw
from ..db import quote_identifier
from ..state import exports, idmap, own_table
from ..xcart.entities import TARGETS
from ..xcart.schema import Schema
from .context import ImportContext
from .removal import remove_categories, remove_products

# БЭД's portion names, import<catalog index>_<portion>.xml (ВыгрузитьКаталог, l. 1642–1645), and
# УНФ's, import<portion>.xml (ИмяФайлаОбмена, l. 16393).
_PORTION = re.compile(r"import\d+(?:_\d+)?\.xml", re.IGNORECASE)
REMOVED = ("products_disabled", "products_deleted", "categories_disabled", "categories_deleted")


def _name(filename: str) -> str:
    return PurePosixPath(filename).name


def is_portion(filename: str) -> bool:
    return _PORTION.fullmatch(_name(filename)) is not None


def _is_import(filename: str) -> bool:
    return _name(filename).lower().startswith("import")


def _has(counts: dict[str, int], kind: str) -> bool:
    return any(counts.get(f"{state}_{kind}") for state in ("full", "partial", "unmarked"))


def begin(cur: Cursor, prefix: str, path: Path) -> None:
    """An import file's import begins: while an export is open it is one of its portions
    until its import ends."""
    export = exports.current(cur, prefix)
    if export is not None and _is_import(path.name) and str(path) not in export.unfinished:
        export.unfinished.append(str(path))
        exports.save(cur, prefix, export)


def settle(
    ctx: ImportContext, cur: Cursor, path: Path, started_us: int, kinds: tuple[str, ...]
) -> None:
    """A file's import ended in overwrite mode; `kinds` are what it says it holds in full.
    Removes what a whole export lacks, when it is whole."""
    prefix = ctx.prefix
    filename = path.name
    catalog = _catalog_of(path)
    if catalog:
        exports.assign(cur, prefix, catalog, started_us)
    export = exports.current(cur, prefix)
    first_portion = "product" in kinds and is_portion(filename)
    if export is not None and kinds:
        if _next_catalog(export, catalog, filename):
            # БЭД goes through its catalogs one by one in a run (ВыполнитьОбмен, l. 143–172),
            # each ВыгрузитьКаталог with its retries before the next: the next catalog's first
            # portion means this one's is over. A node that sends goods without prices has
            # no offers file to say so (l. 160–162).
            _complete(ctx, cur, export)
        else:
            _close(
                ctx,
                cur,
                export,
                exports.ABANDONED,
                f"a new full export began with {filename} before this one was complete;"
                " nothing was removed",
            )
        export = None
    if first_portion:
        exports.open_export(cur, prefix, started_us, kinds, filename, catalog)
        ctx.counts["export_portion"] = 1
        return
    if export is None:
        _remove(ctx, cur, kinds, started_us, catalog)
        return
    if str(path) in export.unfinished:
        export.unfinished.remove(str(path))
    if _has(ctx.counts, "catalog") or _has(ctx.counts, "classifier") or _is_import(filename):
        export.portions += 1
        ctx.counts["export_portion"] = export.portions
        exports.save(cur, prefix, export)
    elif _has(ctx.counts, "offers"):
        _complete(ctx, cur, export)
    else:
        exports.save(cur, prefix, export)


def _complete(ctx: ImportContext, cur: Cursor, export: exports.Export) -> None:
    ctx.counts["export_portions"] = export.portions
    for unfinished in list(export.unfinished):
        held = _products_in(Path(unfinished))
        if held is not None:
            idmap.touch(cur, ctx.prefix, "product", held)
            export.unfinished.remove(unfinished)
            ctx.warn(
                f"{Path(unfinished).name} did not finish importing: its {len(held)} products"
                " are kept as they are"
            )
    if export.unfinished:
        names = ", ".join(Path(u).name for u in export.unfinished[:5])
        names += " …" if len(export.unfinished) > 5 else ""
        ctx.counts["export_incomplete"] = 1
        message = (
            f"the full export begun by {export.first_file} is incomplete: {names} did not"
            " finish importing, so nothing it lacks was removed; the next complete one removes it"
        )
        ctx.warn(message)
        _close(ctx, cur, export, exports.INCOMPLETE, message)
        return
    before = {k: ctx.counts.get(k, 0) for k in REMOVED}
    _remove(ctx, cur, export.kinds, export.started_us, export.catalog)
    export.removed = {k: ctx.counts.get(k, 0) - v for k, v in before.items()}
    _close(ctx, cur, export, exports.COMPLETE, "")


_CATALOG_INDEX = re.compile(r"import(\d+)_\d+\.xml", re.IGNORECASE)


def _next_catalog(export: exports.Export, catalog: str, filename: str) -> bool:
    """Whether a full export beginning with `filename` is the next catalog of the same run as
    the open one: another catalog Ид and a higher catalog index (БЭД's import<index>_<k>;
    a lower one is a new run, which may follow one that was broken off)."""
    if not (export.catalog and catalog and export.catalog != catalog):
        return False
    now = _CATALOG_INDEX.fullmatch(_name(filename))
    then = _CATALOG_INDEX.fullmatch(_name(export.first_file))
    return bool(now and then and int(now.group(1)) > int(then.group(1)))


def _catalog_of(path: Path) -> str:
    """The Ид of the 1C catalog a file is of (its Классификатор's, which БЭД gives each
    catalog of its own), '' when it does not say or cannot be read."""
    try:
        with path.open("rb") as stream:
            return peek_source(stream) or ""
    except (OSError, CommerceMLError):
        return ""


def _remove(
    ctx: ImportContext, cur: Cursor, kinds: tuple[str, ...], since: int, catalog: str
) -> None:
    """What a full export of a catalog lacks: the items of that catalog not sent since."""
    if "product" in kinds:
        remove_products(ctx, cur, exports.unseen(cur, ctx.prefix, "product", since, catalog))
    if "category" in kinds:
        remove_categories(ctx, cur, exports.unseen(cur, ctx.prefix, "category", since, catalog))


def _products_in(path: Path) -> list[str] | None:
    """The Ид of every product in a catalog file, or None when it cannot be read to its end."""
    try:
        with path.open("rb") as stream:
            return [
                r.id
                for r in iter_records(stream, raw=True)
                if isinstance(r, Raw) and r.kind == "product"
            ]
    except (OSError, CommerceMLError):
        return None


def _close(
    ctx: ImportContext, cur: Cursor, export: exports.Export, status: str, message: str
) -> None:
    export.status = status
    export.message = message
    exports.save(cur, ctx.prefix, export)


def complete_on_deactivate(cur: Cursor, prefix: str, since_us: int) -> int:
    """`mode=deactivate` while an export in portions is open: it ends that export, and what was
    sent since the export's first portion counts as sent (not only since this session)."""
    export = exports.current(cur, prefix)
    if export is None:
        return since_us
    export.status = exports.COMPLETE
    exports.save(cur, prefix, export)
    return min(since_us, export.started_us)


@dataclass
class Pending:
    """What completing the open export would remove right now."""

    since_us: int
    first_file: str
    portions: int
    unfinished: list[str]
    products: int
    categories: int
    examples: list[int]

    def as_dict(self) -> dict[str, Any]:
        return {
            "since_us": self.since_us, "first_file": self.first_file,
            "portions": self.portions, "unfinished": self.unfinished,
            "products": self.products, "categories": self.categories,
            "examples": self.examples,
        }  # fmt: skip

    def line(self, action: str) -> str:
        names = ", ".join(self.unfinished[:5])
        state = f"; {names} did not finish: what it holds is kept" if self.unfinished else ""
        return (
            f"full export in portions under way ({self.portions} so far, from"
            f" {self.first_file}): once complete it would {action} {self.products} products and"
            f" {self.categories} categories it has not sent{state}"
        )


def pending(cur: Cursor, schema: Schema, prefix: str, settings: dict[str, Any]) -> Pending | None:
    export = exports.current(cur, prefix)
    if export is None:
        return None
    only_enabled = settings["missing_action"] != "delete"
    products, examples = _unseen(cur, schema, prefix, "product", export, only_enabled)
    categories = 0
    if "category" in export.kinds:
        categories, _ = _unseen(cur, schema, prefix, "category", export, only_enabled)
    names = [PurePosixPath(u).name for u in export.unfinished]
    return Pending(
        export.started_us, export.first_file, export.portions, names, products, categories, examples
    )


def _unseen(
    cur: Cursor, schema: Schema, prefix: str, kind: str, export: exports.Export, only_enabled: bool
) -> tuple[int, list[int]]:
    """How many items of a kind of the export's catalog 1C has not sent since the export
    began are still in the shop (and on the storefront, when removing means disabling), with
    a few X-Cart ids."""
    table, pk = TARGETS[kind]
    scope, scope_args = exports.scope(cur, prefix, export.catalog)
    where = f"m.kind = %s AND m.seen_at < %s AND {scope}"
    where += " AND t.enabled = 1" if only_enabled else ""
    sql = (
        f"FROM {own_table(prefix, 'id_map')} m JOIN {schema.table(table)} t"
        f" ON t.{quote_identifier(pk)} = m.xc_id WHERE {where}"
    )
    args = (kind, export.started_us, *scope_args)
    cur.execute(f"SELECT COUNT(*) {sql}", args)
    count = int(cur.fetchone()[0])
    cur.execute(f"SELECT m.xc_id {sql} ORDER BY m.xc_id LIMIT 5", args)
    return count, [r[0] for r in cur.fetchall()]
