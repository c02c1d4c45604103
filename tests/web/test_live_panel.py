"""One findings panel: the live check (POST /d/<token>/panel) answers with the panel the review page renders."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from forms.limits import MAX_CLAUSE_CHARS, MAX_REQUEST_BYTES
from web.db import get_session
from web.models import Draft

from test_drafting import fill, new_draft, sample, stored, text_of


def panel_of(html: str) -> str:
    """The panel element (<div class="panel" data-panel> ... its closing </div>) out of a page."""
    start = html.index('<div class="panel" data-panel>')
    depth = 0
    for match in re.finditer(r"<div\b|</div>", html[start:]):
        depth += 1 if match.group(0) == "<div" else -1
        if depth == 0:
            return html[start:start + match.end()]
    raise AssertionError("the panel is not closed")


def as_links(panel: str) -> str:
    """A step page's panel with its save-first "Change this" buttons written as the review page's links (on a
    step page they save the typed text before going to the other step; everything else is the same HTML)."""
    return re.sub(r'<button type="submit" form="draft-form" name="next" value="([^"]*)" class="link-button fix-link">'
                  r"(.*?)</button>\n  ", r'<a class="fix-link" href="\1">\2</a>', panel)


def live(client, token, step, headers=None, **fields):
    return client.post(f"/d/{token}/panel", data={"step": step, **fields}, headers=headers or {})


def test_the_live_panel_and_the_review_page_give_identical_html_for_the_same_draft(client, app):
    token = new_draft(client)
    prayer = "We demand that the government enact rent control"
    fill(client, token, grievances=["Rents have risen STEEPLY EVERY SINGLE YEAR", "See www.fairrent.ca"],
         prayer=prayer)
    review = panel_of(client.get(f"/d/{token}/review").get_data(as_text=True))
    # The stored text, posted from the request step as it stands:
    answer = live(client, token, "prayer", prayer=prayer)
    assert answer.status_code == 200
    assert answer.headers["Cache-Control"] == "no-store"
    step_panel = panel_of(answer.get_data(as_text=True))
    assert 'name="next"' in step_panel and as_links(step_panel) == review
    # The same from the grievances step, and the step page's own panel too.
    answer = live(client, token, "grievances", **{"grievances-0": "Rents have risen STEEPLY EVERY SINGLE YEAR",
                                                  "grievances-1": "See www.fairrent.ca"})
    assert panel_of(answer.get_data(as_text=True)) == step_panel
    assert panel_of(client.get(f"/d/{token}/prayer").get_data(as_text=True)) == step_panel
    # What the old script left out is in it: the apply buttons, errors first, a link to the step that fixes each.
    assert review.count('name="finding"') == 2  # the capitals in clause 1, the demand in the request
    assert review.index("R-URL-1") < review.index("R-PRAY-4")  # grievances come before the request
    assert f'href="/d/{token}/grievances#grievance-2"' in review


def test_a_paper_petitions_live_panel_has_the_printed_sheets_findings_like_the_review(client, app):
    token = new_draft(client, kind="paper")
    clauses = [f"Clause {n}: " + "rents rose again this year in every part of our city and region " * 4
               for n in range(1, 16)]
    fill(client, token, grievances=clauses, prayer="enact rent control")
    review = panel_of(client.get(f"/d/{token}/review").get_data(as_text=True))
    assert "The printed sheets" in review and "R-PAP-" in review
    answer = live(client, token, "prayer", prayer="enact rent control")
    assert as_links(panel_of(answer.get_data(as_text=True))) == review


def test_the_live_panel_checks_the_typed_text_and_saves_nothing(client, app):
    token = new_draft(client)
    fill(client, token, prayer="enact rent control")
    version = stored(app, token).version
    answer = live(client, token, "prayer", prayer="We demand that the government enact rent control")
    panel = panel_of(answer.get_data(as_text=True))
    assert 'data-rule="R-PRAY-4"' in panel and "1 error" in panel
    draft = stored(app, token)
    assert draft.version == version and draft.petition.prayer == "enact rent control"


def test_apply_in_a_step_panel_saves_the_typed_text_then_applies_the_suggestion(client, app):
    token = new_draft(client)
    fill(client, token, prayer="enact rent control")
    typed = "cap rents NOW AND FOREVER PLEASE"
    panel = panel_of(live(client, token, "prayer", prayer=typed).get_data(as_text=True))
    finding = re.search(r'form="draft-form" name="finding" value="([0-9a-f]+)"', panel).group(1)
    version = stored(app, token).version
    r = client.post(f"/d/{token}/prayer", data={"prayer": typed, "finding": finding, "version": str(version)})
    assert r.status_code == 302 and r.location.endswith(f"/d/{token}/prayer")
    with app.app_context():
        draft = Draft.by_edit_token(get_session(), token)
        assert draft.version == version + 2  # the typed text, then the suggestion
        assert draft.snapshot(version + 1).prayer == typed
        assert draft.petition.prayer == "cap rents Now and forever please"
    assert "Applied the suggestion" in text_of(client.get(f"/d/{token}/prayer"))


def test_apply_for_a_finding_the_saved_text_no_longer_has_keeps_the_text_and_says_so(client, app):
    token = new_draft(client)
    fill(client, token, prayer="cap rents NOW AND FOREVER PLEASE")
    version = stored(app, token).version
    r = client.post(f"/d/{token}/prayer", data={"prayer": "cap rents", "finding": "0" * 24, "version": str(version)})
    assert r.status_code == 302
    assert stored(app, token).petition.prayer == "cap rents"
    assert "no longer applies" in text_of(client.get(f"/d/{token}/prayer"))


def test_the_start_page_panel_checks_a_pasted_draft(client):
    answer = client.post("/start/panel", data={"how": "paste", "text": sample("freeform/tovuz-aggression.txt"),
                                               "kind": "e-petition", "language": "en"})
    assert answer.status_code == 200
    panel = panel_of(answer.get_data(as_text=True))
    assert "Removed from your draft" in panel and "over the limit" in panel
    assert 'name="finding"' not in panel and "fix-link" not in panel  # no draft yet: nothing to apply or change
    # Nothing pasted (or "write a new petition"): nothing to check, no panel.
    assert client.post("/start/panel", data={"how": "new", "text": ""}).status_code == 204
    assert client.post("/start/panel", data={"how": "paste", "text": "  "}).status_code == 204


# ----- bad input: a clear note, never a 500 ---------------------------------------------------------

def note_of(response) -> str:
    match = re.search(r"<p class=\"hint\" data-check-note>(.*?)</p>", response.get_data(as_text=True), re.S)
    assert match, response.get_data(as_text=True)[:500]
    return match.group(1)


def test_an_over_long_box_is_not_checked_and_the_note_says_which(client):
    token = new_draft(client)
    r = live(client, token, "grievances", **{"grievances-0": "x" * (MAX_CLAUSE_CHARS + 1)})
    assert r.status_code == 400
    assert "not checked" in note_of(r) and "at most" in note_of(r)


def test_a_body_over_the_request_limit_gets_a_413_note(client):
    token = new_draft(client)
    r = live(client, token, "prayer", prayer="x" * (MAX_REQUEST_BYTES + 10))
    assert r.status_code == 413
    assert "longer than the form accepts" in note_of(r)


@pytest.mark.parametrize("data", [{}, {"step": "review"}, {"step": "../addressee"}, {"step": "x" * 5000}])
def test_a_malformed_post_is_a_400_note(client, data):
    token = new_draft(client)
    r = client.post(f"/d/{token}/panel", data=data)
    assert r.status_code == 400 and "could not be read" in note_of(r)


def test_a_dead_link_is_a_404_note(client):
    r = live(client, "no-such-draft-token", "prayer", prayer="enact rent control")
    assert r.status_code == 404 and "no draft at this link" in note_of(r)


def test_the_live_panel_needs_the_forms_csrf_token(app):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    page = client.get("/").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    r = client.post("/", data={"csrf_token": csrf, "how": "new", "kind": "e-petition", "language": "en"})
    token = r.location.split("/")[2]
    r = live(client, token, "prayer", prayer="enact rent control")
    assert r.status_code == 400 and "session expired" in note_of(r)
    r = live(client, token, "prayer", prayer="enact rent control", csrf_token=csrf)
    assert r.status_code == 200
    r = client.post("/start/panel", data={"how": "paste", "text": "Please act on rents."})
    assert r.status_code == 400 and "session expired" in note_of(r)


def test_only_post(client):
    token = new_draft(client)
    assert client.get(f"/d/{token}/panel").status_code == 405


# ----- the script's words are the catalogue's ----------------------------------------------------------

def test_the_live_check_script_holds_no_copy_of_its_own(client):
    script = (Path(__file__).parents[2] / "static/js/live-check.js").read_text(encoding="utf-8")
    code = re.sub(r"//[^\n]*", "", script)  # comments may speak English
    sentences = [s for s in re.findall(r'"([^"\\]*)"', code) if re.search(r"[A-Za-z]+ [A-Za-z]+", s)]
    assert sentences == ["use strict"]
    for gone in ("partLabel", "STEP_ORDER", "severityRank", "Change this", "The whole petition"):
        assert gone not in script


def test_the_scripts_words_and_the_panels_notes_are_french_for_a_french_reader(client):
    token = new_draft(client)
    french = {"Accept-Language": "fr"}
    page = client.get(f"/d/{token}/prayer", headers=french).get_data(as_text=True)
    strings = json.loads(html.unescape(re.search(r'id="ui-strings">(.*?)</script>', page, re.S).group(1)))
    assert strings["live-check-failed"].startswith("Vérification impossible pour l’instant.")
    assert 'data-msg-checked="Vérifiée pendant la saisie. Votre texte est enregistré quand vous appuyez sur ' \
           'Enregistrer et continuer."' in page
    r = client.post("/d/no-such-draft/panel", data={"step": "prayer"}, headers=french)
    assert r.status_code == 404
    r = client.post(f"/d/{token}/panel", data={"step": "nope"}, headers=french)
    assert note_of(r).startswith("Cette vérification n’a pas pu être lue.")
    r = live(client, token, "grievances", headers=french, **{"grievances-0": "x" * (MAX_CLAUSE_CHARS + 1)})
    assert note_of(r).startswith("Ce texte n’a pas été vérifié\u00a0: Le champ")
