"""Creates and upgrades the sidecar's own tables. Never touches an X-Cart table, so it is safe
to run on a live shop at any time; each step runs once (recorded in `xc1c_{prefix}schema`)."""

from __future__ import annotations

import pymysql

from ..db import quote_identifier
from . import own_prefix, own_table
from .spaces import in_every_space

# (version, statements); `{own}` is what the sidecar's own tables start with (state.own_prefix).
# Append new versions, never edit old ones.
MIGRATIONS: list[tuple[int, list[str]]] = [
    (
        1,
        [
            """CREATE TABLE IF NOT EXISTS {own}sessions (
                id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
                token_hash CHAR(64) NOT NULL,
                login VARCHAR(255) NOT NULL,
                client VARCHAR(64) NOT NULL DEFAULT '',
                created_at INT UNSIGNED NOT NULL,
                expires_at INT UNSIGNED NOT NULL,
                exchange_type VARCHAR(16) NOT NULL DEFAULT '',
                cml_version VARCHAR(16) NOT NULL DEFAULT '',
                UNIQUE KEY token_hash (token_hash),
                KEY expires_at (expires_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
            """CREATE TABLE IF NOT EXISTS {own}import_jobs (
                id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
                session_id BIGINT UNSIGNED NOT NULL,
                filename VARCHAR(255) NOT NULL,
                status VARCHAR(16) NOT NULL,
                position INT UNSIGNED NOT NULL DEFAULT 0,
                counts TEXT NOT NULL,
                message TEXT NOT NULL,
                created_at INT UNSIGNED NOT NULL,
                updated_at INT UNSIGNED NOT NULL,
                started_us BIGINT UNSIGNED NOT NULL DEFAULT 0,
                UNIQUE KEY session_file (session_id, filename)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
            """CREATE TABLE IF NOT EXISTS {own}id_map (
                kind VARCHAR(32) NOT NULL,
                ext_id VARCHAR(191) NOT NULL,
                xc_id INT UNSIGNED NOT NULL,
                fingerprint CHAR(32) NOT NULL DEFAULT '',
                updated_at INT UNSIGNED NOT NULL,
                PRIMARY KEY (kind, ext_id),
                KEY xc (kind, xc_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
            """CREATE TABLE IF NOT EXISTS {own}offers (
                ext_id VARCHAR(191) NOT NULL PRIMARY KEY,
                product_ext_id VARCHAR(191) NOT NULL,
                product_id INT UNSIGNED NOT NULL,
                price DECIMAL(14,4) NULL,
                quantity DECIMAL(18,4) NULL,
                deleted TINYINT(1) NOT NULL DEFAULT 0,
                fingerprint CHAR(32) NOT NULL DEFAULT '',
                updated_at INT UNSIGNED NOT NULL,
                KEY product (product_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
            """CREATE TABLE IF NOT EXISTS {own}price_types (
                ext_id VARCHAR(191) NOT NULL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                currency VARCHAR(16) NOT NULL DEFAULT '',
                position INT UNSIGNED NOT NULL DEFAULT 0,
                seen_at INT UNSIGNED NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
        ],
    ),
    (
        2,
        [
            # When 1C last sent an item: a full export disables what it did not send.
            # (microseconds: two exchanges can fall within one second)
            "ALTER TABLE {own}id_map ADD COLUMN seen_at BIGINT UNSIGNED NOT NULL DEFAULT 0,"
            " ADD KEY seen (kind, seen_at)",
            """CREATE TABLE IF NOT EXISTS {own}properties (
                ext_id VARCHAR(191) NOT NULL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                value_type VARCHAR(64) NOT NULL DEFAULT '',
                seen_at INT UNSIGNED NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
            """CREATE TABLE IF NOT EXISTS {own}warehouses (
                ext_id VARCHAR(191) NOT NULL PRIMARY KEY,
                name VARCHAR(255) NOT NULL,
                seen_at INT UNSIGNED NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
            # The product photos that came from 1C (photos added in the shop are not listed).
            """CREATE TABLE IF NOT EXISTS {own}images (
                image_id INT UNSIGNED NOT NULL PRIMARY KEY,
                product_id INT UNSIGNED NOT NULL,
                content_md5 CHAR(32) NOT NULL,
                KEY product (product_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
        ],
    ),
    (
        3,
        [
            # What 1C confirmed (sale/success) of each order: the fingerprint of what it got.
            """CREATE TABLE IF NOT EXISTS {own}order_exports (
                order_id INT NOT NULL PRIMARY KEY,
                fingerprint CHAR(32) NOT NULL,
                exported_at INT UNSIGNED NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
            # What a sale/query sent and 1C has not confirmed yet.
            """CREATE TABLE IF NOT EXISTS {own}order_queries (
                session_id BIGINT UNSIGNED NOT NULL,
                order_id INT NOT NULL,
                fingerprint CHAR(32) NOT NULL,
                PRIMARY KEY (session_id, order_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
        ],
    ),
    (
        4,
        [
            # Failed logins per client address, for the login rate limit.
            """CREATE TABLE IF NOT EXISTS {own}login_failures (
                id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
                client VARCHAR(64) NOT NULL,
                failed_at INT UNSIGNED NOT NULL,
                KEY client_time (client, failed_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
        ],
    ),
    (
        5,
        [
            # Who writes the catalog now (state/lease.py).
            """CREATE TABLE IF NOT EXISTS {own}leases (
                name VARCHAR(32) NOT NULL PRIMARY KEY,
                holder VARCHAR(191) NOT NULL,
                owner VARCHAR(191) NOT NULL,
                description VARCHAR(255) NOT NULL,
                acquired_at INT UNSIGNED NOT NULL,
                heartbeat_at INT UNSIGNED NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
        ],
    ),
    (
        6,
        [
            # Every exchange, for the status page, the CLI and replay (state/history.py).
            """CREATE TABLE IF NOT EXISTS {own}exchanges (
                id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
                session_id BIGINT UNSIGNED NULL,
                kind VARCHAR(16) NOT NULL,
                source VARCHAR(16) NOT NULL,
                login VARCHAR(255) NOT NULL DEFAULT '',
                client VARCHAR(255) NOT NULL DEFAULT '',
                dry_run TINYINT(1) NOT NULL DEFAULT 0,
                replay_of BIGINT UNSIGNED NULL,
                started_at INT UNSIGNED NOT NULL,
                updated_at INT UNSIGNED NOT NULL,
                finished_at INT UNSIGNED NULL,
                status VARCHAR(16) NOT NULL,
                progress TINYINT UNSIGNED NOT NULL DEFAULT 0,
                counts TEXT NOT NULL,
                message TEXT NOT NULL,
                analysis MEDIUMTEXT NOT NULL,
                log MEDIUMTEXT NOT NULL,
                files_kept TINYINT(1) NOT NULL DEFAULT 0,
                UNIQUE KEY session (session_id),
                KEY started (started_at)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
            """CREATE TABLE IF NOT EXISTS {own}exchange_files (
                exchange_id BIGINT UNSIGNED NOT NULL,
                name VARCHAR(255) NOT NULL,
                size BIGINT UNSIGNED NOT NULL,
                sha256 CHAR(64) NOT NULL,
                status VARCHAR(16) NOT NULL,
                counts TEXT NOT NULL,
                warnings TEXT NOT NULL,
                PRIMARY KEY (exchange_id, name)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
            # The 1C bases (classifier Ид) the shop has had an exchange from.
            """CREATE TABLE IF NOT EXISTS {own}sources (
                classifier_id VARCHAR(191) NOT NULL PRIMARY KEY,
                first_exchange_id BIGINT UNSIGNED NOT NULL,
                seen_at INT UNSIGNED NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
        ],
    ),
    (
        7,
        [
            # The digest of each item's XML (and what else its writing depended on) when it
            # was last written: an unchanged item is skipped before it is even read.
            "ALTER TABLE {own}id_map ADD COLUMN xml_md5 CHAR(32) NOT NULL DEFAULT ''",
            "ALTER TABLE {own}offers ADD COLUMN xml_md5 CHAR(32) NOT NULL DEFAULT ''",
        ],
    ),
    (
        8,
        [
            # Why the prices 1C last sent for an offer could not be used ('' = they could, or
            # none were sent): such an offer has no price.
            "ALTER TABLE {own}offers ADD COLUMN unpriced VARCHAR(255) NOT NULL DEFAULT ''",
            # Products 1C wants on sale that stay hidden until 1C gives them a usable price.
            """CREATE TABLE IF NOT EXISTS {own}unpriced (
                product_id INT UNSIGNED NOT NULL PRIMARY KEY,
                reason VARCHAR(255) NOT NULL,
                since INT UNSIGNED NOT NULL
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
        ],
    ),
    (
        9,
        [
            # The order changes 1C sent, recorded before they are applied: by the module's PHP
            # side through X-Cart's own order model (which reads this table), or directly.
            # One row per order and change: a change 1C sends again is recognised, not redone.
            """CREATE TABLE IF NOT EXISTS {own}order_changes (
                id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
                order_id INT UNSIGNED NOT NULL,
                version VARCHAR(64) NOT NULL,
                change_key CHAR(40) NOT NULL,
                payload MEDIUMTEXT NOT NULL,
                state VARCHAR(16) NOT NULL,
                applied_by VARCHAR(16) NOT NULL DEFAULT '',
                attempts INT UNSIGNED NOT NULL DEFAULT 0,
                error TEXT NOT NULL,
                result TEXT NOT NULL,
                settled TINYINT(1) NOT NULL DEFAULT 0,
                created INT UNSIGNED NOT NULL,
                updated INT UNSIGNED NOT NULL,
                UNIQUE KEY order_change (order_id, change_key),
                KEY state (state, id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
        ],
    ),
    (
        10,
        [
            # What a catalog upload 1C never asks to import needs to be imported in the
            # background: when the session last called, whether its last part was whole
            # (shorter than file_limit), whether 1C called import, and the background run
            # with its heartbeat (a run whose worker died is taken over) and the count of parts
            # it saw (a part arriving during or after it has the upload looked at again).
            "ALTER TABLE {own}sessions ADD COLUMN last_call_at INT UNSIGNED NOT NULL DEFAULT 0,"
            " ADD COLUMN uploaded_at INT UNSIGNED NOT NULL DEFAULT 0,"
            " ADD COLUMN upload_whole TINYINT(1) NOT NULL DEFAULT 0,"
            " ADD COLUMN import_called TINYINT(1) NOT NULL DEFAULT 0,"
            " ADD COLUMN background VARCHAR(16) NOT NULL DEFAULT '',"
            " ADD COLUMN background_at INT UNSIGNED NOT NULL DEFAULT 0,"
            " ADD COLUMN uploads INT UNSIGNED NOT NULL DEFAULT 0,"
            " ADD COLUMN claimed_uploads INT UNSIGNED NOT NULL DEFAULT 0,"
            " ADD KEY pending (uploaded_at, import_called)",
        ],
    ),
    (
        11,
        [
            # Full exports 1C sends in portions, one session each: what they cover, when the
            # first portion began (items not seen since are what the export lacks), the
            # portions begun but not finished, and how each export ended.
            """CREATE TABLE IF NOT EXISTS {own}catalog_exports (
                id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY,
                started_us BIGINT UNSIGNED NOT NULL,
                first_file VARCHAR(255) NOT NULL,
                kinds VARCHAR(64) NOT NULL,
                status VARCHAR(16) NOT NULL,
                portions INT UNSIGNED NOT NULL DEFAULT 1,
                unfinished TEXT NOT NULL,
                message TEXT NOT NULL,
                removed TEXT NOT NULL,
                opened_at INT UNSIGNED NOT NULL,
                updated_at INT UNSIGNED NOT NULL,
                KEY status (status, id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""",
        ],
    ),
    (
        12,
        [
            # 1C's own Ид of the order document a change came from (its GUID: 1C names the
            # shop's order by Номер), so a later document is known by it too.
            "ALTER TABLE {own}order_changes ADD COLUMN IF NOT EXISTS"
            " onec_id VARCHAR(64) NOT NULL DEFAULT '' AFTER order_id",
            "ALTER TABLE {own}order_changes ADD KEY IF NOT EXISTS onec_id (onec_id)",
        ],
    ),
    (
        13,
        [
            # A multi-vendor shop's vendors with a 1C of their own: the exchange login of each,
            # the vendor's profile it belongs to and a salted hash of its password.
            """CREATE TABLE IF NOT EXISTS {own}vendor_logins (
                login VARCHAR(191) NOT NULL PRIMARY KEY,
                vendor_id INT NOT NULL,
                password_hash VARCHAR(255) NOT NULL,
                created_at INT UNSIGNED NOT NULL,
                KEY vendor (vendor_id)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin""",
        ],
    ),
    (
        14,
        [
            # What each 1C confirmed: the store owner's (0) and each vendor's 1C apart, so one
            # confirming an order never keeps it from the other.
            "ALTER TABLE {own}order_exports ADD COLUMN IF NOT EXISTS"
            " vendor_id INT NOT NULL DEFAULT 0 FIRST",
            "ALTER TABLE {own}order_exports DROP PRIMARY KEY,"
            " ADD PRIMARY KEY (vendor_id, order_id)",
            # Whose 1C sent a change: once applied, the order is known to that 1C only.
            "ALTER TABLE {own}order_changes ADD COLUMN IF NOT EXISTS"
            " vendor_id INT NOT NULL DEFAULT 0 AFTER order_id",
        ],
    ),
    (
        15,
        [
            # The 1C catalog (its Каталог / Классификатор Ид) each product and category came
            # in, and the one an export in portions is of: a base with several catalogs sends
            # each as an export of its own, which removes only what its own catalog lacks.
            "ALTER TABLE {own}id_map ADD COLUMN IF NOT EXISTS"
            " catalog VARCHAR(191) NOT NULL DEFAULT ''",
            "ALTER TABLE {own}catalog_exports ADD COLUMN IF NOT EXISTS"
            " catalog VARCHAR(191) NOT NULL DEFAULT ''",
        ],
    ),
]


def _table_exists(cur: pymysql.cursors.Cursor, name: str) -> bool:
    cur.execute(
        "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
        " AND TABLE_NAME = %s",
        (name,),
    )
    return bool(cur.fetchone()[0])


def _rename_legacy_tables(cur: pymysql.cursors.Cursor, prefix: str) -> None:
    """Versions before 0.2 named their tables `{prefix}xc1c_*`, inside X-Cart's prefix, where
    X-Cart's redeploy drops them: move them out, in one atomic RENAME."""
    legacy = f"{prefix}xc1c_"
    if _table_exists(cur, own_prefix(prefix) + "schema") or not _table_exists(
        cur, legacy + "schema"
    ):
        return
    cur.execute(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
        " AND TABLE_NAME LIKE %s",
        (legacy.replace("_", "\\_") + "%",),
    )
    pairs = [
        f"{quote_identifier(name)} TO {own_table(prefix, name[len(legacy) :])}"
        for (name,) in cur.fetchall()
    ]
    cur.execute("RENAME TABLE " + ", ".join(pairs))


def migrate(conn: pymysql.Connection, prefix: str) -> list[int]:
    """Apply the missing steps; returns the versions applied (empty when up to date)."""
    version_table = own_table(prefix, "schema")
    applied: list[int] = []
    with conn.cursor() as cur:
        _rename_legacy_tables(cur, prefix)
        cur.execute(
            f"CREATE TABLE IF NOT EXISTS {version_table}"
            " (version INT UNSIGNED NOT NULL PRIMARY KEY,"
            " applied_at INT UNSIGNED NOT NULL) ENGINE=InnoDB"
        )
    done = applied_versions(conn, prefix)
    with conn.cursor() as cur:
        for version, statements in MIGRATIONS:
            if version in done:
                continue
            for statement in statements:
                cur.execute(statement.replace("{own}", own_prefix(prefix)))
                in_every_space(cur, prefix, statement)
            cur.execute(
                f"INSERT INTO {version_table} (version, applied_at) VALUES (%s, UNIX_TIMESTAMP())",
                (version,),
            )
            conn.commit()
            applied.append(version)
    return applied


def applied_versions(conn: pymysql.Connection, prefix: str) -> set[int]:
    with conn.cursor() as cur:
        if not _table_exists(cur, own_prefix(prefix) + "schema"):
            return set()
        cur.execute(f"SELECT version FROM {own_table(prefix, 'schema')}")
        return {r[0] for r in cur.fetchall()}
