"""deploy/apache.conf for real: Debian's Apache on loopback in front of the sidecar (gunicorn),
both ways the file describes — ProxyPass in the virtual host, and the RewriteRule [P] lines in
X-Cart's .htaccess for shared hosting. The exchange and the status page reach the sidecar with
the Authorization header; everything else stays with the shop's PHP."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import PASSWORD, REPO, catalog_files, free_port, query, set_setting

from sidecar.onec_client import OneCClient, http_transport

MODULES = Path("/usr/lib/apache2/modules")
HTTPD_CONF = """
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
PidFile {tmp}/httpd.pid
ErrorLog {tmp}/error.log
DefaultRuntimeDir {tmp}
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule proxy_module {modules}/mod_proxy.so
LoadModule proxy_http_module {modules}/mod_proxy_http.so
LoadModule rewrite_module {modules}/mod_rewrite.so
User www-data
Group www-data
DocumentRoot {www}
<Directory {www}>
    AllowOverride All
    Require all granted
</Directory>
<VirtualHost 127.0.0.1:{port}>
{vhost}
</VirtualHost>
"""
# Stands for X-Cart's own PHP file (served as it is: no PHP here); the exchange has no file.
SHOP_PAGE = "<?php // X-Cart's cart.php"


def snippet(part: int, upstream: str) -> str:
    """Part 1 (the virtual host lines) or part 2 (the .htaccess lines, uncommented)."""
    text = (REPO / "deploy" / "apache.conf").read_text().replace("127.0.0.1:8080", upstream)
    first, second = text.split("# 2)", 1)
    if part == 1:
        return "\n".join(line for line in first.splitlines() if not line.startswith("#"))
    return "\n".join(line[5:] for line in second.splitlines() if re.match(r"#    (Rewrite)", line))


@pytest.fixture(params=["virtual-host", "htaccess"])
def apache(request, server, tmp_path: Path):
    binary = Path("/usr/sbin/apache2")
    assert binary.exists(), "apache2 is installed by scripts/bootstrap.sh"
    upstream = server.split("/")[2]
    # Apache's workers run as www-data: the document root must be readable to them.
    www = Path(tempfile.mkdtemp(prefix="xc1c-apache-"))
    www.chmod(0o755)
    (www / "cart.php").write_text(SHOP_PAGE)
    if request.param == "virtual-host":
        vhost = snippet(1, upstream)
    else:
        vhost = ""
        (www / ".htaccess").write_text(snippet(2, upstream) + "\n")
    port = free_port()
    conf = tmp_path / "httpd.conf"
    conf.write_text(
        HTTPD_CONF.format(port=port, tmp=tmp_path, www=www, modules=MODULES, vhost=vhost)
    )
    proc = subprocess.Popen([str(binary), "-f", str(conf), "-DFOREGROUND"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except urllib.error.HTTPError:
            break  # Apache answers
        except OSError:
            if proc.poll() is not None:
                pytest.fail(proc.stdout.read().decode())
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)
    shutil.rmtree(www)


def test_a_1c_exchange_and_the_status_page_through_apache(apache, conn):
    set_setting(conn, "file_limit", str(64 * 1024))
    client = OneCClient(http_transport(f"{apache}/1c_exchange.php"), "1c", PASSWORD)
    assert [r.word for r in client.send_catalog(catalog_files(), use_zip=False)] == [
        "success",
        "success",
    ]
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(4,)]

    wrong = OneCClient(http_transport(f"{apache}/1c_exchange.php"), "1c", "wrong")
    assert wrong.call("catalog", "checkauth").status == 401

    login = base64.b64encode(f"1c:{PASSWORD}".encode()).decode()
    req = urllib.request.Request(f"{apache}/xc1c/status.json",
                                 headers={"Authorization": f"Basic {login}"})  # fmt: skip
    with urllib.request.urlopen(req, timeout=5) as resp:
        assert json.load(resp)["exchanges"][0]["status"] == "success"

    with urllib.request.urlopen(f"{apache}/cart.php", timeout=5) as resp:
        assert resp.read().decode() == SHOP_PAGE, "the shop's own PHP stays with the shop"
