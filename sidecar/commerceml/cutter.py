"""Products and offers cut out of a catalog file's bytes before lxml sees them.

An unchanged product costs the import nothing but its digest, so an unchanged export's time
is the time spent reading the file. Parsing each item's XML only to hash it again cost more
than the parse itself; here each `<Товар>` and `<Предложение>` is found in the raw bytes
(C-speed searches), hashed as it stands and handed over as bytes, and lxml is fed a one-line
placeholder in its place that keeps the element's position, its parent and every line number
of the file. An item is parsed only when it has to be written (`reader.build`).

Only what is certain is cut: a file in UTF-8 or windows-1251, items whose tag has no
namespace prefix, with no item of the same name nested inside; comments, CDATA and
processing instructions are stepped over, never searched for tags. Anything else — another
encoding, a prefix, a nested item, a start tag that does not parse, an item over 16 MB —
hands the rest of the file to lxml unchanged, and the items come parsed as before."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import BinaryIO
from xml.sax.saxutils import quoteattr

from lxml import etree

CHUNK = 1 << 20  # bytes read from the file at once
MAX_ITEM = 16 << 20  # an item larger than this is left to lxml
# Bytes of items handed to lxml at once: lxml holds the GIL while it parses what it is fed,
# and the import's thread must not wait long for it when MariaDB answers.
FEED = 32 << 10
ITEMS = ("Товар", "Предложение")
SLOT = "xc1c-slot"  # the placeholder's attribute: where the item's bytes wait
WRAPPER = "xc1c-item"  # the element `reader.build` parses a cut item inside
WRAPPER_END = f"</{WRAPPER}>".encode()

_ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "windows-1251": "cp1251", "cp1251": "cp1251"}
_DECLARATION = re.compile(rb"\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
# What ends a comment, a CDATA section and a processing instruction: their content is text.
_TERMINATORS = {b"!--": b"-->", b"![CDATA[": b"]]>", b"?": b"?>"}
_SPECIAL = rb"!--|!\[CDATA\[|\?"


class _Unsure(Exception):
    """The bytes are not what the cutter is certain of: lxml reads the rest."""


class Cutter:
    """Finds whole items in a buffer of the file's bytes, in one encoding."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        names = [name.encode(encoding) for name in ITEMS]
        alternatives = b"|".join(re.escape(n) for n in names)
        self.open = re.compile(
            rb"<(?:(?P<item>" + alternatives + rb")(?=[\s>/])|(?P<special>" + _SPECIAL + rb"))"
        )
        attribute = rb"\s+[^\s=<>/\"']+\s*=\s*(?:\"[^\"<]*\"|'[^'<]*')"
        self.start_tag = {
            n: re.compile(rb"<" + re.escape(n) + rb"(?:" + attribute + rb")*\s*(/?)>")
            for n in names
        }
        self.inner = {
            n: re.compile(
                rb"<(?:(?P<nested>"
                + re.escape(n)
                + rb")(?=[\s>/])|(?P<special>"
                + _SPECIAL
                + rb"))"
            )
            for n in names
        }
        self.end_tag = {n: re.compile(rb"</" + re.escape(n) + rb"\s*>") for n in names}
        self.longest = max(len(n) for n in names) + 2
        id_tag, picture = "Ид".encode(encoding), "Картинка".encode(encoding)
        self.first_id = re.compile(rb"<[^>]*>\s*<" + id_tag + rb">([^<&]*)</" + id_tag + rb">")
        self.picture_tag = b"<" + picture
        self.picture = re.compile(rb"<" + picture + rb">([^<&]*)</" + picture + rb">")

    @classmethod
    def for_head(cls, head: bytes) -> Cutter | None:
        """A cutter for the file whose first bytes are `head`, if its encoding is one the
        cutter knows (XML's default is UTF-8; UTF-16 is left to lxml)."""
        if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
            return None
        found = _DECLARATION.match(head)
        name = found.group(1).decode("ascii").lower() if found else "utf-8"
        encoding = _ENCODINGS.get(name)
        return cls(encoding) if encoding else None

    def find(self, buf: bytes, pos: int, eof: bool) -> tuple[int, int, bytes] | int:
        """The next item at or after `pos`: (start, end, name); or, when the buffer holds no
        whole item, the offset before which no item starts (what may be fed to lxml now).
        Raises _Unsure at what the cutter will not cut."""
        while True:
            m = self.open.search(buf, pos)
            if m is None:
                if eof:
                    return len(buf)
                # a tag cut by the buffer's end waits for the next read
                partial = buf.rfind(b"<", max(pos, len(buf) - self.longest))
                return partial if partial >= 0 else len(buf)
            if m.group("special"):
                pos = self._after(buf, m, eof)
                if pos < 0:
                    return m.start()
                continue
            start, name = m.start(), m.group("item")
            tag = self.start_tag[name].match(buf, start)
            if tag is None:
                if not eof and buf.find(b">", start) < 0:
                    return start
                raise _Unsure
            if tag.group(1):  # <Товар/>: an empty item
                return start, tag.end(), name
            end = self._end(buf, tag.end(), name, eof)
            if end < 0:
                return start
            return start, end, name

    def _end(self, buf: bytes, pos: int, name: bytes, eof: bool) -> int:
        """The offset after the item's end tag, or -1 when the buffer ends before it."""
        closing = b"</" + name
        while True:
            e = buf.find(closing, pos)
            if e < 0:
                return self._short(eof)
            inner = self.inner[name].search(buf, pos, e)
            if inner is None:
                tag = self.end_tag[name].match(buf, e)
                if tag is not None:
                    return tag.end()
                after = buf[e + len(closing) : e + len(closing) + 1]
                if after and after not in b" \t\r\n>":  # </Товары>: another element's end
                    pos = e + len(closing)
                    continue
                if not eof and buf.find(b">", e) < 0:
                    return -1
                raise _Unsure
            if inner.group("nested"):
                raise _Unsure
            pos = self._after(buf, inner, eof)
            if pos < 0:
                return -1

    def _after(self, buf: bytes, special: re.Match, eof: bool) -> int:
        """The offset after the comment, CDATA or processing instruction `special` opens."""
        terminator = _TERMINATORS[special.group("special")]
        t = buf.find(terminator, special.end())
        if t < 0:
            return self._short(eof)
        return t + len(terminator)

    @staticmethod
    def _short(eof: bool) -> int:
        if eof:
            raise _Unsure
        return -1

    def plain_id(self, item: bytes) -> str | None:
        """The item's Ид when it is its first child and plain text; else None (parse it)."""
        found = self.first_id.match(item)
        try:
            return found.group(1).decode(self.encoding).strip() if found else None
        except UnicodeDecodeError:  # lxml's parse says where
            return None

    def plain_pictures(self, item: bytes) -> tuple[str, ...] | None:
        """The item's pictures when each is plain text; else None (parse it)."""
        if self.picture_tag not in item:
            return ()
        found = self.picture.findall(item)
        if len(found) != item.count(self.picture_tag):
            return None
        try:
            names = [name.decode(self.encoding).strip() for name in found]
        except UnicodeDecodeError:  # lxml's parse says where
            return None
        return tuple(name for name in names if name)

    def marked(self, name: bytes, slot: int) -> bytes:
        """The start of an item's start tag, with the slot as its first attribute."""
        return b"<" + name + f' {SLOT}="{slot}"'.encode()

    def placeholder(self, name: bytes, slot: int, lines: int) -> bytes:
        """The element lxml gets instead of the item: the same name, on the item's first line,
        and the item's line breaks after it."""
        return self.marked(name, slot) + b"/>" + b"\n" * lines

    def head(self, namespaces: dict[str | None, str] | None) -> bytes:
        """What `reader.build` puts before a cut item (and WRAPPER's end after it) to parse it
        as a document of its own, with the file's encoding and namespaces."""
        declared = "".join(
            f" xmlns{':' + prefix if prefix else ''}={quoteattr(uri)}"
            for prefix, uri in (namespaces or {}).items()
        )
        head = f'<?xml version="1.0" encoding="{self.encoding}"?><{WRAPPER}{declared}>'
        return head.encode("ascii", "xmlcharrefreplace")


