"""The sponsor side: find the Member, ask them in order, hear back, and follow the deadlines.

- `POST /d/<token>/mp/lookup` and `/d/<token>/mp/use`: the same lookup without JavaScript, for the
  addressee step and the sponsors page (templates/sponsors/_mp_lookup.html).
- `/d/<token>/sponsors`: the Members the organizer will ask, in order, and the answers received.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import urlencode

from flask import (
    Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request, url_for,
)
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from petition.catalogue import copy_in, lang_of
from petition.represent_copy import Said
from petition.formulae import addressee_text, heading, prayer_formula, render
from petition.limits import MAX_SPONSOR_CHOICES, MIN_PAPER_SIGNATURES
from petition.model import Addressee

from .db import get_session
from .i18n import quoted, switched_to, ui_language
from .errors import handle_http_error
from .drafting import VERSIONS_FULL, typed_step_page
from .links import draft_for_edit, draft_for_review
from .models import Draft, StaleDraft, VersionBudgetExceeded
from .pdfcache import pdf_store
from .ratelimits import reshows
from .sponsoring import presenting_office, responses_for
from .represent import lookup_or_error
from forms.sponsors import AnswerForm, ChoiceForm, MemberForm, MpLookupForm
from .models import SponsorChoice, SponsorResponse
from .unavailable import FORMS, database_unavailable, save_failed

bp = Blueprint("sponsors", __name__)

MEMBER_NOT_SAVED = _l("We could not save the Member just now. What you typed is kept below: press the button again in "
                      "a moment.")

FORMS.update({
    "sponsors.lookup": lambda args: MpLookupForm,
    "sponsors.choices": lambda args: MemberForm,
    "sponsors.move_choice": lambda args: ChoiceForm,
})


# ----- helpers ----------------------------------------------------------------------------------

def _back(token: str, default: str, **query) -> str:
    """The page a form came from, if it is one of this draft's pages; never another site."""
    target = request.form.get("next", "").split("?", 1)[0].split("#", 1)[0]
    if not target.startswith(f"/d/{token}/") or not re.fullmatch(r"(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+", target) \
            or target.startswith(f"/d/{token}/mp/"):  # the lookup's own addresses take posts, not visits
        target = default
    query = {k: v for k, v in query.items() if v}
    return target + (f"?{urlencode(query)}" if query else "") + "#mp-lookup"


def max_choices(draft: Draft) -> int:
    """E-petitions name up to MAX_SPONSOR_CHOICES in order (R-EP-8); a paper petition needs one presenter."""
    return 1 if draft.kind == "paper" else MAX_SPONSOR_CHOICES


def _set_member_addressee(draft: Draft, name: str, riding: str) -> bool:
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
        flash("This draft changed in another tab; nothing was changed. Choose the Member again.", "warning")
        return False
    except VersionBudgetExceeded:
        session.rollback()
        flash(VERSIONS_FULL, "error")
        return False
    return True


def _add_choice(draft: Draft, fields: dict) -> None:
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


def _begins(draft: Draft) -> Markup:
    """The flash after the addressee changed: the heading quoted, marked with the petition's own language."""
    return Markup(_("The petition now begins %(heading)s.")) % {
        "heading": quoted(heading(draft.petition.addressee, draft.language), draft.language)}


def _member_fields(member) -> dict:
    office = member.constituency_office
    return {"name": member.name, "riding": member.riding, "party": member.party, "email": member.email,
            "url": member.url, "office_postal": office.postal if office else "",
            "office_tel": office.tel if office else "", "source": "represent"}


@bp.app_context_processor
def _template_helpers():
    return {"mp_lookup_state": _mp_lookup_state}


def _mp_lookup_state() -> dict:
    """What the lookup include shows: the postal code asked about and its Members (from the cache)."""
    code = request.args.get("mp_postal_code", "") or g.get("mp_postal_code", "")
    state = {"postal_code": code, "result": None, "error": None}
    if code and not request.args.get("mp_failed"):
        state["result"], error = lookup_or_error(code)
        state["error"] = Said(error, ui_language()) if error else None
        if state["result"]:
            state["postal_code"] = state["result"].postal_code  # "j9h5v8" shows as "J9H 5V8"
    return state


# ----- MP lookup without JavaScript -------------------------------------------------------------

