"""The HTTP protocol as 1C sees it: replies, sessions, uploads, and every refusal."""

from __future__ import annotations

import base64
import io
import zipfile

import pytest
from conftest import PASSWORD, catalog_files, query, set_setting

from sidecar.onec_client import OneCClient, OneCClientError
from sidecar.web import replies


def basic(login: str, password: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{login}:{password}".encode()).decode()}


def lines(resp) -> list[str]:
    return resp.get_data(as_text=True).split("\n")


def test_checkauth_reply_has_cookie_sessid_and_timestamp(http):
    resp = http.get("/1c_exchange.php?type=catalog&mode=checkauth", headers=basic("1c", PASSWORD))
    out = lines(resp)
    assert resp.status_code == 200 and resp.content_type == replies.CONTENT_TYPE
    assert out[0] == replies.SUCCESS and out[1] == replies.COOKIE_NAME and len(out[2]) >= 40
    assert out[3] == f"sessid={out[2]}" and out[4].startswith("timestamp=")


@pytest.mark.parametrize(
    "headers",
    [basic("1c", "wrong"), basic("admin", PASSWORD), {}, {"Authorization": "Bearer x"}],
    ids=["wrong-password", "wrong-login", "no-credentials", "not-basic"],
)
def test_bad_credentials_are_refused_with_401(http, headers, caplog):
    resp = http.get("/exchange?type=catalog&mode=checkauth", headers=headers)
    assert resp.status_code == 401
    assert lines(resp) == [replies.FAILURE, "wrong login or password"]
    assert "wrong login or password" in caplog.text
    assert PASSWORD not in caplog.text


def test_no_password_configured_refuses_everyone(http, conn):
    with conn.cursor() as cur:
        cur.execute("UPDATE xc_config SET value = '' WHERE name = 'password'")
    conn.commit()
    resp = http.get("/exchange?type=catalog&mode=checkauth", headers=basic("1c", ""))
    assert resp.status_code == 401 and "password is not set" in lines(resp)[1]


@pytest.mark.parametrize("mode", ["init", "file", "import", "deactivate", "complete"])
def test_every_call_but_checkauth_needs_a_session(http, mode):
    resp = http.post(f"/1c_exchange.php?type=catalog&mode={mode}&filename=import.xml", data=b"x")
    assert lines(resp)[0] == replies.FAILURE
    assert "checkauth" in lines(resp)[1]


def test_forged_or_expired_session_is_refused(http, onec, conn):
    resp = http.get(
        "/1c_exchange.php?type=catalog&mode=init",
        headers={"Cookie": f"{replies.COOKIE_NAME}=forged"},
    )
    assert lines(resp)[0] == replies.FAILURE
    onec.checkauth()
    with conn.cursor() as cur:
        cur.execute("UPDATE xc1c_xc_sessions SET expires_at = 1")
    conn.commit()
    with pytest.raises(OneCClientError, match="expired"):
        onec.init()


def test_sessid_parameter_works_without_cookie(app):
    from conftest import flask_transport

    client = OneCClient(flask_transport(app), "1c", PASSWORD, sessid=True)
    client.checkauth()
    client.cookie = None  # as a 1C build that only echoes the sessid line
    assert client.init()["file_limit"]


def test_init_reply_follows_the_settings_and_the_version(onec, conn):
    set_setting(conn, "zip", "N")
    set_setting(conn, "file_limit", "100000")
    onec.checkauth()
    reply = onec.call("catalog", "init")
    assert reply.lines == ["zip=no", "file_limit=100000"]
    reply = onec.call("catalog", "init", version="3.1")
    assert reply.lines == ["zip=no", "file_limit=100000", f"sessid={onec.sessid}", "version=3.1"]


def test_chunks_are_appended_and_sub_folders_kept(onec, config, conn):
    set_setting(conn, "file_limit", str(64 * 1024))
    data = bytes(range(256)) * 1000  # 256 000 bytes: four chunks
    onec.checkauth()
    onec.init()
    onec.upload("import_files/9d/picture.jpg", data)
    session_dir = next((config.data_dir / "exchange").iterdir())
    assert (session_dir / "import_files" / "9d" / "picture.jpg").read_bytes() == data
    onec.init()  # a new exchange starts from a clean directory
    assert list(session_dir.iterdir()) == []


@pytest.mark.parametrize(
    "name",
    [
        "../evil.xml",
        "/etc/passwd",
        "import_files/../../x.xml",
        "..\\..\\x.xml",
        "C:\\x.xml",
        "shell.php",
        "import_files/a.phtml",
        ".htaccess",
        "x.php.jpg",
        "a\x00b.xml",
        "",
        "a" * 300,
    ],
)
def test_unsafe_file_names_are_refused(onec, config, tmp_path, name):
    onec.checkauth()
    onec.init()
    reply = onec.call("catalog", "file", b"<x/>", filename=name)
    assert reply.word == replies.FAILURE
    outside = [p for p in config.data_dir.parent.rglob("*") if p.is_file()]
    assert outside == [], "nothing may be written anywhere"


def test_oversize_upload_is_refused_and_leaves_the_file_as_it_was(onec, config, conn):
    set_setting(conn, "file_limit", str(64 * 1024))
    onec.checkauth()
    onec.init()
    onec.upload("import.xml", b"a" * 1000)
    reply = onec.call("catalog", "file", b"b" * (64 * 1024 + 1), filename="import.xml")
    assert reply.word == replies.FAILURE and reply.status == 413
    assert "file_limit" in reply.lines[1]
    target = next((config.data_dir / "exchange").iterdir()) / "import.xml"
    assert target.read_bytes() == b"a" * 1000


def test_import_of_a_file_never_uploaded(onec):
    onec.checkauth()
    onec.init()
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.lines == [
        replies.FAILURE,
        "import.xml: no such file was uploaded in this exchange",
    ]


def test_zip_with_traversal_entry_is_refused(onec, config, conn):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("import.xml", dict(catalog_files())["import.xml"])
        zf.writestr("../../escaped.txt", b"x")
    onec.checkauth()
    onec.init()
    onec.upload("v8_1.zip", buf.getvalue())
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == replies.FAILURE and "leaves the exchange directory" in reply.lines[1]
    assert not list(config.data_dir.parent.rglob("escaped.txt"))
    assert query(conn, "SELECT COUNT(*) FROM {p}products") == [(0,)]


def test_zip_bomb_is_refused(onec, config):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("import.xml", b"\0" * (50 * 1024 * 1024))
    onec.checkauth()
    onec.init()
    onec.upload("v8_2.zip", buf.getvalue())
    reply = onec.call("catalog", "import", filename="import.xml")
    assert reply.word == replies.FAILURE and "zip bomb" in reply.lines[1]


def test_unknown_mode(http):
    assert lines(http.get("/exchange?type=catalog&mode=nonsense"))[0] == replies.FAILURE
    assert lines(http.get("/exchange?type=orders&mode=query"))[0] == replies.FAILURE


def test_deactivate_and_complete_answer_success(onec):
    onec.checkauth()
    onec.init()
    assert onec.call("catalog", "deactivate", timestamp="1").word == replies.SUCCESS
    assert onec.call("catalog", "complete").word == replies.SUCCESS


def test_database_down_is_a_clean_failure(app, onec, monkeypatch):
    import pymysql

    from sidecar.web import db

    def down(*_a, **_k):
        raise pymysql.err.OperationalError(2003, "Can't connect to MySQL server")

    monkeypatch.setattr(db, "connect", down)
    reply = onec.call("catalog", "checkauth")
    assert reply.status == 503 and reply.word == replies.FAILURE
    assert "database is unavailable" in reply.lines[1]


def test_a_schema_error_is_not_reported_as_the_database_being_down(app, onec, monkeypatch, caplog):
    import pymysql

    from sidecar.web import exchange

    def broken(*_a, **_k):
        raise pymysql.err.OperationalError(1054, "Unknown column 'x' in 'field list'")

    monkeypatch.setattr(exchange, "read_settings", broken)
    reply = onec.call("catalog", "checkauth")
    assert reply.status == 500 and reply.lines == [
        "failure",
        "internal error of the exchange sidecar; see its log",
    ]
    assert "Unknown column" in caplog.text


def test_failed_logins_are_rate_limited_per_address(http, conn, caplog):
    set_setting(conn, "login_attempts", "3")
    for _ in range(3):
        assert (
            http.get(
                "/exchange?type=catalog&mode=checkauth", headers=basic("1c", "guess")
            ).status_code
            == 401
        )
    # now even the right password is refused from this address, for a while
    resp = http.get("/exchange?type=catalog&mode=checkauth", headers=basic("1c", PASSWORD))
    assert resp.status_code == 403 and "too many failed logins" in lines(resp)[1]
    assert "too many failed logins" in caplog.text


def test_allowed_addresses(http, conn):
    set_setting(conn, "allowed_ips", "203.0.113.0/24, not-an-address")
    resp = http.get("/exchange?type=catalog&mode=checkauth", headers=basic("1c", PASSWORD))
    assert resp.status_code == 403 and "allowed_ips" in lines(resp)[1]
    set_setting(conn, "allowed_ips", "127.0.0.1")
    resp = http.get("/exchange?type=catalog&mode=checkauth", headers=basic("1c", PASSWORD))
    assert lines(resp)[0] == replies.SUCCESS


def test_a_session_ends_when_the_login_changes(onec, conn):
    onec.checkauth()
    set_setting(conn, "login", "other")
    with pytest.raises(OneCClientError, match="login has changed"):
        onec.init()
