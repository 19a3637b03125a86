"""A batch written and committed on a connection and thread of its own while the import plans
the next one on its connection, so that MariaDB's half of the work and Python's overlap on two
cores instead of taking turns.

What planning reads (the Id map, the products a batch links or updates, the SKUs it keeps
unique, the stored digests) does not see the batch still in flight. A plan therefore records
the keys it read by (catalog.products.ProductPlan.keys, catalog.offers.OfferPlan.keys), and one
that shares any with the batch written meanwhile is made again once that batch has committed
(the importer's `_flush`); a batch of another kind, a record of the classifier and the end of a
step wait for the batch in flight first. Batches still commit one at a time, in file order,
each with its position: a process killed with a batch planned and not yet written, or written
and not yet committed, leaves the job at the last committed batch, as before.

The import's advisory lock stays on the reading connection. Should that connection drop, the
step fails at its next read and returns only once the batch in flight has committed or rolled
back: no write of this step outlives it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

import pymysql

from ..db import Connection


class Writer:
    """At most one batch's write in flight. Threaded on a second connection when the import's
    connection can open one; inline on the import's own connection otherwise (a dry run's
    savepoint connection, whose one transaction a second connection could not share)."""

    def __init__(self, conn: pymysql.Connection) -> None:
        self.threaded = isinstance(conn, Connection)
        self.conn: Any = conn.sibling() if self.threaded else conn
        self._pool = ThreadPoolExecutor(1, "xc1c-writer") if self.threaded else None
        self._flight: Future | None = None
        self.what: Any = None  # what the caller said the write in flight is

    @property
    def in_flight(self) -> bool:
        return self._flight is not None

    def submit(self, write: Callable[[Any], Any], what: Any, now: bool = False) -> None:
        """Start `write(conn)`; its result (or error) is what `collect` returns (raises).
        `now`: run it in the calling thread (a write too small to be worth a thread's turn:
        an unchanged batch's marks and position)."""
        assert self._flight is None, "one batch in flight at a time"
        self.what = what
        if self._pool is not None and not now:
            self._flight = self._pool.submit(write, self.conn)
            return
        self._flight = Future()
        try:
            self._flight.set_result(write(self.conn))
        except Exception as exc:
            self._flight.set_exception(exc)

    def collect(self) -> Any:
        """Wait for the write in flight: its result, or its error raised here."""
        flight, self._flight = self._flight, None
        assert flight is not None
        return flight.result()

    def close(self) -> None:
        """Wait for a write still in flight (its outcome is the database's: committed or rolled
        back), then close the thread and the second connection."""
        if self._flight is not None:
            with contextlib.suppress(BaseException):
                self.collect()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            with contextlib.suppress(pymysql.err.MySQLError):
                self.conn.close()
