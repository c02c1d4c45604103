"""R-SUBJ-1 / R-SUBJ-2: federal subject matter, nothing before the courts. Cues only: a person decides."""
from __future__ import annotations

from .context import Context


def check(ctx: Context):
    for part in ctx.text_parts():
        if part.name == "addressee":
            continue  # the addressee check covers a provincial addressee
        for s, e in ctx.hits(part, "provincial"):
            yield ctx.finding("provincial-municipal", part, s, e)
        for s, e in ctx.hits(part, "court"):
            yield ctx.finding("court-matter", part, s, e)
