"""R-PRAY-1, R-PRAY-3, R-PRAY-4: there is a request, it is specific, and it asks rather than demands."""
from __future__ import annotations

import re

from ..wordcount import count_words
from .context import Context

# R-PRAY-3 heuristics from petition-rules.md (the Clerk judges; info only).
LONG_PRAYER_WORDS = 60
MANY_ASKS = 5

_ASK = re.compile(r"(?:^|(?<=[\n;:]))\s*(?:and\s+|et\s+)?\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s", re.I)


def _demand_suggestion(ctx: Context) -> str:
    from ..formulae import prayer_formula, petitioners_of

    opening, link = prayer_formula(ctx.petition)
    return f"{opening}{petitioners_of(ctx.petition)}{link}…"


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
            yield ctx.finding(code, part, s, e, suggestion=_demand_suggestion(ctx))
        for s, e in ctx.hits(part, "ultimatum"):
            yield ctx.finding("ultimatum", part, s, e)
        for s, e in ctx.hits(part, "addressee-must"):
            yield ctx.finding("addressee-must", part, s, e)
