"""R-ADDR-1 / R-ADDR-2: one of the four addressees the House allows, named the same way throughout."""
from __future__ import annotations

import re

from ..addressees import classify_addressee, minister_key
from ..formulae import addressee_text
from ..grammar import ADDRESSEE_WORD as _ADDRESSEE_WORD, ALLOWED_ADDRESSEE_CUE as _ALLOWED_CUE, MINISTER_WORD as _MINISTER_WORD
from .context import Context
from .lexicon import compiled

# A second addressee comes with its own article ("... and the Minister of Finance", "et au
# ministre"); "Deputy Prime Minister and Minister of Finance" is one person's two portfolios.
_SEVERAL = re.compile(r"\b(?:and|et)\s+(?:the|le|la|les|l['’]|au|aux|à\s+la|à\s+l['’])", re.I)


def _names_several(written: str) -> bool:
    """"the Minister of Health and the Minister of Finance": two addressees joined by and/et."""
    return len(_ADDRESSEE_WORD.findall(written)) > 1 and bool(_SEVERAL.search(written))


def _same(a, b) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "minister":
        # "the Right Honourable Prime Minister" and "the Prime Minister" are one addressee.
        return minister_key(a.title) == minister_key(b.title) or not a.title or not b.title
    if a.kind == "member":
        return a.name.lower() == b.name.lower() or not a.name or not b.name
    return True


def check(ctx: Context):
    addressee = ctx.petition.addressee
    part = ctx.part("addressee")
    lang = ctx.petition.language
    whole = (0, 0 if part is None else len(part.text))
    reported_several = False
    if addressee.kind == "other":
        written = " ".join((addressee.text or "").split())
        # Point at the addressee as written ("the Queen"), not the whole heading around it.
        at = part.text.find(written) if part is not None and written else -1
        span = (at, at + len(written)) if at >= 0 else whole
        if not written:
            yield ctx.finding("addressee-missing", part, *whole)
        elif compiled("not-addressee").search(written) and not _ALLOWED_CUE.search(written):
            yield ctx.finding("addressee-not-allowed", part, *span, excerpt=written,
                              suggestion=addressee_text(classify_addressee("the Government of Canada"), lang))
        else:
            yield ctx.finding("addressee-unknown", part, *span, excerpt=written)
    elif addressee.kind == "minister":
        title = addressee.title or ""
        if not title.strip() or title.strip().lower() in ("minister", "ministre", "the minister", "le ministre", "la ministre"):
            yield ctx.finding("minister-untitled", part, 0, 0 if part is None else len(part.text))
        elif len(_MINISTER_WORD.findall(title)) > 1 and _SEVERAL.search(title):
            reported_several = True
            yield ctx.finding("several-addressees", part, *whole, excerpt=addressee_text(addressee, lang))
    elif addressee.kind == "member" and not (addressee.name.strip() and addressee.riding.strip()):
        yield ctx.finding("member-incomplete", part, 0, 0 if part is None else len(part.text))

    written = ctx.addressees_written
    heading, prayer = written.get("heading"), written.get("prayer")
    several = [w for w in (heading, prayer) if w and _names_several(w)]
    if several:
        # The draft names two addressees where the House form has one: say so once.
        if not reported_several:
            yield ctx.finding("several-addressees", part, *whole, excerpt=several[0])
    elif heading and prayer and not _same(classify_addressee(heading), classify_addressee(prayer)):
        yield ctx.finding("addressee-mismatch", part, 0, 0 if part is None else len(part.text),
                          excerpt=heading, heading=heading, prayer=prayer)
