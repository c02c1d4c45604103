"""R-SUBJ-1, R-SUBJ-2 and R-ATT-1."""
import pytest

from engine_helpers import analyse, codes, only


@pytest.mark.parametrize("text", ["City council approved the by-law", "The school board cut the program"])
def test_provincial_or_municipal_cues_warn(text):
    a = analyse(grievances=[text])
    found = only(a, "provincial-municipal")
    assert all(f.severity == "warning" and f.rule == "R-SUBJ-1" for f in found)


def test_federal_subject_is_quiet():
    a = analyse(grievances=["Employment Insurance rules deny benefits to new mothers"])
    assert not [f for f in a.findings if f.rule.startswith("R-SUBJ")]


def test_french_premier_ministre_is_not_a_provincial_cue():
    a = analyse(grievances=["Le premier ministre du Canada a promis un rapport"], prayer="publier le rapport",
                language="fr")
    assert "provincial-municipal" not in codes(a)


def test_court_cues_warn():
    a = analyse(grievances=["The lawsuit against the company is before the courts"])
    found = only(a, "court-matter")
    assert all(f.rule == "R-SUBJ-2" and f.severity == "warning" for f in found)


def test_appeal_to_the_government_is_not_a_court_cue():
    a = analyse(grievances=["We appeal to the government for help"])
    assert "court-matter" not in codes(a)


def test_request_for_support_is_an_error():
    a = analyse(grievances=["Rents doubled"], prayer="cap rents. Please sign and share this petition")
    found = only(a, "support-request")
    assert {f.severity for f in found} == {"error"} and {f.rule for f in found} == {"R-ATT-1"}


def test_promotional_cues_and_attachments_warn():
    a = analyse(grievances=["For more information see the attached document", "Paid for by the Lake Society"])
    assert {"support-cue", "attachment-reference"} <= set(codes(a))
    assert a.errors == []


def test_asking_people_to_donate_items_is_a_legitimate_request():
    # e-2490 (certified) asks the House to call on individuals to donate sealed items.
    a = analyse(prayer="call on individuals to donate sealed items to hospitals")
    assert not [f for f in a.findings if f.rule == "R-ATT-1"]


def test_petitioners_from_a_province_are_not_a_provincial_subject():
    a = analyse(grievances=["Federal health transfers have not kept pace"],
                petitioners="residents of the Province of Ontario")
    assert not [f for f in a.findings if f.rule.startswith("R-SUBJ")]
    # The same words in a grievance still draw a person's eye.
    assert "provincial-municipal" in codes(analyse(grievances=["The Province of Ontario cut the program"]))
