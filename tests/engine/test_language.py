"""English, French or neither (R-LANG-3), and how sure the answer is."""
from pathlib import Path

import pytest

from petition.language import detect_language, identify
from petition.reader import read

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.mark.parametrize("name, language", [
    ("certified/e-2490.txt", "en"),
    ("certified/441-01236.txt", "en"),
    ("certified/e-4904.txt", "en"),
    ("certified/e-4904-fr.txt", "fr"),
    ("certified/e-1961-fr.txt", "fr"),
    ("freeform/tovuz-aggression.txt", "en"),
    ("freeform/increase-oas.txt", "en"),
    ("freeform/climate-pipelines.txt", "en"),
    ("freeform/rent-control.txt", "en"),
])
def test_samples(name, language):
    text = (SAMPLES / name).read_text(encoding="utf-8")
    assert detect_language(text) == language
    reading = read(text)
    assert reading.language == language == reading.petition.language


@pytest.mark.parametrize("text, language", [
    ("Petition to the Government of Canada", "en"),
    ("Pétition au gouvernement du Canada", "fr"),
    ("fund rural broadband in the north", "en"),
    ("revoir les armoiries du Canada", "fr"),
    ("Nous demandons l’abolition de la règle d’un an.", "fr"),
    ("We ask that it be done.", "en"),
])
def test_short_texts(text, language):
    assert detect_language(text) == language


SPANISH = ("El gobierno de Canadá debe proteger los derechos de los trabajadores y garantizar una vivienda "
           "digna para todas las familias del país.")
GERMAN = ("Die Bundesregierung muss die Rechte der Arbeitnehmer schützen und für bezahlbaren Wohnraum in "
          "allen Städten sorgen, weil die Mieten zu hoch sind.")
ITALIAN = "Il governo del Canada deve proteggere i diritti dei lavoratori e garantire una casa a tutte le famiglie."
PORTUGUESE = "O governo do Canadá deve proteger os direitos dos trabalhadores e garantir uma casa para as famílias."
DUTCH = "De regering van Canada moet de rechten van werknemers beschermen en voor betaalbare woningen zorgen."
RUSSIAN = "Правительство Канады должно защитить права работников и обеспечить доступное жильё для всех семей."
CHINESE = "加拿大政府应当保护工人的权利，并为所有家庭提供负担得起的住房。"
ARABIC = "يجب على حكومة كندا حماية حقوق العمال وتوفير سكن ميسور التكلفة لجميع الأسر."


@pytest.mark.parametrize("text, guess", [
    (SPANISH, "es"), (GERMAN, "de"), (ITALIAN, "it"), (PORTUGUESE, "pt"), (DUTCH, "nl"),
])
def test_other_latin_languages_are_neither(text, guess):
    ident = identify(text)
    assert ident.language is None
    assert ident.guess == guess
    assert ident.latin_share == 1.0


@pytest.mark.parametrize("text", [RUSSIAN, CHINESE, ARABIC])
def test_other_scripts_are_neither_and_certain(text):
    ident = identify(text)
    assert ident.language is None
    assert ident.guess == "non-latin"
    assert ident.latin_share < 0.5
    assert ident.certain


def test_a_few_english_words_in_a_russian_text_do_not_make_it_english():
    assert detect_language(RUSSIAN + " COVID-19 and the Government of Canada") is None


def test_english_petition_quoting_a_russian_name_is_still_english():
    text = ("We, the undersigned, call upon the Government of Canada to grant asylum to Алексей Петров, "
            "a journalist who faces prison for his reporting on the war.")
    assert detect_language(text) == "en"


def test_german_is_more_certain_than_a_single_english_word():
    assert identify(GERMAN).certain
    assert not identify("Canada").certain


def test_bilingual_text_is_english_or_french_never_neither():
    text = ("Petition to the Government of Canada / Pétition au gouvernement du Canada. "
            "We ask the government to act. Nous demandons au gouvernement d'agir.")
    assert detect_language(text) in ("en", "fr")


def test_polish_is_not_read_as_english():
    text = "Rząd Kanady powinien chronić prawa pracowników i zapewnić dostępne mieszkania dla wszystkich rodzin."
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "!!! ???", "\x00\x01", "😀😀😀"])
def test_nothing_to_judge(text):
    ident = identify(text)
    assert ident.language is None
    assert ident.confidence == 0.0
    assert not ident.certain


def test_reader_defaults_the_petition_language_to_english_when_neither():
    reading = read(SPANISH)
    assert reading.language is None
    assert reading.petition.language == "en"


def test_terse_english_with_few_function_words_is_still_english_but_unsure():
    text = "Canadians detained abroad need consular help; consular fees doubled; reduce consular fees now"
    ident = identify(text)
    assert ident.language == "en"
    assert not ident.certain


@pytest.mark.parametrize("text", [
    "Kanadská vláda by měla chránit práva pracovníků a zajistit dostupné bydlení pro všechny rodiny.",
    "Kanada hükümeti işçilerin haklarını korumalı ve tüm ailelere uygun fiyatlı konut sağlamalıdır.",
])
def test_latin_letters_neither_language_uses_mark_another_language(text):
    assert detect_language(text) is None
