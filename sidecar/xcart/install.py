"""`xc1c db create-xcart-schema`: an empty X-Cart shop (the tables of 5.4.1.23 with a module
set, XC\\MultiVendor's among them, or of 5.5.0.29, plus the seed rows a fresh install has and
the importer reads). For demos and tests; a real shop already has all of this."""

from __future__ import annotations

import pymysql

from ..db import quote_identifier
from ..errors import XC1CError
from ..project_files import XCART_SCHEMAS
from .schema import MULTIVENDOR_CATEGORY, Schema

LANGUAGES = [("en", "eng", "English", "Английский"), ("ru", "rus", "Russian", "Русский")]
PAYMENT_STATUSES = [
    ("Q", "Awaiting payment", "Ожидает оплаты"),
    ("A", "Authorized", "Авторизован"),
    ("PP", "Partially paid", "Частично оплачен"),
    ("P", "Paid", "Оплачен"),
    ("D", "Declined", "Отклонён"),
    ("C", "Cancelled", "Отменён"),
    ("R", "Refunded", "Возвращён"),
]
SHIPPING_STATUSES = [
    ("N", "New", "Новый"),
    ("P", "Processing", "В обработке"),
    ("S", "Shipped", "Отправлен"),
    ("D", "Delivered", "Доставлен"),
    ("WND", "Will not deliver", "Не будет доставлен"),
    ("R", "Returned", "Возвращён"),
    ("WFA", "Waiting for approve", "Ожидает подтверждения"),
    ("NBA", "New / Backordered", "Новый / под заказ"),
]
ADDRESS_FIELDS = [
    ("title", "Title", "Обращение", "XLite\\View\\FormField\\Select\\Title", 0),
    ("firstname", "First name", "Имя", "XLite\\View\\FormField\\Input\\Text", 1),
    ("lastname", "Last name", "Фамилия", "XLite\\View\\FormField\\Input\\Text", 1),
    ("street", "Address", "Адрес", "XLite\\View\\FormField\\Input\\Text", 1),
    ("city", "City", "Город", "XLite\\View\\FormField\\Input\\Text", 1),
    ("country_code", "Country", "Страна", "XLite\\View\\FormField\\Select\\Country", 1),
    ("state_id", "State", "Регион", "XLite\\View\\FormField\\Select\\State", 1),
    ("custom_state", "State", "Регион", "XLite\\View\\FormField\\Input\\Text", 0),
    ("zipcode", "Zip/postal code", "Индекс", "XLite\\View\\FormField\\Input\\Text", 1),
    ("phone", "Phone", "Телефон", "XLite\\View\\FormField\\Input\\Text", 1),
]
CURRENCIES = [
    (643, "RUB", "₽", "", " ₽", "Russian Ruble", "Российский рубль"),
    (840, "USD", "$", "$", "", "US Dollar", "Доллар США"),
]
COUNTRIES = [("RU", 643, "RUS", 643, "Russian Federation", "Россия"),
             ("US", 840, "USA", 840, "United States", "США")]  # fmt: skip
CONFIG = [
    ("General", "default_language", "en"),
    ("General", "shop_currency", "643"),
    ("Units", "weight_unit", "lbs"),
]


def tables_in_database(conn: pymysql.Connection) -> list[str]:
    with conn.cursor() as cur:
        cur.execute(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
        )
        return [r[0] for r in cur.fetchall()]


def schema_statements(prefix: str, modules: str = "all") -> list[str]:
    """The shipped DDL of a module set, its files in order, with the shop's prefix applied;
    split on statement ends."""
    statements: list[str] = []
    for path in XCART_SCHEMAS[modules]:
        sql = path.read_text(encoding="utf-8").replace("`xc_", f"`{prefix}")
        lines = [ln for ln in sql.splitlines() if not ln.startswith("--")]
        statements += [s.strip() for s in "\n".join(lines).split(";\n") if s.strip()]
    return statements


def create_xcart_schema(
    conn: pymysql.Connection,
    prefix: str,
    force: bool = False,
    modules: str = "all",
    multivendor_mode: str = "W",
) -> int:
    """Create the tables of a module set (`XCART_SCHEMAS`) and the seed rows; returns the
    number of tables created. `multivendor_mode`: the XC\\MultiVendor mode a shop with that
    module starts in (its install.yaml's W, or S)."""
    existing = tables_in_database(conn)
    if existing and not force:
        raise XC1CError(
            f"the database is not empty ({len(existing)} tables); use --force to replace them"
        )
    with conn.cursor() as cur:
        cur.execute("SET FOREIGN_KEY_CHECKS = 0")
        for table in existing:
            cur.execute(f"DROP TABLE {quote_identifier(table)}")
        for statement in schema_statements(prefix, modules):
            cur.execute(statement)
        cur.execute("SET FOREIGN_KEY_CHECKS = 1")
    conn.commit()
    seed(conn, prefix, multivendor_mode)
    return len(tables_in_database(conn))


