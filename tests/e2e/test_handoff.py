"""From "ready" to the House in Debian's chromium: the e-petition's parts to copy, the freeze after "sent to
supporters" and the copy that takes the edits; the paper petition's sheets, instructions and cover letter."""
from __future__ import annotations

import io
import re
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from petition.formulae import addressee_text, render
from web.db import get_session
from web.models import Draft

from .test_accessibility import assert_accessible

SAMPLES = Path(__file__).parent.parent / "samples"


def stored(live_server, token: str) -> Draft:
    with live_server.app.app_context():
        return Draft.by_edit_token(get_session(), token)


def start_ready_draft(page: Page, sample: str, *, paper: bool = False) -> str:
    """Paste a certified petition, mark it ready from the review page; returns the edit token."""
    page.goto("/")
    page.get_by_label("Paste an existing draft").check()
    if paper:
        page.get_by_label("Paper petition (signed by hand)").check()
    page.get_by_label("Your existing draft").fill((SAMPLES / sample).read_text(encoding="utf-8"))
    page.get_by_role("button", name="Start").click()
    token = re.search(r"/d/([A-Za-z0-9_-]+)/welcome", page.url).group(1)
    page.goto(f"/d/{token}/review")
    expect(page.get_by_role("link", name=re.compile("^Next:"))).to_have_count(0)
    acknowledge = page.get_by_label("I have read every warning above and want to go ahead")
    if acknowledge.count():
        acknowledge.check()
    page.get_by_role("button", name="Mark as ready").click()
    return token


def house_parts(petition) -> dict[str, str]:
    """What the House publishes, part by part: cut from the engine's rendering by its spans."""
    rendered = render(petition)
    text, spans = rendered.text, rendered.spans
    clauses = sorted((s for p, s in spans.items() if p.startswith("grievance")), key=lambda s: s.start)
    return {
        "heading": text[spans["addressee"].start:spans["addressee"].end],
        "petitioners": text[spans["petitioners"].start:spans["petitioners"].end],
        "grievances": text[clauses[0].start:clauses[-1].end],
        "prayer": text[spans["prayer"].start:spans["prayer"].end],
    }


