"""Writes a realistic CommerceML 2.07 catalog of N products (import.xml + offers.xml), streamed
to disk so that any size can be made: groups two levels deep, 15 properties with Справочник
values, 5 property values, 1–3 pictures, a barcode and a weight per product; offers with two
price types, two warehouses, and three characteristics for every fifth product."""

from __future__ import annotations

import argparse
import random
import time
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

import pymysql
from PIL import Image

from sidecar.xcart.schema import Schema

NS = 'xmlns="urn:1C.ru:commerceml_2"'
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
TOP_GROUPS, SUB_GROUPS, PROPERTIES, VALUES = 20, 10, 15, 12


def gid(i: int) -> str:
    return f"{i:08x}-0000-4000-8000-000000000000"


def pid(i: int) -> str:
    return f"{i:08x}-1111-4000-8000-000000000000"


def write_picture(path: Path, i: int) -> None:
    """A tiny PNG whose colour is the picture's number (lossless, so every picture's content
    differs)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8), (i % 256, i // 256 % 256, i // 65536 % 256)).save(path, "PNG")


def write_import(path: Path, n: int, rnd: random.Random, pictures: bool = False) -> None:
    with path.open("w", encoding="utf-8-sig") as out:
        out.write(
            HEAD
            + f'<КоммерческаяИнформация {NS} ВерсияСхемы="2.07" ДатаФормирования="2026-11-27T00:00:00">\n'
        )
        out.write(
            "<Классификатор><Ид>bench-classifier</Ид><Наименование>Классификатор</Наименование><Группы>\n"
        )
        for t in range(TOP_GROUPS):
            out.write(f"<Группа><Ид>{gid(t)}</Ид><Наименование>Раздел {t}</Наименование><Группы>")
            for s in range(SUB_GROUPS):
                out.write(
                    f"<Группа><Ид>{gid(1000 + t * SUB_GROUPS + s)}</Ид><Наименование>Подраздел {t}.{s}</Наименование></Группа>"
                )
            out.write("</Группы></Группа>\n")
        out.write("</Группы><Свойства>\n")
        for p in range(PROPERTIES):
            out.write(
                f"<Свойство><Ид>prop-{p}</Ид><Наименование>Свойство {p}</Наименование><ТипЗначений>Справочник</ТипЗначений><ВариантыЗначений>"
            )
            for v in range(VALUES):
                out.write(
                    f"<Справочник><ИдЗначения>val-{p}-{v}</ИдЗначения><Значение>Значение {v}</Значение></Справочник>"
                )
            out.write("</ВариантыЗначений></Свойство>\n")
        out.write(
            '</Свойства></Классификатор>\n<Каталог СодержитТолькоИзменения="false"><Ид>bench-catalog</Ид><ИдКлассификатора>bench-classifier</ИдКлассификатора><Наименование>Каталог</Наименование><Товары>\n'
        )
        for i in range(n):
            group = gid(1000 + rnd.randrange(TOP_GROUPS * SUB_GROUPS))
            names = [
                f"import_files/{i % 256:02x}/{pid(i)}_{k}.png" for k in range(rnd.randint(1, 3))
            ]
            if pictures:
                for k, name in enumerate(names):
                    write_picture(path.parent / name, i * 3 + k)
            pictures_xml = "".join(f"<Картинка>{name}</Картинка>" for name in names)
            props = "".join(
                f"<ЗначенияСвойства><Ид>prop-{p}</Ид><Значение>val-{p}-{rnd.randrange(VALUES)}</Значение></ЗначенияСвойства>"
                for p in rnd.sample(range(PROPERTIES), 5)
            )
            out.write(
                f"<Товар><Ид>{pid(i)}</Ид><Штрихкод>46{i:011d}</Штрихкод><Артикул>ART-{i}</Артикул>"
                f"<Наименование>{escape(f'Товар номер {i} «тестовый» & пр.')}</Наименование>"
                '<БазоваяЕдиница Код="796" НаименованиеПолное="Штука" МеждународноеСокращение="PCE">шт</БазоваяЕдиница>'
                f"<Группы><Ид>{group}</Ид></Группы>"
                f"<Описание>Описание товара {i}. Подходит для ежедневного использования.</Описание>{pictures_xml}"
                f"<ЗначенияСвойств>{props}</ЗначенияСвойств><ЗначенияРеквизитов>"
                "<ЗначениеРеквизита><Наименование>ВидНоменклатуры</Наименование><Значение>Товар</Значение></ЗначениеРеквизита>"
                f"<ЗначениеРеквизита><Наименование>Полное наименование</Наименование><Значение>Товар номер {i} полное</Значение></ЗначениеРеквизита>"
                f"<ЗначениеРеквизита><Наименование>Вес</Наименование><Значение>{rnd.randint(1, 5000) / 1000}</Значение></ЗначениеРеквизита>"
                "</ЗначенияРеквизитов></Товар>\n"
            )
        out.write("</Товары></Каталог></КоммерческаяИнформация>\n")


def write_offers(path: Path, n: int, rnd: random.Random) -> None:
    with path.open("w", encoding="utf-8-sig") as out:
        out.write(
            HEAD
            + f'<КоммерческаяИнформация {NS} ВерсияСхемы="2.07" ДатаФормирования="2026-11-27T00:00:00">\n'
        )
        out.write(
            '<ПакетПредложений СодержитТолькоИзменения="false"><Ид>bench-catalog#</Ид><Наименование>Пакет</Наименование>'
            "<ИдКаталога>bench-catalog</ИдКаталога><ИдКлассификатора>bench-classifier</ИдКлассификатора><ТипыЦен>"
            "<ТипЦены><Ид>price-retail</Ид><Наименование>Розничная</Наименование><Валюта>RUB</Валюта></ТипЦены>"
            "<ТипЦены><Ид>price-whole</Ид><Наименование>Оптовая</Наименование><Валюта>RUB</Валюта></ТипЦены></ТипыЦен>"
            "<Склады><Склад><Ид>wh-1</Ид><Наименование>Москва</Наименование></Склад>"
            "<Склад><Ид>wh-2</Ид><Наименование>Казань</Наименование></Склад></Склады><Предложения>\n"
        )
        for i in range(n):
            ids = [pid(i)] if i % 5 else [f"{pid(i)}#{pid(i)[:8]}-c{k}" for k in range(3)]
            for oid in ids:
                price = rnd.randint(100, 100000)
                chars = ""
                if "#" in oid:
                    chars = f"<ХарактеристикиТовара><ХарактеристикаТовара><Наименование>Размер</Наименование><Значение>{oid[-1]}</Значение></ХарактеристикаТовара></ХарактеристикиТовара>"
                out.write(
                    f"<Предложение><Ид>{oid}</Ид><Наименование>Товар {i}</Наименование>{chars}<Цены>"
                    f"<Цена><ИдТипаЦены>price-retail</ИдТипаЦены><ЦенаЗаЕдиницу>{price}</ЦенаЗаЕдиницу><Валюта>RUB</Валюта></Цена>"
                    f"<Цена><ИдТипаЦены>price-whole</ИдТипаЦены><ЦенаЗаЕдиницу>{price * 0.8:.2f}</ЦенаЗаЕдиницу><Валюта>RUB</Валюта></Цена>"
                    f'</Цены><Склад ИдСклада="wh-1" КоличествоНаСкладе="{rnd.randint(0, 50)}"/>'
                    f'<Склад ИдСклада="wh-2" КоличествоНаСкладе="{rnd.randint(0, 50)}"/></Предложение>\n'
                )
        out.write("</Предложения></ПакетПредложений></КоммерческаяИнформация>\n")


def generate(directory: Path, n: int, seed: int = 1, pictures: bool = False) -> list[Path]:
    """The XML files; with `pictures`, also the JPEG files under directory/import_files/."""
    directory.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    files = [directory / "import.xml", directory / "offers.xml"]
    write_import(files[0], n, rnd, pictures)
    write_offers(files[1], n, rnd)
    return files


def add_orders(conn: pymysql.Connection, count: int, prefix: str = "xc_") -> None:
    """`count` placed orders of two items each, with their profile copies, in bulk."""
    schema = Schema(conn, prefix)
    with conn.cursor() as cur:
        cur.execute(f"SELECT id FROM {schema.table('order_payment_statuses')} WHERE code = 'Q'")
        payment = cur.fetchone()[0]
        cur.execute(f"SELECT id FROM {schema.table('order_shipping_statuses')} WHERE code = 'N'")
        shipping = cur.fetchone()[0]
        now = int(time.time())
        for start in range(0, count, 1000):
            n = min(1000, count - start)
            ids = schema.insert_returning_ids(cur, "orders", [
                {"is_order": 1, "orderNumber": str(100000 + start + k), "date": now - k,
                 "total": Decimal("1300"), "subtotal": Decimal("1000"), "currency_id": 643,
                 "payment_status_id": payment, "shipping_status_id": shipping,
                 "payment_method_name": "Card", "shipping_method_name": "Courier"}
                for k in range(n)
            ])  # fmt: skip
            schema.insert_rows(
                cur, "profiles", [{"order_id": i, "login": f"c{i}@example.com"} for i in ids]
            )
            schema.insert_rows(cur, "order_items", [
                {"order_id": i, "object_type": "product", "name": f"Item {j}", "sku": "",
                 "price": Decimal("500"), "itemNetPrice": Decimal("500"), "amount": 1,
                 "subtotal": Decimal("500"), "total": Decimal("500")}
                for i in ids for j in range(2)
            ])  # fmt: skip
            schema.insert_rows(cur, "order_surcharges", [
                {"order_id": i, "type": "shipping", "code": "SHIPPING", "class": "Shipping",
                 "name": "Shipping", "value": Decimal("300"), "include": 0, "available": 1}
                for i in ids
            ])  # fmt: skip
            conn.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--pictures", action="store_true", help="write the JPEG files too")
    args = parser.parse_args()
    for f in generate(args.directory, args.n, pictures=args.pictures):
        print(f, f.stat().st_size)


if __name__ == "__main__":
    main()
