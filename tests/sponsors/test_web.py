"""The sponsor side through Flask's test client: /api/mp, the no-JS lookup, sponsor choices, the
sponsor's answer through the review link, and the timeline page with its .ics download."""
from __future__ import annotations

from babel.dates import format_date

import html
import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import requests
import responses

from petition.limits import GOVERNMENT_RESPONSE_DAYS, MAX_SPONSOR_CHOICES, SPONSOR_DAYS
from petition.model import Addressee, Petition
from petition.represent_copy import MANUAL_FALLBACK
from conftest import fresh_database_url
from web.db import get_session
from web.models import Draft
from web.models import SponsorChoice, SponsorResponse

ANSWERS = json.loads((Path(__file__).parent / "represent_answers.json").read_text(encoding="utf-8"))
API = "https://represent.opennorth.ca"  # app.py's default; `responses` answers it, nothing leaves the machine


def text_of(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.fixture
def represent():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


def answer_with(rsps, code, key="one_mp", status=200, **kwargs):
    if key is None:
        rsps.get(f"{API}/postcodes/{code}/", status=status, **kwargs)
    else:
        rsps.get(f"{API}/postcodes/{code}/", json=ANSWERS[key], status=status)


def make_draft(app, kind="e-petition", language="en") -> tuple[str, str]:
    """A stored draft; returns (edit token, review token)."""
    petition = Petition(kind=kind, language=language, addressee=Addressee(kind="house"),
                        grievances=["The Rideau Canal is a UNESCO World Heritage Site"],
                        prayer="protect the Rideau Canal's heritage status")
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, petition)
        session.commit()
        return token, draft.review_token


def draft_of(app, token) -> Draft:
    with app.app_context():
        return Draft.by_edit_token(get_session(), token)


def choices_of(app, token) -> list[tuple[int, str]]:
    with app.app_context():
        draft = Draft.by_edit_token(get_session(), token)
        return [(c.position, c.name) for c in SponsorChoice.for_draft(get_session(), draft.id)]


# -- GET /api/mp -------------------------------------------------------------------------------

def test_api_mp_gives_the_members_for_a_postal_code(client, represent):
    answer_with(represent, "K1A0A6")
    response = client.get("/api/mp?postal_code=k1a0a6")
    assert response.status_code == 200
    data = response.get_json()
    assert data["postal_code"] == "K1A 0A6" and data["source"] == "represent"
    [member] = data["members"]
    assert {k: member[k] for k in ("name", "party", "riding", "email")} == {
        "name": "Dana Whitfield", "party": "Liberal", "riding": "Ottawa Centre", "email": "dana.whitfield@parl.gc.ca"}
    assert member["url"].startswith("https://www.ourcommons.ca/")
    assert {"type": "constituency", "postal": "Main office\n404-111 Somerset Street West\nOttawa ON  K2P 0H9",
            "tel": "1 613-946-0000"} in member["offices"]


def test_api_mp_two_members_across_a_boundary(client, represent):
    answer_with(represent, "J9H5V8", "two_mps")
    data = client.get("/api/mp?postal_code=J9H 5V8").get_json()
    assert [m["riding"] for m in data["members"]] == ["Pontiac—Kitigan Zibi", "Hull—Aylmer"]


@pytest.mark.parametrize("query", ["", "?postal_code=", "?postal_code=K1A", "?postal_code=Q1A0A6"])
def test_api_mp_refuses_a_bad_postal_code_with_a_message_and_no_call(client, represent, query):
    response = client.get(f"/api/mp{query}")
    assert response.status_code == 400
    data = response.get_json()
    assert data["error"] == "invalid-postal-code" and data["message"] and data["fallback"] == MANUAL_FALLBACK
    assert len(represent.calls) == 0


def test_api_mp_says_its_refusal_in_the_language_asked_for(client, represent):
    english = client.get("/api/mp?postal_code=K1A").get_json()
    french = client.get("/api/mp?postal_code=K1A&lang=fr", headers={"Accept-Language": "en"}).get_json()
    assert (english["lang"], french["lang"]) == ("en", "fr")
    assert french["error"] == english["error"] == "invalid-postal-code"
    assert french["message"] != english["message"] and "code postal" in french["message"]
    assert client.get("/api/mp?postal_code=K1A", headers={"Accept-Language": "fr"}).get_json() == french


