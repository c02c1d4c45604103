"""Which of the four allowed addressees (R-ADDR-1) a phrase names, English or French.

Both readers use this: the House-format parser on the heading and the prayer's
"call upon <addressee> to", the free-form converter on whatever a draft asks.
Anything that is none of the four comes back as kind "other" with the text as
written, so the checker can say what is wrong with it.
"""
from __future__ import annotations

import re

from .grammar import (
    ADDRESSEE_MENTION, GOVERNMENT_ADDRESSEE as _GOVERNMENT, HOUSE_ADDRESSEE as _HOUSE, MEMBER_EN as _MEMBER_EN,
    MEMBER_FR as _MEMBER_FR, MENTION_STEMS as _MENTION_STEMS, MINISTER_WORD as _MINISTER,
)
from .model import Addressee

_FLAGS = re.IGNORECASE

# Words before the addressee that are not part of it: "to", "adressée au", "à la".
_LEAD_IN = re.compile(r"^(?:(?:addressed|adress[ée]e)\s+)?(?:to\s+|à\s+|a\s+(?=la\s|l['’]))?", _FLAGS)
# FR contractions of "à" + article ("au maire"), turned back into the article for "other" text.
_FR_CONTRACTED = (
    (re.compile(r"^au\s+", _FLAGS), "le "),
    (re.compile(r"^aux\s+", _FLAGS), "les "),
)
_ARTICLE = re.compile(r"^(?:the|le|la|les|l['’]|au|aux|du)\s*(?<=\s|['’])", _FLAGS)
_HONOURABLE = re.compile(r"^(?:(?:right|rt\.?)\s+)?(?:hono(?:u)?rable|hon\.|l['’]honorable)\s+(?:the\s+)?", _FLAGS)


def find_mention(text: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first allowed addressee named in text[start:end], e.g. 'the federal government'."""
    end = len(text) if end is None else end
    low = text[start:end].lower()
    if not any(stem in low for stem in _MENTION_STEMS):
        return None
    return ADDRESSEE_MENTION.search(text, start, end)


def _tidy(text: str) -> str:
    return " ".join((text or "").replace("\u00a0", " ").split()).strip(" ,;:.")


def strip_lead_in(text: str) -> str:
    """'to the House of Commons' -> 'the House of Commons'; 'adressée au gouvernement' -> 'au gouvernement'."""
    return _LEAD_IN.sub("", _tidy(text), count=1)


def _without_article(text: str) -> str:
    text = _HONOURABLE.sub("", text, count=1)
    text = _ARTICLE.sub("", text, count=1)
    return _HONOURABLE.sub("", text, count=1).strip()


def _as_written_other(text: str) -> str:
    for pattern, article in _FR_CONTRACTED:
        if pattern.match(text):
            return pattern.sub(article, text, count=1)
    return text


_FEMININE = re.compile(r"^la\s+(?=(?:première\s+|premiere\s+)?ministre\b)", _FLAGS)
# "Chrystia Freeland, Minister of Finance": a name in apposition, printed without "the".
NAMED_MINISTER = re.compile(r"^[^,]+,\s*(?:the\s+|la\s+|le\s+)?(?:(?:deputy|associate)\s+)?"
                            r"(?:prime\s+minister|minister|premi(?:er|ère)\s+ministre|ministre)\b", _FLAGS)


def _minister_title(text: str, bare: str) -> str:
    """The title as the formula prints it after its article. The French article is the only
    mark of gender ("à la ministre"), and a courtesy title belongs to the name ("the
    Honourable Chrystia Freeland, Minister of Finance"): both are kept."""
    if _FEMININE.match(text):
        return "la " + bare
    without_article = _ARTICLE.sub("", text, count=1)
    if _HONOURABLE.match(without_article):
        return without_article
    return bare


_BILINGUAL = re.compile(r"\s+/\s+")
_PETITION_LEAD = re.compile(r"^(?:p[ée]tition)\s+", _FLAGS)


def minister_key(title: str) -> str:
    """A minister's title without article or courtesy title, for comparing two mentions."""
    return " ".join(_without_article(_tidy(title)).lower().split())


def classify_addressee(written: str) -> Addressee:
    """The Addressee a phrase names: 'the House of Commons in Parliament assembled',
    'au gouvernement du Canada', 'Jane Doe, Member of Parliament for Ottawa Centre', ..."""
    halves = _BILINGUAL.split(written or "")
    if len(halves) == 2:
        # A bilingual heading (R-LANG-3 allows both languages): "the Government of Canada /
        # Pétition au gouvernement du Canada" names one addressee twice.
        first, second = classify_addressee(halves[0]), classify_addressee(_PETITION_LEAD.sub("", halves[1].strip()))
        if first.kind != "other" and first.kind == second.kind:
            return first
    text = strip_lead_in(written)
    bare = _without_article(text)
    house = _HOUSE.match(bare)
    if house:
        return Addressee(kind="house", in_parliament_assembled=bool(house.group("assembled")))
    if _GOVERNMENT.match(bare):
        return Addressee(kind="government")
    member = _MEMBER_EN.match(bare) or _MEMBER_FR.match(bare)
    if member and not _MINISTER.search(bare):
        name = _without_article(member.group("name") or "").strip(" ,")
        return Addressee(kind="member", name=name, riding=member.group("riding").strip(" ,"))
    if _MINISTER.search(bare):
        return Addressee(kind="minister", title=_minister_title(text, bare))
    return Addressee(kind="other", text=_as_written_other(text))
