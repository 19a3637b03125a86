"""The sidecar as deployed: gunicorn with deploy/gunicorn.conf.py and several workers, spoken to
over real HTTP on loopback. Sessions and import steps must work whichever worker answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import PASSWORD, catalog_files, query, set_setting

from sidecar.onec_client import OneCClient, http_transport


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(config, conn, tmp_path: Path):
    port = free_port()
    db = config.db
    env = {
        **os.environ,
        "XC1C_DATABASE_URL": f"mysql://{db.user}:{db.password}@{db.host}:{db.port}/{db.database}",
        "XC1C_TABLE_PREFIX": config.table_prefix,
        "XC1C_DATA_DIR": str(tmp_path / "var"),
    }
    xc1c = Path(sys.executable).with_name("xc1c")
    proc = subprocess.Popen(
        [str(xc1c), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "3"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=1) as r:
                if r.status == 200:
                    break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode() if proc.poll() is not None else ""
                proc.kill()
                pytest.fail(f"gunicorn did not start: {out}")
            time.sleep(0.2)
    yield f"{base}/1c_exchange.php"
    proc.terminate()
    try:
        log = proc.communicate(timeout=20)[0].decode()
    except subprocess.TimeoutExpired:
        proc.kill()
        log = proc.communicate()[0].decode()
    assert PASSWORD not in log, "the password must never reach the log"


def test_full_exchange_over_http_in_small_steps_and_chunks(server, conn):
    set_setting(conn, "step_seconds", "0")
    set_setting(conn, "batch_size", "10")
    set_setting(conn, "file_limit", str(64 * 1024))
    set_setting(conn, "zip", "N")
    client = OneCClient(http_transport(server), "1c", PASSWORD)
    replies = client.send_catalog(catalog_files())
    assert [r.word for r in replies] == ["success", "success"]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
    assert query(conn, "SELECT COUNT(*) FROM {p}categories") == [(6,)]
    # again, zipped: nothing new
    set_setting(conn, "zip", "Y")
    client = OneCClient(http_transport(server), "1c", PASSWORD)
    client.send_catalog(catalog_files(), use_zip=True)
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
    assert query(conn, "SELECT SUM(amount) FROM {p}products")[0][0] == 12 + 7 + 7 + 0


def test_wrong_password_over_http(server):
    client = OneCClient(http_transport(server), "1c", "nope")
    reply = client.call("catalog", "checkauth")
    assert reply.status == 401 and reply.lines[0] == "failure"
