"""What every check sees: the petition, its parts as they will be submitted, and where they sit in the source.

Checks read `Part.text`, the part exactly as the House-format rendering prints it
(what the Clerk will read), and report local offsets. `Context.finding` turns those
into a span of `Context.source`, the text the organizer sees highlighted: for a
structured petition that is the rendering itself (an exact offset); for a draft
read from text it is the draft, where the excerpt is looked up inside the part's
span (whitespace may differ after rendering).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import rules
from ..model import Finding, Petition, Span
from ..wordcount import WordCount
from .aim import inside, shields
from .lexicon import scan

# Families whose hits inside a quotation, a citation or a statute's title are someone else's
# words, not the petitioners' (aim.py). Requests for support, attachments and profanity are on
# the page whoever said them.
UNSHIELDED = frozenset({"support", "support-cue", "attachment", "profanity"})

_WS = re.compile(r"\s+")


@dataclass(frozen=True)
class Part:
    name: str  # "addressee", "petitioners", "grievance 2", "prayer"
    text: str  # as rendered
    # Where `text` sits in the source: exact offset, or a region to search in.
    offset: int | None = None
    region: Span | None = None
    # True for the words that put the request ("demand that the Government"), which the
    # reader keeps outside the prayer's action but which are checked with it.
    request_wording: bool = False

    @property
    def counted(self) -> bool:
        """Grievances and the prayer are the petitioner's own words (R-LEN-1)."""
        return self.name == "prayer" or self.name.startswith("grievance")


@dataclass
class Context:
    petition: Petition
    kind: str
    language: str | None  # detected: "en", "fr", or None when neither could be told
    source: str
    parts: list[Part]
    word_count: WordCount
    addressees_written: dict[str, str] = field(default_factory=dict)
    # Where each written addressee sits in the source ("prayer": the "call upon <...> to" words).
    addressees_at: dict[str, Span] = field(default_factory=dict)
    message_language: str = "en"
    _scans: dict = field(default_factory=dict, repr=False)
    _shields: dict = field(default_factory=dict, repr=False)
    # Fragments the reader left out of the petition (titles, slogans, lead-ins): a charge in
    # them is still reported (tone.py), as the organizer may put them back or print them elsewhere.
    removed_parts: list[Part] = field(default_factory=list)
    # Findings of one code past this many are dropped by run_checks; don't spend time placing them.
    cap_per_code: int | None = None
    _made: dict = field(default_factory=dict, repr=False)

    def hits(self, part: Part, family: str) -> list[tuple[int, int]]:
        """Where a lexicon family ("demand", "court", ...) matches in `part.text`, in the petition's language
        (both languages when it could not be told)."""
        # Keyed by the text too: the request wording is a second part named "prayer".
        key = (part.name, part.text)
        scanned = self._scans.get(key)
        if scanned is None:
            scanned = self._scans[key] = scan(part.text)
        langs = (self.language,) if self.language in ("en", "fr") else ("en", "fr")
        found: list[tuple[int, int]] = []
        for lang in langs:
            found.extend(scanned.get(f"{family}-{lang}", ()))
        if found and family not in UNSHIELDED:
            shielded = self.shields(part)
            if shielded:
                found = [(s, e) for s, e in found if not inside(shielded, s, e)]
        return sorted(found)

    def written_at(self, key: str, piece: str) -> tuple[int, int]:
        """Where `piece` of the addressee written as `key` sits in the source; (0, 0) when unknown."""
        at = self.addressees_at.get(key)
        if at is None:
            return 0, 0
        found = _search(piece.split(), self.source, (at.start,), at.end)
        return found or (at.start, at.end)

    def part(self, name: str) -> Part | None:
        return next((p for p in self.parts if p.name == name), None)

    def shields(self, part: Part) -> list[tuple[int, int]]:
        """Quotations, citations and statute titles in `part.text` (see aim.py)."""
        key = (part.name, part.text)
        spans = self._shields.get(key)
        if spans is None:
            spans = self._shields[key] = shields(part.text)
        return spans

    def text_parts(self) -> list[Part]:
        return [p for p in self.parts if p.text]

    def locate(self, part: Part, start: int, end: int) -> tuple[int, int]:
        """A span of `source` for `part.text[start:end]`; (0, 0) when the draft has no such place."""
        if part.offset is not None:
            return part.offset + start, part.offset + end
        excerpt = part.text[start:end].strip()
        if not excerpt:
            return (part.region.start, part.region.start) if part.region else (0, 0)
        lo, hi = (part.region.start, part.region.end) if part.region else (0, len(self.source))
        words = excerpt.split()
        # Rendering only ever shortens a part (spaces collapse, markers go), so the
        # excerpt sits at or after its rendered offset: try there first, so a word
        # used twice maps to the right occurrence.
        hint = min(hi, lo + max(0, start - 1))
        found = _search(words, self.source, (hint, lo), hi)
        if found:
            return found
        # Rendering changed the excerpt's edges (a ";" added, a marker dropped):
        # anchor on its first and last few words instead.
        head = _search(words[:3], self.source, (hint, lo), hi)
        if head:
            tail = _search(words[-3:], self.source, (head[0],), hi) if len(words) > 3 else head
            return head[0], (tail or head)[1]
        if part.region:
            return part.region.start, part.region.end
        return 0, 0

    def finding(
        self,
        code: str,
        part: Part | None,
        start: int = 0,
        end: int = 0,
        *,
        severity: str | None = None,
        suggestion: str | None = None,
        rule: str | None = None,
        excerpt: str | None = None,
        **values,
    ) -> Finding:
        entry = rules.entry(code)
        made = self._made[code] = self._made.get(code, 0) + 1
        if self.cap_per_code is not None and made > self.cap_per_code:
            return Finding(rule=rule or entry["rule"], severity=severity or entry["severity"], message="", code=code)
        if part is not None:
            if excerpt is None:
                excerpt = _WS.sub(" ", part.text[start:end]).strip()
            s, e = self.locate(part, start, end)
            name = part.name
        else:
            s, e = start, end
            name = values.pop("part_name", "")
            if excerpt is None:
                excerpt = _WS.sub(" ", self.source[s:e]).strip()
        excerpt = _shorten(excerpt)
        return Finding(
            rule=rule or entry["rule"],
            severity=severity or entry["severity"],
            message=rules.message(code, self.message_language, excerpt=excerpt, **values),
            part=name,
            start=s,
            end=e,
            excerpt=excerpt,
            suggestion=suggestion,
            code=code,
        )


def _shorten(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _search(words: list[str], source: str, begins: tuple[int, ...], hi: int) -> tuple[int, int] | None:
    """Where `words` (whitespace-insensitive, trailing punctuation optional) occur in source[begin:hi]."""
    if not words:
        return None
    last = words[-1].rstrip(";.,:")
    escaped = [re.escape(w) for w in words[:-1]] + [re.escape(last) if last else re.escape(words[-1])]
    pattern = re.compile(r"\s+".join(escaped))
    for begin in begins:
        m = pattern.search(source, begin, hi)
        if m:
            return m.start(), m.end()
    return None
