"""The database: one SQLAlchemy engine per app, one session per request.

The URL comes from app.config["DATABASE_URL"] (SQLite in the instance folder by
default, any SQLAlchemy URL such as postgresql+psycopg://... in production), so
nothing here may depend on one database's SQL dialect.
"""
from __future__ import annotations

import os
import weakref

import click
from flask import Flask, current_app, g
from flask.cli import with_appcontext
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

_EXTENSION = "petition_db"


class Base(DeclarativeBase):
    pass


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # Several server threads or gunicorn workers share one file: wait for a lock
    # instead of failing with "database is locked", and enforce foreign keys.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout = 5000")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def make_engine(url: str) -> Engine:
    # Statement parameters can be tokens (the review token is looked up as is): never in an error or a log line.
    engine = create_engine(url, hide_parameters=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def create_tables(engine: Engine) -> None:
    from . import models, sponsor_models  # noqa: F401  (registers the tables on Base.metadata)

    Base.metadata.create_all(engine)


def _fork_safe(eng: Engine) -> None:
    """No pooled connection crosses a fork (gunicorn --preload makes the app, then forks the workers).

    Two processes sharing one SQLite handle or PostgreSQL socket corrupt each other's traffic, so the parent
    drops what it opened at start-up, and a forked child forgets (without closing) any connection it inherited.
    """
    eng.dispose()
    ref = weakref.ref(eng)

    def forget_inherited_connections() -> None:
        inherited = ref()
        if inherited is not None:
            inherited.dispose(close=False)

    os.register_at_fork(after_in_child=forget_inherited_connections)


def engine() -> Engine:
    return current_app.extensions[_EXTENSION]["engine"]


def get_session() -> Session:
    """The request's session; committed explicitly by the caller, closed at teardown."""
    if "db_session" not in g:
        g.db_session = current_app.extensions[_EXTENSION]["sessionmaker"]()
    return g.db_session


def close_session(_exc: BaseException | None = None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.close()


@click.command("init-db")
@with_appcontext
def init_db_command() -> None:
    """Create the tables (safe to run again: existing tables and drafts are kept)."""
    create_tables(engine())
    click.echo(f"Tables ready in {engine().url.render_as_string(hide_password=True)}.")


def init_app(app: Flask) -> None:
    eng = make_engine(app.config["DATABASE_URL"])
    app.extensions[_EXTENSION] = {
        "engine": eng,
        # Objects stay readable after commit: views render the saved draft.
        "sessionmaker": sessionmaker(eng, expire_on_commit=False),
    }
    create_tables(eng)
    _fork_safe(eng)
    app.teardown_appcontext(close_session)
    app.cli.add_command(init_db_command)
