"""The drafting journey: start, addressee, petitioners, grievances, request, review.

One form per step (alphagov/e-petitions style). Every POST saves the draft in
one transaction, then redirects (POST/Redirect/GET). The draft lives in the
database; the browser only holds the edit link (/d/<edit_token>/...). Each form
carries the version it was loaded from, so a save from a stale tab is refused
with both texts on screen and the typed text kept.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from forms.addressee import ADDRESSEE_LABELS, AddresseeForm
from forms.grievances import GrievancesForm, apply_action, list_action
from forms.handoff import CopyForm
from forms.limits import MAX_CLAUSES
from forms.messages import message
from forms.petitioners import PetitionersForm
from forms.prayer import PrayerForm
from forms.review import ApplySuggestionForm, ReadyForm
from forms.settings import DETAILS, SettingsForm
from forms.second_version import RemoveSecondVersionForm, SecondVersionForm
from forms.sponsors import STEP_LOOKUP_BUTTON
from forms.start import StartForm
from petition.analysis import analyze_petition, analyze_text
from petition.formulae import (
    GRIEVANCE_OPENER, default_petitioners, is_default_petitioners, petitioners_of, prayer_formula, render,
)
from petition.limits import DEFAULT_PAPER_SIZE, E_PETITION_WORD_LIMIT
from petition.model import KINDS, LANGUAGES, Addressee, Petition
from petition.parts import field_of, part_name
from petition.catalogue import copy_in
from petition.fingerprint import fingerprint as text_fingerprint
from petition.reader import read
from petition.rules import reader_text
from petition.suggestions import apply_finding, can_apply, is_applicable

from .db import get_session
from .errors import handle_http_error
from .i18n import JS_STRINGS, safe_next, switched_to, ui_language
from .links import NO_DRAFT, draft_for_edit, draft_for_review
from .models import Draft, StaleDraft, VersionBudgetExceeded
from .models.clock import now as _models_now
from .notices import VERSIONS_FULL, ShowReview
from .open_petitions import add_comparison, for_page as open_petitions_for_page
from .pdfcache import pdf_store
from .ratelimits import reshows
from .unavailable import FORMS, database_unavailable, save_failed

bp = Blueprint("drafting", __name__)

SESSION_EXPIRED = _l("Your session expired; we kept your text, press Save again.")
SAVE_FAILED = _l("We could not save just now. Your text is still here: press Save again in a moment.")
START_FAILED = _l("We could not start your petition just now. Your text is still here: press Start again in a moment.")
APPLY_FAILED = _l("We could not apply the suggestion just now; nothing changed. Press Apply suggestion again in a "
                  "moment.")
READY_FAILED = _l("We could not mark this version ready just now; nothing changed. Press Mark as ready again in a "
                  "moment.")
CONFLICT = _l(
    "This draft changed in another tab or window since you opened this page. Both versions are below: "
    "your text is still in the form. Press Save again to keep yours, or reload the page to keep the other one."
)


# ----- the steps ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    name: str
    title: str
    form: type[FlaskForm]
    # The form's initial data for a stored petition.
    load: Callable[[Petition], dict]
    # The petition with this step's (validated) form data put in.
    apply: Callable[[Petition, FlaskForm], Petition]


def _load_addressee(p: Petition) -> dict:
    data = p.addressee.to_dict()
    if data["kind"] not in ADDRESSEE_LABELS:
        data["kind"] = None
    return data


def _apply_addressee(p: Petition, form: AddresseeForm) -> Petition:
    # Fields of the other kinds are kept, so switching back and forth loses nothing typed.
    p.addressee = Addressee(
        kind=form.kind.data,
        in_parliament_assembled=bool(form.in_parliament_assembled.data),
        title=form.title.data or "",
        name=form.name.data or "",
        riding=form.riding.data or "",
        text=p.addressee.text,
    )
    return p


def _apply_petitioners(p: Petition, form: PetitionersForm) -> Petition:
    # Kept as "the default" rather than its words, so a later switch to French prints "citoyens et résidents".
    p.petitioners = None if is_default_petitioners(form.petitioners.data) else form.petitioners.data
    return p


def _load_grievances(p: Petition) -> dict:
    return {"grievances": list(p.grievances) or [""]}


def _apply_grievances(p: Petition, form: GrievancesForm) -> Petition:
    p.grievances = form.clauses()
    return p


def _apply_prayer(p: Petition, form: PrayerForm) -> Petition:
    p.prayer = form.prayer.data or ""
    return p


def _apply_settings(p: Petition, form: SettingsForm) -> Petition:
    # An invalid form is still applied to show its findings: a value that is not a choice (a forged or truncated
    # POST) keeps the stored one rather than failing in the model; the form's own error says what to fix.
    if form.kind.data in KINDS:
        p.kind = form.kind.data
    switched = form.language.data in LANGUAGES and form.language.data != p.language
    if switched and p.second_version is not None:
        # With a version in each language, choosing the other language makes that version the petition and
        # this one its second version: each text stays with the language it is written in.
        first, second = p.alone(), p.second()
        second.second_version = first
        p = second
    if switched:
        p.language = form.language.data
        # Saved in words before the default was kept as such: the default, so the other language prints its own.
        # Only on a change of language: otherwise the words print the same, and a save of the settings alone
        # (the organizer's details) must not make a new version of the text (it would undo "ready").
        if is_default_petitioners(p.petitioners):
            p.petitioners = None
    return p


STEPS: dict[str, Step] = {
    s.name: s
    for s in (
        Step("addressee", _l("Who it is addressed to"), AddresseeForm, _load_addressee, _apply_addressee),
        Step(
            "petitioners",
            _l("Who is signing"),
            PetitionersForm,
            lambda p: {"petitioners": petitioners_of(p)},
            _apply_petitioners,
        ),
        Step("grievances", _l("Why (the grievances)"), GrievancesForm, _load_grievances, _apply_grievances),
        Step("prayer", _l("What you ask for (the request)"), PrayerForm, lambda p: {"prayer": p.prayer}, _apply_prayer),
        # Not in the sequence: reached from the review page, and returns there.
        Step("settings", _l("Kind and language"), SettingsForm, lambda p: {"kind": p.kind, "language": p.language},
             _apply_settings),
    )
}
ORDER = ["addressee", "petitioners", "grievances", "prayer", "review"]
STEP_TITLES = {**{name: s.title for name, s in STEPS.items()}, "review": _l("Check your petition")}
FORMS.update({
    "drafting.start": lambda args: StartForm,
    "drafting.step": lambda args: STEPS[args["step"]].form,
    "drafting.apply_suggestion": lambda args: ApplySuggestionForm,
    "drafting.mark_ready": lambda args: ReadyForm,
    "drafting.second_step": lambda args: STEPS[args["step"]].form,
    "drafting.second_version": lambda args: SecondVersionForm,
    "drafting.remove_second_version": lambda args: RemoveSecondVersionForm,
    "drafting.panel": lambda args: STEPS[request.form.get("step", "")].form,
    "drafting.second_panel": lambda args: STEPS[request.form.get("step", "")].form,
    "drafting.start_panel": lambda args: StartForm,
    "drafting.copy": lambda args: STEPS[request.args["step"]].form if request.args.get("step") in STEPS else CopyForm,
})
COPY_FAILED = _l("We could not make the new draft just now; nothing changed. Press the button again in a moment.")


def step_for_part(part: str) -> tuple[str, str] | None:
    """The step (and anchor) that fixes a finding about `part` ("grievance 2" -> grievances, #grievance-2)."""
    name = field_of(part)  # the steps are named after the fields they edit
    if name == "grievances":
        number = part.strip().rsplit(" ", 1)[-1]
        return ("grievances", f"grievance-{number}" if number.isdigit() else "")
    return (name, "") if name else None


def part_label(part: str) -> str:
    """The heading of a group of findings, in the language of the screens ("grievance 2" -> "Clause 2")."""
    return part_name(part, copy_in(ui_language()))


# ----- the two versions of a petition --------------------------------------------------------------

@dataclass(frozen=True)
class Version:
    """Which text of a draft a page edits: the petition itself, or its second-language version (`lang`).

    The second version is the organizer's own text in the other official language (nothing is translated); it
    has the same steps and forms, at /d/<token>/<lang>/<step>, and its own findings.
    """

    lang: str | None = None

    @property
    def is_second(self) -> bool:
        return self.lang is not None

    def of(self, petition: Petition) -> Petition:
        """This version of a whole (stored or typed) petition."""
        if not self.is_second:
            return petition
        return petition.second() or blank_second_version(petition)

    def into(self, petition: Petition, edited: Petition) -> Petition:
        """The whole petition with `edited` as this version."""
        if not self.is_second:
            return edited
        whole = Petition.from_dict(petition.to_dict())
        whole.second_version = edited.alone()
        return whole

    def url(self, token: str, step: str, **values) -> str:
        if step == "review":
            return url_for("drafting.review", token=token, **values)
        if self.is_second:
            return url_for("drafting.second_step", token=token, lang=self.lang, step=step, **values)
        return url_for("drafting.step", token=token, step=step, **values)

    def panel_url(self, token: str) -> str:
        if self.is_second:
            return url_for("drafting.second_panel", token=token, lang=self.lang)
        return url_for("drafting.panel", token=token)

    @property
    def suffix(self) -> str:
        """Tells the second panel's ids and apply buttons from the first's on the review page."""
        return "-second" if self.is_second else ""

    def fingerprint(self, finding) -> str:
        return ("second-" if self.is_second else "") + fingerprint(finding)


FIRST = Version()


def blank_second_version(petition: Petition) -> Petition:
    """A second-language version to write step by step: the same addressee (its kind, the Member), nothing else;
    a Minister's title is written in each language, so it starts empty."""
    a = petition.addressee
    return Petition(kind=petition.kind, language=petition.second_language,
                    addressee=Addressee(kind=a.kind, in_parliament_assembled=a.in_parliament_assembled,
                                        name=a.name, riding=a.riding))


def version_name(language: str) -> str:
    return str(_("French version") if language == "fr" else _("English version"))


def fingerprint(finding) -> str:
    """Names one finding on one version, so "apply suggestion" applies exactly what was shown."""
    raw = "|".join(str(x) for x in (finding.rule, finding.code, finding.part, finding.start, finding.end,
                                    finding.excerpt, finding.suggestion))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:24]


