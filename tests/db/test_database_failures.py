"""Nothing typed is lost when the database fails: every POST route (found in app.url_map, so a new one cannot be
missed) and the paper PDF, whose print record must be written, answer 503 with the typed text in a form and log
one line, while the database is locked by another connection, read-only, or unreachable.

- locked: SQLite `BEGIN EXCLUSIVE` held by another connection (in WAL mode pages still read, writes wait and
  fail); PostgreSQL `LOCK TABLE ... ACCESS EXCLUSIVE` on every table (reads fail too). The app waits 100 ms.
- read-only: SQLite opened read-only (`mode=ro`: root ignores file permissions, SQLite does not);
  PostgreSQL `ALTER DATABASE ... SET default_transaction_read_only = on`.
- unreachable: the database file's directory or the server's socket does not exist (a restarting server).
"""
from __future__ import annotations

import html
import json
import logging
import re
import sqlite3
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import responses
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.datastructures import MultiDict

from app import create_app
from conftest import TEST_DATABASE_URL, dispose
from petition.analysis import analyze_petition
from petition.model import Addressee, Petition
from petition.suggestions import can_apply
from web.db import get_session
from web.drafting import fingerprint
from web.models import Draft
from web.models import SponsorChoice, SponsorResponse

ANSWERS = json.loads((Path(__file__).parent.parent / "sponsors" / "represent_answers.json").read_text("utf-8"))
API = "https://represent.opennorth.ca"
TABLES = ["drafts", "draft_versions", "sponsor_choices", "sponsor_responses", "timeline_dates", "print_runs"]
KEPT = "Gardé ✓ «{}» <b>&amp; 42"  # accents, a symbol, markup and an entity: all must come back as typed


@dataclass
class Case:
    endpoint: str
    method: str
    url: str
    data: dict | None = None
    typed: list[str] = field(default_factory=list)  # what must be on the 503 page
    # "writes" (the default), "reads" (a database that only refuses writes does not fail it) or "none" (the route
    # never touches the database, so no failure of it may change the answer).
    database: str = "writes"
    json: dict | None = None


@dataclass
class Drafts:
    token: str  # an e-petition with a shouting clause (an applicable suggestion) and one Member chosen
    review: str
    paper: str  # a paper petition without errors, ready to print
    choice_id: int
    finding: str
    ready: str = ""  # an e-petition marked ready, to be marked as sent to supporters


def make_drafts(app) -> Drafts:
    with app.app_context():
        session = get_session()
        petition = Petition(kind="e-petition", language="en", addressee=Addressee(kind="house"),
                            grievances=["The Rideau Canal is a UNESCO World Heritage Site",
                                        "PARKS CANADA MUST ACT NOW"],
                            prayer="protect the Rideau Canal's heritage status",
                            second_version=Petition(language="fr", addressee=Addressee(kind="house"),
                                                    prayer="protéger le statut patrimonial du canal Rideau"))
        draft, token = Draft.create(session, petition)
        paper = Petition(kind="paper", language="en", addressee=Addressee(kind="house"),
                         grievances=["The Rideau Canal is a UNESCO World Heritage Site"],
                         prayer="protect the Rideau Canal's heritage status")
        _, paper_token = Draft.create(session, paper)
        ready, ready_token = Draft.create(session, Petition(kind="e-petition", language="en",
                                                            addressee=Addressee(kind="house"),
                                                            prayer="protect the Rideau Canal's heritage status"))
        ready.ready_version = 1
        session.flush()
        choice = SponsorChoice.add(session, draft.id, name="Sam Tremblay", riding="Hull—Aylmer")
        session.commit()
        finding = next(f for f in analyze_petition(petition).findings if can_apply(petition, f))
        return Drafts(token, draft.review_token, paper_token, choice.id, fingerprint(finding), ready_token)


