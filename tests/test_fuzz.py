"""Property-based fuzzing (hypothesis) of what reads untrusted input: the catalog and orders
readers must either read a file or refuse it with CommerceMLError, never fail otherwise; the
file-name rules must never let a name out of the exchange directory or past the blacklist.
Kept brief (a few hundred cases each) so that it runs in every CI build."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sidecar.commerceml.documents import iter_documents
from sidecar.commerceml.reader import CommerceMLError, iter_records
from sidecar.errors import BadFileName
from sidecar.safepath import _FORBIDDEN, resolve_inside, safe_relative_path

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CATALOG = (DATA / "catalog" / "import.xml").read_bytes()
OFFERS = (DATA / "catalog" / "offers.xml").read_bytes()
ORDERS = (DATA / "orders" / "from-1c.xml").read_bytes()


@st.composite
def mutated(draw, seeds: tuple[bytes, ...]) -> bytes:
    """A real file with a few bytes flipped, cut out, repeated or inserted."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat"]))
        if op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(
                [b"<", b"&", b"]]>", b"<!DOCTYPE x>", b"\x00", "Ид".encode(), b"\xff\xfe",
                 "<Товар><Ид>x</Ид></Товар>".encode(), b"<?xml version='1.0'?>"]
            ))  # fmt: skip
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 500))]
    return bytes(data)


def read_all(reader, data: bytes) -> None:
    try:
        for _ in reader(io.BytesIO(data)):
            pass
    except CommerceMLError:
        pass


@FUZZ
@given(st.one_of(mutated((CATALOG, OFFERS)), st.binary(max_size=2000)))
def test_the_catalog_reader_reads_or_refuses(data):
    read_all(iter_records, data)


@FUZZ
@given(st.one_of(mutated((ORDERS,)), st.binary(max_size=2000)))
def test_the_orders_reader_reads_or_refuses(data):
    read_all(iter_documents, data)


NAME_PARTS = st.sampled_from(
    ["..", ".", "", "a", "import_files", "x.php", "y.PhTmL", ".htaccess", "C:", "\\", "/",
     "\x00", "Картинка.jpg", "a.jpg", "b.php.jpg", "~", "%2e%2e", "..\\..", " .."]
)  # fmt: skip


@FUZZ
@given(st.one_of(
    st.lists(NAME_PARTS, max_size=8).map("/".join),
    st.lists(NAME_PARTS, max_size=8).map("".join),
    st.text(max_size=300),
))  # fmt: skip
def test_a_file_name_never_leaves_the_exchange_directory(tmp_path_factory, name):
    base = tmp_path_factory.getbasetemp() / "exchange"
    try:
        relative = safe_relative_path(name)
    except BadFileName:
        return
    assert not relative.is_absolute() and ".." not in relative.parts
    assert not any(part.startswith(".") or _FORBIDDEN.search(part) for part in relative.parts)
    target = resolve_inside(base, relative)
    assert base.resolve() in target.parents
    assert isinstance(target, Path)


@FUZZ
@given(st.one_of(mutated((CATALOG, OFFERS)), st.binary(max_size=2000)))
def test_items_cut_from_the_bytes_read_as_the_whole_file_does(data):
    """The import cuts products and offers from the bytes and parses each alone: whatever
    the bytes, it reads what the whole file's parse reads, or refuses the file."""
    from sidecar.commerceml.reader import build
    from sidecar.commerceml.records import Invalid, Offer, Product, Raw

    try:
        whole = [
            r for r in iter_records(io.BytesIO(data)) if isinstance(r, Product | Offer | Invalid)
        ]
    except CommerceMLError:
        whole = None
    try:
        cut = [build(r) for r in iter_records(io.BytesIO(data), raw=True) if isinstance(r, Raw)]
    except CommerceMLError:
        cut = None
    if whole is not None:
        assert cut == whole
