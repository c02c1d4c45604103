"""Per-client rate limits: a refused request says when to retry, and a refused POST keeps what was typed.

The limits are set very low here (the defaults are generous, web/ratelimits.py) so a few requests reach them.
Redis storage is tested against a real redis-server (tests/conftest.py starts one on a loopback port).
"""
from __future__ import annotations

import html
import re

import pytest
import redis
import responses

from app import create_app
from conftest import fresh_database_url
from petition.model import Addressee, Petition
from web.db import get_session
from web.models import Draft
from web.ratelimits import LIMITS
from web.models import SponsorResponse

API = "https://represent.opennorth.ca"


def text_of(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture
def limited_app(make_app):
    """limited_app(**limits) -> an app with the rate limits on (the suite's apps have them off)."""
    return lambda **limits: make_app(RATELIMIT_ENABLED=True, **limits)


def make_draft(app) -> tuple[str, str]:
    petition = Petition(addressee=Addressee(kind="house"), grievances=["The canal needs repairs"],
                        prayer="repair the canal")
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, petition)
        session.commit()
        return token, draft.review_token


def version_of(app, token) -> int:
    with app.app_context():
        return Draft.by_edit_token(get_session(), token).version


def assert_says_when_to_retry(response):
    assert response.status_code == 429
    retry = response.headers["Retry-After"]
    assert retry.isdecimal() and 1 <= int(retry) <= 60
    assert "try again in" in text_of(response).lower()


def test_the_defaults_are_generous_for_a_real_organizer():
    # An evening of drafting: a save every few seconds at the busiest, a few hundred in an hour.
    assert LIMITS["RATELIMIT_SAVE"].startswith("60 per minute")
    assert "30 per hour" in LIMITS["RATELIMIT_NEW_DRAFT"]


def test_a_new_draft_over_the_limit_is_refused_with_the_pasted_text_kept(limited_app):
    app = limited_app(RATELIMIT_NEW_DRAFT="2 per minute")
    client = app.test_client()
    for _ in range(2):
        assert client.post("/", data={"how": "new", "kind": "e-petition", "language": "en"}).status_code == 302
    pasted = "Whereas the Rideau Canal needs repairs; we ask the Government to repair it."
    response = client.post("/", data={"how": "paste", "text": pasted, "kind": "paper", "language": "en"})
    assert_says_when_to_retry(response)
    page = response.get_data(as_text=True)
    assert html.escape(pasted, quote=False) in page or pasted in html.unescape(page)
    assert 'value="paper" checked' in page or re.search(r'checked[^>]*value="paper"', page)
    # Nothing was created by the refused post.
    with app.app_context():
        assert get_session().query(Draft).count() == 2


def test_a_save_over_the_limit_keeps_the_typed_text_and_saves_nothing(limited_app):
    app = limited_app(RATELIMIT_SAVE="1 per minute")
    client = app.test_client()
    token, _ = make_draft(app)
    first = client.post(f"/d/{token}/prayer", data={"prayer": "repair the canal soon", "version": "1"})
    assert first.status_code == 302
    typed = "repair the canal before the spring thaw"
    response = client.post(f"/d/{token}/prayer", data={"prayer": typed, "version": "2"})
    assert_says_when_to_retry(response)
    assert typed in html.unescape(response.get_data(as_text=True))
    assert "your text is still here" in text_of(response).lower()
    assert version_of(app, token) == 2
    # Reading the pages is not limited.
    for _ in range(3):
        assert client.get(f"/d/{token}/prayer").status_code == 200


def test_the_sponsors_answer_over_the_limit_keeps_the_comment(limited_app):
    app = limited_app(RATELIMIT_ANSWER="1 per minute")
    client = app.test_client()
    _, review = make_draft(app)
    assert client.post(f"/r/{review}/answer", data={"answer": "ready", "version": "1"}).status_code == 302
    comment = "Please cite the Parks Canada report in the second clause."
    response = client.post(f"/r/{review}/answer",
                           data={"answer": "changes", "comment": comment, "version": "1"})
    assert_says_when_to_retry(response)
    assert comment in html.unescape(response.get_data(as_text=True))
    with app.app_context():
        assert get_session().query(SponsorResponse).count() == 1


def test_a_form_without_its_own_page_gets_its_fields_back_in_a_form_to_send_again(limited_app):
    app = limited_app(RATELIMIT_SAVE="1 per minute")
    client = app.test_client()
    token, _ = make_draft(app)
    client.post(f"/d/{token}/sponsors", data={"name": "Dana Whitfield", "riding": "Ottawa Centre"})
    response = client.post(f"/d/{token}/sponsors", data={"name": "Robin Tremblay", "riding": "Hull—Aylmer"})
    assert_says_when_to_retry(response)
    kept = html.unescape(response.get_data(as_text=True))
    assert "Robin Tremblay" in kept and "Hull—Aylmer" in kept
    # In a form that sends them again to the same address once the wait is over.
    assert f'action="/d/{token}/sponsors"' in kept and 'name="name"' in kept and "Send again" in kept


def test_pdf_downloads_are_limited(limited_app):
    app = limited_app(RATELIMIT_PDF="1 per minute")
    client = app.test_client()
    token, review = make_draft(app)
    assert client.get(f"/d/{token}/review.pdf").status_code == 200
    assert_says_when_to_retry(client.get(f"/r/{review}/review.pdf"))


