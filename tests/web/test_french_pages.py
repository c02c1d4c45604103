"""A whole journey on French screens, through Flask's test client: no English word from the English catalogue
may show outside a passage marked lang="en" (the petition's own text when it is English, the language switch's
"English"). Catches a template string left outside _() as well as a msgid without its translation."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from web.catalogue_tool import po_path, read_catalogue

SAMPLES = Path(__file__).parent.parent / "samples"
FRENCH = {"Accept-Language": "fr-CA,fr;q=0.9"}
WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’][A-Za-zÀ-ÿ]+)?")
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sd]")
# Words the French copy uses as they are, or that are not English words in these pages.
SHARED = {"pdf", "ics", "csrf", "secret_key", "make", "run", "python", "import", "secrets", "print", "token_hex",
          "put"}  # the HTTP method named on the 405 page


def english_words() -> set[str]:
    """Words of the English msgids that no French translation uses (so "Date", "Suggestion" do not count)."""
    english, french = set(), set()
    for message in read_catalogue(po_path("fr"), "fr"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
        strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
        for text in ids:
            english.update(w.lower() for w in WORD.findall(PLACEHOLDER.sub(" ", text)) if len(w) > 2)
        for text in strings:
            french.update(w.lower() for w in WORD.findall(PLACEHOLDER.sub(" ", text or "")))
    return english - french - SHARED


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class ScreenText(HTMLParser):
    """Collects (text, language) for every piece of text a person sees or hears, with the lang in force."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.pieces: list[tuple[str, str]] = []

    def _lang(self) -> str:
        for _, lang in reversed(self.stack):
            if lang:
                return lang
        return ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        here = lang or self._lang()
        for name in SHOWN_ATTRIBUTES:
            if attrs.get(name):
                self.pieces.append((attrs[name], here))
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.pieces.append((attrs["value"], here))
        if tag not in VOID:
            self.stack.append((tag, lang))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if any(tag in ("script", "style") for tag, _ in self.stack):
            return
        if data.strip():
            self.pieces.append((data, self._lang()))


def english_on_a_french_page(html: str, words: set[str]) -> list[str]:
    parser = ScreenText()
    parser.feed(html)
    assert re.search(r'<html lang="fr">', html), "not a French page"
    found = []
    for text, lang in parser.pieces:
        if lang.startswith("en"):
            continue
        for word in WORD.findall(text):
            if word.lower() in words:
                found.append(f"{word!r} in {' '.join(text.split())[:120]!r}")
    return found


@pytest.fixture
def words():
    return english_words()


@pytest.fixture
def french(client):
    client.get("/language/fr?next=/")
    return client


