"""Downloading the signature sheets from the review page with the keyboard, in Debian's chromium."""
from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

SAMPLES = Path(__file__).parent.parent / "samples"


def review_of_a_pasted_paper_petition(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Paste an existing draft").check()
    page.get_by_label("Paper petition (signed by hand)").check()
    page.get_by_label("Your existing draft").fill((SAMPLES / "certified/e-4904.txt").read_text(encoding="utf-8"))
    page.get_by_role("button", name="Start").click()
    page.goto(page.url.replace("/welcome", "/review"))


def test_paper_sheets_download_from_the_review_page(page: Page):
    review_of_a_pasted_paper_petition(page)
    expect(page.get_by_role("heading", name="Download")).to_be_visible()
    page.get_by_label("Paper size").select_option("legal")
    page.get_by_label("Pages").fill("3")
    page.get_by_label("Pages").focus()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "petition-v1-legal.pdf"
    pdf = PdfReader(io.BytesIO(Path(download.path()).read_bytes()))
    assert len(pdf.pages) == 3
    assert (float(pdf.pages[2].mediabox.width), float(pdf.pages[2].mediabox.height)) == (612.0, 1008.0)
    assert "call upon the Government of Canada" in pdf.pages[2].extract_text().replace("\n", " ")


def test_organizer_details_in_the_settings_go_on_the_volunteer_instructions(page: Page):
    """No Member chosen: the review page still links the instructions, which carry what the settings hold."""
    review_of_a_pasted_paper_petition(page)
    page.get_by_role("link", name="Add your contact, a return date and a return address").click()
    page.get_by_label("Name of this draft (optional)").fill("EI for mothers, fall canvass")
    page.get_by_label("How volunteers reach you (optional)").fill("Sam Organizer, 613-555-0142")
    page.get_by_label("Date the signed sheets are due back (optional)").fill("2027-03-15")
    page.get_by_label("Where volunteers return the signed sheets (optional)").fill("12 Elm Street\nPerth ON  K7H 1A1")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    mark = page.locator("#text-fingerprint").inner_text().split(": ", 1)[1][:9]
    with page.expect_download() as info:
        page.get_by_role("link", name="Volunteer instructions (PDF)").click()
    pdf = PdfReader(io.BytesIO(Path(info.value.path()).read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for words in ("EI for mothers, fall canvass", "Sam Organizer, 613-555-0142", "12 Elm Street Perth ON K7H 1A1",
                  "Return them by March 15, 2027.", f"carries the mark {mark}", "Canadian citizens and residents"):
        assert words in text, words
