"""Waiting for a server a test started: polled until it answers, not slept for."""

from __future__ import annotations

import subprocess
import time
import urllib.request


def wait_until_up(
    url: str, proc: subprocess.Popen, seconds: float, pause: float, request_timeout: float = 1
) -> bool:
    """Whether `url` answered 200 before `proc` exited or `seconds` passed."""
    deadline = time.monotonic() + seconds
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=request_timeout) as r:
                if r.status == 200:
                    return True
        except OSError:
            time.sleep(pause)
    return False
