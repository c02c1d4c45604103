"""`GET /healthz` for load balancers and monitors: can this worker read the database?

Cheap (one indexed read of at most one row), never cached, no token, no session, no cookie. It reads the drafts
table rather than running `SELECT 1`, which SQLite answers without opening the file: a missing, unreadable or
locked database, a database whose tables were never made (`db upgrade`), or an unreachable PostgreSQL server
answers 503.
"""
from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .db import engine
from .models import Draft
from .unavailable import database_reason

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        with engine().connect() as connection:
            connection.execute(select(Draft.id).limit(1)).all()
    except SQLAlchemyError as error:
        # One line, without the statement or its parameters: the driver's error class and message.
        current_app.logger.error("health check: the database cannot be read: %s", database_reason(error))
        response = jsonify(status="unavailable", database="error")
        response.status_code = 503
    else:
        response = jsonify(status="ok", database="ok")
    response.headers["Cache-Control"] = "no-store"
    return response