class Feed:
    """(event, element) pairs of a file as lxml's pull parser makes them from what it is fed.
    With `cut`, items are cut out first (the module's docstring): their bytes wait in `cuts`
    under the placeholder's slot until the reader takes them, and leave it when the events of
    their placeholder have been handed on. While `whole()` says so (the import expects new or
    changed items and reads them where they are parsed), lxml gets each item itself, its
    start tag marked with the slot: one parse of the file instead of one per item."""

    def __init__(
        self,
        stream: BinaryIO,
        parser: etree.XMLPullParser,
        cut: bool,
        whole: Callable[[], bool] = lambda: False,
    ) -> None:
        self.stream = stream
        self.whole = whole
        self.parser = parser
        self.cut = cut
        self.cutter: Cutter | None = None
        self.cuts: dict[int, bytes] = {}
        self.namespaces: dict[str | None, str] | None = None
        self.root: etree._Element | None = None
        self._head: bytes | None = None

    @property
    def head(self) -> bytes:
        """The cutter's head for this file (cutter.head), made once."""
        if self._head is None:
            assert self.cutter is not None
            self._head = self.cutter.head(self.namespaces)
        return self._head

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        buf = self.stream.read(CHUNK)
        self.cutter = Cutter.for_head(buf) if self.cut else None
        pos, eof, slot = 0, not buf, 0
        while True:
            if self.cutter is None:
                for piece in range(pos, len(buf), FEED):
                    yield from self._feed(buf[piece : piece + FEED])
                if eof:
                    break
                buf, pos = self.stream.read(CHUNK), 0
                eof = not buf
                continue
            # lxml gets what lies between the items and the placeholders (or the items) of
            # FEED bytes of items at once
            parts: list[bytes] = []
            fed, whole = 0, self.whole()
            try:
                while isinstance(found := self.cutter.find(buf, pos, eof), tuple):
                    start, end, name = found
                    item = buf[start:end]
                    slot += 1
                    self.cuts[slot] = item
                    parts.append(buf[pos:start])
                    if whole:  # the item itself, its start tag marked with the slot
                        parts += (self.cutter.marked(name, slot), item[len(name) + 1 :])
                    else:
                        parts.append(self.cutter.placeholder(name, slot, item.count(b"\n")))
                    fed += end - pos
                    pos = end
                    if fed >= FEED:
                        yield from self._feed(b"".join(parts))
                        self.cuts.clear()
                        parts, fed, whole = [], 0, self.whole()
            except _Unsure:
                yield from self._feed(b"".join(parts))
                self.cuts.clear()
                self.cutter = None
                continue
            parts.append(buf[pos:found])
            yield from self._feed(b"".join(parts))
            self.cuts.clear()
            if eof:
                break
            rest = buf[found:]
            if len(rest) > MAX_ITEM:
                self.cutter = None
                buf, pos = rest, 0
                continue
            more = self.stream.read(CHUNK)
            buf, pos, eof = rest + more, 0, not more
        yield from self._drain(self.parser.close)

    def _feed(self, data: bytes) -> Iterator[tuple[str, etree._Element]]:
        if data:
            yield from self._drain(lambda: self.parser.feed(data))

    def _drain(self, step: Callable[[], object]) -> Iterator[tuple[str, etree._Element]]:
        root = step()  # close() returns the document's root
        if isinstance(root, etree._Element):
            self.root = root
        for event, el in self.parser.read_events():
            if self.namespaces is None:  # the root's start: what the file declares
                self.namespaces = dict(el.nsmap)
            yield event, el
