"""The petition's second-language version: pasted or written step by step, checked on its own, on the review."""
from __future__ import annotations

import re

from test_drafting import fill, new_draft, stored, text_of
from test_live_panel import as_links, live, panel_of

FRENCH = """Pétition à la Chambre des communes

Attendu que :
les loyers de notre ville ont augmenté de 40 % en cinq ans;
les familles ne trouvent plus de logement abordable.

Nous, soussignés, citoyens et résidents du Canada, prions la Chambre des communes d'adopter un cadre national de contrôle des loyers."""


def english_draft(client, **fields):
    token = new_draft(client, **fields)
    fill(client, token, grievances=["Rents in our city rose 40% in five years"],
         prayer="adopt a national rent-control framework")
    return token


def add_french(client, app, token, text=FRENCH):
    r = client.post(f"/d/{token}/fr/", data={"how": "paste", "text": text, "version": str(stored(app, token).version)})
    assert r.status_code == 302, text_of(r)
    return r


def panels(html: str) -> list[str]:
    out, rest = [], html
    while '<div class="panel" data-panel>' in rest:
        found = panel_of(rest)
        out.append(found)
        rest = rest[rest.index(found) + len(found):]
    return out


def test_the_review_offers_a_french_version_and_a_pasted_one_shows_beside_the_first(client, app):
    token = english_draft(client)
    review = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert f'href="/d/{token}/fr/"' in review and "Add a French version" in review
    assert "nothing is translated for you" in review

    r = add_french(client, app, token)
    assert r.location.startswith(f"/d/{token}/review")
    draft = stored(app, token)
    second = draft.petition.second()
    assert second.language == "fr" and second.addressee.kind == "house"
    assert second.prayer.startswith("adopter un cadre national") and len(second.grievances) == 2
    assert draft.petition.prayer == "adopt a national rent-control framework"  # the first is untouched

    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert re.search(r'<div class="versions two-versions">\s*<pre class="petition-text" id="petition-text" lang="en">',
                     page)
    assert '<pre class="petition-text" id="petition-text-second" lang="fr">Pétition à la Chambre des communes' in page
    assert "Findings: French version" in page and f'href="/d/{token}/fr/addressee"' in page


def test_each_version_has_its_own_findings(client, app):
    token = english_draft(client)
    add_french(client, app, token, FRENCH.replace("abordable.", "abordable. Voir www.loyers.ca"))
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    first, second = panels(page)
    assert "R-URL-1" not in first
    assert 'data-rule="R-URL-1"' in second and '<span class="message" lang="fr">' in second
    assert 'id="check-status-second"' in second  # the two panels' ids do not clash
    # An error in the French version stops "Mark as ready" as one in the first would.
    assert "Fix the error above before this petition can be marked ready" in text_of(client.get(f"/d/{token}/review"))
    r = client.post(f"/d/{token}/ready", data={"version": str(stored(app, token).version), "acknowledge": "y"})
    assert r.status_code == 400 and not stored(app, token).is_ready


def test_writing_it_step_by_step_uses_the_same_steps_labelled_french(client, app):
    token = english_draft(client)
    version = stored(app, token).version
    r = client.post(f"/d/{token}/fr/", data={"how": "new", "version": str(version)})
    assert r.status_code == 302 and r.location == f"/d/{token}/fr/addressee"
    assert stored(app, token).petition.second().addressee.kind == "house"  # the addressee carried over
    page = client.get(f"/d/{token}/fr/prayer")
    html = page.get_data(as_text=True)
    assert "What you ask for (the request): French version" in text_of(page)
    assert re.search(r'<textarea[^>]*lang="fr"[^>]*name="prayer"|<textarea[^>]*name="prayer"[^>]*lang="fr"', html)
    assert "Nous, soussignés, citoyens et résidents du Canada," in text_of(page)  # the House's French formula
    r = client.post(f"/d/{token}/fr/prayer", data={"prayer": "adopter un cadre de contrôle des loyers",
                                                    "version": str(stored(app, token).version)})
    assert r.status_code == 302 and r.location == f"/d/{token}/review"
    draft = stored(app, token)
    assert draft.petition.second().prayer == "adopter un cadre de contrôle des loyers"
    assert draft.petition.prayer == "adopt a national rent-control framework"
    # The steps of the language the petition itself is in are the petition's.
    assert client.get(f"/d/{token}/en/prayer").location == f"/d/{token}/prayer"


