"""What the logs may say: no private link's token, and the request id of every line written during a request.

Edit and review tokens live in URL paths (/d/<token>/..., /r/<token>/...), so any line that quotes a path (Flask's
"Exception on /d/<token>/review [POST]", werkzeug's and gunicorn's access lines, an exception message) would hand
out edit rights to whoever reads the logs. The redaction happens when a log record is created, for every logger in
the process, so no handler, formatter or third-party library can print the raw token; gunicorn's access log goes
through the logger class in gunicorn.conf.py, which redacts its atoms with `redact_atoms`.
"""
from __future__ import annotations

import logging
import re
import uuid

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler

REDACTED = "[redacted]"
# /d/<edit token> and /r/<review token>, wherever they appear: a path, a full URL, a Referer, a message.
# Any segment there is redacted, a mistyped token included (it is one typo away from a real one).
_TOKEN_IN_PATH = re.compile(r"(/[dr]/)[^/\s?#\"'<>()\[\]{},;]+")

REQUEST_ID_HEADER = "X-Request-ID"
# An incoming id is kept when it looks like one a proxy or load balancer makes (UUIDs, hex, base64url);
# anything else, such as a line break or a very long value, would let a client forge or flood log lines.
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")
NO_REQUEST_ID = "-"

LOG_FORMAT = "[%(asctime)s] %(levelname)s in %(module)s [%(request_id)s]: %(message)s"


def redact(text: str) -> str:
    """`text` with every private-link token replaced by [redacted] (the step or file name after it is kept)."""
    if "/d/" not in text and "/r/" not in text:
        return text
    return _TOKEN_IN_PATH.sub(r"\1" + REDACTED, text)


# ----- request ids -------------------------------------------------------------------------------

def request_id() -> str:
    """This request's id: a sane incoming X-Request-ID (from a proxy), else a new one; the same all request long."""
    if not has_request_context():
        return NO_REQUEST_ID
    rid = g.get("request_id")
    if rid is None:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        rid = incoming if _SANE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        g.request_id = rid
    return rid


def _send_request_id(response):
    response.headers[REQUEST_ID_HEADER] = request_id()
    return response


# ----- log records -------------------------------------------------------------------------------

_base_factory = None


def _redacting_record_factory(*args, **kwargs) -> logging.LogRecord:
    record = _base_factory(*args, **kwargs)
    try:
        message = record.getMessage()
    except Exception:
        # A record whose arguments do not fit its format: logging reports that itself when it emits.
        message = None
    if message is not None:
        record.msg, record.args = redact(message), ()
    if record.exc_info and not record.exc_text:
        # Formatted now so the traceback (exception messages can quote a URL) is redacted too;
        # Formatter.format uses exc_text as it is when it is set.
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    record.request_id = request_id()
    return record


def install_record_factory() -> None:
    """Redact every log record of this process and tag it with the request id (once per process)."""
    global _base_factory
    if _base_factory is not None:
        return
    _base_factory = logging.getLogRecordFactory()
    logging.setLogRecordFactory(_redacting_record_factory)


class _RequestIdFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "request_id"):  # a record made without the factory (logging.makeLogRecord)
            record.request_id = NO_REQUEST_ID
        return super().format(record)


def init_app(app: Flask) -> None:
    install_record_factory()
    # Flask's own handler (used when nothing else configured logging, as under gunicorn) shows the request id.
    default_handler.setFormatter(_RequestIdFormatter(LOG_FORMAT))
    app.after_request(_send_request_id)


# ----- access logs -------------------------------------------------------------------------------

# Request and response headers that carry credentials of their own: never in an access-log line, whatever the
# format says (gunicorn's atoms are named {header}i, {header}o and {environ key}e).
SECRET_ATOMS = frozenset({"{cookie}i", "{authorization}i", "{x-csrftoken}i", "{set-cookie}o", "{http_cookie}e",
                          "{http_authorization}e", "{http_x_csrftoken}e"})


def redact_atoms(atoms: dict) -> dict:
    """A gunicorn access-log atom dict with tokens redacted and credential headers dropped."""
    return {
        key: "-" if key in SECRET_ATOMS else (redact(value) if isinstance(value, str) else value)
        for key, value in atoms.items()
    }
