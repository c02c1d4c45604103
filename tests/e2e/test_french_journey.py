"""The whole journey on French screens in Debian's chromium: start, paste, every step, review, Members, timeline,
the sponsor's review link and answer, downloads; the language switched midway (and back) without losing what
was typed; the axe audit on every French page."""
from __future__ import annotations

import io
from pathlib import Path

from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .test_accessibility import assert_accessible
from .test_mp_lookup import represent  # noqa: F401 (the fake Represent API, as a fixture)

SAMPLES = Path(__file__).parent.parent / "samples"


def switch_to(page: Page, language: str) -> None:
    """Press the language switch in the header, as a person would."""
    page.locator(".language-switch").get_by_text(language, exact=True).click()


def test_the_journey_on_french_screens_with_the_language_switched_midway(page: Page, represent):  # noqa: F811
    # Start in English (no preference sent), paste the draft, then switch: the pasted text comes along.
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Paste an existing draft").check()
    page.get_by_label("Paper petition (signed by hand)").check()
    page.get_by_label("French (the House's wording will be in French)").check()
    draft = (SAMPLES / "certified/e-4904-fr.txt").read_text(encoding="utf-8")
    page.get_by_label("Your existing draft").fill(draft)
    switch_to(page, "Français")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name="Commencer une pétition à la Chambre des communes")).to_be_visible()
    expect(page.get_by_label("Votre ébauche existante")).to_have_value(draft.replace("\r\n", "\n"))
    expect(page.get_by_label("Coller une ébauche existante")).to_be_checked()
    expect(page.get_by_label("Pétition papier (signée à la main)")).to_be_checked()
    assert_accessible(page, "French start page with a pasted draft")
    page.get_by_role("button", name="Commencer").click()

    expect(page.get_by_role("heading", name="Votre ébauche est enregistrée")).to_be_visible()
    assert_accessible(page, "French welcome page")
    page.get_by_role("link", name="Passer à l’étape 1").click()

    expect(page.get_by_role("heading", name="À qui elle est adressée")).to_be_visible()
    expect(page.get_by_label("Le gouvernement du Canada")).to_be_checked()
    page.get_by_role("textbox", name="Code postal").fill("J9H5V8")
    page.get_by_role("button", name="Trouver le député").click()
    expect(page.locator("[data-mp-results]")).to_contain_text("Députés pour J9H 5V8\u00a0:")
    assert_accessible(page, "French addressee step with the MP lookup's answer")
    page.get_by_role("button", name="Enregistrer et continuer").click()

    expect(page.get_by_role("heading", name="Qui signe", exact=True)).to_be_visible()
    assert_accessible(page, "French petitioners step")
    page.get_by_role("button", name="Enregistrer et continuer").click()

    expect(page.get_by_role("heading", name="Pourquoi (les motifs)")).to_be_visible()
    added = "Les loyers ont doublé en dix ans à Gatineau"
    page.get_by_role("button", name="Ajouter un paragraphe").click()
    clauses = page.locator("textarea[name^='grievances-']")
    clauses.last.fill(added)
    assert_accessible(page, "French grievances step")

    # Midway, in English: the clause just typed (not saved yet) is saved by the switch and still there.
    switch_to(page, "English")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Why (the grievances)")).to_be_visible()
    expect(page.locator("textarea[name^='grievances-']").last).to_have_value(added)
    typed = "faire cesser cette situation désavantageuse pour les femmes"
    page.get_by_role("button", name="4. What you ask for (the request)").click()
    page.get_by_label("What do you ask for?").fill(typed)
    switch_to(page, "Français")  # back to French, with the request typed on the English page
    expect(page.get_by_role("heading", name="Ce que vous demandez (la demande)")).to_be_visible()
    expect(page.get_by_label("Que demandez-vous?")).to_have_value(typed)
    # The petition's own wording stays French throughout, marked as such.
    expect(page.locator("#prayer-formula")).to_have_attribute("lang", "fr")
    assert_accessible(page, "French request step")
    page.get_by_role("button", name="Enregistrer et continuer").click()

    expect(page.get_by_role("heading", name="Vérifier votre pétition")).to_be_visible()
    expect(page.locator("#petition-text")).to_contain_text(added)
    expect(page.locator("#petition-text")).to_contain_text(typed)
    assert_accessible(page, "French review page")
    edit_base = page.url.rsplit("/", 1)[0]
    review_link = page.locator("a[href*='/r/']").first.get_attribute("href")

    with page.expect_download() as info:
        page.get_by_role("link", name="Examen pour le député parrain (PDF)").click()
    assert info.value.suggested_filename.startswith("petition-review-v")
    page.get_by_label("Format du papier").select_option("legal")
    with page.expect_download() as info:
        page.get_by_role("button", name="Télécharger les feuilles de signatures (PDF)").click()
    sheets = PdfReader(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert sheets.pages[0].extract_text().startswith("Pétition au gouvernement du Canada\nAttendu que")
    assert float(sheets.pages[0].mediabox.height) == 1008.0  # Legal, as chosen in the French form

    page.get_by_role("link", name="Choisir les députés à solliciter").click()
    expect(page.get_by_role("heading", name="Le député qui présentera votre pétition")).to_be_visible()
    page.get_by_label("Nom du député").fill("Marie Dubois")
    page.get_by_label("Circonscription", exact=True).fill("Hull—Aylmer")
    page.get_by_label("Adresse du bureau (où envoyer les feuilles signées)").fill("1 rue Principale\nGatineau QC")
    page.get_by_role("button", name="Ajouter aux députés que je solliciterai").click()
    expect(page.locator(".flashes")).to_contain_text("Marie Dubois (Hull—Aylmer) a été ajouté.")
    assert_accessible(page, "French Members page with the presenting Member")

    page.goto(edit_base + "/timeline")
    page.get_by_label("Présentée à la Chambre").fill("2031-03-03")
    page.get_by_role("button", name="Afficher les échéances").click()
    expect(page.locator("table.deadlines")).to_contain_text("jeudi 17 avril 2031")  # 45 days after
    assert_accessible(page, "French timeline with deadlines")

    # The sponsor's office, whose browser asks for French: their own language, by the same rule.
    sponsor = page.context.browser.new_context(locale="fr-CA", base_url=page.url.split("/d/")[0])
    try:
        office = sponsor.new_page()
        office.goto(review_link)
        expect(office.locator("html")).to_have_attribute("lang", "fr")
        expect(office.get_by_role("heading", name="Pétition à examiner")).to_be_visible()
        assert_accessible(office, "French sponsor's review page")
        office.get_by_label("Des modifications sont nécessaires").check()
        comment = "Raccourcir le deuxième paragraphe, s.v.p."
        office.get_by_label("Commentaire pour l’organisateur ou l’organisatrice").fill(comment)
        switch_to(office, "English")  # the comment being typed comes along, nothing is sent
        expect(office.get_by_label("Comment for the organizer")).to_have_value(comment)
        switch_to(office, "Français")
        expect(office.get_by_label("Commentaire pour l’organisateur ou l’organisatrice")).to_have_value(comment)
        office.get_by_role("button", name="Envoyer votre réponse").click()
        expect(office.locator(".flashes")).to_contain_text("Merci : votre réponse a été envoyée à l’organisateur.")
    finally:
        sponsor.close()

    page.goto(edit_base + "/review")
    expect(page.locator(".sponsor-responses")).to_contain_text("Des modifications sont nécessaires")
    expect(page.locator(".sponsor-responses")).to_contain_text(comment)
    assert_accessible(page, "French review page with the sponsor's answer")
    page.goto("/d/" + "x" * 43 + "/review")
    expect(page.get_by_role("heading", name="Cette page n’existe pas")).to_be_visible()
    assert_accessible(page, "French 404 page")
