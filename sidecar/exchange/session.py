"""The calls both exchange types share: a session opened after the login was checked
(checkauth), a new exchange begun in it (init), and a file received (file). Sequence 1C
follows (../shared/reference/commerceml.md §1):
  catalog: checkauth → init → file* → import* (repeated while `progress`)
           → [deactivate] → [complete]; or no import at all when 1C's node does not wait for
           it (then `pending` imports the upload once it is complete)
  sale:    checkauth → [init] → query → success → file* → [import*]
           (without `version` at init, 1C expects its order file applied inside `file`)"""

from __future__ import annotations

import logging
from typing import BinaryIO

import pymysql

from ..config import Config
from ..errors import UploadTooLarge
from ..state import jobs, sessions
from . import catalog, sale, upload
from .run import Answer, Run, session_directory

log = logging.getLogger("xc1c.exchange")


def open_session(
    config: Config,
    conn: pymysql.Connection,
    settings: dict,
    exchange_type: str,
    client: str,
    login: str,
) -> tuple[str, sessions.Session]:
    """checkauth, once the login is right: expired sessions and their files go, a new session
    of that login (the store owner's or a vendor's, which scopes the exchange) and its token
    come."""
    prefix = config.table_prefix
    expired = sessions.expired_session_ids(conn, prefix)
    for sid in expired:
        upload.remove_directory(session_directory(config, sid))
    sessions.delete_sessions(conn, prefix, expired)
    token, session = sessions.open_session(
        conn, prefix, login, client, settings["session_ttl"], exchange_type
    )
    log.info("checkauth ok: type=%s session=%s client=%s", exchange_type, session.id, client)
    return token, session


def begin(run: Run, exchange_type: str, version: str) -> None:
    """init: a new exchange in the session, from an empty directory."""
    if exchange_type == "catalog":
        catalog.hold(run)
    upload.clear_directory(run.directory)
    jobs.forget_session_jobs(run.conn, run.prefix, run.session_id)
    sessions.start_exchange(run.conn, run.prefix, run.session_id)
    if run.exchange_id is None:
        assert run.session is not None
        # A vendor's own 1C says whose it is wherever the exchange is shown (status, history).
        vendor = f" (vendor {run.vendor})" if run.vendor is not None else ""
        run.begin(kind=exchange_type, source="1c", login=run.session.login + vendor)
    run.note(f"init: {exchange_type} exchange from {run.client}")
    if version:
        # Newer 1C: order files are parsed at sale/import, not inside sale/file.
        sessions.set_version(run.conn, run.prefix, run.session_id, version)


def receive(
    run: Run, exchange_type: str, name: str, body: BinaryIO, content_length: int | None
) -> Answer:
    """file: one part of a file appended. A sale file of the old protocol is applied at once."""
    if exchange_type == "catalog":
        catalog.hold(run)
    limit = run.settings["file_limit"]
    if content_length is not None and content_length > limit:
        raise UploadTooLarge(f"{name}: the upload is larger than file_limit={limit} bytes")
    path, written = upload.append_upload(run.directory, name, body, limit)
    log.info(
        "file: type=%s session=%s name=%s bytes=%s", exchange_type, run.session_id, name, written
    )
    run.note(f"file {name}: {written} bytes")
    assert run.session is not None
    if exchange_type == "catalog":
        sessions.mark_upload(run.conn, run.prefix, run.session_id, whole=written < limit)
    if exchange_type == "sale" and not run.session.cml_version and written < limit:
        # Old protocol: 1C sends its order changes with mode=file alone and expects them
        # applied now. A part as long as file_limit may have more parts after it.
        return sale.apply_orders(run, path)
    return Answer()
