"""Finding the MP by postal code and addressing the petition to them, in chromium, with and without JavaScript.

Represent is played by a fake HTTP server on 127.0.0.1 that answers with the recorded shapes in
tests/sponsors/represent_answers.json; the live server reaches it through REPRESENT_API_URL.
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from petition.model import Addressee, Petition
from web.db import get_session
from web import represent as represent_wiring
from web.models import Draft

from .test_accessibility import assert_accessible

ANSWERS = json.loads((Path(__file__).parent.parent / "sponsors" / "represent_answers.json").read_text("utf-8"))
# path -> (status, body)
ROUTES = {
    "/postcodes/K1A0A6/": (200, ANSWERS["one_mp"]),
    "/postcodes/J9H5V8/": (200, ANSWERS["two_mps"]),
    "/postcodes/H0H0H0/": (503, {"error": "Service Unavailable"}),
}


class FakeRepresent(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        path, _, query = self.path.partition("?")
        self.server.requests.append(self.path)
        status, body = ROUTES.get(path, (404, {"error": "Not Found"}))
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def represent(live_server, tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeRepresent)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    config = live_server.app.config
    saved = {key: config.get(key) for key in ("REPRESENT_API_URL", "REPRESENT_CACHE_PATH", "REPRESENT_LIMIT_PATH")}
    config["REPRESENT_API_URL"] = f"http://127.0.0.1:{server.server_port}"
    config["REPRESENT_CACHE_PATH"] = str(tmp_path / "represent-cache.sqlite")
    # Represent's limit is counted in a file all workers share: a fresh one per test, not instance/'s.
    config["REPRESENT_LIMIT_PATH"] = str(tmp_path / "represent-limit.sqlite")
    represent_wiring.init_app(live_server.app)  # a fresh cache for each test
    yield server
    config.update(saved)
    represent_wiring.init_app(live_server.app)
    server.shutdown()
    thread.join(5)


def new_draft(live_server) -> str:
    petition = Petition(kind="e-petition", language="en", addressee=Addressee(kind="government"),
                        grievances=["The Rideau Canal is a UNESCO World Heritage Site"],
                        prayer="protect the Rideau Canal's heritage status")
    with live_server.app.app_context():
        session = get_session()
        draft, token = Draft.create(session, petition)
        session.commit()
    return token


def test_enter_in_the_postal_code_box_looks_up_and_keeps_the_step_as_typed(page: Page, live_server, represent):
    token = new_draft(live_server)
    page.goto(f"/d/{token}/addressee")
    page.get_by_label("A Minister of the Crown").check()
    page.get_by_label("Minister's title or portfolio").fill("Minister of Health")
    page.get_by_role("textbox", name="Postal code").fill("K1A0A6")
    page.get_by_role("textbox", name="Postal code").press("Enter")
    expect(page.locator("[data-mp-results]")).to_contain_text("Dana Whitfield (Liberal), Member for Ottawa Centre")
    assert page.url.endswith(f"/d/{token}/addressee")  # answered in place: nothing saved, nothing left
    expect(page.get_by_label("Minister's title or portfolio")).to_have_value("Minister of Health")


def test_find_the_mp_by_postal_code_and_address_the_petition_to_them(page: Page, live_server, represent):
    token = new_draft(live_server)
    page.goto(f"/d/{token}/addressee")
    page.get_by_role("textbox", name="Postal code").fill("k1a 0a6")
    page.get_by_role("button", name="Find the Member").click()

    results = page.locator("[data-mp-results]")
    expect(results).to_contain_text("Member of Parliament for K1A 0A6:")
    expect(results).to_contain_text("Dana Whitfield (Liberal), Member for Ottawa Centre")
    expect(results).not_to_contain_text("Sam Ortega")  # the provincial member is not an MP
    assert_accessible(page, "addressee step with the lookup's answer")
    assert "mp_postal_code" not in page.url  # answered in place by the script
    assert represent.requests == ["/postcodes/K1A0A6/?sets=federal-electoral-districts-2023-representation-order"]

    page.get_by_role("button", name="Address the petition to Dana Whitfield").click()
    expect(page.locator(".flashes")).to_contain_text(
        "The petition now begins \u201cPetition to Dana Whitfield, Member of Parliament for Ottawa Centre\u201d.")
    expect(page.get_by_label("A Member of Parliament")).to_be_checked()
    expect(page.get_by_label("Member's name")).to_have_value("Dana Whitfield")
    expect(page.get_by_label("Member's riding")).to_have_value("Ottawa Centre")

    page.goto(f"/d/{token}/review")
    expect(page.locator("#petition-text")).to_contain_text(
        "Petition to Dana Whitfield, Member of Parliament for Ottawa Centre")


def test_a_failed_lookup_says_so_and_the_member_can_be_typed_instead(page: Page, live_server, represent):
    token = new_draft(live_server)
    page.goto(f"/d/{token}/addressee")
    page.get_by_role("textbox", name="Postal code").fill("H0H 0H0")
    page.get_by_role("button", name="Find the Member").click()
    results = page.locator("[data-mp-results]")
    expect(results).to_contain_text("The Member lookup service is busy.")
    expect(results).to_contain_text("You can still type the Member's name and riding yourself.")
    assert_accessible(page, "addressee step with the lookup's failure")

    page.get_by_label("A Member of Parliament").check()
    page.get_by_label("Member's name").fill("Dana Whitfield")
    page.get_by_label("Member's riding").fill("Ottawa Centre")
    page.get_by_role("button", name="Save and continue").click()
    page.goto(f"/d/{token}/review")
    expect(page.locator("#petition-text")).to_contain_text(
        "Petition to Dana Whitfield, Member of Parliament for Ottawa Centre")


def test_without_javascript_the_lookup_returns_to_the_step_with_the_choices(browser: Browser, live_server, represent):
    token = new_draft(live_server)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"/d/{token}/addressee")
        page.get_by_label("A Minister of the Crown").check()
        page.get_by_label("Minister's title or portfolio").fill("Minister of Health")
        page.get_by_role("textbox", name="Postal code").fill("J9H5V8")
        page.get_by_role("button", name="Find the Member").click()
        # The page comes back with what was typed on it, unsaved, and the Members for the code.
        expect(page.get_by_label("Minister's title or portfolio")).to_have_value("Minister of Health")
        expect(page.get_by_label("A Minister of the Crown")).to_be_checked()
        expect(page.get_by_role("textbox", name="Postal code")).to_have_value("J9H 5V8")
        results = page.locator("[data-mp-results]")
        expect(results).to_contain_text("Members of Parliament for J9H 5V8:")
        expect(results).to_contain_text("Marc-André Dubé (Bloc Québécois), Member for Hull—Aylmer")
        page.get_by_role("button", name="Address the petition to Marc-André Dubé").click()
        expect(page.get_by_label("Member's name")).to_have_value("Marc-André Dubé")
        expect(page.get_by_label("Member's riding")).to_have_value("Hull—Aylmer")
        assert len(represent.requests) == 1  # drawing the choices and picking one came from the cache
    finally:
        context.close()


def test_members_to_ask_from_the_lookup_then_their_deadlines(page: Page, live_server, represent):
    token = new_draft(live_server)
    page.goto(f"/d/{token}/sponsors")
    page.get_by_role("textbox", name="Postal code").fill("J9H 5V8")
    page.get_by_role("button", name="Find the Member").click()
    page.get_by_role("button", name="Add to my list: Marc-André Dubé").click()
    expect(page.locator(".flashes")).to_contain_text("Added Marc-André Dubé (Hull—Aylmer).")
    page.get_by_role("textbox", name="Postal code").fill("K1A 0A6")
    page.get_by_role("button", name="Find the Member").click()
    page.get_by_role("button", name="Add to my list: Dana Whitfield").click()
    choices = page.locator(".sponsor-choices > li")
    expect(choices).to_have_count(2)
    expect(choices.nth(0)).to_contain_text("Marc-André Dubé (Bloc Québécois), Member for Hull—Aylmer")
    assert_accessible(page, "Members to ask, with two choices")
    page.get_by_role("button", name="Move Dana Whitfield up").click()
    expect(page.locator(".sponsor-choices > li").nth(0)).to_contain_text("Dana Whitfield")

    page.get_by_role("link", name="Deadlines and timeline").click()
    page.get_by_label("Sent to your first sponsor choice").fill("2032-01-31")  # a leap year: January 31 + 30 days is March 1
    page.get_by_role("button", name="Show the deadlines").click()
    rows = page.locator("table.deadlines tbody tr")
    expect(rows).to_have_count(2)  # two Members named: two sponsor deadlines
    expect(rows.nth(0)).to_contain_text("Monday, March 1, 2032")
    expect(rows.nth(1)).to_contain_text("Wednesday, March 31, 2032")
