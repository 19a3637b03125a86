"""What the status page, /status.json, /metrics and `xc1c history` show, built once from the
history, the lease and the settings: the same facts for people, scripts and monitors."""

from __future__ import annotations

import time
from collections import Counter
from typing import Any

import pymysql

from . import __version__
from .catalog import portions
from .catalog.dry_run import Changes
from .db import transaction
from .settings import MODULE_CATEGORY, SETTINGS, read_settings, shown
from .state import exports, history, order_changes, own_table, unpriced
from .state.history import Exchange
from .xcart.schema import Schema

# The counts a person asks about first, each summed from the importer's detailed counts.
SUMMARY = {
    "created": ("products_created", "categories_created"),
    "updated": ("products_updated", "categories_updated", "products_repriced"),
    "removed": ("products_disabled", "products_deleted", "categories_disabled",
                "categories_deleted"),
    "unchanged": ("products_unchanged", "categories_unchanged"),
    "skipped": ("products_skipped",),
    "linked": ("products_linked", "categories_linked", "variants_linked"),
    "ambiguous": ("products_ambiguous", "categories_ambiguous", "variants_ambiguous"),
    "failed": ("items_failed", "products_invalid", "offers_invalid"),
    "warnings": ("warnings",),
    "orders sent": ("orders_sent",),
    "orders confirmed": ("orders_confirmed",),
    "orders changed": ("orders_changed",),
}  # fmt: skip


def summarise(counts: Counter) -> dict[str, int]:
    return {label: sum(counts.get(k, 0) for k in keys) for label, keys in SUMMARY.items()}


def _when(stamp: int | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(stamp)) if stamp else ""


def duration(exchange: Exchange) -> int:
    return (exchange.finished_at or exchange.updated_at) - exchange.started_at


def exchange_line(exchange: Exchange) -> str:
    """One line per exchange for `xc1c history`."""
    brief = ", ".join(f"{k} {v}" for k, v in summarise(exchange.totals).items() if v)
    mode = " (dry run)" if exchange.dry_run else ""
    return (
        f"#{exchange.id} {_when(exchange.started_at)} {exchange.kind} from {exchange.source}"
        f" {exchange.login}@{exchange.client}: {exchange.status}{mode}, {duration(exchange)} s"
        + (f" — {brief}" if brief else "")
        + (f" — {exchange.message}" if exchange.message else "")
    )


def describe_exchange(exchange: Exchange) -> list[str]:
    """An exchange in full for `xc1c history ID`: files, counts, warnings, the analysis."""
    lines = [exchange_line(exchange)]
    if exchange.replay_of:
        lines.append(f"replay of exchange #{exchange.replay_of}")
    for f in exchange.files:
        lines.append(f"  {f.name}: {f.status}, {f.size} bytes, sha256 {f.sha256}")
        details = ", ".join(f"{k} {v}" for k, v in sorted(f.counts.items()) if v)
        if details:
            lines.append(f"    {details}")
        lines += [f"    ! {w}" for w in f.warnings]
    if exchange.analysis:
        lines.append("  would change:")
        lines += [f"    {line}" for line in _analysis_lines(exchange.analysis)]
    lines.append(
        "  files kept for download and replay" if exchange.files_kept else "  files no longer kept"
    )
    return lines


def _analysis_lines(analysis: dict[str, Any]) -> list[str]:
    return Changes.from_dict(analysis).lines()


def exchange_dict(exchange: Exchange) -> dict[str, Any]:
    return {
        "id": exchange.id,
        "kind": exchange.kind,
        "source": exchange.source,
        "login": exchange.login,
        "client": exchange.client,
        "dry_run": exchange.dry_run,
        "replay_of": exchange.replay_of,
        "started_at": _when(exchange.started_at),
        "finished_at": _when(exchange.finished_at),
        "duration_seconds": duration(exchange),
        "status": exchange.status,
        "progress": exchange.progress,
        "summary": summarise(exchange.totals),
        "counts": dict(exchange.totals),
        "message": exchange.message,
        "analysis": exchange.analysis,
        "analysis_lines": _analysis_lines(exchange.analysis) if exchange.analysis else [],
        "files_kept": exchange.files_kept,
        "files": [
            {
                "name": f.name,
                "size": f.size,
                "sha256": f.sha256,
                "status": f.status,
                "counts": f.counts,
                "warnings": f.warnings,
            }
            for f in exchange.files
        ],
    }


def collect(
    conn: pymysql.Connection, prefix: str, settings: dict[str, Any], last: int = 20
) -> dict[str, Any]:
    """Everything the status page shows."""
    recent = history.recent(conn, prefix, last)
    with transaction(conn) as cur:
        cur.execute(
            f"SELECT holder, description, acquired_at, heartbeat_at"
            f" FROM {own_table(prefix, 'leases')} WHERE holder <> ''"
        )
        held = cur.fetchone()
        waiting = unpriced.summary(cur, prefix)
        changes, unapplied = order_changes.summary(cur, prefix)
        direct_reason = order_changes.last_direct_reason(cur, prefix)
        in_portions = export_in_portions(cur, Schema(conn, prefix), prefix, settings)
    running = [e for e in recent if e.status == history.RUNNING]
    return {
        "health": "ok",
        "version": __version__,
        "time": _when(int(time.time())),
        "settings": {s.name: shown(s, settings[s.name]) for s in SETTINGS},
        "catalog_lease": (
            {"holder": held[1], "since": _when(held[2]), "last_call": _when(held[3])}
            if held
            else None
        ),
        "current": [exchange_dict(e) for e in running],
        "exchanges": [exchange_dict(e) for e in recent],
        # 1C products not for sale because 1C gave them no price the shop can use
        "unpriced": [
            {"reason": reason, "products": count, "examples": examples}
            for reason, count, examples in waiting
        ],
        # 1C's order changes: applied through X-Cart or directly (and why), waiting, failed
        "order_changes": {
            "counts": {k.replace(" ", "_"): v for k, v in changes.items()},
            "direct_reason": direct_reason,
            "unapplied": [
                {
                    "order_id": r.order_id,
                    "state": r.state,
                    "attempts": r.attempts,
                    "error": r.error,
                    "since": _when(r.updated),
                }
                for r in unapplied
            ],
        },
        # a full export in portions: what it would remove once complete, and how the last ended
        "export_in_portions": in_portions,
        "modules": module_set(Schema(conn, prefix)),
    }


