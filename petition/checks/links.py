"""R-URL-1 / R-URL-2 / R-CONTACT-1: no web references or contact details in the text.

A scheme ("https://") or "www." is certainly a URL: an error on an e-petition. A
bare domain, an @handle or a #hashtag is very likely a web reference but could be
something else ("Amazon.com" as a company name), so it is a warning.
"""
from __future__ import annotations

import bisect
import re

import regex

from .context import Context

# Lengths are bounded so that overlapping candidates ("www.www.www...") cost at most
# 2,000 characters each: linear in the text.
# Any scheme ("file://", "ftp://", "ipfs://"), not only the web's. A URL stops at characters
# that cannot be in one unescaped, so "url(http://x/y);body{...}" reports only the address.
_URL = regex.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.\-]{1,15}://|www\.|(?:mailto|tel|data|javascript|file):(?=\S))"
    r"[^\s<>\"'«»“”{}|\\^`;]{1,2000}"
)
_TLDS = r"com|ca|org|net|gov|edu|info|io|co|ly|me|tv|app|news|quebec|gc\.ca"
_DOMAIN = regex.compile(
    rf"(?i)(?<![\p{{L}}\p{{N}}@.\-/])(?:[a-z0-9](?:[a-z0-9\-]{{0,62}}[a-z0-9])?\.){{1,8}}(?:{_TLDS})(?:/[^\s<>\"]{{0,2000}})?(?![\p{{L}}\p{{N}}@\-])"
)
_EMAIL = regex.compile(r"(?i)(?<![\w.+\-])[\w.+\-]{1,64}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63})+")
_HANDLE = regex.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}(?![\w@.])")
_HASHTAG = regex.compile(r"(?<![\w&#])#[\p{L}_][\p{L}\p{N}_]{1,60}")
_PHONE = regex.compile(
    r"(?<![\d\-+.])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?![\d\-])"
)
# Plain `re` here: the same pattern is several times faster than with `regex`.
_POSTAL = re.compile(
    r"(?<![^\W_])[ABCEGHJ-NPRSTVXYabceghj-nprstvxy]\d[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z][ \-]?"
    r"\d[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z]\d(?![^\W_])"
)
# Cheap tests that let a text with no web reference skip the costlier patterns.
_TLD_HINT = re.compile(rf"\.(?:{_TLDS})(?![^\W_])", re.I)


def _trim(text: str, start: int, end: int) -> int:
    # A URL at the end of a sentence keeps its full stop out.
    while end > start and text[end - 1] in ".,;:!?)]»”’'":
        end -= 1
    return end


class _Spans:
    """Non-overlapping spans already reported, so an e-mail is not also a domain and a handle.
    Sorted, so a text with thousands of links is still checked in n log n."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        if i and self.ends[i - 1] > start:
            return False
        return not (i < len(self.starts) and self.starts[i] < end)

    def add(self, span: tuple[int, int]) -> None:
        i = bisect.bisect_right(self.starts, span[0])
        self.starts.insert(i, span[0])
        self.ends.insert(i, span[1])


def check(ctx: Context):
    paper = ctx.kind == "paper"
    for part in ctx.text_parts():
        text = part.text
        taken = _Spans()
        free = taken.free

        has_at, lowered = "@" in text, text.lower()
        for m in _EMAIL.finditer(text) if has_at else ():
            taken.add((m.start(), m.end()))
            yield ctx.finding("email", part, m.start(), m.end())
        for m in _URL.finditer(text) if ("://" in text or "www." in lowered or ":" in text) else ():
            end = _trim(text, m.start(), m.end())
            if free(m.start(), end):
                taken.add((m.start(), end))
                yield ctx.finding("url-on-paper" if paper else "url", part, m.start(), end)
        for m in _DOMAIN.finditer(text) if _TLD_HINT.search(text) else ():
            end = _trim(text, m.start(), m.end())
            if free(m.start(), end):
                taken.add((m.start(), end))
                yield ctx.finding("url-on-paper" if paper else "web-reference", part, m.start(), end)
        for pattern, mark in ((_HANDLE, "@"), (_HASHTAG, "#")):
            for m in pattern.finditer(text) if mark in text else ():
                if free(m.start(), m.end()):
                    yield ctx.finding("url-on-paper" if paper else "web-reference", part, m.start(), m.end())
        for m in _PHONE.finditer(text):
            if free(m.start(), m.end()):
                yield ctx.finding("phone", part, m.start(), m.end())
        for m in _POSTAL.finditer(text):
            if free(m.start(), m.end()):
                yield ctx.finding("postal-code", part, m.start(), m.end())
