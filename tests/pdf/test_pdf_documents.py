"""Versioned documents (issue 12, parts 2 and 3) through the real app: every PDF says which draft, version, date
and text it is; the sheets carry the text's fingerprint and nothing of the organizer's; the volunteer
instructions are complete and reachable whether or not a Member is chosen."""
from __future__ import annotations

import re
from datetime import date

import pytest

from conftest import sample
from petition.catalogue import copy_in
from petition.fingerprint import fingerprint
from web.db import get_session
from web.models import Draft

from pdfcheck import page_texts, reader

MARK = re.compile(r"\b[A-Z2-7]{4}-[A-Z2-7]{4}\b")
DETAILS = {"name": "Rideau broadband, spring canvass", "organizer_contact": "Sam Organizer\n613-555-0142",
           "return_date": "2027-03-15", "return_address": "Sam Organizer\n12 Elm Street\nPerth ON  K7H 1A1"}


def paste(client, name: str = "certified/e-4904.txt", kind: str = "paper", language: str = "en") -> str:
    response = client.post("/", data={"how": "paste", "text": sample(name), "kind": kind, "language": language})
    assert response.status_code == 302
    return re.match(r"^/d/([A-Za-z0-9_-]+)/welcome$", response.location).group(1)


def stored(app, token) -> Draft:
    with app.app_context():
        draft = Draft.by_edit_token(get_session(), token)
        draft.petition_data  # loaded before the session closes
        return draft


def settings(client, app, token, **details):
    draft = stored(app, token)
    response = client.post(f"/d/{token}/settings", data={"kind": draft.kind, "language": draft.language,
                                                         "version": str(draft.version), **details})
    return response


def choose_member(client, token):
    response = client.post(f"/d/{token}/sponsors", data={
        "name": "Dana Whitfield", "riding": "Ottawa Centre", "office_postal": "404-111 Somerset Street West\nOttawa ON  K2P 0H9",
        "add_choice": "1"})
    assert response.status_code in (200, 302)


def today_words(language="en") -> str:
    return copy_in(language).date(date.today())


def test_every_page_of_every_pdf_says_its_version_date_and_fingerprint(client, app):
    token = paste(client)
    assert settings(client, app, token, **DETAILS).status_code == 302
    choose_member(client, token)
    draft = stored(app, token)
    mark = fingerprint(draft.petition)
    documents = {
        "review": client.get(f"/d/{token}/review.pdf"),
        "instructions": client.get(f"/d/{token}/volunteer-instructions.pdf"),
        "cover letter": client.get(f"/d/{token}/cover-letter.pdf"),
    }
    for what, response in documents.items():
        assert response.status_code == 200, what
        pages = page_texts(response.data)
        assert pages, what
        for number, text in enumerate(pages, 1):
            where = f"{what}, page {number}"
            assert f"Version {draft.version}" in text, where
            assert f"Generated on {today_words()}" in text, where
            assert f"Text {mark}" in text, where
            assert DETAILS["name"] in text and "Status: draft" in text, where
    sheets = client.get(f"/d/{token}/paper.pdf?sheets=3")
    for number, text in enumerate(page_texts(sheets.data), 1):
        assert text.endswith(f"Page {number} {mark}")
    # The review PDF says what the mark is for, once, in its report.
    assert f"Fingerprint of this text: {mark}." in " ".join(page_texts(documents["review"].data))


def test_the_fingerprint_follows_the_text_and_nothing_else(client, app):
    token = paste(client)
    draft = stored(app, token)
    before = fingerprint(draft.petition)
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert f"Fingerprint of this text: {before}." in page
    # A settings edit (the draft's name, the organizer's details) is not the text: same mark, same version.
    assert settings(client, app, token, name="Another name").status_code == 302
    assert stored(app, token).name == "Another name" and stored(app, token).version == draft.version
    assert f"Fingerprint of this text: {before}." in client.get(f"/d/{token}/review").get_data(as_text=True)
    assert MARK.findall(page_texts(client.get(f"/d/{token}/paper.pdf?sheets=2").data)[1]) == [before]
    # One character of the request changes it, on the page, the review PDF and the sheets alike.
    prayer = draft.petition.prayer
    r = client.post(f"/d/{token}/prayer", data={"prayer": prayer[:-1] + ("x" if prayer[-1] != "x" else "y"),
                                               "version": str(draft.version)})
    assert r.status_code == 302
    after = fingerprint(stored(app, token).petition)
    assert after != before
    assert f"Fingerprint of this text: {after}." in client.get(f"/d/{token}/review").get_data(as_text=True)
    assert f"Text {after}" in page_texts(client.get(f"/d/{token}/review.pdf").data)[0]
    assert MARK.findall(page_texts(client.get(f"/d/{token}/paper.pdf?sheets=2").data)[0]) == [after]
    # The sponsor's page shows it too.
    review_token = stored(app, token).review_token
    assert f"Fingerprint of this text: {after}." in client.get(f"/r/{review_token}").get_data(as_text=True)


def test_the_status_says_ready_once_the_version_is_marked_ready(client, app):
    token = paste(client, kind="e-petition")
    assert "Status: draft" in page_texts(client.get(f"/d/{token}/review.pdf").data)[0]
    r = client.post(f"/d/{token}/ready", data={"version": str(stored(app, token).version), "acknowledge": "y"})
    assert r.status_code == 302 and stored(app, token).status == "ready"
    assert all("Status: ready" in text for text in page_texts(client.get(f"/d/{token}/review.pdf").data))


