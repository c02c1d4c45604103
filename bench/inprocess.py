"""The app the in-process benches drive: on a new SQLite file in `directory`, made by the migrations as an
operator would, CSRF off (the benches post like a test client), rate limits off unless a bench measures them."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from web.migrate import upgrade_database  # noqa: E402


def migrated_app(directory, *, rate_limits: bool = False, **config):
    url = f"sqlite:///{directory}/bench.sqlite"
    upgrade_database(url)
    return create_app({"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                       "RATELIMIT_ENABLED": rate_limits, "DATABASE_URL": url, **config})
