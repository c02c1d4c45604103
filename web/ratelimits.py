"""Per-client rate limits (Flask-Limiter): drafts created, saves, sponsors' answers, PDFs and MP lookups.

One client (one IP address; behind a proxy, the address the proxy reports once ProxyFix trusts it) may
create so many drafts, save so often, and so on. The numbers are set so that an organizer working for real
never meets them (a day of steady editing is a few hundred saves), while a script cannot fill the database
or keep the PDF renderer busy. Each is a setting (LIMITS below; `FLASK_RATELIMIT_SAVE="..."` etc. in the
environment) in Flask-Limiter's notation ("60 per minute;600 per hour"); LIMITED_ENDPOINTS says which requests
count against which.

Counters live in RATELIMIT_STORAGE_URI: `memory://` (the default) counts in each process, which is right for
`flask run`; with several gunicorn workers or machines set it to a Redis URL (`redis://host:6379/0`) so all of
them count together. If the storage cannot be reached the request goes through (logged): a Redis outage must
not stop people saving their text.

A refused POST is never a lost POST: the page is shown again with what was typed still in its fields, a plain
message saying when to try again, status 429 and a Retry-After header (drafting and sponsors register the
pages they can re-show; any other form gets a page holding every field sent, in a form that sends it again).
"""
from __future__ import annotations

import math
import os
import time
from typing import Callable

from flask import Flask, current_app, render_template, request
from flask_babel import gettext, ngettext
from flask_limiter import Limiter, RateLimitExceeded
from flask_limiter.util import get_remote_address
from werkzeug.exceptions import HTTPException

from forms.sponsors import STEP_LOOKUP_BUTTON

# The one place for the numbers. Generous on purpose: see the module docstring.
LIMITS = {
    # POST / : a new draft. A workshop behind one address may start a few dozen in an evening.
    "RATELIMIT_NEW_DRAFT": "30 per hour;100 per day",
    # Every POST that saves a draft (a step, a clause button, a suggestion, "ready", the Members list, dates).
    "RATELIMIT_SAVE": "60 per minute;1000 per hour",
    # The sponsor's answer through the review link.
    "RATELIMIT_ANSWER": "10 per minute;60 per hour",
    # PDF downloads: each costs the renderer up to a few seconds of CPU.
    "RATELIMIT_PDF": "20 per minute;200 per hour",
    # Checks of text as typed (the live panel, /api/check): one per typing pause, so a few a minute per person;
    # a paper draft's check lays out its sheet. Room for a workshop of a dozen people behind one address.
    "RATELIMIT_CHECK": "120 per minute;3000 per hour",
    # MP lookups by postal code (Represent itself allows 60 a minute for the whole site).
    "RATELIMIT_MP_LOOKUP": "20 per minute;200 per hour",
}

# Which requests count against which limit: endpoint -> (setting, methods; None = every method).
LIMITED_ENDPOINTS = {
    "drafting.start": ("RATELIMIT_NEW_DRAFT", ["POST"]),
    "drafting.step": ("RATELIMIT_SAVE", ["POST"]),
    "drafting.apply_suggestion": ("RATELIMIT_SAVE", None),
    "drafting.mark_ready": ("RATELIMIT_SAVE", None),
    "drafting.second_step": ("RATELIMIT_SAVE", ["POST"]),
    "drafting.second_version": ("RATELIMIT_SAVE", ["POST"]),
    "drafting.remove_second_version": ("RATELIMIT_SAVE", None),
    "sponsors.choices": ("RATELIMIT_SAVE", ["POST"]),
    "sponsors.move_choice": ("RATELIMIT_SAVE", None),
    "mp_lookup.use_member": ("RATELIMIT_SAVE", None),
    "timeline.timeline": ("RATELIMIT_SAVE", ["POST"]),
    "answers.answer": ("RATELIMIT_ANSWER", ["POST"]),
    "handoff.mark_sent": ("RATELIMIT_SAVE", None),
    "drafting.copy": ("RATELIMIT_NEW_DRAFT", None),
    "drafting.panel": ("RATELIMIT_CHECK", None),
    "drafting.second_panel": ("RATELIMIT_CHECK", None),
    "drafting.start_panel": ("RATELIMIT_CHECK", None),
    "api.check": ("RATELIMIT_CHECK", None),
    "api.mp": ("RATELIMIT_MP_LOOKUP", None),
    "mp_lookup.lookup": ("RATELIMIT_MP_LOOKUP", None),
    "downloads.review": ("RATELIMIT_PDF", None),
    "downloads.sponsor_review": ("RATELIMIT_PDF", None),
    "downloads.paper": ("RATELIMIT_PDF", None),
    "downloads.cover_letter": ("RATELIMIT_PDF", None),
    "downloads.volunteer_instructions": ("RATELIMIT_PDF", None),
}

