"""What the shop's tables look like right now, read from information_schema, and the value
X-Cart would write into every NOT NULL column the sidecar does not set itself.

X-Cart columns have no DB defaults (Doctrine fills them from PHP property defaults) and each
installed module adds NOT NULL columns to core tables, so a raw INSERT must fill them all."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pymysql

from ..config import vendor_of_prefix
from ..db import quote_identifier, values_sql

ID_CHUNK = 500  # rows per multi-row INSERT whose ids are read back
# Fewer rows than this go by INSERT: LOAD DATA's own round trip costs more than it saves.
BULK_ROWS = 64
# X-Cart's PHP property defaults per (table, column): package data, needed at run time.
XCART_COLUMN_DEFAULTS = Path(__file__).with_name("column_defaults.tsv")
_NUMERIC = {
    "tinyint",
    "smallint",
    "mediumint",
    "int",
    "bigint",
    "decimal",
    "float",
    "double",
    "bit",
}


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    nullable: bool
    has_default: bool
    auto_increment: bool
    max_length: int | None


@cache
def _php_defaults(path: Path = XCART_COLUMN_DEFAULTS) -> dict[tuple[str, str], Any]:
    out: dict[tuple[str, str], Any] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("table\t"):
                continue
            table, column, raw = line.rstrip("\n").split("\t")
            value = json.loads(raw)
            if isinstance(value, bool):
                value = int(value)
            elif value == []:
                value = "a:0:{}"  # Doctrine `array` type: PHP serialize([])
            out[(table, column)] = value
    return out


@dataclass(frozen=True)
class OptionalPart:
    """Tables and columns a module adds, and what the sidecar does in a shop without them."""

    module: str
    needs: tuple[str, ...]  # "table" or "table.column"
    without: str


# Everything the sidecar uses that a module adds: the one list the writers, the orders export
# and doctor consult, so a shop with any module set works (a column is used only when present).
OPTIONAL = {
    "variants": OptionalPart(
        "XC\\ProductVariants",
        ("product_variants", "product_variants_attributes",
         "product_variant_attribute_value_select"),
        "1C characteristics become product options with price modifiers",
    ),
    "order_item_variants": OptionalPart(
        "XC\\ProductVariants", ("order_items.variant_id",),
        "order lines name the product only",
    ),
    "variant_price_range": OptionalPart(
        "XC\\ProductVariants", ("quick_data.minPrice", "quick_data.maxPrice"),
        "quick data keeps the product's price only",
    ),
    "wholesale": OptionalPart(
        "CDev\\Wholesale", ("wholesale_prices",), "wholesale_price_type is not imported",
    ),
    "market_price": OptionalPart(
        "CDev\\MarketPrice", ("products.marketPrice",), "market_price_type is not imported",
    ),
    "multicurrency": OptionalPart(
        "XC\\MultiCurrency", ("active_currencies",),
        "prices in another currency need the currency_rates setting",
    ),
    "coupons": OptionalPart(
        "CDev\\Coupons", ("order_coupons",), "orders carry no coupon codes",
    ),
    "google_feed": OptionalPart(
        "XC\\GoogleFeed", ("attributes.googleShoppingGroup",),
        "the barcode attribute is not marked as the GTIN",
    ),
    "brands": OptionalPart(
        "QSL\\ShopByBrand", ("brands", "brand_products"),
        "manufacturers are a select attribute only",
    ),
    "multivendor": OptionalPart(
        "XC\\MultiVendor",
        ("vendor", "orders.parent_id", "orders.vendor_id", "order_items.vendor_id",
         "products.vendor_id", "clean_urls.vendor_id"),
        "one seller: orders are whole, products the store owner's",
    ),
}  # fmt: skip
# XC\\MultiVendor's settings category in the config table, and its mode option's values.
MULTIVENDOR_CATEGORY = "XC\\MultiVendor"
WAREHOUSE, SEPARATE_SHOPS = "W", "S"
# What XC\\MultiVendor gives the vendor who creates it (its `vendor_id` → the vendor's profile;
# NULL: the store owner's). Not clean_urls: there `vendor_id` is the URL of a vendor's page.
VENDOR_OWNED = ("products", "attributes", "attribute_groups", "product_classes")


def _type_zero(column: Column) -> Any:
    return 0 if column.data_type in _NUMERIC else ""


def xcart_table(prefix: str, short: str) -> str:
    """The quoted real name of one of X-Cart's tables: the shop's prefix before its short name.
    For code that joins a table it knows exists without reading the shop's schema."""
    return quote_identifier(prefix + short)


