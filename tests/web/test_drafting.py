"""The drafting journey through Flask's test client: every step, GET and POST, on a real SQLite file."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from forms.limits import MAX_CLAUSE_CHARS, MAX_CLAUSES, MAX_PETITIONERS_CHARS, MAX_PRAYER_CHARS
from petition.formulae import default_petitioners
from petition.limits import E_PETITION_WORD_LIMIT
from web.db import get_session
from web.drafting import CONFLICT as _CONFLICT, SESSION_EXPIRED as _SESSION_EXPIRED

# The English wording (the default language of the screens).
CONFLICT, SESSION_EXPIRED = str(_CONFLICT), str(_SESSION_EXPIRED)
from web.models import Draft


SAMPLES = Path(__file__).parent.parent / "samples"


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


def text_of(response) -> str:
    """The page as a person reads it: tags dropped, entities decoded, spaces collapsed."""
    body = response.get_data(as_text=True)
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def textarea(response, name: str) -> str:
    match = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>\r?\n?(.*?)</textarea>',
                      response.get_data(as_text=True), re.S)
    assert match, f"no textarea {name}"
    return html.unescape(match.group(1))


def hidden_version(response) -> str:
    return re.search(r'name="version" type="hidden" value="(\d+)"|type="hidden" name="version" value="(\d+)"|'
                     r'id="version" name="version" type="hidden" value="(\d+)"',
                     response.get_data(as_text=True)).group(0).rsplit('"', 2)[-2]


def new_draft(client, **fields) -> str:
    data = {"how": "new", "kind": "e-petition", "language": "en", **fields}
    response = client.post("/", data=data)
    assert response.status_code == 302, text_of(response)
    match = re.match(r"^/d/([A-Za-z0-9_-]{43,})/welcome$", response.location)
    assert match, response.location
    return match.group(1)


def stored(app, token) -> Draft:
    with app.app_context():
        return Draft.by_edit_token(get_session(), token)


def fill(client, token, *, addressee=None, petitioners=None, grievances=(), prayer=None):
    """Walk the steps with the given answers; each save must redirect."""
    version = lambda: str(stored(client.application, token).version)
    r = client.post(f"/d/{token}/addressee", data={"kind": "house", **(addressee or {}), "version": version()})
    assert r.status_code == 302, text_of(r)
    if petitioners is not None:
        r = client.post(f"/d/{token}/petitioners", data={"petitioners": petitioners, "version": version()})
        assert r.status_code == 302, text_of(r)
    data = {f"grievances-{i}": g for i, g in enumerate(grievances)}
    r = client.post(f"/d/{token}/grievances", data={**data, "version": version()})
    assert r.status_code == 302, text_of(r)
    if prayer is not None:
        r = client.post(f"/d/{token}/prayer", data={"prayer": prayer, "version": version()})
        assert r.status_code == 302, text_of(r)


# ----- start --------------------------------------------------------------------------------------

def test_start_page_offers_write_or_paste_kind_and_language(client):
    page = text_of(client.get("/"))
    for words in ("Write a new petition", "Paste an existing draft", "E-petition", "Paper petition", "English", "French"):
        assert words in page


def test_a_new_draft_shows_its_edit_link_once_and_the_review_link(client, app):
    token = new_draft(client)
    welcome = client.get(f"/d/{token}/welcome")
    page = text_of(welcome)
    assert "Keep this link" in page
    assert f"/d/{token}/addressee" in welcome.get_data(as_text=True)
    draft = stored(app, token)
    assert f"/r/{draft.review_token}" in welcome.get_data(as_text=True)
    # The step pages do not repeat the edit link in their text; the review page offers the review link.
    assert "Keep this link" not in text_of(client.get(f"/d/{token}/addressee"))
    assert draft.version == 1 and draft.kind == "e-petition" and draft.language == "en"


def test_pasting_a_campaign_draft_shows_what_was_removed_and_why(client, app):
    response = client.post("/", data={"how": "paste", "text": sample("freeform/tovuz-aggression.txt"),
                                      "kind": "e-petition", "language": "en"})
    token = response.location.split("/")[2]
    page = text_of(client.get(response.location))
    assert "We removed" in page and "cannot go in a petition" in page
    assert "Let’s get to 2,500!" in page and "R-ATT-1" in page
    draft = stored(app, token)
    assert draft.source_text.startswith("Condemn the ongoing Armenian aggression")
    assert len(draft.petition.grievances) >= 5 and draft.petition.prayer
    review = text_of(client.get(f"/d/{token}/review"))
    assert "over the limit" in review and "R-LEN-1" in review


def test_nothing_needed_removing_is_said_only_when_nothing_was_removed(client, app):
    # The draft: three "Whereas ...;" lines and a request. Every clause is kept, nothing is removed,
    # and the House's wording that replaced the draft's ("Whereas", "We ask ... to") is shown.
    text = ("Whereas rents in our city rose 40% in five years;\nWhereas families are being evicted from their homes;\n"
            "Whereas wages have not kept up;\nWe ask the Government of Canada to build more affordable homes.")
    response = client.post("/", data={"how": "paste", "text": text, "kind": "e-petition", "language": "en"})
    token = response.location.split("/")[2]
    page = text_of(client.get(response.location))
    assert "Nothing needed removing." in page and "We removed" not in page
    assert "Printed in the House's own wording instead of yours" in page and "We ask" in page
    assert len(stored(app, token).petition.grievances) == 3
    # What was removed is listed, on the welcome page and on the review.
    text = text + "\n\nPlease sign and share with your neighbours!"
    response = client.post("/", data={"how": "paste", "text": text, "kind": "e-petition", "language": "en"})
    token = response.location.split("/")[2]
    page = text_of(client.get(response.location))
    assert "Nothing needed removing." not in page and "We removed 1 part" in page and "Please sign and share" in page
    review = text_of(client.get(f"/d/{token}/review"))
    assert "What we did with your pasted draft" in review and "Please sign and share" in review


def test_a_petition_pasted_inside_an_email_keeps_the_petition_and_lists_the_email(client, app):
    text = ("From: Jane <jane@fairrent.example.org>\nSubject: Final text\nTo: Team <team@fairrent.example.org>\n\n"
            "Hi all,\n\nHere is the final text:\n\n" + sample("certified/e-4904.txt") + "\n\nThanks,\nJane\n")
    response = client.post("/", data={"how": "paste", "text": text, "kind": "e-petition", "language": "en"})
    token = response.location.split("/")[2]
    page = text_of(client.get(response.location))
    assert "Read as an e-mail" in page and "Thanks, Jane" in page and "Hi all," in page
    draft = stored(app, token)
    assert len(draft.petition.grievances) == 4 and draft.petition.petitioners == "citizens and residents of Canada"
    review = text_of(client.get(f"/d/{token}/review"))
    assert "No problems found" in review or "0 errors," in review


def test_a_bilingual_paste_reads_the_language_chosen(client, app):
    text = sample("certified/e-4904.txt") + "\n\n" + sample("certified/e-4904-fr.txt")
    response = client.post("/", data={"how": "paste", "text": text, "kind": "e-petition", "language": "fr"})
    token = response.location.split("/")[2]
    page = text_of(client.get(response.location))
    assert "R-LANG-3" in page and "Canadian women assume" in page
    assert stored(app, token).petition.grievances[0].startswith("Les femmes canadiennes")


def test_pasting_nothing_is_refused_with_a_message_and_choices_kept(client):
    response = client.post("/", data={"how": "paste", "text": "   ", "kind": "paper", "language": "fr"})
    assert response.status_code == 400
    assert "Paste the text of your draft petition" in text_of(response)
    assert re.search(r'value="paper"[^>]*checked|checked[^>]*value="paper"', response.get_data(as_text=True))


def test_a_draft_pasted_with_write_new_still_chosen_is_kept_not_dropped(client, app):
    text = sample("certified/e-2490.txt")
    response = client.post("/", data={"how": "new", "text": text, "kind": "e-petition", "language": "en"})
    assert response.status_code == 400
    assert "You pasted a draft but chose “Write a new petition”" in text_of(response)
    assert textarea(response, "text") == text.replace("\r\n", "\n")
    with app.app_context():
        assert get_session().query(Draft).count() == 0


def test_a_french_paste_with_english_chosen_gets_a_note(client):
    text = sample("certified/e-4904-fr.txt")
    response = client.post("/", data={"how": "paste", "text": text, "kind": "e-petition", "language": "en"})
    assert "reads as French" in text_of(client.get(response.location))


# ----- addressee ------------------------------------------------------------------------------------

def test_addressee_step_lists_the_four_allowed_addressees(client):
    token = new_draft(client)
    page = text_of(client.get(f"/d/{token}/addressee"))
    for label in ("The House of Commons", "The Government of Canada", "A Minister of the Crown", "A Member of Parliament"):
        assert label in page


def test_a_minister_needs_a_title_and_a_member_a_name_and_riding(client, app):
    token = new_draft(client)
    r = client.post(f"/d/{token}/addressee", data={"kind": "minister", "title": " ", "version": "1"})
    assert r.status_code == 400
    assert "Minister's title or portfolio" in text_of(r)
    r = client.post(f"/d/{token}/addressee", data={"kind": "member", "version": "1"})
    assert r.status_code == 400
    page = text_of(r)
    assert "Give the Member of Parliament's name." in page and "Give the Member of Parliament's riding" in page
    assert stored(app, token).version == 1  # nothing saved

    r = client.post(f"/d/{token}/addressee", data={"kind": "member", "name": "Jane Doe", "riding": "Ottawa Centre",
                                                   "version": "1"})
    assert r.status_code == 302 and r.location.endswith(f"/d/{token}/petitioners")
    draft = stored(app, token)
    assert draft.version == 2
    assert draft.petition.addressee.name == "Jane Doe" and draft.petition.addressee.riding == "Ottawa Centre"


def test_an_addressee_outside_the_four_is_refused(client):
    token = new_draft(client)
    for data in ({"kind": "senate"}, {}):
        r = client.post(f"/d/{token}/addressee", data={**data, "version": "1"})
        assert r.status_code == 400
        assert "Choose who the petition is addressed to: one of the four the House accepts." in text_of(r)


def test_the_house_in_parliament_assembled_shows_in_the_formula(client):
    token = new_draft(client)
    client.post(f"/d/{token}/addressee", data={"kind": "house", "in_parliament_assembled": "y", "version": "1"})
    page = text_of(client.get(f"/d/{token}/prayer"))
    assert "call upon the House of Commons in Parliament assembled to" in page


# ----- petitioners ------------------------------------------------------------------------------

def test_petitioners_default_to_citizens_and_residents(client):
    token = new_draft(client)
    assert textarea(client.get(f"/d/{token}/petitioners"), "petitioners") == default_petitioners("en")


def test_petitioners_too_long_is_refused_and_the_text_kept(client, app):
    token = new_draft(client)
    long_text = "residents of Toronto " * 20
    r = client.post(f"/d/{token}/petitioners", data={"petitioners": long_text, "version": "1"})
    assert r.status_code == 400
    assert f"The description of who is signing can be at most {MAX_PETITIONERS_CHARS:,} characters" in text_of(r)
    assert textarea(r, "petitioners") == long_text.strip()
    assert stored(app, token).petition.petitioners is None


def test_petitioners_saved_and_shown_in_the_request_sentence(client):
    token = new_draft(client)
    r = client.post(f"/d/{token}/petitioners", data={"petitioners": "residents of Vancouver", "version": "1"})
    assert r.location.endswith(f"/d/{token}/grievances")
    assert "We, the undersigned, residents of Vancouver, call upon" in text_of(client.get(f"/d/{token}/prayer"))


# ----- grievances (no JavaScript) -----------------------------------------------------------------

def clauses_of(app, token):
    return stored(app, token).petition.grievances


def test_grievances_add_edit_reorder_and_remove_without_javascript(client, app):
    token = new_draft(client)
    page = client.get(f"/d/{token}/grievances")
    assert textarea(page, "grievances-0") == ""  # one empty box to start

    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "Rents rose 40%", "add": "1", "version": "1"})
    assert r.status_code == 302 and r.location.endswith("#grievance-2")
    assert clauses_of(app, token) == ["Rents rose 40%", ""]
    page = client.get(f"/d/{token}/grievances")
    assert textarea(page, "grievances-1") == ""
    assert 'name="remove-1"' in page.get_data(as_text=True) and 'name="move_up-1"' in page.get_data(as_text=True)

    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "Rents rose 40%", "grievances-1": "Wages did not",
                                                    "move_up-1": "1", "version": "2"})
    assert r.status_code == 302 and r.location.endswith("#grievance-1")
    assert clauses_of(app, token) == ["Wages did not", "Rents rose 40%"]

    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "Wages did not", "grievances-1": "Rents rose 40%",
                                                    "move_down-0": "1", "version": "3"})
    assert clauses_of(app, token) == ["Rents rose 40%", "Wages did not"]

    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "Rents rose 40%", "grievances-1": "Wages did not",
                                                    "remove-0": "1", "version": "4"})
    assert clauses_of(app, token) == ["Wages did not"]
    assert stored(app, token).version == 5


def test_saving_grievances_drops_empty_boxes_and_moves_on(client, app):
    token = new_draft(client)
    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "One", "grievances-1": "  ",
                                                    "grievances-2": "Two", "version": "1"})
    assert r.location.endswith(f"/d/{token}/prayer")
    assert clauses_of(app, token) == ["One", "Two"]


def test_back_saves_and_goes_to_the_previous_step(client, app):
    token = new_draft(client)
    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "One", "back": "Back", "version": "1"})
    assert r.location.endswith(f"/d/{token}/petitioners")
    assert clauses_of(app, token) == ["One"]


def test_a_step_chosen_in_the_progress_bar_saves_the_typing_first(client, app):
    token = new_draft(client)
    page = client.get(f"/d/{token}/grievances").get_data(as_text=True)
    # Each other step is a submit button of this page's form, so no typed text is left behind.
    assert re.search(r'<button type="submit" form="draft-form" name="goto" value="review"', page)
    assert '<span aria-current="step">3. ' in page
    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "One", "goto": "addressee", "version": "1"})
    assert r.location.endswith(f"/d/{token}/addressee")
    assert clauses_of(app, token) == ["One"]
    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "Two", "goto": "review", "version": "2"})
    assert r.location.endswith(f"/d/{token}/review") and clauses_of(app, token) == ["Two"]
    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "Three", "goto": "../admin", "version": "3"})
    assert r.location.endswith(f"/d/{token}/prayer"), "an unknown target is an ordinary Save"


@pytest.mark.parametrize("language, opener", [("en", "Whereas:"), ("fr", "Attendu que :")])
def test_the_grievances_hint_quotes_the_opener_the_house_prints_in_the_petitions_language(client, language, opener):
    token = new_draft(client, language=language)
    response = client.get(f"/d/{token}/grievances")
    # Marked with its language, so a screen reader reads "Attendu que" in French on this English page.
    assert f'the House prints them after \u201c<span lang="{language}">{opener}</span>\u201d' in response.get_data(as_text=True)
    assert f"the {E_PETITION_WORD_LIMIT}-word limit" in text_of(response)
    paper = text_of(client.get(f"/d/{new_draft(client, language=language, kind='paper')}/grievances"))
    assert "no word limit" in paper and "-word limit" not in paper
    assert re.search(rf'<textarea[^>]*id="grievance-1"[^>]*lang="{language}"|<textarea[^>]*lang="{language}"[^>]*id="grievance-1"',
                     response.get_data(as_text=True))


def test_a_clause_over_the_length_limit_is_refused_with_the_text_kept(client, app):
    token = new_draft(client)
    long_clause = "é" * (MAX_CLAUSE_CHARS + 1)
    r = client.post(f"/d/{token}/grievances", data={"grievances-0": "fine", "grievances-1": long_clause, "version": "1"})
    assert r.status_code == 400
    assert f"at most {MAX_CLAUSE_CHARS:,} characters; this has {MAX_CLAUSE_CHARS + 1:,}" in text_of(r)
    # Said once, beside the clause, in words: not again above the list as a Python list "['Clause ...']".
    assert text_of(r).count(f"this has {MAX_CLAUSE_CHARS + 1:,}") == 1
    assert "['" not in text_of(r)
    assert textarea(r, "grievances-1") == long_clause
    assert clauses_of(app, token) == []


def test_every_clause_full_of_accents_and_emoji_is_not_too_large(client, app):
    """Within every field's limit is within the request limit, whatever the characters cost to encode."""
    token = new_draft(client)
    clause = "é" * 100 + "😀" * (MAX_CLAUSE_CHARS - 100)  # 12 bytes each once percent-encoded
    data = {f"grievances-{i}": clause for i in range(MAX_CLAUSES)}
    r = client.post(f"/d/{token}/grievances", data={**data, "version": "1"})
    assert r.status_code == 302, r.status_code
    assert clauses_of(app, token) == [clause] * MAX_CLAUSES


