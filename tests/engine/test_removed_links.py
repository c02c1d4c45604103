"""A removed link takes the words that only pointed at it (issue 9, "Removed links break sentences").

The organizer sees exactly what went, in one entry with the link's reason (R-URL-1), and the sentence
left behind reads whole: no "(see for details)", no "published at within one year", no space before
punctuation. Words that say more than where the link is ("as reported by CBC") stay.
"""
import pytest

from petition.accounting import problems
from petition.reader import read

EN = ("Petition to the Government of Canada\n\n"
      "Whereas rents rose 40% (see https://example.org/rents for details);\n"
      "Whereas the law should be published at www.gov.ca/law within one year;\n\n"
      "We ask the Government of Canada to build more affordable homes.\n")
FR = ("Pétition au gouvernement du Canada\n\n"
      "Attendu que les loyers ont augmenté de 40 % (voir https://exemple.ca/loyers pour les détails) ;\n"
      "Attendu que la loi devrait être publiée sur le site www.gouv.ca/loi dans un délai d’un an ;\n\n"
      "Nous demandons au gouvernement du Canada de construire plus de logements abordables.\n")


def _links(reading):
    return [r.text for r in reading.removed if r.code == "links"]


def _read(text):
    reading = read(text)
    found = problems(reading)
    assert not found, "\n".join(found)
    return reading


def test_the_issue_s_english_example_reads_whole_and_lists_what_went():
    reading = _read(EN)
    assert reading.petition.grievances == ["Rents rose 40%", "The law should be published within one year"]
    assert _links(reading) == ["(see https://example.org/rents for details)", "at www.gov.ca/law"]
    assert {r.rule for r in reading.removed} == {"R-URL-1"}
    assert not [n for n in reading.notes if n.code == "link-words-check"]


def test_the_french_example_reads_whole_and_lists_what_went():
    reading = _read(FR)
    assert reading.petition.grievances == ["Les loyers ont augmenté de 40 %",
                                           "La loi devrait être publiée dans un délai d’un an"]
    assert _links(reading) == ["(voir https://exemple.ca/loyers pour les détails)", "sur le site www.gouv.ca/loi"]
    # The entry's reason is said in the petition's language.
    assert all(r.reason_in("fr").startswith("Une pétition ne peut contenir") for r in reading.removed)


@pytest.mark.parametrize("clause, kept, gone", [
    ("Whereas rents rose 40% (source: https://x.ca/a);", "Rents rose 40%", "(source: https://x.ca/a)"),
    ("Whereas families are evicted [https://x.ca/evictions];", "Families are evicted", "[https://x.ca/evictions]"),
    # "as reported by CBC" says who reported it: only the bracketed address goes.
    ("Whereas rents rose, as reported by CBC (https://cbc.ca/news/1);", "Rents rose, as reported by CBC",
     "(https://cbc.ca/news/1)"),
    # A bracket that holds more than a pointer keeps its words; the link alone goes.
    ("Whereas rents rose 40% (Statistics Canada, https://statcan.gc.ca/x);",
     "Rents rose 40% (Statistics Canada)", "https://statcan.gc.ca/x"),
    ("Whereas the bill, tabled at www.parl.ca/bill, died on the order paper;",
     "The bill, tabled, died on the order paper", "at www.parl.ca/bill"),
    ("Attendu que le rapport (source : https://x.ca/r) le confirme ;", "Le rapport le confirme",
     "(source : https://x.ca/r)"),
])
def test_a_bracket_or_lead_in_that_only_points_at_the_link_goes_with_it(clause, kept, gone):
    ask = ("Nous demandons au gouvernement du Canada de bâtir des logements." if clause.startswith("Attendu")
           else "We ask the Government of Canada to build more affordable homes.")
    reading = _read(f"{clause}\n\n{ask}\n")
    assert reading.petition.grievances == [kept]
    assert _links(reading) == [gone]


@pytest.mark.parametrize("sentence", [
    "Visit our website at www.x.ca.",
    "Learn more: [link]",
    "Learn more: https://x.ca/learn",
    "Pour en savoir plus, consultez notre site www.x.ca.",
])
def test_a_sentence_that_only_pointed_at_a_link_goes_whole_with_the_link_s_reason(sentence):
    reading = _read("Whereas rents rose 40%;\n\nWe ask the Government of Canada to build more affordable homes."
                    f"\n\n{sentence}\n")
    assert reading.petition.grievances == ["Rents rose 40%"]
    [entry] = [r for r in reading.removed if r.text.strip(".") == sentence.strip(".")]
    assert (entry.rule, entry.code) == ("R-URL-1", "links")


def test_a_list_of_citations_still_goes_as_sources():
    reading = _read("Whereas rents rose 40%;\n\nWe ask the Government of Canada to build more affordable homes."
                    "\n\nCitations: ⒈ https://a.ca ⒉ https://b.ca\n")
    assert [r.code for r in reading.removed] == ["sources"]


def test_words_that_may_have_served_the_link_stay_and_the_organizer_is_told():
    reading = _read("Whereas, according to https://x.ca/y, rents rose 40%;\n\n"
                    "We ask the Government of Canada to build more affordable homes.\n")
    assert reading.petition.grievances == ["According to, rents rose 40%"]
    [note] = [n for n in reading.notes if n.code == "link-words-check"]
    assert "according to, rents rose 40%" in note
    assert note.text("fr").startswith("Un lien a été retiré de «\u00a0according to")


def test_a_verb_before_a_link_mid_sentence_stays():
    """"visit" is the link's only when the link ends the sentence; here it carries the sentence."""
    reading = _read("Whereas seniors must visit www.canada.ca/oas to apply, which many cannot do;\n\n"
                    "We ask the Government of Canada to enrol seniors automatically.\n")
    assert reading.petition.grievances == ["Seniors must visit to apply, which many cannot do"]
    assert _links(reading) == ["www.canada.ca/oas"]
    assert [n.code for n in reading.notes if n.code == "link-words-check"] == ["link-words-check"]


def test_a_clause_keeps_a_capital_the_draft_gave_it_and_a_word_written_with_capitals():
    reading = _read("Whereas eBay sells seized goods;\nWhereas Rents rose;\n\n"
                    "We ask the Government of Canada to act.\n")
    assert reading.petition.grievances == ["eBay sells seized goods", "Rents rose"]


def test_a_sentence_without_whereas_is_kept_as_written():
    reading = _read("rents rose 40% in five years.\n\nWe ask the Government of Canada to build homes.\n")
    assert reading.petition.grievances == ["rents rose 40% in five years"]
