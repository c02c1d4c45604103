"""The sponsor-review PDF: page 1 is the petition exactly as the House publishes
it (petition.formulae.render); then the compliance report a sponsor's office can
approve or send back from. A petition with errors still gets one: that is its point.
The report is in the petition's language, from the catalogue.
"""
from __future__ import annotations

from datetime import date

from petition.catalogue import N_, copy_in
from petition.limits import E_PETITION_WORD_LIMIT
from petition.model import Finding

from . import renderer
from .documents import DocumentInfo, marks

CSS = ("base", "review")

# What the sponsor's office and the Clerk look at, and the rule families behind each.
CHECKLIST = (
    ("addressee", ("R-ADDR-",)),
    ("request", ("R-PRAY-", "R-STR-")),
    ("temperate", ("R-LANG-",)),
    ("federal", ("R-SUBJ-",)),
    ("extraneous", ("R-URL-", "R-ATT-", "R-CONTACT-")),
    ("length", ("R-LEN-",)),
)
# A paper petition has no word limit (R-LEN-2); its length question is whether page 1
# holds the whole text with signature rows under it (R-PAP-*).
PAPER_LENGTH_ITEM = ("length_paper", ("R-LEN-", "R-PAP-"))

CHECK_TEXT = {
    "addressee": N_("Addressed to the House, the Government, a Minister or a Member"),
    "request": N_("Worded as a request, not a demand"),
    "temperate": N_("Respectful, temperate language"),
    "federal": N_("A federal subject, not before the courts"),
    "extraneous": N_("No URLs, attachments or contact details"),
    "length": N_("Within the %(limit)s-word limit"),
    "length_paper": N_("No word limit on paper; the whole text fits on page 1 with signature rows"),
}
STATUS_TEXT = {"pass": N_("\u2714 passes"), "check": N_("? check"), "fail": N_("\u2718 fails")}
SEVERITY_TEXT = {"error": N_("error"), "warning": N_("warning"), "info": N_("note")}


def checklist(findings: list[Finding], kind: str = "e-petition") -> list[tuple[str, str]]:
    """(item, status) for each checklist item: fail on an error, check on a warning, else pass."""
    items = CHECKLIST if kind != "paper" else CHECKLIST[:-1] + (PAPER_LENGTH_ITEM,)
    out = []
    for item, prefixes in items:
        related = [f for f in findings if f.rule.startswith(prefixes)]
        if any(f.severity == "error" for f in related):
            status = "fail"
        elif any(f.severity == "warning" for f in related):
            status = "check"
        else:
            status = "pass"
        out.append((item, status))
    return out


def _blocks(rendered_text: str) -> list[str]:
    return [line for line in rendered_text.split("\n") if line.strip()]


def review_context(analysis, store=None, today: date | None = None, document: DocumentInfo | None = None) -> dict:
    petition = analysis.petition
    copy = copy_in(petition.language)
    _ = copy.gettext
    wc = analysis.word_count
    if wc.limit is None:
        words = _("%(counted)s; no word limit on paper (R-LEN-2)", counted=wc.counted)
    else:
        words = _("%(counted)s of %(limit)s", counted=wc.counted, limit=wc.limit)
        if wc.upper_bound != wc.counted:
            words += " (" + _("up to %(upper)s if hyphenated words and elisions count twice",
                              upper=wc.upper_bound) + ")"
    lines = _blocks(analysis.rendered.text)
    findings = list(analysis.findings)
    if analysis.kind == "paper":
        # Whether page 1 holds the text and the signature rows is measured, not guessed.
        from .paper import paper_fit_report

        findings += paper_fit_report(petition, store)
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    heading = lines[0] if lines else ""
    return {
        "lang": copy.lang, "message_lang": copy_in(analysis.message_language).lang, "title": _("Sponsor review: %(heading)s", heading=heading),
        "heading": heading, "body": lines[1:],
        "checked_on": copy.date(today or date.today()),
        "marks": marks(document, copy), "fingerprint": document.fingerprint if document else None,
        "words": words, "over": bool(getattr(wc, "over_limit", False)),
        "summary": copy.ngettext("%(num)s error", "%(num)s errors", errors) + ", "
        + copy.ngettext("%(num)s warning", "%(num)s warnings", warnings),
        "checklist": [(_(CHECK_TEXT[item], limit=E_PETITION_WORD_LIMIT), status, _(STATUS_TEXT[status]))
                      for item, status in checklist(findings, analysis.kind)],
        "severities": {key: _(text) for key, text in SEVERITY_TEXT.items()},
        # What was left out has its own table below; listing it among the findings too said it twice.
        "findings": [f for f in findings if f.part != "removed"],
        "removed": [r.to_dict(analysis.message_language) for r in analysis.removed],
    }


def review_pdf(analysis, store=None, today: date | None = None, document: DocumentInfo | None = None) -> bytes:
    """Sponsor-review PDF bytes for a petition.analysis.Analysis (cached by content; `store`, a pdf.store,
    shares the PDF and the paper fit with the other worker processes). `document` names the draft, its
    version and status and the text's fingerprint in every page's header and footer."""
    if document is not None and document.generated is None and today is not None:
        document = DocumentInfo(document.name, document.fingerprint, document.version, document.status, today)
    return renderer.render_pdf("pdf/review.html", CSS, None, store=store,
                               **review_context(analysis, store, today, document))
