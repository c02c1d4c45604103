"""Context for the word lists: what a hit is part of, and whom it is aimed at.

A word list cannot tell "the Minister called us 'thieves'" (someone else's words, quoted)
from "the Minister's thieves", nor "the Criminal Code" from "a criminal government". The
House weighs exactly that (petition-rules.md 4.1: tone, intention, who the words target;
5.15: "racist policies" said of a policy, not a person). So before a hit is reported:

- shields: quoted speech (“…”, « … », "…"), a citation in brackets ("(Transparency
  International)", "(Statistics Canada, 2023)") and the title of a statute or bill ("the
  Criminal Code", "Bill C-21", "the Canada Health Act", « Loi sur les Indiens ») are not the
  petitioners' own charge: hits inside them are not reported;
- aim: an insult followed by a policy word ("racist politics") is heated wording about a
  policy, a warning of its own; a charge next to the government ("criminal government") is
  weighed differently from one next to Parliament or a private person (see tone.py).

All patterns here are linear: bounded quantifiers, no nested repetition.
"""
from __future__ import annotations

import bisect

import regex

# Longer than this, a "quotation" is the petitioners' own text between marks (or a lengthy
# extract, which R-ATT-1 bars anyway): it shields nothing.
QUOTE_MAX_CHARS = 240
# A citation is short: a source's name, maybe a year or a page.
CITATION_MAX_WORDS = 10

_QUOTES = regex.compile(
    r"“[^“”\n]{1,%(n)d}”|«[^«»\n]{1,%(n)d}»|\"[^\"\n]{1,%(n)d}\"|‘[^‘’\n]{1,%(n)d}’(?![\p{L}])" % {"n": QUOTE_MAX_CHARS}
)
# "(Transparency International)", "(Auditor General, 2023)", "(source: CMHC)": brackets that open
# on a capital, a "source"/"see" word or a year, with no sentence inside.
_CITATION = regex.compile(
    r"\((?:(?i:source|sources|see|cf|voir|selon|according to)\b[^()\n]{0,120}"
    r"|\p{Lu}[^()\n.;!?]{0,120}|\d{4}[^()\n.;!?]{0,60})\)|\[\d{1,3}\]"
)
# Words are bounded ({0,40}): an unbounded run would make a 20,000-letter "A-A-A-..." quadratic.
_TITLE_WORD = r"(?:\p{Lu}[\p{L}'’\-]{0,40}|of|the|and|on|for|to|in|de|du|des|la|le|les|l['’]|d['’]|sur|et|à|au|aux|en)"
_STATUTE = regex.compile(
    # Bill C-21, Bill S-3, projet de loi C-21
    r"(?i:\bbill|\bprojet\s+de\s+loi)\s+[CS]-\d{1,4}\b"
    # the Criminal Code (of Canada), le Code criminel
    r"|\b(?:Criminal\s+Code(?:\s+of\s+Canada)?|Code\s+criminel|Charter\s+of\s+Rights(?:\s+and\s+Freedoms)?"
    r"|Charte\s+canadienne\s+des\s+droits(?:\s+et\s+libertés)?)\b"
    # Loi sur les Indiens, Loi canadienne sur la santé, Loi de l'impôt sur le revenu
    r"|\bLoi\s+(?:canadienne\s+|fédérale\s+)?(?:sur|de|concernant|relative|visant)\b(?:\s+" + _TITLE_WORD + r"){1,8}",
    regex.V1,
)


# "the Canada Health Act", "the Criminal Records Act, 1985": capitalized words ending in "Act". Read
# from each "Act" backwards over at most eight words, never tried at every capitalized word.
_ACT = regex.compile(r"\bAct\b(?:,?\s+\d{4})?")
_TITLE_TOKEN = regex.compile(_TITLE_WORD, regex.V1)
_NON_SPACE = regex.compile(r"\S+")
_ACT_WINDOW = 120  # characters before "Act": room for eight title words
_ACT_WORDS = 8


def _acts(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _ACT.finditer(text):
        lo = max(0, m.start() - _ACT_WINDOW)
        words = _NON_SPACE.findall(text, lo, m.start())
        start, at = None, m.start()
        for word in reversed(words[-_ACT_WORDS:]):
            at = text.rfind(word, lo, at)
            if not _TITLE_TOKEN.fullmatch(word):
                break
            if word[0].isupper():
                start = at
        if start is not None:
            found.append((start, m.end()))
    return found


def shields(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that are someone else's words or a title: quotations, citations, statutes."""
    spans = [(m.start(), m.end()) for pattern in (_QUOTES, _STATUTE) for m in pattern.finditer(text)]
    spans += _acts(text)
    spans += [(m.start(), m.end()) for m in _CITATION.finditer(text) if len(m.group().split()) <= CITATION_MAX_WORDS]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of the sorted, disjoint `spans`."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


# Up to this many words between an insult and the policy word it qualifies ("racist and
# oppressive immigration policies").
POLICY_GAP_WORDS = 3
_WORDS_AFTER = regex.compile(r"(?:[\s,]+(?:and|or|et|ou|[\p{L}'’\-]+)){0,%d}" % POLICY_GAP_WORDS)


def aimed_at_policy(text: str, end: int, policy_starts: list[int]) -> bool:
    """Whether a policy word ("politics", "policies", "loi") follows the word ending at `end`
    within a few words, so the word qualifies a policy, not a person."""
    if not policy_starts:
        return False
    m = _WORDS_AFTER.match(text, end)
    limit = m.end() if m else end
    i = bisect.bisect_left(policy_starts, end)
    return i < len(policy_starts) and policy_starts[i] <= limit


# How close a charge must sit to "the government" to be aimed at it: a few words, within one
# clause ("this criminal Liberal government", "the government lied", "ce gouvernement est
# corrompu"). A wider window would catch "the government must fight tax fraud".
GOVERNMENT_GAP_WORDS = 3
# Words that turn a charge word into a policy's subject: "act against fraud", "lutter contre la fraude".
_AGAINST = regex.compile(
    r"(?i)\b(?:against|fight(?:ing)?|combat(?:ing)?|prevent(?:ing)?|stop(?:ping)?|end(?:ing)?|tackle|tackling"
    r"|investigate|investigating|prosecute|protect(?:ing)?|on|about|for|contre|lutter|prévenir|enquêter|sur|pour)\b"
)
_BETWEEN = regex.compile(r"[^.;:!?\n]{0,80}")


def close_to(text: str, a: tuple[int, int], b: tuple[int, int], gap_words: int = GOVERNMENT_GAP_WORDS) -> bool:
    """Whether spans a and b are within `gap_words` words of each other in one clause, with no
    word between them that makes the charge a policy's subject ("against", "contre")."""
    (s1, e1), (s2, e2) = sorted((a, b))
    between = text[e1:s2]
    if len(between) > 80 or not _BETWEEN.fullmatch(between):
        return False
    if len(between.split()) > gap_words:
        return False
    return not _AGAINST.search(between)