def test_more_than_the_clause_limit_is_refused(client):
    token = new_draft(client)
    data = {f"grievances-{i}": f"clause {i}" for i in range(MAX_CLAUSES + 1)}
    r = client.post(f"/d/{token}/grievances", data={**data, "version": "1"})
    assert r.status_code == 400
    assert f"at most {MAX_CLAUSES} grievance clauses" in text_of(r)


def test_add_stops_at_the_clause_limit(client, app):
    token = new_draft(client)
    data = {f"grievances-{i}": f"clause {i}" for i in range(MAX_CLAUSES)}
    client.post(f"/d/{token}/grievances", data={**data, "add": "1", "version": "1"})
    assert len(clauses_of(app, token)) == MAX_CLAUSES
    page = client.get(f"/d/{token}/grievances")
    assert 'name="add"' not in page.get_data(as_text=True)
    assert f"limit of {MAX_CLAUSES} clauses" in text_of(page)


def test_the_usual_petitioners_follow_a_switch_to_french(client, app):
    token = new_draft(client)
    client.post(f"/d/{token}/petitioners", data={"petitioners": "citizens and residents of Canada", "version": "1"})
    version = str(stored(app, token).version)
    client.post(f"/d/{token}/settings", data={"kind": "e-petition", "language": "fr", "version": version})
    page = text_of(client.get(f"/d/{token}/review"))
    assert "Nous, soussignés, citoyens et résidents du Canada, demandons" in page
    assert "citizens and residents" not in page


