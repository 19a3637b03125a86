"""deploy/nginx.conf for real: Debian's nginx on loopback in front of the sidecar (gunicorn), a
1C client through it. The exchange URL reaches the sidecar with the Authorization header;
everything else stays with the shop's PHP."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import PASSWORD, REPO, catalog_files, free_port, query, set_setting

from sidecar.onec_client import OneCClient, http_transport

NGINX_CONF = """
daemon off;
worker_processes 1;
user root;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        include {tmp}/xc1c.conf;
        # stands for X-Cart's PHP handler: the exchange must never end up here
        location ~ \\.php$ {{ return 418; }}
        location / {{ return 404; }}
    }}
}}
"""


@pytest.fixture
def nginx(server, tmp_path: Path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    assert Path(binary).exists(), "nginx is installed by scripts/bootstrap.sh"
    upstream = server.split("/")[2]  # host:port of the sidecar under test
    snippet = (REPO / "deploy" / "nginx.conf").read_text().replace("127.0.0.1:8080", upstream)
    (tmp_path / "xc1c.conf").write_text(snippet)
    port = free_port()
    (tmp_path / "nginx.conf").write_text(NGINX_CONF.format(tmp=tmp_path, port=port))
    proc = subprocess.Popen([binary, "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
        except urllib.error.HTTPError:
            break  # nginx answers (404 from the catch-all location)
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stdout.read().decode())
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def test_a_1c_exchange_through_nginx(nginx, conn):
    set_setting(conn, "file_limit", str(64 * 1024))
    client = OneCClient(http_transport(f"{nginx}/1c_exchange.php"), "1c", PASSWORD)
    replies = client.send_catalog(catalog_files(), use_zip=False)
    assert [r.word for r in replies] == ["success", "success"]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]


def test_basic_auth_arrives_and_other_php_stays_with_the_shop(nginx):
    reply = OneCClient(http_transport(f"{nginx}/1c_exchange.php"), "1c", "wrong").call(
        "catalog", "checkauth"
    )
    assert reply.status == 401 and reply.lines == ["failure", "wrong login or password"]
    ok = OneCClient(http_transport(f"{nginx}/1c_exchange.php"), "1c", PASSWORD).checkauth()
    assert ok.word == "success"
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{nginx}/cart.php", timeout=5)
    assert err.value.code == 418


def test_the_status_page_is_routed_with_the_login(nginx):
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(f"{nginx}/xc1c/status", timeout=5)
    assert err.value.code == 401
    login = base64.b64encode(f"1c:{PASSWORD}".encode()).decode()
    req = urllib.request.Request(f"{nginx}/xc1c/status.json",
                                 headers={"Authorization": f"Basic {login}"})  # fmt: skip
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert json.load(resp)["health"] == "ok"