# ----- helpers ------------------------------------------------------------------------------------

def _grouped(analysis) -> list[tuple[str, list]]:
    """Findings grouped by part, in the order the parts appear in the petition; errors first within a part."""
    rank = {"error": 0, "warning": 1, "info": 2}
    order: list[str] = []
    groups: dict[str, list] = {}
    for finding in analysis.findings:
        if finding.part not in groups:
            order.append(finding.part)
            groups[finding.part] = []
        groups[finding.part].append(finding)

    def part_rank(part: str) -> tuple:
        target = step_for_part(part)
        position = ORDER.index(target[0]) if target else len(ORDER)
        number = part.rsplit(" ", 1)[-1]
        return (position, int(number) if number.isdigit() else 0)

    order.sort(key=part_rank)
    return [(part, sorted(groups[part], key=lambda f: rank.get(f.severity, 3))) for part in order]


def review_analysis(petition: Petition):
    """The engine's findings plus, for paper, whether page 1 holds the text and its signature rows (measured
    with the real layout, so only where a person is about to decide: the review page and "ready")."""
    analysis = analyze_petition(petition)
    # Close to an e-petition already open for signature (R-SUBJ-4): a warning, from the list an operator imported.
    add_comparison(analysis)
    if petition.kind == "paper":
        from pdf.paper import paper_fit_report

        analysis.findings.extend(paper_fit_report(petition, pdf_store()))
    return analysis


