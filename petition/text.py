"""Characters that are in a typed or pasted text but never in a printed petition.

Control characters (a pasted NUL, bell or terminal colour code), zero-width spaces,
byte-order marks and the bidirectional marks, embeddings, overrides and isolates: one
U+202E prints the rest of its line backwards, the House's fixed wording included.
Tabs and line breaks are layout, and the zero-width joiners some scripts and emoji need
are kept. The checker reports these (R-TEXT-1), the forms drop them as they are typed,
and `printable` takes them out of anything rendered, printed or published.
"""
from __future__ import annotations

import copy

import regex

from .model import Petition

# Every control (Cc) and format (Cf) character, and the combining grapheme joiner, except
# tab, line breaks and the zero-width (non-)joiners; Cf also covers the word joiner and
# invisible operators (U+2060-2064), the Mongolian vowel separator, interlinear annotation
# marks, tag characters and the soft hyphen.
INVISIBLE = regex.compile(r"[[\p{Cc}\p{Cf}\u034f]--[\t\n\r\u200c\u200d]]", regex.V1)


def strip_invisible(text: str) -> str:
    return INVISIBLE.sub("", text)


def _fields(petition: Petition) -> list[str]:
    a = petition.addressee
    return [a.title, a.name, a.riding, a.text, petition.petitioners or "", petition.prayer, *petition.grievances]


def invisible_in(petition: Petition) -> list[str]:
    """Every invisible character in the petition's own words, in order."""
    return [m.group() for text in _fields(petition) if text for m in INVISIBLE.finditer(text)]


def printable(petition: Petition) -> Petition:
    """The petition without invisible characters (the same object when it has none)."""
    if not any(INVISIBLE.search(text) for text in _fields(petition) if text):
        return petition
    clean = copy.deepcopy(petition)
    a = clean.addressee
    a.title, a.name, a.riding, a.text = (strip_invisible(v) for v in (a.title, a.name, a.riding, a.text))
    if clean.petitioners:
        clean.petitioners = strip_invisible(clean.petitioners)
    clean.prayer = strip_invisible(clean.prayer)
    clean.grievances = [strip_invisible(g) for g in clean.grievances]
    return clean
