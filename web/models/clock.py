"""The one clock every table's timestamps come from: aware UTC, so SQLite and PostgreSQL store the same moment."""
from __future__ import annotations

from datetime import datetime, timezone


def now() -> datetime:
    return datetime.now(timezone.utc)
