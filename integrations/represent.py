"""Find a postal code's Member of Parliament through Open North's Represent API.

Represent answers `GET /postcodes/<CODE>/` with the representatives whose district
contains the postal code's centroid (`representatives_centroid`) and, when the code
straddles a boundary, those of every district it touches (`representatives_concordance`).
Its terms allow 60 requests a minute; past that it answers 503 (sometimes 429).

Every failure becomes a `LookupError_` subclass carrying a reason code and its values;
`message_in(language)` says it, with the manual fallback, from the catalogue
(petition/represent_copy.py), so the caller never shows a traceback, the words are the
reader's language, and the organizer can still type the Member's name and riding.
"""
from __future__ import annotations

import os
import re
import threading
from dataclasses import asdict, dataclass, field
from datetime import timedelta
from urllib.parse import quote

import requests
import requests_cache

DEFAULT_API_URL = "https://represent.opennorth.ca"
# The 2023 Representation Order took effect at the 2025 general election (343 ridings).
FEDERAL_SET = "federal-electoral-districts-2023-representation-order"
# Represent's published limit. A lookup served from the cache does not count.
REQUESTS_PER_MINUTE = 60
# (connect, read) seconds: the organizer is waiting on a form.
TIMEOUT = (3.05, 5)
# Members and their offices change at elections, by-elections and office moves, not daily;
# one day keeps repeated look-ups (a group sharing one postal code) off the service while
# a change made today shows by tomorrow.
CACHE_EXPIRY = timedelta(days=1)

# Canada Post never uses D, F, I, O, Q or U, and W and Z never start a code.
_POSTAL_CODE = re.compile(r"[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z][0-9][ABCEGHJ-NPRSTV-Z][0-9]")


class LookupError_(Exception):
    """A Member lookup that did not give an answer: `reason` (represent_copy.REASONS) and its `values`."""

    status = 502  # what an HTTP API built on this should answer
    code = "lookup-failed"

    def __init__(self, reason: str, **values):
        super().__init__(reason)
        self.reason = reason
        self.values = values

    def message_in(self, language: str | None) -> str:
        from petition.represent_copy import message

        return message(self, language)

    def fallback_in(self, language: str | None) -> str:
        from petition.represent_copy import fallback

        return fallback(language)

    def to_dict(self, language: str | None = "en") -> dict:
        return {"error": self.code, "message": self.message_in(language), "fallback": self.fallback_in(language)}


class InvalidPostalCode(LookupError_):
    status = 400
    code = "invalid-postal-code"


class UnknownPostalCode(LookupError_):
    status = 404
    code = "unknown-postal-code"


class NoMemberFound(LookupError_):
    status = 404
    code = "no-member"


class ServiceBusy(LookupError_):
    status = 503
    code = "busy"

    def __init__(self, reason: str, retry_after: int):
        super().__init__(reason, seconds=retry_after)
        self.retry_after = retry_after

    def to_dict(self, language: str | None = "en") -> dict:
        return {**super().to_dict(language), "retry_after": self.retry_after}


class ServiceUnavailable(LookupError_):
    status = 503
    code = "unavailable"


class BadAnswer(LookupError_):
    status = 502
    code = "bad-answer"


def _shown(raw: str) -> str:
    """What was typed, short enough to repeat back in a message."""
    text = " ".join((raw or "").split())
    return text if len(text) <= 12 else text[:12] + "…"


def normalize_postal_code(raw: str) -> str:
    """'k1a0a6', ' K1A 0A6 ' -> 'K1A 0A6'; anything else raises InvalidPostalCode."""
    compact = re.sub(r"[\s-]+", "", (raw or "")).upper()
    if not compact:
        raise InvalidPostalCode("empty")
    if len(compact) != 6 or not re.fullmatch(r"[A-Z][0-9][A-Z][0-9][A-Z][0-9]", compact):
        raise InvalidPostalCode("malformed", typed=_shown(raw))
    if not _POSTAL_CODE.fullmatch(compact):
        raise InvalidPostalCode("impossible-letters", typed=f"{compact[:3]} {compact[3:]}")
    return f"{compact[:3]} {compact[3:]}"


