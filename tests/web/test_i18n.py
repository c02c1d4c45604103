"""The language of the screens: chosen by the person (switch, cookie), else the browser, else English;
separate from the petition's language; the switch never drops what was typed."""
from __future__ import annotations

import re

from web.catalogue_tool import check, extract
from web.i18n import COOKIE

from test_drafting import new_draft, stored, text_of, textarea

FRENCH = {"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"}


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.get_data(as_text=True)).group(1)


def test_every_msgid_in_code_and_templates_has_a_french_translation_and_none_is_fuzzy():
    report = check("fr", extract())
    assert report.missing == [], "msgids used in code but not in messages.po: run make translations-update"
    assert report.untranslated == [], "msgids without a French translation in messages.po"
    assert report.fuzzy == [], "fuzzy translations in messages.po: check them and remove the fuzzy flag"


def test_english_without_a_choice_or_a_browser_preference(client):
    r = client.get("/")
    assert html_lang(r) == "en"
    assert "Start a petition to the House of Commons" in text_of(r)


def test_the_browser_language_is_used_when_nothing_was_chosen(client):
    r = client.get("/", headers=FRENCH)
    assert html_lang(r) == "fr"
    assert "Commencer une pétition à la Chambre des communes" in text_of(r)
    assert "Accept-Language" in r.headers.get("Vary", "")
    # An unsupported language falls back to English.
    assert html_lang(client.get("/", headers={"Accept-Language": "de-DE,de"})) == "en"


def test_the_switch_link_keeps_the_choice_in_a_cookie_and_returns_to_the_same_page(client):
    token = new_draft(client)
    page = f"/d/{token}/review"
    r = client.get(f"/language/fr?next={page}")
    assert r.status_code == 303 and r.location.endswith(page)
    assert f"{COOKIE}=fr" in r.headers["Set-Cookie"]
    r = client.get(page)
    assert html_lang(r) == "fr" and "Vérifier votre pétition" in text_of(r)
    # The explicit choice wins over the browser's preference, both ways.
    client.get(f"/language/en?next={page}")
    assert html_lang(client.get(page, headers=FRENCH)) == "en"


def test_the_switch_never_leads_to_another_site(client):
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"):
        r = client.get("/language/fr", query_string={"next": target})
        assert r.status_code == 303 and r.location in ("/", "http://localhost/"), target


def test_every_page_shows_the_switch_with_the_other_language_named_in_its_own_language(client):
    r = client.get("/")
    body = r.get_data(as_text=True)
    assert re.search(r'<button[^>]*name="ui_lang" value="fr" lang="fr"[^>]*>Français</button>', body)
    r = client.get("/no-such-page", headers=FRENCH)
    assert r.status_code == 404
    assert re.search(r'<a href="/language/en\?next=/no-such-page" lang="en" hreflang="en">English</a>',
                     r.get_data(as_text=True))


def test_the_switch_on_a_step_saves_what_was_typed_and_shows_the_step_in_the_other_language(app, client):
    token = new_draft(client)
    typed = "cap annual rent increases at 2%"
    r = client.post(f"/d/{token}/prayer", data={"prayer": typed, "version": "1", "ui_lang": "fr"})
    assert r.status_code == 302 and r.location.endswith(f"/d/{token}/prayer")
    assert f"{COOKIE}=fr" in r.headers["Set-Cookie"]
    assert stored(app, token).petition.prayer == typed
    r = client.get(r.location)
    assert html_lang(r) == "fr"
    assert textarea(r, "prayer") == typed
    assert "Ce que vous demandez (la demande)" in text_of(r)


def test_the_switch_on_a_refused_step_keeps_the_text_and_shows_the_refusal_in_the_new_language(client):
    token = new_draft(client)
    typed = "x" * 2001
    r = client.post(f"/d/{token}/prayer", data={"prayer": typed, "version": "1", "ui_lang": "fr"})
    assert r.status_code == 400
    assert textarea(r, "prayer") == typed
    # French groups digits with a no-break space: 2 000.
    assert "peut compter au plus 2\u00a0000 caractères" in r.get_data(as_text=True)


def test_the_switch_on_the_start_page_keeps_the_pasted_draft_and_creates_nothing(app, client):
    pasted = "Petition to the Government of Canada\nWe ask the government to fund libraries."
    r = client.post("/", data={"how": "paste", "text": pasted, "kind": "paper", "language": "en", "ui_lang": "fr"})
    assert r.status_code == 200
    assert html_lang(r) == "fr"
    assert textarea(r, "text") == pasted
    assert re.search(r'value="paper"[^>]*checked|checked[^>]*value="paper"', r.get_data(as_text=True))


def test_the_petitions_language_stays_its_own_on_french_screens(client):
    token = new_draft(client, language="en")
    client.post(f"/d/{token}/prayer", data={"prayer": "fund public libraries", "version": "1"})
    r = client.get(f"/d/{token}/review", headers=FRENCH)
    body = r.get_data(as_text=True)
    assert html_lang(r) == "fr"
    # The petition is English: its text carries lang="en" on the French page.
    assert re.search(r'<pre class="petition-text" id="petition-text" lang="en">Petition to', body)
