"""Nothing a person typed is lost: the reader accounts for every character of a pasted text.

The invariant (both readers keep it, `settle` makes it hold, `problems` checks it):

    Every character of the input that is not whitespace ends up in exactly one place:
    the addressee, the petitioners, a grievance, the request, a `removed` entry (with
    its rule id and a plain reason), or a `replaced` entry (fixed wording that the
    House's form prints in its own words: the "Petition to" heading, "Whereas",
    "We, the undersigned, ... call upon ... to", list numbering).

Two allowances, both on purpose and both documented here:
- punctuation alone between parts (a clause's ";", a bullet "•", "!!!") is the layout
  the House's form sets itself, so a run of punctuation touching no word is not listed;
- formatting the pre-reading pass took off a paste (`petition.unwrap`: HTML tags,
  Markdown marks, Word's bullet glyphs) is `markup`, said once in a note;
- the addressee is a place even where the same words are also inside a removed
  greeting ("Dear Prime Minister,") or a grievance that only mentions it.

"In a place" means more than "inside a span": each word of a petitioners, grievance or
request span (less what a removed or replaced entry inside it took out) is in that
part's text, in order. A reader that cuts a word without an entry breaks the invariant;
`settle`, run last by both readers, turns any text that is in no place into an entry
(fixed House wording becomes `replaced`; anything else `removed` as "not placed", so the
organizer sees it and puts it back), which makes the first half hold by construction.
"""
from __future__ import annotations

import re
import unicodedata

from .grammar import FORMULA_WORD, LIST_MARKER_WORD, PETITION_WORD
from .model import Reading, Removed, Replaced, Span

ADDRESSEE_PLACES = ("addressee", "prayer addressee", "attention")
_PART = re.compile(r"petitioners|grievance \d+|prayer")
_WORD = re.compile(r"[^\W_]+")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0\r]*\n")


def _pieces(reading: Reading, name: str) -> list[Span]:
    if name in reading.pieces:
        return reading.pieces[name]
    span = reading.spans.get(name)
    return [span] if span is not None else []


def part_places(reading: Reading) -> dict[str, list[Span]]:
    """The petitioners, each grievance and the request, each with the pieces of source it was read from."""
    names = [n for n in {*reading.spans, *reading.pieces} if _PART.fullmatch(n)]
    return {name: _pieces(reading, name) for name in names}


def entries(reading: Reading) -> list[Removed]:
    return [*reading.removed, *reading.replaced]


def _covered(reading: Reading) -> bytearray:
    n = len(reading.source)
    mask = bytearray(n)
    spans = [s for pieces in part_places(reading).values() for s in pieces]
    spans += [s for a in ADDRESSEE_PLACES for s in _pieces(reading, a)]
    spans += [Span(r.start, r.end) for r in entries(reading)] + list(reading.markup)
    for span in spans:
        s, e = max(0, span.start), min(n, span.end)
        if s < e:
            mask[s:e] = b"\x01" * (e - s)
    return mask


def _is_punctuation(text: str) -> bool:
    return all(ch.isspace() or unicodedata.category(ch).startswith("P") for ch in text)


def gaps(reading: Reading) -> list[Span]:
    """Runs of text in no place that hold more than punctuation (split at blank lines)."""
    text, mask = reading.source, _covered(reading)
    out: list[Span] = []
    pos, n = 0, len(text)
    while pos < n:
        start = mask.find(0, pos)
        if start < 0:
            break
        end = mask.find(1, start)
        end = n if end < 0 else end
        cut = start
        for blank in [*_BLANK_LINE.finditer(text, start, end), None]:
            piece_end = blank.start() if blank else end
            s, e = cut, piece_end
            # A clause's closing ".;," stays with the clause it closes, not with the gap.
            while s < e and (text[s].isspace() or text[s] in ".;,:!?"):
                s += 1
            while e > s and (text[e - 1].isspace() or text[e - 1] in ";,:"):
                e -= 1
            if s < e and not _is_punctuation(text[s:e]):
                out.append(Span(s, e))
            if blank:
                cut = blank.end()
        pos = end
    return out


