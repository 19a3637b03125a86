"""The WSGI entry point gunicorn loads (`sidecar.app:create_app()`); the app is sidecar.web."""

from .web import create_app

__all__ = ["create_app"]
