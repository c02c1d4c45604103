"""The deadlines (`/d/<token>/timeline`, and its `.ics` file) from the dates the organizer entered.

The engine (petition/timeline.py) gives codes and dates; the words are the screens' language, on the page and
in the calendar file.
"""
from __future__ import annotations

import hashlib
from datetime import date

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import SQLAlchemyError

from forms.sponsors import TimelineForm
from petition import timeline as deadlines
from petition.catalogue import copy_in
from petition.timeline_copy import say

from .db import get_session
from .deadlines import draft_timeline
from .i18n import ui_language
from .links import draft_for_edit
from .models import Draft, TimelineDates
from .unavailable import FORMS, save_failed

bp = Blueprint("timeline", __name__)

DATES_NOT_SAVED = _l("We could not save the dates just now. They are kept below: press Save again in a moment.")

FORMS.update({
    "timeline.timeline": lambda args: TimelineForm,
})


@bp.route("/d/<token>/timeline", methods=["GET", "POST"])
def timeline(token: str):
    draft = draft_for_edit(token)
    session = get_session()
    stored = TimelineDates.for_draft(session, draft.id)
    if request.method == "POST":
        form = TimelineForm()
        if form.validate():
            stored = stored or TimelineDates(draft_id=draft.id)
            stored.sent_to_sponsor = form.sent_to_sponsor.data
            stored.published = form.published.data
            stored.open_days = form.open_days_value()
            stored.closed = form.closed.data
            stored.presented = form.presented.data
            try:
                session.add(stored)
                session.commit()
            except SQLAlchemyError as error:
                save_failed(error)
                return render_template("sponsors/timeline.html", draft=draft, token=token, form=form,
                                       timeline=None, notice=DATES_NOT_SAVED), 503
            return redirect(url_for("timeline.timeline", token=token))
        status = 400
    else:
        data = {}
        if stored:
            data = {name: getattr(stored, name) for name in deadlines.DATE_FIELDS}
            data["open_days"] = str(stored.open_days) if stored.open_days else ""
        form = TimelineForm(data=data)
        status = 200
    # The engine gives codes and dates; the words are the person's language (the screens'), not the petition's.
    result = say(draft_timeline(draft, stored, date.today()), ui_language()) if status == 200 else None
    return render_template("sponsors/timeline.html", draft=draft, token=token, form=form, timeline=result), status


@bp.get("/d/<token>/timeline.ics")
def timeline_ics(token: str):
    draft = draft_for_edit(token)
    result = draft_timeline(draft, TimelineDates.for_draft(get_session(), draft.id), date.today())
    # A stable UID per draft that reveals nothing: a hash of the public review token.
    stem = hashlib.sha256(draft.review_token.encode()).hexdigest()[:16]
    body = deadlines.to_ics(result, _short_title(draft), uid_stem=stem, language=ui_language())
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": 'attachment; filename="petition-deadlines.ics"',
        "Cache-Control": "no-store",
    })


def _short_title(draft: Draft) -> str:
    """The calendar's name for the petition: the draft's own (Draft.label, as on every PDF)."""
    return draft.label() or copy_in(ui_language()).gettext("your petition")