def _panel_context(draft_token: str | None, petition: Petition | None, analysis=None,
                   version: Version = FIRST) -> dict:
    """What the findings panel macro needs (templates/drafting/_macros.html, `panel`)."""
    step_urls = {}
    if draft_token:
        step_urls = {name: version.url(draft_token, name) for name in STEPS if name in ORDER}
        step_urls["settings"] = url_for("drafting.step", token=draft_token, step="settings")
        step_urls["review"] = url_for("drafting.review", token=draft_token)
    return {
        "analysis": analysis,
        "groups": _grouped(analysis) if analysis else [],
        "step_urls": step_urls,
        "step_for_part": step_for_part,
        "part_label": part_label,
        "fingerprint": version.fingerprint if petition is not None else None,
        "can_apply": (lambda finding: can_apply(petition, finding)) if petition is not None else None,
        "panel_suffix": version.suffix,
    }


def version_analysis(petition: Petition, version: Version = FIRST):
    """The findings of one version of a whole petition. The first version's include the printed sheets' fit
    (both versions on them when there is a second); the second version's are its own text's."""
    if version.is_second:
        return analyze_petition(version.of(petition))
    return review_analysis(petition)


def _checks_context(draft_token: str | None, petition: Petition, version: Version = FIRST) -> dict:
    """The panel for a draft: the same findings on every page that shows it (review, steps, live check)."""
    return _panel_context(draft_token, version.of(petition), version_analysis(petition, version), version)


def _render_step(draft: Draft, token: str, name: str, form: FlaskForm, *, petition: Petition | None = None,
                 conflict: Petition | None = None, notice: str | None = None, status: int = 200,
                 version: Version = FIRST):
    """One step page. `petition` is the whole petition the page shows (the typed text after a refused save);
    `version` which of its texts the page edits."""
    whole = petition or draft.petition
    stored = version.of(draft.petition)
    shown = version.of(whole)
    if conflict is not None:
        conflict = version.of(conflict)
    if form.errors.get("csrf_token"):
        # Without CSRFProtect's early refusal the form itself reports it: same message, text kept.
        notice = notice or SESSION_EXPIRED
        form.csrf_token.errors = []
    context = _checks_context(token, whole, version)
    if draft.is_frozen:  # sent to supporters: a suggestion could only be refused (R-EP-7)
        context["can_apply"] = None
    opening, link = prayer_formula(shown)
    titles = STEP_TITLES
    if version.is_second:
        titles = {step: _("%(step)s: %(version)s", step=title, version=version_name(version.lang))
                  for step, title in STEP_TITLES.items() if step != "review"}
        titles["review"] = STEP_TITLES["review"]
    body = render_template(
        f"drafting/{name}.html",
        draft=draft,
        token=token,
        step=name,
        steps=ORDER,
        step_titles=titles,
        version=version,
        panel_url=version.panel_url(token),
        form=form,
        petition=shown,
        petition_json=shown.to_dict(),
        conflict=conflict,
        conflict_text=render(conflict).text if conflict else None,
        typed_text=render(shown).text if conflict else None,
        notice=notice,
        addressee_labels=ADDRESSEE_LABELS,
        written_addressee=stored.addressee.text if stored.addressee.kind == "other" else "",
        formula_opening=opening,
        formula_petitioners=petitioners_of(shown),
        formula_link=link,
        default_petitioners=default_petitioners(shown.language),
        max_clauses=MAX_CLAUSES,
        word_limit=E_PETITION_WORD_LIMIT,
        grievance_opener=GRIEVANCE_OPENER[shown.language],
        **context,
    )
    return body, status


def _typed_petition(draft: Draft, spec: Step, form: FlaskForm, version: Version = FIRST) -> Petition:
    """The whole stored petition with what was just typed on this step (of this version), validated or not."""
    return version.into(draft.petition, spec.apply(version.of(draft.petition), form))


# ----- routes ----------------------------------------------------------------------------------

def _start_page(form: StartForm, notice: str | None = None, status: int = 200):
    # Nothing is checked before a draft is pasted: the panel starts empty.
    return render_template("drafting/start.html", form=form, notice=notice, **_panel_context(None, None)), status


@bp.route("/", methods=["GET", "POST"])
def start():
    form = StartForm()
    if request.method == "POST" and switched_to():
        # The language switch submits this form: the same page in the other language, with what was typed
        # (or pasted) still in the form. Nothing is created until Start.
        return _start_page(form)
    if not form.validate_on_submit():
        notice = SESSION_EXPIRED if form.errors.pop("csrf_token", None) else None
        return _start_page(form, notice, 400 if form.errors else 200)
    kind, language = form.kind.data, form.language.data
    session = get_session()
    if form.how.data == "paste":
        reading = read(form.text.data, language=language)  # a bilingual paste: the chosen version
        petition = reading.petition
        petition.kind, petition.language = kind, language
        # Said in the petition's language, as its findings are.
        notes = [note.text(language) for note in reading.notes]
        if reading.language and reading.language != language:
            names = copy_in(language).language_name
            notes.append(reader_text("notes", "language-chosen-differs", language,
                                     draft=names(reading.language), chosen=names(language)))
        conversion = {
            "input_form": reading.input_form,
            "removed": [r.to_dict(language) for r in reading.removed],
            "replaced": [r.to_dict(language) for r in reading.replaced],
            "notes": notes,
        }
    else:
        petition, conversion = Petition(kind=kind, language=language), None
    try:
        draft, token = Draft.create(session, petition, source_text=form.text.data if conversion else None,
                                    conversion=conversion)
        session.commit()
    except SQLAlchemyError as error:
        save_failed(error)
        return _start_page(form, START_FAILED, 503)
    return redirect(url_for("drafting.welcome", token=token))


