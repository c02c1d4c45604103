"""R-ATT-1: no requests for support, attachments, appendices or explanatory matter in the petition."""
from __future__ import annotations

from .context import Context


def check(ctx: Context):
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