def export_in_portions(
    cur: pymysql.cursors.Cursor, schema: Schema, prefix: str, settings: dict[str, Any]
) -> dict[str, Any]:
    """The open export in portions with its pending removals, and the last one that ended."""
    waiting = portions.pending(cur, schema, prefix, settings)
    last = exports.last_closed(cur, prefix)
    action = settings["missing_action"]
    return {
        "open": None if waiting is None else {
            **waiting.as_dict(), "action": action, "since": _when(waiting.since_us // 1_000_000),
            "line": waiting.line(action),
        },
        "last": None if last is None else {
            "first_file": last.first_file, "status": last.status, "portions": last.portions,
            "message": last.message, "removed": last.removed, "ended": _when(last.updated_at),
        },
    }  # fmt: skip


def module_installed(conn: pymysql.Connection, prefix: str) -> bool:
    """The X-Cart module is in the shop: X-Cart loaded its settings rows (install.yaml)."""
    with transaction(conn) as cur:
        cur.execute(f"SELECT COUNT(*) FROM {prefix}config WHERE category = %s", (MODULE_CATEGORY,))
        return cur.fetchone()[0] > 0


def module_set(schema: Schema) -> list[dict[str, Any]]:
    """The optional X-Cart parts the sidecar uses, whether the shop has them, and what the
    sidecar does without them."""
    return [
        {"part": name, "module": part.module, "present": present, "without": part.without}
        for name, part, present in schema.optional_parts()
    ]


def metrics_text(conn: pymysql.Connection, prefix: str) -> str:
    """Prometheus text format, over the exchanges the history remembers."""
    table = own_table(prefix, "exchanges")
    out = [
        "# HELP xc1c_up The sidecar answers and reaches its database.",
        "# TYPE xc1c_up gauge",
        "xc1c_up 1",
        f'xc1c_build_info{{version="{__version__}"}} 1',
    ]
    with transaction(conn) as cur:
        cur.execute(
            f"SELECT kind, status, COUNT(*), SUM(COALESCE(finished_at, updated_at) - started_at),"
            f" MAX(started_at) FROM {table} GROUP BY kind, status ORDER BY kind, status"
        )
        rows = cur.fetchall()
        cur.execute(
            f"SELECT kind, MAX(finished_at) FROM {table} WHERE status = %s GROUP BY kind",
            (history.SUCCESS,),
        )
        last_success = cur.fetchall()
    out += [
        "# HELP xc1c_exchanges Exchanges in the history, by kind and result.",
        "# TYPE xc1c_exchanges gauge",
    ]
    out += [f'xc1c_exchanges{{kind="{k}",status="{s}"}} {n}' for k, s, n, _, _ in rows]
    out += [
        "# HELP xc1c_exchange_seconds Total duration of those exchanges.",
        "# TYPE xc1c_exchange_seconds gauge",
    ]
    out += [f'xc1c_exchange_seconds{{kind="{k}",status="{s}"}} {d or 0}' for k, s, _, d, _ in rows]
    out += [
        "# HELP xc1c_last_success_timestamp_seconds When an exchange last succeeded.",
        "# TYPE xc1c_last_success_timestamp_seconds gauge",
    ]
    out += [f'xc1c_last_success_timestamp_seconds{{kind="{k}"}} {t or 0}' for k, t in last_success]
    with transaction(conn) as cur:
        held = sum(count for _, count, _ in unpriced.summary(cur, prefix))
        changes, _ = order_changes.summary(cur, prefix)
        waiting = portions.pending(cur, Schema(conn, prefix), prefix, read_settings(conn, prefix))
    out += [
        "# HELP xc1c_pending_removals What the full export in portions under way would remove"
        " once complete.",
        "# TYPE xc1c_pending_removals gauge",
    ]
    pending = (waiting.products, waiting.categories) if waiting else (0, 0)
    out += [
        f'xc1c_pending_removals{{kind="{kind}"}} {n}'
        for kind, n in zip(("product", "category"), pending, strict=True)
    ]
    out += [
        "# HELP xc1c_products_unpriced 1C products not for sale: no usable price from 1C.",
        "# TYPE xc1c_products_unpriced gauge",
        f"xc1c_products_unpriced {held}",
    ]
    out += [
        "# HELP xc1c_order_changes 1C's order changes, by state and by who applied them.",
        "# TYPE xc1c_order_changes gauge",
    ]
    out += [
        f'xc1c_order_changes{{state="{k.partition(" ")[0]}",by="{k.partition(" ")[2]}"}} {n}'
        for k, n in sorted(changes.items())
    ]
    items: Counter = Counter()
    for exchange in history.recent(conn, prefix, history.MAX_ROWS):
        items.update(summarise(exchange.totals))
    out += [
        "# HELP xc1c_items Items the exchanges in the history handled, by what happened.",
        "# TYPE xc1c_items gauge",
    ]
    out += [f'xc1c_items{{what="{k.replace(" ", "_")}"}} {v}' for k, v in sorted(items.items())]
    return "\n".join(out) + "\n"
