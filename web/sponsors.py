"""The Members the organizer will ask, in order (`/d/<token>/sponsors`), and the answers received.

An e-petition names up to 5 Members in order (each has 30 days, rule R-EP-8); a paper petition names the one
who presents it, whose office gets the signed sheets. The Member can be looked up by postal code on the same
page (web/mp_lookup.py) or typed.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy.exc import SQLAlchemyError

from forms.sponsors import ChoiceForm, MemberForm

from .db import get_session
from .i18n import switched_to
from .links import draft_for_edit
from .models import Draft, SponsorChoice
from .sponsoring import add_choice, begins, max_choices, presenting_office, responses_for, set_member_addressee
from .unavailable import FORMS, save_failed

bp = Blueprint("sponsors", __name__)

MEMBER_NOT_SAVED = _l("We could not save the Member just now. What you typed is kept below: press the button again in "
                      "a moment.")

FORMS.update({
    "sponsors.choices": lambda args: MemberForm,
    "sponsors.move_choice": lambda args: ChoiceForm,
})


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
                    if set_member_addressee(draft, fields["name"], fields["riding"]):
                        flash(begins(draft), "success")
                else:
                    add_choice(draft, fields)
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
