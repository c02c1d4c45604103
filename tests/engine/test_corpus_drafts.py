"""Pasted-format drafts (tests/engine/corpus/drafts): the petition inside is found and nothing is lost."""
import tomllib
from pathlib import Path

import pytest

from petition.accounting import problems
from petition.analysis import analyze_reading
from petition.reader import read

DRAFTS = Path(__file__).parent / "corpus" / "drafts"
EXPECTED = tomllib.loads((DRAFTS / "expected.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_petition_inside_a_pasted_draft(name):
    expected = EXPECTED[name]
    reading = read((DRAFTS / name).read_text(encoding="utf-8"))
    p = reading.petition
    assert p.addressee.kind == expected["addressee"]
    assert p.prayer == expected["prayer"]
    assert len(p.grievances) == expected["grievances"], p.grievances
    assert [r.code for r in reading.removed] == expected["removed"]
    assert not problems(reading), problems(reading)
    assert not analyze_reading(reading).errors
