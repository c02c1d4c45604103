"""When the database fails (locked, read-only, restarting): a 503, one log line, and nothing typed is lost.

Two levels:
- A view that read the draft but could not save calls `save_failed(error)` (rollback, one log line) and
  shows its own page again, 503, with the typed text in its form and a notice saying nothing was saved.
- Anything else (the draft could not even be looked up, or the page could not be rebuilt) reaches
  `database_unavailable`, the app-wide handler for SQLAlchemyError: a 503 page with every field that was
  posted, in a form that sends them again to the same address ("Try again"), with a fresh CSRF token.
"""
from __future__ import annotations

from typing import Callable

from flask import Flask, current_app, g, jsonify, render_template, request
from flask_wtf import FlaskForm
from sqlalchemy.exc import SQLAlchemyError
from wtforms import DateField, FieldList, HiddenField, StringField, TextAreaField

RETRY_AFTER_SECONDS = 5

# The form each form-handling endpoint posts, by endpoint, so the fallback page can label what it keeps.
# Blueprints add theirs (drafting, sponsors); a field it cannot place is kept under its own name.
FORMS: dict[str, Callable[[dict], type[FlaskForm]]] = {}


def init_app(app: Flask) -> None:
    app.register_error_handler(SQLAlchemyError, database_unavailable)


def database_reason(error: BaseException) -> str:
    """The driver's message, first line only: SQLAlchemy's own text adds the SQL and its parameters,
    which hold what was typed."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    return f"{type(original).__name__}: {(lines[0] if lines else '')[:200]}"


def log_database_error(error: BaseException) -> None:
    """One line per failed request: the endpoint (never the path, which holds the private token) and why."""
    if g.get("database_error_logged"):
        return
    g.database_error_logged = True
    current_app.logger.error("database unavailable: %s %s: %s", request.method, request.endpoint, database_reason(error))


def _rollback() -> None:
    session = g.get("db_session")
    if session is None:
        return
    try:
        session.rollback()
    except SQLAlchemyError:  # the connection itself is gone; closing the session at teardown discards it
        pass


def save_failed(error: BaseException) -> None:
    """For a view about to show its page again with the typed text: undo the transaction and log."""
    _rollback()
    log_database_error(error)


def database_unavailable(error: SQLAlchemyError):
    _rollback()
    log_database_error(error)
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.path.startswith("/api/"):
        response = jsonify(error="service-unavailable",
                           message="The database is not available just now; nothing was stored. Try again shortly.")
        return response, 503, headers
    body = render_template("errors/database.html", code=503, name="Service Unavailable",
                           kept=kept_fields() if request.method == "POST" else [],
                           action=request.full_path if request.query_string else request.path)
    return body, 503, headers


def _form_for_request() -> FlaskForm | None:
    factory = FORMS.get(request.endpoint or "")
    if factory is None:
        return None
    try:
        return factory(request.view_args or {})(formdata=None, meta={"csrf": False})
    except Exception:  # an unknown step or the like: the fields are kept under their own names
        return None


def _field_for(form: FlaskForm | None, name: str) -> tuple[str, bool]:
    """(label, shown as text) for a posted field name; hidden fields and buttons go back unseen."""
    if form is None:
        return name, True
    field = form._fields.get(name)
    if field is None and "-" in name:
        parent = form._fields.get(name.rsplit("-", 1)[0])
        index = name.rsplit("-", 1)[1]
        if isinstance(parent, FieldList) and index.isdecimal():
            args = parent.unbound_field.args
            entry = str(args[0]) if args else parent.label.text  # the entries' own label (a lazy msgid)
            return f"{entry} {int(index) + 1}", True
    if field is None:
        return name, False  # a button or a marker the page added (goto, next, ...)
    if isinstance(field, HiddenField):
        return name, False
    return field.label.text, isinstance(field, (StringField, TextAreaField, DateField))


def kept_fields() -> list[dict]:
    """Every posted value except the CSRF token, labelled where the form is known."""
    try:
        posted = request.form
    except Exception:
        return []
    csrf_name = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    form = _form_for_request()
    kept = []
    for name, values in posted.lists():
        if name == csrf_name:
            continue
        label, shown = _field_for(form, name)
        for value in values:
            kept.append({"name": name, "value": value, "label": label, "shown": shown,
                         "rows": min(12, max(2, value.count("\n") + 1, len(value) // 70 + 1))})
    return kept
