"""Converting free-form drafts (campaign-site texts) into a House-format proposal."""
from pathlib import Path

import pytest

from petition.freeform import convert_freeform
from petition.reader import read

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def sample(name):
    return (SAMPLES / name).read_text(encoding="utf-8")


def removed_by(reading, rule):
    return [r for r in reading.removed if r.rule == rule]


def assert_spans_inside(reading):
    n = len(reading.source)
    for span in reading.spans.values():
        assert 0 <= span.start <= span.end <= n
    for r in reading.removed:
        assert reading.source[r.start:r.end] == r.text


@pytest.fixture(scope="module")
def tovuz():
    return read(sample("freeform/tovuz-aggression.txt"))


def test_tovuz_is_read_as_a_draft_addressed_to_the_government(tovuz):
    assert tovuz.input_form == "freeform"
    assert tovuz.language == "en"
    assert tovuz.petition.addressee.kind == "government"
    assert tovuz.addressees_written["prayer"] == "the Canadian Government"


def test_tovuz_prayer_holds_the_request_and_all_four_numbered_asks(tovuz):
    prayer = tovuz.petition.prayer
    assert prayer.startswith("use its influence to condemn the aggression of the Republic of Armenia")
    for ask in ("1. to stop the illegal Armenian military occupation",
                "2. to enforce the UN Security Council and General Assembly resolutions",
                "3. to remove all Armenian military forces illegally stationed",
                "4. to allow the return of Azerbaijani displaced persons back to their homes"):
        assert ask in prayer
    # One ask per line, the list after the request that introduces it.
    assert prayer.splitlines()[-1] == "4. to allow the return of Azerbaijani displaced persons back to their homes"
    assert "within the territorial integrity of Azerbaijan:\n1." in prayer
    assert "On behalf of" not in prayer  # the lead-in before "we call" is not the action


def test_tovuz_campaign_material_is_removed_with_its_rule(tovuz):
    banners = [r.text for r in removed_by(tovuz, "R-ATT-1")]
    assert "0 have signed. Let’s get to 2,500!" in banners
    assert any(b.startswith("At 2,500 signatures, this petition is more likely") for b in banners)
    [title] = [r for r in removed_by(tovuz, "R-STR-1") if r.code == "title"]
    assert title.text == "Condemn the ongoing Armenian aggression towards Azerbaijan"
    assert "title" in title.reason
    kept = " ".join(tovuz.petition.grievances) + tovuz.petition.prayer
    assert "signed" not in kept and "2,500" not in kept
    assert_spans_inside(tovuz)


def test_tovuz_grievances_come_from_its_factual_paragraphs(tovuz):
    grievances = tovuz.petition.grievances
    assert any(g.startswith("On July 12th, 2020, in the middle of the COVID-19 crisis") for g in grievances)
    assert any("20 percent of Azerbaijan’s sovereign territory" in g for g in grievances)
    assert any(g.startswith("The Collective Security Treaty Organization") for g in grievances)
    assert not any(g.endswith((".", "!")) for g in grievances)
    # Too long for an e-petition: reporting that is the checker's job, the converter keeps the words.
    assert len((" ".join(grievances) + " " + tovuz.petition.prayer).split()) > 250


def test_tovuz_spans_point_at_the_draft(tovuz):
    src = tovuz.source
    g1 = tovuz.spans["grievance 1"]
    assert " ".join(src[g1.start:g1.end].split()).rstrip(".") == tovuz.petition.grievances[0]
    prayer = tovuz.spans["prayer"]
    assert src[prayer.start:].startswith("use its influence")
    assert src[:prayer.end].endswith("back to their homes")
    addr = tovuz.spans["addressee"]
    assert src[addr.start:addr.end] == "the Canadian Government"


