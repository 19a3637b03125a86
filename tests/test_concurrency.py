"""Two exchanges at once, and one exchange spread over two sidecar instances. The catalog is
written by one exchange at a time (a lease row in the shared database); the other gets a
`failure` that says who is busy; a holder gone silent, or superseded by the same 1C base, is
taken over. Instances share nothing but the database and the exchange directory."""

from __future__ import annotations

import itertools
import re
import urllib.error
import urllib.request

from conftest import PASSWORD, catalog_files, flask_transport, query, set_setting

from bench.generate import add_orders
from sidecar.onec_client import OneCClient, http_transport
from sidecar.state import lease
from sidecar.web import replies


def base(app, address: str) -> OneCClient:
    return OneCClient(flask_transport(app, address), "1c", PASSWORD)


def begin(client: OneCClient) -> None:
    client.checkauth()
    client.init()


def test_a_second_1c_base_is_told_the_catalog_is_busy(app, conn):
    first, second = base(app, "10.0.0.1"), base(app, "10.0.0.2")
    begin(first)
    first.upload("import.xml", dict(catalog_files())["import.xml"])
    second.checkauth()
    busy = second.call("catalog", "init")
    assert busy.word == replies.FAILURE
    assert "busy" in busy.lines[1] and "10.0.0.1" in busy.lines[1]
    assert first.import_file("import.xml").word == replies.SUCCESS  # the first goes on
    assert second.call("catalog", "file", b"x", filename="import.xml").word == replies.FAILURE
    assert first.call("catalog", "complete").word == replies.SUCCESS
    assert second.send_catalog(catalog_files())[-1].word == replies.SUCCESS  # now free


def test_a_holder_silent_too_long_is_taken_over(app, conn):
    first, second = base(app, "10.0.0.1"), base(app, "10.0.0.2")
    begin(first)
    with conn.cursor() as cur:
        cur.execute(
            "UPDATE xc1c_xc_leases SET heartbeat_at = heartbeat_at - %s",
            (lease.STALE_SECONDS + 1,),
        )
    conn.commit()
    begin(second)
    assert first.call("catalog", "file", b"x", filename="a.xml").word == replies.FAILURE


def test_the_same_1c_base_replaces_its_unfinished_exchange(app, conn):
    """1C versions without mode=complete leave the lease; their next exchange takes it."""
    begin(base(app, "10.0.0.1"))
    assert base(app, "10.0.0.1").send_catalog(catalog_files())[-1].word == replies.SUCCESS


def test_an_admin_import_holds_off_1c(app, conn):
    assert lease.acquire(conn, "xc_", lease.CATALOG, "cli:host:1", "cli:host:1",
                         "xc1c import on host (pid 1)") is None  # fmt: skip
    client = base(app, "10.0.0.1")
    client.checkauth()
    busy = client.call("catalog", "init")
    assert busy.word == replies.FAILURE and "xc1c import on host" in busy.lines[1]
    lease.release(conn, "xc_", lease.CATALOG, "cli:host:1")
    begin(client)


def alternating(*urls: str):
    """A transport that sends each call to the next instance in turn."""
    transports = itertools.cycle([http_transport(u, timeout=60) for u in urls])
    return lambda *args: next(transports)(*args)


def test_two_instances_serve_one_exchange_call_by_call(start_server, conn):
    set_setting(conn, "step_seconds", "0")
    set_setting(conn, "file_limit", str(64 * 1024))
    set_setting(conn, "zip", "N")
    one, two = start_server(workers=1), start_server(workers=1)
    client = OneCClient(alternating(one.url, two.url), "1c", PASSWORD)
    assert [r.word for r in client.send_catalog(catalog_files())] == ["success", "success"]
    assert client.calls > 8
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]
    assert query(conn, "SELECT SUM(amount) FROM {p}products") == [(12 + 7 + 7 + 0,)]

    add_orders(conn, 5, "xc_")
    sale = OneCClient(alternating(one.url, two.url), "1c", PASSWORD)
    sale.checkauth("sale")
    sale.init("sale")
    sent = "\n".join(sale.call("sale", "query").lines)
    assert len(re.findall("<Документ>", sent)) == 5
    assert sale.call("sale", "success").word == replies.SUCCESS
    assert query(conn, "SELECT COUNT(*) FROM {own}order_exports") == [(5,)]


def test_the_catalog_lease_holds_across_instances(start_server, conn):
    one = start_server(workers=1, XC1C_TRUSTED_PROXIES="1")
    two = start_server(workers=1, XC1C_TRUSTED_PROXIES="1")

    def from_address(url: str, address: str):
        send = http_transport(url, timeout=60)
        return lambda m, q, b, h: send(m, q, b, {**h, "X-Forwarded-For": address})

    first = OneCClient(from_address(one.url, "10.0.0.1"), "1c", PASSWORD)
    second = OneCClient(from_address(two.url, "10.0.0.2"), "1c", PASSWORD)
    begin(first)
    second.checkauth()
    busy = second.call("catalog", "init")
    assert busy.word == replies.FAILURE and "10.0.0.1" in busy.lines[1]
    try:
        urllib.request.urlopen(two.url.replace("/1c_exchange.php", "/healthz"), timeout=5)
    except urllib.error.URLError as exc:  # the refusal did not hurt the instance
        raise AssertionError(exc) from exc
