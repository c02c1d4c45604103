"""The hostile drafts of bench/hostile.py (the bench times them; here they must simply work): each is created as a
person would make it, and every step page shows it without a server error and with the text on it."""
from __future__ import annotations

import html
import re

import pytest

from bench.hostile import HOSTILE_DRAFTS, HostileDraft
from forms.limits import MAX_CLAUSES


def start(client, draft: HostileDraft) -> str:
    fields = {"how": "paste" if draft.paste else "new", "kind": draft.kind, "language": draft.language,
              "text": draft.paste or ""}
    response = client.post("/", data=fields)
    assert response.status_code == 302
    token = response.location.split("/")[2]
    if draft.paste is None:
        for step, data in draft.step_posts():
            saved = client.post(f"/d/{token}/{step}", data={"version": _version(client, token, step), **data})
            assert saved.status_code == 302, (step, saved.status_code)
    return token


def _version(client, token, step) -> str:
    page = client.get(f"/d/{token}/{step}").get_data(as_text=True)
    return re.search(r'name="version" type="hidden" value="(\d+)"|type="hidden" name="version" value="(\d+)"|'
                     r'id="version" name="version" type="hidden" value="(\d+)"', page).group(0).rsplit('"', 2)[-2]


@pytest.mark.parametrize("draft", HOSTILE_DRAFTS, ids=[d.name for d in HOSTILE_DRAFTS])
def test_every_step_page_of_a_hostile_draft_shows_it(client, draft):
    token = start(client, draft)
    for step in ("addressee", "petitioners", "grievances", "prayer", "settings"):
        response = client.get(f"/d/{token}/{step}")
        assert response.status_code == 200, step
    page = html.unescape(client.get(f"/d/{token}/grievances").get_data(as_text=True))
    if draft.paste is None:
        assert draft.grievances[-1] in page


def test_a_pasted_draft_with_more_clauses_than_the_limit_shows_them_all_and_can_be_brought_under_it(client):
    clauses = [f"Clause number {n} says rents rose again this year" for n in range(1, MAX_CLAUSES + 11)]
    paste = ("Petition to the Government of Canada\nWhereas:\n" + "\n".join(f"{c};" for c in clauses)
             + "\nWe, the undersigned, citizens and residents of Canada, call upon the Government of Canada to cap "
               "rent increases.")
    token = start(client, HostileDraft("many clauses", kind="e-petition", paste=paste))

    page = html.unescape(client.get(f"/d/{token}/grievances").get_data(as_text=True))
    assert all(c in page for c in clauses)  # all 40, nothing dropped

    version = _version(client, token, "grievances")
    everything = {f"grievances-{i}": c for i, c in enumerate(clauses)}
    refused = client.post(f"/d/{token}/grievances", data={"version": version, **everything})
    assert refused.status_code == 400
    shown = html.unescape(refused.get_data(as_text=True))
    assert f"at most {MAX_CLAUSES} grievance clauses" in shown
    assert all(c in shown for c in clauses)  # the typed text stays on the page

    # Emptying the boxes past the limit, then Save, is a way back under it.
    kept = {f"grievances-{i}": (c if i < MAX_CLAUSES else "") for i, c in enumerate(clauses)}
    assert client.post(f"/d/{token}/grievances", data={"version": version, **kept}).status_code == 302
    page = html.unescape(client.get(f"/d/{token}/grievances").get_data(as_text=True))
    assert clauses[MAX_CLAUSES - 1] in page and clauses[MAX_CLAUSES] not in page
