"""Every string 1C reads from us. 1C looks only at the first line (success / progress /
failure) and shows the rest in its exchange log; anything else, an empty body or an HTML page,
is reported as a server error. See ../shared/reference/commerceml.md §2.9."""

from __future__ import annotations

from flask import Response

SUCCESS = "success"
PROGRESS = "progress"  # 1C repeats the identical request
FAILURE = "failure"  # 1C stops the exchange and shows the following lines

# checkauth: line 2-3 are the cookie 1C sends back on every later call; line 4 is appended by
# newer 1C to every later URL verbatim (`&sessid=…`); line 5 is the site's clock, echoed back
# by `deactivate&timestamp=`.
COOKIE_NAME = "xc1c_session"

# No charset games: UTF-8 declared in the header, which every 1C platform since 8.2 honours.
CONTENT_TYPE = "text/plain; charset=utf-8"


def _reply(lines: list[str], status: int = 200) -> Response:
    body = "\n".join(line.replace("\r", " ").replace("\n", " ") for line in lines)
    return Response(body, status=status, content_type=CONTENT_TYPE)


def success(*lines: str) -> Response:
    return _reply([SUCCESS, *lines])


def progress(*lines: str) -> Response:
    return _reply([PROGRESS, *lines])


def failure(reason: str, status: int = 200) -> Response:
    return _reply([FAILURE, reason], status)


def checkauth(token: str, timestamp: int) -> Response:
    return _reply([SUCCESS, COOKIE_NAME, token, f"sessid={token}", f"timestamp={timestamp}"])


def init(zip_allowed: bool, file_limit: int, sessid: str | None, version: str | None) -> Response:
    lines = [f"zip={'yes' if zip_allowed else 'no'}", f"file_limit={file_limit}"]
    if version:
        # Newer 1C sends version= and expects the session and the version we speak back.
        lines += [f"sessid={sessid}", f"version={version}"]
    return _reply(lines)
