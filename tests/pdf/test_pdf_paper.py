"""The paper petition read back from real WeasyPrint PDFs (R-PAP-*, R-SIG-*, R-PRAY-5)."""
from __future__ import annotations

import hashlib
import re
import subprocess

import pytest

from petition.fingerprint import fingerprint
from petition.formulae import render
from petition.limits import MAX_SHEETS, MIN_SIGNATURE_ROWS_ON_FIRST_PAGE, PAPER_SIZES
from petition.model import Finding
from pdf.paper import PaperRefused, fit_findings, paper_parts, paper_pdf, paper_pdf_plain

from pdfcheck import broadband, norm, page_texts, paper_50, petition_en, png, reader  # noqa: F401 (fixtures)

LONG_GRIEVANCE = ("Rural and remote communities across the country still wait for the reliable, affordable "
                  "high-speed service that cities have had for twenty years, and the gap grows every year")


def test_every_page_carries_the_prayer_and_its_number(paper_50, petition_en):
    texts = page_texts(paper_50.pdf)
    assert len(texts) == 50
    parts = paper_parts(petition_en)
    for n, text in enumerate(texts, 1):
        assert norm(parts.heading) in text
        assert norm(parts.prayer_sentence) in text
        # The page number, then the text's fingerprint: the printer's mark at the foot of every page.
        assert text.endswith(f"Page {n} {fingerprint(petition_en)}")
        assert "Printed name" in text and "Signature" in text and "no fixed address" in text


def test_page_one_has_the_whole_text_then_at_least_three_numbered_rows(paper_50, petition_en):
    first = page_texts(paper_50.pdf)[0]
    whole = norm(render(petition_en).text)
    assert first.startswith(whole)
    after = first[len(whole):]
    rows = _row_numbers(after)
    assert rows == [str(i) for i in range(1, paper_50.rows_first_page + 1)]
    assert paper_50.rows_first_page >= MIN_SIGNATURE_ROWS_ON_FIRST_PAGE
    # Later sheets carry the prayer but not the grievances.
    assert norm(petition_en.grievances[0]) not in page_texts(paper_50.pdf)[1]


def _row_numbers(page_text: str) -> list[str]:
    """The numbers in a page's grid: after the address column's heading, before "Page"."""
    grid = page_text.rsplit("Page", 1)[0].rsplit("no fixed address", 1)[-1]
    return re.findall(r"(?<!\S)(\d+)(?!\S)", grid)


def test_row_numbers_continue_across_the_sheets_of_one_print_run(paper_50):
    numbers = [_row_numbers(text) for text in page_texts(paper_50.pdf)]
    assert numbers[0][0] == "1" and len(numbers[0]) == paper_50.rows_first_page
    # Sheet 2 starts at row N + 1, and so on to the last row of the last sheet.
    assert numbers[1][0] == str(paper_50.rows_first_page + 1)
    assert [n for page in numbers for n in page] == [str(i) for i in range(1, paper_50.signature_rows + 1)]
    assert all(len(page) == paper_50.rows_per_sheet for page in numbers[1:])


def test_fast_path_matches_plain_weasyprint_page_for_page(petition_en, tmp_path):
    fast = paper_pdf(petition_en, sheets=5)
    plain = paper_pdf_plain(petition_en, sheets=5)
    assert page_texts(fast.pdf) == page_texts(plain)
    assert [p.mediabox for p in reader(fast.pdf).pages] == [p.mediabox for p in reader(plain).pages]
    # The stamped row numbers sit exactly where WeasyPrint puts numbers typed into the cells: the same ink.
    for page in (2, 4):
        assert png(fast.pdf, tmp_path, page, dpi=100).tobytes() == png(plain, tmp_path, page, dpi=100).tobytes()


def test_page_numbers_past_ten_are_the_ink_of_numbers_laid_out(petition_en, tmp_path):
    # Past page 10, a page's label is page 10's with its digits' glyphs replaced: it must print as the laid-out one.
    fast = paper_pdf(petition_en, sheets=12)
    plain = paper_pdf_plain(petition_en, sheets=12)
    assert page_texts(fast.pdf)[10:] == page_texts(plain)[10:]
    for page in (11, 12):
        assert png(fast.pdf, tmp_path, page, dpi=100).tobytes() == png(plain, tmp_path, page, dpi=100).tobytes()


