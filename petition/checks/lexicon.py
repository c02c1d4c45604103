"""Term lists in petition/lexicons/, compiled once into linear-time regexes.

A lexicon file holds one phrase per line; `#` starts a comment. In a phrase:
  `*` at the end of a word  - any further letters ("mislead*": misleads, misleading)
  `...`                     - up to four words in between ("we ... demand": "we hereby demand")
  `<n>`                     - a number ("get to <n>")
  `'`                       - a straight or curly apostrophe
Matching ignores case and accents stay significant; a phrase only matches whole
words, so "pig" never fires inside "pigment". Every regex is an alternation of
literals with bounded gaps, so a megabyte of text scans in linear time.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"

_LETTER = r"[\p{L}\p{M}\p{N}]"
_WORD = r"[\p{L}\p{M}\p{N}'’\-]+"
_GAP = rf"(?:[^\p{{L}}\p{{M}}\p{{N}}]+{_WORD}){{0,4}}?"


def _word(word: str) -> str:
    if word == "<n>":
        return r"\d[\d,. ]*\d|\d"
    star = word.endswith("*")
    core = word[:-1] if star else word
    out = []
    for ch in core:
        if ch in "'’":
            out.append("['’]")
        elif ch == "-":
            out.append(r"[\-‐‑–\s]?")
        else:
            out.append(regex.escape(ch))
    return "".join(out) + (rf"{_LETTER}*" if star else "")


def phrase_pattern(phrase: str) -> str:
    parts: list[str] = []
    for word in phrase.split():
        if word == "...":
            parts.append(_GAP)
        else:
            parts.append(f"(?:{_word(word)})")
    # Words are separated by whitespace (a gap brings its own separators).
    body = ""
    for i, piece in enumerate(parts):
        if i and piece is not _GAP and parts[i - 1] is not _GAP:
            body += r"[\s\u00a0]+"
        elif i and parts[i - 1] is _GAP:
            body += r"[^\p{L}\p{M}\p{N}]+"
        body += piece
    return body


def read_terms(name: str) -> list[str]:
    path = LEXICON_DIR / f"{name}.txt"
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(line)
    return terms


@lru_cache(maxsize=None)
def compiled(*names: str) -> regex.Pattern:
    """One regex for the union of the named lexicon files (longest phrase first wins)."""
    terms = sorted({t for n in names for t in read_terms(n)}, key=len, reverse=True)
    alternation = "|".join(phrase_pattern(t) for t in terms)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{alternation})(?![\p{{L}}\p{{M}}\p{{N}}])",
        regex.IGNORECASE | regex.V1,
    )


@lru_cache(maxsize=None)
def word_set(*names: str) -> frozenset[str]:
    """A lexicon read as plain lower-case words (for exact look-ups, not patterns)."""
    return frozenset(t.lower() for n in names for t in read_terms(n))
