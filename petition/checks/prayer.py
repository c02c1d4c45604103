"""R-PRAY-1, R-PRAY-3, R-PRAY-4: there is a request, it is specific, and it asks rather than demands."""
from __future__ import annotations

import re

from ..grammar import NUMBERED_ASK
from ..wordcount import count_words
import regex

from .aim import inside
from .context import Context

# R-PRAY-3 heuristics from petition-rules.md (the Clerk judges; info only).
LONG_PRAYER_WORDS = 60
MANY_ASKS = 5

# Horizontal space only after the line start or ";": each candidate is tried once (linear).
_ASK = NUMBERED_ASK


# After "we demand": "that the Government (of Canada) (must) <action>" -> the action; "that you
# <action>" speaks to the addressee the same way.
_DEMANDED_ACTION = re.compile(
    r"\s*(?:that\s+)?(?:the\s+)?(?:federal\s+)?"
    r"(?:government(?:\s+of\s+canada)?|parliament|house(?:\s+of\s+commons)?|prime\s+minister|ottawa|you)\s+"
    r"(?:must\s+|should\s+|shall\s+|will\s+|to\s+)?(?P<action>[^.;!?\n]{1,300})",
    re.I,
)


def _demand_suggestion(ctx: Context, text: str, start: int, end: int, in_request: bool = False) -> str:
    # in_request: `text` is the wording before the action the reader took out ("demand that the Government").
    """The whole request in the House's form: "We demand that the Government fund X" ->
    "We, the undersigned, ..., call upon the Government of Canada to fund X." The rest of
    the request stays as written; "…" stands for an action we could not pick out."""
    from ..formulae import petitioners_of, prayer_formula

    opening, link = prayer_formula(ctx.petition)
    m = _DEMANDED_ACTION.match(text, end) if ctx.petition.language != "fr" else None
    # A French demand puts the action in the subjunctive ("exigeons que le gouvernement élimine"),
    # which cannot follow "demandons ... de": the organizer writes the infinitive ("…").
    if in_request and ctx.petition.prayer.strip() and ctx.petition.language != "fr":
        # The reader already took the action out of the demand: the sentence as the House words it.
        body = ctx.petition.prayer.strip()
        if body[-1] not in ".!?)":
            body += "."
    elif m:
        before = text[:start].strip()
        action = (m.group("action").strip() + text[m.end():]).strip()
        body = f"{before} {action}" if before else action
        if body[-1] not in ".!?)":
            body += "."
    else:
        body = "…"
    return f"{opening}{petitioners_of(ctx.petition)}{link}{body}"


# A request (or one of its asks) that opens with "Demand ..." / « Exigez ... »: the imperative a
# campaign page aims at its readers, left in the prayer (the infinitive « exiger des fabricants
# que ... » asks the Government to require something, and is not flagged). It may also ask the addressee to demand
# something of a third party, so a person decides (R-PRAY-4, a warning).
_OPENS_WITH_DEMAND = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:(?:\d{1,3}|[a-z])[.)][ \t]*|[-–•*][ \t]*)?"
    r"(?P<w>demand|insist\s+on|exigez|exigeons|réclamez|réclamons)\b",
    re.I,
)