def test_a_right_to_left_override_cannot_reverse_the_fixed_wording(client, app):
    token = new_draft(client)
    typed = "résidents de Montréal\u202e RTL override\u2066x\u2069"
    r = client.post(f"/d/{token}/petitioners", data={"petitioners": typed, "version": "1"})
    assert r.status_code == 302
    assert stored(app, token).petition.petitioners == "résidents de Montréal RTL overridex"


def test_control_characters_are_dropped_and_odd_unicode_kept(client, app):
    token = new_draft(client)
    typed = "Loyers \u00e0 Montr\u00e9al\x00\x1b[31m ont \u2014 doubl\u00e9\u00a0\U0001F3E0\r\nen 5 ans\x7f"
    client.post(f"/d/{token}/grievances", data={"grievances-0": typed, "version": "1"})
    assert clauses_of(app, token) == ["Loyers \u00e0 Montr\u00e9al[31m ont \u2014 doubl\u00e9\u00a0\U0001F3E0\nen 5 ans"]


# ----- request (prayer) -----------------------------------------------------------------------------

def test_the_request_is_shown_inside_the_fixed_formula(client):
    token = new_draft(client)
    client.post(f"/d/{token}/addressee", data={"kind": "minister", "title": "Minister of Health", "version": "1"})
    page = text_of(client.get(f"/d/{token}/prayer"))
    assert "We, the undersigned, citizens and residents of Canada, call upon the Minister of Health to" in page


