"""Reading petitions in the House's form: the certified samples, the old paper form, addressees."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from petition.addressees import classify_addressee
from petition.house_format import looks_like_house, parse_house
from petition.reader import read

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def sample(name):
    return (SAMPLES / name).read_text(encoding="utf-8")


def part(reading, name):
    span = reading.spans[name]
    return " ".join(reading.source[span.start:span.end].split())


CERTIFIED = {
    "certified/e-2490.txt": dict(
        language="en", kind="house", assembled=True, petitioners="citizens of Canada", grievances=6,
        first="Our front-line health care workers provide an essential service",
        last="but also for their families and the wider public",
        prayer_start="repurpose factories and skilled workers now",
        prayer_end="sealed items that they have stockpiled to hospitals and clinics",
    ),
    "certified/441-01236.txt": dict(
        language="en", kind="government", assembled=False, petitioners="residents of Kingston and the islands",
        grievances=4, first="Every Canadian has a right to a safe and affordable place to call home",
        last="Budget 2022 earmarked a historic $14 billion investment to double the construction of new housing this decade",
        prayer_start="continue investing in affordable housing",
        prayer_end="for all Canadians, including members of this community",
    ),
    "certified/e-4904.txt": dict(
        language="en", kind="government", assembled=False, petitioners="citizens and residents of Canada",
        grievances=4, first="Canadian women assume the vast majority of family responsibilities",
        last="pushing them into vulnerable situations, poverty and economic dependence",
        prayer_start="put an end to this disadvantageous situation",
        prayer_end="as is already the case in other situations (s. 10(14) EIA)",
    ),
    "certified/e-4904-fr.txt": dict(
        language="fr", kind="government", assembled=False,
        petitioners="citoyens, citoyennes, résidents et résidentes du Canada", grievances=5,
        first="Les femmes canadiennes assument en grande majorité",
        last="de précarité, de pauvreté et de dépendance économique",
        prayer_start="faire cesser cette situation désavantageuse",
        prayer_end="comme c’est déjà le cas dans d’autres situations (art. 10 (14) LAE)",
    ),
    "certified/e-1961-fr.txt": dict(
        language="fr", kind="government", assembled=False, petitioners="citoyens du Canada", grievances=3,
        first="Les armoiries du Canada figurent sur tous les édifices",
        last="ne reflètent pas l’apport des peuples autochtones du Canada comme cofondateurs",
        prayer_start="revoir les armoiries de façon à ce que",
        prayer_end="y soient représentés en tant que cofondateurs",
    ),
}


@pytest.mark.parametrize("name", sorted(CERTIFIED))
def test_certified_samples_parse_into_the_model(name):
    want = CERTIFIED[name]
    reading = read(sample(name))
    p = reading.petition
    assert reading.input_form == "house"
    assert reading.language == want["language"] == p.language
    assert p.addressee.kind == want["kind"]
    assert p.addressee.in_parliament_assembled is want["assembled"]
    assert p.petitioners == want["petitioners"]
    assert len(p.grievances) == want["grievances"]
    assert p.grievances[0].startswith(want["first"])
    assert p.grievances[-1].endswith(want["last"])
    # Clause punctuation and the "; and" joiner are the formula's, not the clause's.
    assert not any(g.endswith((";", ".", " and", " et")) for g in p.grievances)
    assert p.prayer.startswith(want["prayer_start"])
    assert p.prayer.endswith(want["prayer_end"])
    assert reading.notes == []


@pytest.mark.parametrize("name", sorted(CERTIFIED))
def test_spans_point_at_the_parts_in_the_original_text(name):
    reading = read(sample(name))
    p = reading.petition
    for i, grievance in enumerate(p.grievances):
        assert part(reading, f"grievance {i + 1}") == grievance
    assert part(reading, "petitioners") == p.petitioners
    assert part(reading, "prayer") == " ".join(p.prayer.split())
    heading = reading.addressees_written["heading"]
    assert part(reading, "addressee") == heading
    assert reading.source.splitlines()[0].endswith(heading)


def test_capitalised_whereas_and_semicolon_and_are_not_part_of_clauses():
    reading = read(sample("certified/441-01236.txt"))
    assert reading.petition.grievances[2] == (
        "The Canadian government launched its first-ever National Housing Strategy "
        "with a more than $72 billion investment"
    )
    assert not any("WHEREAS" in g for g in reading.petition.grievances)


def test_numbered_list_after_by_stays_in_the_prayer():
    p = read(sample("certified/e-4904.txt")).petition
    assert "by amending the Employment Insurance Act by:\n1. Abolishing the 50-week stacking rule" in p.prayer
    assert "2. Extending the 52-week benefit period" in p.prayer
    assert not any("Abolishing" in g for g in p.grievances)


def test_french_without_comma_and_prions_reads_the_prayer_and_addressee():
    reading = read(sample("certified/e-4904-fr.txt"))
    assert reading.addressees_written == {"heading": "au gouvernement du Canada", "prayer": "le gouvernement du Canada"}
    assert "en:\n1. Abolissant de la règle" in reading.petition.prayer


def test_heading_without_whereas_line_keeps_all_clauses():
    p = read(sample("certified/e-2490.txt")).petition
    assert p.grievances[1] == "The pandemic poses a serious, mortal risk to all front-line health care workers"
    assert p.prayer.count(";") == 3  # the prayer's own list of four asks is left as written


OLD_PAPER_EN = """PETITION TO THE HOUSE OF COMMONS IN PARLIAMENT ASSEMBLED