def test_the_mp_lookup_api_answers_json_when_limited(limited_app):
    app = limited_app(RATELIMIT_MP_LOOKUP="1 per minute")
    client = app.test_client()
    with responses.RequestsMock() as represent:
        represent.get(f"{API}/postcodes/K1A0A6/", json={"representatives_centroid": []})
        client.get("/api/mp?postal_code=K1A0A6")
        response = client.get("/api/mp?postal_code=K1A0A6")
    assert response.status_code == 429 and response.headers["Retry-After"].isdecimal()
    data = response.get_json()
    assert data["error"] == "too-many-requests" and "Try again in" in data["message"]


def test_a_lookup_sent_with_the_addressee_step_counts_as_a_lookup_and_keeps_the_typed_text(limited_app):
    app = limited_app(RATELIMIT_MP_LOOKUP="1 per minute")
    client = app.test_client()
    token, _ = make_draft(app)
    typed = {"kind": "minister", "title": "Minister of Health", "version": "1", "postal_code": "K1A 0A6",
             "mp_lookup": "1"}
    with responses.RequestsMock(assert_all_requests_are_fired=False) as represent:
        represent.get(f"{API}/postcodes/K1A0A6/", json={"representatives_centroid": []})
        assert client.post(f"/d/{token}/addressee", data=typed).status_code == 200
        refused = client.post(f"/d/{token}/addressee", data=typed)
    assert_says_when_to_retry(refused)
    assert 'value="Minister of Health"' in refused.get_data(as_text=True)
    # Saving the step is not a lookup: the lookup limit does not stop it.
    saved = client.post(f"/d/{token}/addressee", data={"kind": "minister", "title": "Minister of Health",
                                                        "version": "1"})
    assert saved.status_code == 302 and version_of(app, token) == 2


def test_each_client_address_has_its_own_count(limited_app):
    app = limited_app(RATELIMIT_NEW_DRAFT="1 per minute")
    client = app.test_client()
    form = {"how": "new", "kind": "e-petition", "language": "en"}
    assert client.post("/", data=form, environ_base={"REMOTE_ADDR": "192.0.2.1"}).status_code == 302
    assert client.post("/", data=form, environ_base={"REMOTE_ADDR": "192.0.2.1"}).status_code == 429
    assert client.post("/", data=form, environ_base={"REMOTE_ADDR": "192.0.2.2"}).status_code == 302


def test_limits_and_storage_come_from_the_environment(tmp_path, monkeypatch, redis_url):
    monkeypatch.setenv("FLASK_RATELIMIT_SAVE", "5 per minute")
    monkeypatch.setenv("RATELIMIT_STORAGE_URI", redis_url)
    app = create_app({"DATABASE_URL": fresh_database_url(tmp_path, "env.sqlite")})
    assert app.config["RATELIMIT_SAVE"] == "5 per minute"
    assert app.config["RATELIMIT_STORAGE_URI"] == redis_url


@pytest.fixture
def shared_redis(redis_url):
    redis.Redis.from_url(redis_url).flushdb()
    return redis_url


def test_workers_sharing_redis_count_together(limited_app, shared_redis):
    # Two apps = two gunicorn workers (or two machines) with the same RATELIMIT_STORAGE_URI and database.
    settings = {"RATELIMIT_SAVE": "2 per minute", "RATELIMIT_STORAGE_URI": shared_redis}
    first = limited_app(**settings)
    second = limited_app(DATABASE_URL=first.config["DATABASE_URL"], **settings)
    token, _ = make_draft(first)
    a, b = first.test_client(), second.test_client()
    assert a.post(f"/d/{token}/prayer", data={"prayer": "one", "version": "1"}).status_code == 302
    assert b.post(f"/d/{token}/prayer", data={"prayer": "two", "version": "2"}).status_code == 302
    refused = a.post(f"/d/{token}/prayer", data={"prayer": "three", "version": "3"})
    assert_says_when_to_retry(refused)
    assert "three" in text_of(refused)
    assert b.post(f"/d/{token}/prayer", data={"prayer": "four", "version": "3"}).status_code == 429
    assert version_of(first, token) == 3


def test_an_unreachable_redis_does_not_stop_a_save(limited_app):
    with __import__("socket").socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    app = limited_app(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{port}/0")
    token, _ = make_draft(app)
    response = app.test_client().post(f"/d/{token}/prayer", data={"prayer": "repair it", "version": "1"})
    assert response.status_code == 302 and version_of(app, token) == 2


def test_live_checks_over_the_limit_get_a_note_the_panel_shows_and_the_api_a_429(limited_app):
    app = limited_app(RATELIMIT_CHECK="2 per minute")
    client = app.test_client()
    token, _ = make_draft(app)
    for _ in range(2):
        assert client.post(f"/d/{token}/panel", data={"step": "prayer", "prayer": "repair the canal"}).status_code == 200
    refused = client.post(f"/d/{token}/panel", data={"step": "prayer", "prayer": "repair the canal"})
    assert_says_when_to_retry(refused)
    # A note the live-check script swaps in (data-check-note), not a whole page.
    assert "data-check-note" in refused.get_data(as_text=True) and "<html" not in refused.get_data(as_text=True)
    assert client.post("/api/check", json={"text": "We ask for a park."}).status_code == 429