def test_the_formula_follows_the_petition_language(client):
    token = new_draft(client, language="fr")
    client.post(f"/d/{token}/addressee", data={"kind": "government", "version": "1"})
    page = text_of(client.get(f"/d/{token}/prayer"))
    assert "Nous, soussignés, citoyens et résidents du Canada, demandons au gouvernement du Canada" in page
    assert "What do you ask for?" in page  # the page itself stays in English
    # Examples are in French, and marked so.
    assert ('for example \u201c<span lang="fr">adopter un cadre national de contrôle des loyers</span>\u201d'
            in client.get(f"/d/{token}/prayer").get_data(as_text=True))
    assert "For example: ministre de la Santé, premier ministre" in text_of(client.get(f"/d/{token}/addressee"))


def test_saving_the_request_goes_to_review_and_a_too_long_one_is_refused(client, app):
    token = new_draft(client)
    r = client.post(f"/d/{token}/prayer", data={"prayer": "x" * (MAX_PRAYER_CHARS + 5), "version": "1"})
    assert r.status_code == 400 and f"Your request can be at most {MAX_PRAYER_CHARS:,} characters" in text_of(r)
    r = client.post(f"/d/{token}/prayer", data={"prayer": "enact rent control", "version": "1"})
    assert r.location.endswith(f"/d/{token}/review")
    assert stored(app, token).petition.prayer == "enact rent control"


