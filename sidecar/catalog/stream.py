"""A catalog file read in a thread of its own, and the readers a step's time budget left
paused in this process (so the next step goes on where the last one stopped)."""

from __future__ import annotations

import contextlib
import queue
import threading
from collections import OrderedDict, deque
from collections.abc import Iterator
from pathlib import Path

from ..commerceml.reader import iter_records
from ..commerceml.records import Record
from ..state import jobs


class FileReader:
    """A file being read, in a thread of its own. lxml's parser must be created, used and
    freed in one thread (libxml2's name dictionaries are per thread): a paused reader resumed
    by another of gunicorn's threads corrupted memory and killed the worker. The thread parses
    ahead into a bounded queue, in chunks, and the import takes records from it on whichever
    thread 1C's call lands. `seq` counts the data records the import passed (its position)."""

    CHUNK = 64  # records handed over at once
    AHEAD = 16  # chunks parsed ahead at most

    def __init__(self, path: Path, position: int) -> None:
        self.identity = identity(path)
        self.seq = 0
        self.offset = 0  # bytes of the file read when the current chunk was handed over
        self._queue: queue.Queue = queue.Queue(maxsize=self.AHEAD)
        self._stop = threading.Event()
        self._chunk: deque[Record] = deque()
        self._ended = False
        # Whether the thread reads products and offers into records as it parses them: set by
        # the import while most items of its batches are new or changed, so their reading
        # runs while the import waits for the database; off for an unchanged export, whose
        # items are never read.
        self.read_in_place = False
        self.thread = threading.Thread(
            target=self._parse, args=(path, position), name="xc1c-reader", daemon=True
        )
        self.thread.start()

    def _parse(self, path: Path, position: int) -> None:
        chunk: list[Record] = []
        try:
            with path.open("rb") as stream:
                for record in iter_records(
                    stream, position, raw=True, read_in_place=lambda: self.read_in_place
                ):
                    chunk.append(record)
                    if len(chunk) == self.CHUNK:
                        if not self._hand(("records", chunk, stream.tell())):
                            return
                        chunk = []
                self._hand(("records", chunk, stream.tell()))
        except BaseException as exc:  # the import raises it where it reads the record
            self._hand(("error", exc, 0))
            return
        self._hand(("end", None, 0))

    def _hand(self, item: tuple) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    @property
    def records(self) -> Iterator[Record]:
        while True:
            while self._chunk:
                yield self._chunk.popleft()
            if self._ended:
                return
            kind, value, offset = self._queue.get()
            if kind == "error":
                self._ended = True
                raise value
            if kind == "end":
                self._ended = True
                return
            self._chunk.extend(value)
            self.offset = offset

    @property
    def closed(self) -> bool:
        return self._stop.is_set()

    def close(self) -> None:
        """Stop the thread (it frees its parser itself)."""
        self._stop.set()
        with contextlib.suppress(queue.Empty):
            while True:
                self._queue.get_nowait()


def identity(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


class PausedReaders:
    """Readers left where a step's time ran out, in this process. When 1C's next call for the
    job lands on the same worker, the step goes on from there instead of parsing its way back
    from the start of the file; on another worker, or after a restart, the position in the
    database is used as always."""

    LIMIT = 4

    def __init__(self) -> None:
        self._readers: OrderedDict[int, tuple[Path, FileReader]] = OrderedDict()
        self._lock = threading.Lock()  # gunicorn's threads share it

    def pause(self, job: jobs.Job, path: Path, reader: FileReader) -> None:
        with self._lock:
            self._readers[job.id] = (path, reader)
            self._readers.move_to_end(job.id)
            while len(self._readers) > self.LIMIT:
                self._readers.popitem(last=False)[1][1].close()

    def resume(self, job: jobs.Job, path: Path) -> FileReader | None:
        with self._lock:
            found = self._readers.pop(job.id, None)
        if found is None:
            return None
        kept_path, reader = found
        try:
            same = kept_path == path and reader.identity == identity(path)
        except OSError:
            same = False
        if same and reader.seq == job.position:
            return reader
        reader.close()
        return None


PAUSED = PausedReaders()