def test_a_draft_without_a_name_is_named_by_its_request(client, app):
    token = paste(client)
    label = stored(app, token).label()
    assert label and label.split()[0] in stored(app, token).petition.prayer
    assert label in page_texts(client.get(f"/d/{token}/review.pdf").data)[0].replace("\u2026", "\u2026")


def test_the_organizers_details_never_go_on_the_sheets(client, app):
    token = paste(client)
    assert settings(client, app, token, **DETAILS).status_code == 302
    sheets = " ".join(page_texts(client.get(f"/d/{token}/paper.pdf?sheets=2").data))
    for words in ("Rideau broadband", "Sam Organizer", "613-555-0142", "12 Elm Street", "2027", "March 15"):
        assert words not in sheets
    instructions = " ".join(page_texts(client.get(f"/d/{token}/volunteer-instructions.pdf").data))
    for words in ("Rideau broadband", "Sam Organizer 613-555-0142", "Sam Organizer 12 Elm Street Perth ON K7H 1A1",
                  "Return them by March 15, 2027."):
        assert words in instructions


def test_the_instructions_say_who_may_sign_and_how(client, app):
    token = paste(client)
    text = " ".join(page_texts(client.get(f"/d/{token}/volunteer-instructions.pdf").data))
    for words in ("Canadian citizens and residents of Canada may sign.",  # R-SIG-5
                  "There is no minimum age",  # R-SIG-6
                  "each person signs in their own handwriting, directly on the sheet",  # R-SIG-2
                  "No pasted, taped, photocopied, scanned or e-mailed signatures",
                  "Each person signs for themselves",  # R-SIG-3
                  "A printed name alone is not a signature",
                  "city or town and the province or territory",  # R-SIG-4
                  "At least 25 valid signatures"):  # R-SIG-1
        assert words in text, words
    assert f"carries the mark {fingerprint(stored(app, token).petition)} at the foot of each page" in text
    french = paste(client, "certified/e-4904.txt", language="fr")
    text = " ".join(page_texts(client.get(f"/d/{french}/volunteer-instructions.pdf").data))
    assert "Les citoyens canadiens et les résidents du Canada peuvent signer." in text
    assert "Il n’y a pas d’âge minimum" in text and "Produit le" in text


def test_the_instructions_are_linked_from_the_review_whether_or_not_a_member_is_chosen(client, app):
    token = paste(client)
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert f'href="/d/{token}/volunteer-instructions.pdf"' in page
    alone = " ".join(page_texts(client.get(f"/d/{token}/volunteer-instructions.pdf").data))
    assert "Give all the signed sheets to the person organizing the petition" in alone
    choose_member(client, token)
    office = " ".join(page_texts(client.get(f"/d/{token}/volunteer-instructions.pdf").data))
    assert "Dana Whitfield, Member of Parliament for Ottawa Centre 404-111 Somerset Street West" in office
    # The organizer's own return address comes first.
    assert settings(client, app, token, return_address="12 Elm Street\nPerth ON  K7H 1A1").status_code == 302
    own = " ".join(page_texts(client.get(f"/d/{token}/volunteer-instructions.pdf").data))
    assert "12 Elm Street Perth ON K7H 1A1" in own and "Somerset Street" not in own


@pytest.mark.parametrize("details, message", [
    ({"name": "x" * 121}, "at most 120"),
    ({"return_date": "2027-02-30"}, "Enter a date that exists on the calendar"),
])
def test_a_refused_detail_is_shown_again_as_typed_and_nothing_is_saved(client, app, details, message):
    token = paste(client)
    response = settings(client, app, token, organizer_contact="Sam 613-555-0142", **details)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and message in page
    assert "Sam 613-555-0142" in page and list(details.values())[0] in page
    assert stored(app, token).organizer_contact is None


def test_a_name_cannot_break_out_of_the_header(client, app):
    hostile = '"; } @page { size: 1in 1in; } @top-left { content: "x'
    token = paste(client)
    assert settings(client, app, token, name=hostile).status_code == 302
    pdf = client.get(f"/d/{token}/review.pdf").data
    first = reader(pdf).pages[0]
    assert (float(first.mediabox.width), float(first.mediabox.height)) == (612.0, 792.0)
    assert hostile.replace(" ", "") in page_texts(pdf)[0].replace(" ", "")


def test_the_hand_off_page_shows_the_mark_and_the_return_details(client, app):
    token = paste(client)
    r = client.post(f"/d/{token}/ready", data={"version": str(stored(app, token).version), "acknowledge": "y"})
    assert r.status_code == 302 and stored(app, token).is_ready
    page = client.get(f"/d/{token}/submit").get_data(as_text=True)
    assert f"Each sheet carries the mark {fingerprint(stored(app, token).petition)}" in page
    assert f'href="/d/{token}/volunteer-instructions.pdf"' in page
    assert f'href="/d/{token}/settings"' in page  # nothing entered yet: where to enter it
    # The details are not the text: entering them keeps the version marked ready.
    assert settings(client, app, token, **DETAILS).status_code == 302 and stored(app, token).is_ready
    page = client.get(f"/d/{token}/submit").get_data(as_text=True)
    assert "The volunteer instructions ask for the sheets back by March 15, 2027." in page
    assert "12 Elm Street" in page and f'href="/d/{token}/settings"' not in page
