"""The pipeline: analyze_petition for the web form, analyze_text for pasted drafts, and the JSON shape."""
import json

import pytest

from petition.analysis import analyze_petition, analyze_text
from petition.model import Addressee, Petition


def _petition(**kw):
    base = dict(addressee=Addressee(kind="government"), grievances=["Rural areas lack broadband"],
                prayer="fund rural broadband")
    base.update(kw)
    return Petition(**base)


def test_structured_petition_findings_point_into_the_rendered_text():
    a = analyze_petition(_petition(prayer="fund rural broadband; see https://example.org"))
    assert a.source == a.rendered.text
    [url] = [f for f in a.findings if f.code == "url"]
    assert a.rendered.text[url.start:url.end] == "https://example.org"
    prayer = a.rendered.spans["prayer"]
    assert prayer.start <= url.start < url.end <= prayer.end


def test_clean_petition_has_no_findings_and_counts_its_words():
    a = analyze_petition(_petition())
    assert a.findings == [] and a.errors == []
    assert a.word_count.counted == 7 and a.word_count.limit == 250
    assert a.rendered.text.startswith("Petition to the Government of Canada")


def test_errors_sort_before_warnings():
    a = analyze_petition(_petition(grievances=["City council is corrupt"], prayer="We demand a fix"))
    severities = [f.severity for f in a.findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert a.errors and a.warnings


def test_messages_follow_the_petition_language():
    a = analyze_petition(_petition(language="fr", prayer="nous exigeons un service", grievances=[]))
    [f] = a.errors
    assert "exigence" in f.message


def test_unknown_kind_is_refused_clearly():
    with pytest.raises(ValueError, match="kind must be one of"):
        analyze_petition(_petition(kind="letter"))


def test_to_dict_has_the_documented_keys_and_is_json():
    data = json.loads(json.dumps(analyze_petition(_petition(prayer="We demand a fix")).to_dict()))
    assert {"input_form", "kind", "language", "petition", "rendered", "word_count", "findings", "removed"} <= set(data)
    assert {"kind", "text"} <= set(data["petition"]["addressee"])
    assert data["petition"]["addressee"]["text"] == "the Government of Canada"
    assert set(data["word_count"]) >= {"counted", "limit"}
    finding = data["findings"][0]
    assert set(finding) >= {"rule", "severity", "message", "part", "start", "end", "excerpt", "suggestion", "code"}
    assert finding["rule"] == "R-PRAY-4"


def test_text_findings_point_into_the_draft_as_typed():
    text = ("Petition to the Government of Canada\nWhereas:\nRents   doubled and a liar said otherwise;\n"
            "Wages did not.\nWe, the undersigned, citizens of Canada, call upon the Government of Canada to "
            "cap rents.")
    a = analyze_text(text)
    assert a.input_form == "house" and a.source == text
    [f] = [f for f in a.findings if f.code == "unparliamentary"]
    assert text[f.start:f.end] == "liar"
    assert f.part == "grievance 1"


def test_kind_and_language_overrides():
    text = "Petition to the House of Commons\nWe, the undersigned, call upon the House of Commons to act now."
    assert analyze_text(text, kind="paper").kind == "paper"
    assert analyze_text(text, language="fr").petition.language == "fr"
    with pytest.raises(ValueError):
        analyze_text(text, kind="fax")


def test_removed_fragments_are_reported_as_info():
    text = ("Save the lake\n\nPlease sign this petition!\n\nWe call on the Government of Canada to protect "
            "the lake from dumping.")
    a = analyze_text(text)
    removed = [f for f in a.findings if f.part == "removed"]
    assert removed and {f.severity for f in removed} == {"info"}
    for f in removed:
        assert 0 <= f.start <= f.end <= len(text)
    assert "Please sign" not in a.rendered.text