# A postal-code lookup posted with the addressee step's fields (no JavaScript) counts as a lookup too, besides
# the step's own limit: no one client spends the site's 60 Represent calls a minute through the step.
LOOKUPS_IN_STEPS = ("drafting.step", "drafting.second_step")

_EXTENSION = "petition_limiter"

# endpoint -> function(notice, status) giving the page the refused POST came from, typed text kept.
_RESHOW: dict[str, Callable[[str, int], object]] = {}


def init_app(app: Flask) -> None:
    """Call after the blueprints are registered: the limits wrap their view functions."""
    for name, value in LIMITS.items():
        app.config.setdefault(name, value)
    storage = app.config.get("RATELIMIT_STORAGE_URI") or os.environ.get("RATELIMIT_STORAGE_URI") or "memory://"
    app.config["RATELIMIT_STORAGE_URI"] = storage
    # Redis down: let the request through (logged) rather than answer 500 and lose a save.
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    # One Limiter per app (Flask-Limiter keeps its storage and switches on the instance).
    limiter = Limiter(key_func=get_remote_address, app=app)
    app.extensions[_EXTENSION] = limiter
    for endpoint, (setting, methods) in LIMITED_ENDPOINTS.items():
        view = app.view_functions[endpoint]
        # Shared by setting: "20 PDFs a minute" counts every PDF route together.
        app.view_functions[endpoint] = limiter.shared_limit(_setting(setting), scope=setting, methods=methods)(view)
    for endpoint in LOOKUPS_IN_STEPS:
        view = app.view_functions[endpoint]
        app.view_functions[endpoint] = limiter.shared_limit(
            _setting("RATELIMIT_MP_LOOKUP"), scope="RATELIMIT_MP_LOOKUP", methods=["POST"],
            exempt_when=lambda: not request.form.get(STEP_LOOKUP_BUTTON))(view)
    app.register_error_handler(RateLimitExceeded, too_many_requests)


def _setting(name: str) -> Callable[[], str]:
    return lambda: current_app.config[name]


def reshows(*endpoints: str):
    """Registers a function(notice, status) that shows the page of a refused POST with the typed text kept."""
    def register(function):
        for endpoint in endpoints:
            _RESHOW[endpoint] = function
        return function
    return register


def reshow_for(endpoint: str | None) -> Callable[[str, int], object] | None:
    """The registered page for a refused POST to `endpoint` (see `reshows`), if it has one."""
    return _RESHOW.get(endpoint or "")


def retry_after_seconds() -> int:
    current = current_app.extensions[_EXTENSION].current_limit
    if current is None:
        return 60
    return max(1, math.ceil(current.window[0] - time.time()))


def wait_words(seconds: int) -> str:
    if seconds < 90:
        return ngettext("%(num)d second", "%(num)d seconds", seconds)
    if seconds < 90 * 60:
        return ngettext("%(num)d minute", "%(num)d minutes", math.ceil(seconds / 60))
    return ngettext("%(num)d hour", "%(num)d hours", math.ceil(seconds / 3600))


def limited_message(seconds: int, *, posted: bool) -> str:
    wait = wait_words(seconds)
    if posted:
        return gettext("Too many requests came from your connection in a short time, so this was not sent. "
                       "Your text is still here: try again in %(wait)s.", wait=wait)
    return gettext("Too many requests came from your connection in a short time. Try again in %(wait)s.", wait=wait)


def too_many_requests(error: RateLimitExceeded):
    from .errors import handle_http_error, wants_json
    from .unavailable import kept_fields

    seconds = retry_after_seconds()
    posted = request.method == "POST"
    reshow = _RESHOW.get(request.endpoint or "") if posted else None
    current_app.logger.info("rate limit %s reached on %s", error.limit.limit, request.endpoint)
    response = None
    if reshow is not None:
        try:
            response = current_app.make_response(reshow(limited_message(seconds, posted=True), 429))
        except HTTPException as inner:  # a dead link: abort() inside an error handler would be a 500
            return handle_http_error(inner)
    if response is None and posted and not wants_json():
        # A form without a page of its own: every field sent, in a form that sends it again once the wait is over.
        body = render_template("errors/429.html", code=429, name="Too Many Requests", error=error,
                               detail=limited_message(seconds, posted=True), kept=kept_fields(),
                               action=request.full_path if request.query_string else request.path)
        response = current_app.response_class(body, mimetype="text/html")
    if response is None:
        error.description = limited_message(seconds, posted=posted)
        response = handle_http_error(error)
    response.status_code = 429
    response.headers["Retry-After"] = str(seconds)
    return response
