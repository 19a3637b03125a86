"""The status page, /status.json, /metrics, /healthz and the downloads, as an admin and a
monitor use them; the page opened in real headless Chromium after a real exchange."""

from __future__ import annotations

import base64
import re
import subprocess
from pathlib import Path

import pytest
from conftest import ON_EVERY_SHOP, PASSWORD, PREFIX, catalog_files, set_setting

from sidecar.onec_client import OneCClient, http_transport
from sidecar.state import history

pytestmark = ON_EVERY_SHOP

TOKEN = "status-token-Ключ"


def basic(login: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()}


@pytest.mark.parametrize("path", ["/status", "/status.json", "/metrics", "/xc1c/status"])
def test_the_pages_need_the_exchange_login_or_the_token(http, conn, path):
    set_setting(conn, "status_token", TOKEN)
    refused = http.get(path)
    assert refused.status_code == 401 and "Basic" in refused.headers["WWW-Authenticate"]
    assert http.get(path, headers=basic("1c", "wrong")).status_code == 401
    assert http.get(path + "?token=wrong").status_code == 401
    assert http.get(path, headers=basic("1c", PASSWORD)).status_code == 200
    assert http.get(path, query_string={"token": TOKEN}).status_code == 200
    assert http.get(path, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_an_empty_token_opens_nothing(http, conn):
    assert http.get("/status.json?token=").status_code == 401


def test_the_key_shared_with_x_cart_opens_what_its_admin_page_asks_for(http, conn):
    """The module's page in X-Cart's admin asks for /status.json and a log with xcart_secret."""
    assert http.get("/status.json", headers={"X-Xc1c-Secret": ""}).status_code == 401
    set_setting(conn, "xcart_secret", "shared-key-made-by-either-side")
    assert http.get("/status.json", headers={"X-Xc1c-Secret": "wrong"}).status_code == 401
    shared = {"X-Xc1c-Secret": "shared-key-made-by-either-side"}
    assert http.get("/status.json", headers=shared).status_code == 200
    # the status page links to X-Cart's own page of the exchange (xcart_url says where)
    set_setting(conn, "xcart_url", "https://shop.example/admin.php")
    page = http.get("/status", headers=basic("1c", PASSWORD)).get_data(as_text=True)
    assert '<a href="https://shop.example/admin.php?target=xc1c_exchange">' in page


def test_status_json_answers_when_and_what_and_what_failed(onec, http, conn):
    onec.send_catalog(catalog_files())
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", b"<broken")
    onec.call("catalog", "import", filename="import.xml")
    data = http.get("/status.json", headers=basic("1c", PASSWORD)).get_json()
    assert data["health"] == "ok" and data["version"]
    assert data["settings"]["password"] == "(set)" and PASSWORD not in str(data)
    failed, done = data["exchanges"][:2]
    assert failed["status"] == "failed" and "malformed XML" in failed["message"]
    assert done["status"] == "success" and done["summary"]["created"] == 9
    assert {f["name"] for f in done["files"]} == {"import.xml", "offers.xml"}
    assert data["catalog_lease"]["holder"].startswith("the 1C exchange of login '1c'")


def test_logs_and_files_download_and_nothing_else(onec, http, conn):
    onec.send_catalog(catalog_files())
    exchange = history.recent(conn, PREFIX, 1)[0]
    auth = basic("1c", PASSWORD)
    log = http.get(f"/status/exchanges/{exchange.id}/log", headers=auth)
    assert log.status_code == 200 and "attachment" in log.headers["Content-Disposition"]
    assert "import.xml: imported" in log.get_data(as_text=True)
    # the sample is small: its batches go by INSERT, yet the path the server allows is named
    assert "rows written by LOAD DATA LOCAL from memory" in log.get_data(as_text=True)
    got = http.get(f"/status/exchanges/{exchange.id}/files/import.xml", headers=auth)
    assert got.data == dict(catalog_files())["import.xml"]
    for bad in ("../../etc/passwd", "..%2f..%2fetc%2fpasswd", ".htaccess", "nope.xml"):
        assert (
            http.get(f"/status/exchanges/{exchange.id}/files/{bad}", headers=auth).status_code
            == 404
        )
    assert http.get("/status/exchanges/999999/log", headers=auth).status_code == 404


def test_metrics_for_prometheus(onec, http, conn):
    onec.send_catalog(catalog_files())
    text = http.get("/metrics", headers=basic("1c", PASSWORD)).get_data(as_text=True)
    assert "xc1c_up 1" in text
    assert 'xc1c_exchanges{kind="catalog",status="success"} 1' in text
    assert re.search(r'xc1c_last_success_timestamp_seconds\{kind="catalog"\} \d{10}', text)
    assert 'xc1c_items{what="created"} 9' in text
    for line in text.splitlines():  # every sample line is `name{labels} number`
        assert line.startswith("#") or re.fullmatch(r"[a-z0-9_]+(\{[^}]*\})? [0-9.]+", line), line


def test_healthz_checks_the_database(http, app, monkeypatch):
    assert http.get("/healthz").data.startswith(b"ok ")
    from dataclasses import replace

    app.config["XC1C"] = replace(app.config["XC1C"], db=replace(app.config["XC1C"].db, port=1))
    down = http.get("/healthz")
    assert down.status_code == 503 and b"database unavailable" in down.data


def chromium(*args: str) -> str:
    out = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
         "--virtual-time-budget=3000", "--accept-lang=ru", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return out.stdout


def test_the_status_page_in_chromium_after_an_exchange(start_server, conn, tmp_path):
    set_setting(conn, "status_token", TOKEN)
    sidecar = start_server(workers=2)
    client = OneCClient(http_transport(sidecar.url), "1c", PASSWORD)
    client.send_catalog(catalog_files())
    broken = OneCClient(http_transport(sidecar.url), "1c", PASSWORD)
    broken.checkauth()
    broken.init()
    broken.upload("offers.xml", b"<not-xml")
    broken.call("catalog", "import", filename="offers.xml")

    page = sidecar.url.replace("/1c_exchange.php", f"/xc1c/status?token={TOKEN}")
    dom = chromium("--dump-dom", page)
    text = re.sub(r"<[^>]+>", " ", dom)
    assert "Обмен с 1С — состояние" in text  # Chromium asks for Russian
    rows = re.findall(r'<tr class="exchange" id="exchange-(\d+)">(.*?)</tr>', dom, re.S)
    assert len(rows) == 2
    latest, first = rows[0][1], rows[1][1]
    assert 'class="failed"' in latest and "malformed XML" in latest and "offers.xml" in latest
    assert 'class="success"' in first and "created: 9" in first and "import.xml" in first
    assert f"status/exchanges/{rows[1][0]}/log?token=" in first
    assert PASSWORD not in dom and TOKEN not in text.replace(f"token={TOKEN}", "")

    shot = tmp_path / "status.png"
    chromium("--window-size=1280,900", f"--screenshot={shot}", page)
    assert shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    kept = Path(__file__).parent.parent / "var" / "screenshots"
    kept.mkdir(parents=True, exist_ok=True)
    (kept / "status.png").write_bytes(shot.read_bytes())
