"""How the app talks to its database: SQLite in WAL mode with a bounded wait for locks; PostgreSQL with the
same bound as its lock_timeout."""
from __future__ import annotations

import sqlite3

from sqlalchemy import create_engine, text

from conftest import postgres_only, sqlite_only
from web.db import engine, get_session


def new_draft(client) -> str:
    response = client.post("/", data={"how": "new", "kind": "e-petition", "language": "en"})
    return response.location.split("/")[2]


@sqlite_only
def test_sqlite_runs_in_wal_mode_so_a_writer_elsewhere_does_not_stop_pages_being_read(make_app):
    app = make_app(DATABASE_LOCK_TIMEOUT_MS=100)
    client = app.test_client()
    token = new_draft(client)
    with app.app_context():
        assert get_session().execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        path = engine().url.database
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another process in the middle of a write
        other.execute("UPDATE drafts SET version = version")
        assert client.get(f"/d/{token}/prayer").status_code == 200
    finally:
        other.execute("ROLLBACK")
        other.close()


@postgres_only
def test_postgresql_waits_for_a_lock_no_longer_than_the_setting(make_app):
    app = make_app(DATABASE_LOCK_TIMEOUT_MS=250)
    with app.app_context():
        assert get_session().execute(text("SHOW lock_timeout")).scalar_one() == "250ms"


@postgres_only
def test_after_postgresql_drops_every_connection_the_next_request_still_works(make_app):
    """What a server restart does to the pool: every pooled connection is dead. Each is tested before use."""
    app = make_app()
    client = app.test_client()
    token = new_draft(client)
    assert client.get(f"/d/{token}/prayer").status_code == 200  # a connection now waits in the pool
    other = create_engine(app.config["DATABASE_URL"])
    with other.begin() as connection:
        killed = connection.execute(text(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        )).scalar_one()
    other.dispose()
    assert killed >= 1
    response = client.post(f"/d/{token}/prayer", data={"prayer": "fund the clinic", "version": "1"})
    assert response.status_code == 302
