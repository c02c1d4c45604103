"""The harness works: chromium loads pages from the live server."""
from playwright.sync_api import Page, expect


def test_a_missing_page_is_a_404_page_in_the_browser(page: Page):
    response = page.goto("/no-such-page")
    assert response.status == 404
    expect(page.locator("body")).to_contain_text("Not Found")
