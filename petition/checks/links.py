"""R-URL-1 / R-URL-2 / R-CONTACT-1: no web references or contact details in the text.

A scheme ("https://") or "www." is certainly a URL: an error on an e-petition. A
bare domain, an @handle or a #hashtag is very likely a web reference but could be
something else ("Amazon.com" as a company name), so it is a warning.
"""
from __future__ import annotations

from ..grammar import references
from .context import Context


def check(ctx: Context):
    paper = ctx.kind == "paper"
    # One list of patterns (petition.grammar) for the checker and the converter, which takes out
    # exactly what is reported here.
    codes = {"email": "email", "url": "url-on-paper" if paper else "url", "phone": "phone",
             "postal-code": "postal-code"}
    for part in ctx.text_parts():
        for start, end, kind in references(part.text):
            code = codes.get(kind) or ("url-on-paper" if paper else "web-reference")
            yield ctx.finding(code, part, start, end)
