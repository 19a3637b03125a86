"""gunicorn settings for the sidecar: `xc1c serve` and the systemd unit use this file."""

import multiprocessing
import os

bind = os.environ.get("XC1C_BIND", "127.0.0.1:8080")
workers = int(os.environ.get("XC1C_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "sync"
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