def test_each_step_shows_the_server_side_checks_without_javascript(client):
    token = new_draft(client)
    fill(client, token, grievances=["Rents rose"], prayer="We demand that the government enact rent control")
    for step in ("addressee", "petitioners", "grievances", "prayer"):
        page = client.get(f"/d/{token}/{step}")
        body = page.get_data(as_text=True)
        assert 'aria-live="polite"' in body
        assert "R-PRAY-4" in text_of(page), step
        assert "of 250 words" in text_of(page)


# ----- review -------------------------------------------------------------------------------------

def test_review_shows_the_petition_as_published_and_the_word_count(client):
    token = new_draft(client)
    fill(client, token, grievances=["Rents rose 40% in five years", "Wages did not"],
         prayer="double the Canada Housing Benefit")
    page = text_of(client.get(f"/d/{token}/review"))
    assert ("Petition to the House of Commons Whereas: Rents rose 40% in five years; Wages did not. "
            "We, the undersigned, citizens and residents of Canada, call upon the House of Commons to double the Canada "
            "Housing Benefit.") in page
    assert "14 of 250 words" in page
    assert "No problems found." in page


def test_a_french_petitions_findings_are_marked_french_on_the_english_page(client):
    token = new_draft(client, language="fr")
    fill(client, token, prayer="revoir la loi; voir https://exemple.ca")
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    message = re.search(r'<li class="finding finding-error" data-rule="R-URL-1">.*?<span class="message" lang="(\w+)">(.*?)</span>',
                        page, re.S)
    assert message and message.group(1) == "fr" and "https://exemple.ca" in html.unescape(message.group(2))
    assert '<html lang="en">' in page


def test_review_groups_findings_by_part_with_rule_and_a_link_to_the_step(client):
    token = new_draft(client)
    fill(client, token, grievances=["Rents rose"], prayer="We demand that the government enact rent control")
    response = client.get(f"/d/{token}/review")
    page = text_of(response)
    assert "The request" in page and "R-PRAY-4" in page and "worded as a demand" in page
    assert f'href="/d/{token}/prayer"' in response.get_data(as_text=True)


def test_a_paper_review_says_when_letter_is_too_small_for_the_text_and_its_signatures(client):
    token = new_draft(client, kind="paper")
    clause = "Rents in our town have risen faster than wages in every one of the last ten years, " * 6
    fill(client, token, grievances=[clause] * 9, prayer="enact a national rent-control framework")
    page = text_of(client.get(f"/d/{token}/review"))
    assert "The printed sheets" in page
    assert "On Letter (8.5 x 11 in) paper, the usual size, the first page has no room" in page
    html_page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert re.search(r'<option value="legal" selected>', html_page)  # the download form offers a size that fits
    short = new_draft(client, kind="paper")
    fill(client, short, grievances=["Rents rose"], prayer="enact a national rent-control framework")
    assert "The printed sheets" not in text_of(client.get(f"/d/{short}/review"))


def test_errors_block_ready(client, app):
    token = new_draft(client)
    fill(client, token, grievances=["Rents rose"], prayer="")
    page = text_of(client.get(f"/d/{token}/review"))
    assert "R-PRAY-1" in page and "before this petition can be marked ready" in page
    r = client.post(f"/d/{token}/ready", data={"version": str(stored(app, token).version), "acknowledge": "y"})
    assert r.status_code == 400 and "still has errors" in text_of(r)
    assert stored(app, token).ready_version is None


def test_warnings_must_be_acknowledged_before_ready(client, app):
    token = new_draft(client)
    fill(client, token, grievances=["Rents have risen STEEPLY EVERY SINGLE YEAR"], prayer="enact rent control")
    version = str(stored(app, token).version)
    assert "R-LANG-1" in text_of(client.get(f"/d/{token}/review"))
    r = client.post(f"/d/{token}/ready", data={"version": version})
    assert r.status_code == 400 and "Tick the box" in text_of(r)
    assert stored(app, token).ready_version is None
    r = client.post(f"/d/{token}/ready", data={"version": version, "acknowledge": "y"})
    assert r.status_code == 302
    assert f"Version {version} is marked ready" in text_of(client.get(r.location))
    assert stored(app, token).is_ready


def test_ready_lapses_when_the_petition_changes(client, app):
    token = new_draft(client)
    # A federal request: rent control would draw the provincial-matter warning, to acknowledge first.
    fill(client, token, grievances=["Rents rose"], prayer="double the Canada Housing Benefit")
    client.post(f"/d/{token}/ready", data={"version": str(stored(app, token).version)})
    assert stored(app, token).is_ready
    client.post(f"/d/{token}/prayer", data={"prayer": "triple the Canada Housing Benefit",
                                             "version": str(stored(app, token).version)})
    assert not stored(app, token).is_ready


