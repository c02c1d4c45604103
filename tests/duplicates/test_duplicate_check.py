"""The duplicate check (R-SUBJ-4) against a saved list of open e-petitions (tests/duplicates/*.xml, *.html)."""
from __future__ import annotations

from pathlib import Path

from petition.duplicates import THRESHOLD, OpenList, similar_findings, similar_open_petitions
from petition.open_petitions import parse_open_list
from petition.reader import read

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "samples"


def saved_list() -> OpenList:
    petitions = []
    for name in ("open-petitions.xml", "open-petitions-fr.xml", "open-petitions.html"):
        petitions += parse_open_list((HERE / name).read_bytes()).petitions
    return OpenList(petitions)


def draft(path: Path):
    return read(path.read_text(encoding="utf-8")).petition


def test_a_reworded_copy_of_an_open_petition_is_found_first():
    found = similar_open_petitions(draft(HERE / "reworded-e-4745.txt"), saved_list())
    assert found[0].number == "e-4745"
    assert found[0].title == "Arms embargo on Israel"
    assert found[0].score >= 50
    # e-4661, on the same subject (an arms embargo on Israel) by someone else, is named too, lower.
    assert [s.number for s in found[1:]] == ["e-4661"] and found[1].score < found[0].score


def test_an_unrelated_petition_stays_quiet():
    for unrelated in (SAMPLES / "certified" / "e-2490.txt", HERE.parent / "engine" / "corpus" / "accept" /
                      "en-gov-broadband.txt"):
        assert similar_open_petitions(draft(unrelated), saved_list()) == []


def test_a_french_draft_finds_the_french_listing_and_names_the_petition_once():
    found = similar_open_petitions(draft(SAMPLES / "certified" / "e-4904-fr.txt"), saved_list())
    assert [(s.number, s.language) for s in found] == [("e-4904", "fr")]
    assert found[0].title.startswith("Prolongation de la période")


def test_the_same_petition_in_english_is_found_in_the_english_listing():
    found = similar_open_petitions(draft(SAMPLES / "certified" / "e-4904.txt"), saved_list())
    assert [(s.number, s.language) for s in found] == [("e-4904", "en")] and found[0].score >= 90


def test_findings_are_warnings_in_the_petitions_language_never_errors():
    found = similar_open_petitions(draft(HERE / "reworded-e-4745.txt"), saved_list())
    english = similar_findings(found, "en")
    assert [(f.rule, f.severity, f.code) for f in english] == [("R-SUBJ-4", "warning", "similar-open-petition")] * 2
    assert "e-4745" in english[0].message and "Arms embargo on Israel" in english[0].message
    assert f"similarity {found[0].score} out of 100" in english[0].message
    french = similar_findings(found, "fr")
    assert "pétition électronique ouverte e-4745" in french[0].message and "«\u00a0Arms embargo on Israel\u00a0»" in french[0].message


def test_at_most_three_are_named_closest_first():
    petitions = parse_open_list((HERE / "open-petitions.xml").read_bytes()).petitions
    many = OpenList([*petitions] + [type(petitions[0])(f"e-{9000 + i}", f"Copy {i}", petitions[0].text)
                                    for i in range(5)])
    found = similar_open_petitions(draft(HERE / "reworded-e-4745.txt"), many)
    assert len(found) == 3 and all(s.score >= THRESHOLD for s in found)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_an_empty_draft_or_list_is_compared_with_nothing():
    assert similar_open_petitions(read("").petition, saved_list()) == []
    assert similar_open_petitions(draft(HERE / "reworded-e-4745.txt"), []) == []
