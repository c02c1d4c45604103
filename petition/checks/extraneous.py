"""R-ATT-1: no requests for support, attachments, appendices or explanatory matter in the petition."""
from __future__ import annotations

from .context import Context
from .lexicon import compiled
from .tone import _lexicons


def check(ctx: Context):
    support = compiled(*_lexicons(ctx, "support"))
    cue = compiled(*_lexicons(ctx, "support-cue"))
    attachment = compiled(*_lexicons(ctx, "attachment"))
    for part in ctx.text_parts():
        if part.name == "addressee":
            continue
        certain = []
        for m in support.finditer(part.text):
            certain.append((m.start(), m.end()))
            yield ctx.finding("support-request", part, m.start(), m.end())
        for m in cue.finditer(part.text):
            if not any(m.start() < e and s < m.end() for s, e in certain):
                yield ctx.finding("support-cue", part, m.start(), m.end())
        for m in attachment.finditer(part.text):
            yield ctx.finding("attachment-reference", part, m.start(), m.end())
