"""R-LANG-1, R-LANG-2, R-LANG-3, R-SUBJ-5 and control characters."""
import pytest

from engine_helpers import analyse, assert_span_is_excerpt, codes, only
from petition.analysis import analyze_text
from petition.model import Addressee


@pytest.mark.parametrize("word", ["liar", "deliberately misled", "wacko", "fascists"])
def test_unparliamentary_terms_are_warnings(word):
    a = analyse(grievances=[f"The report calls this {word} behaviour"])
    [f] = only(a, "unparliamentary")
    assert f.severity == "warning" and f.rule == "R-LANG-1"
    assert_span_is_excerpt(a, f)


def test_french_lexicon():
    a = analyse(grievances=["Ce ministre est un menteur"], prayer="agir", language="fr")
    assert "unparliamentary" in codes(a)


@pytest.mark.parametrize("text", [
    "The pigment industry is hell-bent on growth on Dick Street in Scunthorpe",
    "The government misled no one and the policy is misguided",
])
def test_no_scunthorpe_problem(text):
    a = analyse(grievances=[text])
    assert not [f for f in a.findings if f.rule == "R-LANG-1"]


def test_criticism_of_the_prime_minister_is_certifiable():
    # Calibration: a request that the Prime Minister resign has been certified.
    a = analyse(grievances=["The Prime Minister's policies have failed Canadians"],
                prayer="call on the Prime Minister to resign")
    assert a.errors == [] and a.warnings == []


def test_accusation_near_parliament_or_the_courts_warns():
    a = analyse(grievances=["Parliament is corrupt and the courts are rigged"])
    found = only(a, "charge-against-authority")
    assert {f.rule for f in found} == {"R-LANG-2"}
    assert all(f.severity == "warning" for f in found)


def test_accusation_beside_a_personal_name_warns():
    a = analyse(grievances=["Mr. Tremblay is guilty of fraud"])
    found = only(a, "accusation-named-person")
    assert {(f.rule, f.severity) for f in found} == {("R-SUBJ-5", "warning")}
    assert all("Tremblay" in f.excerpt for f in found)


def test_accusation_with_no_target_stays_quiet():
    a = analyse(grievances=["Fraud against seniors is rising"])
    assert not {"accusation-named-person", "charge-against-authority"} & set(codes(a))


def test_shouting_in_capitals_and_exclamation_marks():
    a = analyse(grievances=["RENTS HAVE DOUBLED THIS YEAR ALONE", "Act now!!!"])
    assert only(a, "shouting-caps")[0].severity == "warning"
    assert only(a, "shouting-exclamation")[0].suggestion == "."


def test_acronyms_and_old_paper_formula_capitals_are_not_shouting():
    a = analyse(grievances=["PPE and COVID-19 rules under the EIA and the UN", "THAT the service is poor"])
    assert "shouting-caps" not in codes(a)


def test_text_in_another_script_is_an_error():
    text = "Правительство должно немедленно снизить налоги для всех семей в нашей стране и в других регионах"
    a = analyse(grievances=[text], prayer="снизить налоги для всех семей в нашей стране")
    [f] = only(a, "not-english-or-french")
    assert f.severity == "error" and f.rule == "R-LANG-3"


def test_a_foreign_phrase_inside_an_english_petition_is_a_warning():
    a = analyse(grievances=["Our community, known as Общество, has lived here for a long time and needs help"])
    [f] = only(a, "other-script")
    assert f.severity == "warning" and f.excerpt == "Общество"
    two = analyse(grievances=["The word мир means peace, and the phrase Арабские газеты was in the news here"])
    assert [f.excerpt for f in only(two, "other-script")] == ["мир", "Арабские газеты"]


def test_english_and_french_petitions_have_no_language_finding():
    assert not [f for f in analyse(grievances=["The service is poor in rural areas"]).findings if f.rule == "R-LANG-3"]
    fr = analyse(grievances=["Le service est mauvais dans les régions rurales"], prayer="améliorer le service",
                 language="fr")
    assert not [f for f in fr.findings if f.rule == "R-LANG-3"]


