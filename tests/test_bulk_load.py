"""Large batches reach MariaDB by LOAD DATA LOCAL from memory, as strict as an INSERT, with
multi-row INSERTs where the server refuses it; and no file of the sidecar's host is ever sent,
whatever the server asks for."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pymysql
import pytest
from conftest import PREFIX

from sidecar.db import connect
from sidecar.xcart.schema import BULK_ROWS, Schema

TABLE = f"{PREFIX}xc1c_bulk_probe"
TRICKY = ["plain", "tab\there", "new\nline", "back\\slash", "\\N", "nul\0byte", "ёлка 🎄",
          "carriage\rreturn", "", "'quotes\""]  # fmt: skip


@pytest.fixture
def probe(conn) -> Iterator[pymysql.Connection]:
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cur.execute(
            f"CREATE TABLE {TABLE} (id INT UNSIGNED AUTO_INCREMENT PRIMARY KEY,"
            " code VARCHAR(12) NOT NULL, text MEDIUMTEXT NULL, price DECIMAL(14,4) NOT NULL,"
            " flag TINYINT(1) NOT NULL, UNIQUE KEY code (code))"
            " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
        )
    conn.commit()
    yield conn
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {TABLE}")
    conn.commit()


def _rows(n: int, uniform: bool = False) -> list[dict]:
    """Columns of mixed types; or `uniform`, each of one type (strings with and without
    characters LOAD DATA must escape, ints), which load_rows converts a column at a time."""
    return [{"code": f"c{i}", "price": Decimal("1234.5") + i,
             "text": TRICKY[i % len(TRICKY)] if uniform or i % 7 else None,
             "flag": i % 2 if uniform else i % 2 == 0} for i in range(n)]  # fmt: skip


def _loads(cur) -> int:
    cur.execute("SHOW SESSION STATUS LIKE 'Com_load'")
    return int(cur.fetchone()[1])


def _stored(conn) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute(f"SELECT code, text, price, flag FROM {TABLE} ORDER BY id")
        return list(cur.fetchall())


@pytest.mark.parametrize("uniform", [False, True], ids=["mixed columns", "uniform columns"])
def test_a_large_batch_is_loaded_and_reads_back_exactly_as_given(probe, uniform):
    rows = _rows(BULK_ROWS * 2, uniform)
    schema = Schema(probe, PREFIX)
    with probe.cursor() as cur:
        before = _loads(cur)
        schema.insert_rows(cur, "xc1c_bulk_probe", rows)
        assert _loads(cur) == before + 1, "one LOAD DATA, no INSERTs"
    probe.commit()
    assert _stored(probe) == [(r["code"], r["text"], r["price"], int(r["flag"])) for r in rows]
    assert probe.write_path().startswith("LOAD DATA LOCAL")


@pytest.mark.parametrize("bad", ["too long", "duplicate"])
def test_what_an_insert_refuses_a_load_refuses_too(probe, bad):
    rows = _rows(BULK_ROWS)
    if bad == "too long":
        rows[5]["code"] = "x" * 13  # VARCHAR(12): strict INSERT fails, LOCAL would cut it
    else:
        rows[5]["code"] = rows[4]["code"]  # LOCAL would skip the duplicate silently
    schema = Schema(probe, PREFIX)
    with pytest.raises(pymysql.err.DataError, match="rows stored"), probe.cursor() as cur:
        schema.insert_rows(cur, "xc1c_bulk_probe", rows)
    probe.rollback()
    assert _stored(probe) == []


def test_a_server_without_local_infile_gets_inserts(probe, config):
    with probe.cursor() as cur:
        cur.execute("SELECT @@GLOBAL.local_infile")
        was = cur.fetchone()[0]
        cur.execute("SET GLOBAL local_infile = 0")
    try:
        conn = connect(config.db)
        rows = _rows(BULK_ROWS * 2)
        with conn.cursor() as cur:
            Schema(conn, PREFIX).insert_rows(cur, "xc1c_bulk_probe", rows)
        conn.commit()
        assert len(_stored(conn)) == len(rows)
        assert conn.write_path().startswith("multi-row INSERT (the server refuses LOAD DATA")
        conn.close()
    finally:
        with probe.cursor() as cur:
            cur.execute(f"SET GLOBAL local_infile = {int(was)}")


def test_no_file_of_this_host_goes_to_a_server_that_asks_for_one(probe):
    with (
        pytest.raises(pymysql.err.OperationalError, match="asked for a local file"),
        probe.cursor() as cur,
    ):
        cur.execute(f"LOAD DATA LOCAL INFILE '/etc/passwd' INTO TABLE {TABLE} (code)")
    probe.rollback()
    assert _stored(probe) == []


@pytest.mark.parametrize("step", [1, 2], ids=["consecutive ids", "a step the schema did not read"])
def test_new_products_ids_from_one_load_are_the_ones_stored(conn, monkeypatch, step):
    """The ids of products loaded in one LOAD DATA are read as LAST_INSERT_ID() and on, the
    first and last checked; where that check fails (here the session's auto-increment step
    changed under the schema) they are read back row by row, and either way each id is the
    row of the product given at its place."""
    from sidecar.xcart import products

    schema = Schema(conn, PREFIX)
    fields = [
        products.ProductFields(sku=f"bulk-{i}", name=f"Bulk {i}", description="",
                               weight=Decimal(0), enabled=False)
        for i in range(BULK_ROWS + 5)
    ]  # fmt: skip
    full_reads = []
    real = products._ids_by_version
    monkeypatch.setattr(products, "_ids_by_version", lambda *a: full_reads.append(1) or real(*a))
    with conn.cursor() as cur:
        cur.execute("SET SESSION auto_increment_increment = %s", (step,))
        try:
            ids = products.insert(cur, schema, fields, ["en"])
            cur.execute(
                f"SELECT product_id, sku FROM {schema.table('products')} WHERE sku LIKE 'bulk-%%'"
            )
            stored = dict(cur.fetchall())
        finally:
            cur.execute("SET SESSION auto_increment_increment = 1")
    conn.rollback()
    assert [stored[i] for i in ids] == [f.sku for f in fields]
    assert len(set(ids)) == len(fields)
    assert full_reads == ([] if step == 1 else [1])
