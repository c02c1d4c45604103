"""The hand-off page (/d/<token>/submit) and the freeze after "sent to supporters", through Flask's test client
on a real SQLite file."""
from __future__ import annotations

import html
import re

from petition.formulae import render
from petition.wordcount import count_petition
from petition.limits import MIN_PAPER_SIGNATURES, REQUIRED_SUPPORTERS
from web.db import get_session
from web.models import Draft, SponsorChoice

from test_drafting import fill, new_draft, stored, text_of, textarea

GRIEVANCES = ["Rents in our city rose 40% in five years", "Wages rose 10% in the same years"]
PRAYER = "cap annual rent increases for federally financed housing"


def readonly_box(response, box_id: str) -> str:
    """The text of a read-only box as the browser holds it (one leading newline is the markup's, not the text's)."""
    match = re.search(rf'<textarea id="{box_id}"[^>]*readonly[^>]*>\r?\n?(.*?)</textarea>',
                      response.get_data(as_text=True), re.S)
    assert match, f"no read-only box {box_id}"
    return html.unescape(match.group(1))


def ready_draft(client, **fields) -> str:
    token = new_draft(client, **fields)
    fill(client, token, addressee={"kind": "government"}, grievances=GRIEVANCES, prayer=PRAYER)
    r = client.post(f"/d/{token}/ready",
                    data={"version": str(stored(client.application, token).version), "acknowledge": "y"})
    assert r.status_code == 302, text_of(r)
    assert stored(client.application, token).status == "ready"
    return token


def mark_sent(client, token):
    return client.post(f"/d/{token}/sent", data={"version": str(stored(client.application, token).version),
                                                 "confirm": "y"})


def parts_of(petition) -> dict:
    """Each part cut from the engine's rendering of the petition, as the House publishes it."""
    rendered = render(petition)
    spans = rendered.spans
    cut = lambda part: rendered.text[spans[part].start:spans[part].end]
    return {"petitioners": cut("petitioners"), "prayer": cut("prayer"),
            "grievances": "\n".join(cut(p) for p in sorted((s for s in spans if s.startswith("grievance")),
                                                              key=lambda s: spans[s].start)),
            "heading": cut("addressee")}


# ----- the page ----------------------------------------------------------------------------------

def test_the_review_links_to_the_hand_off_only_once_the_draft_is_ready(client):
    token = new_draft(client)
    fill(client, token, addressee={"kind": "government"}, grievances=GRIEVANCES, prayer=PRAYER)
    assert f"/d/{token}/submit" not in client.get(f"/d/{token}/review").get_data(as_text=True)
    early = client.get(f"/d/{token}/submit")
    assert early.status_code == 302 and early.location.startswith(f"/d/{token}/review")
    client.post(f"/d/{token}/ready", data={"version": str(stored(client.application, token).version),
                                            "acknowledge": "y"})
    review = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert f'href="/d/{token}/submit"' in review
    assert "Next: submit it on the House" in html.unescape(review)


def test_the_e_petition_hand_off_gives_each_part_exactly_as_the_house_publishes_it(client):
    token = ready_draft(client)
    page = client.get(f"/d/{token}/submit")
    assert page.status_code == 200
    expected = parts_of(stored(client.application, token).petition)
    assert readonly_box(page, "part-grievances") == expected["grievances"] == (
        "Rents in our city rose 40% in five years;\nWages rose 10% in the same years.")
    assert readonly_box(page, "part-prayer") == expected["prayer"] == PRAYER + "."
    assert readonly_box(page, "part-petitioners") == expected["petitioners"] == "citizens and residents of Canada"
    assert expected["heading"] == "Petition to " + readonly_box(page, "part-addressee")
    words = text_of(page)
    assert "Choose: The Government of Canada." in words
    # The review's count (one place counts): 9 + 7 words in the clauses, 8 in the request.
    assert count_petition(stored(client.application, token).petition).counted == 24
    assert "24 words of 250, counted as the House counts" in words
    # Every box has a label and a Copy button (shown by the script).
    body = page.get_data(as_text=True)
    for box in ("part-addressee", "part-petitioners", "part-grievances", "part-prayer", "supporter-invitation"):
        assert f'<label for="{box}"' in body
        assert f'data-copy="{box}"' in body
    assert 'aria-live="polite"' in body and "js/copy.js" in body


def test_the_checklist_names_the_supporters_the_period_and_the_chosen_member(app, client):
    token = ready_draft(client)
    words = text_of(client.get(f"/d/{token}/submit"))
    assert f"At least {REQUIRED_SUPPORTERS} supporters" in words
    assert "30, 60, 90 or 120 days" in words
    assert "You have not chosen one yet" in words
    with app.app_context():
        draft = Draft.by_edit_token(get_session(), token)
        SponsorChoice.add(get_session(), draft.id, name="Jane Doe", riding="Ottawa Centre")
        get_session().commit()
    words = text_of(client.get(f"/d/{token}/submit"))
    assert "Your choices: Jane Doe, Member for Ottawa Centre" in words
    assert "You have not chosen one yet" not in words


