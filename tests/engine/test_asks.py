"""Issue 9 parts 3 and 4: the ask found wherever a draft puts it, and who it is addressed to.

The corpus (tests/engine/corpus/drafts/ask-*.txt) holds whole drafts of every class; these
tests pin what an organizer sees: the request as the House will print it, the note that asks
them to confirm an inferred ask, and the addressee errors with the allowed addressee that fits.
"""
import pytest

from petition.accounting import problems
from petition.analysis import analyze_reading, analyze_text
from petition.reader import read


def asked(text):
    reading = read(text)
    assert not problems(reading), problems(reading)
    return reading


def note_codes(reading):
    return [n.code for n in reading.notes]


@pytest.mark.parametrize("text, prayer", [
    ("Lower the voting age to 16\n\nSixteen-year-olds work and pay tax.", "lower the voting age to 16"),
    ("Restore the lands\n\nThe lands were taken in 1910.\nRestore the lands to the Nation.",
     "restore the lands to the Nation"),
    ("Plastic chokes our oceans. Canada must ban single-use plastics by 2027.", "ban single-use plastics by 2027"),
    ("Plastic chokes our oceans. Canada needs to ban single-use plastics.", "ban single-use plastics"),
    ("Interdire les plastiques à usage unique\n\nLes océans sont pollués.", "interdire les plastiques à usage unique"),
    ("Rétablissez le train en Gaspésie\n\nLe train ne passe plus.", "rétablir le train en Gaspésie"),
    ("Les loyers ont doublé. Le Canada doit garantir un logement à chaque famille.",
     "garantir un logement à chaque famille"),
])
def test_an_ask_without_the_formula_becomes_the_request_and_the_organizer_is_asked_to_confirm(text, prayer):
    reading = asked(text)
    assert reading.petition.prayer == prayer
    assert {"ask-from-title", "ask-inferred"} & set(note_codes(reading))
    assert not analyze_reading(reading).errors


def test_the_note_says_which_words_the_request_came_from_in_the_petitions_language():
    a = analyze_text("Rétablissez le train en Gaspésie\n\nLe train ne passe plus depuis 2013.")
    assert any("«\u00a0Rétablissez le train en Gaspésie\u00a0»" in n for n in a.notes)
    assert a.rendered.text.endswith("demandons au gouvernement du Canada de rétablir le train en Gaspésie.")
    # The imperative's own form is listed, not dropped: the House's sentence needs the infinitive.
    assert [(r.text, r.code) for r in a.replaced if r.code == "request-put"] == [("Rétablissez", "request-put")]


def test_a_demand_is_asked_instead_and_the_word_demand_is_not_in_the_request():
    reading = asked("Demand the immediate reopening of Parliament\n\nParliament has been prorogued for months.\n"
                    "Demand the immediate reopening of Parliament.")
    assert reading.petition.prayer == "ensure the immediate reopening of Parliament"
    assert "demand" not in reading.petition.prayer.lower()
    assert {"demand-reworded", "ask-verb-added"} <= set(note_codes(reading))
    assert any(r.text == "Demand" and r.rule == "R-PRAY-4" for r in reading.replaced)
    assert "demand-framing" not in [f.code for f in analyze_reading(reading).findings]


def test_an_imperative_aimed_at_someone_names_the_addressee_and_leaves_the_heading_alone():
    reading = asked("Please urge the Minister of Fisheries to reopen the cod fishery.\n\n"
                    "The closure cost 300 jobs.")
    p = reading.petition
    assert (p.addressee.kind, p.addressee.title, p.prayer) == ("minister", "Minister of Fisheries",
                                                              "reopen the cod fishery")
    assert [r.text for r in reading.replaced if r.code == "request-put"] == ["Please urge", "to"]


def test_we_ask_that_you_asks_whoever_the_greeting_names():
    reading = asked("To the Government of Canada:\n\nRents rose 40%.\nWe ask that you build homes on federal land.")
    assert reading.petition.addressee.kind == "government"
    assert reading.petition.prayer == "build homes on federal land"


