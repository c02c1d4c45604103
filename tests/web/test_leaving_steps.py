"""Links out of a step save the typed text first (no JavaScript needed): they are buttons of the step's form with
a `next` address, as the step list's are (templates/drafting/_step.html, web/drafting.py `_step`)."""
from __future__ import annotations

import re

import pytest

from test_drafting import hidden_version, new_draft, stored, text_of


def test_the_site_name_and_change_this_are_save_first_buttons_on_a_step_page(client):
    token = new_draft(client)
    page = client.get(f"/d/{token}/prayer").get_data(as_text=True)
    assert re.search(r'<p class="site-name"><button type="submit" form="draft-form" name="next" value="/"', page)
    client.post(f"/d/{token}/prayer", data={"version": "1", "prayer": "We demand that the government act"})
    page = client.get(f"/d/{token}/prayer").get_data(as_text=True)
    assert re.search(r'<button type="submit" form="draft-form" name="next" value="/d/[^"]+/prayer" '
                     r'class="link-button fix-link">Change this</button>', page)
    # Elsewhere (no typed text) the site's name stays a link.
    review = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert '<p class="site-name"><a href="/">' in review and 'class="fix-link" href="/d/' in review


def test_leaving_by_the_site_name_saves_then_goes_there(client, app):
    token = new_draft(client)
    version = hidden_version(client.get(f"/d/{token}/prayer"))
    response = client.post(f"/d/{token}/prayer", data={"version": version, "prayer": "fund rural broadband",
                                                        "next": "/"})
    assert response.status_code == 302 and response.location == "/"
    assert stored(app, token).petition.prayer == "fund rural broadband"


def test_change_this_saves_then_opens_the_step_at_the_clause(client, app):
    token = new_draft(client)
    target = f"/d/{token}/grievances#grievance-2"
    response = client.post(f"/d/{token}/prayer", data={"version": "1", "prayer": "fund rural broadband",
                                                        "next": target})
    assert response.status_code == 302 and response.location == target
    assert stored(app, token).petition.prayer == "fund rural broadband"


@pytest.mark.parametrize("elsewhere", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x"])
def test_next_never_leads_off_the_site(client, elsewhere):
    token = new_draft(client)
    response = client.post(f"/d/{token}/prayer", data={"version": "1", "prayer": "fund rural broadband",
                                                        "next": elsewhere})
    assert response.status_code == 302 and response.location == "/"


def test_a_refused_save_stays_on_the_step_with_the_text(client, app):
    token = new_draft(client)
    too_long = "word " * 1000
    response = client.post(f"/d/{token}/prayer", data={"version": "1", "prayer": too_long, "next": "/"})
    assert response.status_code == 400
    assert "word word word" in text_of(response)
    assert stored(app, token).petition.prayer == ""
