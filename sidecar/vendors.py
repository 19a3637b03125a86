"""A multi-vendor shop's vendors with a 1C of their own: `xc1c vendor add/list/remove`, and
what doctor says of them. A vendor's exchange login is the sidecar's own (state.vendor_logins
says why); the exchange it opens is that vendor's: its catalog goes to that vendor's goods in a
space of its own (state.CATALOG_SPACE), sale/query gives that vendor's orders, its documents
change that vendor's orders only."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import click
import pymysql

from .config import load_config
from .db import connect, transaction
from .errors import XC1CError
from .settings import read_settings
from .state import spaces, vendor_logins
from .xcart import vendors as xc_vendors
from .xcart.schema import Schema


@dataclass(frozen=True)
class VendorCheck:
    ok: bool
    what: str
    fix: str = ""


def add_login(conn: pymysql.Connection, prefix: str, login: str, vendor: str, password: str) -> int:
    """Give a vendor (named by its X-Cart login or profile id) an exchange login; its id."""
    schema = Schema(conn, prefix)
    if not schema.supports("multivendor"):
        raise XC1CError("this shop has no XC\\MultiVendor module: it has no vendors")
    if not password:
        raise XC1CError("a vendor's exchange needs a password")
    if login == str(read_settings(conn, prefix)["login"]):
        raise XC1CError(f"{login!r} is the store owner's exchange login")
    with transaction(conn) as cur:
        profile = xc_vendors.vendor_profile(cur, schema, vendor)
    if profile is None:
        raise XC1CError(f"no vendor {vendor!r} in the shop (a vendor's login or profile id)")
    vendor_logins.add(conn, prefix, login, profile, password)
    spaces.create_space(conn, prefix, profile)
    return profile


def checks(conn: pymysql.Connection, prefix: str, schema: Schema) -> Iterator[VendorCheck]:
    """Each vendor login and whether its vendor is still one (doctor)."""
    logins = vendor_logins.all_logins(conn, prefix)
    if not logins:
        return
    if not schema.supports("multivendor"):
        yield VendorCheck(
            False,
            f"{len(logins)} vendor exchange login(s), but the shop has no XC\\MultiVendor",
            "remove them: xc1c vendor remove LOGIN",
        )
        return
    with transaction(conn) as cur:
        made = set(spaces.spaces(cur, prefix))
        for v in logins:
            present = xc_vendors.vendor_profile(cur, schema, str(v.vendor_id)) == v.vendor_id
            yield VendorCheck(
                present,
                f"exchange login {v.login!r} belongs to vendor {v.vendor_id}: its goods and"
                " its orders only",
                f"the vendor is gone: xc1c vendor remove {v.login}",
            )
            if v.vendor_id not in made:
                yield VendorCheck(
                    False,
                    f"vendor {v.vendor_id} has no catalog space",
                    f"give the login again: xc1c vendor add {v.login} --vendor {v.vendor_id}",
                )


@click.group("vendor")
def vendor_cli() -> None:
    """Exchange logins of vendors with a 1C of their own (multi-vendor shops)."""


def _connect() -> tuple[pymysql.Connection, str]:
    try:
        cfg = load_config()
    except XC1CError as exc:
        raise click.ClickException(str(exc)) from exc
    return connect(cfg.db), cfg.table_prefix


@vendor_cli.command("add")
@click.argument("login")
@click.option("--vendor", required=True, help="The vendor: its X-Cart login or profile id.")
@click.password_option(help="The exchange password 1C of the vendor will use.")
def vendor_add(login: str, vendor: str, password: str) -> None:
    """Give a vendor an exchange login (a new password when the login exists)."""
    conn, prefix = _connect()
    try:
        profile = add_login(conn, prefix, login, vendor, password)
    except XC1CError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        conn.close()
    click.echo(f"exchange login {login!r} belongs to vendor {profile}")


@vendor_cli.command("list")
def vendor_list() -> None:
    conn, prefix = _connect()
    try:
        for v in vendor_logins.all_logins(conn, prefix):
            click.echo(f"{v.login}\tvendor {v.vendor_id}")
    finally:
        conn.close()


@vendor_cli.command("remove")
@click.argument("login")
def vendor_remove(login: str) -> None:
    conn, prefix = _connect()
    try:
        removed = vendor_logins.remove(conn, prefix, login)
    finally:
        conn.close()
    if not removed:
        raise click.ClickException(f"no vendor exchange login {login!r}")
    click.echo(f"removed vendor exchange login {login!r}")
