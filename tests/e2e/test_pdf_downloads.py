"""Downloading the signature sheets from the review page with the keyboard, in Debian's chromium."""
from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

SAMPLES = Path(__file__).parent.parent / "samples"


def test_paper_sheets_download_from_the_review_page(page: Page):
    page.goto("/")
    page.get_by_label("Paste an existing draft").check()
    page.get_by_label("Paper petition (signed by hand)").check()
    page.get_by_label("Your existing draft").fill((SAMPLES / "certified/e-4904.txt").read_text(encoding="utf-8"))
    page.get_by_role("button", name="Start").click()
    page.goto(page.url.replace("/welcome", "/review"))
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
