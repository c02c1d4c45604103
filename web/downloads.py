"""PDF downloads: the sponsor-review PDF, the paper petition, its cover letter and volunteer instructions.

WeasyPrint is imported on the first download, not at start-up; the start-up
check for libharfbuzz-subset runs when the blueprint is registered.
"""
from __future__ import annotations

from flask_babel import gettext as _, lazy_gettext as _l

from flask import Blueprint, Response, abort, render_template, request
from sqlalchemy.exc import SQLAlchemyError

from petition.analysis import analyze_petition
from petition.catalogue import copy_in, lang_of
from petition.fingerprint import fingerprint
from petition.formulae import heading
from petition.house_form import request_sentence
from petition.limits import (
    ADVISED_PAPER_SIGNATURES, DEFAULT_PAPER_SIZE, MAX_SHEETS, MIN_PAPER_SIGNATURES, MIN_SHEETS, PAPER_SIZES,
)
from petition.model import Petition, Removed
from web.db import get_session
from web.links import draft_for_edit, draft_for_review
from web.models import Draft
from web.pdfcache import pdf_store
from web.sponsoring import presenting_member, return_address
from web.models import PrintRun
from web.notices import ShowReview
from web.unavailable import save_failed
from pdf.documents import DocumentInfo

bp = Blueprint("downloads", __name__)

# The paper sizes as the download form names them, in the language of the screens.
PAPER_SIZE_LABELS = {
    "letter": _l("Letter (8.5 x 11 in)"),
    "legal": _l("Legal (8.5 x 14 in)"),
    "half-letter": _l("Half-letter (5.5 x 8.5 in)"),
    "tabloid": _l("Tabloid (11 x 17 in)"),
}


def paper_size_label(name: str) -> str:
    return str(PAPER_SIZE_LABELS.get(name) or PAPER_SIZES[name]["label"])


PRINT_NOT_RECORDED = _l("The signature sheets were not downloaded: we could not record which version is being "
                        "printed just now. Your choices are kept below: press Download again in a moment.")


@bp.record_once
def _set_up(state) -> None:
    from pdf.renderer import check_harfbuzz_subset  # logs a warning with the apt package to install

    check_harfbuzz_subset()


@bp.app_context_processor
def _options() -> dict:
    """What the download form on the review page offers (templates/pdf/_downloads.html)."""
    return {"pdf_options": {"sizes": {name: paper_size_label(name) for name in PAPER_SIZES}, "default_size": DEFAULT_PAPER_SIZE, "min_sheets": MIN_SHEETS,
                            "max_sheets": MAX_SHEETS, "advised": ADVISED_PAPER_SIGNATURES[1]},
            "printed_versions": lambda draft: PrintRun.printed_versions(get_session(), draft.id)}


def document_info(draft: Draft) -> DocumentInfo:
    """What every organizer's PDF says about the draft in its header and footer (pdf/documents.py)."""
    return DocumentInfo(name=draft.label(), fingerprint=fingerprint(draft.petition), version=draft.version,
                        status=draft.status)


def _pdf(pdf: bytes, filename: str, **headers) -> Response:
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store", **headers})


def _review_response(draft: Draft) -> Response:
    from pdf.review import review_pdf

    analysis = analyze_petition(draft.petition)
    # What the converter left out of the pasted draft belongs in the sponsor's report too.
    analysis.removed = [Removed(**item) for item in (draft.conversion or {}).get("removed", [])]
    return _pdf(review_pdf(analysis, store=pdf_store(), document=document_info(draft)),
                f"petition-review-v{draft.version}.pdf",
                **{"X-Petition-Version": str(draft.version)})


@bp.get("/d/<token>/review.pdf")
def review(token: str):
    return _review_response(draft_for_edit(token))


@bp.get("/r/<review_token>/review.pdf")
def sponsor_review(review_token: str):
    return _review_response(draft_for_review(review_token))


