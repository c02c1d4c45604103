"""Nothing a person typed is lost: every non-whitespace character of a pasted text ends up in one place.

`petition.accounting.problems` is the checker: it fails a reading when some text is in
no place (not the addressee, petitioners, a grievance, the request, a removed entry or a
replaced entry), when two places overlap, or when a part's span holds words its text lacks.
"""
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petition.accounting import problems
from petition.analysis import analyze_text
from petition.reader import read

TESTS = Path(__file__).resolve().parents[1]
SAMPLES = sorted(p for p in TESTS.rglob("*.txt") if ".venv" not in p.parts)


def assert_nothing_lost(reading):
    found = problems(reading)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: str(p.relative_to(TESTS)))
def test_every_sample_in_the_tests_is_fully_accounted_for(path):
    assert_nothing_lost(read(path.read_text(encoding="utf-8")))


# ---- the examples -----------------------------------------------------------------------

def test_three_whereas_lines_and_a_request_keep_every_grievance():
    reading = read("Whereas rents in our city rose 40% in five years;\n"
                   "Whereas families are being evicted from their homes;\n"
                   "Whereas wages have not kept up;\n"
                   "We ask the Government of Canada to build more affordable homes.")
    assert reading.petition.grievances == ["Rents in our city rose 40% in five years",
                                           "Families are being evicted from their homes", "Wages have not kept up"]
    assert reading.petition.prayer == "build more affordable homes"
    assert not reading.removed
    assert {r.text for r in reading.replaced} >= {"Whereas", "We ask", "to"}
    assert_nothing_lost(reading)


def test_whereas_and_therefore_on_one_line():
    reading = read("WHEREAS rents rose 40% in five years; WHEREAS families are evicted; "
                   "THEREFORE we ask the Government of Canada to build more affordable homes.")
    assert reading.petition.grievances == ["Rents rose 40% in five years", "Families are evicted"]
    assert reading.petition.prayer == "build more affordable homes"
    assert any(r.text.startswith("THEREFORE") for r in reading.replaced)
    assert_nothing_lost(reading)


def test_plain_lines_ending_in_semicolons_are_grievances():
    reading = read("Rents rose 40% in five years;\nFamilies are being evicted;\n"
                   "We ask the Government of Canada to build more affordable homes.")
    assert reading.petition.grievances == ["Rents rose 40% in five years", "Families are being evicted"]
    assert_nothing_lost(reading)


def test_a_request_that_goes_on_after_a_semicolon_keeps_its_asks_together():
    reading = read("Rents rose 40% in five years.\n"
                   "We ask the Government of Canada to cap rent increases;\nbuild more affordable homes.")
    assert reading.petition.grievances == ["Rents rose 40% in five years"]
    assert reading.petition.prayer == "cap rent increases; build more affordable homes"
    assert_nothing_lost(reading)


def test_an_opening_line_that_states_a_fact_is_a_grievance_not_a_title():
    reading = read("Rents in Toronto have DOUBLED in ten years!!!\n\n"
                   "We ask the Government of Canada to build more affordable homes.")
    assert reading.petition.grievances == ["Rents in Toronto have DOUBLED in ten years"]
    assert not reading.removed
    assert_nothing_lost(reading)


@pytest.mark.parametrize("text", [
    "We, Citizens of Canada and the First Nations Peoples, call upon the Government of Canada to restore the lands.",
    "Petition to the House of Commons\nWhereas the lands were taken;\nWe, the undersigned, Citizens of Canada and "
    "the First Nations Peoples, call upon the House of Commons to restore the lands.",
])
def test_petitioners_who_are_not_the_default_are_kept(text):
    reading = read(text)
    assert reading.petition.petitioners == "Citizens of Canada and the First Nations Peoples"
    assert_nothing_lost(reading)


def test_words_before_the_request_are_listed_not_dropped():
    reading = read("Rents rose.\nBecause families cannot pay, we ask the Government of Canada to cap rents.")
    [lead] = [r for r in reading.removed if r.code == "request-lead-in"]
    assert lead.text == "Because families cannot pay," and lead.rule == "R-STR-1" and lead.reason
    assert_nothing_lost(reading)


def test_text_the_reader_cannot_place_is_listed_as_removed_with_a_reason():
    # Between the grievances and "We, the undersigned" of a House-format text: no part holds it.
    text = ("Petition to the House of Commons\nWhereas rents rose;\n"
            "We, the undersigned, call upon the House of Commons to cap rents.\n")
    reading = read(text)
    assert not reading.removed and reading.replaced
    assert_nothing_lost(reading)
    assert_nothing_lost(read(text.replace("We, the undersigned,", "Thanks Jane. We, the undersigned,")))


