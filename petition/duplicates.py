"""R-SUBJ-4: is a draft close to an e-petition already open for signature?

The House does not publish an e-petition that is identical or substantially the same as one open for
signature. Whether two petitions are "substantially the same" is the Clerk's judgment, so this only ever
warns: it names the closest open e-petitions with a score, and a person compares them.

How close: each text is reduced to its key words (lower case, without the function words of English and
French, without the words every petition uses and the House's fixed formulae, each word cut to its first
KEY_LETTERS letters so "refugee"/"refugees" and "sanction"/"sanctions" meet), as a sorted set. The score
is RapidFuzz's normalized Indel similarity of the two sets (`fuzz.ratio` on the sorted words), which on sets
is the Dice coefficient: twice the key words they share over the key words they have, 0 to 100. Word sets
rather than characters because two unrelated English texts share 40-50% of their characters in order: on the
real pairs of tests/duplicates/calibration, rapidfuzz's character scorers overlapped (token_set_ratio gave
pairs on one subject 47-59 and pairs on different subjects up to 52; token_sort_ratio 40-60 against 48),
while unrelated petitions share almost none of their key words.

Flask-free: the caller hands over the list (the web app loads it from the database, `web/open_petitions.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from . import formulae, rules
from .language import function_words
from .model import Finding, Petition

# Real petitions on one subject by different people score 22-30 against each other, petitions on different subjects
# 14 at most, a reworded copy of one 55: 17 leaves room on both sides, nearer the unrelated side, as a warning
# costs a look and a missed duplicate costs the petition (tests/duplicates/test_duplicate_threshold.py).
THRESHOLD = 17
# The closest few are enough for a person to compare; more would bury the warning.
MAX_SHOWN = 3
# Letters kept of each word: 5 joins plurals and most derived forms in both languages (immigrant/immigration,
# sanction/sanctionner) without a stemmer. Measured on the same pairs: 5 letters give a gap of 8 points
# (different subjects at most 14, one subject at least 22); 4 letters 5 points (18/23), as unrelated words meet;
# 6 letters 7 (11/18); whole words 4 (9/13), as plurals and derived forms stop meeting.
KEY_LETTERS = 5

_DATA = Path(__file__).resolve().parent / "data"
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class OpenPetition:
    """One e-petition open for signature, as the House lists it."""
    number: str  # "e-1234"
    title: str
    text: str  # as published: heading, grievances, request
    language: str = "en"


@dataclass(frozen=True)
class Similar:
    """An open e-petition close to the draft: `score` is 0-100 (see the module's docstring)."""
    number: str
    title: str
    score: int
    language: str = "en"

    def to_dict(self) -> dict:
        return {"number": self.number, "title": self.title, "score": self.score, "language": self.language}


@lru_cache(maxsize=1)
def ignored_words() -> frozenset[str]:
    """Words that say nothing about a petition's subject (see the module's docstring)."""
    words: set[str] = set(function_words("en")) | set(function_words("fr"))
    for line in (_DATA / "petition-words.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    fixed = [formulae.DEFAULT_PETITIONERS, formulae.HEADING, formulae.GRIEVANCE_OPENER, formulae.PRAYER_OPENING,
             formulae.PRAYER_LINK, formulae.MEMBER_TITLE, *formulae._FIXED_ADDRESSEES.values()]
    for table in fixed:
        for phrase in table.values():
            words.update(default_process(_PLACEHOLDER.sub(" ", phrase)).split())
    return frozenset(words)


def key_words(text: str) -> list[str]:
    """The text's key words, cut to KEY_LETTERS letters, sorted and each once."""
    ignored = ignored_words()
    return sorted({word[:KEY_LETTERS] for word in default_process(text or "").split()
                   if len(word) > 1 and word not in ignored})


def own_words(petition: Petition) -> str:
    """What the petitioners wrote themselves: the grievances and the request (the House's fixed wording is
    the same in every petition, so it says nothing about the subject)."""
    return "\n".join([*petition.grievances, petition.prayer])


# Key words are handed to RapidFuzz as one character each (see OpenList.encode), from here up: past the BMP,
# clear of the surrogates, room for a million distinct words.
_FIRST_CODE = 0x10000


class OpenList:
    """The open e-petitions with their key words worked out once (a list is compared with every draft).

    Each distinct key word of the list is given one character, and each petition's sorted key words become a
    string of those characters: RapidFuzz scores strings natively, four to six times faster than lists of
    words (bench/duplicates_speed.py), with the same score (one word, one character; the same order on both
    sides, so the longest common subsequence is still the shared words).
    """

    def __init__(self, petitions: Iterable[OpenPetition]):
        self.petitions: tuple[OpenPetition, ...] = tuple(petitions)
        words = [key_words(f"{p.title}\n{p.text}") for p in self.petitions]
        self.vocabulary: dict[str, int] = {}
        for keys in words:
            for word in keys:
                self.vocabulary.setdefault(word, len(self.vocabulary))
        self.keys: list[str] = [self.encode(keys) for keys in words]

    def encode(self, words: Sequence[str]) -> str:
        """The words as characters in one order; a word the list never uses gets a character of its own."""
        unknown = len(self.vocabulary)
        codes = []
        for word in words:
            code = self.vocabulary.get(word)
            if code is None:
                code, unknown = unknown, unknown + 1
            codes.append(code)
        return "".join(chr(_FIRST_CODE + code) for code in sorted(codes))

    def __len__(self) -> int:
        return len(self.petitions)


def similar_open_petitions(petition: Petition, open_petitions: OpenList | Sequence[OpenPetition], *,
                           threshold: int = THRESHOLD, limit: int = MAX_SHOWN) -> list[Similar]:
    """The open e-petitions scoring `threshold` or more against the draft, closest first (at most `limit`,
    one per number: the same petition listed in English and French counts once)."""
    prepared = open_petitions if isinstance(open_petitions, OpenList) else OpenList(open_petitions)
    draft = key_words(own_words(petition))
    if not draft or not prepared.petitions:
        return []
    # Both languages of one petition may be listed: ask for enough to keep `limit` distinct numbers.
    found = process.extract(prepared.encode(draft), prepared.keys, scorer=fuzz.ratio, processor=None,
                            score_cutoff=threshold, limit=limit * 2 + 2)
    best: dict[str, Similar] = {}
    for _keys, score, index in found:
        open_petition = prepared.petitions[index]
        similar = Similar(open_petition.number, open_petition.title, int(round(score)), open_petition.language)
        kept = best.get(similar.number)
        # The version in the draft's language wins a tie: it is the one to read beside the draft.
        if kept is None or (similar.score, similar.language == petition.language) > \
                (kept.score, kept.language == petition.language):
            best[similar.number] = similar
    return sorted(best.values(), key=lambda s: (-s.score, s.number))[:limit]


# The finding's code in petition/findings.py.
FINDING = "similar-open-petition"


def similar_findings(similar: Sequence[Similar], language: str) -> list[Finding]:
    """One R-SUBJ-4 warning per close open e-petition, in `language` (the petition's)."""
    entry = rules.entry(FINDING)
    return [Finding(rule=entry["rule"], severity=entry["severity"], part="", code=FINDING, excerpt=s.number,
                    message=rules.message(FINDING, language, number=s.number, title=s.title, score=s.score))
            for s in similar]
