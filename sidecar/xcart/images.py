"""Product photos stored as X-Cart stores them: the file under `images/product/`, a
`product_images` row with the width, height, size, mime and hash X-Cart computes, and
needProcess = 1 so X-Cart makes its resized copies.

Files are named by their content (identical photos are stored once) and always get the
extension of the format Pillow recognised, never the uploaded name's: nothing but a real
image ever reaches the web-served directory."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pymysql
from PIL import Image, UnidentifiedImageError

from ..db import placeholders
from .schema import Schema

ENTITY_CLASS = "XLite\\Model\\Image\\Product\\Image"
FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "GIF": ("gif", "image/gif"),
           "WEBP": ("webp", "image/webp")}  # fmt: skip
MAX_PIXELS = 100_000_000  # larger is a decompression bomb, not a product photo


class NotAnImage(ValueError):
    pass


@dataclass(frozen=True)
class Picture:
    """A photo file from 1C, examined."""

    source: Path
    content_md5: str
    extension: str
    mime: str
    width: int
    height: int
    size: int

    @property
    def stored_name(self) -> str:
        return f"{self.content_md5}.{self.extension}"


def images_root(setting: str, xcart_root: Path | None) -> Path | None:
    """X-Cart's images directory: the setting, else images/ (5.4) or public/images/ (5.5)."""
    if setting.strip():
        return Path(setting.strip())
    if xcart_root is None:
        return None
    public = xcart_root / "public" / "images"
    return public if public.is_dir() else xcart_root / "images"


def examine(path: Path) -> Picture:
    md5 = hashlib.md5()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 16):
            md5.update(chunk)
    try:
        with Image.open(path) as img:
            fmt, (width, height) = img.format, img.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise NotAnImage(f"{path.name}: not an image X-Cart can show") from exc
    if fmt not in FORMATS or width * height > MAX_PIXELS:
        raise NotAnImage(f"{path.name}: {fmt} images are not accepted")
    ext, mime = FORMATS[fmt]
    return Picture(path, md5.hexdigest(), ext, mime, width, height, path.stat().st_size)


def store_file(picture: Picture, root: Path, created: list[str]) -> str:
    """Copy into images/product/ unless the same content is already there; atomic, 0644.
    A new file's name is added to `created`, so a rolled-back batch can take it away."""
    target_dir = root / "product"
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / picture.stored_name
    if not target.exists():
        fd, tmp = tempfile.mkstemp(dir=target_dir, prefix=".xc1c-")
        try:
            with os.fdopen(fd, "wb") as out, picture.source.open("rb") as src:
                shutil.copyfileobj(src, out)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)  # a full disk leaves no partial file behind
            raise
        created.append(picture.stored_name)
    return picture.stored_name


def xcart_hash(root: Path, stored_name: str) -> str:
    """X-Cart's image hash: md5(md5_file(file) . basename(file))."""
    path = root / "product" / stored_name
    file_md5 = hashlib.md5(path.read_bytes()).hexdigest()
    return hashlib.md5((file_md5 + stored_name).encode()).hexdigest()


def insert_rows(
    cur: pymysql.cursors.Cursor,
    schema: Schema,
    root: Path,
    rows: Sequence[tuple[int, int, Picture]],
    created: list[str],
) -> list[int]:
    """(product_id, position, picture) → new product_images ids, in order; files stored for
    the first time are added to `created`."""
    ids = []
    now = int(time.time())
    for product_id, position, pic in rows:
        name = store_file(pic, root, created)
        schema.insert_rows(
            cur,
            "product_images",
            [
                {
                    "product_id": product_id,
                    "orderby": position,
                    "path": name,
                    "fileName": pic.source.name[:255],
                    "storageType": "r",
                    "mime": pic.mime,
                    "size": pic.size,
                    "width": pic.width,
                    "height": pic.height,
                    "hash": xcart_hash(root, name),
                    "date": now,
                    "needProcess": 1,
                }
            ],
        )
        ids.append(cur.lastrowid)
    return ids


def delete_rows(cur: pymysql.cursors.Cursor, schema: Schema, ids: Iterable[int]) -> list[str]:
    """Remove image rows; returns their file names, to be checked by remove_unused_files()
    once the transaction has committed (a rolled-back delete must still find its file)."""
    ids = list(ids)
    if not ids:
        return []
    table = schema.table("product_images")
    cur.execute(f"SELECT DISTINCT path FROM {table} WHERE id IN ({placeholders(ids)})", ids)
    paths = [r[0] for r in cur.fetchall()]
    cur.execute(f"DELETE FROM {table} WHERE id IN ({placeholders(ids)})", ids)
    return paths


def remove_unused_files(
    cur: pymysql.cursors.Cursor, schema: Schema, root: Path | None, paths: Iterable[str]
) -> None:
    """Delete the files no product_images row of the shop refers to any more."""
    paths = list(paths)
    if root is None or not paths:
        return
    cur.execute(
        f"SELECT DISTINCT path FROM {schema.table('product_images')}"
        f" WHERE path IN ({placeholders(paths)})",
        list(paths),
    )
    used = {r[0] for r in cur.fetchall()}
    for path in set(paths) - used:
        # Only names this module wrote: <md5>.<ext>, directly in images/product/.
        if "/" not in path and path.split(".")[0].isalnum():
            (root / "product" / path).unlink(missing_ok=True)
