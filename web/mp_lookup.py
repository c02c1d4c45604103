"""Find the Member by postal code without JavaScript: `POST /d/<token>/mp/lookup` and `/d/<token>/mp/use`.

The lookup include (templates/sponsors/_mp_lookup.html) sits on the addressee step and the Members page; with
JavaScript it asks `GET /api/mp` (web/api.py) and answers in place. Without it, the Members page's lookup posts
here and comes back with the Members for the code; the addressee step posts its own fields with the lookup
(the `mp_lookup` button) to itself, so what was typed there comes back unsaved (web/drafting.py). A Member
picked is taken from the lookup by postal code and position, never from the browser.
"""
from __future__ import annotations

import re
from urllib.parse import urlencode

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from forms.sponsors import STEP_LOOKUP_BUTTON, MpLookupForm
from petition.represent_copy import Said

from .i18n import ui_language
from .links import draft_for_edit
from .represent import lookup_or_error
from .sponsoring import add_choice, begins, set_member_addressee
from .unavailable import FORMS

bp = Blueprint("mp_lookup", __name__)

FORMS.update({
    "mp_lookup.lookup": lambda args: MpLookupForm,
})


def _back(token: str, default: str, **query) -> str:
    """The page a form came from, if it is one of this draft's pages; never another site."""
    target = request.form.get("next", "").split("?", 1)[0].split("#", 1)[0]
    if not target.startswith(f"/d/{token}/") or not re.fullmatch(r"(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+", target) \
            or target.startswith(f"/d/{token}/mp/"):  # the lookup's own addresses take posts, not visits
        target = default
    query = {k: v for k, v in query.items() if v}
    return target + (f"?{urlencode(query)}" if query else "") + "#mp-lookup"


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
    code = request.args.get("mp_postal_code", "")
    if request.method == "POST" and request.form.get(STEP_LOOKUP_BUTTON):
        # The addressee step posted its fields with the lookup (web/drafting.py shows it again as typed).
        code = " ".join(request.form.get("postal_code", "").split())[:10]
    state = {"postal_code": code, "result": None, "error": None}
    if code and not request.args.get("mp_failed"):
        state["result"], error = lookup_or_error(code)
        state["error"] = Said(error, ui_language()) if error else None
        if state["result"]:
            state["postal_code"] = state["result"].postal_code  # "j9h5v8" shows as "J9H 5V8"
    return state


@bp.post("/d/<token>/mp/lookup")
def lookup(token: str):
    draft_for_edit(token)
    if request.form.get(STEP_LOOKUP_BUTTON) and "version" in request.form:
        # A step page from before the step posted its lookup to itself: the step shows it again as typed (a 307
        # keeps the POST and every field in it).
        return redirect(url_for("drafting.step", token=token, step="addressee"), code=307)
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
        add_choice(draft, _member_fields(member))
        return redirect(_back(token, url_for("sponsors.choices", token=token)))
    if set_member_addressee(draft, member.name, member.riding):  # which flashes why not, when not
        flash(begins(draft), "success")
    return redirect(_back(token, default))
