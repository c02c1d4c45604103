"""The `flask --app app petition ...` command group.

Commands live beside the code they drive; this module only gathers them.
"""
from __future__ import annotations

from flask.cli import AppGroup

petition_cli = AppGroup("petition", help="Check, convert and print petitions from the command line.")


# ---- reading an input PATH (shared by `check`, `convert` and `pdf`) ----------

import bisect  # noqa: E402
import sys  # noqa: E402

import click  # noqa: E402

# A petition is a page of text; 5 MB is far past any real draft but keeps a
# mistaken `petition check /dev/zero`-style input from eating memory.
MAX_INPUT_BYTES = 5 * 1024 * 1024
EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


class InputError(Exception):
    """The input cannot be read as a petition text; the message is one line for stderr."""


def read_input(path: str) -> str:
    """The text at PATH (`-` is stdin), as UTF-8. Raises InputError with a one-line reason."""
    try:
        if path == "-":
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read(MAX_INPUT_BYTES + 1) if stream else sys.stdin.read().encode("utf-8", "surrogateescape")
        else:
            with open(path, "rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a text file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    name = "standard input" if path == "-" else path
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB; a petition is a page of text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Notepad's "Unicode" is UTF-16 with a byte-order mark: read it rather than call it binary.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{name}: starts like UTF-16 text but is not; save it as UTF-8") from None
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes); give a plain-text petition")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (invalid byte at position {exc.start}); save it as UTF-8") from None
    if not text.strip():
        raise InputError(f"{name}: is empty; there is no petition to read")
    return text


def read_input_or_exit(path: str) -> str:
    """`read_input` for commands: a one-line message on stderr and exit status 2, never a traceback."""
    try:
        return read_input(path)
    except InputError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)


# ---- check and convert ---------------------------------------------------------

def _report_text(analysis) -> str:
    """A readable report: the petition in House form, the word count, findings by part, what was left out."""
    wc = analysis.word_count
    lines = [
        f"Petition ({analysis.kind}, read as {analysis.input_form}, language: {analysis.language or 'unknown'})",
        "=" * 72,
        analysis.rendered.text,
        "=" * 72,
    ]
    if wc.limit is None:
        lines.append(f"Words (grievances + request): {wc.counted}; no limit on paper")
    else:
        lines.append(f"Words (grievances + request): {wc.counted} of {wc.limit}"
                     f" (up to {wc.upper_bound} if hyphenated words and elisions count twice)")
    errors, warnings = len(analysis.errors), len(analysis.warnings)
    lines.append(f"Result: {errors} error(s), {warnings} warning(s)"
                 + ("" if errors else " - nothing the House is sure to refuse"))
    groups: dict[str, list] = {}
    for finding in analysis.findings:
        if finding.part == "removed":
            continue
        groups.setdefault(finding.part or "whole petition", []).append(finding)
    line_starts = [0] + [i + 1 for i, ch in enumerate(analysis.source) if ch == "\n"]

    def where(f) -> str:
        if f.start == f.end == 0:
            return ""
        line = bisect.bisect_right(line_starts, f.start)
        return f" at line {line}, column {f.start - line_starts[line - 1] + 1}"

    for part, findings in groups.items():
        lines.append("")
        lines.append(f"[{part}]")
        for f in findings:
            lines.append(f"  {f.severity.upper():7} {f.rule} ({f.code}){where(f)}: {f.message}")
            if f.suggestion:
                lines.append(f"          suggestion: {f.suggestion}")
    if analysis.notes:
        lines.append("")
        lines.append("[how the draft was read]")
        lines.extend(f"  {note}" for note in analysis.notes)
    if analysis.removed:
        lines.append("")
        lines.append("[left out of the petition]")
        for r in analysis.removed:
            excerpt = " ".join(r.text.split())
            excerpt = excerpt if len(excerpt) <= 100 else excerpt[:99] + "…"
            reason = r.reason_in(analysis.message_language)
            lines.append(f"  {r.rule}: \"{excerpt}\"" + (f" ({reason})" if reason else ""))
    if analysis.replaced:
        said = list(dict.fromkeys(" ".join(r.text.split()) for r in analysis.replaced))
        lines.append("")
        lines.append("[printed in the House's own wording instead]")
        lines.append("  " + ", ".join(f"\"{s}\"" for s in said))
    return "\n".join(lines)


@petition_cli.command("check")
@click.option("--kind", type=click.Choice(["e-petition", "paper"]), default="e-petition", show_default=True,
              help="Check against the e-petition rules or the paper rules.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A readable report, or one JSON object.")
@click.argument("path")
def check_command(kind: str, fmt: str, path: str) -> None:
    """Check the petition in PATH (`-` reads standard input) against the House's rules.

    Exit status: 0 no error, 1 at least one error finding, 2 the input cannot be read.
    """
    import json

    from petition.analysis import analyze_text

    text = read_input_or_exit(path)
    try:
        analysis = analyze_text(text, kind=kind)
    except Exception as exc:  # a bug, not the user's fault: one line, never a traceback
        click.echo(f"Error: this text could not be checked ({type(exc).__name__}: {exc}); please report it.", err=True)
        sys.exit(EXIT_UNREADABLE)
    if fmt == "json":
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(_report_text(analysis))
    sys.exit(EXIT_FINDINGS if analysis.errors else EXIT_OK)


@petition_cli.command("convert")
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help="Language of the House's formulae (default: the draft's own language). Nothing is translated.")
@click.argument("path")
def convert_command(lang: str | None, path: str) -> None:
    """Print the petition in PATH (`-` reads standard input) in the House's format."""
    from petition.formulae import render
    from petition.reader import read

    text = read_input_or_exit(path)
    try:
        reading = read(text)
    except Exception as exc:  # a bug, not the user's fault: one line, never a traceback
        click.echo(f"Error: this text could not be converted ({type(exc).__name__}: {exc}); please report it.", err=True)
        sys.exit(EXIT_UNREADABLE)
    petition = reading.petition
    petition.language = lang or reading.language or petition.language or "en"
    click.echo(render(petition).text)
    for item in reading.removed:
        excerpt = " ".join(item.text.split())
        excerpt = excerpt if len(excerpt) <= 80 else excerpt[:79] + "…"
        click.echo(f"Left out ({item.rule}): {excerpt}", err=True)
    if not petition.prayer.strip():
        click.echo("Note: no request was found; a petition must ask for something (R-PRAY-1).", err=True)