def cases(d: Drafts) -> dict[str, list[Case]]:
    """By endpoint: every POST route, each step of the drafting journey, and the paper PDF."""
    t = d.token
    return {
        "drafting.start": [Case("drafting.start", "POST", "/", {
            "how": "paste", "kind": "e-petition", "language": "en",
            "text": "Petition to the House of Commons\nWhereas " + KEPT.format("start") + "\nWe ask for a park."},
            typed=[KEPT.format("start")])],
        "drafting.step": [
            Case("drafting.step", "POST", f"/d/{t}/addressee", {
                "kind": "minister", "title": KEPT.format("title"), "version": "1"}, typed=[KEPT.format("title")]),
            Case("drafting.step", "POST", f"/d/{t}/petitioners", {
                "petitioners": KEPT.format("petitioners"), "version": "1"}, typed=[KEPT.format("petitioners")]),
            Case("drafting.step", "POST", f"/d/{t}/grievances", {
                "grievances-0": KEPT.format("clause 1"), "grievances-1": KEPT.format("clause 2\nsecond line"),
                "version": "1"}, typed=[KEPT.format("clause 1"), KEPT.format("clause 2\nsecond line")]),
            Case("drafting.step", "POST", f"/d/{t}/prayer", {
                "prayer": KEPT.format("prayer"), "version": "1"}, typed=[KEPT.format("prayer")]),
            Case("drafting.step", "POST", f"/d/{t}/settings", {"kind": "paper", "language": "fr", "version": "1"}),
        ],
        # The second-language version: its steps, adding (pasting) it, removing it.
        "drafting.second_step": [Case("drafting.second_step", "POST", f"/d/{t}/fr/prayer", {
            "prayer": KEPT.format("prière"), "version": "1"}, typed=[KEPT.format("prière")])],
        "drafting.second_version": [Case("drafting.second_version", "POST", f"/d/{t}/fr/", {
            "how": "paste", "text": KEPT.format("version française"), "version": "1"},
            typed=[KEPT.format("version française")])],
        "drafting.remove_second_version": [Case("drafting.remove_second_version", "POST", f"/d/{t}/fr/remove",
                                                {"confirm": "y", "version": "1"})],
        # The language switch on the sponsor's page shows the answer being typed again: it reads, never writes.
        "drafting.sponsor_review": [Case("drafting.sponsor_review", "POST", f"/r/{d.review}", {
            "ui_lang": "fr", "answer": "changes", "comment": KEPT.format("commentaire"), "version": "1"},
            typed=[KEPT.format("commentaire")], database="reads")],
        # The live panel reads the draft and writes nothing; the start page's reads nothing at all.
        "drafting.panel": [Case("drafting.panel", "POST", f"/d/{t}/panel", {
            "step": "prayer", "prayer": KEPT.format("live")}, typed=[KEPT.format("live")], database="reads")],
        "drafting.second_panel": [Case("drafting.second_panel", "POST", f"/d/{t}/fr/panel", {
            "step": "prayer", "prayer": KEPT.format("en direct")}, typed=[KEPT.format("en direct")], database="reads")],
        "drafting.start_panel": [Case("drafting.start_panel", "POST", "/start/panel", {
            "how": "paste", "text": "We ask for a park.", "kind": "e-petition", "language": "en"}, database="none")],
        "drafting.apply_suggestion": [Case("drafting.apply_suggestion", "POST", f"/d/{t}/apply",
                                           {"version": "1", "finding": d.finding})],
        "drafting.mark_ready": [Case("drafting.mark_ready", "POST", f"/d/{t}/ready",
                                     {"version": "1", "acknowledge": "y"})],
        "mp_lookup.lookup": [Case("mp_lookup.lookup", "POST", f"/d/{t}/mp/lookup", {
            "postal_code": "K1A 0A6", "next": f"/d/{t}/addressee"}, database="reads")],
        "mp_lookup.use_member": [Case("mp_lookup.use_member", "POST", f"/d/{t}/mp/use", {
            "mp_postal_code": "K1A0A6", "mp_member": "0", "mp_use": "choice", "next": f"/d/{t}/sponsors"})],
        "sponsors.choices": [Case("sponsors.choices", "POST", f"/d/{t}/sponsors", {
            "name": KEPT.format("name"), "riding": KEPT.format("riding"), "office_postal": KEPT.format("office"),
            "add_choice": "Add"}, typed=[KEPT.format("name"), KEPT.format("riding"), KEPT.format("office")])],
        "sponsors.move_choice": [Case("sponsors.move_choice", "POST", f"/d/{t}/sponsors/{d.choice_id}",
                                      {"remove": "Remove"})],
        "answers.answer": [Case("answers.answer", "POST", f"/r/{d.review}/answer", {
            "answer": "changes", "comment": KEPT.format("comment"), "responder": KEPT.format("office"),
            "version": "1"}, typed=[KEPT.format("comment"), KEPT.format("office")])],
        "timeline.timeline": [Case("timeline.timeline", "POST", f"/d/{t}/timeline", {
            "sent_to_sponsor": "2027-01-11", "published": "2027-02-15", "open_days": "120"},
            typed=["2027-01-11", "2027-02-15"])],
        # The language switch on the sponsor's page posts the answer being typed, to show it again (i18n).
        "drafting.sponsor_review": [Case("drafting.sponsor_review", "POST", f"/r/{d.review}", {
            "ui_lang": "fr", "answer": "changes", "comment": KEPT.format("comment"), "version": "1"},
            typed=[KEPT.format("comment")], database="reads")],
        # The hand-off: "sent to supporters", and a new draft copied with what a step page held.
        "handoff.mark_sent": [Case("handoff.mark_sent", "POST", f"/d/{d.ready}/sent", {"version": "1", "confirm": "y"})],
        "drafting.copy": [Case("drafting.copy", "POST", f"/d/{t}/copy?step=prayer", {
            "prayer": KEPT.format("copied prayer"), "version": "1"}, typed=[KEPT.format("copied prayer")])],
        "api.check": [Case("api.check", "POST", "/api/check", json={"text": "We ask for a park."}, database="none")],
        # A GET that writes: the sheets are handed out only once their version is on record.
        "downloads.paper": [Case("downloads.paper", "GET", f"/d/{d.paper}/paper.pdf?size=legal&sheets=3")],
    }


