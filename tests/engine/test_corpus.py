"""Calibration over a corpus: petitions the House would accept get no error, and those it would
refuse get the right finding. Run through the real `petition check --format json` command."""
import json
import re
from pathlib import Path

import pytest

from conftest import SAMPLES

CORPUS = Path(__file__).parent / "corpus"
ACCEPT = sorted(p.name for p in (CORPUS / "accept").glob("*.txt"))
REFUSE = sorted(p.name for p in (CORPUS / "refuse").glob("*.txt"))

# The only warnings an accepted petition may draw: the calibration says "warn, don't block" for both.
ACCEPTED_WARNINGS = {
    "en-heading-house-prayer-gov.txt": {"addressee-mismatch"},  # heading the House, prayer the Government
    "en-two-ministers.txt": {"several-addressees"},
}

# (rule, code, severity) each refused petition must draw (others may come with it).
REFUSED = {
    "url.txt": ("R-URL-1", "url", "error"),
    "url-https.txt": ("R-URL-1", "url", "error"),
    "we-demand.txt": ("R-PRAY-4", "demand-framing", "error"),
    "nous-exigeons.txt": ("R-PRAY-4", "demand-framing", "error"),
    "no-request.txt": ("R-PRAY-1", "no-prayer", "error"),
    "premier.txt": ("R-ADDR-1", "addressee-not-allowed", "error"),
    "city-council.txt": ("R-ADDR-1", "addressee-not-allowed", "error"),
    "all-caps-shouting.txt": ("R-LANG-1", "shouting-caps", "warning"),
    "profanity-pm.txt": ("R-LANG-1", "profanity", "warning"),
    "spanish.txt": ("R-LANG-3", "not-english-or-french", "error"),
    "over-250-words.txt": ("R-LEN-1", "over-limit", "error"),
    "email-phone.txt": ("R-CONTACT-1", "email", "warning"),
    "please-sign-share.txt": ("R-ATT-1", "support-request", "error"),
    "accuse-parliament.txt": ("R-LANG-2", "charge-against-authority", "warning"),
    "sub-judice.txt": ("R-SUBJ-2", "court-matter", "warning"),
    "hashtag.txt": ("R-URL-1", "web-reference", "warning"),
    "ultimatum.txt": ("R-PRAY-4", "ultimatum", "warning"),
}


@pytest.fixture
def check(app):
    app.config["SECRET_KEY"] = None
    runner = app.test_cli_runner()

    def run(path: Path):
        kind = "paper" if "paper" in path.name else "e-petition"
        result = runner.invoke(args=["petition", "check", "--kind", kind, "--format", "json", str(path)])
        assert result.exit_code in (0, 1), result.output
        return result.exit_code, json.loads(result.stdout)

    return run


def test_the_corpora_are_big_enough_and_every_refusal_is_listed():
    assert len(ACCEPT) >= 30 and len(REFUSE) >= 15
    assert set(REFUSE) == set(REFUSED)


@pytest.mark.parametrize("name", ACCEPT)
def test_a_petition_the_house_would_accept_gets_no_error(check, name):
    status, report = check(CORPUS / "accept" / name)
    errors = [f"{f['rule']} {f['code']}: {f['excerpt']}" for f in report["findings"] if f["severity"] == "error"]
    assert errors == [] and status == 0
    warnings = {f["code"] for f in report["findings"] if f["severity"] == "warning"}
    assert warnings <= ACCEPTED_WARNINGS.get(name, set()), warnings
    assert report["petition"]["prayer"] and report["petition"]["addressee"]["kind"] != "other"


@pytest.mark.parametrize("name", REFUSE)
def test_a_petition_the_house_would_refuse_gets_the_right_finding(check, name):
    status, report = check(CORPUS / "refuse" / name)
    rule, code, severity = REFUSED[name]
    assert (rule, code, severity) in {(f["rule"], f["code"], f["severity"]) for f in report["findings"]}
    assert status == (1 if report["summary"]["errors"] else 0)


def _words(text: str) -> str:
    return " ".join(text.split())


# What `convert` may change in a certified text: the House's fixed formulae, which it prints in
# one form ("WHEREAS:" / "Whereas:", "Pétition adressée au" / "Pétition au", "prions le" /
# "demandons au", the "; and" joiner). Everything else must come back word for word.
_FORMULA = re.compile(
    r"^(?:Whereas|WHEREAS|Attendu que)\s?:\s*$|; and$|; et$|^Pétition adressée |^Pétition "
    r"|^Nous,? soussignés, |, (?:prions|demandons) (?:le|au) gouvernement du Canada ",
    re.M,
)


@pytest.mark.parametrize("name", sorted(p.name for p in (SAMPLES / "certified").glob("*.txt")))
def test_convert_gives_back_the_certified_wording(app, name):
    app.config["SECRET_KEY"] = None
    path = SAMPLES / "certified" / name
    result = app.test_cli_runner().invoke(args=["petition", "convert", str(path)])
    assert result.exit_code == 0, result.output

    def own_words(text):
        return _words(_FORMULA.sub(" ", text).replace(";", " ").replace(":", " "))

    assert own_words(result.stdout) == own_words(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, expected", [
    ("fr-gov.txt", ["Pétition au gouvernement du Canada", "demandons au gouvernement du Canada de brancher"]),
    ("fr-house.txt", ["Pétition à la Chambre des communes", "demandons à la Chambre des communes de modifier"]),
    ("fr-house-assembled.txt", ["demandons à la Chambre des communes réunie en Parlement d’adopter"]),
    ("fr-minister.txt", ["Pétition au ministre de l'Environnement",
                         "demandons au ministre de l'Environnement et du Changement climatique d’émettre"]),
    ("fr-ministre-feminine.txt", ["Pétition à la ministre des Affaires étrangères",
                                  "demandons à la ministre des Affaires étrangères d’intervenir"]),
    ("fr-member.txt", ["Pétition à Alexis Brunelle-Duceppe, député de Lac-Saint-Jean",
                       "demandons à Alexis Brunelle-Duceppe, député de Lac-Saint-Jean, d’intervenir"]),
    ("fr-pm.txt", ["Pétition au premier ministre", "demandons au premier ministre de démissionner."]),
    ("fr-numbered-must.txt", ["demandons au gouvernement du Canada :\n1. de mettre fin", "\n2. d'abolir"]),
])
def test_french_contractions_in_the_converted_text(app, name, expected):
    app.config["SECRET_KEY"] = None
    result = app.test_cli_runner().invoke(args=["petition", "convert", str(CORPUS / "accept" / name)])
    assert result.exit_code == 0, result.output
    for phrase in expected:
        assert phrase in result.stdout
    assert not re.search(r"\bà le\b|\bà les\b|\bde [aeéiou]|\bde le\b", result.stdout), result.stdout


def test_the_aux_contraction():
    from petition.formulae import fr_contract_a

    assert fr_contract_a("les ministres des Finances") == "aux ministres des Finances"