@bp.get("/d/<token>/")
def draft_home(token: str):
    draft_for_edit(token)
    return redirect(url_for("drafting.step", token=token, step="addressee"))


@bp.get("/d/<token>/welcome")
def welcome(token: str):
    draft = draft_for_edit(token)
    return render_template(
        "drafting/welcome.html",
        draft=draft,
        token=token,
        edit_url=url_for("drafting.step", token=token, step="addressee", _external=True),
        review_url=url_for("drafting.sponsor_review", review_token=draft.review_token, _external=True),
        conversion=draft.conversion,
    )


@bp.route("/d/<token>/<any(addressee, petitioners, grievances, prayer, settings):step>", methods=["GET", "POST"])
def step(token: str, step: str):
    return _step(token, step, FIRST)


@bp.route("/d/<token>/<any(en, fr):lang>/<any(addressee, petitioners, grievances, prayer):step>",
          methods=["GET", "POST"])
def second_step(token: str, lang: str, step: str):
    """A step of the second-language version: the same form, on that version's text."""
    draft = draft_for_edit(token)
    if lang == draft.petition.language:  # the petition itself is in that language
        return redirect(url_for("drafting.step", token=token, step=step))
    return _step(token, step, Version(lang))


def _step(token: str, step: str, version: Version):
    draft = draft_for_edit(token)
    spec = STEPS[step]
    if request.method == "GET":
        data = {**spec.load(version.of(draft.petition)), "version": draft.version}
        if step == "settings":
            data.update({name: getattr(draft, name) for name in DETAILS})
        form = spec.form(data=data)
        return _render_step(draft, token, step, form, version=version)

    form = spec.form()
    if step == "addressee" and request.form.get(STEP_LOOKUP_BUTTON):
        # The MP lookup without JavaScript posts this step's fields with it: the page again as typed, unsaved
        # and unjudged, with the Members for the postal code (templates/sponsors/_mp_lookup.html).
        return _render_step(draft, token, step, form, petition=_typed_petition(draft, spec, form, version),
                            version=version)
    action = list_action(request.form) if step == "grievances" else None
    if not form.validate_on_submit():
        typed = _typed_petition(draft, spec, form, version)
        return _render_step(draft, token, step, form, petition=typed, status=400, version=version)

    edited = spec.apply(version.of(draft.petition), form)
    if step == "grievances":
        clauses = edited.grievances
        if action is None:
            # Saving drops empty boxes: a blank clause is not part of the petition.
            clauses = [c for c in clauses if c.strip()]
        else:
            clauses = apply_action(clauses, action)
        edited.grievances = clauses
    petition = version.into(draft.petition, edited)

    session = get_session()
    try:
        draft.save(session, petition, form.loaded_version())
        if step == "settings":
            _save_details(draft, form.details())
        session.commit()
    except StaleDraft as stale:
        session.rollback()
        current = draft_for_edit(token)
        form.version.data = str(current.version)  # a second Save now knowingly keeps the typed text
        return _render_step(current, token, step, form, petition=_typed_petition(current, spec, form, version),
                            conflict=stale.draft.petition, notice=CONFLICT, status=409, version=version)
    except VersionBudgetExceeded:
        session.rollback()
        return _render_step(draft, token, step, form, petition=petition, notice=VERSIONS_FULL, status=409,
                            version=version)
    except SQLAlchemyError as error:
        # A locked, read-only or unreachable database: say so and keep the typed text on screen.
        save_failed(error)
        return _render_step(draft, token, step, form, petition=petition, notice=SAVE_FAILED, status=503,
                            version=version)

    chosen = request.form.get("finding")
    if chosen and action is None:
        # "Apply suggestion" in the step's panel: the typed text is saved (above), then the suggestion goes in.
        _apply_after_save(draft_for_edit(token), chosen)
        return redirect(version.url(token, step))
    if action is not None:
        name, index = action
        anchor = None
        if name == "add":
            anchor = f"grievance-{len(edited.grievances)}"
        elif index is not None and name.startswith("move"):
            moved_to = index - 1 if name == "move_up" else index + 1
            moved_to = min(max(moved_to, 0), max(len(edited.grievances) - 1, 0))
            anchor = f"grievance-{moved_to + 1}"
        return redirect(version.url(token, step, _anchor=anchor))
    if switched_to():  # the language switch saved the page; show it again in the language chosen
        return redirect(version.url(token, step))
    if request.form.get("next"):
        # A link out of the step (the site's name, "Change this", "Back to the review") is a button of this
        # form: the typed text is saved first, then the person goes where the link pointed (on this site only).
        return redirect(safe_next(request.form.get("next")))
    goto = request.form.get("goto")
    if goto in ORDER:  # a step chosen in the progress bar, reached after the save
        return redirect(version.url(token, goto))
    if step not in ORDER:
        return redirect(url_for("drafting.review", token=token))
    position = ORDER.index(step)
    if form.back.data:
        if position == 0:
            if version.is_second:
                return redirect(url_for("drafting.second_version", token=token, lang=version.lang))
            return redirect(url_for("drafting.welcome", token=token))
        return redirect(version.url(token, ORDER[position - 1]))
    return redirect(version.url(token, ORDER[position + 1]))


def _save_details(draft: Draft, details: dict) -> None:
    """The organizer's details from the settings step. They are not the petition: changing them makes no new
    version, so the text's fingerprint and a sponsor's "ready on version N" stay as they were."""
    changed = {name: value for name, value in details.items() if getattr(draft, name) != value}
    for name, value in changed.items():
        setattr(draft, name, value)
    if changed:
        draft.updated_at = _models_now()


