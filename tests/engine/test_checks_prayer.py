"""R-PRAY-1, R-PRAY-3, R-PRAY-4."""
import pytest

from engine_helpers import analyse, assert_span_is_excerpt, codes, only


def test_missing_request_is_an_error():
    a = analyse(grievances=["Rents are too high"], prayer="  ")
    [f] = only(a, "no-prayer")
    assert f.severity == "error" and f.rule == "R-PRAY-1"


def test_a_request_alone_is_a_petition():
    # Calibration: grievances are optional.
    assert analyse(grievances=[], prayer="fund rural broadband").errors == []


@pytest.mark.parametrize("prayer", [
    "We demand that the Government fund rural broadband",
    "we hereby demand rural broadband",
    "We insist on rural broadband",
])
def test_demand_in_the_request_is_an_error_with_a_suggestion(prayer):
    a = analyse(prayer=prayer)
    [f] = only(a, "demand-framing")
    assert f.severity == "error" and f.rule == "R-PRAY-4"
    assert "call upon the Government of Canada to" in f.suggestion
    assert_span_is_excerpt(a, f)


def test_french_demand_verbs_fire_but_demandons_does_not():
    a = analyse(prayer="nous exigeons un meilleur service", language="fr")
    assert "demand-framing" in codes(a)
    quiet = analyse(grievances=["La Loi exige que les employeurs versent les prestations"],
                    prayer="financer le service; nous demandons aussi un rapport", language="fr")
    assert not [f for f in quiet.findings if f.rule == "R-PRAY-4"]


def test_demand_in_a_grievance_is_only_a_warning():
    a = analyse(grievances=["Residents demand that the government act and we demand it too"])
    found = only(a, "demand-wording")
    assert {f.severity for f in found} == {"warning"}
    assert a.errors == []


@pytest.mark.parametrize("grievance", [
    "Health care workers must continue to provide care",
    "The government should act immediately to stop the spread",
    "This is an urgent matter",
])
def test_must_immediately_stop_urgent_stay_quiet(grievance):
    # Calibration: these words appear in certified petitions.
    a = analyse(grievances=[grievance])
    assert not [f for f in a.findings if f.rule == "R-PRAY-4"]


def test_ultimatum_and_addressee_must_in_the_request_are_warnings():
    a = analyse(grievances=["This is non-negotiable"], prayer="fund it; the Government must act now")
    assert {"ultimatum", "addressee-must"} <= set(codes(a))
    assert a.errors == []


def test_the_government_must_in_a_grievance_is_a_view_not_a_demand():
    a = analyse(grievances=["The Government must act now to protect lakes", "Le gouvernement doit agir"])
    assert "addressee-must" not in codes(a)


def test_long_request_and_many_asks_are_info():
    asks = "\n".join(f"{i}. do thing {i}" for i in range(1, 8))
    a = analyse(prayer="act on these:\n" + asks)
    assert only(a, "many-asks")[0].severity == "info"
    long = analyse(prayer="fund " + "rural " * 70 + "broadband")
    assert only(long, "prayer-long")[0].severity == "info"


def test_demand_suggestion_rewrites_the_request_in_house_form():
    a = analyse(grievances=["Rural areas lack service"],
                prayer="provide service; we demand that the Government of Canada fund rural broadband now")
    [f] = only(a, "demand-framing")
    # The rest of the request stays as written.
    assert f.suggestion == ("We, the undersigned, citizens and residents of Canada, call upon the Government of Canada "
                            "to provide service; fund rural broadband now.")
    simple = only(analyse(prayer="We demand that the Government must fund broadband. Soon."), "demand-framing")[0]
    assert simple.suggestion.endswith("call upon the Government of Canada to fund broadband. Soon.")


def test_house_text_that_demands_instead_of_calling_upon_gets_the_demand_error_not_no_request():
    from petition.analysis import analyze_text

    text = ("Petition to the Government of Canada\nWhereas:\nRents are rising.\n"
            "We, the undersigned, citizens of Canada, demand that the Government of Canada fund housing.\n")
    a = analyze_text(text)
    assert "no-prayer" not in [f.code for f in a.findings]
    [f] = [f for f in a.findings if f.code == "demand-framing"]
    assert f.severity == "error" and f.rule == "R-PRAY-4"
    assert text[f.start:f.end] == "demand that the"
    assert f.suggestion == ("We, the undersigned, citizens of Canada, call upon the Government of Canada "
                            "to fund housing.")
    assert a.petition.prayer == "fund housing" and a.petition.petitioners == "citizens of Canada"


def test_french_house_text_that_demands_gets_the_demand_error_not_no_request():
    from petition.analysis import analyze_text

    text = ("Pétition au gouvernement du Canada\nAttendu que :\nLes anciens combattants attendent trop longtemps.\n"
            "Nous exigeons que le gouvernement du Canada élimine l'arriéré des demandes.\n")
    a = analyze_text(text)
    assert "no-prayer" not in [f.code for f in a.findings]
    [f] = [f for f in a.findings if f.code == "demand-framing"]
    assert f.severity == "error" and f.rule == "R-PRAY-4"
    # The subjunctive cannot follow "demandons ... de": the organizer writes the action.
    assert f.suggestion.startswith("Nous, soussignés, ") and f.suggestion.endswith("demandons au gouvernement du Canada de …")
