"""Pasted drafts (tests/engine/corpus/drafts): the petition inside is found and nothing is lost.

Each draft's expected petition is in expected.toml, judged by a person; `corpus_judge.judge` says
what differs. A draft marked `known_gap` is one the reader does not get right yet: it must still
lose nothing and draw no unexpected error, and the test fails once the reader gets it right
(strict), so the mark is removed then. `bench/corpus_share.py` prints the share that is right.
"""
import pytest

from corpus_judge import DRAFTS, expectations, judge
from petition.analysis import analyze_reading
from petition.accounting import problems
from petition.reader import read

EXPECTED = expectations()


def _case(name):
    gap = EXPECTED[name].get("known_gap")
    return pytest.param(name, marks=pytest.mark.xfail(reason=gap, strict=True)) if gap else name


@pytest.mark.parametrize("name", [_case(n) for n in sorted(EXPECTED)])
def test_the_petition_inside_a_pasted_draft(name):
    core, parts = judge(name, EXPECTED[name])
    assert core + parts == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_draft_loses_nothing_and_draws_only_its_expected_errors(name):
    reading = read((DRAFTS / name).read_text(encoding="utf-8"))
    assert not problems(reading), problems(reading)
    errors = sorted({f.code for f in analyze_reading(reading).errors})
    assert errors == sorted(EXPECTED[name].get("errors", [])), errors


def test_the_corpus_is_big_enough_and_covers_the_classes():
    names = set(EXPECTED)
    assert len(names) >= 40
    assert sum(1 for n in names if "-fr" in n or n.startswith("lex-fr")) >= 8
    for wrapper in (".md.txt", ".html.txt", ".email.txt", ".pdf.txt"):
        assert any(n.endswith(wrapper) for n in names), wrapper
    assert {p.name for p in DRAFTS.iterdir() if p.name not in ("README.md", "expected.toml")} == names
