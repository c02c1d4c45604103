"""R-ADDR-1 / R-ADDR-2: one of the four addressees the House allows, named the same way throughout."""
from __future__ import annotations

import re

from ..addressees import classify_addressee, minister_key, not_allowed
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


# "the Prime Minister and Premier Eby", « au premier ministre et au maire »: each one named.
_JOIN = re.compile(r"\s*(?:,\s*(?:and|et)?|\band\b|\bet\b|&)\s*", re.I)


def _pieces(written: str) -> list[str]:
    pieces = [p for p in _JOIN.split(written) if p and p.strip()]
    return pieces if len(pieces) > 1 else [written]


def _not_allowed(written: str):
    """(finding code, the allowed addressee that fits, the piece at fault) when `written` is or holds an addressee the
    House does not allow; None when it names only allowed ones or is unknown."""
    pieces = _pieces(written)
    verdicts = [(not_allowed(p), p) if classify_addressee(p).kind == "other" else (None, p) for p in pieces]
    found, piece = next((v for v in verdicts if v[0] is not None), (None, ""))
    if found is None:
        return None
    # "the Prime Minister and Premier Eby": the allowed one already named fits best.
    allowed = next((classify_addressee(p) for p in pieces if classify_addressee(p).kind != "other"), None)
    code = "addressee-not-allowed" if found.severity == "error" else "addressee-department"
    return code, allowed or found.suggestion, piece


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
        verdict = _not_allowed(written)
        if not written:
            yield ctx.finding("addressee-missing", part, *whole)
        elif verdict is not None:
            code, suggested, _ = verdict
            yield ctx.finding(code, part, *span, excerpt=written, suggestion=addressee_text(suggested, lang))
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
    # Whoever a request asks that the petition's addressee is not: an addressee the House does not
    # allow is an error wherever it is written, with the allowed one that fits (R-ADDR-1); the
    # petition's own addressee was reported above.
    reported = {_not_allowed(addressee.text)[2].casefold()} if addressee.kind == "other" and _not_allowed(
        addressee.text) else set()
    seen: set[str] = set()
    for key, said in written.items():
        if not key.startswith(("prayer", "heading", "attention")) or not said or said.casefold() in seen:
            continue
        seen.add(said.casefold())  # the same addressee asked a hundred times is checked once
        if addressee.kind == "other" and classify_addressee(said) == addressee:
            continue  # the petition's own addressee, reported above
        verdict = _not_allowed(said)
        if verdict is None or any(verdict[2].casefold() in r or r in verdict[2].casefold() for r in reported):
            continue  # "à Sa Majesté" in the request after "Sa Majesté le roi" in the heading: said once
        reported.add(verdict[2].casefold())
        code, suggested, piece = verdict
        s, e = ctx.written_at(key, piece)
        yield ctx.finding(code, None, s, e, part_name="addressee", excerpt=" ".join(piece.split()),
                          suggestion=addressee_text(suggested, lang))
    heading, prayer = written.get("heading"), written.get("prayer")
    several = [w for w in (heading, prayer) if w and _names_several(w)]
    if several:
        # The draft names two addressees where the House form has one: say so once.
        if not reported_several:
            yield ctx.finding("several-addressees", part, *whole, excerpt=several[0])
    elif heading and prayer and not _same(classify_addressee(heading), classify_addressee(prayer)):
        yield ctx.finding("addressee-mismatch", part, 0, 0 if part is None else len(part.text),
                          excerpt=heading, heading=heading, prayer=prayer)