def test_the_supporter_invitation_quotes_the_request_in_the_petitions_language(client):
    english = readonly_box(client.get(f"/d/{ready_draft(client)}/submit"), "supporter-invitation")
    assert english.startswith("Subject: Will you support my e-petition")
    assert ("\u201cWe, the undersigned, citizens and residents of Canada, call upon the Government of Canada to "
            f"{PRAYER}.\u201d") in english
    assert f"needs {REQUIRED_SUPPORTERS} supporters" in english

    token = new_draft(client, language="fr")
    fill(client, token, addressee={"kind": "government"}, grievances=["Les loyers ont augmenté de 40 %"],
         prayer="plafonner les hausses de loyer")
    client.post(f"/d/{token}/ready", data={"version": str(stored(client.application, token).version),
                                            "acknowledge": "y"})
    page = client.get(f"/d/{token}/submit")
    french = readonly_box(page, "supporter-invitation")
    assert french.startswith("Objet\u00a0: ")
    assert ("\u00ab\u00a0Nous, soussignés, citoyens et résidents du Canada, demandons au gouvernement du Canada de "
            "plafonner les hausses de loyer.\u00a0\u00bb") in french
    assert f"{REQUIRED_SUPPORTERS} appuyeurs" in french
    assert re.search(r'<textarea id="supporter-invitation"[^>]*lang="fr"', page.get_data(as_text=True))


def test_the_hand_off_shows_the_timelines_dates(client):
    token = ready_draft(client)
    r = client.post(f"/d/{token}/timeline", data={"sent_to_sponsor": "2026-12-07"})
    assert r.status_code == 302
    words = text_of(client.get(f"/d/{token}/submit"))
    # The first Member's 30 days, from the timeline's own code.
    assert "Wednesday, January 6, 2027" in words


# ----- paper -------------------------------------------------------------------------------------

def test_the_paper_hand_off_links_sheets_instructions_and_says_the_minimum(app, client):
    token = ready_draft(client, kind="paper")
    page = client.get(f"/d/{token}/submit")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    words = text_of(page)
    assert f"at least {MIN_PAPER_SIGNATURES} valid signatures" in words
    assert f'action="/d/{token}/paper.pdf"' in body and 'name="size"' in body and 'name="sheets"' in body
    assert f'href="/d/{token}/volunteer-instructions.pdf"' in body
    # No Member yet: no cover letter, and what to do instead.
    assert "cover-letter.pdf" not in body
    assert "Choose the Member who will present it" in words
    assert "part-prayer" not in body and "Mark as sent" not in words
    with app.app_context():
        draft = Draft.by_edit_token(get_session(), token)
        SponsorChoice.add(get_session(), draft.id, name="Jane Doe", riding="Ottawa Centre",
                          office_postal="123 Main Street\nOttawa ON K1A 0A6")
        get_session().commit()
    page = client.get(f"/d/{token}/submit")
    assert f'href="/d/{token}/cover-letter.pdf"' in page.get_data(as_text=True)
    assert "123 Main Street" in text_of(page)
    # The form's choices give sheets the download route accepts.
    version = re.search(r'name="version" value="(\d+)"', page.get_data(as_text=True)).group(1)
    assert version == str(stored(client.application, token).version)
    sheets = client.get(f"/d/{token}/paper.pdf", query_string={"version": version, "size": "legal", "sheets": "2"})
    assert sheets.status_code == 200 and sheets.data.startswith(b"%PDF")


def test_a_paper_petition_cannot_be_marked_as_sent_to_supporters(client):
    token = ready_draft(client, kind="paper")
    r = client.post(f"/d/{token}/sent", data={"version": str(stored(client.application, token).version),
                                               "confirm": "y"})
    assert r.status_code == 404
    assert stored(client.application, token).sent_to_supporters_at is None


# ----- sent to supporters: the freeze --------------------------------------------------------------

def test_marking_as_sent_needs_the_confirmation_and_a_ready_version(client):
    token = ready_draft(client)
    version = str(stored(client.application, token).version)
    refused = client.post(f"/d/{token}/sent", data={"version": version})
    assert refused.status_code == 400
    assert "Tick the box to confirm" in text_of(refused)
    assert stored(client.application, token).status == "ready"
    stale = client.post(f"/d/{token}/sent", data={"version": "1", "confirm": "y"})
    assert stale.status_code == 302 and stored(client.application, token).status == "ready"
    done = mark_sent(client, token)
    assert done.status_code == 302 and done.location == f"/d/{token}/submit"
    draft = stored(client.application, token)
    assert draft.status == "sent" and draft.sent_to_supporters_at is not None
    words = text_of(client.get(f"/d/{token}/submit"))
    assert "Marked as sent to supporters" in words and "This petition is frozen" in words


