"""Every expected failure is one of these; the exchange maps them to `failure` replies in one
place (web/errors.py) and the CLI to click errors, so no handler formats its own."""


class XC1CError(Exception):
    """Base of all errors the sidecar reports to a person (1C user, admin)."""


class ConfigError(XC1CError):
    """The sidecar cannot find or read its configuration."""


class ExchangeError(XC1CError):
    """A protocol call that must be answered with `failure` and the message."""

    http_status = 200


class AuthFailed(ExchangeError):
    http_status = 401


class Forbidden(ExchangeError):
    """The client's address is not allowed, or has failed to log in too often."""

    http_status = 403


class NoSession(ExchangeError):
    """No live exchange session: 1C must start again with checkauth."""


class BadRequest(ExchangeError):
    """Missing or unknown parameters, or a step out of order."""


class BadFileName(ExchangeError):
    """A file name that would leave the exchange directory or is not allowed there."""


class UploadTooLarge(ExchangeError):
    http_status = 413


class Busy(ExchangeError):
    """Another exchange holds the import lock."""


class ImportFailed(ExchangeError):
    """The file cannot be imported (bad XML, unreadable data); nothing of the failing batch
    was written."""