def test_the_second_versions_live_panel_equals_its_panel_on_the_review(client, app):
    token = english_draft(client)
    add_french(client, app, token, FRENCH.replace("d'adopter un cadre national", "d'ADOPTER IMMÉDIATEMENT UN CADRE NATIONAL"))
    second = stored(app, token).petition.second()
    review = panels(client.get(f"/d/{token}/review").get_data(as_text=True))[1]
    assert 'value="second-' in review  # its apply buttons name the second version
    answer = client.post(f"/d/{token}/fr/panel", data={"step": "prayer", "prayer": second.prayer})
    assert answer.status_code == 200
    # On a step page "Change this" saves the typed text first (a button of the step's form); the rest is the same.
    assert as_links(panel_of(answer.get_data(as_text=True))) == review
    assert as_links(panel_of(client.get(f"/d/{token}/fr/prayer").get_data(as_text=True))) == review
    # The first version's live panel is still the first's.
    first = live(client, token, "prayer", prayer="adopt a national rent-control framework")
    assert panel_of(first.get_data(as_text=True)) == panels(client.get(f"/d/{token}/review").get_data(as_text=True))[0]


def test_apply_on_the_second_version_changes_only_the_second_version(client, app):
    token = english_draft(client)
    add_french(client, app, token, FRENCH.replace("d'adopter un cadre national", "d'ADOPTER IMMÉDIATEMENT UN CADRE NATIONAL"))
    review = panels(client.get(f"/d/{token}/review").get_data(as_text=True))[1]
    finding = re.search(r'name="finding" value="(second-[0-9a-f]+)"', review).group(1)
    r = client.post(f"/d/{token}/apply", data={"finding": finding, "version": str(stored(app, token).version)})
    assert r.status_code == 302
    petition = stored(app, token).petition
    assert "ADOPTER" not in petition.second().prayer and "immédiatement un cadre national" in petition.second().prayer
    assert petition.prayer == "adopt a national rent-control framework"


def test_removing_it_asks_for_confirmation_and_the_history_keeps_it(client, app):
    token = english_draft(client)
    add_french(client, app, token)
    version = stored(app, token).version
    r = client.post(f"/d/{token}/fr/remove", data={"version": str(version)})
    assert r.status_code == 400 and "Tick the box" in text_of(r)
    assert stored(app, token).petition.second_version is not None
    r = client.post(f"/d/{token}/fr/remove", data={"version": str(version), "confirm": "y"})
    assert r.status_code == 302
    draft = stored(app, token)
    assert draft.petition.second_version is None and draft.version == version + 1
    assert f"Version {version} of the draft still holds it" in text_of(client.get(f"/d/{token}/review"))


def test_a_paste_from_a_stale_tab_is_refused_with_the_text_kept(client, app):
    token = english_draft(client)
    r = client.post(f"/d/{token}/fr/", data={"how": "paste", "text": FRENCH, "version": "1"})
    assert r.status_code == 409
    assert "Pétition à la Chambre des communes" in r.get_data(as_text=True)  # still in the box
    assert stored(app, token).petition.second_version is None


def test_pasting_nothing_or_the_wrong_language_says_so(client, app):
    token = english_draft(client)
    version = str(stored(app, token).version)
    r = client.post(f"/d/{token}/fr/", data={"how": "paste", "text": "  ", "version": version})
    assert r.status_code == 400 and "Paste your version of the petition" in text_of(r)
    r = client.post(f"/d/{token}/fr/", data={"how": "paste", "version": version,
                                             "text": "Petition to the House of Commons\nWe call upon the House to act on rents."})
    assert r.status_code == 302
    assert "does not read as French" in text_of(client.get(r.location))


def test_choosing_the_other_language_in_the_settings_swaps_the_two_versions(client, app):
    token = english_draft(client)
    add_french(client, app, token)
    r = client.post(f"/d/{token}/settings", data={"kind": "e-petition", "language": "fr",
                                                  "version": str(stored(app, token).version)})
    assert r.status_code == 302
    petition = stored(app, token).petition
    assert petition.language == "fr" and petition.prayer.startswith("adopter un cadre national")
    assert petition.second().language == "en" and petition.second().prayer == "adopt a national rent-control framework"


def test_the_sponsors_review_page_shows_both_versions(client, app):
    token = english_draft(client)
    add_french(client, app, token)
    page = client.get(f"/r/{stored(app, token).review_token}")
    assert page.status_code == 200
    assert "French version" in text_of(page) and "Pétition à la Chambre des communes" in text_of(page)


def test_bad_links_and_posts_get_a_clear_answer(client, app):
    token = english_draft(client)
    assert client.get("/d/no-such-token/fr/").status_code == 404
    assert client.get(f"/d/{token}/de/").status_code == 404
    assert client.get(f"/d/{token}/en/").location == f"/d/{token}/review"  # the petition is in English
    r = client.post(f"/d/{token}/fr/panel", data={"step": "settings"})
    assert r.status_code == 400
    r = client.post(f"/d/{token}/fr/", data={"how": "paste", "text": "x" * 20_001, "version": "2"})
    assert r.status_code == 400 and "at most" in text_of(r)
