"""What the sponsor side's areas share (not a blueprint): adding a Member to ask, addressing the petition to a
Member, the Member who presents a paper petition and where the signed sheets go, and the answers received. The
Members page, the MP lookup, the answers and the downloads use it; no blueprint imports another's module for its
helpers.
"""
from __future__ import annotations

from flask import flash
from flask_babel import gettext as _
from markupsafe import Markup

from petition.formulae import addressee_text, heading, render
from petition.limits import MAX_SPONSOR_CHOICES
from petition.model import Addressee

from .db import get_session
from .i18n import quoted
from .models import Draft, SponsorChoice, SponsorResponse, StaleDraft, VersionBudgetExceeded
from .notices import VERSIONS_FULL


def max_choices(draft: Draft) -> int:
    """E-petitions name up to MAX_SPONSOR_CHOICES in order (R-EP-8); a paper petition needs one presenter."""
    return 1 if draft.kind == "paper" else MAX_SPONSOR_CHOICES


def set_member_addressee(draft: Draft, name: str, riding: str) -> bool:
    petition = draft.petition
    petition.addressee = Addressee(kind="member", name=name, riding=riding,
                                   in_parliament_assembled=petition.addressee.in_parliament_assembled,
                                   title=petition.addressee.title, text=petition.addressee.text)
    session = get_session()
    try:
        # Starts from the stored petition and changes only the addressee: nothing typed elsewhere is lost.
        draft.save(session, petition, draft.version)
        session.commit()
    except StaleDraft:
        session.rollback()
        flash(_("This draft changed in another tab; nothing was changed. Choose the Member again."), "warning")
        return False
    except VersionBudgetExceeded:
        session.rollback()
        flash(VERSIONS_FULL, "error")
        return False
    return True


def add_choice(draft: Draft, fields: dict) -> None:
    session = get_session()
    choices = SponsorChoice.for_draft(session, draft.id)
    if len(choices) >= max_choices(draft):
        if draft.kind == "paper":
            flash(_("A paper petition needs one Member to present it: remove the one listed to choose another."),
                  "warning")
        else:
            flash(_("An e-petition names at most %(count)s Members (rule %(rule)s): remove one to add another.",
                    count=MAX_SPONSOR_CHOICES, rule="R-EP-8"), "warning")
        return
    if SponsorChoice.add(session, draft.id, **fields) is None:
        flash(_("%(name)s is already on your list.", name=fields["name"]), "warning")
        return
    session.commit()
    flash(_("Added %(name)s (%(riding)s).", name=fields["name"], riding=fields["riding"]), "success")


def begins(draft: Draft) -> Markup:
    """The flash after the addressee changed: the heading quoted, marked with the petition's own language."""
    return Markup(_("The petition now begins %(heading)s.")) % {
        "heading": quoted(heading(draft.petition.addressee, draft.language), draft.language)}


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


def return_address(draft: Draft) -> str | None:
    """Where volunteers return the signed sheets: the organizer's own return address (settings step), else the
    presenting Member's office when one is chosen; None when neither is known. Never on the petition sheets."""
    return (draft.return_address or "").strip() or presenting_office(draft)


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