class Schema:
    """The columns of every table with the shop's prefix, read once per connection use."""

    def __init__(self, conn: pymysql.Connection, prefix: str):
        self.prefix = prefix
        # The vendor whose own 1C writes (config.VendorPrefix); None: the store owner's.
        self.vendor = vendor_of_prefix(prefix)
        self._tables: dict[str, dict[str, Column]] = {}
        with conn.cursor() as cur:
            cur.execute(
                "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
                " CHARACTER_MAXIMUM_LENGTH FROM information_schema.COLUMNS"
                " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE %s"
                " ORDER BY TABLE_NAME, ORDINAL_POSITION",
                (prefix.replace("_", r"\_") + "%",),
            )
            for table, name, dtype, nullable, default, extra, maxlen in cur.fetchall():
                short = table[len(prefix) :]
                self._tables.setdefault(short, {})[name] = Column(
                    name=name,
                    data_type=dtype.lower(),
                    nullable=nullable == "YES",
                    # MariaDB reports "no default" as NULL, and an explicit NULL default as 'NULL'
                    has_default=default is not None,
                    auto_increment="auto_increment" in (extra or ""),
                    max_length=maxlen,
                )
        self._defaults: dict[str, dict[str, Any]] = {}
        with conn.cursor() as cur:
            cur.execute("SELECT @@innodb_autoinc_lock_mode, @@auto_increment_increment")
            mode, self.id_step = cur.fetchone()
            # Modes 0 and 1 give one multi-row INSERT evenly spaced ids; 2 may interleave them.
            self.consecutive_ids = mode in (0, 1)

    def has_table(self, short: str) -> bool:
        return short in self._tables

    def has_column(self, short: str, column: str) -> bool:
        return column in self._tables.get(short, {})

    def supports(self, part: str) -> bool:
        """Whether the shop has every table and column of an `OPTIONAL` part."""
        return all(
            self.has_column(*need.split(".")) if "." in need else self.has_table(need)
            for need in OPTIONAL[part].needs
        )

    def optional_parts(self) -> list[tuple[str, OptionalPart, bool]]:
        """(name, part, present) of every optional part, for doctor and the status page."""
        return [(name, part, self.supports(name)) for name, part in OPTIONAL.items()]

    def multivendor_mode(self, cur: pymysql.cursors.Cursor) -> str | None:
        """XC\\MultiVendor's mode, W (warehouse: one order, the parent numbered) or S (vendors as
        separate shops: each vendor's child numbered), as `Main::isWarehouseMode()` reads it;
        None in a shop without the module."""
        if not self.supports("multivendor"):
            return None
        cur.execute(
            f"SELECT value FROM {self.table('config')} WHERE category = %s"
            " AND name = 'multivendor_mode' AND vendor_id IS NULL",
            (MULTIVENDOR_CATEGORY,),
        )
        row = cur.fetchone()
        return WAREHOUSE if row is not None and row[0] == WAREHOUSE else SEPARATE_SHOPS

    def owner_condition(self, alias: str) -> tuple[str, tuple[Any, ...]]:
        """SQL and arguments: the row of a VENDOR_OWNED table (as `alias`) is this exchange's
        own, the store owner's (vendor NULL) or the vendor's; always true without the module."""
        if not self.has_column("products", "vendor_id"):
            return "1 = 1", ()
        return f"{alias}.vendor_id <=> %s", (self.vendor,)

    def table(self, short: str) -> str:
        """The quoted real name of a table, e.g. `products` -> `xc_products`."""
        return xcart_table(self.prefix, short)

    def row_defaults(self, short: str) -> dict[str, Any]:
        """X-Cart's value for every NOT NULL column without a DB default: its PHP default when
        X-Cart declares one, else a type-zero value (what X-Cart's own schema migrator gives the
        columns of modules it does not know)."""
        if short not in self._defaults:
            php = _php_defaults()
            defaults = {}
            for col in self._tables[short].values():
                if col.nullable or col.has_default or col.auto_increment:
                    continue
                value = php.get((short, col.name))
                defaults[col.name] = _type_zero(col) if value is None else value
            if (
                self.vendor is not None
                and short in VENDOR_OWNED
                and self.has_column(short, "vendor_id")
            ):
                defaults["vendor_id"] = self.vendor  # as X-Cart gives what a vendor creates
            self._defaults[short] = defaults
        return self._defaults[short]

    def insert_sql(self, short: str, columns: Sequence[str]) -> str:
        """`INSERT INTO t (cols) VALUES (%s, …)`; with executemany pymysql sends it as one
        multi-row statement."""
        known = self._tables[short]
        for c in columns:
            if c not in known:
                raise KeyError(f"{self.prefix}{short} has no column {c}")
        cols = ", ".join(quote_identifier(c) for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        return f"INSERT INTO {self.table(short)} ({cols}) VALUES ({marks})"

    def insert_rows(
        self, cur: pymysql.cursors.Cursor, short: str, rows: Sequence[Mapping[str, Any]]
    ) -> bool:
        """Insert rows, filling every column they leave out as X-Cart would; a large batch by
        LOAD DATA LOCAL where the server takes it (db.Connection.load_rows). True when they
        went in that one statement."""
        if not rows:
            return False
        columns, values = self._complete(short, rows)
        load = getattr(cur.connection, "load_rows", None)
        if (
            len(values) >= BULK_ROWS
            and load is not None
            and load(cur, self.table(short), columns, values)
        ):
            return True
        cur.executemany(self.insert_sql(short, columns), values)
        return False

    def insert_returning_ids(
        self, cur: pymysql.cursors.Cursor, short: str, rows: Sequence[Mapping[str, Any]]
    ) -> list[int]:
        """Insert rows and return their auto-increment ids, in order: one statement per chunk
        when the server hands out consecutive ids, else one per row."""
        if not rows:
            return []
        columns, values = self._complete(short, rows)
        sql = self.insert_sql(short, columns)
        if not self.consecutive_ids:
            ids = []
            for row in values:
                cur.execute(sql, row)
                ids.append(cur.lastrowid)
            return ids
        head = sql.rsplit(" VALUES ", 1)[0]
        ids = []
        for start in range(0, len(values), ID_CHUNK):
            chunk = values[start : start + ID_CHUNK]
            # literal rows, escaped a column at a time (db.values_sql): no parameters left
            cur.execute(f"{head} VALUES " + ", ".join(values_sql(cur.connection, chunk)))
            ids.extend(
                range(cur.lastrowid, cur.lastrowid + len(chunk) * self.id_step, self.id_step)
            )
        return ids

    def _complete(
        self, short: str, rows: Sequence[Mapping[str, Any]]
    ) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Rows as tuples in one column order: the first row's keys, then the defaults it
        leaves out. Rows with the first row's keys (nearly all: the callers build them alike)
        take those defaults as one ready tuple instead of a dictionary merge each."""
        defaults = self.row_defaults(short)
        first = rows[0].keys()
        keys = list(first)
        rest = [c for c in defaults if c not in first]
        columns = [*keys, *rest]
        filled = tuple(defaults[c] for c in rest)
        out = []
        for row in rows:
            if row.keys() == first:
                out.append((*map(row.__getitem__, keys), *filled))
            else:
                merged = defaults | row
                out.append(tuple(map(merged.__getitem__, columns)))
        return columns, out
