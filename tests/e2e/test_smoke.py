"""The harness works: chromium loads the live server's pages under their Content-Security-Policy."""
import pytest
from playwright.sync_api import Page, expect

from forms.limits import MAX_REQUEST_BYTES


@pytest.fixture
def failed_loads(page: Page):
    """Every response of 400 or more the page received, except the favicon chromium asks for on its own."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
    return failed


def script_errors(console_messages: list[str]) -> list[str]:
    # Failed loads show up here too; failed_loads reports them with their URL.
    return [m for m in console_messages if m.startswith("error") and "Failed to load resource" not in m]


def test_home_page_loads_with_its_stylesheet_and_headers(page: Page, console_messages, failed_loads):
    response = page.goto("/")
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The stylesheet loaded under the CSP: the skip link sits off-screen until focused.
    assert page.locator(".skip-link").evaluate("e => e.getBoundingClientRect().right") <= 0
    assert script_errors(console_messages) == []
    assert failed_loads == []


def test_a_mistyped_draft_link_shows_the_explaining_404_page(page: Page, console_messages, failed_loads):
    response = page.goto("/d/this-token-does-not-exist/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("This page does not exist")
    expect(page.locator("main")).to_contain_text("mistyped")
    page.get_by_role("link", name="Start a new draft or paste an existing one").click()
    expect(page).to_have_url("/")
    assert script_errors(console_messages) == []
    # The 404 page itself is the only failed load: its stylesheet and the start page load.
    assert [f.split("/", 3)[-1] for f in failed_loads] == ["d/this-token-does-not-exist/"]


def test_a_form_over_the_size_limit_gets_the_friendly_413_page(page: Page):
    page.goto("/")
    page.get_by_label("Paste an existing draft").check()
    # Far more than any petition: a whole book pasted by mistake.
    page.get_by_label("Your existing draft").fill("Whereas the rent keeps rising. " * (MAX_REQUEST_BYTES // 30 + 1))
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The petition is too large")
    expect(page.locator("main")).to_contain_text(f"The petition is too large: the limit is {MAX_REQUEST_BYTES // 1024} KB")


def test_inline_script_is_refused_and_the_harness_notices(page: Page, csp_violations):
    page.goto("/")
    with page.expect_console_message(lambda msg: "Content Security Policy" in msg.text):
        page.evaluate("""() => {
            const s = document.createElement("script");
            s.textContent = "document.body.dataset.injected = 'ran'";
            document.head.appendChild(s);
        }""")
    expect(page.locator("body")).not_to_have_attribute("data-injected", "ran")
    assert any("script-src 'self'" in v for v in csp_violations), csp_violations
    csp_violations.clear()  # expected here; in any other test a violation fails it


@pytest.mark.parametrize("page_name", ["review", "sponsors"])
def test_the_review_link_wraps_on_a_phone_instead_of_widening_the_page(page: Page, page_name):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    edit_link = page.get_by_label("Edit link").input_value()
    page.goto(edit_link.replace("/addressee", f"/{page_name}"))
    link = page.locator("a[href*='/r/']").first
    expect(link).to_be_visible()
    assert link.bounding_box()["x"] + link.bounding_box()["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