def test_apply_suggestion_fixes_the_clause_in_one_click(client, app):
    token = new_draft(client)
    fill(client, token, grievances=["Rents have risen STEEPLY EVERY SINGLE YEAR"], prayer="enact rent control")
    body = client.get(f"/d/{token}/review").get_data(as_text=True)
    finding = re.search(r'name="finding" value="([0-9a-f]+)"', body).group(1)
    version = stored(app, token).version
    r = client.post(f"/d/{token}/apply", data={"finding": finding, "version": str(version)})
    assert r.status_code == 302
    draft = stored(app, token)
    assert draft.petition.grievances == ["Rents have risen Steeply every single year"]
    assert draft.version == version + 1
    after = text_of(client.get(f"/d/{token}/review"))
    assert "Applied the suggestion" in after and "written in capitals" not in after
    # The same button again (a second click, an old tab) changes nothing.
    r = client.post(f"/d/{token}/apply", data={"finding": finding, "version": str(version)})
    assert r.status_code == 409 and stored(app, token).version == version + 1


def test_a_demand_in_the_request_is_rewritten_as_a_request_in_one_click(client, app):
    token = new_draft(client)
    fill(client, token, grievances=["Rents rose"], prayer="We demand that the government enact rent control")
    body = client.get(f"/d/{token}/review").get_data(as_text=True)
    finding = re.search(r'name="finding" value="([0-9a-f]+)"', body).group(1)
    r = client.post(f"/d/{token}/apply", data={"finding": finding, "version": str(stored(app, token).version)})
    assert r.status_code == 302
    assert stored(app, token).petition.prayer == "enact rent control."
    page = text_of(client.get(f"/d/{token}/review"))
    assert "call upon the House of Commons to enact rent control." in page and "worded as a demand" not in page


def test_no_apply_button_where_the_suggestion_has_a_gap_to_fill(client):
    """A suggestion that ends in "…" (the action could not be picked out) cannot be applied: no button for it."""
    token = new_draft(client)
    fill(client, token, prayer="We demand, as taxpayers and voters, an end to this unfair tax on rent")
    body = client.get(f"/d/{token}/review").get_data(as_text=True)
    demand = re.search(r'<li class="finding finding-error" data-rule="R-PRAY-4">(.*?)</li>', body, re.S).group(1)
    assert "call upon the House of Commons to …" in html.unescape(demand)
    assert 'name="finding"' not in demand


def test_we_demand_that_you_becomes_a_request_of_the_addressee(client, app):
    token = new_draft(client)
    fill(client, token, prayer="We DEMAND that you cap rents now")
    body = client.get(f"/d/{token}/review").get_data(as_text=True)
    demand = re.search(r'<li class="finding finding-error" data-rule="R-PRAY-4">(.*?)</li>', body, re.S).group(1)
    finding = re.search(r'name="finding" value="([0-9a-f]+)"', demand).group(1)
    r = client.post(f"/d/{token}/apply", data={"finding": finding, "version": str(stored(app, token).version)})
    assert r.status_code == 302 and stored(app, token).petition.prayer == "cap rents now."


def test_a_demand_in_a_grievance_is_advice_not_an_apply_button(client):
    token = new_draft(client)
    fill(client, token, grievances=["Rents rose. We demand that the government act on rents"], prayer="enact rent control")
    body = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert "R-PRAY-4" in body and "Suggestion:" in body and 'name="finding"' not in body


# ----- drafts are never lost -----------------------------------------------------------------

def test_a_save_from_a_stale_tab_is_refused_with_both_texts_and_the_typed_text_kept(client, app):
    token = new_draft(client)
    tab_a = client.get(f"/d/{token}/prayer")
    tab_b = client.get(f"/d/{token}/prayer")
    assert hidden_version(tab_a) == hidden_version(tab_b) == "1"
    client.post(f"/d/{token}/prayer", data={"prayer": "enact rent control", "version": "1"})
    r = client.post(f"/d/{token}/prayer", data={"prayer": "freeze rents for two years", "version": "1"})
    assert r.status_code == 409
    page = text_of(r)
    assert "This draft changed in another tab" in page
    assert "call upon the Government of Canada to enact rent control." in page  # theirs
    assert "freeze rents for two years" in page  # yours, in the comparison
    assert textarea(r, "prayer") == "freeze rents for two years"  # and still in the box
    assert hidden_version(r) == "2"
    assert stored(app, token).petition.prayer == "enact rent control"
    # Saving again from the conflict page is a deliberate choice: it keeps the typed text.
    r = client.post(f"/d/{token}/prayer", data={"prayer": "freeze rents for two years", "version": "2"})
    assert r.status_code == 302
    assert stored(app, token).petition.prayer == "freeze rents for two years"


@pytest.fixture
def csrf_client(app):
    app.config["WTF_CSRF_ENABLED"] = True
    return app.test_client()


