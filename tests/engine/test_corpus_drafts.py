"""Pasted-format drafts (tests/engine/corpus/drafts): the petition inside is found and nothing is lost."""
import tomllib
from pathlib import Path

import pytest

from petition.accounting import problems
from petition.analysis import analyze_reading
from petition.reader import read

DRAFTS = Path(__file__).parent / "corpus" / "drafts"
# One file per set of drafts (expected.toml, expected-ask.toml, ...), so sets added side by side merge cleanly.
EXPECTED = {name: entry for path in sorted(DRAFTS.glob("expected*.toml"))
            for name, entry in tomllib.loads(path.read_text(encoding="utf-8")).items()}


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
    assert set(expected.get("notes", [])) <= {n.code for n in reading.notes}, reading.notes
    errors = analyze_reading(reading).errors
    assert [f.code for f in errors] == expected.get("errors", []), errors
    if "suggestion" in expected:
        assert errors[0].suggestion == expected["suggestion"]


def test_every_draft_has_its_expected_petition():
    on_disk = {p.name for p in DRAFTS.iterdir() if p.suffix == ".txt"}
    assert on_disk == set(EXPECTED), on_disk ^ set(EXPECTED)