@dataclass
class Office:
    type: str = ""  # "constituency", "legislature", ... as Represent labels it
    postal: str = ""  # the mailing address, lines separated by "\n"
    tel: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Member:
    name: str
    party: str = ""
    riding: str = ""
    email: str = ""
    url: str = ""
    offices: list[Office] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**asdict(self), "offices": [o.to_dict() for o in self.offices]}

    @property
    def constituency_office(self) -> Office | None:
        """Where signed paper sheets go: the office in the riding, else the first with an address."""
        with_address = [o for o in self.offices if o.postal.strip()]
        for office in with_address:
            if office.type == "constituency":
                return office
        return with_address[0] if with_address else None


@dataclass
class Lookup:
    postal_code: str
    members: list[Member]
    source: str = "represent"
    from_cache: bool = False

    def to_dict(self) -> dict:
        return {
            "postal_code": self.postal_code,
            "members": [m.to_dict() for m in self.members],
            "source": self.source,
        }


class PerProcess:
    """A resource opened on first use in each process, never inherited across a fork.

    The app and its client are built once, before gunicorn forks its workers (`preload_app`): an SQLite
    handle or a socket opened in the parent and used by two workers at once corrupts their traffic, so each
    process opens its own (a memory cache or bucket is then per process too, which only tests and one-off
    tools use)."""

    def __init__(self, opener):
        self._opener = opener
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._value = None

    def get(self):
        if self._pid != os.getpid():
            with self._lock:  # the server's threads: one opener call per process
                if self._pid != os.getpid():
                    self._value = self._opener()
                    self._pid = os.getpid()
        return self._value


class RateLimiter:
    """At most `limit` calls in any `period` seconds, counted across every process that shares the bucket.

    The count lives in pyrate-limiter's SQLite bucket (`path`, a file in `instance/`, locked across
    processes: every gunicorn worker on the machine shares it), its Redis bucket (`redis_url`: every machine
    sharing the Redis server shares it), or, with neither, in this process's memory (tests, one-off tools).
    """

    KEY = "represent"

    def __init__(self, limit: int = REQUESTS_PER_MINUTE, period: float = 60.0, *, path: str | None = None,
                 redis_url: str | None = None, clock=None):
        self.limit, self.period = limit, period
        # Seconds; the buckets' own millisecond clock when None (tests pass a fake one).
        self.clock = clock
        self._bucket = PerProcess(lambda: self._open(path, redis_url))

    def _open(self, path: str | None, redis_url: str | None):
        from pyrate_limiter import Duration, InMemoryBucket, Rate, RedisBucket, SQLiteBucket

        rates = [Rate(self.limit, Duration.SECOND * self.period)]
        if redis_url:
            from redis import Redis

            return RedisBucket.init(rates, Redis.from_url(redis_url), f"petition-helper:{self.KEY}")
        if path:
            return SQLiteBucket.init_from_file(rates, table="represent_calls", db_path=path, use_file_lock=True)
        return InMemoryBucket(rates)

    @property
    def bucket(self):
        return self._bucket.get()

    def acquire(self) -> float:
        """Records a call and returns 0, or returns the seconds to wait without recording one."""
        from pyrate_limiter import RateItem

        bucket = self.bucket
        now = int(self.clock() * 1000) if self.clock else bucket.now()
        # Old calls are dropped here rather than by pyrate-limiter's background thread: one thread fewer per
        # worker, and calls happen only on cache misses (at most `limit` a period).
        bucket.leak(now)
        item = RateItem(self.KEY, now)
        if bucket.put(item):
            return 0.0
        wait_ms = bucket.waiting(item)
        return max(wait_ms, 1) / 1000 if wait_ms >= 0 else self.period


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _member(rep: dict) -> Member:
    offices = []
    for office in rep.get("offices") or []:
        if isinstance(office, dict):
            offices.append(Office(type=_text(office.get("type")), postal=_text(office.get("postal")),
                                  tel=_text(office.get("tel"))))
    return Member(
        name=_text(rep.get("name")),
        party=_text(rep.get("party_name")),
        riding=_text(rep.get("district_name")),
        email=_text(rep.get("email")),
        url=_text(rep.get("url")),
        offices=offices,
    )


