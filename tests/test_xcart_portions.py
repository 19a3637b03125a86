"""A full export in portions against the real X-Cart shop (tests/xcart_rig.py), in overwrite
mode with delete, sent by 1C's own client re-enacted (tests/onec.py): after every portion's
session X-Cart's own ORM finds every product the export holds under its id and sells it, and
the export without one product takes exactly that one away, once its offers have come."""

from __future__ import annotations

from collections.abc import Iterable

from conftest import catalog_files
from onec import OneC, Session
from onec_files import Node
from test_portions import DRESS, without
from test_xcart_rig import PASSWORD, product_ids, shop  # noqa: F401 (shop: the fixture)
from xcart_rig import Rig

from sidecar.onec_client import http_transport


def purchasable(rig: Rig, ids: Iterable[int]) -> set[int]:
    """The products X-Cart's storefront sells (Product::isPublicAvailable)."""
    return {s["product_id"] for s in rig.php("product.php", *ids) if s.get("purchasable")}


def test_portions_never_take_a_product_off_x_carts_storefront(shop):  # noqa: F811
    rig, url, xc1c = shop
    xc1c("settings", "set", "currency_rates", "RUB = 0.011")  # the shop sells in USD
    xc1c("settings", "set", "catalog_mode", "overwrite")
    xc1c("settings", "set", "missing_action", "delete")
    bed = OneC(http_transport(url), "1c", PASSWORD, Node(portion=2))
    assert len(bed.send_catalog(catalog_files())) > 3
    ids = product_ids(rig)
    selling = purchasable(rig, ids.values())
    assert len(selling) >= 3

    def again(session: Session) -> None:
        assert product_ids(rig) == ids, session.files
        assert purchasable(rig, ids.values()) >= selling, session.files

    bed.send_catalog(catalog_files(), again)
    dress = ids[DRESS]
    assert dress in selling

    def lacking(session: Session) -> None:
        if session.files[0].startswith("import"):  # not all of the export has come
            again(session)
        else:
            assert product_ids(rig) == {k: v for k, v in ids.items() if k != DRESS}
            assert purchasable(rig, ids.values()) == selling - {dress}, session.files

    bed.send_catalog(without(catalog_files(), DRESS), lacking)
    [state] = rig.php("product.php", dress)
    assert state == {"product_id": dress, "found": False}