def post_endpoints(app) -> set[str]:
    return {rule.endpoint for rule in app.url_map.iter_rules() if "POST" in rule.methods}


def test_every_post_route_has_a_failure_case(app):
    """A new POST route must be added to cases() above (with database="none" if it never touches the database),
    so this file checks it keeps the text too."""
    drafts = Drafts("t", "r", "p", 1, "f")
    assert post_endpoints(app) <= set(cases(drafts)), post_endpoints(app) - set(cases(drafts))


# ----- the failing database ---------------------------------------------------------------------------

class Failure:
    """A healthy app to set up drafts with, and `failing_app()` for the same data while the database fails."""

    def __init__(self, mode: str, make_app, tmp_path):
        self.mode = mode
        self.healthy = make_app(DATABASE_LOCK_TIMEOUT_MS=100)
        self.url = self.healthy.config["DATABASE_URL"]
        self.tmp_path = tmp_path
        self._undo = []

    def failing_app(self):
        url = self.url
        if self.mode == "locked":
            self._lock()
        elif self.mode == "read-only":
            url = self._read_only()
        elif self.mode == "unreachable":
            url = self._unreachable()
        app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "WTF_CSRF_ENABLED": False,
                          "DATABASE_URL": url, "DATABASE_LOCK_TIMEOUT_MS": 100})
        self._undo.append(lambda: dispose(app))
        return app

    def _lock(self):
        if TEST_DATABASE_URL:
            engine = create_engine(self.url)
            connection = engine.connect()
            connection.execute(text(f"LOCK TABLE {', '.join(TABLES)} IN ACCESS EXCLUSIVE MODE"))
            self._undo.append(lambda: (connection.rollback(), connection.close(), engine.dispose()))
        else:
            other = sqlite3.connect(make_url(self.url).database, isolation_level=None)
            other.execute("BEGIN EXCLUSIVE")
            self._undo.append(lambda: (other.execute("ROLLBACK"), other.close()))

    def _read_only(self) -> str:
        if TEST_DATABASE_URL:
            admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
            connection = admin.connect()  # opened before the change, so it can undo it
            name = make_url(self.url).database
            connection.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
            self._undo.append(lambda: (
                connection.execute(text(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')),
                connection.close(), admin.dispose()))
            return self.url
        return f"sqlite:///file:{make_url(self.url).database}?mode=ro&uri=true"

    def _unreachable(self) -> str:
        missing = self.tmp_path / "no-such-directory"
        if TEST_DATABASE_URL:
            return make_url(self.url).update_query_dict({"host": str(missing)}).render_as_string(hide_password=False)
        return f"sqlite:///{missing / 'petition-helper.sqlite'}"

    def restore(self):
        while self._undo:
            self._undo.pop()()


@pytest.fixture
def represent():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        rsps.get(f"{API}/postcodes/K1A0A6/", json=ANSWERS["one_mp"])
        yield rsps


@pytest.fixture(params=["locked", "read-only", "unreachable"])
def failure(request, make_app, tmp_path, represent):
    failure = Failure(request.param, make_app, tmp_path)
    yield failure
    failure.restore()


def send(client, case: Case):
    if case.json is not None:
        return client.post(case.url, json=case.json)
    if case.method == "GET":
        return client.get(case.url)
    return client.post(case.url, data=case.data)


def database_log_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "database unavailable" in r.getMessage()]


def test_every_post_route_answers_503_with_the_typed_text_kept_and_one_log_line(failure, caplog):
    drafts = make_drafts(failure.healthy)
    with failure.healthy.app_context():
        session = get_session()
        rows_before = {table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in TABLES}
    app = failure.failing_app()
    reads_fail = failure.mode == "unreachable" or (failure.mode == "locked" and TEST_DATABASE_URL)
    client = app.test_client()
    checked = set()
    served = {(rule.endpoint, method) for rule in app.url_map.iter_rules() for method in rule.methods}
    for case in [c for group in cases(drafts).values() for c in group if (c.endpoint, c.method) in served]:
        caplog.clear()
        with caplog.at_level(logging.INFO):
            response = send(client, case)
        where = f"{failure.mode}: {case.method} {case.url.replace(drafts.token, '<token>')}"
        body = response.get_data(as_text=True)
        assert response.status_code != 500, where
        logged = database_log_lines(caplog)
        if case.database == "none":
            assert response.status_code < 400 and not logged, where
        elif case.database == "writes" or reads_fail:
            assert response.status_code == 503, (where, response.status_code, body[:300])
            for typed in case.typed:
                assert html.escape(typed, quote=False) in body.replace("&#34;", '"').replace("&#39;", "'"), \
                    (where, typed)
            # One line, without a traceback, naming the route but never the private token.
            assert len(logged) == 1, (where, [r.getMessage() for r in logged])
            assert logged[0].levelno == logging.ERROR and logged[0].exc_info is None
            assert drafts.token not in logged[0].getMessage() and drafts.review not in logged[0].getMessage()
            assert case.endpoint in logged[0].getMessage()
        else:
            assert response.status_code in (200, 302) and not logged, (where, response.status_code)
        checked.add(case.endpoint)
    assert post_endpoints(app) <= checked
    failure.restore()
    with failure.healthy.app_context():
        session = get_session()
        rows_after = {table: session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() for table in TABLES}
        assert rows_after == rows_before  # nothing half-written
        assert Draft.by_edit_token(session, drafts.token).version == 1


# ----- the kept form works: once the database is back, "Try again" saves the text ---------------------

class Forms(HTMLParser):
    """The forms of a page: action, method and the values they would send (no button unless named)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "method": (a.get("method") or "get").lower(),
                               "fields": []})
        elif not self.forms:
            return
        elif tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("radio", "checkbox") and "checked" not in a:
                return
            self.forms[-1]["fields"].append((a["name"], a.get("value") or ""))
        elif tag == "textarea" and a.get("name"):
            self._textarea = (a["name"], [])

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1].append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            name, parts = self._textarea
            # As a browser does: the one newline after <textarea> is markup, not text.
            value = "".join(parts)
            self.forms[-1]["fields"].append((name, value[2:] if value.startswith("\r\n") else value.removeprefix("\n")))
            self._textarea = None


def kept_form(body: str, url: str) -> list[tuple[str, str]]:
    parser = Forms()
    parser.feed(body)
    path = urlsplit(url).path
    [form] = [f for f in parser.forms if f["method"] == "post" and urlsplit(f["action"]).path == path]
    return form["fields"]


@pytest.mark.parametrize("mode", ["locked", "unreachable"])
def test_pressing_try_again_on_the_kept_form_saves_the_typed_text(mode, make_app, tmp_path, represent):
    failure = Failure(mode, make_app, tmp_path)
    try:
        drafts = make_drafts(failure.healthy)
        all_cases = cases(drafts)
        # Two different things: two saves of one draft from pages loaded at the same version would conflict.
        chosen = [all_cases["drafting.step"][2], all_cases["answers.answer"][0]]
        app = failure.failing_app()
        pages = [send(app.test_client(), case) for case in chosen]
    finally:
        failure.restore()
    client = failure.healthy.test_client()
    for case, page in zip(chosen, pages):
        assert page.status_code == 503
        fields = kept_form(page.get_data(as_text=True), case.url)
        resent = client.post(case.url, data=MultiDict(fields + [("save", "Save")]))
        assert resent.status_code == 302, (case.url, resent.get_data(as_text=True)[:400])
    with failure.healthy.app_context():
        session = get_session()
        draft = Draft.by_edit_token(session, drafts.token)
        assert draft.petition.grievances == [KEPT.format("clause 1"), KEPT.format("clause 2\nsecond line")]
        [answer] = SponsorResponse.for_draft(session, draft.id)
        assert (answer.comment, answer.responder) == (KEPT.format("comment"), KEPT.format("office"))
