"""`flask --app app petition pdf`: the paper petition, the sponsor review or the volunteer instructions.

Reads PATH the way `petition check` does (`-` is standard input). Exit status: 0
written, 1 the paper petition is refused (the errors are listed), 2 the input
cannot be read or the output cannot be written. WeasyPrint is imported only when
the command runs, so the app starts fast.
"""
from __future__ import annotations

import sys

import click

from cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, read_input_or_exit
from petition.limits import DEFAULT_PAPER_SIZE, MAX_SHEETS, MIN_SHEETS, PAPER_SIZES


@click.command("pdf")
@click.option("--paper", is_flag=True, help="Signature sheets for a paper petition.")
@click.option("--review", is_flag=True, help="Sponsor-review PDF with the compliance report.")
@click.option("--instructions", is_flag=True,
              help="Instructions for volunteers (a separate handout, never part of the petition).")
@click.option("--kind", type=click.Choice(["e-petition", "paper"]), default=None,
              help="Which rules the --review report applies (default e-petition); --paper is always paper.")
@click.option("--size", type=click.Choice(list(PAPER_SIZES)), default=DEFAULT_PAPER_SIZE, show_default=True,
              help="Paper size (--paper); only sizes the House accepts (R-PAP-2).")
@click.option("--sheets", type=click.IntRange(MIN_SHEETS, MAX_SHEETS), default=None,
              help="Number of pages including page 1 (--paper); default: enough rows for the advised signatures.")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the formulae and headings (default: the petition's own).")
@click.option("--second-language", "second_path", default=None, metavar="PATH2",
              help="--paper: the same petition in the other official language, your own text (nothing is "
                   "translated); both are printed on each sheet.")
@click.option("--send-to", default=None, help="Where volunteers send the sheets (--instructions), lines split by '\\n'.")
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              help="The PDF file to write; - writes it to standard output.")
@click.argument("path", required=False)
def pdf_command(paper, review, instructions, kind, size, sheets, lang, second_path, send_to, out, path) -> None:
    """Write the PDF for the petition in PATH (`-` reads standard input) to --out."""
    modes = [name for name, chosen in (("paper", paper), ("review", review), ("instructions", instructions)) if chosen]
    if len(modes) != 1:
        raise click.UsageError("choose one of --paper, --review or --instructions" +
                               (f", not {' and '.join('--' + m for m in modes)}" if modes else ""))
    mode = modes[0]
    if path == "-" and out == "-":
        raise click.UsageError("PATH and --out cannot both be standard input/output")
    if sheets is not None and mode != "paper":
        raise click.UsageError("--sheets applies to --paper only")
    if second_path is not None and mode != "paper":
        raise click.UsageError("--second-language applies to --paper only")
    if second_path == "-" and (path == "-" or out == "-"):
        raise click.UsageError("only one of PATH, --second-language and --out can be standard input/output")
    if kind == "e-petition" and mode == "paper":
        raise click.UsageError("--paper prints a paper petition; --kind e-petition applies to --review only")
    if mode == "instructions":
        from petition.language import detect_language
        from petition.text import strip_invisible

        from .instructions import instructions_pdf

        # The handout speaks the petition's language when it is given one.
        language = lang or (detect_language(read_input_or_exit(path)) if path else None) or "en"
        _write(out, instructions_pdf(language, strip_invisible((send_to or "").replace("\\n", "\n"))))
        return
    if path is None:
        raise click.UsageError("PATH is required for --paper and --review")
    from petition.analysis import analyze_text

    from .paper import PaperRefused, paper_pdf
    from .renderer import HARFBUZZ_MISSING, harfbuzz_subset_available
    from .review import review_pdf

    if not harfbuzz_subset_available():
        click.echo(f"Warning: {HARFBUZZ_MISSING}", err=True)
    text = read_input_or_exit(path)
    analysis = analyze_text(text, kind="paper" if mode == "paper" else (kind or "e-petition"), language=lang)
    if mode == "review":
        _write(out, review_pdf(analysis))
        click.echo(f"Wrote {_name(out)}: sponsor review, {len(analysis.errors)} error(s), "
                   f"{len(analysis.findings) - len(analysis.errors)} other finding(s).", err=out == "-")
        return
    petition, findings = analysis.petition, list(analysis.findings)
    if second_path is not None:
        second = analyze_text(read_input_or_exit(second_path), kind="paper", language=petition.second_language)
        petition.second_version = second.petition
        findings += second.findings
    try:
        result = paper_pdf(petition, findings=findings, size=size, sheets=sheets)
    except PaperRefused as refused:
        click.echo("Error: the paper petition cannot be printed until these are fixed:", err=True)
        for f in refused.findings:
            click.echo(f"  {f.rule}: {f.message}" + (f" ({f.suggestion})" if f.suggestion else ""), err=True)
        sys.exit(EXIT_FINDINGS)
    _write(out, result.pdf)
    click.echo(f"Wrote {_name(out)}: {result.sheets} page(s), {PAPER_SIZES[size]['label']}, "
               f"{result.signature_rows} signature rows; text sha256 {result.text_sha256}", err=out == "-")
    sys.exit(EXIT_OK)


def _name(out: str) -> str:
    return "standard output" if out == "-" else out


def _write(out: str, pdf: bytes) -> None:
    if out == "-":
        # The PDF goes to stdout as bytes; messages go to stderr so they never corrupt it.
        with click.open_file("-", "wb") as stream:
            stream.write(pdf)
        return
    try:
        with open(out, "wb") as fh:
            fh.write(pdf)
    except OSError as exc:
        click.echo(f"Error: cannot write {out} ({exc.strerror or exc})", err=True)
        sys.exit(EXIT_UNREADABLE)
