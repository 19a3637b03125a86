"""The sidecar as deployed: gunicorn with deploy/gunicorn.conf.py and several workers, spoken to
over real HTTP on loopback. Sessions and import steps must work whichever worker answers."""

from __future__ import annotations

import time

from conftest import PASSWORD, PREFIX, catalog_files, query, set_setting

from sidecar.onec_client import OneCClient, http_transport


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


def test_the_workers_import_an_upload_1c_did_not_ask_to_import_once(start_server, conn):
    """Two workers, each with its sweep thread (deploy/gunicorn.conf.py): the upload is
    imported once. The quiet period is 5 s here (the calls of one upload follow each other at
    once), the sweep a fifth of a second; polled, not slept for."""
    from sidecar.state import history

    url = start_server(2, XC1C_UPLOAD_QUIET_SECONDS="5", XC1C_SWEEP_SECONDS="0.2").url
    client = OneCClient(http_transport(url), "1c", PASSWORD)
    client.checkauth()
    client.init()
    for name, data in catalog_files():
        client.upload(name, data)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        state = query(conn, "SELECT background FROM {own}sessions")
        if state[0][0] not in ("", "running"):
            break
        time.sleep(0.1)
    assert state == [("done",)]
    [exchange] = history.recent(conn, PREFIX, 10)
    assert exchange.status == "success"
    assert sorted((f.name, f.status) for f in exchange.files) == [
        ("import.xml", "success"), ("offers.xml", "success"),
    ]  # fmt: skip
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
    assert history.log_text(conn, PREFIX, exchange.id).count("imported in the background") == 1
