"""`flask --app app petition pdf`: the paper petition, the sponsor review or the volunteer instructions.

Reads PATH the way `petition check` does (`-` is standard input). Exit status: 0
written, 1 the paper petition is refused (the errors are listed), 2 the input
cannot be read or the output cannot be written. WeasyPrint is imported only when
the command runs, so the app starts fast.
"""
from __future__ import annotations

import sys

import click

from cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, _, read_input_or_exit
from petition.catalogue import copy_in
from petition.limits import DEFAULT_PAPER_SIZE, MAX_SHEETS, MIN_SHEETS, PAPER_SIZES

# Help and usage errors follow the environment's locale (`_`); what is said about a petition, its language.


@click.command("pdf", help=_("Write the PDF for the petition in PATH (`-` reads standard input) to --out."))
@click.option("--paper", is_flag=True, help=_("Signature sheets for a paper petition."))
@click.option("--review", is_flag=True, help=_("Sponsor-review PDF with the compliance report."))
@click.option("--instructions", is_flag=True,
              help=_("Instructions for volunteers (a separate handout, never part of the petition)."))
@click.option("--kind", type=click.Choice(["e-petition", "paper"]), default=None,
              help=_("Which rules the --review report applies (default: %(default)s); --paper is always paper.",
                       default="e-petition"))
@click.option("--size", type=click.Choice(list(PAPER_SIZES)), default=DEFAULT_PAPER_SIZE, show_default=True,
              help=_("Paper size (--paper); only sizes the House accepts (R-PAP-2)."))
@click.option("--sheets", type=click.IntRange(MIN_SHEETS, MAX_SHEETS), default=None,
              help=_("Number of pages including page 1 (--paper); default: enough rows for the advised signatures."))
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help=_("Language of the formulae and headings (default: the petition's own)."))
@click.option("--second-language", "second_path", default=None, metavar="PATH2",
              help=_("--paper: the same petition in the other official language, your own text (nothing is "
                     "translated); both are printed on each sheet."))
@click.option("--send-to", default=None, help=_("Where volunteers send the sheets (--instructions), lines split by '\\n'."))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True, allow_dash=True),
              help=_("The PDF file to write; - writes it to standard output."))
@click.argument("path", required=False)
def pdf_command(paper, review, instructions, kind, size, sheets, lang, second_path, send_to, out, path) -> None:
    """Write the PDF for the petition in PATH (`-` reads standard input) to --out."""
    modes = [name for name, chosen in (("paper", paper), ("review", review), ("instructions", instructions)) if chosen]
    if len(modes) != 1:
        if modes:
            raise click.UsageError(_("choose one of --paper, --review or --instructions, not %(chosen)s",
                                     chosen=_(" and ").join("--" + m for m in modes)))
        raise click.UsageError(_("choose one of --paper, --review or --instructions"))
    mode = modes[0]
    if path == "-" and out == "-":
        raise click.UsageError(_("PATH and --out cannot both be standard input/output"))
    if sheets is not None and mode != "paper":
        raise click.UsageError(_("--sheets applies to --paper only"))
    if second_path is not None and mode != "paper":
        raise click.UsageError(_("--second-language applies to --paper only"))
    if second_path == "-" and (path == "-" or out == "-"):
        raise click.UsageError(_("only one of PATH, --second-language and --out can be standard input/output"))
    if kind == "e-petition" and mode == "paper":
        raise click.UsageError(_("--paper prints a paper petition; %(option)s applies to --review only",
                                 option="--kind e-petition"))
    if mode == "instructions":
        from petition.language import detect_language
        from petition.text import strip_invisible

        from .instructions import instructions_pdf

        # The handout speaks the petition's language when it is given one, and names it and its fingerprint.
        text = read_input_or_exit(path) if path else None
        language = lang or (detect_language(text) if text else None) or "en"
        document = None
        if text is not None:
            from petition.analysis import analyze_text

            document = _document(analyze_text(text, kind="paper", language=language).petition)
        _write(out, instructions_pdf(language, strip_invisible((send_to or "").replace("\\n", "\n")),
                                     document=document))
        return
    if path is None:
        raise click.UsageError(_("PATH is required for --paper and --review"))
    from petition.analysis import analyze_text

    from .paper import PaperRefused, paper_pdf
    from .renderer import HARFBUZZ_MISSING, harfbuzz_subset_available
    from .review import review_pdf

    if not harfbuzz_subset_available():
        click.echo(_("Warning: %(reason)s", reason=HARFBUZZ_MISSING), err=True)
    text = read_input_or_exit(path)
    analysis = analyze_text(text, kind="paper" if mode == "paper" else (kind or "e-petition"), language=lang)
    copy = copy_in(analysis.message_language)
    if mode == "review":
        _write(out, review_pdf(analysis, document=_document(analysis.petition)))
        click.echo(copy.gettext("Wrote %(file)s: sponsor review, %(errors)s, %(others)s.", file=_name(out, copy),
                                errors=copy.ngettext("%(num)s error", "%(num)s errors", len(analysis.errors)),
                                others=copy.ngettext("%(num)s other finding", "%(num)s other findings",
                                                     len(analysis.findings) - len(analysis.errors))),
                   err=out == "-")
        return
    petition, findings = analysis.petition, list(analysis.findings)
    if second_path is not None:
        second = analyze_text(read_input_or_exit(second_path), kind="paper", language=petition.second_language)
        petition.second_version = second.petition
        findings += second.findings
    try:
        result = paper_pdf(petition, findings=findings, size=size, sheets=sheets)
    except PaperRefused as refused:
        click.echo(copy.gettext("Error: the paper petition cannot be printed until these are fixed:"), err=True)
        for f in refused.findings:
            click.echo(f"  {f.rule}: {f.message}" + (f" ({f.suggestion})" if f.suggestion else ""), err=True)
        sys.exit(EXIT_FINDINGS)
    _write(out, result.pdf)
    click.echo(copy.gettext("Wrote %(file)s: %(pages)s, %(size)s, %(rows)s; text sha256 %(sha)s", file=_name(out, copy),
                            pages=copy.ngettext("%(num)s page", "%(num)s pages", result.sheets),
                            size=copy.gettext(PAPER_SIZES[size]["label"]),
                            rows=copy.ngettext("%(num)s signature row", "%(num)s signature rows", result.signature_rows),
                            sha=result.text_sha256), err=out == "-")
    sys.exit(EXIT_OK)


def _document(petition):
    """A PDF made from a file has no draft: its header names the petition by its request, with no version or
    status; the date made and the text's fingerprint are there as on the web's."""
    from petition.fingerprint import fingerprint, label_for

    from .documents import DocumentInfo

    return DocumentInfo(name=label_for(petition), fingerprint=fingerprint(petition))


def _name(out: str, copy) -> str:
    return copy.gettext("standard output") if out == "-" else out


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
        click.echo(_("Error: cannot write %(file)s (%(reason)s)", file=out, reason=exc.strerror or exc), err=True)
        sys.exit(EXIT_UNREADABLE)
