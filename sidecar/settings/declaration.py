"""Every admin setting, declared once as data: its kind, default, section, labels and help in
both languages, and how a stored value is parsed and checked."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import requisites
from ..errors import XC1CError
from .values import parse_rates, unmapped_statuses


@dataclass(frozen=True)
class Setting:
    name: str
    kind: str  # "text" | "password" | "flag" | "int" | "select" | "list" | "lines"
    default: str
    group: str
    label_en: str
    label_ru: str
    help_en: str
    help_ru: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    choice_labels: tuple[tuple[str, str], ...] = ()  # (English, Russian) per choice
    # The entries it does not accept (a saved value with any is refused).
    check: Callable[[tuple[str, ...]], list[str]] | None = None

    def parse(self, raw: str) -> Any:
        if self.kind == "select":
            value = raw.strip().lower()
            return value if value in self.choices else self.default
        if self.kind == "lines":
            # One entry per line, as written (names 1C matches exactly).
            return tuple(line.strip() for line in raw.splitlines() if line.strip())
        if self.kind == "list":
            # Names separated by commas, semicolons or new lines; compared case-insensitively.
            return tuple(p.strip().casefold() for p in re.split(r"[,;\n]", raw) if p.strip())
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

    def refused(self, raw: str) -> list[str]:
        """The entries of a value that the setting's check does not accept."""
        return self.check(self.parse(raw)) if self.check else []

    def normalise(self, raw: str) -> str:
        """The stored form of a value given by an admin; refuses what cannot be parsed."""
        if self.kind == "select":
            if raw.strip().lower() not in self.choices:
                raise XC1CError(f"{self.name}: expected one of {', '.join(self.choices)}")
            return raw.strip().lower()
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
        if self.refused(raw):
            raise XC1CError(f"{self.name}: not understood: {'; '.join(self.refused(raw))}")
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
        "login_attempts",
        "int",
        "10",
        "access",
        "Failed logins allowed",
        "Допустимо неудачных входов",
        "Failed logins from one address within 10 minutes before the exchange refuses that "
        "address until the 10 minutes pass.",
        "Сколько неудачных входов с одного адреса за 10 минут допускается, прежде чем обмен "
        "перестанет принимать этот адрес до конца 10 минут.",
        minimum=1,
        maximum=1000,
    ),
    Setting(
        "allowed_ips",
        "list",
        "",
        "access",
        "Allowed addresses",
        "Разрешённые адреса",
        "Addresses or networks (e.g. 203.0.113.7, 10.0.0.0/8) 1C may call the exchange from. "
        "Empty: any.",
        "Адреса или сети (например 203.0.113.7, 10.0.0.0/8), с которых 1С может обращаться к "
        "обмену. Пусто: любые.",
    ),
    Setting(
        "sidecar_url",
        "text",
        "http://127.0.0.1:8080",
        "access",
        "Sidecar address",
        "Адрес модуля обмена",
        "Where X-Cart reaches the exchange sidecar on this server, to show on this page whether "
        "it answers.",
        "Адрес, по которому X-Cart обращается к модулю обмена на этом сервере, чтобы показать "
        "на этой странице, отвечает ли он.",
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
    Setting(
        "currency_rates",
        "list",
        "",
        "prices",
        "Currency rates",
        "Курсы валют",
        "For prices 1C sends in another currency than the shop's, one per line: `RUB = 0.011` "
        "(what one unit is worth in the shop's currency, a dot before the fraction). Empty: "
        "the Multicurrency module's rates when it is on. A product whose price has no rate "
        "stays hidden until one is set.",
        "Для цен 1С в валюте, отличной от валюты магазина, по строке: `RUB = 0.011` (сколько "
        "стоит единица в валюте магазина, дробная часть через точку). Пусто: курсы модуля "
        "Multicurrency, если он включён. Товар с ценой без курса остаётся скрытым, пока курс "
        "не задан.",
        check=lambda entries: parse_rates(entries)[1],
    ),
    Setting(
        "catalog_mode",
        "select",
        "update",
        "catalog",
        "Catalog mode",
        "Режим загрузки каталога",
        "update: only what is in the files changes. overwrite: a full export from 1C also "
        "disables (or deletes, see below) the 1C products and categories it no longer contains.",
        "update: меняется только то, что есть в файлах. overwrite: полная выгрузка из 1С также "
        "отключает (или удаляет, см. ниже) товары и группы из 1С, которых в ней больше нет.",
        choices=("update", "overwrite"),
        choice_labels=(("Update", "Обновление"), ("Full overwrite", "Полная замена")),
    ),
    Setting(
        "missing_action",
        "select",
        "disable",
        "catalog",
        "Removed items",
        "Удалённые позиции",
        "What happens to a product or category deleted in 1C (or missing from a full export in "
        "overwrite mode): disable keeps it hidden, delete removes it from the shop.",
        "Что делать с товаром или группой, удалёнными в 1С (или отсутствующими в полной "
        "выгрузке в режиме overwrite): disable — скрыть, delete — удалить из магазина.",
        choices=("disable", "delete"),
        choice_labels=(("Disable", "Отключить"), ("Delete", "Удалить")),
    ),
    Setting(
        "use_full_name",
        "flag",
        "N",
        "catalog",
        "Use the full name",
        "Полное наименование",
        "Name products by 1C's «Полное наименование» instead of «Наименование».",
        "Называть товары по реквизиту «Полное наименование» вместо «Наименование».",
    ),
    Setting(
        "skip_properties",
        "list",
        "",
        "catalog",
        "Properties not imported",
        "Не загружать свойства",
        "1C properties (names, separated by commas) that do not become X-Cart attributes.",
        "Свойства 1С (названия через запятую), которые не становятся атрибутами X-Cart.",
    ),
    Setting(
        "manufacturer_properties",
        "list",
        "Производитель, Бренд, Изготовитель, Марка",
        "catalog",
        "Manufacturer properties",
        "Свойства-производители",
        "1C properties (names, separated by commas) whose value is the product's manufacturer; "
        "1C's «Изготовитель» is always one.",
        "Свойства 1С (названия через запятую), значение которых — производитель товара; "
        "«Изготовитель» 1С учитывается всегда.",
    ),
    Setting(
        "images_path",
        "text",
        "",
        "catalog",
        "Images directory",
        "Каталог изображений",
        "X-Cart's images directory on this server. Empty: images/ (5.4) or public/images/ (5.5) "
        "of the X-Cart installation the sidecar runs beside.",
        "Каталог изображений X-Cart на этом сервере. Пусто: images/ (5.4) или public/images/ "
        "(5.5) установки X-Cart, рядом с которой работает модуль.",
    ),
    Setting(
        "update_names",
        "flag",
        "Y",
        "catalog",
        "1C updates names",
        "1С обновляет названия",
        "Existing products take their name from 1C on every exchange.",
        "Существующие товары получают название из 1С при каждом обмене.",
    ),
    Setting(
        "update_descriptions",
        "flag",
        "Y",
        "catalog",
        "1C updates descriptions",
        "1С обновляет описания",
        "Existing products take their description from 1C (off: the shop's text is kept).",
        "Существующие товары получают описание из 1С (выкл.: остаётся текст магазина).",
    ),
    Setting(
        "update_skus",
        "flag",
        "Y",
        "catalog",
        "1C updates SKUs",
        "1С обновляет артикулы",
        "Existing products take their SKU from 1C's «Артикул».",
        "Существующие товары получают артикул из 1С.",
    ),
    Setting(
        "update_categories",
        "flag",
        "Y",
        "catalog",
        "1C updates categories",
        "1С обновляет категории товаров",
        "Existing products are linked to exactly the categories of their 1C groups.",
        "Существующие товары привязываются ровно к категориям их групп в 1С.",
    ),
    Setting(
        "update_images",
        "flag",
        "Y",
        "catalog",
        "1C updates photos",
        "1С обновляет фото",
        "Existing products take their photos from 1C (photos added in the shop are kept).",
        "Существующие товары получают фото из 1С (фото, добавленные в магазине, остаются).",
    ),
    Setting(
        "link_products",
        "list",
        "sku",
        "catalog",
        "Link existing products by",
        "Связывать существующие товары по",
        "A 1C product the shop has not seen is linked to a shop product not yet linked to 1C "
        "instead of created, by these keys in order (commas): sku (Артикул = SKU), barcode "
        "(Штрихкод = the GTIN attribute), name (the exact name); off or empty: never. A key "
        "that matches two products on either side links nothing and is reported.",
        "Товар 1С, которого магазин ещё не видел, связывается с товаром магазина, ещё не "
        "связанным с 1С, вместо создания — по этим ключам по порядку (через запятую): sku "
        "(Артикул = SKU), barcode (Штрихкод = атрибут GTIN), name (точное наименование); off "
        "или пусто — никогда. Ключ, совпавший с двумя товарами с любой стороны, не связывает "
        "ничего, об этом сообщается.",
        check=lambda keys: [k for k in keys if k not in ("sku", "barcode", "name", "off")],
    ),
    Setting(
        "link_categories",
        "flag",
        "Y",
        "catalog",
        "Link existing categories by name",
        "Связывать существующие категории по имени",
        "A 1C group the shop has not seen becomes the shop category of the same name under "
        "the same parent, when exactly one such category is not yet linked to 1C.",
        "Группа 1С, которой магазин ещё не видел, становится категорией магазина с тем же "
        "именем под тем же родителем, если ровно одна такая категория ещё не связана с 1С.",
    ),
    Setting(
        "update_attributes",
        "flag",
        "Y",
        "catalog",
        "1C updates attributes",
        "1С обновляет характеристики",
        "Existing products take their property values and manufacturer from 1C.",
        "Существующие товары получают значения свойств и производителя из 1С.",
    ),
    Setting(
        "update_weight",
        "flag",
        "Y",
        "catalog",
        "1C updates weight",
        "1С обновляет вес",
        "Existing products take their weight from 1C's «Вес».",
        "Существующие товары получают вес из реквизита «Вес».",
    ),
    Setting(
        "market_price_type",
        "text",
        "",
        "prices",
        "Market price type",
        "Тип цен «старая цена»",
        "Name or Ид of a 1C price type shown as the crossed-out market price (needs X-Cart's "
        "Market price module). Empty: not used.",
        "Наименование или Ид типа цен 1С, показываемого как зачёркнутая цена (нужен модуль "
        "Market price). Пусто: не используется.",
    ),
    Setting(
        "wholesale_price_type",
        "text",
        "",
        "prices",
        "Wholesale price type",
        "Тип оптовых цен",
        "Name or Ид of a 1C price type that becomes the wholesale price of the membership "
        "below (needs X-Cart's Wholesale module). Empty: not used.",
        "Наименование или Ид типа цен 1С для оптовой цены группы покупателей ниже (нужен "
        "модуль Wholesale). Пусто: не используется.",
    ),
    Setting(
        "wholesale_membership",
        "text",
        "Wholesaler",
        "prices",
        "Wholesale membership",
        "Группа оптовых покупателей",
        "The X-Cart membership that gets the wholesale price type.",
        "Группа покупателей X-Cart, которой назначается оптовый тип цен.",
    ),
    Setting(
        "warehouses",
        "list",
        "",
        "prices",
        "Warehouses",
        "Склады",
        "1C warehouses (names or Ид, separated by commas) whose stock is sold. Empty: all.",
        "Склады 1С (названия или Ид через запятую), остатки которых продаются. Пусто: все.",
    ),
    Setting(
        "track_inventory",
        "flag",
        "Y",
        "prices",
        "Track inventory",
        "Учитывать остатки",
        "Switch X-Cart's inventory tracking on for imported products, so stock from 1C limits "
        "what customers can buy.",
        "Включать учёт остатков X-Cart для загруженных товаров, чтобы остатки из 1С "
        "ограничивали продажи.",
    ),
    Setting(
        "orders_schema_version",
        "select",
        "2.05",
        "orders",
        "CommerceML version of orders",
        "Версия CommerceML заказов",
        "The schema version of the orders file 1C downloads. 2.05 suits УТ 10.3 and most 1C "
        "bases; newer exchange modules read 2.08, 2.10 or 3.1.",
        "Версия схемы файла заказов для 1С. 2.05 подходит УТ 10.3 и большинству баз; новые "
        "модули обмена читают 2.08, 2.10 или 3.1.",
        choices=("2.05", "2.08", "2.10", "3.1"),
        choice_labels=(("2.05", "2.05"), ("2.08", "2.08"), ("2.10", "2.10"), ("3.1", "3.1")),
    ),
    Setting(
        "orders_container",
        "flag",
        "N",
        "orders",
        "Orders in a container",
        "Заказы в контейнере",
        "Wrap each order in <Контейнер>, as the 1С-Битрикс exchange module 6.5 and later wants."
        " УТ 11, ERP, КА and УНФ read only documents outside a container: with this on they"
        " load no order and still confirm the exchange.",
        "Помещать каждый заказ в <Контейнер>, как требует модуль обмена 1С-Битрикс 6.5 и новее."
        " УТ 11, ERP, КА и УНФ читают только документы вне контейнера: с этим флагом они не"
        " загрузят ни одного заказа, но подтвердят обмен.",
    ),
    Setting(
        "orders_encoding",
        "select",
        "utf-8",
        "orders",
        "Encoding of the orders file",
        "Кодировка файла заказов",
        "UTF-8 or windows-1251 (for 1C bases that read only that); either without a BOM: 1C"
        " takes the reply only when it begins with <?xml.",
        "UTF-8 или windows-1251 (для баз, читающих только её); без BOM: 1С принимает ответ,"
        " только если он начинается с <?xml.",
        choices=("utf-8", "windows-1251"),
        choice_labels=(("UTF-8", "UTF-8"), ("windows-1251", "windows-1251")),
    ),
    Setting(
        "orders_requisites",
        "lines",
        "Телефон покупателя = billing.phone\nКупон = order.coupons\n"
        "Трек-номер = order.tracking\nКомментарий менеджера = order.admin_notes",
        "orders",
        "Extra requisites",
        "Дополнительные реквизиты",
        "Sent with each order for 1C's order field set-up, one per line: `1C name = source`. "
        "Sources: order.number, order.notes, order.admin_notes, order.coupons, order.tracking, "
        "order.payment_method, order.shipping_method, order.currency, order.total, "
        "order.subtotal, surcharge.<type> (shipping, tax, discount…), billing.<field> and "
        "shipping.<field> (an address field's service name, custom fields too), profile.login, "
        "profile.membership. A requisite whose value an order lacks is left out.",
        "Передаются с каждым заказом для настройки полей обмена в 1С, по строке: "
        "`имя в 1С = источник`. Источники: order.number, order.notes, order.admin_notes, "
        "order.coupons, order.tracking, order.payment_method, order.shipping_method, "
        "order.currency, order.total, order.subtotal, surcharge.<тип> (shipping, tax, "
        "discount…), billing.<поле> и shipping.<поле> (служебное имя поля адреса, в том числе "
        "своего), profile.login, profile.membership. Реквизит без значения в заказе не "
        "передаётся.",
        check=lambda lines: requisites.parse(lines)[1],
    ),
    Setting(
        "legal_entity_fields",
        "list",
        "company, inn, kpp",
        "orders",
        "Company fields",
        "Поля организации",
        "Service names of the billing address fields with the company name, ИНН and КПП, in that "
        "order: an order with a company name or ИНН goes to 1C as a legal entity.",
        "Служебные имена полей адреса плательщика с названием организации, ИНН и КПП, в этом "
        "порядке: заказ с названием организации или ИНН передаётся в 1С как юридическое лицо.",
    ),
    Setting(
        "orders_since",
        "text",
        "",
        "orders",
        "Orders placed since",
        "Заказы начиная с",
        "Only orders placed on or after this date (YYYY-MM-DD) go to 1C. Empty: all.",
        "В 1С выгружаются только заказы, оформленные с этой даты (ГГГГ-ММ-ДД). Пусто: все.",
    ),
    Setting(
        "orders_payment_statuses",
        "list",
        "",
        "orders",
        "Payment statuses to export",
        "Статусы оплаты для выгрузки",
        "X-Cart payment status codes (Q, A, PP, P, D, C, R) of the orders 1C gets. Empty: all.",
        "Коды статусов оплаты X-Cart (Q, A, PP, P, D, C, R) заказов для 1С. Пусто: все.",
    ),
    Setting(
        "orders_shipping_statuses",
        "list",
        "",
        "orders",
        "Shipping statuses to export",
        "Статусы доставки для выгрузки",
        "X-Cart shipping status codes (N, P, S, D, WND, R, …) of the orders 1C gets. Empty: all.",
        "Коды статусов доставки X-Cart (N, P, S, D, WND, R, …) заказов для 1С. Пусто: все.",
    ),
    Setting(
        "orders_accept_items",
        "flag",
        "N",
        "orders",
        "1C may change order items",
        "1С может менять состав заказа",
        "Apply the items, quantities, prices and delivery cost of the order documents 1C sends "
        "back; totals are recalculated, and through X-Cart (see below) stock and sales move as "
        "when the admin edits the order. Off: only numbers and statuses.",
        "Применять состав, количества, цены и стоимость доставки из документов 1С; итоги "
        "пересчитываются, а при применении через X-Cart (см. ниже) остатки и продажи меняются, "
        "как при правке заказа администратором. Выкл.: только номера и статусы.",
    ),
    Setting(
        "orders_apply",
        "select",
        "xcart",
        "orders",
        "How 1C's order changes apply",
        "Как применять изменения из 1С",
        "xcart: through X-Cart's own order logic, as when the admin saves the order: status "
        "handlers, stock, sales counters, history and the shop's e-mails. direct: the sidecar "
        "writes statuses and items itself (no e-mails, stock not moved); also what happens when "
        "X-Cart's side of this module does not answer as it should.",
        "xcart: через логику заказов X-Cart, как при сохранении заказа администратором: "
        "обработчики статусов, остатки, счётчики продаж, история и письма магазина. direct: "
        "модуль обмена сам записывает статусы и состав (без писем, остатки не двигаются); так "
        "же, если часть модуля в X-Cart отвечает не так, как должна.",
        choices=("xcart", "direct"),
        choice_labels=(("Through X-Cart", "Через X-Cart"), ("Write directly", "Напрямую")),
    ),
    Setting(
        "orders_notify_customers",
        "select",
        "xcart",
        "orders",
        "Tell customers of 1C's changes",
        "Сообщать покупателям об изменениях из 1С",
        "xcart: customers get the e-mails X-Cart's notification settings enable for an order "
        "change (paid, shipped, cancelled, changed). never: only the shop's staff get them.",
        "xcart: покупатели получают письма, включённые в настройках уведомлений X-Cart "
        "(оплачен, отгружен, отменён, изменён). never: письма получают только сотрудники.",
        choices=("xcart", "never"),
        choice_labels=(("As X-Cart's settings", "По настройкам X-Cart"), ("Never", "Никогда")),
    ),
    Setting(
        "orders_apply_wait",
        "int",
        "3600",
        "orders",
        "Wait for X-Cart, seconds",
        "Ждать X-Cart, секунд",
        "A change from 1C that X-Cart has not applied (X-Cart did not answer, and its cron has "
        "not run) is written directly after this many seconds. 0: wait for X-Cart.",
        "Изменение из 1С, которое X-Cart не применил (X-Cart не ответил, а его cron не "
        "запускался), записывается напрямую через столько секунд. 0: ждать X-Cart.",
        minimum=0,
        maximum=30 * 86400,
    ),
    Setting(
        "xcart_url",
        "text",
        "",
        "orders",
        "X-Cart's admin address",
        "Адрес админки X-Cart",
        "Where the sidecar reaches X-Cart's admin.php to have 1C's order changes applied, e.g. "
        "http://127.0.0.1/admin.php. Empty: the shop's host from X-Cart's own config.",
        "Адрес admin.php X-Cart, по которому модуль обмена передаёт изменения заказов из 1С, "
        "например http://127.0.0.1/admin.php. Пусто: адрес магазина из настроек X-Cart.",
    ),
    Setting(
        "xcart_secret",
        "password",
        "",
        "orders",
        "Key between sidecar and X-Cart",
        "Ключ между модулем обмена и X-Cart",
        "Proves to X-Cart that a request to apply order changes comes from the sidecar. Made "
        "by the sidecar when empty; change it to revoke the old one.",
        "Подтверждает X-Cart, что запрос на применение изменений заказов пришёл от модуля "
        "обмена. Пустой ключ модуль создаёт сам; смените его, чтобы отозвать старый.",
    ),
    Setting(
        "status_paid",
        "text",
        "P",
        "statuses",
        "Paid in 1C",
        "Оплачен в 1С",
        "The X-Cart payment status an order gets when 1C reports it paid; orders in it (or in"
        " Paid) go to 1C as paid.",
        "Статус оплаты X-Cart для заказа, оплаченного по данным 1С; заказы в нём (или в статусе"
        " «Оплачен») уходят в 1С оплаченными.",
    ),
    Setting(
        "status_shipped",
        "text",
        "S",
        "statuses",
        "Shipped in 1C",
        "Отгружен в 1С",
        "The X-Cart shipping status an order gets when 1C reports it shipped.",
        "Статус доставки X-Cart для заказа, отгруженного по данным 1С.",
    ),
    Setting(
        "status_cancelled",
        "text",
        "C",
        "statuses",
        "Cancelled in 1C",
        "Отменён в 1С",
        "The X-Cart payment status an order gets when 1C cancels it or marks it for deletion;"
        " orders in it (or Cancelled, Declined) go to 1C as cancelled.",
        "Статус оплаты X-Cart для заказа, отменённого или помеченного на удаление в 1С; заказы в"
        " нём (или «Отменён», «Отклонён») уходят в 1С отменёнными.",
    ),
    Setting(
        "status_map",
        "list",
        "",
        "statuses",
        "1C order statuses",
        "Статусы заказов 1С",
        "How 1C's «Статус заказа» maps to X-Cart, one per line: `1C status = payment CODE` or "
        "`1C status = shipping CODE`. A status not listed is reported, never guessed.",
        "Соответствие «Статуса заказа» 1С статусам X-Cart, по строке: `статус 1С = payment КОД` "
        "или `статус 1С = shipping КОД`. Статус не из списка сообщается, а не угадывается.",
        check=unmapped_statuses,
    ),
    Setting(
        "history_keep",
        "int",
        "5",
        "history",
        "Exchanges whose files are kept",
        "Хранить файлы стольких обменов",
        "The files of this many most recent exchanges are kept, to download or replay "
        "(xc1c replay); older ones are removed. Their records and counts stay. Each kept "
        "exchange takes the disk space of what 1C sent, pictures included.",
        "Файлы стольких последних обменов хранятся для скачивания и повтора (xc1c replay); "
        "более старые удаляются. Записи и счётчики обменов остаются. Каждый хранимый обмен "
        "занимает на диске столько, сколько прислала 1С, вместе с картинками.",
        minimum=0,
        maximum=1000,
    ),
    Setting(
        "history_days",
        "int",
        "14",
        "history",
        "Keep exchange files, days",
        "Хранить файлы обменов, дней",
        "Exchange files older than this are removed, however few exchanges there were.",
        "Файлы обменов старше этого срока удаляются, сколько бы обменов ни было.",
        minimum=1,
        maximum=3650,
    ),
    Setting(
        "first_exchange_dry_run",
        "flag",
        "N",
        "history",
        "Analyse the first exchange of a new 1C base",
        "Первый обмен новой базы 1С — только анализ",
        "The first catalog exchange from a 1C base the shop has not seen before (a new "
        "classifier Ид) writes nothing: it reports what it would create, update, disable or "
        "delete, with price and stock changes, on the status page. The next exchange writes.",
        "Первый обмен каталогом из базы 1С, которой магазин ещё не видел (новый Ид "
        "классификатора), ничего не записывает: он показывает на странице состояния, что "
        "создал бы, изменил, отключил или удалил, с изменениями цен и остатков. Следующий "
        "обмен записывает.",
    ),
    Setting(
        "status_token",
        "password",
        "",
        "history",
        "Status page token",
        "Ключ страницы состояния",
        "Opens the sidecar's status page (/status?token=…) and /metrics without the exchange "
        "login, for monitoring. Empty: only the exchange login opens them.",
        "Открывает страницу состояния модуля обмена (/status?token=…) и /metrics без логина "
        "обмена, для мониторинга. Пусто: только логин обмена.",
    ),
)

BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


# Sections of the module's settings page, in order: (English, Russian) headings.
GROUPS = {
    "access": ("Exchange access", "Доступ для обмена"),
    "catalog": ("Catalog", "Каталог"),
    "prices": ("Prices and stock", "Цены и остатки"),
    "orders": ("Orders", "Заказы"),
    "statuses": ("Order statuses", "Статусы заказов"),
    "history": ("History and status page", "История и страница состояния"),
}
