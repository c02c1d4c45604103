"""R-LANG-1, R-LANG-2, R-SUBJ-5: respectful, temperate wording; no charges against authorities or named people.

Every hit is a warning: no word is unparliamentary in itself and context decides
(petition-rules.md 4.1, S28, S29, S33).
"""
from __future__ import annotations

import bisect

import regex

from .aim import aimed_at_policy, close_to, inside
from .context import Context
from .lexicon import word_set

# How far an accusation may sit from its target and still be "about" it.
NEAR_CHARS = 60
# Shouting: this many upper-case words in a row (formula words like WHEREAS excluded).
CAPS_RUN_WORDS = 4
CAPS_RUN_LETTERS = 16

_CAPS_WORD = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}\p{N}'’\-]*\p{Lu}(?![\p{L}\p{N}])")
_CAPS_RUN = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{Lu}'’\-]*\p{Lu}(?:[\s,;:.!?\-]+\p{Lu}[\p{Lu}'’\-]*\p{Lu}){%d,}(?![\p{L}\p{N}])"
    % (CAPS_RUN_WORDS - 1)
)
_FORMULA_CAPS = {"WHEREAS", "THAT", "THEREFORE", "ATTENDU", "QUE", "PETITION", "PÉTITION", "TO", "THE", "WE", "OF"}
_EXCLAIM = regex.compile(r"!{2,}|[!?]{3,}")
_CAPITALIZED = regex.compile(r"(?<![\p{L}\p{N}'’])\p{Lu}[\p{Ll}'’\-]+(?:\s+\p{Lu}[\p{Ll}'’\-]+){1,2}")
_TITLED = None


def _titled_name() -> regex.Pattern:
    global _TITLED
    if _TITLED is None:
        titles = sorted(word_set("name-title"), key=len, reverse=True)
        alternation = "|".join(regex.escape(t) for t in titles)
        _TITLED = regex.compile(
            rf"(?<![\p{{L}}])(?i:{alternation})(?:(?<=\.)|(?![\p{{L}}]))\s+\p{{Lu}}[\p{{Ll}}'’\-]+", regex.V1
        )
    return _TITLED


def _personal_names(text: str) -> list[tuple[int, int]]:
    """Likely personal names: "Mr. Smith", "Minister Jones", or two or three capitalized words
    that are neither places nor institutions (not-name lexicon)."""
    stop = word_set("not-name")
    found = [(m.start(), m.end()) for m in _titled_name().finditer(text)]
    for m in _CAPITALIZED.finditer(text):
        words = m.group().split()
        if not any(w.lower().strip("'’") in stop for w in words):
            found.append((m.start(), m.end()))
    return sorted(found)