@pytest.mark.parametrize("setup, status, error", [
    (dict(key="not_found", status=404), 404, "unknown-postal-code"),
    (dict(key=None, status=503, body="busy"), 503, "busy"),
    (dict(key=None, status=429, body="slow down", headers={"Retry-After": "30"}), 503, "busy"),
    (dict(key=None, body=requests.ConnectTimeout("connect timed out")), 503, "unavailable"),
    (dict(key=None, body="{not json", content_type="application/json"), 502, "bad-answer"),
])
def test_api_mp_failures_are_json_with_a_plain_message_and_the_manual_fallback(client, represent, setup, status, error):
    answer_with(represent, "K1A0A6", **setup)
    response = client.get("/api/mp?postal_code=K1A 0A6")
    assert response.status_code == status
    data = response.get_json()
    assert data["error"] == error
    assert "Traceback" not in data["message"] and len(data["message"]) > 20
    assert data["fallback"] == MANUAL_FALLBACK
    if error == "busy":
        assert response.headers["Retry-After"].isdigit()


# -- the lookup on the addressee step, without JavaScript ---------------------------------------

def test_no_js_lookup_then_pick_sets_the_member_as_addressee(app, client, represent):
    answer_with(represent, "K1A0A6")
    token, _ = make_draft(app)
    step = f"/d/{token}/addressee"
    page = client.get(step)
    assert 'id="mp-postal-code"' in page.get_data(as_text=True)

    response = client.post(f"/d/{token}/mp/lookup", data={"postal_code": "k1a0a6", "next": step})
    assert response.status_code == 302
    target = urlsplit(response.location)
    assert target.path == step and parse_qs(target.query) == {"mp_postal_code": ["K1A 0A6"]}

    page = client.get(f"{target.path}?{target.query}")
    assert "Member of Parliament for K1A 0A6: Dana Whitfield (Liberal), Member for Ottawa Centre" in text_of(page)
    assert len(represent.calls) == 1  # the page was drawn from the cache

    response = client.post(f"/d/{token}/mp/use", data={
        "mp_postal_code": "K1A 0A6", "mp_member": "0", "mp_use": "addressee", "next": step})
    assert response.status_code == 302 and urlsplit(response.location).path == step
    draft = draft_of(app, token)
    assert draft.petition.addressee.kind == "member"
    assert (draft.petition.addressee.name, draft.petition.addressee.riding) == ("Dana Whitfield", "Ottawa Centre")
    review = client.get(f"/d/{token}/review")
    assert "Petition to Dana Whitfield, Member of Parliament for Ottawa Centre" in text_of(review)


def test_the_addressee_steps_lookup_comes_back_with_what_was_typed_unsaved(app, client, represent):
    answer_with(represent, "J9H5V8", "two_mps")
    token, _ = make_draft(app)
    before = draft_of(app, token).version
    response = client.post(f"/d/{token}/addressee", data={
        "kind": "minister", "title": "Minister of Health", "version": str(before),
        "postal_code": "j9h5v8", "mp_lookup": "1"})
    assert response.status_code == 200
    page = text_of(response)
    assert "Members of Parliament for J9H 5V8:" in page and "Marc-André Dubé (Bloc Québécois)" in page
    body = response.get_data(as_text=True)
    assert 'value="Minister of Health"' in body and 'value="J9H 5V8"' in body
    assert draft_of(app, token).version == before  # nothing saved until Save
    assert draft_of(app, token).petition.addressee.kind == "house"


