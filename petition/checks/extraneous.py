"""R-ATT-1: no requests for support, attachments, appendices or explanatory matter in the petition."""
from __future__ import annotations

from .context import Context

from ..limits import SLOGAN_MAX_WORDS

# A title or slogan pasted above the House's wording reads as the first "grievance": a short
# exclamation that states no fact ("Protect our seniors!"). Statements can be short and end in
# "!" too, so a person decides (a warning).


def check(ctx: Context):
    first = ctx.part("grievance 1")
    if first is not None:
        text = first.text.strip().rstrip(";.")
        if text.endswith("!") and len(text.split()) <= SLOGAN_MAX_WORDS:
            yield ctx.finding("title-as-grievance", first, 0, len(first.text.rstrip().rstrip(";.")))
    for part in ctx.text_parts():
        if part.name == "addressee":
            continue
        certain = []
        for s, e in ctx.hits(part, "support"):
            certain.append((s, e))
            yield ctx.finding("support-request", part, s, e)
        for s, e in ctx.hits(part, "support-cue"):
            if not any(s < ce and cs < e for cs, ce in certain):
                yield ctx.finding("support-cue", part, s, e)
        for s, e in ctx.hits(part, "attachment"):
            yield ctx.finding("attachment-reference", part, s, e)
