"""Shared fixtures: a real app on a real database made by the migrations, its test client and CLI runner.

The database is SQLite (a fresh file per test) unless TEST_DATABASE_URL names a PostgreSQL database
(`tools/with-postgres` starts a throwaway one; `make test` runs the database-touching tests on both).
Either way the tables come from `flask --app app db upgrade`'s code path, never from create_all: the
migrations run once per session, then each test gets a copy of the SQLite file or emptied tables.
"""
from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app import create_app
from web.i18n import compile_catalogues
from web.migrate import upgrade_database

# A plain `pytest` works without `make`: the .mo files are built from messages.po when missing or older.
compile_catalogues()

SAMPLES = Path(__file__).parent / "samples"
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL") or None

postgres_only = pytest.mark.skipif(not TEST_DATABASE_URL, reason="needs TEST_DATABASE_URL (make test sets one)")
sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="about SQLite's file (the SQLite pass runs it)")


_migrated: dict[str, object] = {}


def _migrated_sqlite() -> Path:
    """A SQLite file upgraded to the latest revision once per session, copied for each test."""
    if "sqlite" not in _migrated:
        directory = Path(tempfile.mkdtemp(prefix="petition-schema-"))
        atexit.register(shutil.rmtree, directory, True)
        path = directory / "migrated.sqlite"
        upgrade_database(f"sqlite:///{path}")
        _migrated["sqlite"] = path
    return _migrated["sqlite"]


def _migrated_postgres() -> str:
    """TEST_DATABASE_URL emptied and upgraded to the latest revision once per session."""
    if "postgres" not in _migrated:
        engine = create_engine(TEST_DATABASE_URL)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
        upgrade_database(TEST_DATABASE_URL)
        _migrated["postgres"] = TEST_DATABASE_URL
    return TEST_DATABASE_URL


def _empty_postgres_tables(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        tables = [name for (name,) in connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'"))]
        if tables:
            connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()


def fresh_database_url(tmp_path: Path, name: str = "test.sqlite") -> str:
    """A URL to an up-to-date database with no rows: a copy of the migrated SQLite file in tmp_path, or,
    under TEST_DATABASE_URL, the PostgreSQL database with its tables emptied."""
    if TEST_DATABASE_URL:
        url = _migrated_postgres()
        _empty_postgres_tables(url)
        return url
    target = Path(tmp_path) / name
    shutil.copyfile(_migrated_sqlite(), target)
    return f"sqlite:///{target}"


def dispose(app) -> None:
    """Closes the app's pooled connections (PostgreSQL has a connection limit; tests make many apps)."""
    from web.db import _EXTENSION

    app.extensions[_EXTENSION]["engine"].dispose()


@pytest.fixture
def make_app(tmp_path):
    """make_app(**config) -> a real app on a fresh database; its connections are closed after the test."""
    apps = []

    def make(**config):
        # Rate limits are tested on their own (tests/web/test_rate_limits.py); elsewhere they would only add flakes.
        settings = {"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False,
                    "RATELIMIT_ENABLED": False}
        settings.update(config)
        if "DATABASE_URL" not in settings:  # not setdefault: on PostgreSQL a fresh database empties the shared one
            settings["DATABASE_URL"] = fresh_database_url(tmp_path, f"test-{len(apps)}.sqlite")
        # Each app its own shared PDF folder: no test reads what another rendered.
        settings.setdefault("PDF_CACHE_DIR", str(tmp_path / f"pdf-cache-{len(apps)}"))
        app = create_app(settings)
        apps.append(app)
        return app

    yield make
    for app in apps:
        dispose(app)


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def sample(name: str) -> str:
    """A sample petition copied from the House's site or a campaign site (tests/samples)."""
    return (SAMPLES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real redis-server on a free loopback port, in a temporary directory, with no persistence.

    Debian's `redis-server` package (installed by `make system-deps` and `.ci/run`); without it the tests that
    need it fail with a clear message rather than skip, so CI cannot report green without testing Redis.
    """
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is missing: `apt-get install redis-server` (make system-deps does it)")
    workdir = tmp_path_factory.mktemp("redis")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(workdir), "--save", "",
         "--appendonly", "no", "--protected-mode", "yes", "--daemonize", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    import redis

    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"redis-server did not start on port {port}")
            time.sleep(0.05)
    yield url
    process.terminate()
    process.wait(10)
