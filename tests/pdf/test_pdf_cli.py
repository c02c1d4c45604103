"""`flask --app app petition pdf` end to end through Flask's CLI runner."""
from __future__ import annotations

from conftest import SAMPLES, sample
from petition.formulae import render
from petition.limits import PAPER_SIZES
from petition.reader import read

from pdfcheck import norm, page_texts, reader


def test_paper_legal_four_sheets(runner, tmp_path):
    out = tmp_path / "sheets.pdf"
    path = SAMPLES / "certified" / "e-4904.txt"
    result = runner.invoke(args=["petition", "pdf", "--paper", "--size", "legal", "--sheets", "4", str(path),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = reader(out.read_bytes()).pages
    assert len(pages) == 4
    assert all((float(p.mediabox.width), float(p.mediabox.height)) == PAPER_SIZES["legal"]["points"] for p in pages)
    petition = read(sample("certified/e-4904.txt")).petition
    assert page_texts(out.read_bytes())[0].startswith(norm(render(petition).text))
    assert "4 pages" in result.output and "sha256" in result.output


def test_paper_from_stdin_in_french(runner, tmp_path):
    out = tmp_path / "fr.pdf"
    result = runner.invoke(args=["petition", "pdf", "--paper", "--lang", "fr", "--sheets", "2", "-", "--out", str(out)],
                           input=sample("certified/e-4904.txt"))
    assert result.exit_code == 0, result.output
    text = page_texts(out.read_bytes())[1]
    assert text.startswith("Pétition au gouvernement du Canada") and "Nom en lettres moulées" in text


def test_paper_refused_lists_the_errors_and_writes_nothing(runner, tmp_path):
    out = tmp_path / "refused.pdf"
    path = SAMPLES / "freeform" / "tovuz-aggression.txt"
    result = runner.invoke(args=["petition", "pdf", "--paper", "--size", "half-letter", str(path), "--out", str(out)])
    assert result.exit_code == 1
    assert "R-PAP-4" in result.output and "cannot be printed" in result.output
    assert not out.exists()


def test_review_of_a_petition_with_errors_is_written(runner, tmp_path):
    out = tmp_path / "review.pdf"
    path = SAMPLES / "freeform" / "tovuz-aggression.txt"
    result = runner.invoke(args=["petition", "pdf", "--review", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "R-LEN-1" in " ".join(page_texts(out.read_bytes()))


def test_instructions_with_an_office(runner, tmp_path):
    out = tmp_path / "help.pdf"
    result = runner.invoke(args=["petition", "pdf", "--instructions", "--lang", "fr",
                                 "--send-to", "Bureau de circonscription\\n12 rue Principale", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Bureau de circonscription 12 rue Principale" in " ".join(page_texts(out.read_bytes()))


def test_unreadable_input_and_bad_options(runner, tmp_path):
    out = str(tmp_path / "x.pdf")
    missing = runner.invoke(args=["petition", "pdf", "--review", str(tmp_path / "nope.txt"), "--out", out])
    assert missing.exit_code == 2 and "no such file" in missing.output and "Traceback" not in missing.output
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01")
    assert runner.invoke(args=["petition", "pdf", "--paper", str(binary), "--out", out]).exit_code == 2
    path = str(SAMPLES / "certified" / "e-4904.txt")
    a4 = runner.invoke(args=["petition", "pdf", "--paper", "--size", "a4", path, "--out", out])
    assert a4.exit_code == 2 and "a4" in a4.output
    too_many = runner.invoke(args=["petition", "pdf", "--paper", "--sheets", "201", path, "--out", out])
    assert too_many.exit_code == 2
    no_mode = runner.invoke(args=["petition", "pdf", path, "--out", out])
    assert no_mode.exit_code == 2 and "--paper" in no_mode.output
    unwritable = runner.invoke(args=["petition", "pdf", "--review", path, "--out", str(tmp_path / "no" / "x.pdf")])
    assert unwritable.exit_code == 2 and "cannot write" in unwritable.output


def test_review_of_a_paper_petition_has_no_word_limit_error(runner, tmp_path):
    """A 424-word paper petition is acceptable (R-LEN-2): its review must not show the e-petition limit."""
    out = tmp_path / "review.pdf"
    path = SAMPLES / "freeform" / "tovuz-aggression.txt"
    as_paper = runner.invoke(args=["petition", "pdf", "--review", "--kind", "paper", str(path), "--out", str(out)])
    assert as_paper.exit_code == 0, as_paper.output
    text = norm(" ".join(page_texts(out.read_bytes())))
    assert "R-LEN-1" not in text and "250-word limit" not in text
    assert "no word limit on paper" in text.lower()
    as_epetition = runner.invoke(args=["petition", "pdf", "--review", str(path), "--out", str(out)])
    text = norm(" ".join(page_texts(out.read_bytes())))
    assert as_epetition.exit_code == 0 and "R-LEN-1" in text and "250-word limit" in text
    mixed = runner.invoke(args=["petition", "pdf", "--paper", "--kind", "e-petition", str(path), "--out", str(out)])
    assert mixed.exit_code == 2 and "--review only" in mixed.output


def test_invisible_characters_never_reach_the_printed_sheets(runner, tmp_path):
    """R-TEXT-1 promises they are removed when printing: a U+202E would print the line backwards."""
    text = (SAMPLES / "certified" / "441-01236.txt").read_text(encoding="utf-8")
    assert "safe and" in text
    source = tmp_path / "controls.txt"
    source.write_text(text.replace("safe and", "safe\u202e and\x07\x1b[31m"), encoding="utf-8")
    checked = runner.invoke(args=["petition", "check", "--kind", "paper", str(source)])
    assert "R-TEXT-1" in checked.output
    out = tmp_path / "sheets.pdf"
    result = runner.invoke(args=["petition", "pdf", "--paper", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = page_texts(out.read_bytes())
    assert "safe and" in norm(pages[0])  # in reading order, not reversed
    assert not any(ch in "".join(pages) for ch in "\u202e\x07\x1b\x00")
    converted = runner.invoke(args=["petition", "convert", str(source)])
    assert "\u202e" not in converted.output and "\x07" not in converted.output


def test_the_paper_review_measures_the_first_page_as_printing_does(runner, tmp_path):
    """Tovuz with one more grievance does not fit on Letter with three signature rows: the review says so before
    anyone prints."""
    paragraphs = (SAMPLES / "freeform" / "tovuz-aggression.txt").read_text(encoding="utf-8").split("\n\n")
    longer = paragraphs[:5] + [paragraphs[4]] + paragraphs[5:]  # its longest grievance twice, as a paste might
    source = tmp_path / "longer.txt"
    source.write_text("\n\n".join(longer), encoding="utf-8")
    path = str(source)
    out = tmp_path / "review.pdf"
    assert runner.invoke(args=["petition", "pdf", "--review", "--kind", "paper", path, "--out", str(out)]).exit_code == 0
    text = norm(" ".join(page_texts(out.read_bytes())))
    assert "usual size, the first page has no room for the whole text and three signature rows" in text
    assert "whole text fits on page 1 with signature rows ? check" in text
    refused = runner.invoke(args=["petition", "pdf", "--paper", path, "--out", str(tmp_path / "p.pdf")])
    assert refused.exit_code == 1 and "R-PAP-4" in refused.output


def test_on_the_largest_paper_the_refusal_says_shorten_not_a_larger_size(runner, tmp_path):
    long_text = (SAMPLES / "freeform" / "tovuz-aggression.txt").read_text(encoding="utf-8") * 3
    source = tmp_path / "long.txt"
    source.write_text(long_text, encoding="utf-8")
    refused = runner.invoke(args=["petition", "pdf", "--paper", "--size", "tabloid", str(source),
                                  "--out", str(tmp_path / "p.pdf")])
    assert refused.exit_code == 1
    assert "Even on Tabloid (11 x 17 in) paper, the largest the House accepts" in refused.output
    assert "larger paper size" not in refused.output


def test_two_modes_at_once_are_refused_and_dash_writes_the_pdf_to_standard_output(runner, tmp_path):
    path = str(SAMPLES / "certified" / "441-01236.txt")
    both = runner.invoke(args=["petition", "pdf", "--paper", "--review", path, "--out", str(tmp_path / "x.pdf")])
    assert both.exit_code == 2 and "not --paper and --review" in both.output
    assert not (tmp_path / "x.pdf").exists()
    piped = runner.invoke(args=["petition", "pdf", "--paper", "--sheets", "2", path, "--out", "-"])
    assert piped.exit_code == 0
    assert piped.stdout_bytes.startswith(b"%PDF-") and b"Wrote" not in piped.stdout_bytes
    assert "Wrote standard output: 2 pages" in piped.stderr
    assert len(reader(piped.stdout_bytes).pages) == 2


def test_instructions_follow_the_petitions_language_and_drop_invisible_characters(runner, tmp_path):
    out = tmp_path / "help.pdf"
    result = runner.invoke(args=["petition", "pdf", "--instructions", "--send-to", "Bureau\u202e de la députée\x07\\nRimouski",
                                 str(SAMPLES / "certified" / "e-1961-fr.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = norm(" ".join(page_texts(out.read_bytes())))
    assert "Bureau de la députée Rimouski" in text
    assert "bénévoles" in text  # French, as the petition is
