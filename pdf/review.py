"""The sponsor-review PDF: page 1 is the petition exactly as the House publishes
it (petition.formulae.render); then the compliance report a sponsor's office can
approve or send back from. A petition with errors still gets one: that is its point.
"""
from __future__ import annotations

from petition.limits import E_PETITION_WORD_LIMIT
from petition.model import Finding

from . import renderer
from .labels import labels

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


def review_context(analysis, store=None) -> dict:
    petition = analysis.petition
    lang = "fr" if petition.language == "fr" else "en"
    L = labels(lang)
    wc = analysis.word_count
    if wc.limit is None:
        words = L["words_paper"].format(counted=wc.counted)
    else:
        words = L["words_of"].format(counted=wc.counted, limit=wc.limit)
        if wc.upper_bound != wc.counted:
            words += " (" + L["words_upper"].format(upper=wc.upper_bound) + ")"
    lines = _blocks(analysis.rendered.text)
    findings = list(analysis.findings)
    if analysis.kind == "paper":
        # Whether page 1 holds the text and the signature rows is measured, not guessed.
        from .paper import paper_fit_report

        findings += paper_fit_report(petition, store)
    errors = [f for f in findings if f.severity == "error"]
    return {
        "lang": lang, "L": L, "title": f"{L['review_title']}: {lines[0] if lines else ''}",
        "heading": lines[0] if lines else "", "body": lines[1:],
        "words": words, "over": bool(getattr(wc, "over_limit", False)),
        "summary": L["summary"].format(errors=len(errors),
                                       warnings=sum(1 for f in findings if f.severity == "warning")),
        "checklist": [(L["checks"][item].format(limit=E_PETITION_WORD_LIMIT), status, L["status"][status])
                      for item, status in checklist(findings, analysis.kind)],
        # What was left out has its own table below; listing it among the findings too said it twice.
        "findings": [f for f in findings if f.part != "removed"],
        "removed": [r.to_dict(analysis.message_language) for r in analysis.removed],
    }


def review_pdf(analysis, store=None) -> bytes:
    """Sponsor-review PDF bytes for a petition.analysis.Analysis (cached by content; `store`, a pdf.store,
    shares the PDF and the paper fit with the other worker processes)."""
    return renderer.render_pdf("pdf/review.html", CSS, None, store=store, **review_context(analysis, store))
