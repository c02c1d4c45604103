"""The bilingual paper petition (English and French on one sheet) read back from real WeasyPrint PDFs."""
from __future__ import annotations

import re

import pytest

from petition.fingerprint import fingerprint
from petition.formulae import render
from petition.limits import MIN_SIGNATURE_ROWS_ON_FIRST_PAGE
from petition.model import Petition
from pdf.paper import PaperRefused, fit_findings, paper_parts, paper_pdf, paper_pdf_plain, printed_text, text_sha256

from conftest import SAMPLES, sample
from petition.reader import read
from web.db import get_session
from web.models import Draft

from pdfcheck import broadband, norm, page_texts, reader


def bilingual(**changes) -> Petition:
    petition = broadband("en", **changes)
    petition.second_version = broadband("fr")
    return petition


def flat(text: str) -> str:
    """Collapsed whitespace, and a word broken after its hyphen at a line end ("high- speed") joined again."""
    return re.sub(r"-\s+", "-", norm(text))


def rows_on(text: str, after: str) -> list[str]:
    """The row numbers printed after `after` on a page (before the page number)."""
    tail = text[text.index(after) + len(after):].rsplit("Page", 1)[0]
    return re.findall(r"(?<!\S)(\d+)(?!\S)", tail)


@pytest.mark.parametrize("size", ["letter", "legal", "tabloid"])
def test_both_prayers_on_every_page_and_page_one_has_both_texts_and_three_rows(size):
    petition = bilingual()
    result = paper_pdf(petition, size=size, sheets=4)
    texts = [flat(t) for t in page_texts(result.pdf)]
    assert len(texts) == 4
    en, fr = paper_parts(petition), paper_parts(petition.second())
    for n, text in enumerate(texts, 1):
        assert flat(en.prayer_sentence) in text and flat(fr.prayer_sentence) in text, (size, n)
        assert flat(en.heading) in text and flat(fr.heading) in text
        assert "Printed name" in text and "Nom" in text
    first = texts[0]
    for line in en.grievance_lines + fr.grievance_lines:
        assert flat(line) in first
    rows = rows_on(first, "no fixed address")
    assert len(rows) == result.rows_first_page >= MIN_SIGNATURE_ROWS_ON_FIRST_PAGE
    assert rows == [str(i) for i in range(1, len(rows) + 1)]
    # Later sheets repeat the prayers, not the grievances.
    assert flat(fr.grievance_lines[1]) not in texts[1]


def test_side_by_side_on_tabloid_one_after_the_other_on_letter():
    petition = bilingual()
    for size, side_by_side in (("tabloid", True), ("legal", True), ("letter", False)):
        page = reader(paper_pdf(petition, size=size, sheets=1).pdf).pages[0]
        # Where each heading is printed: the same line (side by side) or the French under the English.
        positions = {}

        def visit(text, cm, tm, font, size_, positions=positions):
            for heading in ("Petition to", "Pétition à"):
                if text.startswith(heading):
                    positions[heading] = (tm[4], tm[5])
        page.extract_text(visitor_text=visit)
        (x_en, y_en), (x_fr, y_fr) = positions["Petition to"], positions["Pétition à"]
        if side_by_side:
            assert abs(y_en - y_fr) < 1 and x_fr > x_en + 100, (size, positions)
        else:
            assert abs(x_en - x_fr) < 1 and y_fr > y_en + 50, (size, positions)  # y grows down the page


def test_each_version_is_marked_with_its_language_for_hyphenation_and_screen_readers():
    from pdf import renderer
    from pdf.paper import _context

    html = renderer.html_string("pdf/paper.html", **_context(bilingual(), 3, [3], size="legal"))
    assert '<html lang="en">' in html
    assert html.count('<div class="version" lang="fr">') == 2  # page 1 and the later sheet
    assert '<span lang="fr">' in html  # the French column headings
    # Both languages' headings come from the catalogue, each in its own language (the quotes included).
    assert 'Printed name / <span lang="fr">Nom en lettres moulées</span>' in html
    assert '<span lang="fr">Adresse (ville ou village et province ou territoire, ou «' in html
    assert "sans adresse fixe" in html


def test_the_printed_text_and_its_digest_cover_both_versions():
    petition = bilingual()
    assert printed_text(petition) == render(petition).text + "\n\n" + render(petition.second()).text
    assert text_sha256(petition) != text_sha256(petition.alone())
    # A one-language sheet is what it was before.
    assert printed_text(petition.alone()) == render(petition).text


def test_the_fast_path_matches_plain_weasyprint_for_the_bilingual_sheet():
    petition = bilingual()
    fast = paper_pdf(petition, size="legal", sheets=4)
    plain = paper_pdf_plain(petition, size="legal", sheets=4)
    assert page_texts(fast.pdf) == page_texts(plain)


