"""R-SUBJ-1 / R-SUBJ-2: federal subject matter, nothing before the courts. Cues only: a person decides."""
from __future__ import annotations

from .context import Context


def check(ctx: Context):
    for part in ctx.text_parts():
        if part.name in ("addressee", "petitioners"):
            # The addressee check covers a provincial addressee; the petitioners say who signs
            # ("residents of the Province of Ontario", "members of the Bar"), not what is asked.
            continue
        for s, e in ctx.hits(part, "provincial"):
            yield ctx.finding("provincial-municipal", part, s, e)
        for s, e in ctx.hits(part, "court"):
            yield ctx.finding("court-matter", part, s, e)
    # Topics the provinces or cities decide, in what is asked (the request and the words that put
    # it): "freeze tuition at Ontario universities", "repave Main Street". A request that names a
    # federal lever ("federal funding", "the Canada Health Transfer") is left alone.
    request = [p for p in ctx.parts if p.name == "prayer" and p.text]
    if any(ctx.hits(p, "federal-lever") for p in request):
        return
    for part in request:
        # Once per kind: "repave Main Street" is one municipal matter, not two.
        for family in ("municipal-topic", "provincial-topic"):
            hits = ctx.hits(part, family)
            if hits:
                yield ctx.finding(family, part, *hits[0])
