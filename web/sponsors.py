"""The sponsor side: find the Member, ask them in order, hear back, and follow the deadlines.

- `GET /api/mp?postal_code=...`: the Members for a postal code (Represent), or a JSON error.
- `POST /d/<token>/mp/lookup` and `/d/<token>/mp/use`: the same lookup without JavaScript, for the
  addressee step and the sponsors page (templates/sponsors/_mp_lookup.html).
- `/d/<token>/sponsors`: the Members the organizer will ask, in order, and the answers received.
- `/r/<review_token>/answer`: the sponsor's office answers through the review link. The review token
  reaches nothing else: it cannot change the draft.
- `/d/<token>/timeline` (+ `.ics`): the deadlines from the dates entered.
- `/d/<token>/cover-letter.pdf`: paper petitions, a letter to the presenting Member's office.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date
from urllib.parse import urlencode

from flask import (
    Blueprint, Response, abort, current_app, flash, g, jsonify, redirect, render_template, request, url_for,
)
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from petition import timeline as deadlines
from petition.catalogue import copy_in, lang_of
from petition.represent_copy import Said
from petition.timeline_copy import say
from petition.formulae import addressee_text, heading, prayer_formula, render
from petition.limits import MAX_SPONSOR_CHOICES, MIN_PAPER_SIGNATURES
from petition.model import Addressee
from integrations.represent import ServiceBusy

from .db import get_session
from .i18n import quoted, switched_to, ui_language
from .errors import handle_http_error
from .drafting import VERSIONS_FULL, typed_step_page
from .links import draft_for_edit, draft_for_review
from .models import Draft, StaleDraft, VersionBudgetExceeded
from .pdfcache import pdf_store
from .ratelimits import reshows
from .represent import lookup_or_error
from forms.sponsors import AnswerForm, ChoiceForm, MemberForm, MpLookupForm, TimelineForm
from .models import SponsorChoice, SponsorResponse, TimelineDates
from .unavailable import FORMS, database_unavailable, save_failed

bp = Blueprint("sponsors", __name__)

ANSWER_NOT_SENT = _l("Your session expired, so your answer was not sent yet. It is kept below: press Send your answer "
                     "again.")
ANSWER_NOT_SAVED = _l("We could not send your answer just now. It is kept below: press Send your answer again in a "
                      "moment.")
MEMBER_NOT_SAVED = _l("We could not save the Member just now. What you typed is kept below: press the button again in "
                      "a moment.")
DATES_NOT_SAVED = _l("We could not save the dates just now. They are kept below: press Save again in a moment.")

FORMS.update({
    "sponsors.lookup": lambda args: MpLookupForm,
    "sponsors.choices": lambda args: MemberForm,
    "sponsors.move_choice": lambda args: ChoiceForm,
    "sponsors.answer": lambda args: AnswerForm,
    "drafting.sponsor_review": lambda args: AnswerForm,  # the review page carries the answer form
    "sponsors.timeline": lambda args: TimelineForm,
})


@bp.get("/api/mp")
def api_mp():
    raw = request.args.get("postal_code", "")
    result, error = lookup_or_error(raw)
    if error:
        response = jsonify(error.to_dict(ui_language()))
        response.status_code = error.status
        if isinstance(error, ServiceBusy):
            response.headers["Retry-After"] = str(error.retry_after)
        return response
    return jsonify(result.to_dict())


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


def prayer_sentence(petition) -> str:
    """'We, the undersigned, ... call upon ... to ...' exactly as the rendered petition has it."""
    rendered = render(petition)
    opening, _ = prayer_formula(petition)
    return rendered.text[rendered.spans["petitioners"].start - len(opening):]


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


@bp.app_context_processor
def _template_helpers():
    return {"mp_lookup_state": _mp_lookup_state, "sponsor_answer_form": _answer_form,
            "sponsor_responses": responses_for}


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


def _answer_form(draft: Draft) -> AnswerForm:
    if request.method == "POST" and switched_to():  # the language switch: the answer as typed, not judged
        return AnswerForm()
    return AnswerForm(formdata=None, data={"version": draft.version})


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


# ----- the sponsor's answer through the review link ---------------------------------------------

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
        SponsorResponse.record(session, draft.id, form.version.data, form.answer.data,
                               comment=form.comment.data or "", responder=form.responder.data or "")
        session.commit()
    except SQLAlchemyError as error:
        save_failed(error)
        return _render_answer(draft, review_token, form, notice=ANSWER_NOT_SAVED), 503
    flash(_("Thank you: your answer was sent to the organizer."), "success")
    return redirect(url_for("drafting.sponsor_review", review_token=review_token))


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
    if request.endpoint != "sponsors.answer":
        return handle_http_error(error)
    try:
        draft = draft_for_review((request.view_args or {}).get("review_token", ""))
    except HTTPException as inner:  # a dead link: abort() inside an error handler would be a 500
        return handle_http_error(inner)
    except SQLAlchemyError as failure:  # likewise for a database that fails meanwhile
        return database_unavailable(failure)
    form = AnswerForm(meta={"csrf": False})
    return _render_answer(draft, request.view_args["review_token"], form, notice=ANSWER_NOT_SENT), 400


@reshows("sponsors.answer")
def reshow_answer(notice: str, status: int):
    """The answer form as typed, with `notice` (e.g. a rate limit), beside the version the sponsor read."""
    review_token = (request.view_args or {}).get("review_token", "")
    form = AnswerForm(meta={"csrf": False})
    return _render_answer(draft_for_review(review_token), review_token, form, notice=notice), status


# ----- the timeline -------------------------------------------------------------------------------

def _timeline(draft: Draft, stored: TimelineDates | None, today: date):
    count = len(SponsorChoice.for_draft(get_session(), draft.id)) or 1
    dates = stored.dates(draft.kind, min(count, MAX_SPONSOR_CHOICES)) if stored else \
        deadlines.Dates(kind=draft.kind, sponsor_choices=min(count, MAX_SPONSOR_CHOICES))
    return deadlines.build(dates, today, last_election=_last_election())


def _last_election() -> date:
    """FLASK_LAST_GENERAL_ELECTION (YYYY-MM-DD) after an election; a typo falls back to the built-in date."""
    value = current_app.config.get("LAST_GENERAL_ELECTION")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else deadlines.LAST_GENERAL_ELECTION
    except ValueError:
        current_app.logger.warning("LAST_GENERAL_ELECTION=%r is not a YYYY-MM-DD date; using %s",
                                   value, deadlines.LAST_GENERAL_ELECTION)
        return deadlines.LAST_GENERAL_ELECTION


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
            return redirect(url_for("sponsors.timeline", token=token))
        status = 400
    else:
        data = {}
        if stored:
            data = {name: getattr(stored, name) for name in deadlines.DATE_FIELDS}
            data["open_days"] = str(stored.open_days) if stored.open_days else ""
        form = TimelineForm(data=data)
        status = 200
    # The engine gives codes and dates; the words are the person's language (the screens'), not the petition's.
    result = say(_timeline(draft, stored, date.today()), ui_language()) if status == 200 else None
    return render_template("sponsors/timeline.html", draft=draft, token=token, form=form, timeline=result), status


@bp.get("/d/<token>/timeline.ics")
def timeline_ics(token: str):
    draft = draft_for_edit(token)
    result = _timeline(draft, TimelineDates.for_draft(get_session(), draft.id), date.today())
    # A stable UID per draft that reveals nothing: a hash of the public review token.
    stem = hashlib.sha256(draft.review_token.encode()).hexdigest()[:16]
    body = deadlines.to_ics(result, _short_title(draft), uid_stem=stem, language=ui_language())
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": 'attachment; filename="petition-deadlines.ics"',
        "Cache-Control": "no-store",
    })


def _short_title(draft: Draft) -> str:
    prayer = " ".join(draft.petition.prayer.split())
    return (prayer[:60].rsplit(" ", 1)[0] + "…") if len(prayer) > 60 else (
        prayer or copy_in(ui_language()).gettext("your petition"))


# ----- the cover letter (paper) ---------------------------------------------------------------------

@bp.get("/d/<token>/cover-letter.pdf")
def cover_letter(token: str):
    draft = draft_for_edit(token)
    member = presenting_member(draft)
    if draft.kind != "paper" or member is None or not member.office_postal.strip():
        abort(404, description=_("A cover letter needs a paper petition and a presenting Member with an office "
                                 "address: choose the Member on the \u201cMembers to ask\u201d page first."))
    from pdf.renderer import render_pdf  # WeasyPrint loads only when a PDF is asked for

    petition = draft.petition
    pdf = render_pdf("pdf/cover_letter.html", lang=lang_of(petition.language),
                     member=member, office_lines=member.office_postal.strip().splitlines(),
                     heading_text=heading(petition.addressee, petition.language),
                     prayer=prayer_sentence(petition), min_signatures=MIN_PAPER_SIGNATURES, store=pdf_store())
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="cover-letter.pdf"', "Cache-Control": "no-store"})


@bp.get("/d/<token>/volunteer-instructions.pdf")
def volunteer_instructions(token: str):
    """The volunteer instructions with "send the signed sheets to" the presenting Member's office."""
    draft = draft_for_edit(token)
    if draft.kind != "paper":
        abort(404, description=_("Volunteer instructions are for paper petitions: e-petitions are signed online."))
    from pdf.instructions import instructions_pdf

    pdf = instructions_pdf(draft.language, send_to=presenting_office(draft), store=pdf_store())
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="volunteer-instructions.pdf"', "Cache-Control": "no-store"})