def test_a_draft_that_is_not_ready_cannot_be_marked_as_sent(client):
    token = new_draft(client)
    fill(client, token, addressee={"kind": "government"}, grievances=GRIEVANCES, prayer=PRAYER)
    r = mark_sent(client, token)
    assert r.status_code == 302 and stored(client.application, token).status == "draft"


def test_a_frozen_draft_refuses_a_change_and_keeps_the_typed_text(client):
    token = ready_draft(client)
    mark_sent(client, token)
    version = stored(client.application, token).version
    typed = "cap annual rent increases at 2% a year"
    r = client.post(f"/d/{token}/prayer", data={"prayer": typed, "version": str(version)})
    assert r.status_code == 409
    assert textarea(r, "prayer") == typed
    words = text_of(r)
    assert "The House allows no change to its text after that (rule R-EP-7)" in words
    assert "Make a new draft copied from this one" in words
    draft = stored(client.application, token)
    assert draft.version == version and draft.petition.prayer == PRAYER
    # Moving through the steps without a change still works.
    unchanged = client.post(f"/d/{token}/prayer", data={"prayer": PRAYER, "version": str(version)})
    assert unchanged.status_code == 302


def test_every_editing_post_on_a_frozen_draft_leaves_the_text_as_sent(client):
    token = ready_draft(client)
    mark_sent(client, token)
    before = stored(client.application, token)
    version = str(before.version)
    posts = [
        (f"/d/{token}/addressee", {"kind": "house", "version": version}),
        (f"/d/{token}/petitioners", {"petitioners": "residents of Ottawa", "version": version}),
        (f"/d/{token}/grievances", {"grievances-0": "Rents rose", "version": version}),
        (f"/d/{token}/settings", {"kind": "paper", "language": "en", "version": version}),
        (f"/d/{token}/fr/prayer", {"prayer": "plafonner les loyers", "version": version}),
        (f"/d/{token}/fr/", {"how": "paste", "text": "Pétition au gouvernement du Canada\nNous, soussignés, "
                             "citoyens et résidents du Canada, demandons au gouvernement du Canada de plafonner "
                             "les loyers.", "version": version}),
        (f"/d/{token}/sponsors", {"name": "Jane Doe", "riding": "Ottawa Centre", "use_as_addressee": "y"}),
    ]
    for url, data in posts:
        r = client.post(url, data=data)
        assert r.status_code == 409, (url, r.status_code)
        assert "rule R-EP-7" in text_of(r), url
        for value in data.values():
            if value not in (version, "y", "en", "paste", "house"):
                assert html.escape(value, quote=False) in r.get_data(as_text=True) or value in text_of(r), (url, value)
    after = stored(client.application, token)
    assert after.version == before.version and after.petition_data == before.petition_data
    review = text_of(client.get(f"/d/{token}/review"))
    assert "This petition is frozen" in review and "rule R-EP-7" in review


def test_a_new_draft_copied_from_a_frozen_one_has_the_same_petition_and_new_links(client):
    token = ready_draft(client)
    mark_sent(client, token)
    r = client.post(f"/d/{token}/copy")
    assert r.status_code == 302
    new_token = re.match(r"^/d/([A-Za-z0-9_-]{43,})/welcome$", r.location).group(1)
    assert new_token != token
    welcome = client.get(r.location)
    assert new_token in welcome.get_data(as_text=True)  # the new edit link, shown once
    assert "copied from version" in text_of(welcome)
    old, new = stored(client.application, token), stored(client.application, new_token)
    assert new.petition_data == old.petition_data and new.id != old.id
    assert new.review_token != old.review_token
    assert new.status == "draft" and new.version == 1 and old.status == "sent"
    # The copy takes edits.
    saved = client.post(f"/d/{new_token}/prayer", data={"prayer": "cap rents", "version": "1"})
    assert saved.status_code == 302 and stored(client.application, new_token).petition.prayer == "cap rents"


def test_the_copy_button_on_a_refused_step_carries_what_was_typed_into_the_new_draft(client):
    token = ready_draft(client)
    mark_sent(client, token)
    version = str(stored(client.application, token).version)
    refused = client.post(f"/d/{token}/grievances", data={"grievances-0": "Rents rose 40%", "grievances-1": "",
                                                          "version": version})
    assert f'formaction="/d/{token}/copy?step=grievances"' in refused.get_data(as_text=True)
    r = client.post(f"/d/{token}/copy?step=grievances", data={"grievances-0": "Rents rose 40%", "grievances-1": "",
                                                              "version": version})
    assert r.status_code == 302
    new_token = re.match(r"^/d/([A-Za-z0-9_-]{43,})/welcome$", r.location).group(1)
    copied = stored(client.application, new_token).petition
    assert copied.grievances == ["Rents rose 40%"]
    assert copied.prayer == PRAYER
    assert stored(client.application, token).petition.grievances == GRIEVANCES