We, the undersigned residents of the Province of Nova Scotia, draw the attention of the House to the following:

THAT the Sable Island ferry service has been cut to two sailings a week;
THAT fishing families on the island depend on it for supplies and medical travel; and
THAT no other service reaches the island in winter.

THEREFORE, your petitioners call upon Parliament to restore the daily ferry service to Sable Island.
"""

OLD_PAPER_FR = """Pétition à la Chambre des communes

Les soussignés, résidents de la ville de Gatineau, attirent l’attention de la Chambre sur ce qui suit :

QUE le bureau de poste du quartier a fermé ses portes en 2023;
QUE les aînés doivent maintenant parcourir plus de dix kilomètres pour poster une lettre.

PAR CONSÉQUENT, les pétitionnaires demandent au Parlement de rouvrir le bureau de poste du quartier.
"""


def test_old_english_paper_form():
    reading = read(OLD_PAPER_EN)
    p = reading.petition
    assert reading.input_form == "house" and p.language == "en"
    assert p.addressee.kind == "house" and p.addressee.in_parliament_assembled
    assert p.petitioners == "residents of the Province of Nova Scotia"
    assert p.grievances == [
        "the Sable Island ferry service has been cut to two sailings a week",
        "fishing families on the island depend on it for supplies and medical travel",
        "no other service reaches the island in winter",
    ]
    assert p.prayer == "restore the daily ferry service to Sable Island"
    assert reading.addressees_written["prayer"] == "Parliament"
    assert part(reading, "grievance 2") == p.grievances[1]


def test_old_english_paper_form_in_one_paragraph_without_heading():
    text = ("We, the undersigned citizens of Canada, draw the attention of the House of Commons to the "
            "following: that the closure of the prison farms ended an effective rehabilitation program; "
            "that the farms supplied milk to other institutions. Therefore, your petitioners call upon "
            "Parliament to reopen the prison farms.")
    reading = read(text)
    p = reading.petition
    assert p.addressee.kind == "house"
    assert p.petitioners == "citizens of Canada"
    assert p.grievances == ["the closure of the prison farms ended an effective rehabilitation program",
                            "the farms supplied milk to other institutions"]
    assert p.prayer == "reopen the prison farms"
    assert "heading" not in reading.addressees_written


def test_old_french_paper_form():
    reading = read(OLD_PAPER_FR)
    p = reading.petition
    assert reading.input_form == "house" and p.language == "fr"
    assert p.addressee.kind == "house"
    assert p.petitioners == "résidents de la ville de Gatineau"
    assert p.grievances == [
        "le bureau de poste du quartier a fermé ses portes en 2023",
        "les aînés doivent maintenant parcourir plus de dix kilomètres pour poster une lettre",
    ]
    assert p.prayer == "rouvrir le bureau de poste du quartier"


def test_attention_formula_then_whereas_then_therefore_we_the_undersigned():
    text = ("We, the undersigned citizens of Canada, draw the attention of the House of Commons to the following:\n"
            "Whereas the Lake Winnipeg watershed is polluted;\n"
            "Whereas algae blooms threaten fisheries;\n"
            "Therefore we, the undersigned, call on the Government to fund a cleanup.")
    reading = read(text)
    p = reading.petition
    assert p.addressee.kind == "government"  # who is asked to act, when there is no heading
    assert p.grievances == ["The Lake Winnipeg watershed is polluted", "Algae blooms threaten fisheries"]
    assert p.prayer == "fund a cleanup"
    assert p.petitioners == "citizens of Canada"


def _petition(heading_addr, prayer_addr, lang="en"):
    if lang == "fr":
        return (f"Pétition {heading_addr}\nAttendu que :\nLes listes d’attente s’allongent.\n"
                f"Nous, soussignés, citoyens du Canada, demandons {prayer_addr} de réduire les listes d’attente.")
    return (f"Petition to {heading_addr}\nWhereas:\nConsular fees have doubled.\n"
            f"We, the undersigned, citizens of Canada, call upon {prayer_addr} to reduce consular fees.")


@pytest.mark.parametrize("addr, kind, field, value", [
    ("the Minister of Foreign Affairs", "minister", "title", "Minister of Foreign Affairs"),
    ("the Prime Minister", "minister", "title", "Prime Minister"),
    ("the Minister of Health and the Minister of Finance", "minister", "title",
     "Minister of Health and the Minister of Finance"),
    ("Jane Doe, Member of Parliament for Ottawa Centre", "member", "riding", "Ottawa Centre"),
    ("John Smith, MP for Kingston and the Islands", "member", "name", "John Smith"),
    ("the federal government", "government", "kind", "government"),
    ("the Government", "government", "kind", "government"),
    ("the House of Commons", "house", "in_parliament_assembled", False),
    ("the City of Toronto", "other", "text", "the City of Toronto"),
])
def test_addressees_map_to_kinds(addr, kind, field, value):
    reading = read(_petition(addr, addr))
    a = reading.petition.addressee
    assert a.kind == kind
    assert getattr(a, field) == value
    assert reading.petition.prayer == "reduce consular fees"


@pytest.mark.parametrize("addr, kind, title", [
    ("à la ministre de la Santé", "minister", "la ministre de la Santé"),
    ("au ministre des Affaires étrangères", "minister", "ministre des Affaires étrangères"),
    ("au premier ministre", "minister", "premier ministre"),
    ("au gouvernement du Canada", "government", ""),
])
def test_french_addressees_and_the_de_inside_a_ministers_title(addr, kind, title):
    p = read(_petition(addr, addr, "fr")).petition
    assert p.addressee.kind == kind and p.addressee.title == title
    assert p.prayer == "réduire les listes d’attente"


def test_french_member():
    p = read(_petition("à Marie Tremblay, députée de Laurier–Sainte-Marie", "Marie Tremblay, députée de Laurier–Sainte-Marie,", "fr")).petition
    assert p.addressee.kind == "member"
    assert (p.addressee.name, p.addressee.riding) == ("Marie Tremblay", "Laurier–Sainte-Marie")


def test_heading_and_prayer_addressees_are_both_kept_for_the_checker():
    reading = read(_petition("the House of Commons", "the Government of Canada"))
    assert reading.addressees_written == {"heading": "the House of Commons", "prayer": "the Government of Canada"}
    # The House form prints one addressee; the one asked to act keeps the request's meaning.
    assert reading.petition.addressee.kind == "government"
    span = reading.spans["prayer addressee"]
    assert reading.source[span.start:span.end] == "the Government of Canada"


def test_a_request_to_the_prime_minister_under_a_house_heading_is_not_rewritten_to_the_house():
    from petition.formulae import render_text

    reading = read("Petition to the House of Commons\nWe, the undersigned, citizens of Canada, draw the attention "
                   "of the House to the following:\nWHEREAS the Prime Minister has lost the confidence of Canadians;\n"
                   "THEREFORE, we call upon the Prime Minister to resign.")
    text = render_text(reading.petition)
    assert "call upon the Prime Minister to resign." in text and "House of Commons to resign" not in text
    assert any("asked to act" in note for note in reading.notes)


def test_therefore_your_petitioners_request_that_is_the_prayer_not_a_clause():
    reading = read("PETITION TO THE GOVERNMENT OF CANADA\nWE, THE UNDERSIGNED RESIDENTS OF ST. JOHN'S, NL, DRAW THE "
                   "ATTENTION OF THE GOVERNMENT TO THE FOLLOWING:\nTHAT THE FISHERY IS CLOSED;\nTHEREFORE, YOUR "
                   "PETITIONERS REQUEST THAT THE GOVERNMENT OF CANADA REOPEN THE NORTHERN COD FISHERY.")
    assert reading.petition.grievances == ["THE FISHERY IS CLOSED"]
    assert reading.petition.prayer == "REOPEN THE NORTHERN COD FISHERY"


def test_clauses_run_together_in_one_paragraph_are_split():
    text = ("Petition to the Government of Canada\nWhereas: rents rose 20% in 2023; vacancy rates are under 1%; and "
            "wages have not kept up.\nWe, the undersigned, residents of Halifax, call upon the Government of Canada "
            "to fund co-operative housing.")
    p = read(text).petition
    assert p.grievances == ["Rents rose 20% in 2023", "vacancy rates are under 1%", "wages have not kept up"]


def test_hard_wrapped_clauses_are_joined():
    # As an e-mail client wraps at about 70 characters.
    text = ("Petition to the Government of Canada\nWhereas:\nRents rose by more than twenty percent in the last two years in most of\n"
            "the large cities across the country;\nWages have not kept up.\nWe, the undersigned, citizens of Canada, "
            "call upon the Government of Canada to fund co-operative housing.")
    p = read(text).petition
    assert p.grievances == ["Rents rose by more than twenty percent in the last two years in most of the large cities across the country",
                            "Wages have not kept up"]


def test_french_prayer_with_typographic_elision():
    text = ("Pétition au gouvernement du Canada\nNous, soussignés, citoyens du Canada, demandons au gouvernement "
            "du Canada d’adopter une stratégie nationale sur l’eau potable.")
    p = read(text).petition
    assert p.grievances == []  # grievances are optional
    assert p.prayer == "adopter une stratégie nationale sur l’eau potable"


def test_no_request_gives_an_empty_prayer_and_a_note_never_an_invented_one():
    text = "Petition to the Government of Canada\nWhereas:\nBees are dying;\nPesticides are to blame.\nWe, the undersigned, citizens of Canada."
    reading = parse_house(text)
    assert reading.petition.prayer == ""
    assert "prayer" not in reading.spans
    assert any("No request found" in note for note in reading.notes)


def test_request_that_wording_is_read_and_noted():
    text = ("Petition to the House of Commons\nWe, the undersigned, citizens of Canada, request that the "
            "House of Commons adopt a national pharmacare plan.")
    reading = parse_house(text)
    # The addressee leading the clause is the one asked; the action is what follows it, so the
    # House form reads "call upon the House of Commons to adopt ...", not "... to the House of Commons adopt".
    assert reading.petition.prayer == "adopt a national pharmacare plan"
    assert reading.addressees_written["prayer"] == "the House of Commons"
    assert any("request that" in note and "call upon" in note for note in reading.notes)


def test_french_que_wording_is_read_and_noted():
    text = ("Pétition au gouvernement du Canada\nNous, soussignés, citoyens du Canada, demandons au gouvernement "
            "du Canada qu’il reconnaisse le génocide.")
    reading = read(text)
    assert reading.petition.prayer == "il reconnaisse le génocide"
    assert any("demandons au gouvernement du Canada qu’" in note for note in reading.notes)


def test_house_detection():
    assert looks_like_house(sample("certified/e-2490.txt"))
    assert looks_like_house(OLD_PAPER_FR)
    assert looks_like_house("Nous soussignés, résidents du Canada, prions le gouvernement de agir.")
    assert not looks_like_house(sample("freeform/tovuz-aggression.txt"))
    assert not looks_like_house("To be or not to be, that is the question.")


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01\x02", "Petition to", "Pétition", "We, the undersigned",
                                  "Petition to the House of Commons\n\n\n", "\ufeffPetition to ;;;; ....",
                                  "Петиция правительству Канады", "😀" * 50, "call upon to to to"])
def test_odd_input_never_raises_and_spans_stay_inside(text):
    reading = read(text)
    assert reading.source == text
    for span in reading.spans.values():
        assert 0 <= span.start <= span.end <= len(text)
    assert reading.petition.language in ("en", "fr")


def _fragments():
    pieces = []
    for name in CERTIFIED:
        pieces.extend(sample(name).splitlines())
    pieces += ["Whereas:", "THAT", "THEREFORE, your petitioners call upon Parliament to", "draw the attention of the House to the following:",
               "Nous soussignés", "demandons à la ministre de la Santé de", "1.", "; and", "https://x.ca", "#tag", "@who"]
    return pieces


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_fragments()), st.text(max_size=40)), max_size=12),
       st.sampled_from(["\n", " ", "", ";", "\r\n"]))
def test_read_never_raises_and_every_span_is_inside_the_text(parts, joiner):
    text = joiner.join(parts)
    reading = read(text)
    assert reading.input_form in ("house", "freeform")
    for span in reading.spans.values():
        assert 0 <= span.start <= span.end <= len(text)
    for removed in reading.removed:
        assert 0 <= removed.start <= removed.end <= len(text)
        assert text[removed.start:removed.end] == removed.text


def test_a_grievance_that_begins_therefore_stays_a_grievance():
    text = ("Petition to the Government of Canada\nWhereas:\nSeniors are struggling;\nTherefore, many live in poverty.\n"
            "We, the undersigned, residents of St. Catharines, call upon the Government of Canada to:\n"
            "1. Increase OAS by 10%;\n2. Index it to wages.")
    p = read(text).petition
    assert p.grievances == ["Seniors are struggling", "Therefore, many live in poverty"]
    assert p.petitioners == "residents of St. Catharines"
    assert p.prayer == "1. Increase OAS by 10%;\n2. Index it to wages"


def test_french_list_after_de_colon():
    text = ("Pétition au gouvernement du Canada\nNous, soussignés, citoyens du Canada, demandons au gouvernement "
            "du Canada de :\n1. rouvrir les bureaux de poste;\n2. embaucher des facteurs.")
    assert read(text).petition.prayer == "1. rouvrir les bureaux de poste;\n2. embaucher des facteurs"


def test_a_megabyte_paste_is_read_whole():
    # Speed is measured in bench/reader_speed.py; here: a long paste neither fails nor loses its parts.
    text = sample("certified/e-2490.txt") + "\n\n" + ("A" * 70 + ";\n") * 14_000
    reading = read(text)
    assert len(text) > 1_000_000
    assert reading.petition.prayer.endswith("to hospitals and clinics")
    [after] = reading.removed
    assert after.text.startswith("AAAA") and after.end == len(text.rstrip())
    for span in reading.spans.values():
        assert 0 <= span.start <= span.end <= len(text)


def test_a_postscript_after_the_prayer_is_not_the_prayer():
    text = sample("certified/441-01236.txt").rstrip() + "\n\nPlease share this petition with your neighbours!\n"
    reading = read(text)
    assert reading.petition.prayer.endswith("including members of this community")
    [ps] = reading.removed
    assert (ps.rule, ps.text) == ("R-ATT-1", "Please share this petition with your neighbours!")


def test_a_list_of_asks_after_a_blank_line_stays_in_the_prayer():
    text = ("Petition to the House of Commons\nWe, the undersigned, citizens of Canada, call upon the House of "
            "Commons to:\n\n1. Ban single-use plastics;\n\n2. Fund recycling.")
    reading = read(text)
    assert reading.petition.prayer == "1. Ban single-use plastics;\n2. Fund recycling"
    assert reading.removed == []


@pytest.mark.parametrize("name", sorted(CERTIFIED))
def test_windows_line_endings_read_the_same(name):
    # Browsers submit textareas with CRLF line endings.
    text = sample(name)
    assert read(text.replace("\n", "\r\n")).petition == read(text).petition


def test_lines_above_the_heading_are_left_out_with_a_reason():
    text = ("e-4904 (Employment insurance)\nPetition to the Government of Canada\nWhereas:\nRents are high.\n"
            "We, the undersigned, citizens of Canada, call upon the Government of Canada to act.")
    reading = read(text)
    assert reading.addressees_written["heading"] == "the Government of Canada"
    assert reading.petition.grievances == ["Rents are high"]
    [above] = reading.removed
    assert (above.rule, above.text) == ("R-STR-1", "e-4904 (Employment insurance)")


def test_an_addressee_the_house_does_not_allow_is_kept_as_written():
    reading = read("Petition to the City of Toronto\nWe, the undersigned, ask the City of Toronto to fix potholes.")
    assert reading.petition.addressee.kind == "other"
    assert reading.petition.addressee.text == "the City of Toronto"
    assert reading.petition.prayer == "fix potholes"


def test_periods_inside_an_addressee_do_not_hide_the_request():
    text = ("Petition to Jane Doe, Member of Parliament for St. John's East\nWe, the undersigned, residents of "
            "St. John's East, call upon the Hon. Jane Doe, Member of Parliament for St. John's East, to hold a town hall.")
    reading = read(text)
    assert reading.petition.prayer == "hold a town hall"
    assert reading.petition.addressee.riding == "St. John's East"
    assert reading.addressees_written["prayer"] == "the Hon. Jane Doe, Member of Parliament for St. John's East"
    assert classify_addressee(reading.addressees_written["prayer"]).name == "Jane Doe"


def test_short_unpunctuated_lower_case_clauses_stay_apart():
    text = ("Pétition au gouvernement du Canada\nAttendu que :\nles loyers ont doublé\nles salaires stagnent\n"
            "Nous, soussignés, citoyens du Canada, demandons au gouvernement du Canada de financer des logements.")
    assert read(text).petition.grievances == ["les loyers ont doublé", "les salaires stagnent"]


def test_a_hard_wrapped_prayer_is_one_sentence_but_asks_keep_their_lines():
    text = ("Petition to the Government of Canada\nWe, the undersigned, citizens of Canada, call upon the Government\n"
            "of Canada to fund rural broadband so that every household has\nreliable service by 2030, and to:\n"
            "1. map the gaps;\n2. publish yearly progress.")
    assert read(text).petition.prayer == (
        "fund rural broadband so that every household has reliable service by 2030, and to:\n"
        "1. map the gaps;\n2. publish yearly progress"
    )


@pytest.mark.parametrize("text, banner, title", [
    ("Protect our seniors!\n\nSign and share!\n\nSeniors live in poverty.\n\nWe, the undersigned, citizens of "
     "Canada, call upon the Government of Canada to raise pensions.", "Sign and share", "Protect our seniors!"),
    ("Protégeons nos aînés!\n\nSignez et partagez!\n\nLes aînés vivent dans la pauvreté.\n\nNous, soussignés, "
     "citoyens du Canada, demandons au gouvernement du Canada de hausser les pensions.", "Signez et partagez",
     "Protégeons nos aînés!"),
])
def test_a_banner_and_a_title_pasted_above_the_house_wording_are_flagged(text, banner, title):
    """The text is kept as written (House format is not rewritten), so what the House would refuse is said."""
    from petition.analysis import analyze_text

    a = analyze_text(text)
    assert a.input_form == "house"
    found = {(f.code, f.severity, f.excerpt) for f in a.findings}
    assert ("support-request", "error", banner) in found
    assert ("title-as-grievance", "warning", title) in found
