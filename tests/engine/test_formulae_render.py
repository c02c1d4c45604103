"""The House-format text the renderer prints, as a reader of the published petition sees it."""
from petition.formulae import render_text
from petition.model import Addressee, Petition
from petition.reader import read


def _petition(prayer, language="en", **addressee):
    return Petition(kind="e-petition", language=language, addressee=Addressee(**(addressee or {"kind": "government"})),
                    petitioners=None, grievances=[], prayer=prayer)


def test_a_prayer_ending_in_a_citation_keeps_its_full_stop():
    # e-4904 ends "... (s. 10(14) EIA)." as published.
    text = render_text(_petition("amend the Act (s. 10(14) EIA)"))
    assert text.endswith("(s. 10(14) EIA).")
    assert render_text(_petition("fund it (see the report.)")).endswith("(see the report.)")


def test_a_list_of_asks_starts_on_its_own_line_after_to():
    text = render_text(_petition("1. Extend the increase;\n2. Index it."))
    assert "call upon the Government of Canada to:\n1. Extend the increase;\n2. Index it." in text
    assert "to 1." not in text


def test_a_french_list_of_asks_keeps_each_de():
    text = render_text(_petition("1. de mettre fin au trou noir;\n2. d'abolir le plafond.", language="fr"))
    assert "demandons au gouvernement du Canada :\n1. de mettre fin au trou noir;\n2. d'abolir le plafond." in text
    assert "de 1." not in text


def test_french_asks_after_a_colon_are_read_with_their_markers():
    reading = read("Pétition au gouvernement du Canada\n"
                   "Nous, soussignés, citoyens du Canada, prions le gouvernement du Canada :\n"
                   "1. de mettre fin au trou noir de l'assurance-emploi;\n"
                   "2. d'abolir le plafond de 50 semaines.\n")
    assert reading.petition.prayer.startswith("1. de mettre fin")
    assert "2. d'abolir" in reading.petition.prayer
    assert reading.addressees_written.get("prayer") == "le gouvernement du Canada"


def test_french_bare_infinitive_asks_keep_de_before_the_colon():
    text = render_text(_petition("1. cartographier les lacunes\n2. financer la fibre", language="fr"))
    assert "demandons au gouvernement du Canada de :\n1. cartographier les lacunes\n2. financer la fibre." in text


FR_BODY = "Nous, soussignés, citoyens du Canada, demandons {a} d’intervenir."


def test_a_french_minister_keeps_the_feminine_article():
    text = render_text(read("Pétition à la ministre des Affaires étrangères\n"
                            + FR_BODY.format(a="à la ministre des Affaires étrangères")).petition)
    assert text.startswith("Pétition à la ministre des Affaires étrangères\n")
    assert "demandons à la ministre des Affaires étrangères d’intervenir." in text
    assert "au ministre" not in text


def test_a_minister_named_with_a_courtesy_title_is_printed_as_written():
    source = ("Petition to the Honourable Chrystia Freeland, Minister of Finance\n"
              "We, the undersigned, residents of Canada, call upon the Honourable Chrystia Freeland, "
              "Minister of Finance, to cap credit card fees.")
    text = render_text(read(source).petition)
    assert text == source + ("" if source.endswith(".") else ".")


def test_a_minister_named_without_a_courtesy_title_takes_no_article():
    text = render_text(_petition("cap fees", kind="minister", title="Chrystia Freeland, Minister of Finance"))
    assert text.startswith("Petition to Chrystia Freeland, Minister of Finance\n")
    assert "call upon Chrystia Freeland, Minister of Finance, to cap fees." in text
    fr = render_text(_petition("plafonner les frais", language="fr", kind="minister",
                               title="honorable Mélanie Joly, ministre des Affaires étrangères"))
    assert fr.startswith("Pétition à l’honorable Mélanie Joly, ministre des Affaires étrangères\n")
    assert "demandons à l’honorable Mélanie Joly, ministre des Affaires étrangères, de plafonner" in fr


def test_a_portfolio_with_a_comma_is_not_a_name():
    text = render_text(_petition("index scholarships", kind="minister", title="Minister of Innovation, Science and Industry"))
    assert "call upon the Minister of Innovation, Science and Industry to index scholarships." in text


def test_several_french_ministers_take_aux_as_published_and_as_read():
    text = render_text(_petition("revoir la politique", "fr", kind="minister",
                                 title="ministres des Finances et de la Santé"))
    assert text.startswith("Pétition aux ministres des Finances et de la Santé\n")
    assert "demandons aux ministres des Finances et de la Santé de revoir la politique." in text
    pasted = read("Pétition aux ministres des Finances et de la Santé\nNous, soussignés, citoyens et résidents du "
                  "Canada, demandons aux ministres des Finances et de la Santé de revoir la politique.")
    assert render_text(pasted.petition).startswith("Pétition aux ministres")


def test_french_elision_before_h_follows_the_word_not_the_letter():
    for verb, link in [("humaniser", "d’"), ("héberger", "d’"), ("habiter", "d’"), ("huiler", "d’"),
                       ("hausser", "de "), ("huer", "de "), ("hurler", "de "), ("harceler", "de ")]:
        text = render_text(_petition(f"{verb} les services", "fr"))
        assert text.endswith(f"demandons au gouvernement du Canada {link}{verb} les services."), verb


def test_a_french_member_takes_de_du_des_or_d_before_the_riding():
    for riding, expected in [("Outremont", "député d’Outremont"), ("Le Centre", "député du Centre"),
                             ("Les Îles-de-la-Madeleine", "député des Îles-de-la-Madeleine"),
                             ("La Prairie", "député de La Prairie"), ("Lac-Saint-Jean", "député de Lac-Saint-Jean"),
                             ("Hull—Aylmer", "député de Hull—Aylmer")]:
        text = render_text(_petition("agir", "fr", kind="member", name="Marie Dupont", riding=riding))
        assert text.startswith(f"Pétition à Marie Dupont, {expected}\n"), riding


def test_an_associate_minister_in_the_feminine_takes_a_la():
    text = render_text(_petition("agir", "fr", kind="minister", title="ministre associée à la Santé"))
    assert text.startswith("Pétition à la ministre associée à la Santé\n")
