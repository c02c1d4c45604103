"""R-URL-1, R-URL-2, R-CONTACT-1."""
import pytest

from engine_helpers import analyse, assert_span_is_excerpt, codes, only


@pytest.mark.parametrize("url", ["https://example.org/petition", "www.savethelake.ca"])
def test_a_url_in_an_e_petition_is_an_error(url):
    a = analyse(grievances=[f"Details are at {url}."])
    [f] = only(a, "url")
    assert f.severity == "error" and f.rule == "R-URL-1"
    assert f.excerpt == url  # the sentence's full stop stays out
    assert_span_is_excerpt(a, f)


def test_a_url_on_paper_is_a_warning():
    a = analyse(grievances=["See https://example.org"], kind="paper")
    [f] = only(a, "url-on-paper")
    assert f.severity == "warning" and f.rule == "R-URL-2"


def test_bare_domain_handle_and_hashtag_are_warnings():
    a = analyse(grievances=["Follow @SaveTheLake and #LakeNow, or read savethelake.org"])
    found = only(a, "web-reference")
    assert sorted(f.excerpt for f in found) == ["#LakeNow", "@SaveTheLake", "savethelake.org"]
    assert a.errors == []


def test_email_phone_and_postal_code_are_contact_warnings():
    a = analyse(grievances=["Write jane.doe@example.com or call (613) 555-0199 at K1A 0A6"])
    assert {"email", "phone", "postal-code"} <= set(codes(a))
    assert {f.rule for f in a.findings if f.code in ("email", "phone", "postal-code")} == {"R-CONTACT-1"}
    assert "url" not in codes(a) and "web-reference" not in codes(a)


@pytest.mark.parametrize("text", [
    "The Act (s. 12(6) EIA) and St. John's, N.L. e.g. in 2020",
    "Resolutions 822, 853, 874 and 884 of 1993 and A/RES/48/114",
    "It costs $1,200.50 per year, 3,000 women a year",
])
def test_ordinary_text_has_no_web_or_contact_findings(text):
    a = analyse(grievances=[text])
    assert not [f for f in a.findings if f.rule in ("R-URL-1", "R-URL-2", "R-CONTACT-1")]


def test_a_treaty_others_have_signed_is_a_fact_not_a_request_for_support():
    from petition.analysis import analyze_text

    text = ("Petition to the Government of Canada\nWhereas:\nOver 190 countries have signed the Paris Agreement;\n"
            "Canada has signed it too.\nWe, the undersigned, citizens of Canada, call upon the Government of Canada"
            " to honour it.\n")
    assert analyze_text(text).errors == []
    banner = text.replace("honour it.", "honour it. 0 have signed. Let's get to 2,500!")
    assert "support-request" in [f.code for f in analyze_text(banner).errors]


def test_any_scheme_is_a_url_and_the_excerpt_stops_where_the_address_does():
    a = analyse(prayer="read file:///etc/passwd, ftp://x.example/a and url(http://127.0.0.1:1/x);body{display:none}")
    assert [f.excerpt for f in a.findings if f.code == "url"] == [
        "file:///etc/passwd", "ftp://x.example/a", "http://127.0.0.1:1/x"]
    # A time or a ratio is not a scheme.
    assert "url" not in codes(analyse(prayer="meet at 10:30 and keep a 3:1 ratio"))


def test_schemes_without_slashes_are_urls_but_a_colon_in_prose_is_not():
    a = analyse(prayer="call tel:+14185551234, open data:text/html,x or javascript:alert(1)")
    assert [f.excerpt for f in a.findings if f.code == "url"] == ["tel:+14185551234", "data:text/html,x",
                                                                  "javascript:alert(1"]
    assert "url" not in codes(analyse(prayer="fund it. Note: Data: 5 studies; re: rents at 10:30"))