def test_the_status_says_draft_ready_or_sent(client):
    token = new_draft(client)
    assert stored(client.application, token).status == "draft"
    fill(client, token, addressee={"kind": "government"}, grievances=GRIEVANCES, prayer=PRAYER)
    client.post(f"/d/{token}/ready", data={"version": str(stored(client.application, token).version),
                                            "acknowledge": "y"})
    assert stored(client.application, token).status == "ready"
    mark_sent(client, token)
    assert stored(client.application, token).status == "sent"


def test_applying_a_suggestion_or_removing_the_french_version_of_a_frozen_draft_is_refused(client):
    from petition.analysis import analyze_petition
    from web.drafting import can_apply, fingerprint

    token = new_draft(client)
    fill(client, token, addressee={"kind": "government"}, grievances=["PARKS CANADA MUST ACT NOW ON THE CANAL"],
         prayer=PRAYER)
    version = str(stored(client.application, token).version)
    r = client.post(f"/d/{token}/fr/", data={"how": "paste", "version": version, "text": (
        "Pétition au gouvernement du Canada\nNous, soussignés, citoyens et résidents du Canada, demandons au "
        "gouvernement du Canada de plafonner les loyers.")})
    assert r.status_code == 302
    version = str(stored(client.application, token).version)
    client.post(f"/d/{token}/ready", data={"version": version, "acknowledge": "y"})
    assert mark_sent(client, token).status_code == 302
    before = stored(client.application, token)
    petition = before.petition
    finding = next(f for f in analyze_petition(petition).findings if can_apply(petition, f))
    # The review offers no "Apply suggestion" on a frozen draft; a button from an older page is refused.
    review = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert finding.rule in review and fingerprint(finding) not in review
    live = client.post(f"/d/{token}/panel", data={"step": "grievances", "version": version,
                                                  "grievances-0": "PARKS CANADA MUST ACT NOW ON THE CANAL"})
    assert live.status_code == 200 and finding.rule in live.get_data(as_text=True)
    assert fingerprint(finding) not in live.get_data(as_text=True)
    applied = client.post(f"/d/{token}/apply", data={"version": version, "finding": fingerprint(finding)})
    assert applied.status_code == 409 and "rule R-EP-7" in text_of(applied)
    removed = client.post(f"/d/{token}/fr/remove", data={"version": version, "confirm": "y"})
    assert removed.status_code == 409 and "rule R-EP-7" in text_of(removed)
    after = stored(client.application, token)
    assert after.petition_data == before.petition_data and after.version == before.version
    assert after.petition.second_version is not None
    # The House's form takes one language: the parts are the petition's own, the French version is only named.
    page = client.get(f"/d/{token}/submit")
    assert "the House translates it itself (rule R-LANG-3)" in text_of(page)
    assert readonly_box(page, "part-prayer") == PRAYER + "."
    assert "plafonner" not in page.get_data(as_text=True)


def test_an_expired_session_on_the_copy_button_shows_the_step_again_with_the_typed_text(make_app):
    app = make_app()
    client = app.test_client()
    token = ready_draft(client)
    mark_sent(client, token)
    app.config["WTF_CSRF_ENABLED"] = True  # from here on, a token from an earlier session
    r = client.post(f"/d/{token}/copy?step=prayer", data={"prayer": "typed before the session ended",
                                                          "version": "3", "csrf_token": "expired"})
    assert r.status_code == 400
    assert textarea(r, "prayer") == "typed before the session ended"
    assert "Your session expired; we kept your text" in text_of(r)
    assert re.search(r'name="csrf_token" type="hidden" value="[^"]+"', r.get_data(as_text=True))
    with app.app_context():
        assert get_session().query(Draft).count() == 1  # no copy was made


def test_a_member_picked_from_the_lookup_does_not_readdress_a_frozen_draft(client):
    import json
    from pathlib import Path

    import responses

    answers = json.loads((Path(__file__).parent.parent / "sponsors" / "represent_answers.json").read_text("utf-8"))
    token = ready_draft(client)
    mark_sent(client, token)
    before = stored(client.application, token)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as represent:
        represent.get("https://represent.opennorth.ca/postcodes/K1A0A6/", json=answers["one_mp"])
        r = client.post(f"/d/{token}/mp/use", data={"mp_postal_code": "K1A0A6", "mp_member": "0"})
    assert r.status_code == 302 and r.location.startswith(f"/d/{token}/review")
    assert "rule R-EP-7" in text_of(client.get(r.location))
    after = stored(client.application, token)
    assert after.petition_data == before.petition_data and after.petition.addressee.kind == "government"