def test_the_lookup_on_the_second_versions_addressee_step_shows_that_version(app, client, represent):
    answer_with(represent, "K1A0A6")
    token, _ = make_draft(app)
    client.post(f"/d/{token}/fr/", data={"how": "new", "version": str(draft_of(app, token).version)})
    french = draft_of(app, token)
    response = client.post(f"/d/{token}/fr/addressee", data={
        "kind": "minister", "title": "Ministre de la Santé", "version": str(french.version),
        "postal_code": "K1A 0A6", "mp_lookup": "1"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    # The French version's step, its own form posting back to itself, with the title typed there.
    assert f'action="/d/{token}/fr/addressee"' in body and 'value="Ministre de la Santé"' in body
    assert "Dana Whitfield" in text_of(response)
    assert draft_of(app, token).petition.addressee.kind == "house"  # the first version untouched


def test_a_step_lookup_sent_to_the_old_address_goes_to_the_step_with_its_fields(app, client, represent):
    token, _ = make_draft(app)
    fields = {"kind": "house", "version": "1", "postal_code": "K1A 0A6", "mp_lookup": "1"}
    response = client.post(f"/d/{token}/mp/lookup", data=fields)
    # 307: the browser posts the same fields to the step, which shows them again (page opened before a deploy).
    assert response.status_code == 307 and urlsplit(response.location).path == f"/d/{token}/addressee"


def test_no_js_lookup_failure_keeps_the_code_and_says_what_to_do(app, client, represent):
    answer_with(represent, "K1A0A6", key=None, status=503, body="busy")
    token, _ = make_draft(app)
    response = client.post(f"/d/{token}/mp/lookup", data={"postal_code": "K1A 0A6",
                                                          "next": f"/d/{token}/addressee"}, follow_redirects=True)
    page = text_of(response)
    assert "The Member lookup service is busy. Try again in 60 s." in page
    assert MANUAL_FALLBACK in page
    assert 'value="K1A 0A6"' in response.get_data(as_text=True)
    assert len(represent.calls) == 1  # the failed answer is not fetched again to draw the page


def test_a_next_address_off_the_draft_is_ignored(app, client, represent):
    answer_with(represent, "K1A0A6")
    token, _ = make_draft(app)
    for bad in ("https://evil.example/", "//evil.example/x", f"/d/{token}/../../admin", "/d/other/addressee"):
        response = client.post(f"/d/{token}/mp/lookup", data={"postal_code": "K1A0A6", "next": bad})
        location = urlsplit(response.location)
        assert location.netloc in ("", "localhost") and location.path == f"/d/{token}/addressee"


def test_picking_a_member_that_was_not_listed_is_refused(app, client, represent):
    answer_with(represent, "K1A0A6")
    token, _ = make_draft(app)
    response = client.post(f"/d/{token}/mp/use", data={"mp_postal_code": "K1A0A6", "mp_member": "3"},
                           follow_redirects=True)
    assert "Choose one of the Members listed." in text_of(response)
    assert draft_of(app, token).petition.addressee.kind == "house"


# -- the Members to ask ------------------------------------------------------------------------

def test_sponsor_choices_in_order_up_to_five_then_reorder_and_remove(app, client, represent):
    answer_with(represent, "J9H5V8", "two_mps")
    token, _ = make_draft(app)
    page = f"/d/{token}/sponsors"
    for index in (0, 1):
        client.post(f"/d/{token}/mp/use", data={"mp_postal_code": "J9H5V8", "mp_member": str(index),
                                                 "mp_use": "choice", "next": page})
    for n in range(3, MAX_SPONSOR_CHOICES + 2):
        client.post(page, data={"name": f"Member {n}", "riding": f"Riding {n}", "add_choice": "1"})
    assert choices_of(app, token) == [(1, "Geneviève Lachance"), (2, "Marc-André Dubé"), (3, "Member 3"),
                                      (4, "Member 4"), (5, "Member 5")]
    shown = text_of(client.get(page))
    assert "at most 5 Members (rule R-EP-8)" in shown
    with app.app_context():
        first = SponsorChoice.for_draft(get_session(), draft_of(app, token).id)[0]
        assert first.source == "represent" and first.office_postal.startswith("Bureau principal")
    client.post(f"{page}/{first.id}", data={"down": "1"})
    assert [n for _, n in choices_of(app, token)][:2] == ["Marc-André Dubé", "Geneviève Lachance"]
    client.post(f"{page}/{first.id}", data={"remove": "1"})
    assert choices_of(app, token) == [(1, "Marc-André Dubé"), (2, "Member 3"), (3, "Member 4"), (4, "Member 5")]


def test_a_typed_member_needs_a_name_and_riding(app, client):
    token, _ = make_draft(app)
    response = client.post(f"/d/{token}/sponsors", data={"name": "Dana Whitfield", "add_choice": "1"})
    assert response.status_code == 400
    assert "Enter the Member's riding." in text_of(response)
    assert choices_of(app, token) == []


def test_a_typed_member_with_an_e_mail_is_saved_and_a_bad_one_gets_a_message(app, client):
    token, _ = make_draft(app)
    member = {"name": "Dana Whitfield", "riding": "Ottawa Centre", "add_choice": "1"}
    response = client.post(f"/d/{token}/sponsors", data={**member, "email": "dana@parl"})
    assert response.status_code == 400
    assert "That is not an e-mail address." in text_of(response)
    assert choices_of(app, token) == []
    response = client.post(f"/d/{token}/sponsors", data={**member, "email": " dana.whitfield@parl.gc.ca "},
                           follow_redirects=True)
    assert response.status_code == 200
    assert 'href="mailto:dana.whitfield@parl.gc.ca"' in response.get_data(as_text=True)
    assert choices_of(app, token) == [(1, "Dana Whitfield")]


@pytest.mark.parametrize("url", ["javascript://example.com/%0Aalert(1)", "www.ourcommons.ca/members"])
def test_a_typed_profile_page_must_be_a_web_address(app, client, url):
    token, _ = make_draft(app)
    response = client.post(f"/d/{token}/sponsors", data={"name": "Dana Whitfield", "riding": "Ottawa Centre",
                                                         "url": url, "add_choice": "1"})
    assert response.status_code == 400
    assert "Give the page's full web address, starting with https://" in text_of(response)
    assert choices_of(app, token) == []


def test_the_same_member_twice_is_refused(app, client):
    token, _ = make_draft(app)
    for _ in range(2):
        response = client.post(f"/d/{token}/sponsors", data={"name": "Dana Whitfield", "riding": "Ottawa Centre",
                                                             "add_choice": "1"}, follow_redirects=True)
    assert "Dana Whitfield is already on your list." in text_of(response)
    assert len(choices_of(app, token)) == 1


def test_paper_the_presenting_members_office_is_where_sheets_go_not_the_petition(app, client, represent):
    answer_with(represent, "K1A0A6")
    token, _ = make_draft(app, kind="paper")
    page = f"/d/{token}/sponsors"
    client.post(f"/d/{token}/mp/use", data={"mp_postal_code": "K1A0A6", "mp_member": "0", "mp_use": "choice",
                                            "next": page})
    shown = text_of(client.get(page))
    assert "Dana Whitfield, Member of Parliament for Ottawa Centre Main office 404-111 Somerset Street West" in shown
    response = client.post(page, data={"name": "Other Member", "riding": "Elsewhere", "add_choice": "1"},
                           follow_redirects=True)
    assert "A paper petition needs one Member to present it" in text_of(response)
    from web.sponsoring import presenting_office
    with app.test_request_context():
        assert presenting_office(Draft.by_edit_token(get_session(), token)).splitlines() == [
            "Dana Whitfield, Member of Parliament for Ottawa Centre", "Main office",
            "404-111 Somerset Street West", "Ottawa ON  K2P 0H9"]
    # the petition itself still has its own addressee and no office address
    assert "Somerset" not in text_of(client.get(f"/d/{token}/review")).split("Members and their answers")[0]


# -- the sponsor's answer ----------------------------------------------------------------------

def test_sponsor_answer_round_trip_against_the_version_it_was_given_on(app, client):
    token, review = make_draft(app)
    review_page = client.get(f"/r/{review}")
    assert review_page.status_code == 200
    assert "Your answer to the organizer" in text_of(review_page)

    # "needs changes" without saying what is refused, and nothing is stored
    response = client.post(f"/r/{review}/answer", data={"answer": "changes", "comment": "", "version": "1"})
    assert response.status_code == 400
    assert "Say what needs to change" in text_of(response)

    response = client.post(f"/r/{review}/answer", data={
        "answer": "changes", "comment": "Please cite the UNESCO listing year.", "responder": "Office of D. Whitfield",
        "version": "1"}, follow_redirects=True)
    assert "your answer was sent to the organizer" in text_of(response)

    organizer = text_of(client.get(f"/d/{token}/review"))
    assert "Needs changes , from Office of D. Whitfield" in organizer  # tags become spaces
    assert "on version 1." in organizer and "Please cite the UNESCO listing year." in organizer
    assert "The draft has changed since" not in organizer

    # the organizer edits the draft: the answer is now about an older text
    with app.app_context():
        session = get_session()
        draft = Draft.by_edit_token(session, token)
        petition = draft.petition
        petition.grievances.append("The Canal was listed in 2007")
        draft.save(session, petition, draft.version)
        session.commit()
    organizer = text_of(client.get(f"/d/{token}/sponsors"))
    assert "The draft has changed since this answer (it is now version 2)" in organizer
    assert "The text they read (version 1)" in organizer

    client.post(f"/r/{review}/answer", data={"answer": "ready", "version": "2"})
    with app.app_context():
        rows = SponsorResponse.for_draft(get_session(), draft_of(app, token).id)
        assert [(r.answer, r.draft_version) for r in rows] == [("ready", 2), ("changes", 1)]


def edit_draft(app, token, clause="The Canal was listed in 2007") -> None:
    with app.app_context():
        session = get_session()
        draft = Draft.by_edit_token(session, token)
        petition = draft.petition
        petition.grievances.append(clause)
        draft.save(session, petition, draft.version)
        session.commit()


def answer_block(response) -> str:
    body = response.get_data(as_text=True)
    found = re.search(r'<div class="answer-sent[^"]*" id="answer-sent">(.*?)</div>', body, re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split()) if found else ""


def checked_answer(response) -> str | None:
    found = re.search(r'<input[^>]*checked[^>]*name="answer"[^>]*value="(\w+)"|'
                      r'<input[^>]*name="answer"[^>]*value="(\w+)"[^>]*checked', response.get_data(as_text=True))
    return (found.group(1) or found.group(2)) if found else None


def test_after_answering_the_review_link_shows_the_answer_sent_and_offers_to_change_it(app, client):
    _, review = make_draft(app)
    assert answer_block(client.get(f"/r/{review}")) == ""  # nothing sent yet: no answer shown
    response = client.post(f"/r/{review}/answer", data={
        "answer": "changes", "comment": "Please cite the UNESCO listing year.", "responder": "Office of D. Whitfield",
        "version": "1"})
    assert response.status_code == 302 and response.location.endswith(f"/r/{review}#answer-sent")
    page = client.get(f"/r/{review}")
    sent = answer_block(page)
    today = format_date(datetime.now(timezone.utc).date(), "long", locale="en")  # the answer's time is UTC
    assert sent.startswith("The answer sent through this link Needs changes , from Office of D. Whitfield")
    assert f"About version 1, sent on {today} at " in sent and "(UTC)" in sent
    assert "Please cite the UNESCO listing year." in sent
    assert "To change it, send a new answer below: it replaces this one." in sent
    # The form starts from the answer sent, so changing it is a matter of editing it.
    assert checked_answer(page) == "changes"
    assert "Please cite the UNESCO listing year.</textarea>" in page.get_data(as_text=True)
    assert 'value="Office of D. Whitfield"' in page.get_data(as_text=True)


def test_a_changed_answer_replaces_the_one_sent_about_that_version(app, client):
    token, review = make_draft(app)
    client.post(f"/r/{review}/answer", data={"answer": "changes", "comment": "Cite the year.", "version": "1"})
    response = client.post(f"/r/{review}/answer", data={"answer": "ready", "comment": "", "version": "1"},
                           follow_redirects=True)
    assert "Your answer about version 1 is changed: the organizer now sees this one." in text_of(response)
    sent = answer_block(response)
    assert sent.startswith("The answer sent through this link Ready to sponsor or present") and "Cite the year." not in sent
    assert checked_answer(response) == "ready"
    with app.app_context():
        rows = SponsorResponse.for_draft(get_session(), draft_of(app, token).id)
        assert [(r.answer, r.draft_version) for r in rows] == [("ready", 1)]
    assert "Needs changes" not in text_of(client.get(f"/d/{token}/review")).split("Members and their answers")[1]


def test_an_answer_about_an_older_version_says_so_and_the_form_answers_the_current_one(app, client):
    token, review = make_draft(app)
    client.post(f"/r/{review}/answer", data={"answer": "ready", "responder": "Office of D. Whitfield",
                                             "version": "1"})
    edit_draft(app, token)
    page = client.get(f"/r/{review}")
    sent = answer_block(page)
    assert "Ready to sponsor or present" in sent and "About version 1, sent on" in sent
    assert ("This answer is about version 1. The petition has changed since: it is now version 2, shown on this "
            "page. Read it again, then send your answer about this version.") in sent
    assert "To change it" not in sent
    # A new answer is about the text on the page: version 2, with no answer chosen for it yet.
    body = page.get_data(as_text=True)
    assert re.search(r'name="version"[^>]*value="2"|value="2"[^>]*name="version"', body)
    # Nor is it signed with the last office's name: the link may have gone to the next Member's office since.
    assert checked_answer(page) is None and 'value="Office of D. Whitfield"' not in body
    client.post(f"/r/{review}/answer", data={"answer": "changes", "comment": "Shorter, please.", "version": "2"})
    sent = answer_block(client.get(f"/r/{review}"))
    assert "Needs changes" in sent and "About version 2" in sent and "has changed since" not in sent


def test_the_answer_sent_is_shown_on_french_screens(app, client):
    _, review = make_draft(app)
    client.post(f"/r/{review}/answer", data={"answer": "changes", "comment": "Citer l’année.", "version": "1"})
    client.set_cookie("ui_lang", "fr")
    sent = answer_block(client.get(f"/r/{review}"))
    today = format_date(datetime.now(timezone.utc).date(), "long", locale="fr_CA")
    assert sent.startswith("La réponse envoyée par ce lien Des modifications sont nécessaires")
    assert f"Sur la version 1, envoyée le {today} à " in sent and "(UTC)" in sent
    assert "Pour la modifier, envoyez une nouvelle réponse ci-dessous : elle remplacera celle-ci." in sent


def test_the_answer_page_of_the_link_shows_the_answer_sent_too(app, client):
    _, review = make_draft(app)
    client.post(f"/r/{review}/answer", data={"answer": "ready", "version": "1"})
    page = client.get(f"/r/{review}/answer")
    assert "Ready to sponsor or present" in answer_block(page) and checked_answer(page) == "ready"
    assert '<h2 id="answer-sent-heading">' in page.get_data(as_text=True)


def test_an_answer_sent_after_the_session_expired_comes_back_kept_with_a_fresh_token(tmp_path):
    from app import create_app
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": True,
                      "DATABASE_URL": fresh_database_url(tmp_path, 'csrf.sqlite')})
    _, review = make_draft(app)
    client = app.test_client()
    comment = "Please cite the UNESCO listing year in clause 1."
    response = client.post(f"/r/{review}/answer", data={
        "answer": "changes", "comment": comment, "version": "1", "csrf_token": "from-a-session-long-gone"})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "your answer was not sent yet. It is kept below" in text_of(response)
    assert html.escape(comment, quote=False) in page and re.search(r'<input checked[^>]*value="changes"', page)
    with app.app_context():
        assert get_session().query(SponsorResponse).count() == 0
    # The form now carries a token that works: sending it again stores the answer.
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(f"/r/{review}/answer", data={
        "answer": "changes", "comment": comment, "version": "1", "csrf_token": token})
    assert response.status_code == 302
    with app.app_context():
        assert [r.comment for r in get_session().query(SponsorResponse)] == [comment]