def test_a_pair_too_long_for_page_one_is_refused_with_the_r_pap_reason():
    long_fr = broadband("fr")
    long_fr.grievances = ["Les loyers ont encore augmenté cette année dans toutes les villes du pays, et les "
                          f"familles ne trouvent plus de logement abordable près de leur travail ({n})"
                          for n in range(1, 13)]
    petition = broadband("en")
    petition.grievances = ["Rents rose again this year in every city of the country, and families can no longer "
                           f"find affordable housing near their work ({n})" for n in range(1, 13)]
    # Each version alone fits on Letter; the two together do not.
    assert not fit_findings(petition.alone(), "letter")
    assert not fit_findings(long_fr, "letter")
    petition.second_version = long_fr
    with pytest.raises(PaperRefused) as refused:
        paper_pdf(petition, size="letter")
    assert [f.rule for f in refused.value.findings] == ["R-PAP-4"]
    assert "signature rows" in refused.value.findings[0].message
    # Side by side on Tabloid the same pair fits.
    assert paper_pdf(petition, size="tabloid", sheets=2).rows_first_page >= MIN_SIGNATURE_ROWS_ON_FIRST_PAGE


# ----- the bilingual sheet from the command line and from the review page ---------------------------------

def both_prayers_on_every_page(pdf: bytes, petition: Petition) -> list[str]:
    texts = [flat(t) for t in page_texts(pdf)]
    first, second = paper_parts(petition), paper_parts(petition.second())
    for n, text in enumerate(texts, 1):
        assert flat(first.prayer_sentence) in text and flat(second.prayer_sentence) in text, n
    return texts


def test_the_cli_prints_both_versions_with_second_language(runner, tmp_path):
    out = tmp_path / "both.pdf"
    result = runner.invoke(args=["petition", "pdf", "--paper", "--size", "tabloid", "--sheets", "3",
                                 str(SAMPLES / "certified/e-4904.txt"),
                                 "--second-language", str(SAMPLES / "certified/e-4904-fr.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    petition = read(sample("certified/e-4904.txt")).petition
    petition.kind = "paper"
    petition.second_version = read(sample("certified/e-4904-fr.txt")).petition
    texts = both_prayers_on_every_page(out.read_bytes(), petition)
    assert len(texts) == 3 and f"text sha256 {text_sha256(petition)}" in result.output
    result = runner.invoke(args=["petition", "pdf", "--review", str(SAMPLES / "certified/e-4904.txt"),
                                 "--second-language", "x.txt", "--out", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2 and "--second-language applies to --paper only" in result.output


def test_the_review_pages_download_prints_both_versions_or_one(client, app):
    r = client.post("/", data={"how": "paste", "text": sample("certified/e-4904.txt"), "kind": "paper",
                               "language": "en"})
    token = r.location.split("/")[2]
    with app.app_context():
        version = Draft.by_edit_token(get_session(), token).version
    r = client.post(f"/d/{token}/fr/", data={"how": "paste", "text": sample("certified/e-4904-fr.txt"),
                                             "version": str(version)})
    assert r.status_code == 302
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert '<select id="paper-languages" name="languages">' in page
    with app.app_context():
        draft = Draft.by_edit_token(get_session(), token)
        petition, version = draft.petition, draft.version
    sheets = client.get(f"/d/{token}/paper.pdf?size=tabloid&sheets=2&version={version}&languages=both")
    assert sheets.status_code == 200, sheets.get_data(as_text=True)[:2000]
    both_prayers_on_every_page(sheets.data, petition)
    assert sheets.headers["X-Petition-Text-SHA256"] == text_sha256(petition)
    assert f"petition-v{version}-tabloid-en-fr.pdf" in sheets.headers["Content-Disposition"]
    french = client.get(f"/d/{token}/paper.pdf?size=tabloid&sheets=2&version={version}&languages=fr")
    assert french.status_code == 200
    texts = page_texts(french.data)
    assert texts[0].startswith("Pétition") and "Petition to" not in texts[0]
    # Each print carries the fingerprint of what it prints, and the review page names all three.
    both_mark, french_mark = fingerprint(petition), fingerprint(petition.second())
    assert both_mark != french_mark
    assert all(text.endswith(both_mark) for text in page_texts(sheets.data))
    assert all(text.endswith(french_mark) for text in texts)
    assert f"Fingerprint of this text: {both_mark}." in page
    assert f"French only: {french_mark}" in page and f"English only: {fingerprint(petition.alone())}" in page
    assert client.get(f"/d/{token}/paper.pdf?size=tabloid&languages=de").status_code == 400
