"""The X-Cart add-on package of the module (`<Author>-<Name>.<version>.tgz`), the file an admin
gives to *My add-ons → Upload add-on*. Its format is the one X-Cart's service tool writes when it
"downloads" an installed module and reads back on upload (service/src/XCart/Bus/Domain/Package.php,
Core/Archive/PharTar.php): a gzip'd tar that PHP's PharData opens, holding the module's files by
their path from the shop's root, `.hash` (JSON, path → md5 of the file) and the archive's Phar
metadata in `.phar/.metadata.bin` (PHP-serialised: the module's name, author and version in the
service tool's fields). Without that metadata the service tool refuses the file as "not a module
package", so the archive is written here byte by byte rather than by a generic tar tool."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import tarfile
import time
from pathlib import Path

import yaml

from .settings.module import MODULE_CATEGORY, MODULE_ID
from .xcart_module import ROOTS, render


def _php_serialize(value: object) -> bytes:
    """PHP's serialize() of the scalars, lists and string-keyed dicts the metadata uses."""
    if isinstance(value, bool):
        return b"b:%d;" % int(value)
    if isinstance(value, int):
        return b"i:%d;" % value
    if isinstance(value, str):
        raw = value.encode()
        return b's:%d:"%s";' % (len(raw), raw)
    if isinstance(value, list):
        value = dict(enumerate(value))
    if isinstance(value, dict):
        items = b"".join(_php_serialize(k) + _php_serialize(v) for k, v in value.items())
        return b"a:%d:{%s}" % (len(value), items)
    raise TypeError(f"no PHP form for {type(value).__name__}")


def module_files(xcart: str) -> dict[str, bytes]:
    """The module's files for one X-Cart line, by their path from the shop's root."""
    prefix = f"{xcart}/"
    return {
        str(path)[len(prefix):]: text.encode()
        for path, text in render().items()
        if str(path).startswith(prefix)
    }  # fmt: skip


def main_yaml_path(xcart: str) -> str:
    root = str(ROOTS[xcart]).split("/", 1)[1]
    return f"{root}/main.yaml" if xcart == "5.4" else f"{root}/config/main.yaml"


def metadata(files: dict[str, bytes], xcart: str, revision_date: int) -> dict[str, object]:
    """The service tool's package metadata (Module::toPackageMetadata), from the main.yaml among
    `files`: version `5.4.050.0` is VersionMajor '5.4', VersionMinor 50, VersionBuild 0."""
    main = yaml.safe_load(files[main_yaml_path(xcart)])
    system, major, minor, build = (int(part) for part in str(main["version"]).split("."))
    return {
        "RevisionDate": revision_date,
        "ActualName": MODULE_CATEGORY,
        "VersionMinor": minor,
        "VersionMajor": f"{system}.{major}",
        "VersionBuild": build,
        "MinCoreVersion": int(main["minorRequiredCoreVersion"]),
        "Name": main["moduleName"],
        "Author": main["authorName"],
        "IconLink": "",
        "Description": main["description"],
        "Dependencies": [],
        "isSystem": False,
    }


def file_name(meta: dict[str, object]) -> str:
    """`Xc1c-Exchange.5.4.50.0.tgz`: the name the service tool gives the package it keeps."""
    version = f"{meta['VersionMajor']}.{meta['VersionMinor']}.{meta['VersionBuild']}"
    return f"{MODULE_ID}.{version}.tgz"


def pack(files: dict[str, bytes], xcart: str, out_dir: Path,
         revision_date: int | None = None) -> Path:  # fmt: skip
    """Write the package of `files` (path from the shop's root → content) into `out_dir`."""
    stamp = int(time.time()) if revision_date is None else revision_date
    meta = metadata(files, xcart, stamp)
    hashes = {path: hashlib.md5(data).hexdigest() for path, data in sorted(files.items())}
    entries = [(path, data, 0o666, stamp) for path, data in sorted(files.items())]
    # PharTar::pack's order: the files, the archive's metadata, then .hash
    entries.append((".phar/.metadata.bin", _php_serialize(meta), 0, 0))
    entries.append((".hash", json.dumps(hashes).encode(), 0o666, stamp))
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for path, data, mode, mtime in entries:
            info = tarfile.TarInfo(path)
            info.size, info.mode, info.mtime = len(data), mode, mtime
            tar.addfile(info, io.BytesIO(data))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / file_name(meta)
    target.write_bytes(gzip.compress(raw.getvalue(), mtime=stamp))
    return target
