"""The duplicate threshold (petition.duplicates.THRESHOLD) measured on real petitions (R-SUBJ-4).

Every real pair of petitions on one subject, written by different people, must reach the threshold (the Clerk
may judge them substantially the same, so the organizer should look), and every pair on different subjects must
stay under it (a warning there would be noise). The files are in tests/duplicates/calibration (sources in its
README) with three certified samples of other subjects. Each ordered pair is tried: the first as the draft
(read by the reader, as the web app holds it), the second as the House lists it (its whole published text).
"""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from petition.duplicates import THRESHOLD, OpenPetition, similar_open_petitions
from petition.reader import read

HERE = Path(__file__).parent
CERTIFIED = HERE.parent / "samples" / "certified"
FILES = sorted((HERE / "calibration").glob("*--*.txt")) + [CERTIFIED / "e-4904.txt", CERTIFIED / "e-2490.txt",
                                                            CERTIFIED / "e-1961-fr.txt"]


def subject(path: Path) -> str:
    return path.stem.split("--")[0] if "--" in path.stem else path.stem


def score(draft: Path, listed: Path) -> int:
    """The draft's score against the listed petition, 0 when under any threshold at all."""
    petition = read(draft.read_text(encoding="utf-8")).petition
    found = similar_open_petitions(petition, [OpenPetition(listed.stem, listed.stem, listed.read_text(encoding="utf-8"))],
                                   threshold=0)
    return found[0].score if found else 0


PAIRS = [(a, b) for a, b in itertools.permutations(FILES, 2)]
SAME = [(a, b) for a, b in PAIRS if subject(a) == subject(b)]
DIFFERENT = [(a, b) for a, b in PAIRS if subject(a) != subject(b)]


def test_the_calibration_set_has_real_pairs_on_both_sides():
    assert len(SAME) >= 10 and len(DIFFERENT) >= 90
    assert len({subject(a) for a, _ in SAME}) >= 4


@pytest.mark.parametrize("draft, listed", SAME, ids=[f"{a.stem}~{b.stem}" for a, b in SAME])
def test_petitions_on_one_subject_reach_the_threshold(draft, listed):
    assert score(draft, listed) >= THRESHOLD


def test_petitions_on_different_subjects_stay_under_the_threshold():
    over = [(a.stem, b.stem, s) for a, b in DIFFERENT if (s := score(a, b)) >= THRESHOLD]
    assert over == []


def test_the_threshold_sits_inside_the_gap_with_room_on_both_sides():
    """Not at the edge of either side: a slightly different rewording should not flip a pair."""
    lowest_same = min(score(a, b) for a, b in SAME)
    highest_different = max(score(a, b) for a, b in DIFFERENT)
    assert highest_different + 2 <= THRESHOLD <= lowest_same - 2, (highest_different, lowest_same)
