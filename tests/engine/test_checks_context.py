"""Issue 9 part 6: the word lists with context. Each case is a sentence an organizer writes; the
finding it must draw (always a warning: context decides, petition-rules.md 4.1 and 5) or the
false alarm it must not."""
from pathlib import Path

import pytest

from engine_helpers import analyse, assert_span_is_excerpt, codes, only
from petition.analysis import analyze_text
from petition.checks.aim import shields

TONE = {"unparliamentary", "intemperate", "charge-wording", "charge-against-authority",
        "charge-against-government", "accusation-named-person", "private-person-accused"}


@pytest.mark.parametrize("grievance, prayer, language, code, excerpt", [
    ("Our families have lived here for generations", "stop the theft of our lands", "en",
     "charge-wording", "theft of our"),
    ("The carbon tax is robbing families blind", "scrap the carbon tax", "en",
     "charge-wording", "robbing families blind"),
    ("This criminal government has ignored us for years", "hold a public inquiry", "en",
     "charge-wording", "criminal government"),
    ("Ministers lied to Canadians about the deficit", "publish the budget figures", "en",
     "charge-against-government", "Ministers lied"),
    ("The Government of Ontario is corrupt", "take over the program", "en",
     "charge-against-authority", "Government of Ontario is corrupt"),
    ("Our neighbour Bob Tremblay lies to inspectors", "inspect the plant", "en",
     "private-person-accused", "Bob Tremblay lies to"),
    ("The government pursues oppressive and racist politics", "end the program", "en",
     "intemperate", "racist"),
    ("Les députés qui ont voté cette loi sont des vendus", "retirer la loi", "fr",
     "unparliamentary", "des vendus"),
    ("Le vol de nos terres continue", "rendre les terres", "fr", "charge-wording", "vol de nos"),
    ("Notre voisin Bob Tremblay ment aux inspecteurs", "inspecter l'usine", "fr",
     "private-person-accused", "Bob Tremblay ment"),
])
def test_charges_are_found_and_weighed_by_whom_they_are_aimed_at(grievance, prayer, language, code, excerpt):
    a = analyse(grievances=[grievance], prayer=prayer, language=language)
    found = [f for f in a.findings if f.code == code]
    assert excerpt in [f.excerpt for f in found], codes(a)
    assert all(f.severity == "warning" for f in a.findings if f.code in TONE)
    assert_span_is_excerpt(a, found[0])
    assert not a.errors


def test_an_insult_said_of_a_person_is_unparliamentary_and_of_a_policy_only_heated():
    person = analyse(grievances=["The minister is a racist"])
    policy = analyse(grievances=["The quota is a racist policy"])
    assert "unparliamentary" in codes(person) and "unparliamentary" not in codes(policy)
    assert "intemperate" in codes(policy)


@pytest.mark.parametrize("grievance", [
    'The Minister called the protesters "liars and thieves"',
    "Le ministre a traité les manifestants de « voleurs et menteurs »",
    "Canada fell to 12th place on corruption (Transparency International)",
    "Section 83 of the Criminal Code makes fraud a crime",
    "Bill C-21 changes the Firearms Act and the Criminal Records Act",
    "La Loi sur les Indiens traite les Premières Nations en pupilles",
    "The government must act against tax fraud by large corporations",
    "The government misled no one and the policy is misguided",
    "The responsibility lies with Parliament",
    "Seniors were robbed of their savings by a pyramid scheme",
    "The theft of cars in Ontario doubled, and vehicle theft rings ship them overseas",
])
def test_quotations_citations_statutes_and_policy_subjects_are_not_charges(grievance):
    language = "fr" if "Le " in grievance[:3] or grievance.startswith("La ") else "en"
    a = analyse(grievances=[grievance], language=language)
    assert not set(codes(a)) & TONE, codes(a)


def test_what_is_shielded():
    text = 'He said “you are liars” (Auditor General, 2023) under Bill C-11 and « Loi sur les Indiens ».'
    pieces = [text[s:e] for s, e in shields(text)]
    assert "“you are liars”" in pieces and "(Auditor General, 2023)" in pieces and "Bill C-11" in pieces
    assert any(p.startswith("« Loi sur les Indiens") for p in pieces)
    # A long passage between quotation marks is the petitioners' own text: no shield.
    long = '"' + "the government is corrupt and " * 12 + '"'
    assert shields(long) == []


@pytest.mark.parametrize("prayer, language, excerpt", [
    ("approve my husband's file", "en", "my husband's"),
    ("pay my family the compensation owed, file number 12345", "en", "file number"),
    ("approuver le dossier de mon mari", "fr", "le dossier de mon"),
])
def test_a_request_for_one_person_is_a_warning(prayer, language, excerpt):
    a = analyse(prayer=prayer, language=language)
    [f] = only(a, "personal-request")
    assert f.severity == "warning" and f.rule == "R-SUBJ-5" and f.excerpt == excerpt
    assert not a.errors


