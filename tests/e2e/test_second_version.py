"""The second-language version in a real browser: added from the review page, shown beside the first, accessible."""
from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.test_accessibility import assert_accessible

FRENCH = """Pétition à la Chambre des communes

Attendu que :
les loyers de notre ville ont augmenté de 40 % en cinq ans.

Nous, soussignés, citoyens et résidents du Canada, demandons à la Chambre des communes d'adopter un cadre national de contrôle des loyers."""


def test_paste_a_french_version_see_both_on_the_review_and_type_in_its_steps(page: Page):
    page.goto("/")
    page.get_by_role("button", name="Start").click()
    page.get_by_role("link", name="Continue to step 1").click()
    page.get_by_label("The House of Commons", exact=True).check()
    page.get_by_role("button", name="4. What you ask for (the request)").click()
    page.get_by_label("What do you ask for?").fill("adopt a national rent-control framework")
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="Check your petition")).to_be_visible()

    page.get_by_role("link", name="Add a French version").click()
    assert_accessible(page, "the page adding the French version")
    page.get_by_label("Your version").fill(FRENCH)
    expect(page.get_by_label("Your version")).to_have_attribute("lang", "fr")
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("#petition-text")).to_contain_text("adopt a national rent-control framework")
    second = page.locator("#petition-text-second")
    expect(second).to_contain_text("d’adopter un cadre national de contrôle des loyers")
    expect(second).to_have_attribute("lang", "fr")
    assert_accessible(page, "review page with both versions")

    # Its steps are the same forms; the live panel checks the French text as typed.
    page.get_by_role("link", name="Edit the French version").click()
    page.get_by_role("button", name="4. What you ask for (the request): French version").click()
    box = page.get_by_label("What do you ask for?")
    expect(box).to_have_attribute("lang", "fr")
    box.fill("Nous exigeons que le gouvernement adopte un cadre; voir https://loyers.example.ca")
    expect(page.locator("#live-panel .finding[data-rule='R-URL-1'] .message")).to_have_attribute("lang", "fr")
    assert_accessible(page, "a step of the French version with live findings")
