"""The HTTP door of the sidecar, the flaskr way: the app factory, the request's connection
(db), who may call (auth), the exchange's (type, mode) table (exchange) and what 1C reads from
it (replies), the error handlers (errors) and the status pages (status). No exchange logic
here: that is sidecar.exchange."""

from __future__ import annotations

import logging

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from ..config import Config, load_config
from . import db, errors
from .exchange import bp as exchange_bp
from .status import bp as status_bp


def create_app(config: Config | None = None) -> Flask:
    """gunicorn calls `create_app()`; tests pass their own Config."""
    app = Flask(__name__.rpartition(".")[0])
    app.config["XC1C"] = config or load_config()
    db.init_app(app)
    errors.init_app(app)
    app.register_blueprint(exchange_bp)
    app.register_blueprint(status_bp)
    # The same pages under /xc1c/, the path the web server routes to the sidecar.
    app.register_blueprint(status_bp, url_prefix="/xc1c", name="status_routed")
    if app.config["XC1C"].trusted_proxies:
        # Behind nginx/Apache: log and rate-limit the real 1C address, not the proxy's.
        n = app.config["XC1C"].trusted_proxies
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)  # type: ignore[method-assign]

    if not logging.getLogger("xc1c").handlers and not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s"
        )
    return app