def test_rent_control_has_no_request_so_the_prayer_stays_empty():
    reading = read(sample("freeform/rent-control.txt"))
    assert reading.input_form == "freeform"
    assert reading.petition.prayer == ""
    assert "prayer" not in reading.spans
    assert any(note.startswith("No request found") for note in reading.notes)
    [please] = removed_by(reading, "R-ATT-1")
    assert please.text.startswith("Please sign this petition if you believe")
    assert removed_by(reading, "R-STR-1")[0].text == "R E N T C O N T R O L N O W !!!"
    assert reading.petition.grievances == []
    assert_spans_inside(reading)


def test_increase_oas_takes_its_ask_from_its_title_and_says_so():
    reading = read(sample("freeform/increase-oas.txt"))
    p = reading.petition
    # The body never asks; the title does. The proposal uses it and asks the organizer to confirm.
    assert p.prayer == "increase Old Age Security"
    assert [n.code for n in reading.notes if n.code.startswith("ask-")] == ["ask-from-title"]
    assert "Increase Old Age Security" in next(n for n in reading.notes if n.code == "ask-from-title")
    assert p.addressee.kind == "government"  # "the federal government" is mentioned
    assert p.grievances[0] == "It has become more and more evident that the poor are becoming poorer"
    assert not any(r.code == "title" for r in reading.removed)  # the title is the request now, not left out
    assert_spans_inside(reading)


def test_climate_draft_support_request_is_removed_and_no_prayer_invented():
    reading = read(sample("freeform/climate-pipelines.txt"))
    p = reading.petition
    assert p.prayer == ""
    assert p.addressee.kind == "minister" and p.addressee.title == "Prime Minister"
    assert any(r.text.startswith("Please help me send a clear message") for r in removed_by(reading, "R-ATT-1"))
    assert not any("Please help" in g for g in p.grievances)
    assert p.grievances[0] == "I care strongly about climate change and its ever-growing affects on Planet Earth"


def test_links_hashtags_handles_and_emails_are_removed_from_clauses():
    text = ("Save the Salish Sea\n\n"
            "Tanker traffic has tripled since 2019 (see https://example.org/report). Orca numbers are falling "
            "#SaveTheOrcas. Write to info@salishsea.ca or follow @salishsea. "
            "We call upon the Government of Canada to cap tanker traffic in the Salish Sea.")
    reading = convert_freeform(text)
    urls = sorted(r.text for r in removed_by(reading, "R-URL-1"))
    # The parenthesis only pointed at the report: it goes with its link, and the sentence reads whole.
    assert urls == ["#SaveTheOrcas", "(see https://example.org/report)", "@salishsea", "info@salishsea.ca"]
    assert "Tanker traffic has tripled since 2019" in reading.petition.grievances
    joined = " ".join(reading.petition.grievances)
    assert "http" not in joined and "#" not in joined and "@" not in joined
    assert "Orca numbers are falling" in reading.petition.grievances
    assert reading.petition.prayer == "cap tanker traffic in the Salish Sea"
    assert_spans_inside(reading)


def test_french_draft():
    text = ("Sauvons nos bureaux de poste\n\n"
            "Le bureau de poste de notre village a fermé en mars. Les aînés doivent faire trente kilomètres "
            "pour envoyer une lettre. Nous demandons au gouvernement du Canada de rouvrir les bureaux de poste "
            "ruraux.\n\nSignez et partagez cette pétition!")
    reading = read(text)
    p = reading.petition
    assert reading.input_form == "freeform" and p.language == "fr"
    assert p.addressee.kind == "government"
    assert p.prayer == "rouvrir les bureaux de poste ruraux"
    assert p.grievances == ["Le bureau de poste de notre village a fermé en mars",
                            "Les aînés doivent faire trente kilomètres pour envoyer une lettre"]
    assert [r.text for r in removed_by(reading, "R-ATT-1")] == ["Signez et partagez cette pétition!"]


