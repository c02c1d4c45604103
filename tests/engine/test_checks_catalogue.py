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
        assert entry["en"] and entry["fr"]


def test_messages_fill_their_placeholders():
    assert rules.message("over-limit", "en", counted=300, limit=250, over=50).startswith("This e-petition has 300 words")
    assert "300 mots" in rules.message("over-limit", "fr", counted=300, limit=250, over=50)
    # An unfilled placeholder reads as an ellipsis, never as "{counted}" or a KeyError.
    assert "{" not in rules.message("over-limit", "en")


def test_unknown_code_is_a_clear_error():
    with pytest.raises(KeyError, match="add it to findings.toml"):
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
