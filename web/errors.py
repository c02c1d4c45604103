"""Error pages for people and JSON errors for the API: never a bare traceback, always what to do next."""
from __future__ import annotations

from flask import Flask, current_app, jsonify, render_template, request
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from .i18n import API_PREFIX, ui_language

# What an API client should do about each error, in the request's language (web.i18n.api_language); the HTML
# pages say the same in their own words.
API_MESSAGES = {
    400: _l("The request could not be read. Send a JSON object; see the API section of the README."),
    404: _l("There is no such API endpoint; the API section of the README lists them."),
    405: _l("This endpoint does not accept that method."),
    413: _l("The request body is larger than the limit of %(limit_kb)s KB. Send only the petition."),
    500: _l("The server failed while handling this request. Nothing was stored; try again later."),
    503: _l("The service is not available."),
}


# Page titles for codes without a page of their own (errors/generic.html), in the language of the screens.
PAGE_NAMES = {
    400: _l("The request could not be read"),
    401: _l("Not signed in"),
    403: _l("Not allowed"),
    404: _l("This page does not exist"),
    405: _l("This page cannot be used that way"),
    409: _l("This could not be done as the page stood"),
    410: _l("This page is gone"),
    413: _l("The petition is too large"),
    415: _l("The request could not be read"),
    429: _l("Too many requests: try again in a minute"),
    500: _l("Something went wrong on our side"),
    502: _l("Another service answered with something unreadable"),
    503: _l("The helper is not available"),
}
GENERIC_DESCRIPTION = _l("The helper could not complete this request. Go back and try again.")

# Flask-WTF says why a form's security token was refused in English only.
CSRF_REASONS = {
    "The CSRF token is missing.": _l("The CSRF token is missing."),
    "The CSRF session token is missing.": _l("The CSRF session token is missing."),
    "The CSRF token has expired.": _l("The CSRF token has expired."),
    "The CSRF token is invalid.": _l("The CSRF token is invalid."),
    "The CSRF tokens do not match.": _l("The CSRF tokens do not match."),
}


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, handle_http_error)
    # Registered for 500 only, Flask routes every unhandled exception here (after logging it).
    app.register_error_handler(InternalServerError, handle_http_error)


def size_limit_kb() -> int:
    return current_app.config["MAX_CONTENT_LENGTH"] // 1024


def wants_json() -> bool:
    return request.path.startswith(API_PREFIX)


def _custom_description(error: HTTPException) -> str | None:
    """The description a view passed to abort(), not werkzeug's stock sentence."""
    if error.description and error.description != type(error).description:
        return error.description
    return None


def handle_http_error(error: HTTPException):
    code = error.code or 500
    if wants_json():
        message = _custom_description(error)
        if message is None:
            message = API_MESSAGES[code] % {"limit_kb": size_limit_kb()} if code in API_MESSAGES else (
                error.description or error.name)
        # `lang` says which language `message` is in ("en" or "fr"; see README, API).
        response = jsonify(error=error.name.lower().replace(" ", "-"), message=str(message), lang=ui_language())
        response.status_code = code
    else:
        response = _error_page(error, code)
    # Keeps Allow on a 405 and Retry-After where werkzeug sets them.
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers.setdefault(name, value)
    return response


def _error_page(error: HTTPException, code: int):
    context = {
        "error": error,
        "code": code,
        "name": str(PAGE_NAMES.get(code, error.name)),
        "error_description": str(GENERIC_DESCRIPTION),
        "csrf_reason": str(CSRF_REASONS.get(error.description, error.description)) if isinstance(error, CSRFError) else "",
        "detail": _custom_description(error),
        "limit_kb": size_limit_kb(),
        "csrf_failed": isinstance(error, CSRFError),
        # A refused form post keeps what the person typed on the page, so nothing is lost.
        "kept_fields": _kept_text() if isinstance(error, CSRFError) else [],
    }
    try:
        body = render_template([f"errors/{code}.html", "errors/generic.html"], **context)
    except Exception:
        # The error page itself must never become a second, bare 500.
        current_app.logger.exception("error page for %s failed to render", code)
        body = f"{code} {error.name}\n\n{context['detail'] or error.description}\n"
        return current_app.response_class(body, status=code, mimetype="text/plain")
    return current_app.response_class(body, status=code, mimetype="text/html")


def _kept_text() -> list[tuple[str, str]]:
    field_name = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    try:
        form = request.form
    except Exception:
        return []
    return [
        (name, value)
        for name, values in form.lists()
        if not name.endswith(field_name)
        for value in values
        if value.strip()
    ]
