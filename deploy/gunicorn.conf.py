"""Gunicorn configuration shared by `make serve-prod`, the systemd unit, the Procfile and `make bench`.

Every value can be overridden from the environment, so one file serves a laptop and a server.
Sync workers by default: each worker process takes one request at a time from the shared socket,
so requests spread over all workers and cores. Our pages spend their time in Python, not waiting,
so threads add nothing but the GIL; and with gthread workers a keep-alive client (the load test,
or a proxy's upstream keep-alive) stays pinned to the worker that accepted its connection, which
`make bench` showed as all load on one core (docs/performance.md). nginx in front buffers slow
clients, which is what sync workers need. GUNICORN_THREADS > 1 switches to gthread workers.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Restart a worker after this many requests (with jitter) so slow leaks cannot accumulate.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Load the application once in the master, then fork: faster start, shared memory pages.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() in {"1", "true", "yes", "on"}
# The proxy in front (nginx, a load balancer) sets X-Forwarded-Proto; trust it only from these.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# /dev/shm keeps the worker heartbeat off a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
proc_name = "kok-learn"


def post_fork(server, worker):
    # Connections opened in the master (preload_app) must not be shared with the workers.
    from django.db import connections

    connections.close_all()


# gunicorn >= 25.1 opens a control socket under $HOME by default. Several instances on one
# machine (web, `make bench`) would fight over it, and systemd's reload (HUP) does the same job;
# set GUNICORN_CONTROL_SOCKET to a path to have one.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
