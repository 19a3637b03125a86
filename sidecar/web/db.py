"""The request's database connection: opened on first use, closed when the request ends."""

from __future__ import annotations

import pymysql
from flask import Flask, current_app, g

from ..config import Config
from ..db import connect


def config() -> Config:
    return current_app.config["XC1C"]


def get_db() -> pymysql.Connection:
    if "conn" not in g:
        g.conn = connect(config().db)
    return g.conn


def close_db(_exc: BaseException | None = None) -> None:
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


def init_app(app: Flask) -> None:
    app.teardown_appcontext(close_db)
