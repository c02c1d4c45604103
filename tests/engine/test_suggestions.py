"""Applying a finding's suggestion (petition/suggestions.py): the change lands in the part the finding names,
nothing else moves, and a suggestion that cannot be applied gives None rather than a wrong petition."""
from __future__ import annotations

import dataclasses

import pytest

from petition.analysis import analyze_petition
from petition.model import Addressee, Finding, Petition
from petition.parts import field_of
from petition.suggestions import APPLICABLE_CODES, apply_finding, can_apply, is_applicable


def petition(**fields) -> Petition:
    base = dict(kind="e-petition", language="en", addressee=Addressee(kind="government"),
                grievances=["Rents rose"], prayer="enact rent control")
    base.update(fields)
    return Petition(**base)


def finding(p: Petition, code: str) -> Finding:
    found = [f for f in analyze_petition(p).findings if f.code == code]
    assert found, f"no {code!r} finding"
    return found[0]


def test_capitals_in_a_clause_are_lowered_in_that_clause_only():
    # An empty clause box between the two: the finding's "grievance 2" counts the clauses that are shown.
    p = petition(grievances=["Rents have risen STEEPLY EVERY SINGLE YEAR", "", "Rents rose AGAIN EVERY SINGLE MONTH"])
    caps = [f for f in analyze_petition(p).findings if f.code == "shouting-caps"]
    second = next(f for f in caps if f.part == "grievance 2")
    changed = apply_finding(p, second)
    assert changed.grievances == ["Rents have risen STEEPLY EVERY SINGLE YEAR", "", "Rents rose Again every single month"]
    assert p.grievances[2] == "Rents rose AGAIN EVERY SINGLE MONTH"  # the caller's petition is left as it was


def test_an_exclamation_in_the_request_becomes_a_full_stop():
    p = petition(prayer="enact rent control now!!!")
    changed = apply_finding(p, finding(p, "shouting-exclamation"))
    assert changed.prayer == "enact rent control now."


def test_a_demand_becomes_the_action_after_the_house_formula():
    p = petition(prayer="We demand that the government enact rent control")
    changed = apply_finding(p, finding(p, "demand-framing"))
    assert changed.prayer == "enact rent control."
    assert "demand-framing" not in [f.code for f in analyze_petition(changed).findings]


def test_a_demand_whose_action_could_not_be_picked_out_is_not_applied():
    p = petition(prayer="We demand, as taxpayers and voters, an end to this unfair tax on rent")
    demand = finding(p, "demand-framing")
    assert demand.suggestion.endswith("\u2026")
    assert apply_finding(p, demand) is None and not can_apply(p, demand)


def test_an_addressee_the_house_does_not_accept_becomes_the_government():
    p = petition(addressee=Addressee(kind="other", text="the Queen"))
    changed = apply_finding(p, finding(p, "addressee-not-allowed"))
    assert changed.addressee.kind == "government"


def test_the_petitioners_wording_in_the_other_language_is_put_in_the_petitions_own():
    p = petition(petitioners="citoyens et résidents du Canada")
    changed = apply_finding(p, finding(p, "petitioners-other-language"))
    assert changed.petitioners == "citizens and residents of Canada"


def test_an_excerpt_no_longer_in_the_text_changes_nothing():
    p = petition(grievances=["Rents have risen STEEPLY EVERY SINGLE YEAR"])
    caps = finding(p, "shouting-caps")
    edited = petition(grievances=["Rents have risen steeply"])
    assert apply_finding(edited, caps) is None and not can_apply(edited, caps)


@pytest.mark.parametrize("change", [
    {"code": "url"},                 # advice, not a replacement
    {"suggestion": None},            # nothing to put in place
    {"part": "paper"},               # no field a person writes
])
def test_only_drop_in_replacements_in_a_written_part_are_applied(change):
    p = petition(grievances=["Rents have risen STEEPLY EVERY SINGLE YEAR"])
    other = dataclasses.replace(finding(p, "shouting-caps"), **change)
    assert not is_applicable(other) and apply_finding(p, other) is None


def test_every_applicable_code_is_one_the_checks_give():
    from petition.findings import CODES

    assert APPLICABLE_CODES <= set(CODES)


@pytest.mark.parametrize("part, field", [
    ("grievance 3", "grievances"), ("Grievance 12", "grievances"), ("addressee", "addressee"),
    ("petitioners", "petitioners"), ("prayer", "prayer"), ("paper", None), ("", None), ("removed", None),
])
def test_a_part_code_names_the_field_it_is_about(part, field):
    assert field_of(part) == field
