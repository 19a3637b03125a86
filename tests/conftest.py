"""Fixtures: a real MariaDB (never a mock), one throwaway database per test session with an
empty X-Cart schema, cleaned before every test; the Flask app and a 1C client bound to it."""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pymysql
import pytest
from serving import wait_until_up
from xcart_rig import Rig, find_rig

from sidecar.app import create_app
from sidecar.config import Config, DatabaseParams, parse_database_url
from sidecar.db import connect, quote_identifier
from sidecar.onec_client import OneCClient, files_from_paths
from sidecar.settings import MODULE_CATEGORY, write_setting
from sidecar.state import idmap, own_prefix
from sidecar.state.migrations import migrate
from sidecar.xcart.install import create_xcart_schema
from sidecar.xcart.schema import Schema

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
SAMPLES = REPO.parent / "shared" / "samples"
PASSWORD = "s3cret-Пароль"
PREFIX = "xc_"

# Tables a test may write; emptied (or reset to the seed) before each test.
WRITTEN = [
    "products",
    "product_translations",
    "category_products",
    "quick_data",
    "product_images",
    "clean_urls",
    "entity_type_versions",
    "attributes",
    "attribute_translations",
    "attribute_options",
    "attribute_option_translations",
    "attribute_values_select",
    "attribute_values_text",
    "attribute_values_text_translations",
    "attribute_values_checkbox",
    "product_variants",
    "product_variants_attributes",
    "product_variant_attribute_value_select",
    "wholesale_prices",
    "orders",
    "order_items",
    "order_surcharges",
    "order_history_events",
    "order_details",
    "profiles",
    "profile_addresses",
    "address_field_value",
]
# Tables of modules a test may add (ShopByBrand, XC\MultiVendor).
OPTIONAL = ["brand_products", "brand_translations", "brands", "vendor_translations", "vendor"]


def server_params() -> DatabaseParams:
    url = os.environ.get("XC1C_TEST_DATABASE_URL", "mysql://root@127.0.0.1:3306/unused")
    return replace(parse_database_url(url), database="")


def pytest_report_header() -> str:
    try:
        conn = connect(server_params())
    except pymysql.err.OperationalError as exc:
        return f"MariaDB: not reachable ({exc})"
    with conn.cursor() as cur:
        cur.execute("SELECT VERSION()")
        version = cur.fetchone()[0]
    conn.close()
    return f"MariaDB: {version}"


def make_database(prefix: str, modules: str = "all") -> Config:
    name = f"xc1c_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = connect(server_params())
    with admin.cursor() as cur:
        cur.execute(
            f"CREATE DATABASE {quote_identifier(name)}"
            " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        )
    admin.close()
    config = Config(db=replace(server_params(), database=name), table_prefix=prefix)
    conn = connect(config.db)
    create_xcart_schema(conn, prefix, modules=modules)
    migrate(conn, prefix)
    conn.close()
    return config


def drop_database(config: Config) -> None:
    admin = connect(server_params())
    with admin.cursor() as cur:
        cur.execute(f"DROP DATABASE IF EXISTS {quote_identifier(config.db.database)}")
    admin.close()


# The shops the end-to-end suites run on (sidecar.project_files.XCART_SCHEMAS): X-Cart 5.4 with
# every stock module, with the module set its installer leaves, with the core alone, with every
# stock module and XC\MultiVendor (warehouse mode, the module's default); and X-Cart 5.5. The
# tests of a suite marked `pytestmark = ON_EVERY_SHOP` that use the database run on each;
# every other test uses "all".
SHOPS = ("all", "demo", "core", "5.5", "multivendor")
ON_EVERY_SHOP = pytest.mark.every_shop


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers", "every_shop: run the test on every X-Cart shop schema in SHOPS"
    )


def pytest_generate_tests(metafunc) -> None:
    if metafunc.definition.get_closest_marker("every_shop") and (
        "database" in metafunc.fixturenames
    ):
        metafunc.parametrize("database", SHOPS, indirect=True, scope="session")


@pytest.fixture(scope="session")
def database(request) -> Iterator[Config]:
    config = make_database(PREFIX, getattr(request, "param", "all"))
    yield config
    drop_database(config)


def supports(conn: pymysql.Connection, part: str) -> bool:
    """Whether the test shop has an optional module part (sidecar.xcart.schema.OPTIONAL)."""
    return Schema(conn, PREFIX).supports(part)


