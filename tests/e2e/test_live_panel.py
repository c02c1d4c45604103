"""The live panel in a real browser: typing makes the server render the panel, and the script only swaps it in."""
from __future__ import annotations

from playwright.sync_api import Page, expect

# Counts what changes inside the one polite live region, and remembers the node itself.
WATCH_LIVE_REGION = """() => {
  const live = document.querySelectorAll('[aria-live]');
  window.__live = live[0];
  window.__liveChanges = 0;
  new MutationObserver((records) => { window.__liveChanges += 1; })
    .observe(live[0], {childList: true, subtree: true, characterData: true});
  return live.length;
}"""


def request_step(page: Page) -> None:
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_role("button", name="4. What you ask for (the request)").click()


def test_typing_into_a_step_swaps_in_the_server_rendered_panel(page: Page):
    panels: list[str] = []
    page.on("response", lambda r: panels.append(r.text()) if r.url.endswith("/panel") and r.status == 200 else None)
    request_step(page)
    assert page.evaluate(WATCH_LIVE_REGION) == 1  # one live region on the page

    box = page.get_by_label("What do you ask for?")
    box.click()
    box.press_sequentially("We demand that the government enact rent CONTROL NOW AND FOREVER", delay=15)
    demand = page.locator("#live-panel .finding-error[data-rule='R-PRAY-4']")
    expect(demand).to_be_visible()
    expect(page.locator("#word-count")).to_contain_text("11 of 250 words")
    expect(page.locator("#live-panel [data-check-note]")).to_contain_text("Checked as you type")
    # Debounced: one check after the pause, not one per key; one change of the live region per check at most.
    assert 1 <= len(panels) <= 3, len(panels)
    changes = page.evaluate("window.__liveChanges")
    assert 1 <= changes <= len(panels), changes
    assert page.evaluate("window.__live === document.querySelector('[aria-live]')")
    assert page.locator("[aria-live]").count() == 1

    # What is on screen is what the server sent: its panel, apply buttons and all (the old script drew neither).
    shown = page.locator("#live-panel [data-panel]").evaluate("el => el.outerHTML")
    assert "Apply suggestion" in panels[-1] and shown.count("apply-button") == panels[-1].count("apply-button") > 0
    assert shown.count('class="finding ') == panels[-1].count('class="finding ')

    # Its "Apply suggestion" saves what was typed, then applies the change: nothing typed is lost.
    page.locator("#live-panel").get_by_role("button", name="Apply suggestion").first.click()
    expect(page.get_by_text("Applied the suggestion")).to_be_visible()
    expect(page.get_by_label("What do you ask for?")).not_to_have_value("")
    assert "rent" in page.get_by_label("What do you ask for?").input_value()


def test_the_live_panel_equals_the_review_pages_panel_for_the_same_text(page: Page):
    request_step(page)
    page.get_by_label("What do you ask for?").fill("We demand that the government enact rent control")
    expect(page.locator("#live-panel .finding-error[data-rule='R-PRAY-4']")).to_be_visible()
    live = page.locator("#live-panel [data-panel]").inner_text()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    assert " ".join(page.locator("[data-panel]").inner_text().split()) == " ".join(live.split())


def test_typing_during_a_slow_check_asks_for_one_more_check_not_a_pile(page: Page):
    request_step(page)
    held, sent = [], []
    page.on("request", lambda r: sent.append(r.url) if r.url.endswith("/panel") else None)
    # The first check is held back (a slow server); any later one goes through.
    page.route("**/panel", lambda route: held.append(route) if not held else route.continue_())
    box = page.get_by_label("What do you ask for?")
    box.fill("We demand rent control")
    page.wait_for_timeout(700)  # the first check left after the pause, and is held
    for word in (" now", " and", " forever"):
        box.press_sequentially(word, delay=20)
        page.wait_for_timeout(600)  # three more pauses while the first check is still out
    assert len(sent) == 1, sent
    held[0].continue_()
    # The one follow-up check is of the text as it stands now.
    expect(page.locator("#live-panel .finding-error[data-rule='R-PRAY-4']")).to_be_visible()
    expect(page.locator("#word-count")).to_contain_text("7 of 250 words")
    assert len(sent) == 2, sent