# ----- a new draft copied from this one ----------------------------------------------------------------
# Where the edits of a draft sent to supporters go (the House forbids changing its text, R-EP-7); the frozen
# pages offer it (templates/handoff/_frozen.html). From a step page, the button belongs to the step's form.

def _copy_source(draft: Draft) -> tuple[Step, Version] | None:
    """The step (and version) a copy was asked from, when it carries that step's fields."""
    spec = STEPS.get(request.args.get("step", ""))
    if spec is None:
        return None
    lang = request.args.get("lang", "")
    return spec, (Version(lang) if lang in LANGUAGES and lang != draft.petition.language else FIRST)


@bp.post("/d/<token>/copy")
def copy(token: str):
    """A new draft with this draft's petition (both versions) and new links, shown once as on creation; from a
    step page, with what was typed there put in."""
    draft = draft_for_edit(token)
    petition = draft.petition
    source = _copy_source(draft)
    if source is not None:
        spec, version = source
        typed = spec.form()
        if not typed.validate():
            # A box over its limit: the step again with the box marked; no draft made, nothing lost.
            return _render_step(draft, token, spec.name, typed, petition=_typed_petition(draft, spec, typed, version),
                                status=400, version=version)
        edited = spec.apply(version.of(petition), typed)
        if spec.name == "grievances":
            edited.grievances = [c for c in edited.grievances if c.strip()]
        petition = version.into(petition, edited)
    elif not CopyForm().validate_on_submit():
        return _render_review(draft, token, notice=SESSION_EXPIRED, status=400)
    session = get_session()
    try:
        new, new_token = Draft.create(session, petition, source_text=draft.source_text, conversion=draft.conversion)
        for name in DETAILS:  # the organizer's name for it, contact and return details come along
            setattr(new, name, getattr(draft, name))
        session.commit()
    except SQLAlchemyError as error:
        save_failed(error)
        if source is not None:
            return _render_step(draft, token, spec.name, typed, petition=petition, notice=COPY_FAILED, status=503,
                                version=version)
        return _render_review(draft, token, notice=COPY_FAILED, status=503)
    flash(_("This is a new draft copied from version %(version)s of your petition. It has its own links: keep the "
            "edit link below. The draft you copied stays as it was.", version=draft.version), "success")
    return redirect(url_for("drafting.welcome", token=new_token))


# ----- the second-language version -------------------------------------------------------------------

def _second_version_page(draft: Draft, token: str, lang: str, form: SecondVersionForm | None = None,
                         remove_form: RemoveSecondVersionForm | None = None, notice: str | None = None,
                         status: int = 200):
    petition = draft.petition
    return render_template(
        "drafting/second_version.html", draft=draft, token=token, lang=lang, petition=petition,
        second=petition.second(), version_label=version_name(lang), version=Version(lang),
        form=form or SecondVersionForm(data={"version": draft.version}),
        remove_form=remove_form or RemoveSecondVersionForm(data={"version": draft.version}),
        notice=notice,
    ), status


def _loaded_version(form: FlaskForm) -> int:
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return -1


@bp.route("/d/<token>/<any(en, fr):lang>/", methods=["GET", "POST"])
def second_version(token: str, lang: str):
    """Add the petition's version in the other official language: paste it, or write it step by step."""
    draft = draft_for_edit(token)
    petition = draft.petition
    if lang == petition.language:  # the petition itself is in that language
        return redirect(url_for("drafting.review", token=token))
    if request.method == "GET":
        return _second_version_page(draft, token, lang)
    form = SecondVersionForm()
    if switched_to():  # the language switch: the same page in the other language, the pasted text kept
        return _second_version_page(draft, token, lang, form)
    if not form.validate_on_submit():
        notice = SESSION_EXPIRED if form.errors.pop("csrf_token", None) else None
        return _second_version_page(draft, token, lang, form, notice=notice, status=400)
    version = Version(lang)
    if form.how.data == "paste":
        reading = read(form.text.data)
        second = reading.petition
        second.kind, second.language = petition.kind, lang
        if reading.language and reading.language != lang:
            flash(_("This text does not read as French: check that you pasted your French version.") if lang == "fr"
                  else _("This text does not read as English: check that you pasted your English version."),
                  "warning")
    else:
        second = version.of(petition)  # an existing version is kept; a new one starts with the addressee
    session = get_session()
    try:
        draft.save(session, version.into(petition, second), _loaded_version(form))
        session.commit()
    except StaleDraft:
        session.rollback()
        return _second_version_page(draft_for_edit(token), token, lang, form, notice=CONFLICT, status=409)
    except VersionBudgetExceeded:
        session.rollback()
        return _second_version_page(draft, token, lang, form, notice=VERSIONS_FULL, status=409)
    except SQLAlchemyError as error:
        save_failed(error)
        return _second_version_page(draft, token, lang, form, notice=SAVE_FAILED, status=503)
    if form.how.data == "paste":
        return redirect(url_for("drafting.review", token=token, _anchor="second-version-heading"))
    return redirect(version.url(token, "addressee"))


