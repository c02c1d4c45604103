"""The data behind the checks: the finding catalogue and the lexicons."""
import re
from pathlib import Path

import pytest

from petition import rules
from petition.checks import lexicon
from petition.model import SEVERITIES

CHECKS_DIR = Path(lexicon.__file__).parent


def test_every_code_a_check_reports_is_in_the_catalogue_in_both_languages():
    used = set()
    for path in CHECKS_DIR.glob("*.py"):
        used |= set(re.findall(r'finding\(\s*"([a-z-]+)"', path.read_text(encoding="utf-8")))
        used |= set(re.findall(r'"((?:demand|url)-[a-z-]+|url)" if', path.read_text(encoding="utf-8")))
    used |= {"demand-wording", "url-on-paper", "web-reference", "url"}
    assert used, "no codes found: the pattern above is stale"
    catalogue = rules.codes()
    for code in used:
        entry = catalogue[code]
        assert entry["rule"].startswith("R-") and entry["severity"] in SEVERITIES
        assert entry["message"] and rules.message(code, "fr") != rules.message(code, "en"), code


def test_messages_fill_their_placeholders():
    assert rules.message("over-limit", "en", counted=300, limit=250, over=50).startswith("This e-petition has 300 words")
    assert "300 mots" in rules.message("over-limit", "fr", counted=300, limit=250, over=50)
    # An unfilled placeholder reads as an ellipsis, never as "{counted}" or a KeyError.
    assert "%(" not in rules.message("over-limit", "en") and "… words" in rules.message("over-limit", "en")
    # Numbers are written the French way in French: a no-break space between thousands.
    assert "1 200 mots" in rules.message("over-limit", "fr", counted=1200, limit=250, over=950)


def test_unknown_code_is_a_clear_error():
    with pytest.raises(KeyError, match="add it to petition/findings.py"):
        rules.entry("no-such-code")


SAMPLE = ("We hereby demand that. Mr. Smith is a liar, l'escroc; let's get to 2,500 pigs pig pigment "
          "non-negotiable, the Government must; cover-up; pot-de-vin. M. Dupont; Premier Ford; THE HOUSE MUST "
          "nous exigeons; faute de quoi; please SIGN this petition; see attached; city council; class action")


@pytest.mark.parametrize("name", sorted(p.stem for p in lexicon.LEXICON_DIR.glob("*.txt")))
def test_the_one_pass_scan_finds_what_each_lexicon_regex_finds(name):
    text = SAMPLE + " " + " ".join(lexicon.read_terms(name)).replace("*", "s").replace("<n>", "12").replace("...", "x")
    expected = [(m.start(), m.end()) for m in lexicon.compiled(name).finditer(text)]
    assert expected, f"{name}: its own terms should match"
    assert lexicon.scan(text).get(name, []) == expected


def test_phrases_match_whole_words_only():
    hits = lexicon.scan("pigment and Scunthorpe and hell-bent and liar")
    assert hits.get("unparliamentary-en") == [(41, 45)]
    assert "profanity-en" not in hits


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"%\((\w+)\)s", text))


def test_both_languages_say_the_same_things():
    """Every finding, note and reason has a French translation with the same placeholders, and every
    code the reader uses exists."""
    from petition.catalogue import copy_in
    from petition.reader_copy import NOTES, REMOVED, REPLACED

    fr = copy_in("fr")
    for section, entries in (("findings", {c: e["message"] for c, e in rules.codes().items()}),
                             ("notes", NOTES), ("removed", REMOVED), ("replaced", REPLACED)):
        for code, english in entries.items():
            french = fr.gettext(english)
            assert french != english, f"{section}.{code} has no French translation"
            assert _placeholders(english) == _placeholders(french), f"{section}.{code}"
    petition_dir = CHECKS_DIR.parent
    source = "".join(p.read_text(encoding="utf-8") for p in petition_dir.glob("*.py"))
    used_notes = set(re.findall(r'Note\(\s*"([a-z-]+)"', source))
    for either in re.findall(r'Note\("[a-z-]+" if [^\n]{0,80} else "([a-z-]+)"', source):
        used_notes.add(either)
    used_removed = set(re.findall(r'code="([a-z-]+)"', source)) | set(re.findall(r'reason = "([a-z-]+)"', source))
    used_removed -= set(rules.codes())  # code="..." also names findings (petition/duplicates.py)
    assert used_notes and used_removed, "no codes found: the patterns above are stale"
    assert used_notes <= set(NOTES) and used_removed <= set(REMOVED) | set(REPLACED)


def test_a_french_draft_is_read_back_to_its_organizer_in_french():
    from petition.analysis import analyze_text

    a = analyze_text("Sauvons nos forêts\n\nLes forêts du Canada disparaissent depuis des années et les animaux "
                     "perdent leur habitat naturel.\n\nSignez la pétition et partagez-la! https://exemple.ca")
    assert a.message_language == "fr"
    assert a.notes[0].startswith("Aucune demande trouvée")
    assert [r["reason"] for r in a.to_dict()["removed"]] == [
        "La forme de la Chambre ne comporte pas de titre.",
        "Un appel à l’appui ou une bannière de campagne ne peut pas figurer sur une pétition."]
    english = analyze_text("Save our forests\n\nForests in Canada have been disappearing for years and animals "
                           "are losing their habitat.\n\nSign the petition and share it! https://example.ca")
    assert english.notes[0].startswith("No request found") and english.removed[0].reason == "The House's format has no title."