def pages_of_a_journey(app, client, sample: str, kind: str, language: str) -> dict[str, object]:
    """Every page of the journey (and its refusals), rendered on French screens."""
    pages = {}
    pages["start"] = client.get("/")
    pages["start refused"] = client.post("/", data={"how": "paste", "text": "", "kind": kind, "language": language})
    pages["start switched"] = client.post("/", data={"how": "paste", "text": "Nos loyers", "kind": kind,
                                                     "language": language, "ui_lang": "fr"})
    r = client.post("/", data={"how": "paste", "text": (SAMPLES / sample).read_text(encoding="utf-8"),
                               "kind": kind, "language": language})
    assert r.status_code == 302, r.status_code
    token = r.location.split("/")[2]
    pages["welcome"] = client.get(r.location)
    for step in ("addressee", "petitioners", "grievances", "prayer", "settings"):
        pages[step] = client.get(f"/d/{token}/{step}")
    pages["prayer refused"] = client.post(f"/d/{token}/prayer", data={"prayer": "x" * 2001, "version": "1"})
    pages["addressee refused"] = client.post(f"/d/{token}/addressee", data={"kind": "minister", "title": "",
                                                                           "version": "1"})
    pages["stale tab"] = client.post(f"/d/{token}/prayer", data={"prayer": "autre chose", "version": "0"})
    pages["review"] = client.get(f"/d/{token}/review")
    pages["not ready"] = client.post(f"/d/{token}/ready", data={"version": "999"})
    pages["sponsors"] = client.get(f"/d/{token}/sponsors")
    pages["sponsors refused"] = client.post(f"/d/{token}/sponsors", data={"name": "", "riding": "",
                                                                          "email": "pas une adresse"})
    client.post(f"/d/{token}/sponsors", data={"name": "Marie Dubois", "riding": "Hull—Aylmer",
                                              "office_postal": "1 rue Principale\nGatineau QC", "add_choice": "1"})
    pages["sponsors chosen"] = client.get(f"/d/{token}/sponsors")
    pages["timeline"] = client.get(f"/d/{token}/timeline")
    client.post(f"/d/{token}/timeline", data={"sent_to_sponsor": "2031-01-05", "published": "2031-02-01",
                                              "open_days": "30", "presented": "2031-04-01"})
    pages["timeline filled"] = client.get(f"/d/{token}/timeline")
    pages["timeline refused"] = client.post(f"/d/{token}/timeline", data={"published": "2031-02-30",
                                                                          "presented": "9999-12-31"})
    from web.models import Draft
    from web.db import get_session
    with app.app_context():
        review_token = Draft.by_edit_token(get_session(), token).review_token
    pages["sponsor's page"] = client.get(f"/r/{review_token}")
    pages["sponsor's answer"] = client.get(f"/r/{review_token}/answer")
    pages["sponsor's answer refused"] = client.post(f"/r/{review_token}/answer",
                                                    data={"answer": "changes", "comment": "", "version": "1"})
    client.post(f"/r/{review_token}/answer", data={"answer": "changes", "comment": "Raccourcir la demande.", "version": "1",
                                                   "responder": "Bureau de Marie Dubois"})
    pages["answered"] = client.get(f"/r/{review_token}")
    pages["answers on the review"] = client.get(f"/d/{token}/review")
    with app.app_context():
        version = str(Draft.by_edit_token(get_session(), token).version)
    assert client.post(f"/d/{token}/ready", data={"version": version, "acknowledge": "y"}).status_code == 302
    pages["hand-off"] = client.get(f"/d/{token}/submit")
    assert pages["hand-off"].status_code == 200
    if kind == "e-petition":
        pages["sent refused"] = client.post(f"/d/{token}/sent", data={"version": version})
        client.post(f"/d/{token}/sent", data={"version": version, "confirm": "y"})
        pages["hand-off sent"] = client.get(f"/d/{token}/submit")
        pages["frozen step refused"] = client.post(f"/d/{token}/prayer", data={"prayer": "autre", "version": version})
        assert pages["frozen step refused"].status_code == 409
        pages["frozen review"] = client.get(f"/d/{token}/review")
    pages["not found"] = client.get("/d/no-such-link/review")
    pages["no review"] = client.get("/r/no-such-link")
    pages["method"] = client.put("/")
    pages["bad size"] = client.get(f"/d/{token}/paper.pdf?size=a4")
    return pages


@pytest.mark.parametrize("sample, kind, language", [
    ("certified/e-4904-fr.txt", "paper", "fr"),   # a French paper petition
    ("certified/e-4904.txt", "e-petition", "en"),  # an English e-petition on French screens
])
def test_a_whole_journey_on_french_screens_shows_no_english_outside_passages_marked_english(
        app, french, words, sample, kind, language):
    pages = pages_of_a_journey(app, french, sample, kind, language)
    problems = {}
    for name, response in pages.items():
        assert response.status_code < 500, name
        found = english_on_a_french_page(response.get_data(as_text=True), words)
        if found:
            problems[name] = found
    assert problems == {}


def test_the_scan_does_find_an_english_sentence_left_outside_the_catalogue(words):
    # "petition" itself is no evidence: the French API messages quote the JSON field "petition".
    page = '<html lang="fr"><body><p>Vérifier votre pétition</p><p>Check your wording</p>' \
           '<p lang="en">Check your wording</p></body></html>'
    assert english_on_a_french_page(page, words) == ["'Check' in 'Check your wording'",
                                                     "'your' in 'Check your wording'",
                                                     "'wording' in 'Check your wording'"]


def test_french_numbers_and_dates_on_the_screens(app, french):
    r = french.post("/", data={"how": "new", "kind": "paper", "language": "fr"})
    token = r.location.split("/")[2]
    french.post(f"/d/{token}/timeline", data={"presented": "2026-10-19"})  # the response is due 45 days later
    body = french.get(f"/d/{token}/timeline").get_data(as_text=True)
    assert "jeudi 3 décembre 2026" in body
    body = french.post(f"/d/{token}/prayer", data={"prayer": "x" * 2001, "version": "1"}).get_data(as_text=True)
    assert "2\u00a0001" in body and "2\u00a0000" in body  # no-break spaces between thousands
    assert "«\u00a0" in french.get(f"/d/{token}/grievances").get_data(as_text=True)  # « guillemets »