def test_letter_greeting_gives_the_addressee():
    text = ("Dear Prime Minister,\n\nFood prices rose 11% last year. We ask you to remove the tax on groceries.")
    reading = read(text)
    assert reading.petition.addressee.kind == "minister"
    assert reading.addressees_written["heading"] == "Prime Minister"
    assert reading.petition.prayer == "remove the tax on groceries"
    assert removed_by(reading, "R-STR-1")[0].text == "Dear Prime Minister,"


def test_want_is_a_request_only_when_it_names_an_addressee():
    asks = convert_freeform("Seniors cannot pay rent. We want the federal government to raise Old Age Security.")
    assert asks.petition.prayer == "raise Old Age Security"
    assert asks.petition.addressee.kind == "government"
    tells = convert_freeform("Seniors cannot pay rent. We want people to know how hard it is.")
    assert tells.petition.prayer == ""
    assert tells.petition.grievances == ["Seniors cannot pay rent", "We want people to know how hard it is"]


def test_a_list_not_after_a_request_is_grievances():
    text = ("Our town faces three problems:\n1. the clinic closed\n2. the bus stopped running\n\n"
            "We urge the Government of Canada to restore rural transit funding.")
    p = convert_freeform(text).petition
    assert p.prayer == "restore rural transit funding"
    assert "the clinic closed" in p.grievances and "the bus stopped running" in p.grievances


def test_a_house_heading_over_a_campaign_body_still_gets_its_request():
    text = ("Petition to the Government of Canada\n\nPlease sign and share!\n\n"
            "Wildfires burned 18 million hectares in 2023. We call on the government to fund a national "
            "wildfire service.")
    reading = read(text)
    p = reading.petition
    assert p.prayer == "fund a national wildfire service"
    assert p.addressee.kind == "government"
    assert reading.addressees_written["heading"] == "the Government of Canada"
    assert any(r.text == "Please sign and share!" for r in reading.removed)


@pytest.mark.parametrize("text", ["", "\n\n", "!!!", "Title only", "Title\n\n\n", "1.\n2.\n3.", "#a #b @c",
                                  "we call the to to", "Nous demandons de de de", "\x00\x1f\x7f" * 10])
def test_odd_drafts_never_raise(text):
    reading = convert_freeform(text)
    assert_spans_inside(reading)
    assert reading.petition.prayer == "" or reading.spans["prayer"].end <= len(text)


def test_a_campaign_title_that_starts_with_petition_is_a_title_not_a_heading():
    reading = read("Petition to save our post office\n\nThe post office closed. We urge the Government of Canada "
                   "to reopen it.")
    assert reading.input_form == "freeform"
    assert "heading" not in reading.addressees_written
    assert reading.petition.addressee.kind == "government"
    assert [r.rule for r in reading.removed] == ["R-STR-1"]
    assert reading.petition.prayer == "reopen it"


def test_windows_line_endings_convert_the_same():
    text = sample("freeform/tovuz-aggression.txt")
    crlf = read(text.replace("\n", "\r\n"))
    assert crlf.petition == read(text).petition
    assert_spans_inside(crlf)


def test_demand_that_becomes_a_request_with_a_note():
    text = ("Stop the Trans Mountain expansion!\n\nThe pipeline threatens salmon and orcas. We, the people of British "
            "Columbia, demand that the Government of Canada cancel the expansion. Share with everyone you know! #StopTMX")
    reading = read(text)
    p = reading.petition
    assert p.addressee.kind == "government"
    assert p.prayer == "cancel the expansion"
    assert p.grievances == ["The pipeline threatens salmon and orcas"]
    assert any("is a demand" in note and "R-PRAY-4" in note for note in reading.notes)
    assert [(r.rule, r.text) for r in reading.removed] == [
        ("R-STR-1", "Stop the Trans Mountain expansion!"),
        ("R-ATT-1", "Share with everyone you know!"),
        ("R-URL-1", "#StopTMX"),
    ]


def test_must_is_taken_out_but_the_words_of_the_action_stay():
    p = convert_freeform("We insist that the federal government must immediately ban plastic bags.").petition
    assert p.prayer == "immediately ban plastic bags"


