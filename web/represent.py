"""The app's one Represent client (integrations/represent.py), built by create_app from the settings.

Its cache and its rate limit are files or a Redis server every worker shares (see README, Configuration); the
client opens them in each worker on first use, never before gunicorn forks.
"""
from __future__ import annotations

import os

from flask import Flask, current_app

from integrations.represent import REQUESTS_PER_MINUTE, Lookup, LookupError_, RateLimiter, RepresentClient

_EXTENSION = "represent_client"


def init_app(app: Flask) -> None:
    """Builds the client from the app's settings; call again after changing them (tests do)."""
    app.extensions[_EXTENSION] = _build(app)


def _build(app: Flask) -> RepresentClient:
    path = app.config.get("REPRESENT_CACHE_PATH")
    if path is None and not app.testing:
        path = os.path.join(app.instance_path, "represent-cache.sqlite")
    limit = int(app.config.get("REPRESENT_RATE_LIMIT") or REQUESTS_PER_MINUTE)
    return RepresentClient(app.config["REPRESENT_API_URL"].rstrip("/"), cache_path=path or None,
                           limiter=_limiter(app, limit))


def _limiter(app: Flask, limit: int) -> RateLimiter:
    """Represent's limit is for the whole site: counted in Redis when the rate limits use it (every machine),
    else in an SQLite file in instance/ (every worker on this machine); in memory only under TESTING."""
    storage = app.config.get("RATELIMIT_STORAGE_URI") or ""
    if storage.startswith(("redis://", "rediss://")):
        return RateLimiter(limit=limit, redis_url=storage)
    path = app.config.get("REPRESENT_LIMIT_PATH")
    if path is None and not app.testing:
        path = os.path.join(app.instance_path, "represent-limit.sqlite")
    return RateLimiter(limit=limit, path=path or None)


def represent_client() -> RepresentClient:
    return current_app.extensions[_EXTENSION]


def lookup_or_error(raw: str) -> tuple[Lookup | None, LookupError_ | None]:
    """(Lookup, None) or (None, LookupError_)."""
    try:
        return represent_client().lookup(raw), None
    except LookupError_ as error:
        return None, error
