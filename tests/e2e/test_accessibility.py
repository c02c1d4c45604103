"""axe-core (the engine behind Lighthouse's accessibility audit) on every page of the journey, in chromium.

Each page is audited in the state a user meets it: with findings in the panel, with a form's errors shown,
with a sponsor's answer and computed deadlines. Any WCAG 2.x A or AA violation fails the test, with the
rule, the elements and axe's help text in the message.
"""
from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

AXE = Axe()
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
           "resultTypes": ["violations"]}


def assert_accessible(page: Page, what: str) -> None:
    violations = AXE.run(page, options=WCAG_AA).response["violations"]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )
    assert not violations, f"{what} ({page.url}) has accessibility violations:\n{report}"


def test_every_drafting_page_passes_axe(page: Page):
    page.goto("/")
    assert_accessible(page, "start page")
    page.get_by_role("button", name="Start").click()  # nothing pasted and "write new": a draft is made
    assert_accessible(page, "welcome page with the private links")
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_label("A Minister of the Crown").check()
    page.get_by_role("button", name="Save and continue").click()  # no title: the form's error shows
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page, "addressee step with an error")
    page.get_by_label("A Member of Parliament").check()
    assert_accessible(page, "addressee step with the Member fields and the MP lookup")
    page.get_by_label("The House of Commons", exact=True).check()
    page.get_by_role("button", name="Save and continue").click()
    assert_accessible(page, "petitioners step")
    page.get_by_role("button", name="Save and continue").click()
    page.locator("textarea[name='grievances-0']").fill("Rents have doubled in ten years!!! See https://example.org")
    page.get_by_role("button", name="Add a clause").click()
    assert_accessible(page, "grievances step with two clauses and findings")
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_label("What do you ask for?").fill("We demand that the government enact rent control")
    expect(page.locator("#live-panel .finding-error[data-rule='R-PRAY-4']")).to_be_visible()
    assert_accessible(page, "request step with live findings")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    assert_accessible(page, "review page with errors and suggestions")

    edit_base = page.url.rsplit("/", 1)[0]
    page.goto(edit_base + "/settings")
    assert_accessible(page, "settings step")
    page.goto(edit_base + "/sponsors")
    assert_accessible(page, "Members to ask")
    page.goto(edit_base + "/timeline")
    page.get_by_label("Sent to your first sponsor choice").fill("2030-01-10")
    page.get_by_role("button", name="Show the deadlines").click()
    assert_accessible(page, "timeline with deadlines")

    page.goto(edit_base + "/review")
    review_link = page.locator("a[href*='/r/']").first.get_attribute("href")
    page.goto(review_link)
    assert_accessible(page, "sponsor's read-only review")
    page.goto(review_link.rstrip("/") + "/answer")
    page.get_by_role("button", name="Send your answer").click()  # no answer chosen: the error shows
    assert_accessible(page, "sponsor's answer form with an error")

    page.goto("/d/" + "x" * 43 + "/review")
    assert_accessible(page, "404 page for a dead link")