def seed(conn: pymysql.Connection, prefix: str, multivendor_mode: str = "W") -> None:
    schema = Schema(conn, prefix)
    ins = schema.insert_rows
    with conn.cursor() as cur:
        for code, code3, name_en, name_ru in LANGUAGES:
            ins(cur, "languages", [{"code": code, "code3": code3, "added": 1, "enabled": 1}])
            lid = cur.lastrowid
            ins(
                cur,
                "language_translations",
                [
                    {"id": lid, "code": "en", "name": name_en},
                    {"id": lid, "code": "ru", "name": name_ru},
                ],
            )
        ins(
            cur,
            "categories",
            [{"category_id": 1, "parent_id": None, "lpos": 1, "rpos": 2, "depth": -1}],
        )
        ins(
            cur,
            "category_translations",
            [
                {"id": 1, "code": "en", "name": "Catalog"},
                {"id": 1, "code": "ru", "name": "Каталог"},
            ],
        )
        ins(cur, "category_quick_flags", [{"category_id": 1}])
        ins(cur, "memberships", [{"position": 10, "enabled": 1}])
        mid = cur.lastrowid
        ins(
            cur,
            "membership_translations",
            [
                {"id": mid, "code": "en", "name": "Wholesaler"},
                {"id": mid, "code": "ru", "name": "Оптовик"},
            ],
        )
        for table, statuses in (
            ("order_payment_status", PAYMENT_STATUSES),
            ("order_shipping_status", SHIPPING_STATUSES),
        ):
            for pos, (code, en, ru) in enumerate(statuses):
                ins(cur, f"{table}es", [{"code": code, "position": (pos + 1) * 10}])
                sid = cur.lastrowid
                ins(
                    cur,
                    f"{table}_translations",
                    [
                        {"id": sid, "code": "en", "name": en},
                        {"id": sid, "code": "ru", "name": ru},
                    ],
                )
        for pos, (service, en, ru, widget, required) in enumerate(ADDRESS_FIELDS):
            ins(
                cur,
                "address_field",
                [
                    {
                        "serviceName": service,
                        "schemaClass": widget,
                        "additional": 0,
                        "required": required,
                        "enabled": 1,
                        "position": (pos + 1) * 10,
                    }
                ],
            )
            fid = cur.lastrowid
            ins(
                cur,
                "address_field_translation",
                [
                    {"id": fid, "code": "en", "name": en},
                    {"id": fid, "code": "ru", "name": ru},
                ],
            )
        for cid, code, symbol, prefix_, suffix, en, ru in CURRENCIES:
            ins(
                cur,
                "currencies",
                [
                    {
                        "currency_id": cid,
                        "code": code,
                        "symbol": symbol,
                        "prefix": prefix_,
                        "suffix": suffix,
                        "e": 2,
                    }
                ],
            )
            ins(
                cur,
                "currency_translations",
                [
                    {"id": cid, "code": "en", "name": en},
                    {"id": cid, "code": "ru", "name": ru},
                ],
            )
        for code, num, code3, currency, en, ru in COUNTRIES:
            country = {"code": code, "id": num, "code3": code3, "currency_id": currency}
            ins(cur, "countries", [{**country, "enabled": 1}])
            ins(
                cur,
                "country_translations",
                [
                    {"id": code, "code": "en", "country": en},
                    {"id": code, "code": "ru", "country": ru},
                ],
            )
        for category, name, value in CONFIG:
            ins(cur, "config", [{"category": category, "name": name, "value": value}])
        if schema.supports("multivendor"):
            # The option as the module's install.yaml creates it (the owner's: vendor NULL).
            ins(
                cur,
                "config",
                [
                    {
                        "category": MULTIVENDOR_CATEGORY,
                        "name": "multivendor_mode",
                        "type": "XLite\\Module\\XC\\MultiVendor\\View\\FormField\\Select"
                        "\\MultiVendorMode",
                        "orderby": 100,
                        "value": multivendor_mode,
                    }
                ],
            )
    conn.commit()