def test_an_expired_csrf_token_keeps_the_typed_text_and_gives_a_fresh_token(csrf_client, app):
    client = csrf_client
    start = client.get("/")
    token_field = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', start.get_data(as_text=True)).group(1)
    r = client.post("/", data={"csrf_token": token_field, "how": "new", "kind": "e-petition", "language": "en"})
    token = r.location.split("/")[2]

    typed = "Rents rose 40% in five years while wages stood still"
    r = client.post(f"/d/{token}/grievances", data={"csrf_token": "expired-or-forged", "grievances-0": typed,
                                                    "version": "1"})
    assert r.status_code == 400
    assert SESSION_EXPIRED in text_of(r)
    assert textarea(r, "grievances-0") == typed
    fresh = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', r.get_data(as_text=True)).group(1)
    assert fresh != "expired-or-forged"
    assert clauses_of(app, token) == []  # nothing was saved with a bad token

    r = client.post(f"/d/{token}/grievances", data={"csrf_token": fresh, "grievances-0": typed, "version": "1"})
    assert r.status_code == 302
    assert clauses_of(app, token) == [typed]


def test_an_expired_csrf_token_on_the_start_page_keeps_the_pasted_draft(csrf_client):
    r = csrf_client.post("/", data={"csrf_token": "stale", "how": "paste", "text": "Please act on rents.",
                                    "kind": "e-petition", "language": "en"})
    assert r.status_code == 400
    assert SESSION_EXPIRED in text_of(r)
    assert textarea(r, "text") == "Please act on rents."


def test_unknown_links_are_404_pages_not_errors(client):
    token = new_draft(client)
    for url in ("/d/" + "A" * 43 + "/addressee", "/d/nope/review", "/d/nope/welcome", "/r/" + "B" * 43,
                f"/r/{token}"):
        r = client.get(url)
        assert r.status_code == 404, url
    r = client.post("/d/nope/prayer", data={"prayer": "x", "version": "1"})
    assert r.status_code == 404


def test_every_area_explains_a_dead_link_the_same_way(client):
    """Drafting, sponsor and download pages all say what to check, in the same words."""
    for url in ("/d/nope/prayer", "/d/nope/sponsors", "/d/nope/timeline", "/d/nope/review.pdf", "/d/nope/paper.pdf",
                "/d/nope/timeline.ics", "/d/nope/cover-letter.pdf"):
        r = client.get(url)
        assert r.status_code == 404 and "Check that you copied the whole edit link" in text_of(r), url
    for url in ("/r/nope", "/r/nope/review.pdf", "/r/nope/answer"):
        r = client.get(url)
        assert r.status_code == 404 and "There is no petition at this review link" in text_of(r), url


def test_the_review_token_cannot_edit(client, app):
    token = new_draft(client)
    review_token = stored(app, token).review_token
    assert client.get(f"/d/{review_token}/prayer").status_code == 404
    assert client.post(f"/d/{review_token}/prayer", data={"prayer": "x", "version": "1"}).status_code == 404


def test_the_sponsor_review_page_is_read_only(client, app):
    token = new_draft(client)
    fill(client, token, grievances=["Rents rose"], prayer="We demand that the government enact rent control")
    review_token = stored(app, token).review_token
    r = client.get(f"/r/{review_token}")
    assert r.status_code == 200
    page, body = text_of(r), r.get_data(as_text=True)
    assert "Petition to the House of Commons Whereas: Rents rose." in page
    assert "R-PRAY-4" in page
    # No edit controls: nothing on the page posts to the draft or carries its edit link or fields.
    assert token not in body and "/d/" not in body
    for field in ('name="prayer"', 'name="grievances-0"', 'name="petitioners"', 'name="kind"', 'name="finding"'):
        assert field not in body
    assert client.post(f"/r/{review_token}").status_code == 405


def test_a_paper_petition_has_no_word_limit(client):
    token = new_draft(client, kind="paper")
    fill(client, token, grievances=["word " * 100] * 3, prayer="enact rent control")
    response = client.get(f"/d/{token}/review")
    assert "303 words (paper petitions have no word limit)" in text_of(response)
    assert "finding-error" not in response.get_data(as_text=True)


def test_the_first_step_has_no_back_button(client):
    token = new_draft(client)
    assert 'name="back"' not in client.get(f"/d/{token}/addressee").get_data(as_text=True)
    assert 'name="back"' in client.get(f"/d/{token}/petitioners").get_data(as_text=True)


