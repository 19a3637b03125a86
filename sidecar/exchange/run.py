"""One exchange run: the history record it opens, notes and closes, and the directory its
files are in. An HTTP call of 1C, `xc1c import`/`replay` and a background import each make
one; nothing here knows how the run was asked for."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymysql

from ..config import Config
from ..errors import ExchangeError
from ..safepath import resolve_inside, safe_relative_path
from ..state import VendorPrefix, history, sessions, vendor_logins


@dataclass
class Answer:
    """What a step tells its caller: done (`success`) or to be repeated (`progress`), and the
    lines 1C shows in its exchange log."""

    lines: list[str] = field(default_factory=list)
    done: bool = True
    waiting: bool = False  # not done because another step holds the import lock


def session_directory(config: Config, session_id: int) -> Path:
    """Where the files of one 1C session are uploaded."""
    return config.data_dir / "exchange" / f"session-{session_id}"


@dataclass
class Run:
    config: Config
    conn: pymysql.Connection
    settings: dict[str, Any]
    directory: Path
    session: sessions.Session | None = None
    client: str = ""  # the address (1C) or host (the CLI) the run comes from
    exchange_id: int | None = None  # its history record, once begun
    # The vendor whose own 1C this is (its session's login is a vendor's): its catalog goes
    # to that vendor's space and its goods, its orders are that vendor's. None: the owner's.
    vendor: int | None = None

    @classmethod
    def of_session(
        cls,
        config: Config,
        conn: pymysql.Connection,
        settings: dict[str, Any],
        session: sessions.Session,
        client: str,
    ) -> Run:
        """The run of a 1C session: its directory, and its history record if init began one."""
        exchange_id = history.for_session(conn, config.table_prefix, session.id)
        return cls(
            config,
            conn,
            settings,
            session_directory(config, session.id),
            session,
            client,
            exchange_id,
            vendor_logins.vendor_of(conn, config.table_prefix, session.login),
        )

    @property
    def prefix(self) -> str:
        """X-Cart's table prefix; for a vendor's exchange one naming its catalog space."""
        if self.vendor is None:
            return self.config.table_prefix
        return VendorPrefix(self.config.table_prefix, self.vendor)

    @property
    def session_id(self) -> int:
        assert self.session is not None
        return self.session.id

    def begin(
        self,
        *,
        kind: str,
        source: str,
        login: str = "",
        dry_run: bool = False,
        replay_of: int | None = None,
    ) -> int:
        self.exchange_id = history.begin(
            self.conn,
            self.prefix,
            kind=kind,
            source=source,
            login=login,
            client=self.client,
            session_id=self.session.id if self.session else None,
            dry_run=dry_run,
            replay_of=replay_of,
        )
        return self.exchange_id

    def note(self, line: str) -> None:
        if self.exchange_id is not None:
            history.note(self.conn, self.prefix, self.exchange_id, line)

    def record(self, **changes: Any) -> None:
        if self.exchange_id is not None:
            history.update(self.conn, self.prefix, self.exchange_id, **changes)

    def record_file(
        self, path: Path, status: str, counts: dict[str, int], warnings: list[str]
    ) -> None:
        """A file's result under its name in the run's directory."""
        if self.exchange_id is None:
            return
        name = path.relative_to(self.directory).as_posix()
        history.record_file(
            self.conn, self.prefix, self.exchange_id, name, path, status, counts, warnings
        )

    def keep_files(self) -> None:
        """The run's files kept with its record for download and replay; old ones pruned."""
        if self.exchange_id is None:
            return
        history.keep_files(
            self.conn, self.prefix, self.config.data_dir, self.exchange_id, self.directory
        )
        history.prune(
            self.conn,
            self.prefix,
            self.config.data_dir,
            self.settings["history_keep"],
            self.settings["history_days"],
        )

    def file_done(
        self, path: Path, status: str, counts: dict[str, int], warnings: list[str]
    ) -> None:
        """A file's result, and the file itself kept with the exchange."""
        if self.exchange_id is None:
            return
        self.record_file(path, status, counts, warnings)
        self.keep_files()

    def fail(self, step: str, message: str, filename: str = "") -> None:
        """The run failed in `step`: what was half done is rolled back, the failure goes into
        the history, with the file it concerns."""
        if self.exchange_id is None:
            return
        self.conn.rollback()
        if filename and self.session is not None:
            try:
                path: Path | None = resolve_inside(self.directory, safe_relative_path(filename))
            except ExchangeError:
                path = None
            if path is not None and path.is_file():
                self.file_done(path, history.FAILED, {}, [message])
        self.note(f"failure: {step}: {message}")
        self.record(status=history.FAILED, message=message)
