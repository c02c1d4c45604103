"""The database: one SQLAlchemy engine per app, one session per request.

The URL comes from app.config["DATABASE_URL"] (SQLite in the instance folder by
default, any SQLAlchemy URL such as postgresql+psycopg://... in production), so
nothing here may depend on one database's SQL dialect. Tables are made and
changed only by the Alembic migrations in migrations/ (`flask --app app db
upgrade`, see web/migrate.py), never at start-up.
"""
from __future__ import annotations

import os
import sqlite3
import weakref

from flask import Flask, current_app, g
from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

_EXTENSION = "petition_db"

# Constraint names that are the same on every database, so a migration can name the one it drops
# (SQLite's batch mode and PostgreSQL alike). Explicitly named constraints keep their names.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def load_models() -> MetaData:
    """Every table the app uses, registered on Base.metadata (what the migrations are compared with)."""
    from . import models  # noqa: F401

    return Base.metadata


DEFAULT_LOCK_TIMEOUT_MS = 5000


def _sqlite_pragmas(lock_timeout_ms: int):
    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        # Several server threads or gunicorn workers share one file: wait this long for a lock before
        # answering "the database is busy" (a 503 that keeps the typed text), and enforce foreign keys.
        cursor.execute(f"PRAGMA busy_timeout = {int(lock_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Write-ahead log: readers never wait for a writer, and a writer only for another writer. It is a
        # property of the file, set by the first connection that can write it.
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:  # a read-only file keeps its mode; reads still work
            pass
        cursor.close()

    return on_connect


def make_engine(url: str, lock_timeout_ms: int = DEFAULT_LOCK_TIMEOUT_MS) -> Engine:
    """The app's engine. A lock held elsewhere longer than `lock_timeout_ms` fails the statement (SQLite's
    busy_timeout, PostgreSQL's lock_timeout) instead of holding a worker indefinitely."""
    options: dict = {}
    if make_url(url).get_backend_name() == "postgresql":
        options = {
            "connect_args": {"options": f"-c lock_timeout={int(lock_timeout_ms)}",
                             "connect_timeout": max(1, -(-int(lock_timeout_ms) // 1000))},
            # After a PostgreSQL restart the pooled connections are dead: test each before use, so the
            # first request after it does not fail.
            "pool_pre_ping": True,
        }
    # Statement parameters can be tokens (the review token is looked up as is): never in an error or a log line.
    engine = create_engine(url, hide_parameters=True, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas(lock_timeout_ms))
    return engine


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


def init_app(app: Flask) -> None:
    from .migrate import db_cli

    eng = make_engine(app.config["DATABASE_URL"],
                      int(app.config.get("DATABASE_LOCK_TIMEOUT_MS") or DEFAULT_LOCK_TIMEOUT_MS))
    app.extensions[_EXTENSION] = {
        "engine": eng,
        # Objects stay readable after commit: views render the saved draft.
        "sessionmaker": sessionmaker(eng, expire_on_commit=False),
    }
    load_models()
    _fork_safe(eng)
    app.teardown_appcontext(close_session)
    app.cli.add_command(db_cli)