@bp.post("/d/<token>/<any(en, fr):lang>/remove")
def remove_second_version(token: str, lang: str):
    draft = draft_for_edit(token)
    petition = draft.petition
    if lang == petition.language or petition.second_version is None:
        return redirect(url_for("drafting.review", token=token))
    form = RemoveSecondVersionForm()
    if not form.validate_on_submit():
        notice = SESSION_EXPIRED if form.errors.pop("csrf_token", None) else None
        return _second_version_page(draft, token, lang, remove_form=form, notice=notice, status=400)
    session = get_session()
    try:
        draft.save(session, petition.alone(), _loaded_version(form))
        session.commit()
    except StaleDraft:
        session.rollback()
        return _second_version_page(draft_for_edit(token), token, lang, notice=CONFLICT, status=409)
    except VersionBudgetExceeded:
        session.rollback()
        return _second_version_page(draft, token, lang, remove_form=form, notice=VERSIONS_FULL, status=409)
    except SQLAlchemyError as error:
        save_failed(error)
        return _second_version_page(draft, token, lang, remove_form=form, notice=SAVE_FAILED, status=503)
    # Not lost: the draft's earlier version still holds it.
    flash(_("%(version)s removed. Version %(number)s of the draft still holds it.", version=version_name(lang),
            number=draft.version - 1), "success")
    return redirect(url_for("drafting.review", token=token))


@bp.get("/d/<token>/review")
def review(token: str):
    draft = draft_for_edit(token)
    return _render_review(draft, token)


def _paper_size(petition: Petition) -> str | None:
    """The size the download form offers first: one the text fits on (measured once, shared by the workers)."""
    if petition.kind != "paper":
        return None
    from pdf.paper import size_that_fits

    return size_that_fits(petition, pdf_store()) or DEFAULT_PAPER_SIZE


def text_marks(petition: Petition) -> dict:
    """The text's fingerprint as the review page shows it: of the whole text the sheets print by default (both
    versions when there are two), and of each language alone (what a one-language sheet prints)."""
    second = petition.second()
    each = ""
    if second is not None:
        names = copy_in(ui_language()).language_name
        each = ", ".join(
            _("%(language)s only: %(mark)s", language=names(p.language), mark=text_fingerprint(p))
            for p in (petition.alone(), second))
    return {"whole": text_fingerprint(petition), "each": each}


@bp.app_errorhandler(ShowReview)
def _show_review(shown: ShowReview):
    return _render_review(shown.draft, shown.token, notice=shown.notice, status=shown.status, download=shown.download)


def _render_review(draft: Draft, token: str, *, notice: str | None = None, ready_form: ReadyForm | None = None,
                   status: int = 200, download: dict | None = None):
    """The review page; `download` is the paper size and page count last asked for, shown again."""
    petition = draft.petition
    context = _checks_context(token, petition)
    second = _second_context(token, petition)
    if draft.is_frozen:  # sent to supporters: a suggestion could only be refused (R-EP-7)
        context["can_apply"] = None
        if second:
            second["can_apply"] = None
    findings = context["analysis"].findings + (second["analysis"].findings if second else [])
    ready_form = ready_form or ReadyForm(data={"version": draft.version})
    ready_form.version.data = str(draft.version)
    return render_template(
        "drafting/review.html",
        draft=draft,
        token=token,
        step="review",
        steps=ORDER,
        step_titles=STEP_TITLES,
        petition=petition,
        rendered=render(petition).text,
        ready_form=ready_form,
        apply_form=ApplySuggestionForm(data={"version": draft.version}),
        notice=notice,
        paper_size=(download or {}).get("size") or _paper_size(petition),
        paper_sheets=(download or {}).get("sheets", ""),
        review_url=url_for("drafting.sponsor_review", review_token=draft.review_token, _external=True),
        second=second,
        second_language_name=version_name(petition.second_language),
        second_version_url=url_for("drafting.second_version", token=token, lang=petition.second_language),
        # "Mark as ready" weighs both versions: the House reads the petition in each language it is in.
        text_marks=text_marks(petition),
        blocking_errors=sum(1 for f in findings if f.severity == "error"),
        has_warnings=any(f.severity == "warning" for f in findings),
        open_list=open_petitions_for_page(context["analysis"], ui_language()),
        **context,
    ), status


def _second_context(token: str | None, petition: Petition) -> dict | None:
    """The second-language version for the review pages: its text, its name and its own panel."""
    if petition.second_version is None:
        return None
    version = Version(petition.second_language)
    text = version.of(petition)
    return {"petition": text, "rendered": render(text).text, "name": version_name(text.language),
            "version": version, **_checks_context(token, petition, version)}


def _blocking(petition: Petition) -> tuple[list, list]:
    """(errors, warnings) of a whole petition: both versions when it has two."""
    findings = review_analysis(petition).findings
    if petition.second_version is not None:
        findings += version_analysis(petition, Version(petition.second_language)).findings
    return ([f for f in findings if f.severity == "error"], [f for f in findings if f.severity == "warning"])


@bp.post("/d/<token>/apply")
def apply_suggestion(token: str):
    draft = draft_for_edit(token)
    form = ApplySuggestionForm()
    if not form.validate_on_submit():
        return _render_review(draft, token, notice=SESSION_EXPIRED, status=400)
    try:
        version = int(form.version.data)
    except (TypeError, ValueError):
        version = -1
    if version != draft.version:
        return _render_review(draft, token, notice=_(
            "This draft changed in another tab since you opened this page, so the suggestion was not applied. "
            "The page now shows the latest version: check the suggestion again."), status=409)
    petition = draft.petition
    which, finding = _chosen_finding(petition, form.finding.data or "")
    if finding is None:
        return _render_review(draft, token, notice=_("That suggestion no longer applies to this version."), status=409)
    changed = apply_finding(which.of(petition), finding)
    if changed is None:
        target = step_for_part(finding.part)
        if target:
            flash(_("We could not apply that suggestion automatically. Please make the change in the step "
                    "\u201c%(step)s\u201d.", step=STEP_TITLES[target[0]]), "warning")
        else:
            flash(_("We could not apply that suggestion automatically. Please make the change in the steps."),
                  "warning")
        return redirect(url_for("drafting.review", token=token))
    session = get_session()
    try:
        draft.save(session, which.into(petition, changed), version)
        session.commit()
    except StaleDraft:
        session.rollback()
        return _render_review(draft_for_edit(token), token, notice=_("This draft changed in another tab; nothing was applied."),
                              status=409)
    except VersionBudgetExceeded:
        session.rollback()
        return _render_review(draft_for_edit(token), token, notice=VERSIONS_FULL, status=409)
    except SQLAlchemyError as error:
        save_failed(error)
        return _render_review(draft, token, notice=APPLY_FAILED, status=503)
    flash(_("Applied the suggestion for %(rule)s.", rule=finding.rule), "success")
    return redirect(url_for("drafting.review", token=token))


