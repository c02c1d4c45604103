"""The volunteer instructions: a separate document, never part of the petition
(R-SIG-2 puts instructions on a cover note, R-ATT-1 bars them from the sheets).
In the petition's language, from the catalogue (templates/pdf/instructions.html)."""
from __future__ import annotations

from datetime import date

from petition.catalogue import copy_in
from petition.limits import ADVISED_PAPER_SIGNATURES, MIN_PAPER_SIGNATURES

from . import renderer
from .documents import DocumentInfo, marks

CSS = ("base", "instructions")


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def instructions_pdf(language: str = "en", send_to: str | None = None, store=None, *,
                     document: DocumentInfo | None = None, return_date: date | None = None,
                     contact: str | None = None) -> bytes:
    """Instructions PDF. `send_to` is where the signed sheets go back (the organizer's return address, or the
    presenting Member's office), `return_date` by when, `contact` how volunteers reach the organizer;
    `document` names the draft and its text's fingerprint. `store` (pdf.store) shares it with the other
    worker processes."""
    copy = copy_in(language)
    return renderer.render_pdf(
        "pdf/instructions.html", CSS, None, lang=copy.lang,
        title=copy.gettext("Instructions for volunteers collecting signatures"),
        min_signatures=MIN_PAPER_SIGNATURES, advised=ADVISED_PAPER_SIGNATURES, send_to=_lines(send_to),
        return_date=copy.date(return_date) if return_date else None, contact=_lines(contact),
        name=document.name if document else None, fingerprint=document.fingerprint if document else None,
        marks=marks(document, copy), store=store,
    )
