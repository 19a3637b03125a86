"""File names from 1C made safe: relative, inside the exchange directory, no hidden or
executable names. Used for uploads, zip entries and the pictures an XML refers to."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from .errors import BadFileName

MAX_NAME_BYTES = 255
MAX_PATH_BYTES = 1024

# Extensions a web server might execute or obey if the file ever became reachable.
_FORBIDDEN = re.compile(
    r"\.(php\d?|phtml|pht|phar|cgi|pl|py|sh|bash|asp|aspx|jsp|shtml|htaccess|htpasswd|ini)(\.|$)",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def without_onec_folder(name: str) -> str:
    """A name with 1C's own exchange folder in front, read relative to that folder. 1C names a
    picture by cutting its folder off the picture's full path as text
    (ПодготовитьИмяФайлаДляСервера); on Linux, when the folder is spelt otherwise (a doubled
    slash), nothing is cut and `/tmp/…/webdata/import_files/ab/x.jpg` is sent. As 1C-Bitrix
    does ("for 1c server on linux"), `/tmp/` is dropped, and with it everything up to and
    including the folder 1C writes in (`webdata`, УНФ's `webdata - <node>_<n>`);
    `upload/1c/webdata/` is dropped too. What remains is checked like any other name."""
    unified = name.replace("\\", "/")
    if unified.startswith("upload/1c/webdata/"):
        return unified[len("upload/1c/webdata/") :]
    if not unified.startswith("/tmp/"):
        return name
    parts = unified[len("/tmp/") :].split("/")
    for i, part in enumerate(parts):
        if part == "webdata" or part.startswith("webdata - "):
            return "/".join(parts[i + 1 :])
    return "/".join(parts)


def safe_relative_path(name: str) -> PurePosixPath:
    """The relative path a 1C file name stands for, or BadFileName. Sub-folders are kept:
    pictures come as `import_files/ab/<guid>.jpg` and the XML refers to them so; 1C's own
    folder in front is dropped (without_onec_folder)."""
    if not name or _CONTROL.search(name):
        raise BadFileName(f"file name {name!r} is empty or has control characters")
    unified = without_onec_folder(name).replace("\\", "/")
    if unified.startswith("/") or re.match(r"^[A-Za-z]:", unified):
        raise BadFileName(f"file name {name!r} is an absolute path")
    parts = [p for p in unified.split("/") if p not in ("", ".")]
    if not parts:
        raise BadFileName(f"file name {name!r} names no file")
    for part in parts:
        if part == "..":
            raise BadFileName(f"file name {name!r} leaves the exchange directory")
        if part.startswith("."):
            raise BadFileName(f"file name {name!r} has a hidden component")
        if _FORBIDDEN.search(part):
            raise BadFileName(f"file name {name!r} has a forbidden extension")
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            raise BadFileName(f"file name {name[:60]!r}… is too long")
    path = PurePosixPath(*parts)
    if len(str(path).encode("utf-8", "surrogatepass")) > MAX_PATH_BYTES:
        raise BadFileName(f"file name {name[:60]!r}… is too long")
    return path


def resolve_inside(base: Path, relative: PurePosixPath) -> Path:
    """`base/relative`, refusing anything (a symlink included) that resolves outside base."""
    root = base.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise BadFileName(f"file name {str(relative)!r} leaves the exchange directory")
    return target