def _chosen_finding(petition: Petition, chosen: str):
    """(version, finding) for an apply button's value: a fingerprint on this petition or its second version."""
    which = FIRST
    if chosen.startswith("second-") and petition.second_version is not None:
        which = Version(petition.second_language)
    finding = next((f for f in analyze_petition(which.of(petition)).findings
                    if is_applicable(f) and which.fingerprint(f) == chosen), None)
    return which, finding


def _apply_after_save(draft: Draft, chosen: str) -> None:
    """Apply the suggestion the step's panel showed for the text just saved; the outcome is flashed."""
    petition = draft.petition
    which, finding = _chosen_finding(petition, chosen)
    changed = apply_finding(which.of(petition), finding) if finding is not None else None
    if changed is None:
        flash(_("Your text is saved. That suggestion no longer applies to it, so nothing else was changed."), "warning")
        return
    session = get_session()
    try:
        draft.save(session, which.into(petition, changed), draft.version)
        session.commit()
    except (StaleDraft, VersionBudgetExceeded, SQLAlchemyError) as error:
        if isinstance(error, SQLAlchemyError):
            save_failed(error)
        else:
            session.rollback()
        flash(_("Your text is saved, but the suggestion could not be applied just now: check it again below."),
              "warning")
        return
    flash(_("Applied the suggestion for %(rule)s.", rule=finding.rule), "success")


@bp.post("/d/<token>/ready")
def mark_ready(token: str):
    draft = draft_for_edit(token)
    form = ReadyForm()
    if not form.validate_on_submit():
        return _render_review(draft, token, notice=SESSION_EXPIRED, ready_form=form, status=400)
    if form.version.data != str(draft.version):
        return _render_review(draft, token, notice=_(
            "This draft changed in another tab since you opened this page. Check it again below, then mark it ready."),
            status=409)
    errors, warnings = _blocking(draft.petition)
    if errors:
        return _render_review(draft, token, notice=_(
            "This petition still has errors the House would refuse it for. Fix each one (the links take you "
            "to the right step), then mark it ready."), status=400)
    if warnings and not form.acknowledge.data:
        form.acknowledge.errors = [message("acknowledge")]
        return _render_review(draft, token, ready_form=form, status=400)
    draft.ready_version = draft.version
    try:
        get_session().commit()
    except SQLAlchemyError as error:
        save_failed(error)
        return _render_review(draft, token, notice=READY_FAILED, ready_form=form, status=503)
    flash(_("Version %(version)s is marked ready.", version=draft.version), "success")
    return redirect(url_for("drafting.review", token=token))


@bp.route("/r/<review_token>", methods=["GET", "POST"])
def sponsor_review(review_token: str):
    """The sponsor's read-only page. A POST is only the language switch carrying the answer being typed
    (templates/sponsors/_review_answer.html shows it again, nothing is sent)."""
    draft = draft_for_review(review_token)
    if request.method == "POST" and not switched_to():
        abort(405, valid_methods=["GET"])  # read-only: the answer goes to /r/<review_token>/answer
    petition = draft.petition
    return render_template(
        "drafting/sponsor.html",
        draft=draft,
        petition=petition,
        rendered=render(petition).text,
        text_marks=text_marks(petition),
        second=_second_context(None, petition),
        **_panel_context(None, None, review_analysis(petition)),
    )


# ----- the live panel -------------------------------------------------------------------------------
# static/js/live-check.js posts the form as it stands (nothing is saved) and swaps in the panel these
# return: the same macro as the review page, so the two cannot drift apart. A refusal is a short note
# (data-check-note) the script shows in place of its own words, never a page.

PANEL_ENDPOINTS = ("drafting.panel", "drafting.second_panel", "drafting.start_panel")
JS_STRINGS["live-check-failed"] = _l("Could not check just now. Your text is safe: press Save to check it on the "
                                     "server.")
PANEL_NOT_CHECKED = _l("This text was not checked: %(reason)s Press Save to see which box to correct; "
                       "your text is still in the form.")
PANEL_BAD_POST = _l("This check could not be read. Your text is safe: press Save to check it on the server.")
PANEL_EXPIRED = _l("Your session expired, so this text was not checked. Press Save: your text is kept.")
PANEL_TOO_LARGE = _l("This text is longer than the form accepts, so it was not checked. Press Save to see which "
                     "box to shorten.")


def _panel_note(message: str, status: int):
    body = render_template("drafting/_panel_note.html", message=message)
    return body, status, {"Cache-Control": "no-store"}




def _form_refusal(form: FlaskForm):
    """A 400 note naming what the form refused (a box over its length, ...), as a Save would."""
    errors = [errs for name, errs in form.errors.items() if name != "csrf_token"]
    messages = [m for m in _flatten(errors) if isinstance(m, str)]
    reason = " ".join(m if m.endswith(".") else m + "." for m in messages[:2])
    return _panel_note(PANEL_NOT_CHECKED % {"reason": reason}, 400)


def _flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from _flatten(item)
        elif isinstance(item, dict):
            yield from _flatten(list(item.values()))
        else:
            yield item


