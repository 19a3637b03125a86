"""The sidecar as deployed: gunicorn with deploy/gunicorn.conf.py and several workers, spoken to
over real HTTP on loopback. Sessions and import steps must work whichever worker answers."""

from __future__ import annotations

from conftest import PASSWORD, catalog_files, query, set_setting

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