@pytest.mark.parametrize("size", sorted(PAPER_SIZES))
def test_page_size_in_points_for_each_size(size, petition_en):
    result = paper_pdf(petition_en, size=size, sheets=3)
    pages = reader(result.pdf).pages
    assert len(pages) == 3
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == PAPER_SIZES[size]["points"]


def test_sizes_outside_the_house_rules_and_sheet_counts_out_of_range_are_refused(petition_en):
    for size in ("a4", "tabloid ", "ledger"):
        with pytest.raises(ValueError, match="paper size"):
            paper_pdf(petition_en, size=size)
    for sheets in (0, MAX_SHEETS + 1, -3):
        with pytest.raises(ValueError, match="sheets"):
            paper_pdf(petition_en, sheets=sheets)


def test_200_sheets(petition_en):
    result = paper_pdf(petition_en, sheets=MAX_SHEETS)
    pages = reader(result.pdf).pages
    assert len(pages) == MAX_SHEETS
    last = norm(pages[-1].extract_text())
    assert norm(paper_parts(petition_en).prayer_sentence) in last
    assert last.endswith(f"Page {MAX_SHEETS} {fingerprint(petition_en)}")
    assert _row_numbers(last)[-1] == str(result.signature_rows)
    assert result.signature_rows == result.rows_first_page + result.rows_per_sheet * (MAX_SHEETS - 1)
    # Every page its own label and its own rows (page 100 and row 1000 and on included), none repeated or skipped.
    texts = [norm(page.extract_text()) for page in pages]
    assert all(text.endswith(f"Page {n} {fingerprint(petition_en)}") for n, text in enumerate(texts, 1))
    numbers = [n for text in texts for n in _row_numbers(text)]
    assert numbers[result.rows_first_page:] == [str(i) for i in range(result.rows_first_page + 1,
                                                                      result.signature_rows + 1)]


def test_default_sheet_count_gives_the_advised_signatures(petition_en):
    result = paper_pdf(petition_en)
    assert result.signature_rows >= 35
    assert result.signature_rows - result.rows_per_sheet < 35
    assert len(reader(result.pdf).pages) == result.sheets


def test_no_url_link_or_attachment_anywhere(paper_50):
    r = reader(paper_50.pdf)
    text = " ".join(page_texts(paper_50.pdf))
    assert not re.search(r"https?:|www\.|\.ca\b|\.com\b|@", text)
    assert "/Names" not in r.trailer["/Root"] and "/EmbeddedFiles" not in str(r.trailer["/Root"])
    assert all("/Annots" not in p for p in r.pages)
    assert b"/URI" not in paper_50.pdf


def test_french_sheets_accents_and_latin_names_round_trip():
    petition = broadband("fr")
    result = paper_pdf(petition, sheets=3)
    texts = page_texts(result.pdf)
    assert texts[0].startswith(norm(render(petition).text))
    for word in ("Chéticamp", "Şəki", "Ağdam", "Gəncə", "d'ici", "Nom en lettres moulées", "sans adresse fixe"):
        assert word in texts[0]
    assert norm(paper_parts(petition).prayer_sentence) in texts[2]
    root = reader(result.pdf).trailer["/Root"]
    assert str(root["/Lang"]) == "fr"


def test_lang_option_sets_the_formula_language(petition_en):
    result = paper_pdf(petition_en, sheets=2, language="fr")
    text = page_texts(result.pdf)[0]
    assert text.startswith("Pétition au gouvernement du Canada") and "demandons au gouvernement du Canada" in text
    assert result.language == "fr"