@bp.get("/d/<token>/paper.pdf")
def paper(token: str):
    """The signature sheets. `version` re-prints an earlier version exactly, so sheets never differ."""
    draft = draft_for_edit(token)
    if draft.kind != "paper":
        abort(404, description=_("Signature sheets are for paper petitions: change the kind in the settings step."))
    size = request.args.get("size", DEFAULT_PAPER_SIZE)
    if size not in PAPER_SIZES:
        abort(400, description=_("Choose a paper size the House accepts: %(sizes)s.",
                                 sizes=", ".join(str(paper_size_label(name)) for name in PAPER_SIZES)))
    sheets = request.args.get("sheets", "").strip()
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if sheets and not (sheets.isdecimal() and MIN_SHEETS <= int(sheets) <= MAX_SHEETS):
        abort(400, description=_("The number of pages must be a whole number from %(min)s to %(max)s.", min=MIN_SHEETS,
                                 max=MAX_SHEETS))
    version = request.args.get("version", "").strip()
    if version and not version.isdecimal():
        abort(400, description=_("The version must be a whole number: use the download button on the review page."))
    number = int(version) if version else draft.version
    petition = draft.snapshot(number) if number != draft.version else draft.petition
    if petition is None:
        abort(404, description=_("This draft has no version %(version)s.", version=version))
    printed, findings, languages = _sheets_text(petition, request.args.get("languages", "").strip())
    from pdf.paper import PaperRefused, paper_pdf

    try:
        result = paper_pdf(printed, findings=findings, size=size, sheets=int(sheets) if sheets else None,
                           store=pdf_store())
    except PaperRefused as refused:
        # A page of its own: the reasons are in the petition's language and the way back is to the review.
        return render_template("pdf/refused.html", findings=refused.findings, token=token,
                               lang=lang_of(petition.language)), 409
    session = get_session()
    try:
        if PrintRun.record(session, draft.id, number, result.text_sha256, size, result.sheets):
            session.commit()
    except SQLAlchemyError as error:
        # Sheets whose version is not on record could later be combined with another version's (R-PAP-3):
        # none are handed out until the record is written.
        save_failed(error)
        raise ShowReview(draft, token, PRINT_NOT_RECORDED, 503,
                         download={"size": size, "sheets": sheets, "languages": request.args.get("languages", "")})
    # A draft with a version in each language names which the sheets carry.
    named = f"-{languages}" if petition.second_version is not None else ""
    return _pdf(result.pdf, f"petition-v{number}-{size}{named}.pdf", **{
        "X-Petition-Version": str(number), "X-Petition-Text-SHA256": result.text_sha256})


def _sheets_text(petition: Petition, languages: str) -> tuple[Petition, list, str]:
    """(what the sheets print, the findings that must not be errors, its name) for `languages`: "both" (the
    petition and its second-language version on each sheet, the default when it has one), or one language."""
    second = petition.second()
    languages = languages or ("both" if second else petition.language)
    if languages == "both" and second:
        findings = analyze_petition(petition.alone()).findings + analyze_petition(second).findings
        return petition, findings, f"{petition.language}-{second.language}"
    if languages == petition.language:
        return petition.alone(), analyze_petition(petition).findings, languages
    if second and languages == second.language:
        return second, analyze_petition(second).findings, languages
    abort(400, description=_("Choose the languages the sheets are printed in: the petition's own, or both when "
                             "it has a version in the other language."))


# ----- the paper petition's cover letter and volunteer instructions ------------------------------------



@bp.get("/d/<token>/cover-letter.pdf")
def cover_letter(token: str):
    draft = draft_for_edit(token)
    member = presenting_member(draft)
    if draft.kind != "paper" or member is None or not member.office_postal.strip():
        abort(404, description=_("A cover letter needs a paper petition and a presenting Member with an office "
                                 "address: choose the Member on the \u201cMembers to ask\u201d page first."))
    from pdf.documents import marks
    from pdf.renderer import render_pdf  # WeasyPrint loads only when a PDF is asked for

    petition = draft.petition
    pdf = render_pdf("pdf/cover_letter.html", lang=lang_of(petition.language),
                     member=member, office_lines=member.office_postal.strip().splitlines(),
                     heading_text=heading(petition.addressee, petition.language),
                     prayer=request_sentence(petition), min_signatures=MIN_PAPER_SIGNATURES,
                     contact=[line.strip() for line in (draft.organizer_contact or "").splitlines() if line.strip()],
                     marks=marks(document_info(draft), copy_in(petition.language)), store=pdf_store())
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="cover-letter.pdf"', "Cache-Control": "no-store"})


@bp.get("/d/<token>/volunteer-instructions.pdf")
def volunteer_instructions(token: str):
    """The volunteer instructions: the draft's name and fingerprint, who may sign and how, where and by when the
    signed sheets go back, and how to reach the organizer. A Member need not be chosen."""
    draft = draft_for_edit(token)
    if draft.kind != "paper":
        abort(404, description=_("Volunteer instructions are for paper petitions: e-petitions are signed online."))
    from pdf.instructions import instructions_pdf

    pdf = instructions_pdf(draft.language, send_to=return_address(draft), store=pdf_store(),
                           document=document_info(draft), return_date=draft.return_date,
                           contact=draft.organizer_contact)
    return Response(pdf, mimetype="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="volunteer-instructions.pdf"', "Cache-Control": "no-store"})