def test_a_stale_session_on_a_dead_link_is_a_404_and_a_huge_version_a_400(tmp_path):
    """Both were 500s: abort() inside the CSRF handler, and WTForms' NumberRange overflowing on 400 digits."""
    from app import create_app
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": True,
                      "DATABASE_URL": fresh_database_url(tmp_path, 'csrf.sqlite')})
    token, review = make_draft(app)
    client = app.test_client()
    for url in ("/r/" + "A" * 43 + "/answer", "/d/" + "A" * 43 + "/prayer", "/d/" + "A" * 43 + "/ready",
                f"/d/{review}/prayer"):
        response = client.post(url, data={"version": "1", "answer": "ready", "prayer": "x"})
        assert response.status_code == 404, url
    page = client.get(f"/r/{review}/answer").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(f"/r/{review}/answer", data={"csrf_token": csrf, "version": "9" * 400, "answer": "ready"})
    assert response.status_code == 400


def test_control_characters_pasted_into_an_answer_are_dropped_and_the_rest_kept(app, client):
    _, review = make_draft(app)
    response = client.post(f"/r/{review}/answer", data={
        "answer": "changes", "comment": "Cite\x00 the\x1b[31m Act.\r\nThanks 😀", "responder": "Office\x07 of D. W.",
        "version": "1"})
    assert response.status_code == 302
    with app.app_context():
        stored = get_session().query(SponsorResponse).one()
        assert (stored.comment, stored.responder) == ("Cite the[31m Act.\nThanks 😀", "Office of D. W.")