def test_the_usual_petitioners_left_in_the_other_language_are_warned_with_the_right_wording():
    fr = analyse(grievances=["Le service est mauvais dans les régions rurales"], prayer="améliorer le service",
                 language="fr", petitioners="Citizens and residents of  Canada")
    [f] = only(fr, "petitioners-other-language")
    assert f.severity == "warning" and f.part == "petitioners" and f.suggestion == "citoyens et résidents du Canada"
    assert_span_is_excerpt(fr, f)
    en = analyse(petitioners="citoyens et résidents du Canada")
    assert only(en, "petitioners-other-language")[0].suggestion == "citizens and residents of Canada"
    # The right language's wording, the default, or the organizer's own description: nothing to say.
    for petitioners in ("citizens and residents of Canada", None, "residents of Yukon"):
        assert "petitioners-other-language" not in codes(analyse(petitioners=petitioners))


def test_control_characters_are_reported_once_with_a_count():
    a = analyse(grievances=["Rents\x07 rose\u202e sharply\x00"])
    [f] = only(a, "control-characters")
    assert f.severity == "warning" and "3" in f.message and f.excerpt == "\\x07"
    # Never printed: the rendering leaves them out, so the finding has no place in it to point at.
    assert a.rendered.text.count("Rents rose sharply") == 1 and (f.start, f.end) == (0, 0)
    pasted = analyze_text(f"Petition to the House of Commons\nWhereas:\nRents\x07 rose\u202e sharply.\n"
                          "We, the undersigned, citizens and residents of Canada, call upon the House of Commons "
                          "to cap rents.")
    [g] = only(pasted, "control-characters")
    assert pasted.source[g.start:g.end] == "\x07" and "2" in g.message
    assert "\u202e" not in pasted.rendered.text and "\x07" not in pasted.rendered.text


def test_a_text_in_another_latin_language_is_an_error_and_a_vague_one_a_warning():
    german = "Der Staat muss sofort die Steuern für alle Familien in unserem Land senken, weil es nicht gerecht ist"
    assert only(analyse(grievances=[german], prayer="die Steuern senken"), "not-english-or-french")
    vague = analyse(grievances=["Xq zzv plor mek tavu rin sol", "Brek tovi malu stren kapo"], prayer="zorv plim")
    assert vague.errors == []
    assert only(vague, "language-unclear")[0].severity == "warning"


def test_paper_clauses_set_in_capitals_are_the_old_form_not_shouting():
    clauses = ["THE RURAL MAIL SERVICE HAS BEEN CUT IN MANY SMALL COMMUNITIES", "SENIORS DEPEND ON IT"]
    assert "shouting-caps" not in codes(analyse(grievances=clauses, kind="paper"))
    assert "shouting-caps" in codes(analyse(grievances=clauses, kind="e-petition"))
    mixed = analyse(grievances=["Rural mail was cut AND NOBODY IN OTTAWA CARES AT ALL"], kind="paper")
    assert "shouting-caps" in codes(mixed)


@pytest.mark.parametrize("text", [
    "Pig farmers face losses after a knee-jerk reaction to the trade dispute",
    "The responsibility lies with the federal government",
    "Clinical trial data should be public and the agency charged with it should act",
    "Enclosed spaces and the plan to annex the territory",
])
def test_everyday_words_near_lexicon_terms_stay_quiet(text):
    assert analyse(grievances=[text]).findings == []


def test_heated_wording_is_an_intemperate_warning():
    a = analyse(grievances=["The resolutions have been utterly disregarded and the treatment is shameful"])
    found = only(a, "intemperate")
    assert [f.excerpt for f in found] == ["utterly", "shameful"]
    assert {(f.rule, f.severity) for f in found} == {("R-LANG-1", "warning")}
    fr = analyse(grievances=["Cette situation est scandaleuse"], prayer="agir", language="fr")
    assert "intemperate" in codes(fr)


