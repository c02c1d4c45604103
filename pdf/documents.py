"""What the organizer's documents say about themselves: the draft's name, its version, the date the PDF was
made, its status and the text's fingerprint, in the header and footer of every page (@page margin boxes).

These are the organizer's documents (the sponsor-review PDF, the volunteer instructions, the cover letter).
The signature sheets are the petition itself and carry none of this: only their page number and the text's
fingerprint (templates/pdf/paper.html, R-ATT-1).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from petition.catalogue import N_, Copy

# The statuses a draft can have (web.models.Draft.status; the hand-off adds "sent").
STATUS_TEXT = {"draft": N_("Status: draft"), "ready": N_("Status: ready"), "sent": N_("Status: sent")}


@dataclass(frozen=True)
class DocumentInfo:
    """`version` and `status` are None for a PDF made from a file (the command line): there is no draft."""

    name: str
    fingerprint: str
    version: int | None = None
    status: str | None = None
    generated: date | None = None


def css_string(text: str) -> Markup:
    """`text` as a quoted CSS string for a margin box's `content`. Every character but ASCII letters, digits and
    spaces is written as a hex escape, so a draft's name can never end the string or the rule, and the escaped
    text needs no HTML escaping inside <style>. CSS takes the one space after an escape as its end: each escape
    is followed by one, so the space typed after it stays."""
    body = "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):06x} " for c in text)
    return Markup(f'"{body}"')


def marks(info: DocumentInfo | None, copy: Copy) -> dict | None:
    """The words of the header and footer in the document's language (templates/pdf/_document_marks.html)."""
    if info is None:
        return None
    _ = copy.gettext
    top_right = []
    if info.version is not None:
        top_right.append(_("Version %(version)s", version=info.version))
    if info.status:
        top_right.append(_(STATUS_TEXT[info.status]))
    return {
        "name": info.name,
        "top_right": " \u00b7 ".join(top_right),
        "generated": _("Generated on %(date)s", date=copy.date(info.generated or date.today())),
        "fingerprint": _("Text %(fingerprint)s", fingerprint=info.fingerprint),
    }