def test_what_we_want_becomes_a_list_of_asks():
    reading = asked("Seniors cannot pay rent.\n\nWhat we want:\n1. Raise Old Age Security by 10%\n"
                    "2. Index the supplement to rents")
    assert reading.petition.prayer == "1. raise Old Age Security by 10%\n2. index the supplement to rents"
    a = analyze_reading(reading)
    assert "call upon the Government of Canada to:\n1. raise Old Age Security by 10%\n2." in a.rendered.text
    french = asked("Les loyers ont doublé.\n\nCe que nous voulons :\n1. Plafonner les loyers\n2. Construire des "
                   "logements sociaux")
    assert french.petition.prayer == "1. plafonner les loyers\n2. construire des logements sociaux"


def test_several_request_sentences_become_parallel_verbs():
    en = asked("Fires burned 18 million hectares.\nWe call upon the Government of Canada to create a wildfire "
               "service.\nWe also ask the Government of Canada to fund volunteer firefighters.")
    assert en.petition.prayer == "create a wildfire service; and to fund volunteer firefighters"
    fr = asked("Les feux ont brûlé 18 millions d'hectares.\nNous demandons au gouvernement du Canada de créer un "
               "service national.\nNous demandons aussi au gouvernement du Canada de financer les pompiers.")
    assert fr.petition.prayer == "créer un service national; et de financer les pompiers"
    assert "à le" not in fr.petition.prayer and "de le" not in fr.petition.prayer


@pytest.mark.parametrize("text", [
    "Our town's post office\n\nThe post office has served our town since 1867.\nWe love our post office.",
    "Notre bureau de poste\n\nLe bureau de poste est ouvert depuis 1901.\nNous aimons notre bureau de poste.",
    "Save our forests\n\nForests are disappearing.",
    "Sauvons nos forêts\n\nLes forêts disparaissent.",
    "Seniors cannot pay rent. We want people to know how hard it is.",
])
def test_no_ask_is_said_and_none_is_invented(text):
    reading = asked(text)
    assert reading.petition.prayer == ""
    assert "no-request-freeform" in note_codes(reading)
    assert [f.code for f in analyze_reading(reading).errors] == ["no-prayer"]


def test_the_heading_addressee_stops_where_its_subject_starts():
    reading = asked("Petition to the House of Commons regarding rural broadband\n\nWhereas many homes have no "
                    "internet;\nWe, the undersigned, call upon the House of Commons to fund rural broadband.")
    assert reading.addressees_written["heading"] == "the House of Commons"
    assert [(r.text, r.code) for r in reading.removed] == [("regarding rural broadband", "heading-subject")]
    a = analyze_reading(reading)
    assert not [f for f in a.findings if f.rule.startswith("R-ADDR")]
    french = asked("Pétition à la Chambre des communes au sujet de l'internet rural\n\nAttendu que des foyers n'ont "
                   "pas d'internet;\nNous, soussignés, demandons à la Chambre des communes de financer l'internet.")
    assert french.petition.addressee.kind == "house"
    assert [r.text for r in french.removed] == ["au sujet de l'internet rural"]


def test_an_action_in_the_heading_is_the_ask_when_the_body_has_none():
    reading = asked("Petition to the Minister of Fisheries to reopen the cod fishery\n\nThe fishery closed in 2022.")
    assert (reading.petition.addressee.title, reading.petition.prayer) == ("Minister of Fisheries",
                                                                           "reopen the cod fishery")
    assert "ask-from-title" in note_codes(reading)


# ---- addressees the House does not allow (R-ADDR-1) ---------------------------------------------

def addressee_errors(text):
    a = analyze_text(text)
    return a, [f for f in a.errors if f.code == "addressee-not-allowed"]


def test_a_party_asked_in_the_request_is_an_error_where_it_is_written_never_a_silent_swap():
    text = ("Petition to the Government of Canada\n\nWhereas the carbon tax raises costs;\n"
            "We, the undersigned, call upon the Conservative Party of Canada to scrap the carbon tax.")
    a, [f] = addressee_errors(text)
    assert text[f.start:f.end] == "the Conservative Party of Canada"
    assert f.suggestion == "the Government of Canada"