def test_unit_signs_are_not_a_foreign_script():
    a = analyse(grievances=["Fine particulate matter reached 35 µg/m³ in the valley last winter"])
    assert "other-script" not in codes(a)


def test_a_name_beside_a_childs_age_or_custody_warns():
    a = analyse(grievances=["Emma Tremblay, 8 years old, was placed in foster care"])
    found = only(a, "child-details")
    assert {(f.rule, f.severity) for f in found} == {("R-LANG-4", "warning")}
    assert all("Emma Tremblay" in f.excerpt for f in found)
    quiet = analyse(grievances=["Children 8 years old and under wait months for care"])
    assert "child-details" not in codes(quiet)


def test_a_statute_named_code_is_not_a_person():
    # "amend the Criminal Code" is in many certified petitions; "Criminal Code" names a law, not a person.
    a = analyse(grievances=["Hate crimes rose 27% in 2021"], prayer="amend the Criminal Code to protect seniors")
    assert "accusation-named-person" not in codes(a)
    assert "accusation-named-person" in codes(analyse(grievances=["John Tremblay is a criminal"]))


@pytest.mark.parametrize("grievance, prayer", [
    ("Los trabajadores agrícolas temporales no tienen acceso a la residencia permanente y muchos de ellos han "
     "trabajado en Canadá durante más de diez años", "que ofrezca una vía hacia la residencia permanente para los "
     "trabajadores agrícolas"),
    ("I lavoratori agricoli stagionali non hanno accesso alla residenza permanente e molti di loro lavorano in "
     "Canada da più di dieci anni", "offrire una via verso la residenza permanente per i lavoratori"),
])
def test_a_petition_in_a_language_close_to_french_is_an_error(grievance, prayer):
    # Spanish and Italian share "de", "la", "que" with French; the text is still plainly neither.
    [f] = only(analyse(grievances=[grievance], prayer=prayer, language="fr"), "not-english-or-french")
    assert f.severity == "error"


def test_french_words_under_english_formulae_are_flagged_so_the_published_sentence_does_not_mix():
    from petition.analysis import analyze_petition
    from petition.model import Addressee, Petition

    petition = Petition(
        language="en", addressee=Addressee(kind="government"), petitioners="citoyens du Canada",
        grievances=["Les armoiries du Canada ne reflètent pas l’apport des peuples autochtones du Canada"],
        prayer="revoir les armoiries de façon à ce que les peuples autochtones y soient représentés",
    )
    [f] = [f for f in analyze_petition(petition).findings if f.code == "formula-language-mismatch"]
    assert f.severity == "warning" and f.rule == "R-LANG-3"
    assert "in French" in f.message and "set to English" in f.message
    petition.language = "fr"
    assert "formula-language-mismatch" not in [f.code for f in analyze_petition(petition).findings]


def test_every_invisible_format_character_is_reported_and_never_rendered():
    hidden = "\u2060\u2061\u180e\ufff9\u034f\U000E0041\u00ad"
    a = analyse(prayer="cap rents." + hidden)
    [f] = only(a, "control-characters")
    assert str(len(hidden)) in f.message
    assert a.rendered.text.endswith("call upon the Government of Canada to cap rents.")  # one full stop
    # The joiners some scripts and emoji need are kept.
    assert "control-characters" not in codes(analyse(grievances=["Families 👨\u200d👩\u200d👧 need homes"]))


def test_a_ministers_title_in_the_other_language_is_warned():
    fr = analyse(addressee=Addressee(kind="minister", title="Minister of Health"), language="fr",
                 grievances=["Les délais d'attente augmentent partout au pays"], prayer="réduire les délais")
    [f] = only(fr, "addressee-other-language")
    assert f.severity == "warning" and f.part == "addressee" and "Minister of Health" in f.message
    en = analyse(addressee=Addressee(kind="minister", title="ministre de la Santé"))
    assert only(en, "addressee-other-language")
    assert "addressee-other-language" not in codes(analyse(addressee=Addressee(kind="minister", title="Minister of Health")))
