"""The batch pipeline (catalog.pipeline): batch N+1 is planned on the import's connection while
batch N is written on a second one, and a plan that read what the batch in flight wrote is made
again. Each case below puts that dependency across a batch boundary (batches of 10) and checks
that the shop ends as a one-batch-at-a-time import leaves it."""

from __future__ import annotations

import threading

from conftest import query, set_setting

BATCH = 10


def _catalog(products: list[str], classifier: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><КоммерческаяИнформация ВерсияСхемы="2.05">'
        "<Классификатор><Группы><Группа><Ид>grp-1</Ид><Наименование>Все</Наименование></Группа>"
        f"</Группы>{classifier}</Классификатор><Каталог><Товары>{''.join(products)}</Товары>"
        "</Каталог></КоммерческаяИнформация>"
    ).encode()


def _product(ext: str, name: str, sku: str, extra: str = "") -> str:
    return (
        f"<Товар><Ид>{ext}</Ид><Артикул>{sku}</Артикул><Наименование>{name}</Наименование>"
        f"<Группы><Ид>grp-1</Ид></Группы>{extra}</Товар>"
    )


def _import(onec, conn, body: bytes):
    set_setting(conn, "batch_size", str(BATCH))
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", body)
    reply = onec.import_file("import.xml")
    assert reply.word == "success", reply.lines
    return reply


def test_batches_are_planned_while_the_one_before_is_written(onec, conn, monkeypatch):
    """The writes run on the writer's thread, and the next batch's plan begins before the
    batch in flight has committed: the two halves overlap."""
    from sidecar.catalog import importer

    events: list[tuple[str, int, str]] = []
    real_write, real_plan = importer.CatalogImport._write, importer.CatalogImport._plan

    def write(self, conn_, wctx, job, planned):
        events.append(("write begins", planned.seq, threading.current_thread().name))
        try:
            return real_write(self, conn_, wctx, job, planned)
        finally:
            events.append(("write ends", planned.seq, threading.current_thread().name))

    def plan(self, ctx, batch, seq, choice):
        events.append(("plan", seq, threading.current_thread().name))
        return real_plan(self, ctx, batch, seq, choice)

    monkeypatch.setattr(importer.CatalogImport, "_write", write)
    monkeypatch.setattr(importer.CatalogImport, "_plan", plan)
    _import(
        onec, conn, _catalog([_product(f"p{i:03d}", f"Товар {i}", f"S-{i}") for i in range(40)])
    )

    assert {name for what, _, name in events if what.startswith("write")} == {"xc1c-writer_0"}
    writes = [seq for what, seq, _ in events if what == "write begins"]
    plans = [seq for what, seq, _ in events if what == "plan"]
    assert plans == writes, "each batch planned once, in file order"
    overlapped = [
        seq
        for seq in writes[:-1]
        if events.index(("plan", plans[plans.index(seq) + 1], "MainThread"))
        < events.index(("write ends", seq, "xc1c-writer_0"))
    ]
    assert overlapped, "no batch was planned while the one before it was written"
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(40,)]


def test_an_item_repeated_in_the_next_batch_updates_the_product_it_created(onec, conn):
    """Its Ид was looked up before the batch that creates it committed: the plan is made
    again, and the second occurrence updates the product instead of creating another."""
    items = [_product(f"p{i:03d}", f"Товар {i}", f"S-{i}") for i in range(BATCH)]
    items.append(_product("p009", "Товар 9, исправлен", "S-9"))
    items += [_product(f"q{i:03d}", f"Другой {i}", f"Q-{i}") for i in range(BATCH)]
    reply = _import(onec, conn, _catalog(items))

    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(2 * BATCH,)]
    assert query(conn, "SELECT COUNT(*) FROM {own}id_map WHERE kind = 'product'") == [(2 * BATCH,)]
    assert query(
        conn,
        "SELECT t.name FROM {p}product_translations t JOIN {own}id_map m ON m.xc_id = t.id"
        " AND m.kind = 'product' WHERE m.ext_id = 'p009' AND t.code = 'en'",
    ) == [("Товар 9, исправлен",)]
    assert not any("failed" in line for line in reply.lines), reply.lines


def test_a_sku_taken_by_the_batch_in_flight_is_not_given_twice(onec, conn):
    """The SKU holders were read before the batch that takes the SKU committed: the plan is
    made again and the later product's SKU is left empty, as X-Cart's admin would insist."""
    set_setting(conn, "link_products", "off")
    items = [_product(f"p{i:03d}", f"Товар {i}", f"S-{i}") for i in range(BATCH)]
    items += [_product("twin", "Двойник", "S-3")]
    items += [_product(f"q{i:03d}", f"Другой {i}", f"Q-{i}") for i in range(BATCH - 1)]
    reply = _import(onec, conn, _catalog(items))

    assert query(conn, "SELECT COUNT(*) FROM {p}products WHERE sku = 'S-3'") == [(1,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(2 * BATCH,)]
    assert any("'S-3' is held by" in line for line in reply.lines), reply.lines


def test_a_manufacturer_the_batch_in_flight_created_is_not_created_again(onec, conn):
    """A manufacturer 1C never listed becomes an option when a product first names it; the
    next batch, planned before that option committed, finds it when it is written."""
    maker = "<Изготовитель><Ид>m-1</Ид><Наименование>Фабрика</Наименование></Изготовитель>"
    items = [_product(f"p{i:03d}", f"Товар {i}", f"S-{i}", maker) for i in range(3 * BATCH)]
    _import(onec, conn, _catalog(items))

    options = query(
        conn,
        "SELECT o.id FROM {p}attribute_options o JOIN {own}id_map m ON m.xc_id = o.attribute_id"
        " AND m.kind = 'attribute' WHERE m.ext_id = '#manufacturer'",
    )
    assert len(options) == 1, options
    assert query(
        conn,
        "SELECT COUNT(DISTINCT product_id), COUNT(DISTINCT attribute_option_id)"
        " FROM {p}attribute_values_select",
    ) == [(3 * BATCH, 1)]
