"""Petition Helper: the Flask application factory.

`flask --app app run --debug` serves the web app; `flask --app app petition ...`
runs the command-line tools, which need no SECRET_KEY.
"""
from __future__ import annotations

import os

from flask import Flask

from forms.limits import MAX_REQUEST_BYTES
from web.deployment import settings_from_environ


def _database_url(app: Flask) -> str:
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{os.path.join(app.instance_path, 'petition-helper.sqlite')}"
    # Hosting platforms still hand out the pre-SQLAlchemy-1.4 scheme.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    return url


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        SECRET_KEY=os.environ.get("SECRET_KEY"),
        # Derived from the per-field limits, so a draft within them is never "too large".
        MAX_CONTENT_LENGTH=MAX_REQUEST_BYTES,
        # A drafting form can stay open for hours: tokens live as long as the session.
        WTF_CSRF_TIME_LIMIT=None,
        # None: Secure unless debug (resolved in web.security); FLASK_SESSION_COOKIE_SECURE=false overrides.
        SESSION_COOKIE_SECURE=None,
        SESSION_COOKIE_SAMESITE="Lax",
        REPRESENT_API_URL=os.environ.get("REPRESENT_API_URL", "https://represent.opennorth.ca"),
        # PUBLIC_BASE_URL, TRUSTED_HOSTS, TRUSTED_PROXIES, SECRET_KEY_FALLBACKS (see web.deployment).
        **settings_from_environ(os.environ),
    )
    app.config.from_prefixed_env()
    if test_config:
        app.config.update(test_config)
    app.config.setdefault("DATABASE_URL", _database_url(app))
    os.makedirs(app.instance_path, exist_ok=True)

    # Imported here, as flaskr does, so importing app.py stays cheap for tools that only read it.
    from cli import petition_cli
    from pdf.cli import pdf_command
    from web import (answers, api, db, deployment, downloads, drafting, errors, handoff, health, i18n, logs,
                     mp_lookup, open_petitions, pdfcache, ratelimits, represent, retention, security, sponsors,
                     timeline, unavailable)

    logs.init_app(app)
    deployment.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    unavailable.init_app(app)
    db.init_app(app)
    pdfcache.init_app(app)
    for blueprint in (api.bp, drafting.bp, mp_lookup.bp, sponsors.bp, answers.bp, timeline.bp, downloads.bp,
                      handoff.bp, health.bp):
        app.register_blueprint(blueprint)
    ratelimits.init_app(app)
    represent.init_app(app)  # after the rate limits: Represent's count goes where theirs does

    # FLASK_DRAFT_RETENTION_DAYS overrides, as every FLASK_ variable does.
    app.config.setdefault("DRAFT_RETENTION_DAYS", retention.DEFAULT_RETENTION_DAYS)
    app.cli.add_command(retention.purge_drafts_command)

    petition_cli.add_command(pdf_command)
    petition_cli.add_command(open_petitions.import_open_command)
    app.cli.add_command(petition_cli)
    return app