def test_an_e_petition_goes_from_ready_to_the_house_part_by_part_then_freezes(page: Page, live_server):
    token = start_ready_draft(page, "certified/e-4904.txt")
    page.get_by_role("link", name="Next: submit it on the House's e-petition site").click()
    expect(page.get_by_role("heading", name="Submit your e-petition to the House")).to_be_visible()

    petition = stored(live_server, token).petition
    parts = house_parts(petition)
    published = render(petition).text
    fields = {name: page.get_by_label(label, exact=True).input_value() for name, label in (
        ("addressee", "Addressee, as the heading names it"), ("petitioners", "Who the petitioners are"),
        ("grievances", "Grievances (after \u201cWhereas:\u201d), one clause a line"),
        ("prayer", "Request (what follows \u201ccall upon ... to\u201d)"))}
    assert fields["petitioners"] == parts["petitioners"] == "citizens and residents of Canada"
    assert fields["grievances"] == parts["grievances"]
    assert fields["prayer"] == parts["prayer"]
    assert parts["heading"] == "Petition to " + fields["addressee"] == "Petition to the Government of Canada"
    assert fields["addressee"] == addressee_text(petition.addressee, "en")
    # Each box is a slice of the published text, and together with the fixed wording they make all of it.
    for name in ("grievances", "prayer"):
        assert fields[name] in published and fields[name].strip() and "\u2022" not in fields[name]
    assert published == (f"Petition to {fields['addressee']}\nWhereas:\n{fields['grievances']}\n"
                         f"We, the undersigned, {fields['petitioners']}, call upon {fields['addressee']} to "
                         f"{fields['prayer']}")
    expect(page.locator("#handoff-word-count")).to_contain_text("165 words of 250")

    # The Copy buttons (shown by the script) put exactly the box's text on the clipboard and say so politely.
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    copy_buttons = page.locator("button[data-copy]")
    expect(copy_buttons).to_have_count(5)
    page.locator("button[data-copy='part-prayer']").click()
    expect(page.locator("#copy-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == parts["prayer"]
    page.locator("button[data-copy='part-grievances']").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#copy-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == parts["grievances"]
    invitation = page.get_by_label("Invitation to supporters (plain text)").input_value()
    assert parts["prayer"] in invitation and "5 supporters" in invitation
    assert_accessible(page, "e-petition hand-off page")

    # Sent to supporters: refused without the confirmation, then recorded.
    page.get_by_role("button", name="Mark as sent to supporters").click()
    expect(page.locator(".field-errors")).to_contain_text("Tick the box")
    page.get_by_label(re.compile("^I have submitted this text")).check()
    page.get_by_role("button", name="Mark as sent to supporters").click()
    expect(page.get_by_role("heading", name="This petition is frozen")).to_be_visible()
    assert stored(live_server, token).status == "sent"
    assert_accessible(page, "hand-off page of a frozen e-petition")

    # An edit on the frozen draft is refused with the text kept; the copy takes it.
    page.goto(f"/d/{token}/prayer")
    changed = "cap rent increases at 2% a year"
    page.get_by_label("What do you ask for?").fill(changed)
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".notice[role=alert]")).to_contain_text("R-EP-7")
    expect(page.get_by_label("What do you ask for?")).to_have_value(changed)
    assert stored(live_server, token).petition.prayer == petition.prayer
    assert_accessible(page, "a refused save on a frozen draft")
    page.get_by_role("button", name="Make a new draft copied from this one").click()
    expect(page.get_by_role("heading", name="Your draft is saved")).to_be_visible()
    new_link = page.get_by_label("Edit link").input_value()
    new_token = re.search(r"/d/([A-Za-z0-9_-]+)/", new_link).group(1)
    assert new_token != token
    copied = stored(live_server, new_token)
    assert copied.petition.prayer == changed and copied.petition.grievances == petition.grievances
    assert copied.status == "draft"
    page.goto(f"/d/{token}/review")
    expect(page.locator(".frozen")).to_contain_text("R-EP-7")


def pdf_text(path: str) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(Path(path).read_bytes()))
    return reader, " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_a_paper_petitions_hand_off_prints_sheets_instructions_and_a_cover_letter(page: Page, live_server):
    token = start_ready_draft(page, "certified/e-4904.txt", paper=True)
    page.get_by_role("link", name="Next: print and collect the signatures").click()
    expect(page.get_by_role("heading", name="Print and collect your paper petition")).to_be_visible()
    expect(page.get_by_text("at least 25 valid signatures")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Cover letter"))).to_have_count(0)
    assert_accessible(page, "paper hand-off page")

    page.get_by_label("Paper size").select_option("legal")
    page.get_by_label("Number of sheets").fill("2")
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile("^Download signature sheets")).click()
    sheets, text = pdf_text(info.value.path())
    assert len(sheets.pages) == 2
    assert (float(sheets.pages[0].mediabox.width), float(sheets.pages[0].mediabox.height)) == (612.0, 1008.0)
    assert "call upon the Government of Canada" in text

    with page.expect_download() as info:
        page.get_by_role("link", name="Volunteer instructions (PDF)").click()
    instructions, text = pdf_text(info.value.path())
    assert len(instructions.pages) >= 1 and text.strip()

    # With the presenting Member's office, the cover letter and the address appear.
    page.get_by_role("link", name="Choose the Member who will present it").click()
    page.get_by_label("Member's name").fill("Jane Doe")
    page.get_by_label("Riding (electoral district)").fill("Ottawa Centre")
    page.get_by_label("Office address (where signed sheets go)").fill("123 Main Street\nOttawa ON K1A 0A6")
    page.get_by_role("button", name="Add to the Members I will ask").click()
    page.goto(f"/d/{token}/submit")
    expect(page.locator("pre.address")).to_contain_text("123 Main Street")
    with page.expect_download() as info:
        page.get_by_role("link", name="Cover letter to the Member's office (PDF)").click()
    letter, text = pdf_text(info.value.path())
    assert "Jane Doe" in text and "123 Main Street" in text
