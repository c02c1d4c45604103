"""The sponsor-review PDF and the volunteer instructions, read back with pypdf."""
from __future__ import annotations

from datetime import date

import pytest

from conftest import sample
from petition.analysis import analyze_petition, analyze_text
from petition.limits import ADVISED_PAPER_SIGNATURES, MIN_PAPER_SIGNATURES
from petition.model import Finding
from pdf.instructions import instructions_pdf
from pdf.review import checklist, review_pdf

from pdfcheck import broadband, norm, page_texts, reader


@pytest.fixture(scope="module")
def tovuz():
    analysis = analyze_text(sample("freeform/tovuz-aggression.txt"))
    return analysis, page_texts(review_pdf(analysis))


def test_page_one_is_the_petition_exactly_as_published(tovuz):
    analysis, texts = tovuz
    assert texts[0] == norm(analysis.rendered.text) + " 1 / " + str(len(texts))


def test_report_has_word_count_every_finding_and_removed_fragments(tovuz):
    analysis, texts = tovuz
    report = " ".join(texts[1:])
    assert analysis.errors, "the sample is over the word limit: a petition with errors still gets a review"
    wc = analysis.word_count
    assert f"{wc.counted} of {wc.limit}" in report
    for finding in analysis.findings:
        assert finding.rule in report
        if finding.part != "removed":  # those are the "left out" table's rows, said once
            assert norm(finding.message)[:60] in report
    unhyphen = lambda s: s.replace("- ", "-")  # noqa: E731  (a line may break after a word's hyphen)
    for removed in analysis.removed:
        assert unhyphen(norm(removed.text))[:40] in unhyphen(report)
        assert unhyphen(report).count(unhyphen(norm(removed.text))[:40]) == 1
    assert "Within the 250-word limit ✘ fails" in report
    assert "Addressed to the House, the Government, a Minister or a Member ✔ passes" in report


def test_checklist_ticks_follow_the_findings():
    findings = [Finding(rule="R-PRAY-4", severity="error", message="demand"),
                Finding(rule="R-LANG-1", severity="warning", message="tone"),
                Finding(rule="R-URL-1", severity="info", message="note")]
    assert dict(checklist(findings)) == {
        "addressee": "pass", "request": "fail", "temperate": "check", "federal": "pass",
        "extraneous": "pass", "length": "pass"}
    assert {status for _, status in checklist([])} == {"pass"}


def test_certified_petition_review_in_french():
    analysis = analyze_text(sample("certified/e-4904-fr.txt"))
    pdf = review_pdf(analysis, today=date(2026, 12, 2))
    texts = page_texts(pdf)
    assert texts[0].startswith(norm(analysis.rendered.text))
    assert "Rapport de conformité" in texts[1] and "Liste de contrôle" in texts[1]
    assert "Vérifié le 2 décembre 2026" in texts[1] and "0 erreur, 0 avertissement" in texts[1]
    assert "Mots (motifs et demande) : 202 sur 250" in texts[1]
    r = reader(pdf)
    assert str(r.trailer["/Root"]["/Lang"]) == "fr" and "/StructTreeRoot" in r.trailer["/Root"]
    assert r.metadata.title.startswith("Examen par le parrain\u00a0: Pétition")


def _lines(pdf: bytes, page: int) -> list[str]:
    return [line.strip() for line in reader(pdf).pages[page].extract_text().splitlines()]


def test_french_report_keeps_short_cells_whole_and_hyphenates_its_prose_by_french_rules():
    """'✔ conforme' and 'avertissement' never wrap mid-word; the explanations break long French words
    with a hyphen where French allows it; the petition itself is never hyphenated."""
    analysis = analyze_text(sample("certified/e-4904-fr.txt"))
    analysis.findings.append(Finding(rule="R-LANG-1", severity="warning", excerpt="x",
                                     message="Vérifiez cette formulation."))
    pdf = review_pdf(analysis)
    lines = _lines(pdf, 1)
    assert sum(line.endswith("\u2714 conforme") for line in lines) == 5
    assert any(line.endswith("? à vérifier") for line in lines)
    assert any("avertissement" in line.split() for line in lines)
    assert "\u2010" not in reader(pdf).pages[0].extract_text()


