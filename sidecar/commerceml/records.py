"""What a CommerceML file says, as small immutable records. Nothing downstream sees lxml."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


def split_item_id(item_id: str) -> tuple[str, str]:
    """A characteristic's Ид is `<product Ид>#<characteristic Ид>` in offers, in order lines
    both ways and in 1C's documents; a product's has no `#`: (product, characteristic or '')."""
    product, _, characteristic = item_id.partition("#")
    return product, characteristic


@dataclass(frozen=True, slots=True)
class Document:
    """The root element: which schema version wrote the file."""

    schema_version: str


@dataclass(frozen=True, slots=True)
class Section:
    """Start of a Классификатор / Каталог / ПакетПредложений block. `only_changes` is None when
    the file does not say; False means a full export (the only kind that may remove anything)."""

    kind: str  # "classifier" | "catalog" | "offers"
    only_changes: bool | None


@dataclass(frozen=True, slots=True)
class Source:
    """Which 1C base the file comes from: the Ид of its classifier, the same in every file of
    one base's exports. Comes before the first item of the file."""

    classifier_id: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """A product or offer an earlier import step already wrote, left unread."""


@dataclass(frozen=True, slots=True)
class Raw:
    """A product or offer as its XML, not yet read: the importer reads it only when the XML
    differs from what was last written."""

    kind: str  # "product" | "offer"
    id: str
    xml_md5: str
    xml: bytes
    line: int
    pictures: tuple[str, ...] = ()
    # Read in place by the reader's thread when the importer expects the item to be new or
    # changed (a Product, Offer or Invalid), saving it a second parse; else None.
    record: object = None
    # For an item cut from the file's bytes (commerceml.cutter): what makes `xml` a document
    # of its own, in the file's encoding; empty when `xml` is one already.
    head: bytes = b""


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    parent_id: str | None
    position: int
    deleted: bool


@dataclass(frozen=True, slots=True)
class Groups:
    """The whole group tree of a classifier, parents before children."""

    items: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class PriceType:
    id: str
    name: str
    currency: str


@dataclass(frozen=True, slots=True)
class PriceTypes:
    items: tuple[PriceType, ...]


@dataclass(frozen=True, slots=True)
class Property:
    """A classifier property. `value_type` is 1C's ТипЗначений (Справочник, Строка, Число,
    Булево, …; empty when the file does not say); `values` are a Справочник's (ИдЗначения,
    Значение) pairs."""

    id: str
    name: str
    value_type: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Properties:
    items: tuple[Property, ...]


@dataclass(frozen=True, slots=True)
class Warehouse:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Warehouses:
    items: tuple[Warehouse, ...]


@dataclass(frozen=True, slots=True)
class Product:
    id: str
    name: str
    sku: str
    barcode: str
    description: str
    group_ids: tuple[str, ...]
    weight: Decimal | None
    images: tuple[str, ...]
    requisites: tuple[tuple[str, str], ...]
    deleted: bool
    manufacturer: tuple[str, str] | None = None  # Изготовитель (Ид, Наименование)
    property_values: tuple[tuple[str, str], ...] = ()  # (property Ид, value or ИдЗначения)

    def requisite(self, name: str) -> str | None:
        for key, value in self.requisites:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class Price:
    """ЦенаЗаЕдиницу of one price type; `coefficient` is how many base units the price is for."""

    price_type_id: str
    value: Decimal
    currency: str
    coefficient: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Offer:
    """A price/stock line. `id` is `product` or `product#characteristic`; `prices` is None when
    the file carries no prices for it, `quantity` None when it carries no stock."""

    id: str
    product_id: str
    characteristic_id: str | None
    name: str
    prices: tuple[Price, ...] | None
    quantity: Decimal | None
    stock: tuple[tuple[str, Decimal], ...]
    deleted: bool
    sku: str = ""
    barcode: str = ""
    characteristics: tuple[tuple[str, str], ...] = ()  # ХарактеристикиТовара (name, value)


@dataclass(frozen=True, slots=True)
class Invalid:
    """An item the reader could not make sense of; the import reports it and goes on."""

    kind: str  # "product" | "offer"
    line: int | None
    reason: str
    name: str


Record = (
    Document
    | Section
    | Source
    | Groups
    | Properties
    | PriceTypes
    | Warehouses
    | Product
    | Offer
    | Invalid
)