def reset(conn: pymysql.Connection, prefix: str) -> None:
    with conn.cursor() as cur:
        cur.execute("SET FOREIGN_KEY_CHECKS = 0")
        cur.execute("SHOW TABLES")
        present = {r[0] for r in cur.fetchall()}
        # The sidecar's own tables, all but the migrations record.
        own = sorted(t for t in present if t.startswith(own_prefix(prefix)))
        for table in [*(prefix + t for t in [*WRITTEN, *OPTIONAL]), *own]:
            if table in present and table != own_prefix(prefix) + "schema":
                cur.execute(f"DELETE FROM {quote_identifier(table)}")
        t = lambda name: quote_identifier(prefix + name)  # noqa: E731
        cur.execute(f"DELETE FROM {t('categories')} WHERE category_id <> 1")
        cur.execute(f"DELETE FROM {t('category_translations')} WHERE id <> 1")
        cur.execute(f"DELETE FROM {t('category_quick_flags')} WHERE category_id <> 1")
        cur.execute(
            f"UPDATE {t('categories')} SET lpos = 1, rpos = 2, depth = -1 WHERE category_id = 1"
        )
        cur.execute(
            f"DELETE FROM {t('config')} WHERE category IN (%s, %s)",
            (MODULE_CATEGORY, "QSL\\ShopByBrand"),
        )
        cur.execute("SET FOREIGN_KEY_CHECKS = 1")
    conn.commit()
    write_setting(conn, prefix, "password", PASSWORD)


@pytest.fixture
def config(database: Config, tmp_path: Path) -> Config:
    return replace(database, data_dir=tmp_path / "var")


@pytest.fixture
def images_dir(tmp_path: Path) -> Path:
    """X-Cart's images/ directory of the test shop."""
    return tmp_path / "xcart" / "images"


@pytest.fixture
def conn(config: Config, images_dir: Path) -> Iterator[pymysql.Connection]:
    c = connect(config.db)
    reset(c, config.table_prefix)
    write_setting(c, config.table_prefix, "images_path", str(images_dir))
    yield c
    c.close()


@pytest.fixture
def app(config: Config, conn: pymysql.Connection):
    return create_app(config)


def flask_transport(app, address: str = "127.0.0.1"):
    """Calls into the app as from `address`. 1C manages its cookie itself (from the checkauth
    reply), so the test client must not."""
    tc = app.test_client(use_cookies=False)

    def send(method, query, body, headers):
        r = tc.open(
            "/1c_exchange.php", method=method, query_string=query, data=body, headers=headers,
            environ_base={"REMOTE_ADDR": address},
        )  # fmt: skip
        return r.status_code, r.data

    return send


@pytest.fixture
def onec(app) -> OneCClient:
    return OneCClient(flask_transport(app), "1c", PASSWORD)


@pytest.fixture
def http(app):
    return app.test_client(use_cookies=False)


def set_setting(conn: pymysql.Connection, name: str, value: str) -> None:
    write_setting(conn, PREFIX, name, value)


def query(conn: pymysql.Connection, sql: str, *args) -> list[tuple]:
    """Run SQL with `{p}` standing for X-Cart's table prefix and `{own}` for what the sidecar's
    own tables start with; returns all rows."""
    conn.commit()  # see what other connections committed
    with conn.cursor() as cur:
        cur.execute(sql.replace("{own}", own_prefix(PREFIX)).replace("{p}", PREFIX), args)
        return list(cur.fetchall())


def products_missing_parts(conn: pymysql.Connection) -> int:
    """Products without a translation, a category link or quick data: what a batch written
    in part would leave."""
    return query(
        conn,
        "SELECT COUNT(*) FROM {p}products p"
        " WHERE NOT EXISTS (SELECT 1 FROM {p}product_translations t WHERE t.id = p.product_id)"
        " OR NOT EXISTS (SELECT 1 FROM {p}category_products c WHERE c.product_id = p.product_id)"
        " OR NOT EXISTS (SELECT 1 FROM {p}quick_data q WHERE q.product_id = p.product_id)",
    )[0][0]


def catalog_files() -> list[tuple[str, bytes]]:
    """The project's sample export: import.xml, offers.xml and the photos in import_files/."""
    return files_from_paths([DATA / "catalog"])


def xc_id(conn, kind: str, ext: str) -> int:
    with conn.cursor() as cur:
        return idmap.lookup(cur, PREFIX, kind, [ext])[ext][0]


