"""The sponsor's answer through the review link: `/r/<review_token>/answer`.

A Member's office reads the petition on `/r/<review_token>` (web/drafting.py) and answers there: ready to
sponsor or present, or what needs to change. The page then shows the answer sent (about which version, and
when) and lets them change it: one answer per version, so a new one about the same version replaces it, and an
answer about an older version says so. The review token reaches nothing else: it cannot change the draft.
"""
from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from forms.sponsors import AnswerForm
from petition.formulae import render

from .db import get_session
from .errors import handle_http_error
from .i18n import switched_to
from .links import draft_for_review
from .models import Draft, SponsorResponse
from .ratelimits import reshows
from .sponsoring import responses_for
from .unavailable import FORMS, database_unavailable, save_failed

bp = Blueprint("answers", __name__)

ANSWER_NOT_SENT = _l("Your session expired, so your answer was not sent yet. It is kept below: press Send your answer "
                     "again.")
ANSWER_NOT_SAVED = _l("We could not send your answer just now. It is kept below: press Send your answer again in a "
                      "moment.")

FORMS.update({
    "answers.answer": lambda args: AnswerForm,
    "drafting.sponsor_review": lambda args: AnswerForm,  # the review page carries the answer form
})


@bp.app_context_processor
def _template_helpers():
    return {"sponsor_answer_form": _answer_form, "sponsor_responses": responses_for,
            "sponsor_answer_sent": answer_sent}


def answer_sent(draft: Draft) -> SponsorResponse | None:
    """The answer sent last through this draft's review link, read once per request."""
    sent = g.setdefault("answers_sent", {})
    if draft.id not in sent:
        sent[draft.id] = SponsorResponse.latest(get_session(), draft.id)
    return sent[draft.id]


def _answer_form(draft: Draft) -> AnswerForm:
    if request.method == "POST" and switched_to():  # the language switch: the answer as typed, not judged
        return AnswerForm()
    data = {"version": draft.version}
    sent = answer_sent(draft)
    if sent is not None and sent.draft_version == draft.version:
        # Changing the answer starts from the one sent. An answer about an older text is not copied: the link
        # may since have gone to the next Member's office, which must not sign with the last one's name.
        data.update(answer=sent.answer, comment=sent.comment, responder=sent.responder)
    return AnswerForm(formdata=None, data=data)


@bp.route("/r/<review_token>/answer", methods=["GET", "POST"])
def answer(review_token: str):
    draft = draft_for_review(review_token)
    if request.method == "GET":
        form = _answer_form(draft)
        return render_template("sponsors/answer.html", draft=draft, form=form, review_token=review_token,
                               petition_text=render(draft.petition).text)
    form = AnswerForm()
    if switched_to():  # the language switch: the same page with the answer as typed, nothing sent
        return _render_answer(draft, review_token, form)
    if form.validate() and not 1 <= form.version.data <= draft.version:
        form.version.errors = [_("This page refers to a version of the petition that does not exist.")]
    if form.errors:
        return _render_answer(draft, review_token, form), 400
    session = get_session()
    try:
        replaced = SponsorResponse.on_version(session, draft.id, form.version.data) is not None
        SponsorResponse.record(session, draft.id, form.version.data, form.answer.data,
                               comment=form.comment.data or "", responder=form.responder.data or "")
        session.commit()
    except SQLAlchemyError as error:
        save_failed(error)
        return _render_answer(draft, review_token, form, notice=ANSWER_NOT_SAVED), 503
    if replaced:
        flash(_("Your answer about version %(version)s is changed: the organizer now sees this one.",
                version=form.version.data), "success")
    else:
        flash(_("Thank you: your answer was sent to the organizer."), "success")
    return redirect(url_for("drafting.sponsor_review", review_token=review_token, _anchor="answer-sent"))


def _render_answer(draft: Draft, review_token: str, form: AnswerForm, notice: str | None = None):
    """The answer form again, beside the version of the petition the sponsor was reading."""
    version = form.version.data
    shown = draft.snapshot(version) if isinstance(version, int) and 1 <= version <= draft.version else None
    return render_template("sponsors/answer.html", draft=draft, form=form, review_token=review_token,
                           petition_text=render(shown or draft.petition).text, notice=notice)


@bp.errorhandler(CSRFError)
def csrf_refused(error: CSRFError):
    # A Member's office may keep the review page open for days, past the session its token belongs to: the
    # comment they wrote comes back in the form with a fresh token. Other forms get the app's page, which
    # lists the typed text.
    if request.endpoint != "answers.answer":
        return handle_http_error(error)
    try:
        draft = draft_for_review((request.view_args or {}).get("review_token", ""))
    except HTTPException as inner:  # a dead link: abort() inside an error handler would be a 500
        return handle_http_error(inner)
    except SQLAlchemyError as failure:  # likewise for a database that fails meanwhile
        return database_unavailable(failure)
    form = AnswerForm(meta={"csrf": False})
    return _render_answer(draft, request.view_args["review_token"], form, notice=ANSWER_NOT_SENT), 400


@reshows("answers.answer")
def reshow_answer(notice: str, status: int):
    """The answer form as typed, with `notice` (e.g. a rate limit), beside the version the sponsor read."""
    review_token = (request.view_args or {}).get("review_token", "")
    form = AnswerForm(meta={"csrf": False})
    return _render_answer(draft_for_review(review_token), review_token, form, notice=notice), status
