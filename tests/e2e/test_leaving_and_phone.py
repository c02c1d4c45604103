"""No silent loss when leaving a step, and the step pages on a phone, in a real browser (chromium)."""
from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_accessibility import assert_accessible

PHONE = {"width": 390, "height": 844}


def open_step(page: Page, step_button: str | None) -> str:
    """A new draft, at the step named (None: the first); returns the draft's edit address (without the step)."""
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    if step_button:
        page.get_by_role("button", name=step_button).click()
    return page.url.rsplit("/", 1)[0]


def test_typing_then_clicking_the_header_saves_the_text_before_leaving(page: Page):
    base = open_step(page, "4. What you ask for (the request)")
    page.get_by_label("What do you ask for?").fill("fund rural broadband in every province")
    page.locator(".site-name").get_by_role("button", name="Petition Helper").click()
    expect(page.get_by_role("heading", name="Start a petition")).to_be_visible()
    page.goto(base + "/prayer")
    expect(page.get_by_label("What do you ask for?")).to_have_value("fund rural broadband in every province")


def test_change_this_saves_what_was_typed_then_opens_the_other_step(page: Page):
    base = open_step(page, "3. Why (the grievances)")
    page.locator("textarea[name='grievances-0']").fill("Rents have doubled in ten years!!!")
    fix = page.locator("#live-panel .finding-warning[data-rule='R-LANG-1'] .fix-link").first
    expect(fix).to_be_visible()
    page.get_by_role("button", name="4. What you ask for (the request)").click()
    page.get_by_label("What do you ask for?").fill("cap rent increases")
    # The live panel of the request step names the clause; its "Change this" saves the request first.
    page.locator("#live-panel .fix-link").first.click()
    expect(page).to_have_url(base + "/grievances#grievance-1")
    page.goto(base + "/prayer")
    expect(page.get_by_label("What do you ask for?")).to_have_value("cap rent increases")


def test_a_link_out_of_a_page_with_unsaved_text_warns_in_the_page(page: Page):
    page.goto("/")
    box = page.locator("textarea[name='text']")
    box.fill("We call upon the Government of Canada to fund rural broadband.")
    page.locator(".site-name a").click()
    warning = page.get_by_role("alertdialog", name="Your changes are not saved")
    expect(warning).to_be_visible()
    expect(warning).to_contain_text("If you leave now, it is lost.")
    assert_accessible(page, "start page with the leave warning open")
    warning.get_by_role("button", name="Stay on this page").click()
    expect(warning).to_be_hidden()
    expect(box).to_have_value("We call upon the Government of Canada to fund rural broadband.")
    page.locator(".site-name a").click()
    warning.get_by_role("button", name="Leave without saving").click()
    expect(box).to_have_value("")  # gone, but only because the person chose it


def test_the_warning_on_a_step_can_save_then_go(page: Page):
    base = open_step(page, None)
    page.goto(base + "/settings")
    page.get_by_label("Paper petition").check()
    page.get_by_role("link", name="Cancel").click()  # a plain link: it would drop the choice
    warning = page.get_by_role("alertdialog", name="Your changes are not saved")
    expect(warning).to_be_visible()
    warning.get_by_role("button", name="Save, then go there").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    expect(page.get_by_text("It is a paper petition in English")).to_be_visible()


def test_closing_the_tab_with_unsaved_text_asks_the_browser_first(page: Page):
    open_step(page, "4. What you ask for (the request)")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_label("What do you ask for?").press_sequentially("fund rural broadband")
    page.close(run_before_unload=True)
    page.wait_for_timeout(300)
    assert dialogs == ["beforeunload"]


def test_saving_never_asks(page: Page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.accept()))
    open_step(page, "4. What you ask for (the request)")
    page.get_by_label("What do you ask for?").fill("fund rural broadband")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()
    assert dialogs == []


def phone_page(browser: Browser, base_url: str, **options) -> Page:
    context = browser.new_context(viewport=PHONE, base_url=base_url, is_mobile=True, has_touch=True, **options)
    return context.new_page()


