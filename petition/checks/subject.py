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
