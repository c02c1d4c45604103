"""R-ADDR-1 / R-ADDR-2."""
from engine_helpers import analyse, codes, only
from petition.analysis import analyze_reading
from petition.model import Addressee, Petition, Reading


def test_the_four_allowed_addressees_are_quiet():
    for addressee in (
        Addressee(kind="house"),
        Addressee(kind="house", in_parliament_assembled=True),
        Addressee(kind="government"),
        Addressee(kind="minister", title="Prime Minister"),
        Addressee(kind="member", name="Jane Doe", riding="Ottawa Centre"),
    ):
        a = analyse(addressee=addressee)
        assert not [f for f in a.findings if f.rule.startswith("R-ADDR")], addressee


def test_a_provincial_addressee_is_an_error():
    a = analyse(addressee=Addressee(kind="other", text="the Premier of Ontario"))
    [f] = only(a, "addressee-not-allowed")
    assert f.severity == "error" and f.part == "addressee"
    assert a.source[f.start:f.end] == f.excerpt == "the Premier of Ontario"  # the addressee, not the heading


def test_an_unrecognized_addressee_is_only_a_warning():
    a = analyse(addressee=Addressee(kind="other", text="Justin Trudeau"))
    assert only(a, "addressee-unknown")[0].severity == "warning"
    assert a.errors == []


def test_two_ministers_is_a_warning():
    a = analyse(addressee=Addressee(kind="minister", title="Minister of Health and the Minister of Finance"))
    assert only(a, "several-addressees")[0].severity == "warning"


def test_minister_without_portfolio_and_member_without_riding_warn():
    assert "minister-untitled" in codes(analyse(addressee=Addressee(kind="minister", title="")))
    assert "member-incomplete" in codes(analyse(addressee=Addressee(kind="member", name="Jane Doe")))


def _reading(heading, prayer):
    text = f"Petition to {heading}\nWe, the undersigned, call upon {prayer} to fund broadband."
    return Reading(source=text, input_form="house", petition=Petition(prayer="fund broadband"),
                   addressees_written={"heading": heading, "prayer": prayer}, language="en")


def test_heading_and_prayer_naming_different_addressees_is_a_warning():
    a = analyze_reading(_reading("the House of Commons", "the Government of Canada"))
    [f] = only(a, "addressee-mismatch")
    assert f.severity == "warning"
    assert a.errors == []


def test_same_addressee_written_twice_is_quiet():
    a = analyze_reading(_reading("the Government of Canada", "the Government of Canada"))
    assert "addressee-mismatch" not in codes(a)


def test_a_request_to_two_ministers_is_one_several_addressees_warning():
    text = "Petition to the Minister of Health\nWe call upon the Minister of Health and the Minister of Finance to act."
    reading = Reading(source=text, input_form="house",
                      petition=Petition(addressee=Addressee(kind="minister", title="Minister of Health"), prayer="act"),
                      addressees_written={"heading": "the Minister of Health",
                                          "prayer": "the Minister of Health and the Minister of Finance"},
                      language="en")
    a = analyze_reading(reading)
    assert [f.code for f in a.findings if f.rule.startswith("R-ADDR")] == ["several-addressees"]
    assert a.errors == []


def test_a_courtesy_title_in_the_heading_only_is_the_same_minister():
    from petition.analysis import analyze_text

    a = analyze_text("Petition to the Right Honourable Prime Minister\n"
                     "We, the undersigned, citizens of Canada, call upon the Prime Minister to resign.")
    assert a.petition.addressee.kind == "minister"
    assert "addressee-mismatch" not in codes(a)
    b = analyze_text("Petition to the Minister of Health\n"
                     "We, the undersigned, citizens of Canada, call upon the Minister of Finance to act.")
    assert "addressee-mismatch" in codes(b)


def test_a_bilingual_heading_names_one_addressee():
    from petition.analysis import analyze_text

    a = analyze_text("Petition to the Government of Canada / Pétition au gouvernement du Canada\n"
                     "We, the undersigned, citizens of Canada, call upon the Government of Canada to fund broadband.")
    assert a.petition.addressee.kind == "government"
    assert not [f for f in a.findings if f.rule.startswith("R-ADDR")]
    assert a.rendered.text.startswith("Petition to the Government of Canada\n")
    other = analyze_text("Petition to the Government of Canada / the City of Toronto\n"
                         "We, the undersigned, call upon the Government of Canada to fund broadband.")
    assert [f for f in other.findings if f.rule.startswith("R-ADDR")]


def test_one_minister_with_two_portfolios_is_one_addressee():
    from petition.analysis import analyze_text

    a = analyze_text("Petition to the Deputy Prime Minister and Minister of Finance\nWe, the undersigned, citizens of "
                     "Canada, call upon the Deputy Prime Minister and Minister of Finance to cap fees.")
    assert "several-addressees" not in codes(a)
    b = analyze_text("Pétition au ministre de la Santé et au ministre des Finances\nNous, soussignés, citoyens du "
                     "Canada, demandons au ministre de la Santé et au ministre des Finances de plafonner les frais.")
    assert "several-addressees" in codes(b)
