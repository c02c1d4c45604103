"""Counting words toward the e-petition limit the way the House appears to count them.

The House does not publish its tokeniser (petition-rules.md section 5 item 8), but
certified e-petitions show what counts (Calibration): the grievances and the prayer
only, numbers as words, a hyphenated word or a French elision ("l'attention") as
one word, list markers ("1.", "a)", "(i)") not at all, and a stray dash not at all.
So the displayed count is the whitespace tokens that hold a letter or a digit,
minus list markers. Because the real tokeniser might split "high-speed" or
"l'attention", `upper_bound` also counts every letter-or-digit run (stack-notes
5.1): a text under the limit by both counts is safe whatever the House does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .limits import E_PETITION_WORD_LIMIT, WORD_LIMIT_WARN_AT
from .model import Petition

_TOKEN = re.compile(r"\S+")
# A letter or a digit in any script ("\w" minus the underscore).
_WORD_CHAR = re.compile(r"[^\W_]")
_WORD_RUN = re.compile(r"[^\W_]+")
# "1." "12)" "a)" "b." "(iv)" "(2)": only a marker where a list item can start.
_MARKER = re.compile(r"(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})[.)]|\((?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,5})\)")
# A token after one of these may start a list item ("...EIA); 2. Extending").
_ITEM_BOUNDARY_END = (";", ":")


@dataclass(frozen=True)
class WordCount:
    counted: int
    limit: int | None  # None on paper: no limit (R-LEN-2)
    upper_bound: int

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.counted > self.limit

    @property
    def near_limit(self) -> bool:
        """Close enough that another tokeniser could push it over (R-LEN-1 margin)."""
        if self.limit is None or self.over_limit:
            return False
        return self.counted >= WORD_LIMIT_WARN_AT or self.upper_bound > self.limit

    def to_dict(self) -> dict:
        return {"counted": self.counted, "limit": self.limit, "upper_bound": self.upper_bound}


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each counted word sits in `text`, as (start, end) pairs, in order."""
    spans: list[tuple[int, int]] = []
    previous_end = 0
    previous = ""
    for m in _TOKEN.finditer(text):
        token = m.group()
        # Linear: only the gap since the previous token is looked at.
        at_item_start = (
            not previous
            or "\n" in text[previous_end:m.start()]
            or previous.endswith(_ITEM_BOUNDARY_END)
        )
        if _WORD_CHAR.search(token) and not (at_item_start and _MARKER.fullmatch(token)):
            spans.append((m.start(), m.end()))
        previous, previous_end = token, m.end()
    return spans


# A list marker where an item can start: at the start of a line (or of the text),
# or after a token that ends in ";" or ":". Same rule as `word_spans`, as one regex
# so counting is a C-speed scan (the web page recounts on every keystroke).
# Leading space never crosses a line break: each line start is tried once, so a text
# of blank lines stays linear.
_MARKER_AT_ITEM_START = re.compile(
    r"(?:^[^\S\n]*|(?<=[;:])[^\S\n]+)(?:" + _MARKER.pattern + r")(?!\S)", re.MULTILINE
)
# Anchored at token starts and stopping at the first letter or digit: each token is read once.
_COUNTED_TOKEN = re.compile(r"(?<!\S)\S*?[^\W_]")


def _markers(text: str) -> int:
    return len(_MARKER_AT_ITEM_START.findall(text))


def count_words(text: str) -> int:
    """Words as the House counts them: whitespace tokens with a letter or digit, list markers left out."""
    return len(_COUNTED_TOKEN.findall(text)) - _markers(text)


def upper_bound(text: str) -> int:
    """A pessimistic count: every letter-or-digit run in a counted word is a word ("high-speed" is 2)."""
    # A marker token holds exactly one run ("1." "(iv)"), so subtracting one per marker is exact.
    return len(_WORD_RUN.findall(text)) - _markers(text)


def counted_text(petition: Petition) -> str:
    """The words the limit covers: grievances and prayer, one item per line (R-LEN-1)."""
    items = [g for g in petition.grievances if g and g.strip()]
    if petition.prayer and petition.prayer.strip():
        items.append(petition.prayer)
    return "\n".join(items)


def count_petition(petition: Petition) -> WordCount:
    text = counted_text(petition)
    limit = E_PETITION_WORD_LIMIT if petition.kind == "e-petition" else None
    return WordCount(counted=count_words(text), limit=limit, upper_bound=upper_bound(text))
