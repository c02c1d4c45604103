"""R-PRAY-1, R-PRAY-3, R-PRAY-4: there is a request, it is specific, and it asks rather than demands."""
from __future__ import annotations

import re

from ..grammar import NUMBERED_ASK
from ..wordcount import count_words
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
            # In the request itself a demand is certain to be refused; elsewhere a person decides.
            code = "demand-framing" if part.name == "prayer" else "demand-wording"
            suggestion = _demand_suggestion(ctx, part.text, s, e, in_request=part.request_wording)
            yield ctx.finding(code, part, s, e, suggestion=suggestion)
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