def test_tagged_pdf_ua_with_language_title_and_text_hash(paper_50, petition_en):
    r = reader(paper_50.pdf)
    root = r.trailer["/Root"]
    tree = root["/StructTreeRoot"].get_object()
    document = tree["/K"][0].get_object()
    assert str(document["/S"]) == "/Document" and len(document["/K"]) > 0
    kinds = set()
    stack = list(document["/K"])
    while stack:
        node = stack.pop().get_object()
        if hasattr(node, "get") and "/S" in node:
            kinds.add(str(node["/S"]))
            kids = node.get("/K", [])
            stack.extend(kids if isinstance(kids, list) else [kids])
    assert {"/H1", "/P", "/Table", "/TH", "/TD"} <= kinds
    assert root["/MarkInfo"]["/Marked"] and str(root["/Lang"]) == "en"
    assert r.metadata.title == paper_parts(petition_en).heading
    digest = hashlib.sha256(render(petition_en).text.encode()).hexdigest()
    assert paper_50.text_sha256 == digest and r.metadata["/petitiontextsha256"] == digest
    # Every continuation page is tied to the structure tree.
    assert all("/StructParents" in p for p in r.pages)


def test_fonts_are_embedded_dejavu(paper_50):
    fonts = set()
    for page in reader(paper_50.pdf).pages[:3]:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font.get("/FontDescriptor")
                          or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]).get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
    assert {"DejaVu-Serif", "DejaVu-Sans"} <= fonts


def _dark(image, box) -> int:
    return sum(1 for v in image.crop(box).tobytes() if v < 128)


def test_pages_render_to_ink_with_the_number_at_the_foot(paper_50, tmp_path):
    first, second, third = (png(paper_50.pdf, tmp_path, n) for n in (1, 2, 3))
    assert first.size == (425, 550)  # 8.5 x 11 in at 50 dpi
    assert _dark(first, (0, 0, 425, 550)) > 2000
    # A repeated sheet draws its prayer at the top and its own number at the foot, upright and in place.
    foot, top = (0, 510, 425, 550), (0, 0, 425, 60)
    assert _dark(third, foot) > 0 and _dark(third, top) > 100
    assert _dark(third, (0, 0, 425, 20)) == 0  # nothing drawn in the top margin
    # The same sheet but for its row numbers (the first column, 0.5 in to 0.95 in) and its page number.
    body, numbers = (50, 0, 425, 505), (25, 0, 48, 505)
    assert second.crop(body).tobytes() == third.crop(body).tobytes()
    assert second.crop(numbers).tobytes() != third.crop(numbers).tobytes()
    assert second.crop(foot).tobytes() != third.crop(foot).tobytes()


def test_petition_with_errors_is_refused_with_the_list(petition_en):
    error = Finding(rule="R-PRAY-4", severity="error", message="Worded as a demand.")
    warning = Finding(rule="R-LANG-1", severity="warning", message="Check the tone.")
    with pytest.raises(PaperRefused) as refused:
        paper_pdf(petition_en, findings=[warning, error])
    assert refused.value.findings == [error]
    assert "R-PRAY-4" in str(refused.value)


def test_text_too_long_for_page_one_is_a_measured_r_pap_4_finding():
    petition = broadband("en", grievances=[LONG_GRIEVANCE] * 8)
    half = fit_findings(petition, "half-letter")
    assert [f.rule for f in half] == ["R-PAP-4"] and half[0].severity == "error"
    assert "On Half-letter (5.5 x 8.5 in) paper" in half[0].message
    assert half[0].message.endswith("choose a larger paper size (letter, legal or tabloid).")
    french = fit_findings(broadband("fr", grievances=[LONG_GRIEVANCE] * 8), "half-letter")
    assert french[0].message.startswith("Sur du papier Demi-lettre (5,5 x 8,5 po), le texte ne laisse la place qu’à")
    assert french[0].message.endswith("(lettre, légal ou tabloïd).")
    assert fit_findings(petition, "tabloid") == []
    with pytest.raises(PaperRefused) as refused:
        paper_pdf(petition, size="half-letter")
    assert refused.value.findings[0].rule == "R-PAP-4"
    result = paper_pdf(petition, size="tabloid", sheets=2)
    assert page_texts(result.pdf)[0].startswith(norm(render(petition).text))


def test_prayer_too_long_to_repeat_with_room_for_signatures_is_refused():
    prayer = " ".join([LONG_GRIEVANCE] * 9)
    petition = broadband("en", grievances=[], prayer=prayer)
    rules = {f.rule for f in fit_findings(petition, "half-letter")}
    assert "R-PRAY-5" in rules


