"""Pasted drafts (tests/engine/corpus/drafts): the petition inside is found and nothing is lost.

Each draft's expected petition is in expected.toml, judged by a person; `corpus_judge.judge` says
what differs. A draft marked `known_gap` is one the reader does not get right yet: it must still
lose nothing, and it counts against the share of right drafts, which may not fall below the
measured floor. `bench/corpus_share.py` prints the share and every miss.
"""
import pytest

from corpus_judge import DRAFTS, expectations, judge
from petition.analysis import analyze_reading
from petition.accounting import problems
from petition.reader import read

EXPECTED = expectations()


SETTLED = sorted(n for n in EXPECTED if "known_gap" not in EXPECTED[n])
# Measured on 2026-12-02 (bench/corpus_share.py): 41 of 44 drafts right. A reader change that
# fixes a known gap raises the share; one that breaks a right draft fails here or above.
SHARE_FLOOR = 0.9


@pytest.mark.parametrize("name", SETTLED)
def test_the_petition_inside_a_pasted_draft(name):
    core, parts = judge(name, EXPECTED[name])
    assert core + parts == []


def test_the_share_of_right_drafts_stays_at_least_the_measured_figure():
    right = sum(1 for n in EXPECTED if not judge(n, EXPECTED[n])[0])
    assert right / len(EXPECTED) >= SHARE_FLOOR, f"{right} of {len(EXPECTED)}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_draft_loses_nothing_and_draws_only_its_expected_errors(name):
    reading = read((DRAFTS / name).read_text(encoding="utf-8"))
    assert not problems(reading), problems(reading)
    if name in SETTLED:
        errors = sorted({f.code for f in analyze_reading(reading).errors})
        assert errors == sorted(EXPECTED[name].get("errors", [])), errors


def test_the_corpus_is_big_enough_and_covers_the_classes():
    names = set(EXPECTED)
    assert len(names) >= 40
    assert sum(1 for n in names if "-fr" in n or n.startswith("lex-fr")) >= 8
    for wrapper in (".md.txt", ".html.txt", ".email.txt", ".pdf.txt"):
        assert any(n.endswith(wrapper) for n in names), wrapper
    assert {p.name for p in DRAFTS.iterdir() if p.name not in ("README.md", "expected.toml")} == names
