"""Which of the four allowed addressees (R-ADDR-1) a phrase names, English or French.

Both readers use this: the House-format parser on the heading and the prayer's
"call upon <addressee> to", the free-form converter on whatever a draft asks.
Anything that is none of the four comes back as kind "other" with the text as
written, so the checker can say what is wrong with it.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
    if _MINISTER.search(bare) and not_allowed(bare, _PROVINCIAL_ONLY):
        # "the Premier of Ontario", « le premier ministre du Québec », "Ontario's Minister of Health":
        # a provincial office, none of the four (the checker suggests the federal one).
        return Addressee(kind="other", text=_as_written_other(text))
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


# ---- addressees the House does not allow (R-ADDR-1) -------------------------------------------

_OTHER_FILE = Path(__file__).parent / "data" / "other-addressees.toml"


@dataclass(frozen=True)
class NotAllowed:
    """What a written addressee is when it is none of the four ("premier", "party", "department"),
    how sure that is, and the allowed addressee that fits (never swapped in by the reader)."""

    what: str
    severity: str  # "error" or "warning"
    suggestion: Addressee


@lru_cache(maxsize=1)
def _other_kinds() -> tuple[tuple[str, str, str, re.Pattern], ...]:
    data = tomllib.loads(_OTHER_FILE.read_text(encoding="utf-8"))
    provinces = data["provinces"]
    return tuple((o["what"], o["severity"], o["suggest"], re.compile(o["pattern"].replace("{province}", provinces), _FLAGS))
                 for o in data["other"])


_PROVINCIAL_ONLY = ("provincial-minister", "premier")
_PORTFOLIO = re.compile(
    r"\bminist(?:er|re)\s+(?P<portfolio>(?:of|for|responsible\s+for|de\s+la|de\s+l['’]|des|du|de|d['’])\s*[^,;]+?)"
    r"(?:\s+(?:of|for|in|du|de\s+la|de\s+l['’]|de|d['’])\s*(?:the\s+province\s+of\s+|la\s+province\s+d['’]?\s*)?"
    r"[A-ZÉÎ][\w.'’ -]*)?\s*$",
    _FLAGS,
)
# "Ontario's Health Minister", "the Alberta Minister of Energy": the province goes, the portfolio stays.
_PORTFOLIO_BEFORE = re.compile(r"(?P<portfolio>[A-Z][\w'’-]*(?:\s+and\s+[A-Z][\w'’-]*)?)\s+[Mm]inister\b")
_PROVINCE_WORDS = re.compile(
    r"\b(?:ontario|qu[ée]bec|alberta|british\s+columbia|colombie[- ]britannique|manitoba|saskatchewan|nova\s+scotia"
    r"|nouvelle-[ée]cosse|new\s+brunswick|nouveau-brunswick|newfoundland(?:\s+and\s+labrador)?|terre-neuve(?:-et-labrador)?"
    r"|prince\s+edward\s+island|[îi]le-du-prince-[ée]douard|yukon|northwest\s+territories|nunavut|provincial|qu[ée]b[ée]cois"
    r"|ontarien)(?:['’]s)?\b",
    _FLAGS,
)


def _portfolio_minister(written: str, language: str) -> Addressee:
    """The federal Minister of the portfolio a provincial minister holds; the Government of Canada
    when no portfolio can be told."""
    bare = _PROVINCE_WORDS.sub("", _tidy(written))
    bare = " ".join(bare.split())
    m = _PORTFOLIO.search(bare)
    if m:
        portfolio = m.group("portfolio").strip(" ,")
        portfolio = re.sub(r"\s+(?:of|for|du|de|de\s+la|de\s+l['’]|d['’])\s*$", "", portfolio, flags=_FLAGS)
        if re.match(r"(?:of|for|responsible)\b", portfolio, _FLAGS):
            return Addressee(kind="minister", title=f"Minister {portfolio}")
        # « la ministre »: the article is the only mark of gender, and the formula keeps it (_minister_title).
        feminine = re.match(r"(?:à\s+)?la\s+(?:ministre|première)", bare, _FLAGS)
        return Addressee(kind="minister", title=("la " if feminine else "") + f"ministre {portfolio}")
    m = _PORTFOLIO_BEFORE.search(bare)
    if m and m.group("portfolio").lower() not in ("the", "prime"):
        return Addressee(kind="minister", title=f"Minister of {m.group('portfolio')}")
    return Addressee(kind="government")


def _suggestion(suggest: str, written: str) -> Addressee:
    french = bool(re.search(r"\b(?:le|la|les|du|des|au|aux|ministre|gouvernement)\b", written, _FLAGS))
    if suggest == "house":
        return Addressee(kind="house")
    if suggest == "portfolio":
        return _portfolio_minister(written, "fr" if french else "en")
    if suggest.startswith("minister:"):
        en, _, fr = suggest[len("minister:"):].partition("|")
        return Addressee(kind="minister", title=fr if french and fr else en)
    return Addressee(kind="government")


def not_allowed(written: str, only: tuple[str, ...] | None = None) -> NotAllowed | None:
    """What `written` is when it names an addressee the House does not allow (data/other-addressees.toml)."""
    text = _tidy(strip_lead_in(written or ""))
    if not text:
        return None
    for what, severity, suggest, pattern in _other_kinds():
        if only is not None and what not in only:
            continue
        if pattern.search(text):
            return NotAllowed(what, severity, _suggestion(suggest, text))
    return None


# Words that name no one who could be asked: "Tell everyone to ...", "Ask your friends to ...".
_NOT_SOMEONE = re.compile(
    r"^(?:us|me|you|yourself|everyone|everybody|people|others|them|friends|all|anyone|canadians"
    r"|(?:your|our|all\s+your)\s+(?:friends|family|neighbou?rs|colleagues|networks?|followers))$",
    _FLAGS,
)
_YOUR_MP = re.compile(r"^(?:your|our)\s+(?:local\s+)?(?:mp|member\s+of\s+parliament|député|députée)$", _FLAGS)


def is_addressee_phrase(phrase: str) -> bool:
    """Can `phrase` be who a draft's imperative asks ("Tell <phrase> to ...")? An allowed addressee,
    one the House does not allow (the checker reports it), your MP, or a name."""
    text = _tidy(phrase)
    if not text or len(text.split()) > 12 or _NOT_SOMEONE.match(text):
        return False
    if find_mention(text) or not_allowed(text) or _YOUR_MP.match(text):
        return True
    first = _without_article(text)[:1]
    return first.isupper()
