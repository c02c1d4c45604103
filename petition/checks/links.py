"""R-URL-1 / R-URL-2 / R-CONTACT-1: no web references or contact details in the text.

A scheme ("https://") or "www." is certainly a URL: an error on an e-petition. A
bare domain, an @handle or a #hashtag is very likely a web reference but could be
something else ("Amazon.com" as a company name), so it is a warning.
"""
from __future__ import annotations

import regex

from .context import Context

_URL = regex.compile(r"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'«»“”]+")
_TLDS = r"com|ca|org|net|gov|edu|info|io|co|ly|me|tv|app|news|quebec|gc\.ca"
_DOMAIN = regex.compile(
    rf"(?i)(?<![\p{{L}}\p{{N}}@.\-/])(?:[a-z0-9](?:[a-z0-9\-]{{0,62}}[a-z0-9])?\.)+(?:{_TLDS})(?:/[^\s<>\"]*)?(?![\p{{L}}\p{{N}}@\-])"
)
_EMAIL = regex.compile(r"(?i)(?<![\w.+\-])[\w.+\-]{1,64}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63})+")
_HANDLE = regex.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}(?![\w@.])")
_HASHTAG = regex.compile(r"(?<![\w&#])#[\p{L}_][\p{L}\p{N}_]{1,60}")
_PHONE = regex.compile(
    r"(?<![\d\-+.])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?![\d\-])"
)
_POSTAL = regex.compile(r"(?i)(?<![\p{L}\p{N}])[abceghjklmnprstvxy]\d[abceghj-nprstv-z][ \-]?\d[abceghj-nprstv-z]\d(?![\p{L}\p{N}])")


def _trim(text: str, start: int, end: int) -> int:
    # A URL at the end of a sentence keeps its full stop out.
    while end > start and text[end - 1] in ".,;:!?)]»”’'":
        end -= 1
    return end


def check(ctx: Context):
    paper = ctx.kind == "paper"
    for part in ctx.text_parts():
        text = part.text
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return not any(s < te and ts < e for ts, te in taken)

        for m in _EMAIL.finditer(text):
            taken.append((m.start(), m.end()))
            yield ctx.finding("email", part, m.start(), m.end())
        for m in _URL.finditer(text):
            end = _trim(text, m.start(), m.end())
            if free(m.start(), end):
                taken.append((m.start(), end))
                yield ctx.finding("url-on-paper" if paper else "url", part, m.start(), end)
        for m in _DOMAIN.finditer(text):
            end = _trim(text, m.start(), m.end())
            if free(m.start(), end):
                taken.append((m.start(), end))
                yield ctx.finding("url-on-paper" if paper else "web-reference", part, m.start(), end)
        for pattern in (_HANDLE, _HASHTAG):
            for m in pattern.finditer(text):
                if free(m.start(), m.end()):
                    yield ctx.finding("url-on-paper" if paper else "web-reference", part, m.start(), m.end())
        for m in _PHONE.finditer(text):
            if free(m.start(), m.end()):
                yield ctx.finding("phone", part, m.start(), m.end())
        for m in _POSTAL.finditer(text):
            if free(m.start(), m.end()):
                yield ctx.finding("postal-code", part, m.start(), m.end())