@reshows("drafting.panel", "drafting.second_panel", "drafting.start_panel")
def _panel_limited(notice: str, status: int):
    # The live check is refused with a note the panel's script shows; the typed text never left the page.
    return _panel_note(notice, status)


@bp.post("/d/<token>/panel")
def panel(token: str):
    """The findings panel for a step as typed: the step's own form (with `step` naming it), nothing saved."""
    return _live_panel(token, FIRST)


@bp.post("/d/<token>/<any(en, fr):lang>/panel")
def second_panel(token: str, lang: str):
    """The same for a step of the second-language version."""
    return _live_panel(token, Version(lang))


# The id of a step page's form: its links out ("Change this", the site's name) are buttons of it, so leaving
# saves first (templates/drafting/_step.html).
STEP_FORM = "draft-form"


def _live_panel(token: str, version: Version):
    try:
        draft = draft_for_edit(token)
    except HTTPException:
        return _panel_note(NO_DRAFT, 404)
    spec = STEPS.get(request.form.get("step", ""))
    if spec is None or (version.is_second and (spec.name not in ORDER or version.lang == draft.petition.language)):
        return _panel_note(PANEL_BAD_POST, 400)
    form = spec.form()
    if not form.validate():
        return _form_refusal(form)
    petition = _typed_petition(draft, spec, form, version)
    context = _checks_context(token, petition, version)
    if draft.is_frozen:  # as on the page it updates: no suggestion to apply to a text sent to supporters
        context["can_apply"] = None
    body = render_template("drafting/_panel.html", **context, leave_form=STEP_FORM)
    # The body is someone's unpublished petition.
    return body, 200, {"Cache-Control": "no-store"}


@bp.post("/start/panel")
def start_panel():
    """The start page's panel for a pasted draft; 204 when there is nothing to check yet."""
    form = StartForm()
    form.validate()
    if form.how.data != "paste" or not (form.text.data or "").strip():
        return "", 204, {"Cache-Control": "no-store"}
    errors = {name: errs for name, errs in form.errors.items() if name != "csrf_token"}
    if errors:
        return _form_refusal(form)
    kind = form.kind.data if form.kind.data in KINDS else "e-petition"
    language = form.language.data if form.language.data in LANGUAGES else None
    body = render_template("drafting/_panel.html",
                           **_panel_context(None, None, analyze_text(form.text.data, kind=kind, language=language)))
    return body, 200, {"Cache-Control": "no-store"}


@bp.errorhandler(413)
def too_large(error: HTTPException):
    if request.endpoint in PANEL_ENDPOINTS:
        return _panel_note(PANEL_TOO_LARGE, 413)
    return handle_http_error(error)


@bp.errorhandler(CSRFError)
def csrf_expired(error: CSRFError):
    """A form left open until its token expired: show it again with the text kept and a fresh token."""
    try:
        return _csrf_expired_page()
    except HTTPException as inner:  # a dead link: abort() inside an error handler would be a 500
        return handle_http_error(inner)
    except SQLAlchemyError as failure:  # likewise for a database that fails meanwhile
        return database_unavailable(failure)


@reshows("drafting.start", "drafting.step", "drafting.apply_suggestion", "drafting.mark_ready",
         "drafting.second_step", "drafting.second_version", "drafting.remove_second_version", "drafting.copy",
         *PANEL_ENDPOINTS)
def reshow_posted(notice: str, status: int):
    """The page a refused POST came from, with what was typed still in its fields and `notice` above them
    (an expired session, a rate limit); None when there is no such page."""
    endpoint = request.endpoint
    args = request.view_args or {}
    if endpoint in PANEL_ENDPOINTS:  # the live check: a note in the panel, the text stays in the form
        return _panel_note(PANEL_EXPIRED if status == 400 else notice, status)
    if endpoint == "drafting.start":
        return _start_page(StartForm(), notice, status)
    if endpoint == "drafting.step":
        draft = draft_for_edit(args["token"])
        spec = STEPS[args["step"]]
        form = spec.form()
        form.validate()  # field messages (too long, ...) appear along with the notice; nothing is saved
        return _render_step(draft, args["token"], args["step"], form, petition=_typed_petition(draft, spec, form),
                            notice=notice, status=status)
    if endpoint == "drafting.second_step":
        draft = draft_for_edit(args["token"])
        spec, version = STEPS[args["step"]], Version(args["lang"])
        form = spec.form()
        form.validate()
        return _render_step(draft, args["token"], args["step"], form, notice=notice, status=status, version=version,
                            petition=_typed_petition(draft, spec, form, version))
    if endpoint in ("drafting.second_version", "drafting.remove_second_version"):
        draft = draft_for_edit(args["token"])
        if endpoint == "drafting.second_version":
            return _second_version_page(draft, args["token"], args["lang"], SecondVersionForm(), notice=notice,
                                        status=status)
        return _second_version_page(draft, args["token"], args["lang"], remove_form=RemoveSecondVersionForm(),
                                    notice=notice, status=status)
    if endpoint == "drafting.copy":
        draft = draft_for_edit(args["token"])
        source = _copy_source(draft)
        if source is None:
            return _render_review(draft, args["token"], notice=notice, status=status)
        spec, version = source
        form = spec.form()
        form.validate()
        return _render_step(draft, args["token"], spec.name, form, notice=notice, status=status, version=version,
                            petition=_typed_petition(draft, spec, form, version))
    if endpoint in ("drafting.apply_suggestion", "drafting.mark_ready"):
        return _render_review(draft_for_edit(args["token"]), args["token"], notice=notice, status=status)
    return None


def _csrf_expired_page():
    page = reshow_posted(SESSION_EXPIRED, 400)
    if page is not None:
        return page
    flash(SESSION_EXPIRED, "warning")
    return redirect(url_for("drafting.start"))