def test_a_personal_story_among_the_grievances_is_not_a_personal_request():
    a = analyse(grievances=["My husband waited four years for his file to be processed"],
                prayer="hire enough staff to process family sponsorship files within a year")
    assert "personal-request" not in codes(a)


@pytest.mark.parametrize("prayer, language, excerpt", [
    ("raise OAS by 10%, or we will remember at the ballot box", "en", "remember at the ballot box"),
    ("hausser la pension, nous nous en souviendrons aux prochaines élections", "fr", "nous nous en souviendrons"),
])
def test_a_threat_at_the_polls_is_an_ultimatum(prayer, language, excerpt):
    a = analyse(prayer=prayer, language=language)
    assert excerpt in [f.excerpt for f in only(a, "ultimatum")]
    assert not a.errors


def test_an_imperative_demand_is_found_but_asking_the_government_to_demand_is_a_request():
    draft = analyze_text("Demand the immediate reopening of Parliament!\n\n"
                         "We call upon the Government of Canada to reopen Parliament.")
    assert "demand-imperative" in codes(draft)
    assert all(f.severity == "warning" for f in draft.findings if f.code == "demand-imperative")
    third_party = analyse(prayer="demand that the Government of Iran release all political prisoners")
    assert not third_party.errors and "demand-imperative" not in codes(third_party)
    assert "demand-framing" in codes(analyse(prayer="We demand that the Government fund it"))
    noun = analyse(grievances=["Demand for housing doubled. Demand is rising"])
    assert "demand-imperative" not in codes(noun) and not noun.errors


@pytest.mark.parametrize("prayer, language, code, excerpt", [
    ("abolish pet licences in every city", "en", "municipal-topic", "pet licences"),
    ("repave Main Street before winter", "en", "municipal-topic", "repave"),
    ("freeze tuition at Ontario universities", "en", "provincial-topic", "tuition"),
    ("geler les droits de scolarité dans les universités ontariennes", "fr", "provincial-topic", "droits de scolarité"),
    ("réparer les nids-de-poule de la rue principale", "fr", "municipal-topic", "nids-de-poule"),
])
def test_provincial_and_municipal_topics_in_the_request_are_warnings(prayer, language, code, excerpt):
    a = analyse(prayer=prayer, language=language)
    [f] = only(a, code)
    assert f.severity == "warning" and f.rule == "R-SUBJ-1" and f.excerpt == excerpt
    assert ("provincial matter" if code == "provincial-topic" else "municipal matter") in f.message \
        or language == "fr"
    assert not a.errors


@pytest.mark.parametrize("prayer", [
    "increase federal funding for municipal infrastructure, including repaving",
    "increase the Canada Student Grant so tuition is within reach",
    "fund a national school food program",
])
def test_a_topic_within_federal_reach_is_left_alone(prayer):
    a = analyse(grievances=["Tuition and potholes are a burden on families"], prayer=prayer)
    assert not {"provincial-topic", "municipal-topic"} & set(codes(a))


def test_a_charge_the_converter_left_out_is_still_reported():
    a = analyze_text("Stop the criminal government's theft of our lands!\n\n"
                     "Whereas the reserve lost 400 hectares in 2019;\n"
                     "We ask the Government of Canada to return the 400 hectares to the First Nation.")
    left = [f for f in a.findings if f.part == "left out"]
    assert {f.code for f in left} >= {"charge-wording"}, codes(a)
    text = a.source
    assert all("criminal government" in text[f.start:f.end] or "theft" in text[f.start:f.end] for f in left)
    assert not a.errors


def test_french_messages_for_the_new_codes():
    a = analyse(prayer="geler les droits de scolarité", language="fr")
    [f] = only(a, "provincial-topic")
    assert "question provinciale" in f.message


NEW_CODES = TONE - {"unparliamentary", "intemperate"} | {
    "personal-request", "demand-imperative", "provincial-topic", "municipal-topic", "ultimatum"}
CERTIFIED_TEXTS = sorted(
    [p for p in (Path(__file__).parent.parent / "samples" / "certified").glob("*.txt")]
    + [p for p in (Path(__file__).parent / "corpus" / "accept").glob("*.txt")])


@pytest.mark.parametrize("kind", ["e-petition", "paper"])
@pytest.mark.parametrize("path", CERTIFIED_TEXTS, ids=lambda p: p.name)
def test_every_certified_or_acceptable_text_gets_no_error_and_none_of_the_new_warnings(path, kind):
    """The worst outcome is a false error on a petition the House would accept (issue 9)."""
    a = analyze_text(path.read_text(encoding="utf-8"), kind=kind)
    assert a.errors == [], [f.message for f in a.errors]
    assert not NEW_CODES & set(codes(a)), codes(a)
