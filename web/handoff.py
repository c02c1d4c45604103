"""The hand-off: from a ready draft to the House (`/d/<token>/submit`).

- E-petition: each part of the House's creation form exactly as it must be typed there, with the word
  count as the House counts it; what the House will ask (petitioner, supporters, sponsoring Member, open
  period); an invitation to supporters; the deadlines. Then "Mark as sent to supporters": from then on the
  House allows no change to the text (R-EP-7), so every save is refused (`Draft.save` raises FrozenDraft,
  answered here with the page as typed) and the edits go into a new draft copied from this one.
- Paper: the sheets to print, the volunteer instructions, the cover letter, where the sheets go, and the
  signatures needed.
"""
from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from forms.addressee import ADDRESSEE_LABELS
from forms.handoff import CopyForm, SentForm
from forms.messages import message
from petition.catalogue import copy_in
from petition.fingerprint import fingerprint
from petition.house_form import house_form, request_sentence
from petition.limits import (
    ADVISED_PAPER_SIGNATURES, DEFAULT_PAPER_SIZE, GOVERNMENT_RESPONSE_DAYS, MAX_SHEETS, MAX_SPONSOR_CHOICES, MIN_E_SIGNATURES,
    MIN_PAPER_SIGNATURES, MIN_SHEETS, OPEN_PERIOD_DAYS, PAPER_SIZES, REQUIRED_SUPPORTERS, SPONSOR_DAYS,
)
from petition.timeline_copy import say

from .db import get_session
from .deadlines import draft_timeline
from .i18n import JS_STRINGS, ui_language
from .links import draft_for_edit
from .models import Draft, FrozenDraft, SponsorChoice, TimelineDates
from .errors import handle_http_error
from .ratelimits import reshow_for
from .sponsoring import presenting_member, presenting_office, return_address
from .unavailable import FORMS, database_unavailable, kept_fields, save_failed


bp = Blueprint("handoff", __name__)

JS_STRINGS["copied"] = _l("Copied")
JS_STRINGS["copy-failed"] = _l("Could not copy: select the text in the box and copy it yourself.")
SENT_FAILED = _l("We could not record this just now; nothing changed. Press Mark as sent to supporters again in a "
                 "moment.")
FORMS.update({"handoff.mark_sent": lambda args: SentForm})


def frozen_notice(draft: Draft) -> str:
    """Why a frozen draft refuses a change, and what to do instead."""
    return _("This e-petition was marked as sent to its supporters on %(date)s. The House allows no change to its "
             "text after that (rule %(rule)s), so nothing was changed; what you typed is still here. To change the "
             "petition, make a new draft copied from this one: it starts again as a new e-petition.",
             date=_day(draft.sent_to_supporters_at.date()), rule="R-EP-7")


def _day(day: date) -> str:
    return copy_in(ui_language()).date(day)


@bp.app_context_processor
def _helpers() -> dict:
    return {"frozen_notice": frozen_notice, "copy_form": CopyForm}


@bp.app_errorhandler(FrozenDraft)
def refused_on_frozen(error: FrozenDraft):
    """A save reached a frozen draft: the page it came from again, as typed, saying why (409)."""
    get_session().rollback()
    draft = draft_for_edit((request.view_args or {}).get("token", ""))
    notice = frozen_notice(draft)
    reshow = reshow_for(request.endpoint)
    if reshow is not None:
        return reshow(notice, 409)
    if request.endpoint == "mp_lookup.use_member":  # a Member picked from a list: nothing typed to keep
        flash(notice, "warning")
        return redirect(url_for("drafting.review", token=request.view_args["token"]))
    # A form without a page of its own (a Member chosen as addressee): every field sent stays on screen.
    return render_template("handoff/refused.html", draft=draft, token=request.view_args["token"], notice=notice,
                           code=409, kept=kept_fields()), 409


# ----- the page ------------------------------------------------------------------------------------

@bp.get("/d/<token>/submit")
def submit(token: str):
    draft = draft_for_edit(token)
    if draft.status == "draft":
        flash(_("The hand-off to the House opens once this version is marked ready."), "warning")
        return redirect(url_for("drafting.review", token=token, _anchor="ready-heading"))
    return _render(draft, token)


def _render(draft: Draft, token: str, *, sent_form: SentForm | None = None, notice: str | None = None,
            status: int = 200):
    petition = draft.petition
    session = get_session()
    choices = SponsorChoice.for_draft(session, draft.id)
    timeline = say(draft_timeline(draft, TimelineDates.for_draft(session, draft.id), date.today()), ui_language())
    context = {
        "draft": draft, "token": token, "petition": petition, "notice": notice, "choices": choices,
        "timeline": timeline, "review_url": url_for("drafting.sponsor_review", review_token=draft.review_token,
                                                   _external=True),
    }
    if draft.kind == "paper":
        member = presenting_member(draft)
        context.update(
            member=member, send_to=presenting_office(draft), return_to=return_address(draft),
            text_mark=fingerprint(petition),
            min_signatures=MIN_PAPER_SIGNATURES, advised=ADVISED_PAPER_SIGNATURES,
            sizes=_paper_sizes(), size=_size_that_fits(petition), min_sheets=MIN_SHEETS, max_sheets=MAX_SHEETS,
            languages=_sheet_languages(petition), response_days=GOVERNMENT_RESPONSE_DAYS,
        )
        return render_template("handoff/paper.html", **context), status
    sent_form = sent_form or SentForm(data={"version": draft.version})
    sent_form.version.data = str(draft.version)
    form = house_form(petition)
    context.update(
        form=form, addressee_choice=str(ADDRESSEE_LABELS.get(form.addressee_kind, "")),
        sent_form=sent_form, invitation=supporter_invitation(petition),
        supporters=REQUIRED_SUPPORTERS, sponsor_days=SPONSOR_DAYS,
        open_days=copy_in(ui_language()).either([str(days) for days in OPEN_PERIOD_DAYS]),
        max_sponsors=MAX_SPONSOR_CHOICES, min_signatures=MIN_E_SIGNATURES,
    )
    return render_template("handoff/e_petition.html", **context), status


