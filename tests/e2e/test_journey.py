"""The drafting journey in a real browser (Debian's chromium through Playwright) against the live server."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

SAMPLES = Path(__file__).parent.parent / "samples"
LIMIT = 250


def word_count(page: Page) -> int:
    return int(page.locator("#word-count [data-count]").inner_text())


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_paste_the_tovuz_draft_trim_it_under_the_limit_and_reach_a_clean_review(page: Page):
    page.goto("/")
    page.get_by_label("Paste an existing draft").check()
    page.get_by_label("Your existing draft").fill((SAMPLES / "freeform/tovuz-aggression.txt").read_text(encoding="utf-8"))
    # The start page checks the pasted text before anything is stored.
    expect(page.locator("#word-count")).to_contain_text("over the limit")
    expect(page.locator("#live-panel")).to_contain_text("Removed from your draft")
    page.get_by_role("button", name="Start").click()

    banner = page.locator(".removed-banner")
    expect(banner).to_contain_text("We removed")
    expect(banner).to_contain_text("R-ATT-1")
    expect(page.get_by_text("Keep this link")).to_be_visible()
    page.get_by_role("link", name="Continue to step 1").click()

    page.get_by_role("button", name="Save and continue").click()  # addressee as converted
    page.get_by_role("button", name="Save and continue").click()  # petitioners (default)
    expect(page.get_by_role("heading", name="Why (the grievances)")).to_be_visible()
    assert word_count(page) > LIMIT
    expect(page.locator("#live-panel .finding-error[data-rule='R-LEN-1']")).to_be_visible()
    expect(page.locator("#word-count")).to_contain_text("over the limit")

    clauses_before = page.locator("textarea[name^='grievances-']").count()
    while word_count(page) > LIMIT:
        remaining = page.locator("textarea[name^='grievances-']").count()
        assert remaining > 0, "no clause left to remove and still over the limit"
        page.get_by_role("button", name="Remove clause 1").click()
        expect(page.locator("textarea[name^='grievances-']")).to_have_count(remaining - 1)
    assert page.locator("textarea[name^='grievances-']").count() < clauses_before

    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="What you ask for (the request)")).to_be_visible()
    page.get_by_role("button", name="Save and continue").click()

    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    assert word_count(page) <= LIMIT
    expect(page.locator(".finding-error")).to_have_count(0)
    expect(page.locator("#petition-text")).to_contain_text("Petition to the Government of Canada")


def test_write_a_petition_from_scratch_with_the_keyboard_alone(page: Page):
    page.goto("/")
    tab_to(page, "button[name=start], input[name=start]")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Keep this link")).to_be_visible()
    tab_to(page, "a.button.primary")
    page.keyboard.press("Enter")

    # Addressee: arrow keys move through the radio group; the Minister's field appears when chosen.
    expect(page.get_by_role("heading", name="Who it is addressed to")).to_be_visible()
    tab_to(page, "input[name=kind]:checked")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("A Minister of the Crown")).to_be_checked()
    tab_to(page, "input[name=title]")
    page.keyboard.type("Minister of Housing, Infrastructure and Communities")
    tab_to(page, "input[name=save]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Who is signing")).to_be_visible()
    expect(page.get_by_label("Who is signing?")).to_have_value("citizens and residents of Canada")
    tab_to(page, "input[name=save]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Why (the grievances)")).to_be_visible()
    tab_to(page, "textarea[name='grievances-0']")
    page.keyboard.type("Average rents in Canadian cities have risen faster than wages for ten years")
    tab_to(page, "input[name=add]")
    page.keyboard.press("Enter")
    # The new clause's box has the focus: typing goes straight into it.
    expect(page.locator("textarea[name='grievances-1']")).to_be_focused()
    page.keyboard.type("Many families now spend more than half of their income on housing")
    tab_to(page, "input[name=save]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="What you ask for (the request)")).to_be_visible()
    expect(page.locator("#prayer-formula")).to_have_text(
        "We, the undersigned, citizens and residents of Canada, call upon the Minister of Housing, "
        "Infrastructure and Communities to")
    tab_to(page, "textarea[name=prayer]")
    page.keyboard.type("fund the construction of affordable rental housing across Canada")
    tab_to(page, "input[name=save]")
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    expect(page.locator("#petition-text")).to_have_text(
        "Petition to the Minister of Housing, Infrastructure and Communities\n"
        "Whereas:\n"
        "Average rents in Canadian cities have risen faster than wages for ten years;\n"
        "Many families now spend more than half of their income on housing.\n"
        "We, the undersigned, citizens and residents of Canada, call upon the Minister of Housing, "
        "Infrastructure and Communities to fund the construction of affordable rental housing across Canada.")
    expect(page.locator(".finding-error")).to_have_count(0)
    if page.locator("input[name=acknowledge]").count():
        tab_to(page, "input[name=acknowledge]")
        page.keyboard.press("Space")
    tab_to(page, "input[name=ready]")
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile(r"Version \d+ is marked ready")).first).to_be_visible()


def test_the_live_counter_updates_while_typing_after_a_pause(page: Page):
    checks: list[str] = []
    page.on("request", lambda request: checks.append(request.url) if request.url.endswith("/panel") else None)
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_role("button", name="4. What you ask for (the request)").click()

    status = page.locator("#check-status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(page.locator("#word-count")).to_contain_text("0 of 250 words")

    box = page.get_by_label("What do you ask for?")
    box.click()
    box.press_sequentially("We demand that the government enact rent control", delay=15)
    expect(page.locator("#word-count")).to_contain_text("8 of 250 words")
    expect(page.locator("#live-panel .finding-error[data-rule='R-PRAY-4']")).to_be_visible()
    # Debounced: one check after the pause, not one per key (48 keys were typed).
    assert 1 <= len(checks) <= 3, checks

    box.fill("enact national rent control")
    expect(page.locator("#word-count")).to_contain_text("4 of 250 words")
    expect(page.locator("#live-panel .finding-error")).to_have_count(0)
    # Nothing was saved by typing: the stored draft still has no request.
    page.reload()
    expect(page.get_by_label("What do you ask for?")).to_have_value("")


def test_a_french_petitions_live_findings_are_marked_french(page: Page):
    page.goto("/")
    page.get_by_label("French (the House's wording will be in French)").check()
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_role("button", name="4. What you ask for (the request)").click()
    expect(page.locator("#prayer-formula")).to_have_attribute("lang", "fr")
    page.get_by_label("What do you ask for?").fill("revoir la loi; voir https://exemple.ca")
    message = page.locator("#live-panel .finding[data-rule='R-URL-1'] .message")
    expect(message).to_have_attribute("lang", "fr")


def test_the_live_panel_lists_errors_before_warnings_like_the_server(page: Page):
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_role("button", name="4. What you ask for (the request)").click()
    prayer = "We demand that the government end this utterly disgraceful rent gouging"
    page.get_by_label("What do you ask for?").fill(prayer)
    live = page.locator("#live-panel .finding")
    expect(live).to_have_count(3)
    typed_order = live.evaluate_all("els => els.map(e => e.dataset.rule)")
    assert typed_order[0] == "R-PRAY-4", typed_order
    # After Save the server draws the same panel: the order must not change between the two.
    page.get_by_role("button", name="Save and continue").click()
    page.get_by_role("link", name="4. What you ask for (the request)").click()  # from the review page: a link
    expect(page.locator("#live-panel .finding")).to_have_count(3)
    assert page.locator("#live-panel .finding").evaluate_all("els => els.map(e => e.dataset.rule)") == typed_order


def test_an_over_long_box_while_typing_says_to_shorten_it_not_to_try_later(page: Page):
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_role("button", name="3. Why (the grievances)").click()
    page.get_by_label("Clause 1", exact=True).fill("Rents rose. " * 100)  # 1,200 characters: over the clause limit
    note = page.locator("#live-panel [data-check-note]")
    expect(note).to_contain_text("not checked: Clause can be at most 1,000 characters")
    expect(note).not_to_contain_text("Could not check just now")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.locator(".field-errors")).to_contain_text("Clause can be at most")


def test_two_tabs_editing_the_same_step_do_not_lose_either_text(page: Page):
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    prayer_url = page.url.replace("/addressee", "/prayer")
    page.goto(prayer_url)
    other = page.context.new_page()
    other.goto(prayer_url)

    page.get_by_label("What do you ask for?").fill("enact a national rent-control framework")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()

    other.get_by_label("What do you ask for?").fill("freeze residential rents for two years")
    other.get_by_role("button", name="Save and continue").click()
    expect(other.get_by_role("alert")).to_contain_text("This draft changed in another tab")
    expect(other.locator(".conflict")).to_contain_text("enact a national rent-control framework")
    expect(other.get_by_label("What do you ask for?")).to_have_value("freeze residential rents for two years")

    other.get_by_role("button", name="Save and continue").click()  # a deliberate second save keeps this tab's text
    expect(other.locator("#petition-text")).to_contain_text("freeze residential rents for two years.")
    other.close()


def test_the_journey_works_with_javascript_off(browser, base_url):
    context = browser.new_context(java_script_enabled=False, base_url=base_url)
    page = context.new_page()
    try:
        page.goto("/")
        page.get_by_role("button", name="Start").click()
        page.get_by_role("link", name="Continue to step 1").click()
        page.get_by_role("button", name="3. Why (the grievances)").click()
        page.get_by_role("textbox", name="Clause 1", exact=True).fill("Wages have not kept up")
        page.get_by_role("button", name="Add a clause").click()
        page.get_by_role("textbox", name="Clause 2", exact=True).fill("Rents have doubled in ten years")
        page.get_by_role("button", name="Move clause 2 up").click()
        expect(page.get_by_role("textbox", name="Clause 1", exact=True)).to_have_value("Rents have doubled in ten years")
        page.get_by_role("button", name="Add a clause").click()
        page.get_by_role("textbox", name="Clause 3", exact=True).fill("A clause to drop")
        page.get_by_role("button", name="Remove clause 3").click()
        expect(page.locator("textarea[name^='grievances-']")).to_have_count(2)
        page.get_by_role("button", name="Save and continue").click()

        # The server checks on every submit: the missing request is reported before anything is typed.
        expect(page.locator("#live-panel .finding-error[data-rule='R-PRAY-1']")).to_be_visible()
        page.get_by_label("What do you ask for?").fill("We demand that the government enact rent control")
        page.get_by_role("button", name="Save and continue").click()
        expect(page.locator(".finding-error[data-rule='R-PRAY-4']")).to_be_visible()
        page.get_by_role("button", name="Apply suggestion").first.click()
        expect(page.locator("#petition-text")).to_contain_text(
            "Whereas:\nRents have doubled in ten years;\nWages have not kept up.\n"
            "We, the undersigned, citizens and residents of Canada, call upon the Government of Canada to enact rent control.")
        expect(page.locator(".finding-error")).to_have_count(0)
    finally:
        context.close()


def test_a_refused_sponsor_answer_moves_the_keyboard_focus_to_what_to_fix(page: Page):
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.goto(page.get_by_label("Review link for sponsors (read only)").input_value())
    page.get_by_label("Needs changes").check()
    page.get_by_role("button", name="Send your answer").click()  # no comment: refused
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary")).to_contain_text("nothing was sent yet")


def test_jumping_to_a_step_from_the_progress_bar_keeps_what_was_typed(page: Page):
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_label("A Minister of the Crown").check()
    page.get_by_label("Minister's title or portfolio").fill("Minister of Transport")
    # Enter in a field still means "Save and continue", not the first step in the bar.
    page.get_by_label("Minister's title or portfolio").press("Enter")
    expect(page.get_by_role("heading", name="Who is signing")).to_be_visible()

    page.get_by_label("Who is signing?").fill("residents of the Yukon")
    steps = page.get_by_role("navigation", name="Steps")
    steps.get_by_role("button", name=re.compile("Why")).click()
    expect(page.get_by_role("heading", name="Why (the grievances)")).to_be_visible()
    page.locator("textarea[name='grievances-0']").fill("Northern airfares have doubled since 2020")
    steps.get_by_role("button", name=re.compile("Who is signing")).click()
    expect(page.get_by_label("Who is signing?")).to_have_value("residents of the Yukon")
    steps.get_by_role("button", name=re.compile("Why")).click()
    expect(page.locator("textarea[name='grievances-0']")).to_have_value("Northern airfares have doubled since 2020")
    steps.get_by_role("button", name=re.compile("Who it is addressed to")).click()
    expect(page.get_by_label("Minister's title or portfolio")).to_have_value("Minister of Transport")

    # The settings page returns to the review, and Enter there must not go to step 1 of the bar.
    page.goto(page.url.rsplit("/", 1)[0] + "/settings")
    page.get_by_label("Paper petition (signed by hand)").check()
    page.get_by_label("Paper petition (signed by hand)").press("Enter")
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()


def test_small_things_a_user_meets_on_the_way(page: Page):
    page.goto("/")
    page.get_by_label("Paste an existing draft").check()
    page.get_by_label("Your existing draft").fill("We call upon the Government of Canada to fund rural clinics.")
    # The live note names the page's own button.
    expect(page.locator("[data-check-note]")).to_have_text(
        "Checked as you type. Your text is saved when you press Start.")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    steps = page.get_by_role("navigation", name="Steps")
    steps.get_by_role("button", name=re.compile("Why")).click()
    page.get_by_role("button", name="Add a clause").click()
    assert "#grievance-" in page.url
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="What you ask for (the request)")).to_be_visible()
    assert "#" not in page.url, "the clause anchor followed the redirect to the next step"

    # Settings: Cancel leaves the petition as it was (once the person confirms the change is to be dropped).
    page.goto(page.url.rsplit("/", 1)[0] + "/settings")
    page.get_by_label("Paper petition (signed by hand)").check()
    page.get_by_role("link", name="Cancel").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Leave without saving").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    expect(page.locator("#word-count")).to_contain_text("of 250 words")  # still an e-petition


def test_text_typed_before_the_script_ran_is_still_checked(page: Page):
    """A slow connection: the organizer types while live-check.js is still loading."""
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    prayer_url = page.url.rsplit("/", 1)[0] + "/prayer"
    release = []
    page.route("**/static/js/live-check.js", lambda route: release.append(route))
    page.goto(prayer_url, wait_until="commit")  # deferred scripts hold DOMContentLoaded back
    page.get_by_label("What do you ask for?").fill("We demand that the government enact rent control")
    assert release, "the script request was held back"
    release[0].continue_()
    expect(page.locator("#live-panel .finding-error[data-rule='R-PRAY-4']")).to_be_visible()
