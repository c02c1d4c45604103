"""Shared fixtures: a real app on a temporary SQLite file, its test client and CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest

from app import create_app
from web.i18n import compile_catalogues

# A plain `pytest` works without `make`: the .mo files are built from messages.po when missing or older.
compile_catalogues()

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'test.sqlite'}",
    })
    yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def sample(name: str) -> str:
    """A sample petition copied from the House's site or a campaign site (tests/samples)."""
    return (SAMPLES / name).read_text(encoding="utf-8")
