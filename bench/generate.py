"""Writes a realistic CommerceML 2.07 catalog of N products (import.xml + offers.xml), streamed
to disk so that any size can be made: groups two levels deep, 15 properties with Справочник
values, 5 property values, 1–3 pictures, a barcode and a weight per product; offers with two
price types, two warehouses, and three characteristics for every fifth product."""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns="urn:1C.ru:commerceml_2"'
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
TOP_GROUPS, SUB_GROUPS, PROPERTIES, VALUES = 20, 10, 15, 12


def gid(i: int) -> str:
    return f"{i:08x}-0000-4000-8000-000000000000"


def pid(i: int) -> str:
    return f"{i:08x}-1111-4000-8000-000000000000"


def write_import(path: Path, n: int, rnd: random.Random) -> None:
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
            pictures = "".join(
                f"<Картинка>import_files/{i % 256:02x}/{pid(i)}_{k}.jpg</Картинка>"
                for k in range(rnd.randint(1, 3))
            )
            props = "".join(
                f"<ЗначенияСвойства><Ид>prop-{p}</Ид><Значение>val-{p}-{rnd.randrange(VALUES)}</Значение></ЗначенияСвойства>"
                for p in rnd.sample(range(PROPERTIES), 5)
            )
            out.write(
                f"<Товар><Ид>{pid(i)}</Ид><Штрихкод>46{i:011d}</Штрихкод><Артикул>ART-{i}</Артикул>"
                f"<Наименование>{escape(f'Товар номер {i} «тестовый» & пр.')}</Наименование>"
                '<БазоваяЕдиница Код="796" НаименованиеПолное="Штука" МеждународноеСокращение="PCE">шт</БазоваяЕдиница>'
                f"<Группы><Ид>{group}</Ид></Группы>"
                f"<Описание>Описание товара {i}. Подходит для ежедневного использования.</Описание>{pictures}"
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


def generate(directory: Path, n: int, seed: int = 1) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(seed)
    files = [directory / "import.xml", directory / "offers.xml"]
    write_import(files[0], n, rnd)
    write_offers(files[1], n, rnd)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", type=int)
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    for f in generate(args.directory, args.n):
        print(f, f.stat().st_size)


if __name__ == "__main__":
    main()