def assert_nested_set_valid(conn) -> None:
    rows = query(conn, "SELECT category_id, parent_id, lpos, rpos, depth FROM {p}categories")
    by_id = {r[0]: r for r in rows}
    bounds = sorted(b for r in rows for b in (r[2], r[3]))
    assert bounds == list(range(1, 2 * len(rows) + 1)), "lpos/rpos must be a permutation of 1..2n"
    for cid, parent, lpos, rpos, depth in rows:
        assert lpos < rpos
        if parent is None:
            assert depth == -1 and lpos == 1
            continue
        p = by_id[parent]
        assert p[2] < lpos and rpos < p[3], f"category {cid} not inside its parent"
        assert depth == p[4] + 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Sidecar:
    """One gunicorn instance of the sidecar, as `xc1c serve` runs it."""

    url: str
    proc: subprocess.Popen

    def workers(self) -> list[int]:
        path = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        return [int(p) for p in path.read_text().split()]


def beside_xcart(root: Path, data: Path, password: str) -> tuple[dict[str, str], Callable]:
    """The environment of a sidecar beside the X-Cart installed at `root`, found by
    XC1C_XCART_ROOT alone, its own tables made and its exchange password set; and a runner of
    its command line there (returns what it printed)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XC1C_")}
    env |= {"XC1C_XCART_ROOT": str(root), "XC1C_DATA_DIR": str(data)}

    def xc1c(*args: str) -> str:
        done = subprocess.run([str(Path(sys.executable).with_name("xc1c")), *args], env=env,
                              capture_output=True, text=True)  # fmt: skip
        return done.stdout + done.stderr

    assert "applied migrations" in xc1c("db", "migrate")
    xc1c("settings", "set", "password", password)
    return env, xc1c


def launch(env: dict[str, str], log: Path, workers: int = 3) -> Sidecar:
    """`xc1c serve` on a free port with exactly `env` (plus the process's own); waits until it
    answers /healthz. A port found free can be taken before gunicorn binds it: another one is
    tried then."""
    xc1c = Path(sys.executable).with_name("xc1c")
    for _ in range(3):
        port = free_port()
        with log.open("wb") as out:  # a file: a pipe nobody reads would fill up
            proc = subprocess.Popen(
                [str(xc1c), "serve", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        base = f"http://127.0.0.1:{port}"
        if wait_until_up(f"{base}/healthz", proc, 60, 0.2):
            return Sidecar(f"{base}/1c_exchange.php", proc)
        proc.kill()
        proc.wait()
        if "Address already in use" not in log.read_text():
            break
    pytest.fail(f"gunicorn did not start: {log.read_text()}")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def start_server(config, conn, tmp_path: Path):
    """Starts sidecar instances on the test database and exchange directory; stops them after
    the test and checks that none logged the password."""
    started: list[tuple[subprocess.Popen, Path]] = []

    def start(workers: int = 3, **extra_env: str) -> Sidecar:
        db = config.db
        env = {
            **os.environ,
            "XC1C_DATABASE_URL": f"mysql://{db.user}:{db.password}@{db.host}:{db.port}/{db.database}",
            "XC1C_TABLE_PREFIX": config.table_prefix,
            "XC1C_DATA_DIR": str(config.data_dir),
            **extra_env,
        }
        log = tmp_path / f"sidecar-{len(started)}.log"
        sidecar = launch(env, log, workers)
        started.append((sidecar.proc, log))
        return sidecar

    yield start
    for proc, log in started:
        stop(proc)
        assert PASSWORD not in log.read_text(), "the password must never reach the log"


@pytest.fixture
def server(start_server) -> str:
    return start_server().url


@pytest.fixture
def cli(config):
    """Runs `xc1c …` in-process against the test database and exchange directory."""
    from click.testing import CliRunner

    from sidecar.cli import main

    db = config.db
    env = {
        "XC1C_DATABASE_URL": f"mysql://{db.user}:{db.password}@{db.host}:{db.port}/{db.database}",
        "XC1C_TABLE_PREFIX": config.table_prefix,
        "XC1C_DATA_DIR": str(config.data_dir),
    }

    def run(*args: str):
        return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)

    return run


@pytest.fixture(scope="session")
def rig() -> Rig:
    """The real X-Cart shop of ../shared/tools/xcart-rig; skipped with the reason without it."""
    found = find_rig()
    if isinstance(found, str):
        pytest.skip(found)
    return found