def test_a_database_failure_while_saving_keeps_the_typed_text(client, app):
    """A locked database (another writer holding it) must give a message and the text back, not a 500."""
    from sqlalchemy import event

    from web.db import engine

    token = new_draft(client)
    with app.app_context():
        eng = engine()

    from sqlalchemy.exc import OperationalError

    def locked(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("UPDATE"):
            raise OperationalError(statement, parameters, Exception("database is locked"))

    event.listen(eng, "before_cursor_execute", locked)
    try:
        r = client.post(f"/d/{token}/prayer", data={"prayer": "freeze rents", "version": "1"})
    finally:
        event.remove(eng, "before_cursor_execute", locked)
    assert r.status_code == 503
    assert "We could not save just now" in text_of(r)
    assert textarea(r, "prayer") == "freeze rents"
    assert stored(app, token).petition.prayer == ""
    r = client.post(f"/d/{token}/prayer", data={"prayer": "freeze rents", "version": "1"})
    assert r.status_code == 302 and stored(app, token).petition.prayer == "freeze rents"


def test_kind_and_language_can_be_changed_later_and_the_text_is_kept(client, app):
    token = new_draft(client)
    fill(client, token, grievances=["Les loyers ont doublé en dix ans à Montréal"], prayer="geler les loyers")
    review = client.get(f"/d/{token}/review")
    assert f'href="/d/{token}/settings"' in review.get_data(as_text=True)
    page = client.get(f"/d/{token}/settings")
    assert "Kind of petition" in text_of(page)
    r = client.post(f"/d/{token}/settings", data={"kind": "paper", "language": "fr",
                                                  "version": str(stored(app, token).version)})
    assert r.status_code == 302 and r.location.endswith(f"/d/{token}/review")
    draft = stored(app, token)
    assert (draft.kind, draft.language) == ("paper", "fr")
    assert draft.petition.grievances == ["Les loyers ont doublé en dix ans à Montréal"]
    page = text_of(client.get(f"/d/{token}/review"))
    assert "Nous, soussignés, citoyens et résidents du Canada, demandons à la Chambre des communes de geler les loyers." in page
    assert "words (paper petitions have no word limit)" in page


@pytest.mark.parametrize("data", [{}, {"kind": "letter", "language": "de"}, {"language": "fr"}])
def test_a_settings_post_without_a_valid_kind_or_language_is_a_message_not_a_500(client, app, data):
    token = new_draft(client)
    fill(client, token, grievances=["Rents doubled in ten years"], prayer="freeze rents")
    before = stored(app, token)
    r = client.post(f"/d/{token}/settings", data={**data, "version": str(before.version)})
    assert r.status_code == 400
    assert "Please check this page" in text_of(r)
    after = stored(app, token)
    assert (after.version, after.kind, after.language) == (before.version, "e-petition", "en")


SENATE_DRAFT = (
    "Petition to the Senate of Canada\nWhereas:\nRents have doubled in ten years across the country;\n"
    "We, the undersigned, citizens and residents of Canada, call upon the Senate of Canada to pass rent control."
)


def test_a_pasted_addressee_the_house_refuses_is_flagged_and_fixed_in_one_click(client, app):
    r = client.post("/", data={"how": "paste", "text": SENATE_DRAFT, "kind": "e-petition", "language": "en"})
    token = r.location.split("/")[2]
    page = client.get(f"/d/{token}/addressee")
    assert "Your draft was addressed to the Senate of Canada . The House accepts only the four" in text_of(page)
    assert not re.search(r'name="kind"[^>]*checked', page.get_data(as_text=True))  # no allowed kind is guessed
    body = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert "R-ADDR-1" in body
    finding = re.search(r'name="finding" value="([0-9a-f]+)"', body).group(1)
    client.post(f"/d/{token}/apply", data={"finding": finding, "version": str(stored(app, token).version)})
    assert stored(app, token).petition.addressee.kind == "government"
    page = text_of(client.get(f"/d/{token}/review"))
    assert "Petition to the Government of Canada" in page and "R-ADDR-1 " not in page


def test_empty_petitioners_are_refused_with_an_example(client, app):
    token = new_draft(client)
    r = client.post(f"/d/{token}/petitioners", data={"petitioners": "  \n", "version": "1"})
    assert r.status_code == 400
    assert "Say who is signing, for example “citizens and residents of Canada”." in text_of(r)
    assert stored(app, token).version == 1


def _csrf_token_of(response) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', response.get_data(as_text=True)).group(1)


def test_a_token_past_its_time_limit_keeps_the_text(csrf_client, app):
    import time

    token = new_draft(csrf_client, csrf_token=_csrf_token_of(csrf_client.get("/")))
    app.config["WTF_CSRF_TIME_LIMIT"] = 1
    old = _csrf_token_of(csrf_client.get(f"/d/{token}/prayer"))
    time.sleep(2.1)
    r = csrf_client.post(f"/d/{token}/prayer", data={"csrf_token": old, "prayer": "freeze rents", "version": "1"})
    assert r.status_code == 400 and SESSION_EXPIRED in text_of(r)
    assert textarea(r, "prayer") == "freeze rents"
    app.config["WTF_CSRF_TIME_LIMIT"] = None
    r = csrf_client.post(f"/d/{token}/prayer", data={"csrf_token": _csrf_token_of(r), "prayer": "freeze rents",
                                                      "version": "1"})
    assert r.status_code == 302 and stored(app, token).petition.prayer == "freeze rents"


def test_a_lost_session_cookie_keeps_the_text(csrf_client, app):
    token = new_draft(csrf_client, csrf_token=_csrf_token_of(csrf_client.get("/")))
    old = _csrf_token_of(csrf_client.get(f"/d/{token}/petitioners"))
    csrf_client.delete_cookie("session")
    r = csrf_client.post(f"/d/{token}/petitioners", data={"csrf_token": old, "petitioners": "residents of Iqaluit",
                                                          "version": "1"})
    assert r.status_code == 400 and SESSION_EXPIRED in text_of(r)
    assert textarea(r, "petitioners") == "residents of Iqaluit"
    r = csrf_client.post(f"/d/{token}/petitioners", data={"csrf_token": _csrf_token_of(r),
                                                          "petitioners": "residents of Iqaluit", "version": "1"})
    assert r.status_code == 302 and stored(app, token).petition.petitioners == "residents of Iqaluit"
