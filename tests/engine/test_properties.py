"""Property tests: the checker and converter never raise on arbitrary text, and every span lies inside its text."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petition.analysis import analyze_petition, analyze_text
from petition.model import Petition
from petition.wordcount import count_words, upper_bound, word_spans

# Text with the characters that trouble parsers: punctuation the checks look for,
# control characters, other scripts, and the House formula words.
_PIECES = st.sampled_from([
    "Petition to the House of Commons", "Whereas:", "We, the undersigned, ", "call upon the Government of Canada to ",
    "We demand ", "liar", "https://x.ca", "@a", "#b", "1. ", "a) ", "\n", ";", "!!!", "SHOUTING WORDS HERE NOW",
    "Pétition au gouvernement du Canada", "Nous, soussignés, demandons au gouvernement du Canada de ", "l'attention",
    "\x00", "\u202e", "Правительство", "国会", " - ", "Mr. Smith is corrupt", "city council", "court",
])
TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=40)), max_size=25).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans_inside(analysis):
    for f in analysis.findings:
        assert 0 <= f.start <= f.end <= len(analysis.source), f
    for r in analysis.removed:
        assert 0 <= r.start <= r.end <= len(analysis.source), r


@SETTINGS
@given(TEXT, st.sampled_from(["e-petition", "paper"]))
def test_analyze_text_never_raises_and_spans_lie_inside(text, kind):
    a = analyze_text(text, kind=kind)
    _spans_inside(a)
    assert a.to_dict()["kind"] == kind


@SETTINGS
@given(st.lists(TEXT, max_size=4), TEXT, st.sampled_from(["en", "fr"]))
def test_analyze_petition_never_raises_and_spans_lie_inside(grievances, prayer, language):
    a = analyze_petition(Petition(grievances=grievances, prayer=prayer, language=language))
    _spans_inside(a)


@SETTINGS
@given(TEXT)
def test_word_count_is_bounded_and_spans_are_in_order(text):
    spans = word_spans(text)
    assert count_words(text) == len(spans) <= len(text.split())
    assert upper_bound(text) >= count_words(text)
    assert all(0 <= s < e <= len(text) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


_COUNT_PIECES = st.sampled_from(["1.", "a)", "(iv)", "(2)", ";", ":", " ", "\n", "\t", "word", "-", "x;", "2.", "é",
                                 "l'a", "_", "i.", "\r\n", "\u2028", "\xa0"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(_COUNT_PIECES, st.text(max_size=5)), max_size=30).map("".join))
def test_fast_count_agrees_with_the_word_positions(text):
    # count_words is a regex scan; word_spans walks the tokens to find word 251. They must agree.
    assert count_words(text) == len(word_spans(text))


# Findings that quote something other than the text at their span (the addressee as written,
# an invisible character spelled out) or that have no span.
_NOT_QUOTING = {"addressee-not-allowed", "addressee-unknown", "several-addressees", "addressee-mismatch",
                "control-characters", "removed", "over-limit", "prayer-long", "many-asks"}


@SETTINGS
@given(st.lists(TEXT, max_size=4), TEXT, st.sampled_from(["e-petition", "paper"]))
def test_structured_findings_quote_exactly_the_text_at_their_span(grievances, prayer, kind):
    a = analyze_petition(Petition(grievances=grievances, prayer=prayer, kind=kind))
    for f in a.findings:
        if f.code in _NOT_QUOTING or f.start == f.end:
            continue
        quoted = " ".join(a.source[f.start:f.end].split())
        assert quoted == f.excerpt or (f.excerpt.endswith("…") and quoted.startswith(f.excerpt[:-1])), f


def test_to_dict_is_what_dataclasses_asdict_gives_for_every_model():
    """petition.model spells asdict out for speed (the API converts every finding of every check); a field added
    later with a list or a dataclass inside would otherwise be stored by reference, not as JSON."""
    from dataclasses import asdict

    from petition.model import Addressee, Finding, Removed, Replaced

    second = Petition(kind="paper", language="en", grievances=["Rents rose"], prayer="cap rents")
    petition = Petition(kind="paper", language="fr", addressee=Addressee(kind="member", name="Jane Doe", riding="X"),
                        petitioners="résidents", grievances=["Les loyers", "ont augmenté"], prayer="plafonner",
                        second_version=second)
    assert petition.to_dict() == asdict(petition) and second.to_dict() == asdict(second)
    assert petition.to_dict()["grievances"] is not petition.grievances
    finding = Finding("R-URL-1", "error", "a link", "prayer", 3, 9, "www.x", "drop it", "url")
    assert finding.to_dict() == asdict(finding)
    for removed in (Removed("see www.x", "R-URL-1", start=1, end=4, code=""), Replaced("Whereas", "R-STR-1")):
        assert removed.to_dict() == {**asdict(removed), "reason": removed.reason_in("en")}
