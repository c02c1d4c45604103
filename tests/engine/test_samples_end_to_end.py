"""The sample petitions through the whole pipeline (reader + checks), as the CLI and web app run them."""
from pathlib import Path

import pytest

from conftest import SAMPLES, sample
from petition.analysis import analyze_text

CERTIFIED = sorted(p.name for p in (SAMPLES / "certified").glob("*.txt"))


@pytest.mark.parametrize("kind", ["e-petition", "paper"])
@pytest.mark.parametrize("name", CERTIFIED)
def test_certified_petitions_get_no_error_and_no_warning(name, kind):
    a = analyze_text(sample(f"certified/{name}"), kind=kind)
    assert a.errors == [], [f.message for f in a.errors]
    # Calibration: warnings on petitions the House accepted should be rare; today there are none.
    assert a.warnings == [], [f.message for f in a.warnings]
    assert a.petition.prayer


@pytest.mark.parametrize("name", CERTIFIED)
def test_certified_petitions_are_under_the_limit_by_the_house_count(name):
    a = analyze_text(sample(f"certified/{name}"), kind="e-petition")
    assert a.word_count.counted <= 250


def test_certified_french_petition_reads_as_french():
    a = analyze_text(sample("certified/e-1961-fr.txt"))
    assert a.language == "fr"
    assert a.rendered.text.startswith("Pétition au gouvernement du Canada")


@pytest.fixture(scope="module")
def tovuz():
    return analyze_text(sample("freeform/tovuz-aggression.txt"))


def test_tovuz_is_over_the_limit(tovuz):
    [f] = [f for f in tovuz.errors if f.code == "over-limit"]
    assert f.rule == "R-LEN-1"
    assert tovuz.word_count.counted > 250
    text = sample("freeform/tovuz-aggression.txt")
    assert 0 <= f.start < f.end <= len(text)


def test_tovuz_banner_is_removed(tovuz):
    removed = " ".join(r.text for r in tovuz.removed)
    assert "have signed" in removed and "2,500" in removed
    assert "have signed" not in tovuz.rendered.text and "get to 2,500" not in tovuz.rendered.text


def test_tovuz_prayer_asks_the_government_of_canada_for_its_four_asks(tovuz):
    assert tovuz.petition.addressee.kind == "government"
    prayer = tovuz.petition.prayer
    for ask in ("stop the illegal Armenian military occupation",
                "enforce the UN Security Council and General Assembly resolutions",
                "remove all Armenian military forces",
                "allow the return of Azerbaijani displaced persons"):
        assert ask in prayer
    assert "call upon the Government of Canada to" in tovuz.rendered.text


def test_freeform_without_a_request_says_so():
    a = analyze_text(sample("freeform/rent-control.txt"))
    assert [f.code for f in a.errors] == ["no-prayer"]


def test_tovuz_heated_phrases_are_flagged_for_review_not_refused(tovuz):
    flagged = [f for f in tovuz.findings if f.rule == "R-LANG-1"]
    assert any(f.excerpt == "utterly" for f in flagged)
    assert all(f.severity == "warning" for f in flagged)