LONG_FRENCH = ("Les recommandations gouvernementales extraordinairement contraignantes découragent "
               "l'investissement communautaire et l'approvisionnement responsable des municipalités ") * 3


def test_french_explanations_are_hyphenated_by_french_rules():
    """A long French explanation in the narrow column breaks words with a hyphen, only where French
    hyphenation (pyphen's fr patterns, chosen by lang="fr") allows."""
    import re

    import pyphen

    analysis = analyze_petition(broadband("fr", kind="e-petition"))
    analysis.findings = [Finding(rule="R-LANG-1", severity="warning", excerpt="x", message=LONG_FRENCH)]
    raw = reader(review_pdf(analysis)).pages[1].extract_text()
    breaks = re.findall(r"(\w+)\u2010\s*\n?\s*(\w+)", raw)
    assert breaks, "no word was hyphenated"
    french = pyphen.Pyphen(lang="fr")
    for head, tail in breaks:
        assert len(head) in french.positions(head + tail), (head, tail)


def test_the_html_given_to_weasyprint_carries_the_petitions_language():
    from pdf import renderer
    from pdf.review import review_context

    french = renderer.html_string("pdf/review.html", **review_context(analyze_text(sample("certified/e-4904-fr.txt"))))
    assert '<html lang="fr">' in french and "Constatations" in french and "Findings" not in french
    english = renderer.html_string("pdf/review.html", **review_context(analyze_petition(broadband("en"))))
    assert '<html lang="en">' in english and "Findings" in english


def test_review_of_a_hand_built_petition_round_trips_names():
    petition = broadband("en", kind="e-petition")
    texts = page_texts(review_pdf(analyze_petition(petition)))
    assert "Şəki" in texts[0] and "Əliyev" in texts[0] and "Güneş" in texts[0]


@pytest.mark.parametrize("lang, words", [
    ("en", ["original", "own line", "no fixed address", "alter", "attach"]),
    ("fr", ["originales", "propre ligne", "sans adresse fixe", "modifiez", "joignez"]),
])
def test_instructions_cover_the_rules_and_where_to_send(lang, words):
    office = "Jane Doe, MP\n123 Main Street\nGaspé QC G4X 1A1"
    pdf = instructions_pdf(lang, office)
    text = " ".join(page_texts(pdf))
    for word in words:
        assert word in text
    assert str(MIN_PAPER_SIGNATURES) in text
    assert f"{ADVISED_PAPER_SIGNATURES[0]}" in text and f"{ADVISED_PAPER_SIGNATURES[1]}" in text
    assert "Jane Doe, MP 123 Main Street Gaspé QC G4X 1A1" in text
    assert str(reader(pdf).trailer["/Root"]["/Lang"]) == lang


def test_instructions_without_an_office_say_who_to_give_sheets_to():
    text = " ".join(page_texts(instructions_pdf("en")))
    assert "person organizing the petition" in text


def test_long_unbroken_text_and_urls_stay_inside_the_page_and_columns_keep_their_headings(tmp_path):
    from pdfcheck import png

    petition = broadband("en", kind="e-petition",
                         grievances=["y" * 300, "See http://127.0.0.1:9/" + "a" * 120 + " for the details"])
    pdf = review_pdf(analyze_petition(petition))
    texts = page_texts(pdf)
    for n in range(1, len(texts) + 1):
        page = png(pdf, tmp_path, n)
        assert page.size == (425, 550)
        assert sum(1 for v in page.crop((412, 0, 425, 550)).tobytes() if v < 128) == 0, f"ink past the margin, page {n}"
    # The short columns are not squeezed to make room: their headings stay whole words.
    assert "Rule Severity Excerpt Explanation" in " ".join(texts[1:])