def test_on_a_phone_the_checks_follow_the_boxes_and_save_stays_on_screen(browser: Browser, base_url: str):
    page = phone_page(browser, base_url)
    open_step(page, "3. Why (the grievances)")
    box = page.locator("textarea[name='grievances-0']")
    box.fill("Rents have doubled in ten years")
    page.get_by_role("button", name="Add a clause").click()
    page.locator("textarea[name='grievances-1']").fill("Wages have not kept up")
    page.wait_for_timeout(600)
    last_box = page.locator("textarea[name='grievances-1']").bounding_box()
    add = page.get_by_role("button", name="Add a clause").bounding_box()
    checks = page.locator("#live-panel").bounding_box()
    count = page.locator("#word-count").bounding_box()
    # The checks come right after the boxes they measure (and the "Add a clause" button among them) ...
    assert checks["y"] >= add["y"] + add["height"] and checks["y"] - (last_box["y"] + last_box["height"]) < 150
    assert count["y"] < checks["y"] + 120
    # ... and the Save button is on screen wherever the page is scrolled, never pushed below the checks.
    save = page.get_by_role("button", name="Save and continue")
    for scroll in (0, 400, 10_000):
        page.evaluate(f"window.scrollTo(0, {scroll})")
        bounds = save.bounding_box()
        assert 0 <= bounds["y"] and bounds["y"] + bounds["height"] <= PHONE["height"], (scroll, bounds)
    page.evaluate("window.scrollTo(0, 0)")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert save.bounding_box()["y"] > page.locator("#live-panel").bounding_box()["y"]
    # Nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page, "grievances step on a phone")
    page.context.close()


def test_on_a_phone_a_clause_box_grows_with_its_text(browser: Browser, base_url: str):
    page = phone_page(browser, base_url)
    open_step(page, "3. Why (the grievances)")
    box = page.locator("textarea[name='grievances-0']")
    empty = box.bounding_box()["height"]
    box.fill("Average rents in our city rose by forty per cent in five years while wages rose by eight; "
             "families now spend more than half of what they earn on housing, and many have left the "
             "neighbourhoods where they work, go to school and care for their parents. " * 2)
    grown = box.bounding_box()["height"]
    assert grown > empty * 2
    # The whole clause is shown: the box does not scroll inside.
    assert box.evaluate("b => b.scrollHeight <= b.clientHeight + 1")
    page.context.close()


def test_on_a_phone_without_javascript_the_step_still_works(browser: Browser, base_url: str):
    page = phone_page(browser, base_url, java_script_enabled=False)
    open_step(page, "4. What you ask for (the request)")
    box = page.get_by_label("What do you ask for?")
    assert box.bounding_box()["height"] >= 100  # several lines to type in
    box.fill("fund rural broadband")
    page.locator(".site-name").get_by_role("button", name="Petition Helper").click()
    expect(page.get_by_role("heading", name="Start a petition")).to_be_visible()
    page.go_back()
    page.reload()
    expect(page.get_by_label("What do you ask for?")).to_have_value("fund rural broadband")
    page.context.close()


# A browser without `field-sizing` (Firefox and Safari at the time of writing): the stylesheet's rule does nothing
# there, so static/js/grow.js fits the boxes.
WITHOUT_FIELD_SIZING = """
  const native = CSS.supports.bind(CSS);
  CSS.supports = (property, value) => property === "field-sizing" ? false : native(property, value);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(".step-form textarea { field-sizing: fixed !important; }");
  document.adoptedStyleSheets = [sheet];
"""


def test_without_field_sizing_the_script_grows_the_boxes(browser: Browser, base_url: str):
    page = phone_page(browser, base_url)
    page.add_init_script(WITHOUT_FIELD_SIZING)
    open_step(page, "4. What you ask for (the request)")
    box = page.get_by_label("What do you ask for?")
    assert box.evaluate("b => getComputedStyle(b).fieldSizing") == "fixed"
    before = box.bounding_box()["height"]
    box.fill("enact a national rent-control framework that caps annual increases for every tenant. " * 6)
    box.press("End")
    box.press_sequentially(" Thank you.")
    assert box.bounding_box()["height"] > before * 1.5
    assert box.evaluate("b => b.scrollHeight <= b.clientHeight + 1")
    page.context.close()


def test_on_a_phone_the_count_is_still_one_polite_live_region(browser: Browser, base_url: str):
    page = phone_page(browser, base_url)
    open_step(page, "4. What you ask for (the request)")
    assert page.evaluate("document.querySelectorAll('[aria-live]').length") == 1
    assert page.evaluate("document.querySelector('[aria-live]').getAttribute('aria-live')") == "polite"
    page.get_by_label("What do you ask for?").press_sequentially("fund rural broadband now", delay=10)
    expect(page.locator("#word-count")).to_contain_text("4 of 250 words")
    page.context.close()