class _Targets:
    """Spans sorted by start, searchable for one near a given span in log time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        # A target can start up to its own length before the window; names and phrases are short.
        self.longest = max((e - s for s, e in self.spans), default=0)

    def near(self, start: int, end: int) -> tuple[int, int] | None:
        targets = self.spans
        i = bisect.bisect_left(self.starts, start - NEAR_CHARS - self.longest)
        while i < len(targets) and targets[i][0] <= end + NEAR_CHARS:
            if targets[i][1] >= start - NEAR_CHARS:
                return targets[i]
            i += 1
        return None


def _names(ctx: Context, part) -> list[tuple[int, int]]:
    """Personal names in a part, leaving out those inside a citation or a title ("(Transparency International)")."""
    shielded = ctx.shields(part)
    return [(s, e) for s, e in _personal_names(part.text) if not inside(shielded, s, e)]


def _private(ctx: Context, part, name: tuple[int, int]) -> bool:
    """Whether the name follows a word for a private person: "our neighbour Bob Tremblay", "my landlord, J. Smith"."""
    for s, e in ctx.hits(part, "private-person"):
        if e <= name[0] and _INTRO_GAP.fullmatch(part.text, e, name[0]):
            return True
    return False


_INTRO_GAP = regex.compile(r"[\s,:]{1,4}")


def _charges(ctx: Context, part):
    """R-LANG-1, R-LANG-2, R-LANG-4, R-SUBJ-5: charges, and whom each is aimed at."""
    text = part.text
    charged: list[tuple[int, int]] = []
    for s, e in ctx.hits(part, "charge"):
        charged.append((s, e))
        yield ctx.finding("charge-wording", part, s, e)
    accusations = [(s, e) for s, e in ctx.hits(part, "accusation")
                   if not any(cs <= s and e <= ce for cs, ce in charged)]
    if not accusations:
        return
    authorities = _Targets(ctx.hits(part, "authority") + ctx.hits(part, "provincial-authority"))
    government = ctx.hits(part, "government")
    criticism = ctx.hits(part, "criticism") if government else []
    names = None
    for start, end in accusations:
        target = authorities.near(start, end)
        if target:
            yield ctx.finding("charge-against-authority", part, min(start, target[0]), max(end, target[1]))
            continue
        mild = any(cs <= start and end <= ce for cs, ce in criticism)
        target = None if mild else next((g for g in government if close_to(text, (start, end), g)), None)
        if target:
            yield ctx.finding("charge-against-government", part, min(start, target[0]), max(end, target[1]))
            continue
        if names is None:
            names = _Targets(_names(ctx, part))
        target = names.near(start, end)
        if target:
            s, e = min(start, target[0]), max(end, target[1])
            if _private(ctx, part, target):
                yield ctx.finding("private-person-accused", part, s, e)
            else:
                yield ctx.finding("accusation-named-person", part, s, e)


def _insults(ctx: Context, part):
    """R-LANG-1: words ruled unparliamentary; aimed at a policy ("racist politics") they are heated
    wording about the policy, not a word said of a person."""
    hits = ctx.hits(part, "unparliamentary")
    if not hits:
        return
    policy = [s for s, _ in ctx.hits(part, "policy-noun")]
    for s, e in hits:
        code = "intemperate" if aimed_at_policy(part.text, e, policy) else "unparliamentary"
        yield ctx.finding(code, part, s, e)


def check(ctx: Context):
    for part in ctx.text_parts():
        text = part.text
        yield from _insults(ctx, part)
        for s, e in ctx.hits(part, "intemperate"):
            yield ctx.finding("intemperate", part, s, e)
        for s, e in ctx.hits(part, "profanity"):
            yield ctx.finding("profanity", part, s, e)
        # Calibration: paper petitions in the older form set whole clauses in capitals
        # and are certified; there only a shouted phrase inside ordinary text is flagged.
        styled = ctx.kind == "paper" and not regex.search(r"\p{Ll}", text)
        for m in () if styled else _CAPS_RUN.finditer(text):
            words = [w for w in _CAPS_WORD.findall(m.group()) if w not in _FORMULA_CAPS]
            if len(words) >= CAPS_RUN_WORDS and sum(len(w) for w in words) >= CAPS_RUN_LETTERS:
                yield ctx.finding("shouting-caps", part, m.start(), m.end(), suggestion=m.group().capitalize())
        for m in _EXCLAIM.finditer(text):
            yield ctx.finding("shouting-exclamation", part, m.start(), m.end(), suggestion=".")
        if part.name == "addressee":
            continue
        child = ctx.hits(part, "minor")
        if child:
            names = _Targets(_names(ctx, part))
            for start, end in child:
                target = names.near(start, end)
                if target:
                    yield ctx.finding("child-details", part, min(start, target[0]), max(end, target[1]))
        yield from _charges(ctx, part)
    # What the reader left out is not in the petition, but a charge there is still a charge the
    # organizer wrote (a title, a slogan, a lead-in): say so, as a warning.
    for part in ctx.removed_parts:
        yield from _insults(ctx, part)
        for s, e in ctx.hits(part, "profanity"):
            yield ctx.finding("profanity", part, s, e)
        yield from _charges(ctx, part)
