"""Every admin setting, declared once as data. Stored as X-Cart stores module settings (rows of
`{prefix}config` under the module's category), so admins edit them on X-Cart's own settings
page; read on every exchange call, so a change saved in X-Cart applies at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pymysql

from .db import quote_identifier
from .errors import XC1CError

# The X-Cart module's `<Author>\<Name>`: settings rows carry it as their category.
MODULE_CATEGORY = "Xc1c\\Exchange"


@dataclass(frozen=True)
class Setting:
    name: str
    kind: str  # "text" | "password" | "flag" | "int"
    default: str
    group: str
    label_en: str
    label_ru: str
    help_en: str
    help_ru: str
    minimum: int | None = None
    maximum: int | None = None

    def parse(self, raw: str) -> Any:
        if self.kind == "flag":
            return raw.strip().upper() in ("Y", "YES", "1", "TRUE", "ON")
        if self.kind == "int":
            try:
                value = int(raw.strip())
            except ValueError:
                value = int(self.default)
            if self.minimum is not None:
                value = max(self.minimum, value)
            if self.maximum is not None:
                value = min(self.maximum, value)
            return value
        return raw

    def normalise(self, raw: str) -> str:
        """The stored form of a value given by an admin; refuses what cannot be parsed."""
        if self.kind == "flag":
            up = raw.strip().upper()
            if up in ("Y", "YES", "1", "TRUE", "ON"):
                return "Y"
            if up in ("N", "NO", "0", "FALSE", "OFF", ""):
                return "N"
            raise XC1CError(f"{self.name}: expected Y or N, got {raw!r}")
        if self.kind == "int":
            try:
                value = int(raw.strip())
            except ValueError as exc:
                raise XC1CError(f"{self.name}: expected a whole number, got {raw!r}") from exc
            if (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum
            ):
                raise XC1CError(f"{self.name}: must be between {self.minimum} and {self.maximum}")
            return str(value)
        return raw


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "login",
        "text",
        "1c",
        "access",
        "1C login",
        "Логин для 1С",
        "User name entered in the 1C exchange node.",
        "Имя пользователя, указанное в узле обмена 1С.",
    ),
    Setting(
        "password",
        "password",
        "",
        "access",
        "1C password",
        "Пароль для 1С",
        "Password entered in the 1C exchange node. The exchange refuses every login while it is "
        "empty.",
        "Пароль, указанный в узле обмена 1С. Пока он пуст, обмен отклоняет любой вход.",
    ),
    Setting(
        "session_ttl",
        "int",
        "3600",
        "access",
        "Session lifetime, seconds",
        "Время жизни сессии, секунд",
        "An exchange session expires after this many seconds without a call from 1C.",
        "Сессия обмена истекает, если 1С не обращается к сайту столько секунд.",
        minimum=60,
        maximum=86400,
    ),
    Setting(
        "zip",
        "flag",
        "Y",
        "access",
        "Accept zip archives",
        "Принимать zip-архивы",
        "Offer 1C to send its files packed in one zip archive (less traffic).",
        "Предлагать 1С передавать файлы одним zip-архивом (меньше трафика).",
    ),
    Setting(
        "file_limit",
        "int",
        str(8 * 1024 * 1024),
        "access",
        "Upload chunk size, bytes",
        "Размер части файла, байт",
        "1C cuts larger files into parts of this size. Keep it below the web server's request "
        "body limit (nginx client_max_body_size).",
        "Файлы больше этого размера 1С передаёт частями. Должен быть меньше ограничения "
        "веб-сервера на тело запроса (client_max_body_size в nginx).",
        minimum=64 * 1024,
        maximum=1024 * 1024 * 1024,
    ),
    Setting(
        "step_seconds",
        "int",
        "20",
        "catalog",
        "Import step, seconds",
        "Шаг импорта, секунд",
        "Longest time one import call works before answering 1C with `progress`; 1C then "
        "calls again and the import continues where it stopped. 0: one batch per call.",
        "Сколько секунд работает один вызов импорта, прежде чем ответить 1С `progress`; 1С "
        "повторяет вызов, и импорт продолжается с того места, где остановился. 0: один пакет "
        "за вызов.",
        minimum=0,
        maximum=240,
    ),
    Setting(
        "batch_size",
        "int",
        "500",
        "catalog",
        "Items per batch",
        "Элементов в пакете",
        "Products or offers written and committed together. An interrupted import resumes "
        "after the last committed batch.",
        "Сколько товаров или предложений записывается одной транзакцией. Прерванный импорт "
        "продолжается после последнего записанного пакета.",
        minimum=10,
        maximum=10000,
    ),
    Setting(
        "price_type",
        "text",
        "",
        "prices",
        "Price type",
        "Тип цен",
        "Name or Ид of the 1C price type that becomes the product price. Empty: the first "
        "price type of the export.",
        "Наименование или Ид типа цен 1С, который становится ценой товара. Пусто: первый тип "
        "цен выгрузки.",
    ),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def _config_table(prefix: str) -> str:
    return quote_identifier(f"{prefix}config")


def read_settings(conn: pymysql.Connection, prefix: str) -> dict[str, Any]:
    """Every setting, parsed, from the shop's config table; the default where a row is missing."""
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT name, value FROM {_config_table(prefix)} WHERE category = %s",
            (MODULE_CATEGORY,),
        )
        stored: Mapping[str, str] = dict(cur.fetchall())
    return {s.name: s.parse(stored.get(s.name, s.default)) for s in SETTINGS}


def _widget(setting: Setting) -> str:
    """The X-Cart form field that edits the value on the module's settings page."""
    return {
        "flag": "checkbox",
        "password": "XLite\\View\\FormField\\Input\\Password",
        "int": "XLite\\View\\FormField\\Input\\Text\\Integer",
    }.get(setting.kind, "text")


def write_setting(conn: pymysql.Connection, prefix: str, name: str, raw: str) -> str:
    """Store one setting as X-Cart's module installer would (config row + labels)."""
    setting = BY_NAME.get(name)
    if setting is None:
        raise XC1CError(f"unknown setting {name!r}; known: {', '.join(BY_NAME)}")
    value = setting.normalise(raw)
    table = _config_table(prefix)
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT config_id FROM {table} WHERE category = %s AND name = %s",
            (MODULE_CATEGORY, name),
        )
        row = cur.fetchone()
        if row:
            cur.execute(f"UPDATE {table} SET value = %s WHERE config_id = %s", (value, row[0]))
        else:
            orderby = (SETTINGS.index(setting) + 1) * 100
            cur.execute(
                f"INSERT INTO {table} (name, category, type, orderby, value, widgetParameters)"
                " VALUES (%s, %s, %s, %s, %s, NULL)",
                (name, MODULE_CATEGORY, _widget(setting), orderby, value),
            )
            config_id = cur.lastrowid
            cur.executemany(
                f"INSERT INTO {quote_identifier(prefix + 'config_translations')}"
                " (id, code, option_name, option_comment) VALUES (%s, %s, %s, %s)",
                [
                    (config_id, "en", setting.label_en, setting.help_en),
                    (config_id, "ru", setting.label_ru, setting.help_ru),
                ],
            )
    conn.commit()
    return value
