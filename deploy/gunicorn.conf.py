"""gunicorn settings for the sidecar: `xc1c serve` and the systemd unit use this file."""

import os

bind = os.environ.get("XC1C_BIND", "127.0.0.1:8080")
# One process with threads: 1C's calls are sequential, and every call of an exchange then
# lands where the previous import step paused its reader, so a step goes on without parsing
# its way back through the file. Threads serve the status page and a second exchange
# meanwhile; more processes (XC1C_WORKERS) or instances also work, resuming from the database.
workers = int(os.environ.get("XC1C_WORKERS", "1"))
worker_class = "gthread"
threads = int(os.environ.get("XC1C_THREADS", "4"))
# Above the longest import step (setting step_seconds, at most 240 s) plus a margin: gunicorn
# must never kill a worker in the middle of a step.
timeout = 300
graceful_timeout = 300
keepalive = 5
# Recycle workers now and then; state lives in the database, so nothing is lost.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Never log query strings: newer 1C puts the session id in them.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(D)sus'


def post_worker_init(worker):
    """Each worker sweeps for catalog uploads 1C never asked to import (its node does not wait
    for the import); a database lock lets one sweep at a time work."""
    from sidecar.exchange.pending import start_sweeper

    start_sweeper(worker.wsgi.config["XC1C"])
