"""gunicorn settings for Petition Helper: `make serve`, or `gunicorn -c gunicorn.conf.py` (README, Deploy).

Command-line options override these (e.g. `-b 0.0.0.0:8000`); so does GUNICORN_CMD_ARGS.
"""
import os

from gunicorn.glogging import Logger

from web.logs import redact_atoms

wsgi_app = "app:create_app()"

bind = [os.environ.get("BIND", "127.0.0.1:8000")]

# CPU-bound work (checks, PDF layout) in sync workers: one per core unless WEB_CONCURRENCY says otherwise.
workers = int(os.environ.get("WEB_CONCURRENCY") or len(os.sched_getaffinity(0)))
worker_class = "sync"

# Well above the slowest legitimate request: a 200-sheet paper PDF of a draft with every field full, or an MP
# lookup waiting out Represent's 8 s timeout, on a loaded machine, take seconds. A worker stuck for a minute is
# killed and replaced (the request gets a 502 from the proxy; its draft's last save is already committed).
timeout = 60
graceful_timeout = 30

# The app is made once in the master and the workers are forked from it: start-up errors stop the server at once
# instead of a worker crash loop, and workers share the imported code. web.db drops the master's database
# connections before the fork, so no worker inherits a socket or SQLite handle.
preload_app = True

# The heartbeat file on tmpfs: a worker blocked on a slow disk is not taken for a hung one.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The app decides whether a request came over HTTPS and from whom (TRUSTED_PROXIES, ProxyFix), in one place:
# gunicorn itself trusts no X-Forwarded-* header.
secure_scheme_headers = {}
forwarded_allow_ips = ""

# No runtime control socket (gunicornc): one fixed path per user would clash between two servers on a machine.
control_socket_disable = True

accesslog = os.environ.get("ACCESS_LOG", "-")
errorlog = os.environ.get("ERROR_LOG", "-")
loglevel = os.environ.get("LOG_LEVEL", "info")
# Apache's combined format, then the time taken and the request id the app sent (X-Request-ID), which its own
# log lines carry too.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(M)sms rid=%({x-request-id}o)s'


class RedactingLogger(Logger):
    """gunicorn's logger, with private-link tokens and credential headers taken out of every access-log atom."""

    def atoms(self, resp, req, environ, request_time):
        return redact_atoms(super().atoms(resp, req, environ, request_time))


logger_class = RedactingLogger


def when_ready(server):
    """Compiled once in the master (the app is preloaded), so every worker forked from it starts with them:
    the engine's patterns and the pages' templates (web/warm.py). A worker's first request then costs what
    the next one does (its first check took about 1 s of CPU compiling the lexicons)."""
    if server.cfg.preload_app:
        from web.warm import before_fork

        before_fork(server.app.wsgi())


def post_worker_init(worker):
    """Each worker builds the PDF renderer (fonts, stylesheets, templates) as it starts, not on its first PDF
    (a PDF another worker made, a file read of a few ms, took 50 to 100 ms on a fresh worker)."""
    from web.warm import in_worker

    in_worker(worker.wsgi)