def check(ctx: Context):
    prayer = ctx.part("prayer")
    if prayer is None or not ctx.petition.prayer.strip():
        yield ctx.finding("no-prayer", None, part_name="prayer")
    else:
        words = count_words(prayer.text)
        if words > LONG_PRAYER_WORDS:
            yield ctx.finding("prayer-long", prayer, 0, len(prayer.text), count=words)
        asks = len(_ASK.findall(prayer.text))
        if asks > MANY_ASKS:
            yield ctx.finding("many-asks", prayer, 0, len(prayer.text), count=asks)

    for part in ctx.text_parts():
        if part.name == "addressee":
            continue
        for s, e in ctx.hits(part, "demand"):
            if part.name == "prayer" and not part.request_wording and _asked_to_demand(part.text, s):
                # "call upon the Government to demand that Iran release ...": the addressee is asked
                # to demand something of a third party; the petition itself requests.
                continue
            # In the request itself a demand is certain to be refused; elsewhere a person decides.
            code = "demand-framing" if part.name == "prayer" else "demand-wording"
            suggestion = _demand_suggestion(ctx, part.text, s, e, in_request=part.request_wording)
            yield ctx.finding(code, part, s, e, suggestion=suggestion)
        yield from _imperatives(ctx, part)
        for s, e in ctx.hits(part, "ultimatum"):
            yield ctx.finding("ultimatum", part, s, e)
        if part.name == "prayer" and not part.request_wording:
            lexicon = ctx.hits(part, "demand")
            for m in _OPENS_WITH_DEMAND.finditer(part.text):
                s, e = m.span("w")
                if not any(ls < e and s < le for ls, le in lexicon):
                    yield ctx.finding("demand-wording", part, s, e)
        if part.name == "prayer":
            # In grievances "the Government must ..." states a view, as certified petitions do
            # (Calibration); only inside the request does it turn the request into an order.
            for s, e in ctx.hits(part, "addressee-must"):
                yield ctx.finding("addressee-must", part, s, e)
            # A personal story among the grievances is common; a request for one person is not a petition's.
            for s, e in ctx.hits(part, "personal-request"):
                yield ctx.finding("personal-request", part, s, e)
    for part in ctx.removed_parts:
        # A title "Demand the reopening of Parliament!" or a closing threat the reader left out.
        yield from _imperatives(ctx, part)
        for s, e in ctx.hits(part, "ultimatum"):
            yield ctx.finding("ultimatum", part, s, e)


# "Demand the immediate reopening of Parliament", "Exigez ...": an imperative at the start of a
# sentence, a line or a list item. Not a noun ("the demand for housing") and not the action the
# addressee is asked to take ("to demand that Iran release"), which starts the request itself.
_IMPERATIVE = regex.compile(
    r"\b(?:Demand|DEMAND|Insist\s+on|INSIST\s+ON|Exigez|EXIGEZ|Exigeons|EXIGEONS|Réclamez|RÉCLAMEZ)\b"
    # "Demand for housing doubled", "Demand is rising": the noun.
    r"(?!\s+(?i:for|is|has|have|was|were|rose|grew|in|of|outstrips|exceeds|continues|pour|est|a)\b)",
)
# What may stand before it: the start, a sentence's end, or a line's start with a list marker.
_OPENS = regex.compile(r"(?:^|[.!?;:][ \t\n]{1,3}|\n[ \t]{0,8}(?:(?:[-*•·]|\d{1,2}[.)])[ \t]{0,4})?)$")
_OPEN_WINDOW = 16


_TO_BEFORE = regex.compile(r"(?i)(?:\bto|\band|\bde|\bd['’]|\bet)\s+$")


def _asked_to_demand(text: str, start: int) -> bool:
    """"demand that ..." as the action the addressee is asked to take (first in the request, or after "to")."""
    if not text[start:start + 6].lower() == "demand":
        return False
    return not text[:start].strip() or bool(_TO_BEFORE.search(text, max(0, start - 12), start))


def _imperatives(ctx: Context, part):
    text = part.text
    for m in _IMPERATIVE.finditer(text):
        # A slice from the text's start keeps "^" meaning the start; a 16-character one cannot match "^$".
        if not _OPENS.search(text[max(0, m.start() - _OPEN_WINDOW):m.start()]):
            continue
        if m.start() == 0 and part.name == "prayer" and not part.request_wording:
            # The request's action itself: "call upon ... to demand ..." (a third party is asked).
            continue
        if inside(ctx.shields(part), m.start(), m.end()):
            continue
        yield ctx.finding("demand-imperative", part, m.start(), m.end())
