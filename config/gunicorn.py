"""Gunicorn settings of an app node: `gunicorn -c config/gunicorn.py config.wsgi`.

Every value can be overridden with the usual GUNICORN_CMD_ARGS or on the command line. The node
keeps no state of its own (docs/deployment.md): any number of them can run behind the proxy.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = 60  # exports (PDF, DOCX) of a large plan take a few seconds, imports run in the worker
graceful_timeout = 30
keepalive = 5
max_requests = 2000  # recycle workers now and then
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = None  # the app logs every request as JSON with its request id
errorlog = "-"
loglevel = "info"
preload_app = False
