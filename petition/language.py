"""Is a text English, French, or neither (R-LANG-3)?

Why function-word profiles and not a language-identification library: a petition
is short (often one heading and a sentence or two), only two answers matter, and
the common libraries either need a model download (fastText, lingua's larger
models) or are unreliable on a dozen words (langdetect is also non-deterministic
unless seeded). The words that carry a language are its articles, pronouns and
prepositions; counting them works from the first few words, is deterministic and
explainable, and costs nothing to install. Profiles of the neighbours most often
mistaken for English or French (Spanish, Italian, Portuguese, German, Dutch) are
kept too, so a Spanish text is recognised as Spanish ("neither") rather than read
as a weak French one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

_STOPWORD_DIR = Path(__file__).parent / "data" / "stopwords"

PROFILES: tuple[str, ...] = ("en", "fr", "es", "it", "pt", "de", "nl")
ACCEPTED: tuple[str, ...] = ("en", "fr")

# Enough of a long text to know its language; keeps a 1 MB paste fast.
SAMPLE_CHARS = 20_000
# Below this share of Latin letters the text is not English or French, whatever
# few Latin words it holds (a Russian text quoting "COVID-19").
MIN_LATIN_SHARE = 0.5
# English and French prose is 35-50% function words; a Latin-script text in which
# the best profile covers less than this is some other language (Polish, Turkish).
MIN_DENSITY = 0.15
MIN_TOKENS_FOR_DENSITY = 10
# Share of Latin letters outside the EN/FR alphabet that marks another language (Polish
# prose has about 6%; an English text quoting "Gdańsk" or "Muñoz" far under 1%).
MIN_FOREIGN_LETTERS = 0.01
# Hits needed before a clear winner counts as fully certain.
HITS_FOR_FULL_CONFIDENCE = 6

_TOKEN = re.compile(r"[^\W\d_]+")
# Runs of \w are found about twice as fast as _TOKEN's class; a run holding a digit or "_" is split by _TOKEN.
_WORD_RUN = re.compile(r"\w+")


def _tokens(text: str) -> list[str]:
    """_TOKEN.findall(text): every token lies inside one run of word characters."""
    tokens: list[str] = []
    for run in _WORD_RUN.findall(text):
        if run.isalpha():
            tokens.append(run)
        else:
            tokens.extend(_TOKEN.findall(run))
    return tokens


@dataclass
class Identification:
    """What `identify` found.

    language:     "en" or "fr", or None when the text is neither (or has no words).
    guess:        the best profile even when it is not en/fr ("es", "de", ...), or
                  "non-latin" for a text mostly in another script; None when no clue.
    confidence:   0..1, how sure the answer is on the question that matters
                  ("English or French at all?"); for a non-Latin text, the share of
                  non-Latin letters.
    latin_share:  share of letters in Latin script (1.0 for a text with no letters).
    scores:       function-word hits per profile.
    """

    language: str | None
    guess: str | None
    confidence: float
    latin_share: float
    tokens: int = 0
    scores: dict[str, int] = field(default_factory=dict)

    @property
    def certain(self) -> bool:
        return self.confidence >= 0.5


@lru_cache(maxsize=None)
def _profile(lang: str) -> frozenset[str]:
    words: set[str] = set()
    for line in (_STOPWORD_DIR / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def function_words(lang: str) -> frozenset[str]:
    """The function words of `lang` ("en", "fr", ...): the profile language identification counts."""
    return _profile(lang)


# Letters English and French are written with; other Latin letters (ą, ł, ñ, ß, ğ, ő)
# are a sign of another language when the function words are few.
_EN_FR_LETTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"
)


# _letter_shares runs on every check, twice (a fifth of POST /api/check's time when it looped over each
# character in Python): ASCII letters are counted by bytes.translate, only the other characters one by one.
_ASCII_NOT_LETTERS = bytes(code for code in range(256) if not (code < 128 and chr(code).isalpha()))
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _letter_shares(sample: str) -> tuple[float, float, int]:
    """(share of letters in Latin script, share of Latin letters not used in EN/FR, letter count)."""
    latin = letters = len(sample.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_LETTERS))
    foreign = 0
    for ch in "".join(_NOT_ASCII.findall(sample)):
        if ch.isalpha():
            letters += 1
            # Basic Latin through Latin Extended-B, plus Latin Extended Additional.
            if ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff":
                latin += 1
                if ch not in _EN_FR_LETTERS:
                    foreign += 1
    if not letters:
        return 1.0, 0.0, 0
    return latin / letters, (foreign / latin if latin else 0.0), letters


def identify(text: str) -> Identification:
    sample = (text or "")[:SAMPLE_CHARS]
    share, foreign, letters = _letter_shares(sample)
    if letters == 0:
        return Identification(None, None, 0.0, share)
    if share < MIN_LATIN_SHARE:
        return Identification(None, "non-latin", round(1.0 - share, 3), share)
    tokens = _tokens(sample.replace("’", "'").lower())
    counts = Counter(tokens)
    distinct = counts.keys()
    scores = {lang: sum(counts[word] for word in distinct & _profile(lang)) for lang in PROFILES}
    ranked = sorted(PROFILES, key=lambda lang: (-scores[lang], PROFILES.index(lang)))
    best = ranked[0]
    hits = scores[best]
    if hits == 0:
        return Identification(None, None, 0.0, share, len(tokens), scores)
    # Certainty is measured against the best profile on the other side of the
    # en/fr line: a bilingual EN+FR text is fine either way (R-LANG-3).
    same_side = ACCEPTED if best in ACCEPTED else tuple(p for p in PROFILES if p not in ACCEPTED)
    rival = max(scores[p] for p in PROFILES if p not in same_side)
    confidence = (hits - rival) / hits * min(1.0, hits / HITS_FOR_FULL_CONFIDENCE)
    if best in ACCEPTED and len(tokens) >= MIN_TOKENS_FOR_DENSITY and hits / len(tokens) < MIN_DENSITY:
        # Few English/French function words: terse petition prose ("Consular fees
        # have doubled") or another language that shares a few ("i", "a", "to").
        # Letters neither language uses tip it; either way the answer is unsure.
        if foreign >= MIN_FOREIGN_LETTERS:
            return Identification(None, None, round(min(confidence, 0.4), 3), share, len(tokens), scores)
        confidence = min(confidence, 0.4)
    language = best if best in ACCEPTED else None
    return Identification(language, best, round(confidence, 3), share, len(tokens), scores)


def detect_language(text: str) -> str | None:
    """'en', 'fr', or None when the text is neither (or too short to tell)."""
    return identify(text).language