def test_an_over_long_answer_says_which_box_and_by_how_much(app, client):
    _, review = make_draft(app)
    response = client.post(f"/r/{review}/answer", data={
        "answer": "changes", "comment": "x" * 5_001, "responder": "y" * 201, "version": "1"})
    assert response.status_code == 400
    page = text_of(response)
    assert "Your comment can be at most 5,000 characters; this has 5,001." in page
    assert "Your name or office can be at most 200 characters; this has 201." in page
    assert "Field cannot be longer" not in page
    with app.app_context():
        assert get_session().query(SponsorResponse).count() == 0


def test_an_answer_about_a_version_that_does_not_exist_is_refused(app, client):
    _, review = make_draft(app)
    response = client.post(f"/r/{review}/answer", data={"answer": "ready", "version": "9"})
    assert response.status_code == 400
    assert "does not exist" in text_of(response)


def test_the_review_token_cannot_edit_the_draft(app, client, represent):
    answer_with(represent, "K1A0A6")
    token, review = make_draft(app)
    assert client.get(f"/d/{review}/addressee").status_code == 404
    assert client.get(f"/d/{review}/sponsors").status_code == 404
    assert client.post(f"/d/{review}/mp/use", data={"mp_postal_code": "K1A0A6", "mp_member": "0"}).status_code == 404
    assert client.post(f"/d/{review}/timeline", data={"presented": "2028-01-01"}).status_code == 404
    assert draft_of(app, token).version == 1
    assert client.get("/r/not-a-token/answer").status_code == 404


