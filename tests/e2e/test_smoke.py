"""The harness works: chromium loads the live server's pages under their Content-Security-Policy."""
from playwright.sync_api import Page, expect


def test_home_page_loads_with_its_stylesheet_and_headers(page: Page, console_messages):
    response = page.goto("/")
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    # The stylesheet loaded under the CSP: the skip link sits off-screen until focused.
    assert page.locator(".skip-link").evaluate("e => e.getBoundingClientRect().right") <= 0
    assert [m for m in console_messages if m.startswith("error")] == []


def test_a_mistyped_draft_link_shows_the_explaining_404_page(page: Page, console_messages):
    response = page.goto("/d/this-token-does-not-exist/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("This page does not exist")
    expect(page.locator("main")).to_contain_text("mistyped")
    page.get_by_role("link", name="Start a new draft or paste an existing one").click()
    expect(page).to_have_url("/")
    # The 404 itself is logged as a failed load; anything else would be a broken page.
    assert [m for m in console_messages if m.startswith("error") and "status of 404" not in m] == []
