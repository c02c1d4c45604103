"""The e-petition cut into the House's creation form: each part is exactly what the House publishes."""
from __future__ import annotations

from pathlib import Path

from petition.formulae import render_text
from petition.house_form import house_form
from petition.model import Addressee, Petition
from petition.reader import read
from petition.wordcount import count_petition

SAMPLES = Path(__file__).parent.parent / "samples"


def assembled(form, language="en") -> str:
    """The published text rebuilt from the parts and the House's fixed wording (petition-rules 2.2)."""
    if language == "fr":
        raise AssertionError("English only")
    grievances = f"Whereas:\n{form.grievances}\n" if form.grievances else ""
    return (f"Petition to {form.addressee}\n{grievances}We, the undersigned, {form.petitioners}, call upon "
            f"{form.addressee} to {form.prayer}")


def test_the_parts_of_a_certified_e_petition_rebuild_its_published_text():
    petition = read((SAMPLES / "certified/e-4904.txt").read_text(encoding="utf-8")).petition
    form = house_form(petition)
    assert form.addressee_kind == "government" and form.addressee == "the Government of Canada"
    assert assembled(form) == render_text(petition)
    assert form.word_count == count_petition(petition)
    assert form.grievances.count("\n") == len([g for g in petition.grievances if g.strip()]) - 1


def test_a_member_a_request_alone_and_invisible_characters():
    petition = Petition(kind="e-petition", language="en",
                        addressee=Addressee(kind="member", name="Jane\u200b Doe", riding="Ottawa Centre"),
                        grievances=["", "  "], prayer="fund\u200b the clinic")
    form = house_form(petition)
    # Nothing invisible reaches the House's form; the Member's name is as the heading prints it.
    assert form.addressee == "Jane Doe, Member of Parliament for Ottawa Centre"
    assert form.grievances == "" and form.prayer == "fund the clinic."
    assert render_text(petition).startswith(f"Petition to {form.addressee}\nWe, the undersigned")


def test_a_french_petition_keeps_the_houses_french_and_its_second_version_is_left_to_the_house():
    english = Petition(kind="e-petition", language="en", addressee=Addressee(kind="government"),
                       prayer="cap rents")
    petition = Petition(kind="e-petition", language="fr", addressee=Addressee(kind="government"),
                        grievances=["les loyers ont doublé"], prayer="plafonner les loyers",
                        second_version=english)
    form = house_form(petition)
    assert form.language == "fr" and form.addressee == "le gouvernement du Canada"
    assert form.petitioners == "citoyens et résidents du Canada"
    assert form.grievances == "les loyers ont doublé." and form.prayer == "plafonner les loyers."
    published = render_text(petition.alone())
    for part in (form.petitioners, form.grievances, form.prayer):
        assert part in published
    assert "cap rents" not in (form.prayer + form.grievances)
