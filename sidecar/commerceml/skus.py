"""The Артикулы a catalog file gives more than one product, found in one pass over its bytes.

Linking by SKU (catalog.linking) must know whether a 1C product's Артикул is another 1C
product's too, and a file's products are written in batches: a twin in a later batch would be
seen only after the first one was linked. The file's bytes are searched once for `<Артикул>`
(C-speed, no parse: the element is a product's own child in a catalog file, nowhere else),
and only the values that repeat are traced back to their products' Ид."""

from __future__ import annotations

import mmap
import re
from collections import defaultdict
from html import unescape
from pathlib import Path

from .cutter import Cutter

_BOM = b"\xef\xbb\xbf"


def repeated_skus(path: Path) -> dict[str, list[str]]:
    """Артикул → the Ид of the products holding it, for each Артикул that at least two
    products of the file hold; {} for a file in an encoding the cutter does not know."""
    with path.open("rb") as stream:
        head = stream.read(256)
        cutter = Cutter.for_head(head[len(_BOM) :] if head.startswith(_BOM) else head)
        if cutter is None or len(head) == 0:
            return {}
        enc = cutter.encoding
        with mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ) as data:
            tag, product = "Артикул".encode(enc), "Товар".encode(enc)
            sku = re.compile(rb"<" + tag + rb">([^<]*)</" + tag + rb">")
            ident = re.compile(rb"<" + "Ид".encode(enc) + rb">([^<]*)<")
            at: dict[bytes, list[int]] = defaultdict(list)
            for m in sku.finditer(data):
                value = m.group(1).strip()
                if value:
                    at[value].append(m.start())
            out: dict[str, list[str]] = {}
            for value, places in at.items():
                if len(places) < 2:
                    continue
                ids = []
                for pos in places:
                    start = max(data.rfind(b"<" + product + b">", 0, pos),
                                data.rfind(b"<" + product + b" ", 0, pos))  # fmt: skip
                    found = ident.search(data, start, pos) if start >= 0 else None
                    if found:
                        ids.append(unescape(found.group(1).decode(enc)).strip())
                ids = list(dict.fromkeys(ids))
                if len(ids) > 1:
                    out[unescape(value.decode(enc))] = ids
            return out
