"""What the sponsor side's areas share (not a blueprint): the Member who presents a paper petition, where the
signed sheets go, and the answers received. The Members page, the answers, the downloads and the MP lookup use
it; no blueprint imports another's module for its helpers.
"""
from __future__ import annotations

from petition.formulae import addressee_text, render
from petition.model import Addressee

from .db import get_session
from .models import Draft, SponsorChoice, SponsorResponse


def presenting_member(draft: Draft) -> SponsorChoice | None:
    """The Member asked first: for a paper petition, the one who presents it."""
    choices = SponsorChoice.for_draft(get_session(), draft.id)
    return choices[0] if choices else None


def presenting_office(draft: Draft) -> str | None:
    """Where volunteers send the signed sheets (the volunteer instructions' `send_to`), if known.

    Goes on the instructions and the cover letter only, never on the petition pages (R-ATT-1)."""
    member = presenting_member(draft)
    if member is None or not member.office_postal.strip():
        return None
    title = addressee_text(Addressee(kind="member", name=member.name, riding=member.riding), draft.language)
    return f"{title}\n{member.office_postal.strip()}"


def responses_for(draft: Draft) -> list[dict]:
    """Each answer with whether the draft changed since, and the text it was given on."""
    rows = []
    for response in SponsorResponse.for_draft(get_session(), draft.id):
        given_on = draft.snapshot(response.draft_version)
        rows.append({
            "response": response,
            "changed_since": response.draft_version != draft.version,
            "given_on_text": render(given_on).text if given_on else None,
        })
    return rows
