"""Statement parameters escaped a column at a time (sidecar.db.Cursor, values_sql), the Id map
loaded by LOAD DATA with its upsert behind it, and new products' ids read back within the ids
their insert created: each stores exactly what the per-value, per-row path stored."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pymysql
import pytest
from conftest import PREFIX, query

from sidecar.db import update_from_rows, values_sql
from sidecar.state import idmap
from sidecar.xcart.products import _ids_by_version
from sidecar.xcart.schema import Schema

TABLE = f"{PREFIX}xc1c_literal_probe"
TRICKY = ["plain", "it's", 'say "hi"', "back\\slash", "new\nline", "nul\0byte", "100%",
          "%s", "%(name)s", "ёлка 🎄", "ctrl-z \032", ""]  # fmt: skip


@pytest.fixture
def probe(conn) -> Iterator[pymysql.Connection]:
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {TABLE}")
        cur.execute(
            f"CREATE TABLE {TABLE} (id INT UNSIGNED PRIMARY KEY, text MEDIUMTEXT NULL,"
            " price DECIMAL(14,4) NULL, raw BLOB NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
        )
    conn.commit()
    yield conn
    with conn.cursor() as cur:
        cur.execute(f"DROP TABLE IF EXISTS {TABLE}")
    conn.commit()


def _stored(conn) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute(f"SELECT id, text, price, raw FROM {TABLE} ORDER BY id")
        return list(cur.fetchall())


def _rows(uniform: bool) -> list[tuple]:
    """Uniform: every column of one type (the C-level path); else types mixed in a column."""
    if uniform:
        return [(i, TRICKY[i % len(TRICKY)], Decimal("1.5") + i, b"b\\y'te") for i in range(40)]
    return [
        (i, TRICKY[i % len(TRICKY)] if i % 3 else None, Decimal(i) if i % 2 else None,
         b"\x00\xff'" if i % 4 else None)
        for i in range(40)
    ]  # fmt: skip


@pytest.mark.parametrize("uniform", [False, True], ids=["mixed columns", "uniform columns"])
def test_executemany_and_literal_rows_store_every_value_as_given(probe, uniform):
    rows = _rows(uniform)
    with probe.cursor() as cur:
        cur.executemany(f"INSERT INTO {TABLE} (id, text, price, raw) VALUES (%s, %s, %s, %s)", rows)
        assert cur.rowcount == len(rows)
    assert _stored(probe) == rows

    with probe.cursor() as cur:
        cur.execute(f"DELETE FROM {TABLE}")
        cur.execute(f"INSERT INTO {TABLE} (id, text, price, raw) VALUES " + ", ".join(
            values_sql(probe, rows)))  # fmt: skip
    assert _stored(probe) == rows


def test_a_long_executemany_goes_in_several_statements_and_stores_all(probe):
    rows = [(i, "x" * 3000 + TRICKY[i % len(TRICKY)], None, None) for i in range(800)]
    with probe.cursor() as cur:
        cur.executemany(f"INSERT INTO {TABLE} (id, text, price, raw) VALUES (%s, %s, %s, %s)", rows)
        assert cur.rowcount == len(rows)
    assert [r[:2] for r in _stored(probe)] == [r[:2] for r in rows]


def test_an_in_list_of_strings_matches_exactly_those_strings(probe):
    with probe.cursor() as cur:
        cur.executemany(f"INSERT INTO {TABLE} (id, text) VALUES (%s, %s)", list(enumerate(TRICKY)))
        cur.execute(
            f"SELECT id FROM {TABLE} WHERE text IN ({', '.join(['%s'] * len(TRICKY))})",
            TRICKY,
        )
        assert sorted(r[0] for r in cur.fetchall()) == list(range(len(TRICKY)))
        cur.execute(f"SELECT COUNT(*) FROM {TABLE} WHERE id IN (%s, %s, %s)", [0, 1, 99])
        assert cur.fetchone()[0] == 2
        with pytest.raises(pymysql.err.ProgrammingError):
            cur.execute(f"SELECT id FROM {TABLE} WHERE id IN (%s, %s)", [1, 2, 3])


def test_update_from_rows_sets_values_with_quotes_and_percent_signs(probe):
    with probe.cursor() as cur:
        cur.executemany(f"INSERT INTO {TABLE} (id, text) VALUES (%s, %s)", [(1, "a"), (2, "b")])
        update_from_rows(
            cur, TABLE, "id", ["text"], [(1, "100% it's"), (2, "%s \\ %")],
            where=("t.text <> %s", ("never",)),
        )  # fmt: skip
    assert [r[:2] for r in _stored(probe)] == [(1, "100% it's"), (2, "%s \\ %")]


def test_the_id_map_loaded_in_bulk_replaces_entries_that_were_there(conn):
    """A batch with some Ид already mapped (a shop row an admin deleted, made again) still
    gets every entry as given, and an entry's XML digest stays until it is set anew."""
    with conn.cursor() as cur:
        idmap.store(cur, PREFIX, "category", [(f"g{i}", i, "old") for i in range(0, 200, 2)])
        idmap.set_xml_digests(cur, PREFIX, "category", {"g0": "d" * 32})
        idmap.store(cur, PREFIX, "category", [(f"g{i}", 1000 + i, "new") for i in range(200)])
        idmap.store(cur, PREFIX, "option", [(f"g{i}", 5000 + i, "fp") for i in range(100)])
    conn.commit()
    rows = query(conn, "SELECT kind, ext_id, xc_id, fingerprint, xml_md5 FROM {own}id_map"
                       " ORDER BY kind, xc_id")  # fmt: skip
    assert rows == [
        *(("category", f"g{i}", 1000 + i, "new", "d" * 32 if i == 0 else "") for i in range(200)),
        *(("option", f"g{i}", 5000 + i, "fp", "") for i in range(100)),
    ]


def test_new_products_ids_are_found_when_they_went_in_more_than_one_statement(conn):
    """The read-back is bounded by the last insert statement's first id; rows inserted by an
    earlier statement lie below it and are still found."""
    schema = Schema(conn, PREFIX)
    versions = [f"00000000-0000-4000-8000-{i:012d}" for i in range(6)]
    with conn.cursor() as cur:
        for chunk in (versions[:3], versions[3:]):
            schema.insert_rows(
                cur, "products", [{"sku": f"lit-{v[-3:]}", "entityVersion": v} for v in chunk]
            )
        ids = _ids_by_version(cur, schema, versions)
        cur.execute(
            f"SELECT entityVersion, product_id FROM {schema.table('products')}"
            f" WHERE entityVersion IN ({', '.join(['%s'] * len(versions))})",
            versions,
        )
        expected = dict(cur.fetchall())
    conn.rollback()
    assert ids == [expected[v] for v in versions] and len(set(ids)) == len(versions)