def test_ask_that_is_a_request_not_a_demand():
    reading = convert_freeform("We ask that Parliament pass the bill on pharmacare.")
    assert reading.petition.addressee.kind == "house"
    assert reading.petition.prayer == "pass the bill on pharmacare"
    assert not any("demand" in note for note in reading.notes)


def test_demand_that_with_no_addressee_is_left_for_the_organizer():
    reading = convert_freeform("We demand that they listen.")
    assert reading.petition.prayer == ""
    assert reading.petition.grievances == ["We demand that they listen"]


def test_facts_that_look_like_campaign_words_stay_grievances():
    text = ("Over 190 countries have signed the Paris Agreement. Canadians donate blood at record rates. "
            "Share prices of oil companies rose 30%. We call upon the Government of Canada to meet its Paris targets.")
    reading = convert_freeform(text)
    assert reading.removed == []
    assert reading.petition.grievances == ["Over 190 countries have signed the Paris Agreement",
                                           "Canadians donate blood at record rates",
                                           "Share prices of oil companies rose 30%"]


def test_abbreviations_do_not_end_a_sentence():
    text = ("Dr. Smith of St. Paul's Hospital counted 40 deaths, i.e. twice the 2019 figure. "
            "Wait times doubled. We urge the Government of Canada to fund 500 more nurses.")
    p = convert_freeform(text).petition
    assert p.grievances == ["Dr. Smith of St. Paul's Hospital counted 40 deaths, i.e. twice the 2019 figure",
                            "Wait times doubled"]


@pytest.mark.parametrize("text, prayer", [
    ("Rural Canadians lack internet.\n\nWe ask the Government of Canada to:\n- map the gaps\n- fund fibre to every town\n",
     "- map the gaps;\n- fund fibre to every town"),
    ("Les régions manquent d’internet.\nNous demandons au gouvernement du Canada de :\n1. cartographier les lacunes\n"
     "2. financer la fibre", "1. cartographier les lacunes;\n2. financer la fibre"),
])
def test_a_request_ending_in_a_colon_takes_the_list_as_its_asks(text, prayer):
    reading = convert_freeform(text)
    assert reading.petition.prayer == prayer
    assert len(reading.petition.grievances) == 1
    assert reading.source[reading.spans["prayer"].end - 6:reading.spans["prayer"].end] == prayer[-6:]


def test_a_request_with_no_action_asks_nothing():
    reading = convert_freeform("Rents are high. We ask the Government of Canada to:")
    assert reading.petition.prayer == ""
    assert "prayer" not in reading.spans
    assert any("says who is asked but not what they should do" in note for note in reading.notes)


def test_a_short_exclaimed_request_is_a_request_not_a_slogan():
    reading = convert_freeform("Bus service ended in May.\n\nWe urge Parliament to act now!")
    assert reading.petition.prayer == "act now"
    assert reading.removed == []


def test_a_link_inside_a_removed_banner_is_reported_once():
    reading = convert_freeform("Ferries are late. We call on the Government of Canada to fund ferries.\n\n"
                               "Please sign at www.example.org/ferries today!")
    assert [(r.rule, r.text) for r in reading.removed] == [
        ("R-ATT-1", "Please sign at www.example.org/ferries today!")]


@pytest.mark.parametrize("text, prayer", [
    ("Pensions lag prices.\n\nWe ask the Government of Canada to: 1) raise pensions; 2) cut taxes.",
     "1) raise pensions; 2) cut taxes"),
    ("Les aînés sont pauvres.\n\nNous demandons au gouvernement du Canada de : 1) hausser les pensions; "
     "2) réduire les impôts.", "1) hausser les pensions; 2) réduire les impôts"),
])
def test_a_list_of_asks_on_the_request_line_keeps_every_marker(text, prayer):
    assert convert_freeform(text).petition.prayer == prayer