def members_from_answer(data) -> list[Member]:
    """The Members of Parliament in a Represent postcode answer, centroid first, each once."""
    if not isinstance(data, dict):
        raise BadAnswer("unreadable")
    members: list[Member] = []
    seen: set[tuple[str, str]] = set()
    for key in ("representatives_centroid", "representatives_concordance"):
        reps = data.get(key) or []
        if not isinstance(reps, list):
            raise BadAnswer("unreadable")
        for rep in reps:
            if not isinstance(rep, dict) or rep.get("elected_office") != "MP":
                continue
            member = _member(rep)
            if not member.name:
                continue
            identity = (member.name.casefold(), member.riding.casefold())
            if identity not in seen:
                seen.add(identity)
                members.append(member)
    return members


class RepresentClient:
    """Looks up Members by postal code, with a cache, a rate limit and plain-worded failures.

    `cache_path` is an SQLite file (kept across restarts); None keeps the cache in memory. The limiter
    counts across processes when it is given a shared bucket (see RateLimiter).
    """

    def __init__(self, base_url: str = DEFAULT_API_URL, cache_path: str | None = None,
                 limiter: RateLimiter | None = None, timeout=TIMEOUT, expire_after=CACHE_EXPIRY):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.limiter = limiter or RateLimiter()
        self._session = PerProcess(lambda: self._open(cache_path, expire_after))

    @staticmethod
    def _open(cache_path: str | None, expire_after) -> requests_cache.CachedSession:
        session = requests_cache.CachedSession(
            cache_name=cache_path or "represent",
            backend="sqlite" if cache_path else "memory",
            expire_after=expire_after,
            # A 404 (no such postal code) stays true for a day as well, and costs a request each time.
            allowable_codes=(200, 404),
            # When Represent is down, yesterday's answer beats none.
            stale_if_error=True,
        )
        session.headers["Accept"] = "application/json"
        return session

    @property
    def session(self) -> requests_cache.CachedSession:
        return self._session.get()

    def url_for(self, postal_code: str) -> str:
        return f"{self.base_url}/postcodes/{quote(postal_code.replace(' ', ''))}/"

    def lookup(self, raw_postal_code: str) -> Lookup:
        postal_code = normalize_postal_code(raw_postal_code)
        url = self.url_for(postal_code)
        params = {"sets": FEDERAL_SET}
        response = self._cached(url, params)
        if response is None:
            wait = self.limiter.acquire()
            if wait:
                seconds = max(1, int(wait + 0.999))
                raise ServiceBusy("busy-here", seconds)
            response = self._fetch(url, params)
        return self._lookup_from(postal_code, response)

    def _cached(self, url, params):
        try:
            response = self.session.get(url, params=params, only_if_cached=True, timeout=self.timeout)
        except Exception:  # a broken cache file must not stop a live lookup
            return None
        # A miss comes back as requests-cache's own 504 "Not Cached" (only 200 and 404 are stored). An
        # expired answer comes back too (stale_if_error makes it "usable"): refresh it, and let
        # requests-cache fall back to it only if the refresh fails.
        if response.status_code == 504 or getattr(response, "is_expired", False):
            return None
        return response

    def _fetch(self, url, params):
        try:
            return self.session.get(url, params=params, timeout=self.timeout)
        except requests.Timeout:
            raise ServiceUnavailable("timeout") from None
        except requests.ConnectionError:
            raise ServiceUnavailable("unreachable") from None
        except requests.RequestException:
            raise ServiceUnavailable("failed") from None

    def _lookup_from(self, postal_code: str, response) -> Lookup:
        status = response.status_code
        if status == 404:
            raise UnknownPostalCode("unknown-code", postal_code=postal_code)
        if status in (429, 503):
            retry = response.headers.get("Retry-After", "")
            seconds = int(retry) if retry.isdigit() else 60
            raise ServiceBusy("busy", seconds)
        if status != 200:
            raise ServiceUnavailable("http-error", status=str(status))
        try:
            data = response.json()
        except ValueError:
            raise BadAnswer("unreadable") from None
        members = members_from_answer(data)
        if not members:
            raise NoMemberFound("no-member", postal_code=postal_code)
        return Lookup(postal_code=postal_code, members=members,
                      from_cache=bool(getattr(response, "from_cache", False)))
