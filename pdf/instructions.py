"""The volunteer instructions: a separate document, never part of the petition
(R-SIG-2 puts instructions on a cover note, R-ATT-1 bars them from the sheets).
In the petition's language, from the catalogue (templates/pdf/instructions.html)."""
from __future__ import annotations

from petition.catalogue import copy_in
from petition.limits import ADVISED_PAPER_SIGNATURES, MIN_PAPER_SIGNATURES

from . import renderer

CSS = ("base", "instructions")


def instructions_pdf(language: str = "en", send_to: str | None = None, store=None) -> bytes:
    """Instructions PDF; `send_to` is the office the signed sheets go to (e.g. the presenting MP's).
    `store` (pdf.store) shares it with the other worker processes."""
    copy = copy_in(language)
    office = [line.strip() for line in (send_to or "").splitlines() if line.strip()]
    return renderer.render_pdf(
        "pdf/instructions.html", CSS, None, lang=copy.lang,
        title=copy.gettext("Instructions for volunteers collecting signatures"),
        min_signatures=MIN_PAPER_SIGNATURES, advised=ADVISED_PAPER_SIGNATURES, send_to=office, store=store,
    )