@bp.post("/d/<token>/mp/lookup")
def lookup(token: str):
    draft = draft_for_edit(token)
    if request.form.get("mp_lookup") and "version" in request.form:
        # From the addressee step without JavaScript: show the step again with what was typed (nothing is
        # saved until Save) and the Members for the postal code.
        g.mp_postal_code = " ".join(request.form.get("postal_code", "").split())[:10]
        return typed_step_page(draft, token, "addressee")
    form = MpLookupForm()
    default = url_for("drafting.step", token=token, step="addressee")
    if not form.validate():
        flash(_("Enter a postal code, like K1A 0A6."), "error")
        return redirect(_back(token, default))
    result, error = lookup_or_error(form.postal_code.data)
    if error:
        said = Said(error, ui_language())
        flash(f"{said.message} {said.fallback}", "error")
        return redirect(_back(token, default, mp_postal_code=form.postal_code.data, mp_failed="1"))
    return redirect(_back(token, default, mp_postal_code=result.postal_code))


@bp.post("/d/<token>/mp/use")
def use_member(token: str):
    """A Member picked from the lookup: by postal code and position, so the browser cannot alter the data."""
    draft = draft_for_edit(token)
    default = url_for("drafting.step", token=token, step="addressee")
    result, error = lookup_or_error(request.form.get("mp_postal_code", ""))
    try:
        member = result.members[int(request.form.get("mp_member", ""))] if result else None
    except (ValueError, IndexError):
        member = None
    if member is None:
        said = Said(error, ui_language()) if error else None
        flash(f"{said.message} {said.fallback}" if said else _("Choose one of the Members listed."), "error")
        return redirect(_back(token, default))
    if request.form.get("mp_use") == "choice":
        _add_choice(draft, _member_fields(member))
        return redirect(_back(token, url_for("sponsors.choices", token=token)))
    if _set_member_addressee(draft, member.name, member.riding):
        flash(_begins(draft), "success")
    else:
        flash(_("This draft changed in another tab; nothing was changed. Choose the Member again."), "warning")
    return redirect(_back(token, default))


# ----- the Members to ask, in order -------------------------------------------------------------

@bp.route("/d/<token>/sponsors", methods=["GET", "POST"])
def choices(token: str):
    draft = draft_for_edit(token)
    form = MemberForm()
    if request.method == "POST" and switched_to():  # the language switch: the Member as typed, unsaved
        return _render_choices(draft, token, form), 200
    if request.method == "POST":
        if form.validate():
            fields = form.member_fields()
            try:
                if form.use_as_addressee.data:
                    if _set_member_addressee(draft, fields["name"], fields["riding"]):
                        flash(_begins(draft), "success")
                else:
                    _add_choice(draft, fields)
            except SQLAlchemyError as error:
                save_failed(error)
                return _render_choices(draft, token, form, notice=MEMBER_NOT_SAVED), 503
            return redirect(url_for("sponsors.choices", token=token))
        status = 400
    else:
        status = 200
    return _render_choices(draft, token, form), status


def _render_choices(draft: Draft, token: str, form: MemberForm, notice: str | None = None):
    return render_template(
        "sponsors/choices.html", draft=draft, token=token, form=form, choice_form=ChoiceForm(), notice=notice,
        choices=SponsorChoice.for_draft(get_session(), draft.id), max_choices=max_choices(draft),
        review_url=url_for("drafting.sponsor_review", review_token=draft.review_token, _external=True),
        responses=responses_for(draft), send_to=presenting_office(draft),
    )


@bp.post("/d/<token>/sponsors/<int:choice_id>")
def move_choice(token: str, choice_id: int):
    draft = draft_for_edit(token)
    form = ChoiceForm()
    if not form.validate():
        abort(400)
    session = get_session()
    ordered = SponsorChoice.for_draft(session, draft.id)
    index = next((i for i, c in enumerate(ordered) if c.id == choice_id), None)
    if index is None:
        abort(404, description=_("That Member is no longer on the list."))
    if form.remove.data:
        session.delete(ordered.pop(index))
        session.flush()
    elif form.up.data and index > 0:
        ordered[index - 1], ordered[index] = ordered[index], ordered[index - 1]
    elif form.down.data and index < len(ordered) - 1:
        ordered[index + 1], ordered[index] = ordered[index], ordered[index + 1]
    SponsorChoice.renumber(session, ordered)
    session.commit()
    return redirect(url_for("sponsors.choices", token=token))
