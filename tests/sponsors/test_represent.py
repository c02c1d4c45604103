"""The Represent client: postal codes, the Members it keeps, and every way the service can fail."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import requests
import responses

from integrations import represent
from petition.represent_copy import MANUAL_FALLBACK
from integrations.represent import (
    FEDERAL_SET, RateLimiter, RepresentClient, normalize_postal_code,
)

ANSWERS = json.loads((Path(__file__).parent / "represent_answers.json").read_text(encoding="utf-8"))
API = "https://represent.test"


def url(code: str) -> str:
    return f"{API}/postcodes/{code}/"


@pytest.fixture
def client():
    return RepresentClient(API)


@pytest.fixture
def mocked():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


# -- postal codes ------------------------------------------------------------------------------

@pytest.mark.parametrize("raw", ["K1A 0A6", "k1a0a6", " K1A0A6 ", "k1a 0a6", "K1A-0A6"])
def test_postal_codes_are_normalized_whatever_the_case_and_spacing(raw):
    assert normalize_postal_code(raw) == "K1A 0A6"


@pytest.mark.parametrize("raw, says", [
    ("", "Enter a postal code"),
    ("K1A 0A", "letter, digit, letter"),
    ("12345", "letter, digit, letter"),
    ("K1A 0A66", "letter, digit, letter"),
    ("D1A 0A6", "never contain"),     # D never appears
    ("K1O 0A6", "never contain"),     # nor O
    ("K1A 0U6", "never contain"),     # nor U
    ("W1A 0A6", "never start with W or Z"),
    ("Z1A 0A6", "never start with W or Z"),
])
def test_impossible_postal_codes_get_a_message_that_says_why(raw, says):
    with pytest.raises(represent.InvalidPostalCode) as err:
        normalize_postal_code(raw)
    assert says in err.value.message_in("en")
    assert err.value.status == 400


def test_w_and_z_are_fine_after_the_first_letter():
    assert normalize_postal_code("t2w1z9") == "T2W 1Z9"


def test_an_invalid_postal_code_never_reaches_the_service(client, mocked):
    with pytest.raises(represent.InvalidPostalCode):
        client.lookup("K1A 0A")
    assert len(mocked.calls) == 0


# -- answers -----------------------------------------------------------------------------------

def test_one_member_with_party_riding_contact_and_offices(client, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["one_mp"])
    result = client.lookup("k1a 0a6")
    assert result.postal_code == "K1A 0A6"
    assert [m.name for m in result.members] == ["Dana Whitfield"]  # the provincial member is left out
    mp = result.members[0]
    assert (mp.party, mp.riding, mp.email) == ("Liberal", "Ottawa Centre", "dana.whitfield@parl.gc.ca")
    assert mp.url.startswith("https://www.ourcommons.ca/Members/")
    assert [o.type for o in mp.offices] == ["legislature", "constituency"]
    assert mp.constituency_office.postal.startswith("Main office\n404-111 Somerset Street West")
    assert mp.constituency_office.tel == "1 613-946-0000"
    # the request asked for the 2023 federal districts only
    assert mocked.calls[0].request.params == {"sets": FEDERAL_SET}


def test_a_code_on_a_boundary_gives_both_members_once_each_with_their_own_riding(client, mocked):
    mocked.get(url("J9H5V8"), json=ANSWERS["two_mps"])
    members = client.lookup("J9H 5V8").members
    assert [(m.name, m.riding, m.party) for m in members] == [
        ("Geneviève Lachance", "Pontiac—Kitigan Zibi", "Conservative"),
        ("Marc-André Dubé", "Hull—Aylmer", "Bloc Québécois"),
    ]


def test_an_answer_without_concordance_is_fine(client, mocked):
    mocked.get(url("T2P1J9"), json=ANSWERS["no_concordance"])
    [mp] = client.lookup("T2P 1J9").members
    assert mp.riding == "Calgary Centre"
    # only an Ottawa office: the cover letter can still go there
    assert mp.constituency_office.type == "legislature"


def test_to_dict_is_the_api_shape(client, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["one_mp"])
    data = client.lookup("K1A0A6").to_dict()
    assert data["postal_code"] == "K1A 0A6" and data["source"] == "represent"
    assert set(data["members"][0]) == {"name", "party", "riding", "email", "url", "offices"}
    assert data["members"][0]["offices"][1] == {
        "type": "constituency", "postal": "Main office\n404-111 Somerset Street West\nOttawa ON  K2P 0H9",
        "tel": "1 613-946-0000"}


# -- failures ----------------------------------------------------------------------------------

def _fails_with(client, kind, says):
    with pytest.raises(kind) as err:
        client.lookup("K1A 0A6")
    assert says in err.value.message_in("en")
    assert err.value.fallback_in("en") == MANUAL_FALLBACK
    assert err.value.to_dict()["fallback"] == MANUAL_FALLBACK
    return err.value


def test_unknown_postal_code(client, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["not_found"], status=404)
    error = _fails_with(client, represent.UnknownPostalCode, "does not know the postal code K1A 0A6")
    assert error.status == 404


def test_service_over_its_limit_503_says_try_again(client, mocked):
    mocked.get(url("K1A0A6"), body="Service Unavailable", status=503)
    error = _fails_with(client, represent.ServiceBusy, "busy")
    assert error.status == 503 and error.retry_after == 60


def test_429_uses_retry_after(client, mocked):
    mocked.get(url("K1A0A6"), body="", status=429, headers={"Retry-After": "17"})
    error = _fails_with(client, represent.ServiceBusy, "Try again in 17 s")
    assert error.retry_after == 17


def test_timeout(client, mocked):
    mocked.get(url("K1A0A6"), body=requests.ReadTimeout("read timed out"))
    _fails_with(client, represent.ServiceUnavailable, "took too long")


def test_connection_refused(client, mocked):
    mocked.get(url("K1A0A6"), body=requests.ConnectionError("refused"))
    _fails_with(client, represent.ServiceUnavailable, "could not be reached")


def test_malformed_json(client, mocked):
    mocked.get(url("K1A0A6"), body="<html>maintenance</html>", status=200, content_type="application/json")
    _fails_with(client, represent.BadAnswer, "could not read")


@pytest.mark.parametrize("answer", [[], {"representatives_centroid": "MP"}, "null"])
def test_json_of_an_unexpected_shape(client, mocked, answer):
    mocked.get(url("K1A0A6"), json=answer)
    with pytest.raises((represent.BadAnswer, represent.NoMemberFound)):
        client.lookup("K1A 0A6")


def test_an_answer_with_no_member_of_parliament(client, mocked):
    mocked.get(url("K1A0A6"), json={"code": "K1A0A6", "representatives_centroid": [
        ANSWERS["one_mp"]["representatives_centroid"][1]]})
    _fails_with(client, represent.NoMemberFound, "No Member of Parliament")


def test_a_server_error(client, mocked):
    mocked.get(url("K1A0A6"), body="oops", status=500)
    _fails_with(client, represent.ServiceUnavailable, "(500)")


# -- cache and rate limit ----------------------------------------------------------------------

def test_a_second_lookup_of_the_same_code_is_served_from_the_cache(client, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["one_mp"])
    first = client.lookup("K1A 0A6")
    second = client.lookup("k1a0a6")
    assert len(mocked.calls) == 1
    assert not first.from_cache and second.from_cache
    assert second.to_dict() == first.to_dict()


def test_the_cache_survives_a_new_client_on_the_same_sqlite_file(tmp_path, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["one_mp"])
    path = str(tmp_path / "represent-cache.sqlite")
    RepresentClient(API, cache_path=path).lookup("K1A 0A6")
    again = RepresentClient(API, cache_path=path).lookup("K1A 0A6")
    assert again.from_cache and len(mocked.calls) == 1
    assert again.members[0].name == "Dana Whitfield"


def test_over_the_limit_the_client_answers_busy_without_calling_out(mocked):
    clock = [1000.0]
    client = RepresentClient(API, limiter=RateLimiter(limit=2, period=60, clock=lambda: clock[0]))
    for code in ("K1A0A6", "J9H5V8"):
        mocked.get(url(code), json=ANSWERS["one_mp"])
    client.lookup("K1A 0A6")
    clock[0] += 10
    client.lookup("J9H 5V8")
    clock[0] += 5
    with pytest.raises(represent.ServiceBusy) as err:
        client.lookup("T2P 1J9")
    # The first call leaves the window just after 60 s (45.001 s from now), rounded up.
    assert err.value.retry_after == 46
    assert "Try again in 46 s" in err.value.message_in("en")
    assert len(mocked.calls) == 2
    # a cached code is still answered while the limit is reached
    assert client.lookup("K1A 0A6").from_cache
    clock[0] += 45.001
    mocked.get(url("T2P1J9"), json=ANSWERS["no_concordance"])
    assert client.lookup("T2P 1J9").members[0].riding == "Calgary Centre"


def test_the_limiter_allows_sixty_a_minute_by_default():
    clock = [0.0]
    limiter = RateLimiter(clock=lambda: clock[0])
    assert all(limiter.acquire() == 0 for _ in range(60))
    assert limiter.acquire() == pytest.approx(60, abs=0.01)
    clock[0] = 59.5
    assert limiter.acquire() == pytest.approx(0.5, abs=0.01)
    clock[0] = 60.001
    assert limiter.acquire() == 0


def _count_in_another_process(path: str, calls: int, queue) -> None:
    limiter = RateLimiter(limit=60, path=path)
    queue.put(sum(1 for _ in range(calls) if limiter.acquire() == 0))


def test_workers_share_one_limit_through_the_sqlite_file(tmp_path):
    # Three processes (gunicorn workers) try 40 calls each against one 60-a-minute limit: 60 go out in all.
    import multiprocessing

    path = str(tmp_path / "represent-limit.sqlite")
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_count_in_another_process, args=(path, 40, queue)) for _ in range(3)]
    for worker in workers:
        worker.start()
    allowed = [queue.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(10)
    assert sum(allowed) == 60
    over = RateLimiter(limit=60, path=path).acquire()
    assert 0 < over <= 60


def test_a_client_built_before_a_fork_opens_its_own_cache_and_count_in_each_worker(tmp_path, mocked):
    # gunicorn builds the app (and its one client) once, then forks the workers: no SQLite handle may be shared.
    import os

    client = RepresentClient(API, cache_path=str(tmp_path / "cache.sqlite"),
                             limiter=RateLimiter(limit=3, path=str(tmp_path / "limit.sqlite")))
    parent_session, parent_bucket = client.session, client.limiter.bucket
    assert client.limiter.acquire() == 0
    children = []
    for _ in range(2):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # a worker: two calls, and whether it opened its own handles
            try:
                own = client.session is not parent_session and client.limiter.bucket is not parent_bucket
                allowed = sum(1 for _ in range(2) if client.limiter.acquire() == 0)
                os.write(write_end, f"{int(own)} {allowed}".encode())
            finally:
                os._exit(0)
        os.close(write_end)
        children.append((pid, read_end))
    results = []
    for pid, read_end in children:
        os.waitpid(pid, 0)
        results.append(os.read(read_end, 16).decode().split())
        os.close(read_end)
    assert [own for own, _ in results] == ["1", "1"]
    assert sum(int(allowed) for _, allowed in results) == 2  # the parent's call and theirs: 3 in all
    assert client.session is parent_session  # the parent keeps its own


def test_machines_share_one_limit_through_redis(redis_url):
    import redis

    redis.Redis.from_url(redis_url).delete(f"petition-helper:{RateLimiter.KEY}")
    first, second = RateLimiter(limit=3, redis_url=redis_url), RateLimiter(limit=3, redis_url=redis_url)
    assert [first.acquire(), second.acquire(), first.acquire()] == [0, 0, 0]
    assert 0 < second.acquire() <= 60 and 0 < first.acquire() <= 60


def _expire_everything(client):
    from datetime import datetime, timedelta, timezone

    cache = client.session.cache.responses
    for key in list(cache.keys()):
        response = cache[key]
        response.expires = datetime.now(timezone.utc) - timedelta(seconds=5)
        cache[key] = response


def test_an_expired_answer_is_fetched_again(client, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["one_mp"])
    client.lookup("K1A 0A6")
    _expire_everything(client)
    mocked.replace("GET", url("K1A0A6"), json=ANSWERS["no_concordance"])
    again = client.lookup("K1A 0A6")
    assert not again.from_cache and again.members[0].name == "Priya Sandhu"
    assert len(mocked.calls) == 2


def test_when_the_service_fails_an_expired_answer_beats_none(client, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["one_mp"])
    client.lookup("K1A 0A6")
    _expire_everything(client)
    mocked.replace("GET", url("K1A0A6"), body="busy", status=503)
    again = client.lookup("K1A 0A6")
    assert again.members[0].name == "Dana Whitfield" and len(mocked.calls) == 2


def test_an_unknown_postal_code_is_remembered_too(client, mocked):
    mocked.get(url("K1A0A6"), json=ANSWERS["not_found"], status=404)
    for _ in range(2):
        with pytest.raises(represent.UnknownPostalCode):
            client.lookup("K1A 0A6")
    assert len(mocked.calls) == 1


def test_a_long_entry_is_not_repeated_whole_in_the_message():
    with pytest.raises(represent.InvalidPostalCode) as err:
        normalize_postal_code("K1A 0A6 " * 500)
    assert len(err.value.message_in("en")) < 200 and "“K1A 0A6 K1A …”" in err.value.message_in("en")


def test_a_failure_is_a_code_said_in_the_readers_language():
    with pytest.raises(represent.InvalidPostalCode) as err:
        normalize_postal_code("D1A 0A6")
    assert err.value.reason == "impossible-letters" and err.value.values == {"typed": "D1A 0A6"}
    french = err.value.to_dict("fr")
    assert french["message"].startswith("«\u00a0D1A 0A6\u00a0» ne peut pas être un code postal canadien")
    assert french["fallback"].startswith("Vous pouvez tout de même saisir")
    assert err.value.to_dict("en")["message"].startswith("“D1A 0A6” cannot be a Canadian postal code")