def _classify(words: list[str]) -> str | None:
    """The replaced-entry code for a gap made only of fixed House wording, else None."""
    if not words:
        return None
    low = [w.lower() for w in words]
    if all(LIST_MARKER_WORD.fullmatch(w) for w in low):
        return "list-marker"
    if not all(FORMULA_WORD.fullmatch(w) or LIST_MARKER_WORD.fullmatch(w) for w in low):
        return None
    if any(PETITION_WORD.fullmatch(w) for w in low):
        return "heading"
    return "formula"


def settle(reading: Reading) -> Reading:
    """Give every piece of text in no place an entry: `replaced` for House wording, else `removed`."""
    text = reading.source
    for gap in gaps(reading):
        body = text[gap.start:gap.end]
        code = _classify(_WORD.findall(body))
        if code:
            reading.replaced.append(Replaced(body, "R-STR-1", start=gap.start, end=gap.end, code=code))
        else:
            reading.removed.append(Removed(body, "R-STR-1", start=gap.start, end=gap.end, code="unplaced"))
    reading.removed.sort(key=lambda r: r.start)
    reading.replaced.sort(key=lambda r: r.start)
    return reading


def _part_text(reading: Reading, name: str) -> str | None:
    petition = reading.petition
    if name == "petitioners":
        return petition.petitioners
    if name == "prayer":
        return petition.prayer
    index = int(name.split()[1]) - 1
    return petition.grievances[index] if 0 <= index < len(petition.grievances) else None


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def problems(reading: Reading) -> list[str]:
    """Every way `reading` breaks the invariant, in words (empty when it holds)."""
    text, n = reading.source, len(reading.source)
    out: list[str] = []
    places = part_places(reading)
    spans = [(name, s) for name, pieces in places.items() for s in pieces]
    spans += [(a, s) for a in ADDRESSEE_PLACES for s in _pieces(reading, a)]
    items = entries(reading)
    for name, span in spans + [(f"entry {r.code}", Span(r.start, r.end)) for r in items]:
        if not 0 <= span.start <= span.end <= n:
            out.append(f"{name} span {span} lies outside the text")
    for r in items:
        if text[r.start:r.end] != r.text:
            out.append(f"entry {r.code!r} text is not the source at its span")
        if not r.rule.startswith("R-") or not r.reason_in("en"):
            out.append(f"entry {r.text!r} has no rule or reason")

    def overlaps(ranges: list[tuple[str, Span]], what: str) -> None:
        ordered = sorted(ranges, key=lambda x: (x[1].start, x[1].end))
        for (a, sa), (b, sb) in zip(ordered, ordered[1:]):
            if sb.start < sa.end and sa.start < sa.end and sb.start < sb.end:
                out.append(f"{what} overlap: {a} {sa} and {b} {sb}")

    overlaps([(name, s) for name, pieces in places.items() for s in pieces], "parts")
    overlaps([(r.code, Span(r.start, r.end)) for r in items], "entries")
    for gap in gaps(reading):
        out.append(f"in no place: {text[gap.start:gap.end]!r}")
    taken = bytearray(n)
    for r in [*items, *reading.markup]:
        s, e = max(0, r.start), min(n, r.end)
        if s < e:
            taken[s:e] = b"\x01" * (e - s)
    for name, pieces in places.items():
        written = _part_text(reading, name)
        if written is None:
            out.append(f"{name} has a span but no text")
            continue
        kept = [text[i] for piece in sorted(pieces, key=lambda s: s.start)
                for i in range(max(0, piece.start), min(n, piece.end)) if not taken[i]]
        if not _is_subsequence(_letters("".join(kept)), _letters(written)):
            out.append(f"{name}: words of {''.join(kept)!r} are missing from {written!r}")
    return out