def _paper_sizes() -> dict:
    copy = copy_in(ui_language())
    return {name: copy.gettext(size["label"]) for name, size in PAPER_SIZES.items()}


def _size_that_fits(petition) -> str:
    from pdf.paper import size_that_fits

    from .pdfcache import pdf_store

    return size_that_fits(petition, pdf_store()) or DEFAULT_PAPER_SIZE


def _sheet_languages(petition) -> list[tuple[str, str]]:
    """The languages the sheets can carry (the download route's `languages`), both first when there are two."""
    second = petition.second()
    if second is None:
        return []
    return [("both", _("English and French, both on each sheet"))] + [
        (code, _("French only") if code == "fr" else _("English only"))
        for code in (petition.language, second.language)]


def supporter_invitation(petition) -> str:
    """A plain-text e-mail asking someone to be one of the supporters (R-EP-5: their consent comes first),
    in the petition's language (the supporters read the petition in it), quoting its request as published."""
    copy = copy_in(petition.language)
    return copy.gettext(
        "Subject: Will you support my e-petition to the House of Commons?\n"
        "\n"
        "Hello,\n"
        "\n"
        "I am starting an e-petition to the House of Commons of Canada. It asks:\n"
        "\n"
        "%(request)s\n"
        "\n"
        "Before a Member of Parliament can sponsor it, the House needs %(count)s supporters to confirm it. May I "
        "name you as one? If you agree, reply with your full name and the e-mail address you want to use. The "
        "House will then e-mail you a link: to confirm, you give your phone number, country, province or "
        "territory and postal code. Supporters must be Canadian citizens (in Canada or abroad) or residents of "
        "Canada, and the person who starts the petition cannot be one.\n"
        "\n"
        "Thank you,\n",
        request=copy.quote(request_sentence(petition.alone())), count=copy.number(REQUIRED_SUPPORTERS))


# ----- "sent to supporters" --------------------------------------------------------------------------

@bp.post("/d/<token>/sent")
def mark_sent(token: str):
    draft = draft_for_edit(token)
    if draft.kind != "e-petition":
        abort(404, description=_("Only an e-petition goes to supporters: a paper petition is signed on paper."))
    form = SentForm()
    if not form.validate_on_submit():
        form.errors.pop("csrf_token", None)
        return _render(draft, token, sent_form=form, notice=_("Your session expired; press the button again."),
                       status=400)
    if draft.is_frozen:
        return redirect(url_for("handoff.submit", token=token))
    if not draft.is_ready or form.version.data != str(draft.version):
        flash(_("This draft changed since that page was opened, so it was not marked as sent. Check it and mark "
                "it ready again."), "warning")
        return redirect(url_for("drafting.review", token=token, _anchor="ready-heading"))
    if not form.confirm.data:
        form.confirm.errors = [message("confirm-sent")]
        return _render(draft, token, sent_form=form, status=400)
    try:
        marked = draft.mark_sent_to_supporters(get_session())
        get_session().commit()
    except SQLAlchemyError as error:
        save_failed(error)
        return _render(draft_for_edit(token), token, sent_form=form, notice=SENT_FAILED, status=503)
    if not marked:  # changed by another request between the check and the update
        flash(_("This draft changed since that page was opened, so it was not marked as sent. Check it and mark "
                "it ready again."), "warning")
        return redirect(url_for("drafting.review", token=token, _anchor="ready-heading"))
    flash(_("Marked as sent to supporters. The text of version %(version)s is now frozen, as the House requires.",
            version=draft.version), "success")
    return redirect(url_for("handoff.submit", token=token))


@bp.errorhandler(CSRFError)
def session_expired(error: CSRFError):
    """"Mark as sent" from a page left open past its session: the page again, with a fresh token."""
    try:
        token = (request.view_args or {}).get("token", "")
        draft = draft_for_edit(token)
        if request.endpoint == "handoff.mark_sent" and draft.kind == "e-petition":
            return _render(draft, token, notice=_("Your session expired; press the button again."), status=400)
        return handle_http_error(error)
    except HTTPException as inner:  # a dead link: abort() inside an error handler would be a 500
        return handle_http_error(inner)
    except SQLAlchemyError as failure:
        return database_unavailable(failure)