def test_a_house_form_request_with_its_list_after_de_colon_is_a_request():
    """'de: 1) ...' on one line was read as no request at all: a false R-PRAY-1 error."""
    from petition.analysis import analyze_text

    a = analyze_text("Nous, soussignés, citoyens du Canada, demandons au gouvernement du Canada de: 1) hausser les "
                     "pensions; 2) réduire les impôts.")
    assert not a.errors and a.petition.prayer == "1) hausser les pensions; 2) réduire les impôts"
    assert a.petition.petitioners == "citoyens du Canada"


def test_a_french_demand_in_the_subjunctive_is_explained_not_just_missing():
    from petition.analysis import analyze_text

    a = analyze_text("Les loyers augmentent trop vite dans nos villes depuis des années.\n\n"
                     "Nous exigeons que le gouvernement du Canada plafonne les loyers.")
    assert a.petition.prayer == ""  # nothing is invented
    # « guillemets » hold their words with no-break spaces (Canadian French typography).
    assert any(n.startswith("«\u00a0Nous exigeons que le gouvernement du Canada plafonne les loyers.\u00a0» exige au lieu de "
                            "demander (R-PRAY-4)") for n in a.notes)
    link = analyze_text("Les loyers augmentent trop vite dans nos villes.\n\nPlus d'informations sur "
                        "https://exemple.ca\n\nNous demandons au gouvernement du Canada de plafonner les loyers.")
    # The sentence only pointed at its link: it goes whole, with the link's reason, and no grievance keeps it.
    assert ("removed", "Plus d'informations sur https://exemple.ca") in {(f.code, f.excerpt) for f in link.findings}
    assert not any("informations" in g for g in link.petition.grievances)


def test_a_sentence_pointing_back_at_the_request_is_listed_not_left_as_grievance_one():
    """The seed (issue 9 part 7): "These resolutions call for ..." after the request that names them."""
    from conftest import sample
    from petition.reader import read

    reading = read(sample("freeform/tovuz-aggression.txt"))
    assert reading.petition.grievances[0].startswith("On July 12th, 2020")
    [back] = [r for r in reading.removed if r.code == "refers-to-request"]
    assert back.text.startswith("These resolutions call for")
    # A "This ..." sentence whose noun the request does not name is a grievance of its own.
    other = read("We ask the Government of Canada to fund rural transit. This service ended in 2019 in our county.")
    assert other.petition.grievances == ["This service ended in 2019 in our county"]


@pytest.mark.parametrize("text, banner", [
    ("Rents doubled.\n\nWe ask the Government of Canada to cap rents.\n\n126 of 200 signatures", "126 of 200 signatures"),
    ("Les loyers ont doublé.\n\nDéjà 312 signatures\n\nNous demandons au gouvernement du Canada de plafonner les loyers.",
     "Déjà 312 signatures"),
])
def test_a_campaign_counter_is_a_banner_in_both_languages(text, banner):
    reading = convert_freeform(text)
    assert [r.text for r in reading.removed if r.code == "campaign"] == [banner]
    assert all(banner not in g for g in reading.petition.grievances)


def test_a_sources_label_goes_with_its_links():
    from petition.accounting import problems

    text = ("Hospitals have hours of fuel left.\n\nWe call on the Prime Minister to press for a ceasefire.\n\n"
            "Citations: ⒈https://example.org/a ⒉https://example.org/b")
    reading = convert_freeform(text)
    assert [r.code for r in reading.removed] == ["sources"]
    assert reading.removed[0].text.startswith("Citations:")
    assert reading.petition.grievances == ["Hospitals have hours of fuel left"]
    assert not problems(reading)
    # A sentence that only mentions sources stays a grievance.
    kept = convert_freeform("Sources of funding dried up in 2020. See https://example.org/report for the figures.\n\n"
                            "We ask the Government of Canada to fund it.")
    assert kept.petition.grievances[0] == "Sources of funding dried up in 2020"
