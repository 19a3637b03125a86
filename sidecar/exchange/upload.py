"""Files from 1C: names made safe, bodies streamed to disk and appended chunk by chunk, zip
archives unpacked with limits. Nothing is ever written outside the session's exchange
directory."""

from __future__ import annotations

import shutil
import stat
import zipfile
from pathlib import Path
from typing import BinaryIO

from ..errors import BadFileName, ImportFailed, UploadTooLarge
from ..safepath import resolve_inside, safe_relative_path

CHUNK = 64 * 1024
MAX_UNPACKED_BYTES = 8 * 1024**3
MAX_RATIO = 200  # bigger ratios are zip bombs, not 1C exports
ZIP_MAGIC = b"PK\x03\x04"


def append_upload(directory: Path, name: str, body: BinaryIO, limit: int) -> tuple[Path, int]:
    """Append one chunk from 1C to its file. A body over `limit` bytes is refused and the file
    is put back as it was, so a rejected chunk never leaves half of itself behind."""
    directory.mkdir(parents=True, exist_ok=True)
    target = resolve_inside(directory, safe_relative_path(name))
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    # Unbuffered: on a full disk nothing waits in a buffer to be flushed after the truncate.
    with target.open("ab", buffering=0) as out:
        start = out.tell()
        try:
            while chunk := body.read(CHUNK):
                written += len(chunk)
                if written > limit:
                    raise UploadTooLarge(
                        f"{name}: the upload is larger than file_limit={limit} bytes"
                    )
                view = memoryview(chunk)
                while view:
                    view = view[out.write(view) :]
        except BaseException:
            out.truncate(start)
            raise
    return target, written


def is_archive(path: Path) -> bool:
    if path.suffix.lower() == ".zip":
        return True
    with path.open("rb") as fh:
        return fh.read(4) == ZIP_MAGIC


def unpack_archives(directory: Path) -> list[str]:
    """Unpack every archive 1C uploaded into the exchange directory, then remove it. Runs at
    the first `import`, never per chunk: an archive arrives cut into file_limit parts."""
    unpacked: list[str] = []
    if not directory.is_dir():
        return unpacked
    for archive in sorted(p for p in directory.iterdir() if p.is_file() and is_archive(p)):
        _unpack(archive, directory)
        archive.unlink()
        unpacked.append(archive.name)
    return unpacked


def _unpack(archive: Path, directory: Path) -> None:
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise ImportFailed(f"{archive.name}: not a readable zip archive ({exc})") from exc
    with zf:
        entries = [i for i in zf.infolist() if not i.is_dir()]
        total = 0
        for info in entries:
            if stat.S_ISLNK(info.external_attr >> 16):
                raise ImportFailed(f"{archive.name}: entry {info.filename!r} is a symbolic link")
            try:
                safe_relative_path(info.filename)
            except BadFileName as exc:
                raise ImportFailed(f"{archive.name}: {exc}") from exc
            total += info.file_size
            if info.file_size > MAX_RATIO * max(info.compress_size, 1) + CHUNK:
                raise ImportFailed(f"{archive.name}: entry {info.filename!r} is a zip bomb")
        if total > MAX_UNPACKED_BYTES:
            raise ImportFailed(f"{archive.name}: unpacks to more than {MAX_UNPACKED_BYTES} bytes")
        for info in entries:
            target = resolve_inside(directory, safe_relative_path(info.filename))
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, target.open("wb") as out:
                # Declared sizes can lie: count what really comes out.
                copied = 0
                while chunk := src.read(CHUNK):
                    copied += len(chunk)
                    if copied > info.file_size:
                        raise ImportFailed(
                            f"{archive.name}: entry {info.filename!r} lies about its size"
                        )
                    out.write(chunk)


def clear_directory(directory: Path) -> None:
    """A new exchange starts from an empty directory."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)


def remove_directory(directory: Path) -> None:
    shutil.rmtree(directory, ignore_errors=True)