def test_the_api_answer_lists_what_was_replaced():
    data = analyze_text("Whereas rents rose;\nWe ask the Government of Canada to cap rents.").to_dict()
    assert {"removed", "replaced"} <= set(data)
    assert [r["text"] for r in data["replaced"]] == ["Whereas", "We ask", "to"]
    assert all(r["rule"].startswith("R-") and r["reason"] for r in data["replaced"])


# ---- random drafts ------------------------------------------------------------------------------

_CLAUSES = [
    "Rents in our city rose 40% in five years", "Whereas families are being evicted from their homes",
    "WHEREAS the cost of food has doubled", "THAT seniors cannot afford their medication",
    "Canadian women take almost all the weeks of parental benefits", "Les loyers ont augmenté de 40 %",
    "Attendu que les familles sont expulsées", "This threat is being executed as we speak",
    "The pipeline threatens salmon and orcas", "Rents in Toronto have DOUBLED in ten years!!!",
]
_REQUESTS = [
    "We ask the Government of Canada to build more affordable homes",
    "We, the undersigned, citizens of Canada, call upon the House of Commons to cap rents",
    "THEREFORE we call upon the Minister of Housing to act now",
    "We, the people of British Columbia, demand that the Government of Canada cancel the expansion",
    "Nous demandons au gouvernement du Canada de plafonner les loyers",
    "Nous, soussignés, citoyens du Canada, prions le gouvernement du Canada de revoir la loi",
    "On behalf of our community, we urge the Prime Minister to",
    # Asks put the way campaign drafts put them (petition.asks).
    "Lower the voting age to 16", "Restore the lands", "Demand the immediate reopening of Parliament",
    "Canada must ban single-use plastics", "The federal government should fund transit",
    "Please urge the Minister of Fisheries to reopen the fishery", "Tell the Prime Minister and Premier Eby to act",
    "We ask that you build homes", "We are writing to ask you to extend permits", "What we want:",
    "We call for a national pharmacare program", "Le Canada doit interdire les plastiques",
    "Rétablissez le train", "Exigez la réouverture du Parlement", "Ce que nous voulons :",
    "Nous vous demandons de réduire les délais", "Nous réclamons le retrait du projet de loi",
    "We call upon the Conservative Party to scrap the tax", "Petition to the House of Commons regarding broadband",
    "Petition to the Minister of Fisheries to reopen the cod fishery",
]
_FURNITURE = [
    "Petition to the House of Commons", "Pétition adressée au gouvernement du Canada", "Whereas:", "Attendu que :",
    "RENT CONTROL NOW!!!", "Save our post office", "0 have signed. Let’s get to 2,500!", "Please sign and share!",
    "https://fairrent.ca/join", "www.example.org", "@fairrent", "#RentControl", "info@fairrent.ca",
    "Dear Prime Minister,", "Thanks, Jane", "Signez et partagez!", "(see fairrent.news for details)",
    # Pasted formats: HTML, Markdown, e-mail, PDF, Word.
    "<p>", "</p>", "<br>", "<li>", "<ul>", "</ul>", "<b>", "</b>", "&amp;", "&#39;", "<!-- x -->", "<script>x<y</script>",
    "**", "# ", "## Why", "[our site](https://x.ca)", "![logo](l.png)", "_so_", "`",
    "From: Jane <jane@x.org>", "Sent: Monday", "Subject: petition", "Hi all,", "Here is the final text:",
    "On Mon, Jane wrote:", "> quoted line", "Cheers,", "Sent from my iPhone", "--",
    "Page 1 of 2", "3", "evic-", "\uf0b7\t", "o\t",
]
_MARKERS = ["", "", "1. ", "2) ", "a) ", "- ", "• ", "* ", "(iv) "]
_ENDS = ["", ".", ";", "; and", "!", ":", ","]
_BREAKS = ["\n", "\n\n", " ", "\n  ", "\r\n"]

_LINE = st.tuples(
    st.sampled_from(_MARKERS),
    st.one_of(st.sampled_from(_CLAUSES), st.sampled_from(_REQUESTS), st.sampled_from(_FURNITURE),
              st.text(max_size=30)),
    st.sampled_from(_ENDS),
    st.sampled_from(_BREAKS),
).map("".join)
DRAFTS = st.lists(_LINE, min_size=1, max_size=14).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFTS)
def test_random_drafts_lose_nothing(text):
    assert_nothing_lost(read(text))
