"""One grammar (petition.grammar) for the converter and the checker: the converter takes out exactly what the
checker would flag, so a converted draft draws no link or contact finding and nothing it took out was harmless."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petition import grammar
from petition.analysis import analyze_petition, analyze_reading
from petition.model import Petition
from petition.reader import read

_FLAGGED = {"url", "web-reference", "email", "phone", "postal-code"}
_REFERENCES = ["https://fairrent.ca/join", "www.example.org", "fairrent.news", "canada.gov", "goo.gl/x1",
               "@fairrent", "#RentControl", "info@fairrent.ca", "613-555-0199", "(613) 555-0199", "K1A 0A6",
               "mailto:a@b.ca", "ftp://files.example.org/a", "Amazon.com", "fairrent.ca/about?x=1"]
_WORDS = ["Rents rose 40% in five years", "see", "for details", "(", ")", "publish it at", "within one year",
          "Families are evicted", ".", ",", ";", "!", "\n", "\n\n", " "]
_DRAFT = st.lists(st.one_of(st.sampled_from(_REFERENCES), st.sampled_from(_WORDS)), min_size=1, max_size=20).map(
    lambda parts: " ".join(parts) + "\nWe ask the Government of Canada to cap rents.")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DRAFT)
def test_the_converter_takes_out_exactly_what_the_checker_flags(text):
    reading = read(text)
    assert reading.input_form == "freeform"
    # Nothing the checker would flag is left in the converted petition...
    left = [f for f in analyze_reading(reading).findings if f.code in _FLAGGED]
    assert not left, [(f.code, f.excerpt) for f in left]
    # ...and everything taken out as a link or a contact detail holds something the checker flags
    # (with, for a link, the words that only pointed at it: "(see ... for details)", "at").
    for entry in reading.removed:
        if entry.code in ("links", "contact"):
            flagged = analyze_petition(Petition(grievances=[entry.text], prayer="cap rents")).findings
            assert any(f.code in _FLAGGED and f.excerpt in entry.text for f in flagged), entry.text


def test_the_issue_s_top_level_domains_are_one_list():
    for domain in ("fairrent.news", "canada.gov", "goo.gl", "fairrent.ca", "ville.quebec"):
        assert [kind for _, _, kind in grammar.references(f"See {domain} now.")] == ["domain"], domain


def test_a_handle_at_a_sentence_s_end_is_found():
    assert grammar.references("Follow @salishsea.") == [(7, 17, "handle")]
