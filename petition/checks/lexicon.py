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

import re
from dataclasses import dataclass
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
        regex.IGNORECASE,
    )


@lru_cache(maxsize=None)
def word_set(*names: str) -> frozenset[str]:
    """A lexicon read as plain lower-case words (for exact look-ups, not patterns)."""
    return frozenset(t.lower() for n in names for t in read_terms(n))


# ---- one pass for every lexicon --------------------------------------------------
#
# Scanning a text once per lexicon with a big alternation costs a regex attempt at
# every character, per lexicon. Instead, the text is split into words once and each
# word looks up, by its first letters, the few phrases that could start there; only
# those are tried, anchored at that word. Same matches, a fraction of the time.

_TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Entry:
    lexicon: str
    pattern: regex.Pattern
    literal: str  # the first word's letters: the token must start with them
    rank: int  # phrase length: where several phrases match at one word, the longest phrase wins


def _literal(word: str) -> str:
    return re.match(r"[^\W_]*", word.lower()).group()


_WINDOW = 400  # characters: far longer than any phrase with its four-word gap
_FIRST_KEY = 3  # prefix entries are bucketed by their first word's first letters
_NEXT_KEY = 2   # whole-word entries are bucketed by the next word's first letters


@lru_cache(maxsize=1)
def _index():
    """Where each phrase can start.

    exact[first word][next word's first letters or ""] -> entries, for phrases whose
    first word is a whole word ("we demand": exact["we"]["de"]); prefix[first letters]
    -> entries, for phrases that start with `word*`, "m." or a number.
    """
    exact: dict[str, dict[str, list[_Entry]]] = {}
    prefix: dict[str, list[_Entry]] = {}
    for path in sorted(LEXICON_DIR.glob("*.txt")):
        name = path.stem
        for term in read_terms(name):
            words = term.split()
            first = words[0].lower()
            pattern = regex.compile(rf"(?:{phrase_pattern(term)})(?![\p{{L}}\p{{M}}\p{{N}}])", regex.IGNORECASE)
            literal = _literal(first)
            if first == "<n>":
                prefix.setdefault("<n>", []).append(_Entry(name, pattern, "", len(term)))
            elif literal != first:  # "mislead*", "m.", "non-negotiable", "let's ..."
                prefix.setdefault(literal[:_FIRST_KEY], []).append(_Entry(name, pattern, literal, len(term)))
            else:
                second = words[1] if len(words) > 1 else ""
                nxt = "" if second in ("", "...", "<n>") else _literal(second)
                nxt = nxt[:_NEXT_KEY] if len(nxt) >= _NEXT_KEY else ""
                exact.setdefault(literal, {}).setdefault(nxt, []).append(_Entry(name, pattern, literal, len(term)))
    return exact, prefix


@lru_cache(maxsize=8192)
def _starting_with(token: str) -> tuple[tuple[_Entry, ...], dict, tuple[_Entry, ...]]:
    """The phrases that may start at `token`, in the order scan() tries them: (those whose first word is the
    token whatever follows, the token's entries by the next word's first letters, those that start with a
    prefix of it or a number). Words recur from check to check: found once per word, not once per occurrence."""
    exact, prefix = _index()
    by_next = exact.get(token, {})
    starting = [entry for n in range(1, min(len(token), _FIRST_KEY) + 1) for entry in prefix.get(token[:n], ())
                if token.startswith(entry.literal)]
    if token[0].isdigit():
        starting.extend(prefix.get("<n>", ()))
    return tuple(by_next.get("", ())), {k: tuple(v) for k, v in by_next.items() if k}, tuple(starting)


def scan(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every lexicon's matches in `text`: {lexicon name: [(start, end), ...]}, non-overlapping, in order.

    The same matches as `compiled(name).finditer`: leftmost first, and where several phrases
    match at one word, the longest phrase (the alternation lists longest first).
    """
    lowered = text.lower()
    if len(lowered) == len(text) and "\u03a3" not in text:
        # Lowered once, not token by token: the same tokens at the same places (no character changed length,
        # and no Greek capital sigma, whose lower case depends on the letters around it).
        tokens = [(m.start(), m.group()) for m in _TOKEN.finditer(lowered)]
    else:
        tokens = [(m.start(), m.group().lower()) for m in _TOKEN.finditer(text)]
    best: dict[str, dict[int, tuple[int, int]]] = {}  # lexicon -> start -> (rank, end)
    for i, (start, token) in enumerate(tokens):
        whole, by_next, starting = _starting_with(token)
        candidates = whole
        if by_next and i + 1 < len(tokens):
            following = by_next.get(tokens[i + 1][1][:_NEXT_KEY])
            if following:
                candidates = whole + following
        if starting:
            candidates = candidates + starting
        for entry in candidates:
            at = best.setdefault(entry.lexicon, {})
            if start in at and at[start][0] >= entry.rank:
                continue
            # A window, not the whole rest of the text: `regex` looks ahead for a phrase's
            # required literal ("signatures" after a number) and would scan to the end
            # of the text on every try, which is quadratic on a long text.
            window = start + _WINDOW
            hit = entry.pattern.match(text, start, window)
            if hit and hit.end() == window < len(text):
                hit = entry.pattern.match(text, start)  # the match touched the window's edge
            if hit and hit.end() > start:
                at[start] = (entry.rank, hit.end())
    result: dict[str, list[tuple[int, int]]] = {}
    for name, at in best.items():
        spans, last_end = [], -1
        for start in sorted(at):
            end = at[start][1]
            if start >= last_end:
                spans.append((start, end))
                last_end = end
        if not spans:
            continue
        result[name] = spans
    return result
