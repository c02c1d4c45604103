"""R-SUBJ-1 / R-SUBJ-2: federal subject matter, nothing before the courts. Cues only: a person decides."""
from __future__ import annotations

from .context import Context
from .lexicon import compiled
from .tone import _lexicons


def check(ctx: Context):
    provincial = compiled(*_lexicons(ctx, "provincial"))
    court = compiled(*_lexicons(ctx, "court"))
    for part in ctx.text_parts():
        if part.name == "addressee":
            continue  # the addressee check covers a provincial addressee
        for m in provincial.finditer(part.text):
            yield ctx.finding("provincial-municipal", part, m.start(), m.end())
        for m in court.finditer(part.text):
            yield ctx.finding("court-matter", part, m.start(), m.end())