# -- the timeline ------------------------------------------------------------------------------

def test_timeline_page_shows_the_deadlines_and_the_ics_holds_them(app, client):
    token, _ = make_draft(app)
    client.post(f"/d/{token}/sponsors", data={"name": "Dana Whitfield", "riding": "Ottawa Centre", "add_choice": "1"})
    client.post(f"/d/{token}/sponsors", data={"name": "Member Two", "riding": "Riding Two", "add_choice": "1"})
    sent = date.today() + timedelta(days=3)  # planned: nothing has passed yet
    response = client.post(f"/d/{token}/timeline", data={"sent_to_sponsor": sent.isoformat()})
    assert response.status_code == 302
    page = client.get(f"/d/{token}/timeline")
    shown = text_of(page)
    first = sent + timedelta(days=SPONSOR_DAYS)
    # Dates as Babel writes them for the screens' language (Canadian English by default).
    assert f"{format_date(first, 'full', locale='en_CA')} Sponsor choice 1: last day to accept" in shown
    assert "Sponsor choice 2" in shown and "Sponsor choice 3" not in shown  # two Members named
    assert "At least 500 valid signatures" in shown

    ics = client.get(f"/d/{token}/timeline.ics")
    assert ics.mimetype == "text/calendar"
    assert "attachment" in ics.headers["Content-Disposition"]
    events = list(icalendar.Calendar.from_ical(ics.data).walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [first, sent + timedelta(days=2 * SPONSOR_DAYS)]
    assert token not in ics.get_data(as_text=True)


def test_timeline_impossible_order_is_explained_and_gives_no_deadline(app, client):
    token, _ = make_draft(app)
    client.post(f"/d/{token}/timeline", data={"published": "2028-03-01", "open_days": "30", "presented": "2028-03-10"})
    shown = text_of(client.get(f"/d/{token}/timeline"))
    assert "Check the dates: The petition cannot be presented (Friday, March 10, 2028) before it closes" in shown
    assert "Government response due" not in shown


def test_timeline_paper_presented_gives_the_response_date(app, client):
    token, _ = make_draft(app, kind="paper")
    presented = date(2028, 2, 29)
    client.post(f"/d/{token}/timeline", data={"presented": presented.isoformat()})
    shown = text_of(client.get(f"/d/{token}/timeline"))
    due = presented + timedelta(days=GOVERNMENT_RESPONSE_DAYS)
    assert format_date(due, "full", locale="en_CA") in shown and "Government response due" in shown
    assert "collect 30 to 35" in shown


def test_timeline_warns_of_the_fixed_date_election_and_follows_the_configured_last_one(app, client):
    token, _ = make_draft(app)
    client.post(f"/d/{token}/timeline", data={"published": "2029-07-01", "open_days": "90"})
    shown = text_of(client.get(f"/d/{token}/timeline"))
    assert "The next general election is held by Monday, October 15, 2029" in shown and "(R-EP-13)" in shown
    client.post(f"/d/{token}/timeline", data={"published": "2031-07-01", "open_days": "90"})
    assert "R-EP-13" not in text_of(client.get(f"/d/{token}/timeline"))  # 2031 is between fixed dates
    app.config["LAST_GENERAL_ELECTION"] = "2027-05-03"  # an early election, set by the deployment
    assert "held by Monday, October 20, 2031" in text_of(client.get(f"/d/{token}/timeline"))
    app.config["LAST_GENERAL_ELECTION"] = "15/10/2029"  # a typo: the built-in date, never a 500
    assert client.get(f"/d/{token}/timeline").status_code == 200


def test_timeline_bad_date_and_period_are_refused_with_messages(app, client):
    token, _ = make_draft(app)
    response = client.post(f"/d/{token}/timeline", data={"published": "31/02/2028", "open_days": "45"})
    assert response.status_code == 400
    shown = text_of(response)
    assert "Enter a date that exists on the calendar, as year-month-day" in shown
    assert "Choose an open period of 30, 60, 90 or 120 days." in shown


def test_a_date_years_away_is_refused_not_saved_and_a_stored_one_cannot_break_the_page(app, client):
    token, _ = make_draft(app)
    response = client.post(f"/d/{token}/timeline", data={"presented": "9999-12-31", "published": "2028-01-01"})
    assert response.status_code == 400
    assert ("The year of the presentation date (Friday, December 31, 9999) looks mistyped: it is more than 10 years "
            "away.") in text_of(response)
    assert "Government response due" not in text_of(client.get(f"/d/{token}/timeline"))  # nothing was saved
    # A far date stored before this check existed: the page and the calendar still answer.
    with app.app_context():
        from web.db import get_session
        from web.models import TimelineDates
        session = get_session()
        draft = draft_of(app, token)
        session.add(TimelineDates(draft_id=draft.id, sent_to_sponsor=date(9999, 12, 1),
                                  published=date(9999, 12, 20), open_days=120))
        session.commit()
    page = client.get(f"/d/{token}/timeline")
    assert page.status_code == 200 and "more than 10 years away" in text_of(page)
    assert client.get(f"/d/{token}/timeline.ics").status_code == 200


# -- the cover letter (paper) ------------------------------------------------------------------

def test_cover_letter_pdf_is_addressed_to_the_presenting_members_office(app, client, represent):
    from io import BytesIO

    from pypdf import PdfReader

    answer_with(represent, "K1A0A6")
    token, _ = make_draft(app, kind="paper")
    assert client.get(f"/d/{token}/cover-letter.pdf").status_code == 404  # no Member chosen yet
    client.post(f"/d/{token}/mp/use", data={"mp_postal_code": "K1A0A6", "mp_member": "0", "mp_use": "choice"})
    response = client.get(f"/d/{token}/cover-letter.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(BytesIO(response.data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Dana Whitfield Main office 404-111 Somerset Street West Ottawa ON K2P 0H9" in text
    assert "Petition to the House of Commons" in text
    assert "call upon the House of Commons to protect the Rideau Canal's heritage status." in text
    assert "at least 25 valid signatures" in text


def test_no_cover_letter_for_an_e_petition(app, client):
    token, _ = make_draft(app)
    client.post(f"/d/{token}/sponsors", data={"name": "Dana Whitfield", "riding": "Ottawa Centre",
                                              "office_postal": "1 Main St\nOttawa ON  K1A 0A6", "add_choice": "1"})
    response = client.get(f"/d/{token}/cover-letter.pdf")
    assert response.status_code == 404
    assert "A cover letter needs a paper petition" in text_of(response)


def test_volunteer_instructions_send_the_sheets_to_the_presenting_members_office(app, client, represent):
    from io import BytesIO

    from pypdf import PdfReader

    answer_with(represent, "K1A0A6")
    token, _ = make_draft(app, kind="paper")
    client.post(f"/d/{token}/mp/use", data={"mp_postal_code": "K1A0A6", "mp_member": "0", "mp_use": "choice"})
    response = client.get(f"/d/{token}/volunteer-instructions.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages).split())
    assert "Dana Whitfield, Member of Parliament for Ottawa Centre Main office 404-111 Somerset Street West" in text
    e_token, _ = make_draft(app)
    assert client.get(f"/d/{e_token}/volunteer-instructions.pdf").status_code == 404
    fr_token, _ = make_draft(app, kind="paper", language="fr")
    client.post(f"/d/{fr_token}/mp/use", data={"mp_postal_code": "K1A0A6", "mp_member": "0", "mp_use": "choice"})
    french = client.get(f"/d/{fr_token}/volunteer-instructions.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(french.data)).pages).split())
    assert "Dana Whitfield, député d’Ottawa Centre" in text and "Member of Parliament" not in text


def test_the_app_builds_one_client_and_opens_its_cache_on_the_first_lookup(make_app, represent, tmp_path):
    cache = tmp_path / "represent-cache.sqlite"
    app = make_app(REPRESENT_CACHE_PATH=str(cache))
    client = app.extensions["represent_client"]
    assert not cache.exists()  # nothing opened before gunicorn forks the workers
    answer_with(represent, "K1A0A6")
    web = app.test_client()
    assert web.get("/api/mp?postal_code=K1A0A6").status_code == 200
    assert web.get("/api/mp?postal_code=K1A 0A6").status_code == 200
    assert cache.exists() and app.extensions["represent_client"] is client and len(represent.calls) == 1


def test_over_the_configured_rate_limit_the_api_says_busy_without_calling_out(make_app, represent):
    client = make_app(REPRESENT_RATE_LIMIT=1).test_client()
    answer_with(represent, "K1A0A6")
    answer_with(represent, "J9H5V8", "two_mps")
    assert client.get("/api/mp?postal_code=K1A0A6").status_code == 200
    response = client.get("/api/mp?postal_code=J9H5V8")
    assert response.status_code == 503
    data = response.get_json()
    assert data["error"] == "busy" and "Try again in" in data["message"]
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert len(represent.calls) == 1
    assert client.get("/api/mp?postal_code=K1A 0A6").status_code == 200  # cached: still answered