@pytest.mark.parametrize("text, excerpt, suggestion", [
    ("Rents rose. We call upon the Premier of Ontario to cap rents.", "the Premier of Ontario",
     "the Government of Canada"),
    ("Rents rose. We call upon the Mayor of Toronto to build housing.", "the Mayor of Toronto",
     "the Government of Canada"),
    ("Treaties were broken. We call upon His Majesty King Charles III to honour Treaty 6.",
     "His Majesty King Charles III", "the Government of Canada"),
    ("Prices rose. We urge Loblaw Companies Limited to lower grocery prices.", "Loblaw Companies Limited",
     "the Government of Canada"),
    ("Wait times grew. We call upon the Province of Alberta to hire surgeons.", "the Province of Alberta",
     "the Government of Canada"),
    ("ERs closed. We call upon Ontario's Minister of Health to keep them open.", "Ontario's Minister of Health",
     "the Minister of Health"),
    ("Forests are falling. Tell the Prime Minister and Premier Eby to protect old growth.",
     "the Prime Minister and Premier Eby", "the Prime Minister"),
    ("Les loyers ont doublé. Nous demandons au premier ministre du Québec de geler les loyers.",
     "le premier ministre du Québec", "le gouvernement du Canada"),
    ("Les délais sont longs. Nous demandons à la ministre de la Santé du Québec d'ouvrir des cliniques.",
     "la ministre de la Santé du Québec", "la ministre de la Santé"),
])
def test_an_addressee_the_house_does_not_allow_is_an_error_with_the_allowed_one_that_fits(text, excerpt, suggestion):
    a, [f] = addressee_errors(text)
    assert f.excerpt == excerpt and f.suggestion == suggestion and f.rule == "R-ADDR-1"


def test_a_department_is_a_warning_naming_its_minister():
    a = analyze_text("The vaccine is approved abroad. We ask Health Canada to speed up its review.")
    assert a.errors == []
    [f] = [f for f in a.findings if f.code == "addressee-department"]
    assert f.severity == "warning" and f.suggestion == "the Minister of Health"


def test_a_demand_left_at_the_head_of_a_request_is_flagged_for_a_person_to_weigh():
    from petition.analysis import analyze_petition
    from petition.model import Addressee, Petition

    a = analyze_petition(Petition(addressee=Addressee(kind="government"),
                                  prayer="demand the immediate reopening of Parliament"))
    [f] = [f for f in a.findings if f.code == "demand-wording"]
    assert (f.rule, f.severity, f.excerpt) == ("R-PRAY-4", "warning", "demand")
    listed = analyze_petition(Petition(language="fr", addressee=Addressee(kind="government"),
                                       prayer="1. plafonner les loyers\n2. exigez la réouverture du Parlement\n"
                                              "3. exiger des fabricants qu'ils recyclent"))
    assert [f.excerpt for f in listed.findings if f.code == "demand-wording"] == ["exigez"]
    assert not [f for f in analyze_text("Rents rose. We call upon the Government of Canada to cap rents.").findings
                if f.rule == "R-PRAY-4"]


# Long pastes made of the phrases the ask finder looks for: every pattern is anchored at a sentence's
# start and bounded, so these read and lose nothing (bench/reader_speed.py prints how long they take).
def _fill(unit, n=20_000):
    return (unit * (n // len(unit) + 1))[:n]


@pytest.mark.parametrize("text", [
    _fill("Tell the "), _fill("Tell Ottawa: "), _fill("Canada must "), _fill("the Minister of Fisheries "),
    "Please urge the Minister of" + _fill(" Fisheries"), _fill("What we want:\n"), "What we want:\n" + _fill("1. Raise OAS\n"),
    _fill("Demand that the Government of Canada "), _fill("We the "), _fill("Nous vous demandons "),
    _fill("It's time for "), "Petition to the House of Commons" + _fill(" regarding"), "Petition to the " + _fill("Minister "),
    _fill("Restore the lands. "), _fill("Rétablissez le train. "), _fill("Exigez la réouverture. "),
    _fill("We call upon the Premier of Ontario to cap rents. We urge Loblaw to act. "),
], ids=lambda t: repr(t[:14]))
def test_long_pastes_of_ask_phrases_are_read_and_lose_nothing(text):
    reading = read(text)
    assert not problems(reading)
    analyze_reading(reading)