def test_cached_render_returns_the_same_bytes(petition_en):
    from pdf import renderer

    first = paper_pdf(petition_en, sheets=7)
    hits = renderer.state()["pdfs"].hits
    again = paper_pdf(petition_en, sheets=7)
    assert again.pdf == first.pdf and renderer.state()["pdfs"].hits == hits + 1
    edited = paper_pdf(broadband("en", prayer=petition_en.prayer + " and keep it affordable"), sheets=7)
    assert edited.pdf != first.pdf and edited.text_sha256 != first.text_sha256


def test_a_forked_worker_builds_its_own_fonts_and_renders(petition_en):
    """gunicorn forks after import: the child must not reuse the parent's FontConfiguration."""
    import os

    from pdf import renderer

    parent_fonts = renderer.state()["fonts"]
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report and leave without running pytest's teardown
        status = 1
        try:
            rebuilt = renderer.state()["fonts"] is not parent_fonts and renderer.state()["pid"] == os.getpid()
            pages = len(reader(paper_pdf(petition_en, sheets=3).pdf).pages)
            os.write(write, f"{rebuilt} {pages}".encode())
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    answer = os.read(read, 100).decode()
    os.close(read)
    assert os.waitstatus_to_exitcode(status) == 0 and answer == "True 3"
    assert renderer.state()["fonts"] is parent_fonts


def test_one_sheet_is_page_one_only(petition_en):
    result = paper_pdf(petition_en, sheets=1)
    texts = page_texts(result.pdf)
    assert len(texts) == 1 and texts[0].startswith(norm(render(petition_en).text)) and texts[0].endswith(f"Page 1 {fingerprint(petition_en)}")
    assert result.signature_rows == result.rows_first_page >= MIN_SIGNATURE_ROWS_ON_FIRST_PAGE


def test_a_long_unbroken_word_wraps_inside_the_page_instead_of_running_off_it(tmp_path):
    """pypdf extracts text drawn past the edge too, so look at the ink: the right margin stays blank."""
    run = "x" * 400
    petition = broadband("en", grievances=[run, *broadband("en").grievances])
    result = paper_pdf(petition, size="half-letter", sheets=1)
    page = png(result.pdf, tmp_path, 1)
    assert page.size == (275, 425)  # 5.5 x 8.5 in at 50 dpi; the margin is 0.5 in = 25 px
    assert _dark(page, (0, 0, 275, 425)) > 2000
    assert _dark(page, (262, 0, 275, 425)) == 0
    assert run in "".join(page_texts(result.pdf)[0].split())


def test_emoji_print_as_colour_emoji_not_empty_boxes(tmp_path):
    """fonts-noto-color-emoji (Makefile, .ci/run): without it an emoji is an empty box drawn in black ink."""
    petition = broadband("en", prayer="ensure every household has affordable internet 📶🏡 by 2030")
    pdf = paper_pdf(petition, sheets=1).pdf
    fonts = {str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
             for font in reader(pdf).pages[0]["/Resources"]["/Font"].values()}
    assert "Noto-Color-Emoji" in fonts
    # The text is black on white: only the emoji bring colour onto the page.
    from PIL import Image

    src = tmp_path / "emoji.pdf"
    src.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(src),
                    str(tmp_path / "p")], check=True)
    pixels = Image.open(tmp_path / "p.png").convert("RGB").getdata()
    assert sum(1 for r, g, b in pixels if max(r, g, b) - min(r, g, b) > 60) > 20


def test_a_long_unbroken_prayer_wraps_on_the_continuation_sheets_too(tmp_path):
    """The sheet repeats the prayer above its grid: an unbroken run used to widen the grid past the paper."""
    run = "y" * 300
    result = paper_pdf(broadband("en", prayer=run), size="letter", sheets=2)
    sheet = png(result.pdf, tmp_path, 2)
    assert sheet.size == (425, 550)  # the right margin is 0.5 in = 25 px
    assert _dark(sheet, (0, 0, 425, 550)) > 2000
    assert _dark(sheet, (412, 0, 425, 550)) == 0
    assert run in "".join(page_texts(result.pdf)[1].split())
