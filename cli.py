"""The `flask --app app petition ...` command group.

Commands live beside the code they drive; this module only gathers them.

Language: a report about a petition is in the petition's language (its findings are);
everything else (help, errors before any petition is read) follows the environment's
locale (LC_ALL, LC_MESSAGES, LANG: `fr_CA.UTF-8` gives French), as command-line tools do.
"""
from __future__ import annotations

import os

from flask.cli import AppGroup

from petition.catalogue import N_, Copy, copy_in
from petition.parts import part_name


def terminal_copy() -> Copy:
    """The copy for messages with no petition behind them, in the environment's language."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(name):
            return copy_in(os.environ[name])
    return copy_in("en")


def _(message: str, /, **values) -> str:
    """A message with no petition behind it, in the environment's language (read when it is said)."""
    return terminal_copy().gettext(message, **values)

petition_cli = AppGroup("petition", help=_("Check, convert and print petitions from the command line."))


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
        raise InputError(_("%(path)s: no such file", path=path)) from None
    except IsADirectoryError:
        raise InputError(_("%(path)s: is a directory, not a text file", path=path)) from None
    except PermissionError:
        raise InputError(_("%(path)s: permission denied", path=path)) from None
    except OSError as exc:
        raise InputError(_("%(path)s: cannot be read (%(reason)s)", path=path, reason=exc.strerror or exc)) from None
    name = _("standard input") if path == "-" else path
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_("%(name)s: larger than %(size)s MB; a petition is a page of text", name=name,
                             size=MAX_INPUT_BYTES // (1024 * 1024)))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Notepad's "Unicode" is UTF-16 with a byte-order mark: read it rather than call it binary.
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise InputError(_("%(name)s: starts like UTF-16 text but is not; save it as UTF-8", name=name)) from None
    if b"\x00" in data:
        raise InputError(_("%(name)s: looks like a binary file (it contains NUL bytes); give a plain-text petition",
                           name=name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(_("%(name)s: not UTF-8 text (invalid byte at position %(position)s); save it as UTF-8",
                           name=name, position=exc.start)) from None
    if not text.strip():
        raise InputError(_("%(name)s: is empty; there is no petition to read", name=name))
    return text


def read_input_or_exit(path: str) -> str:
    """`read_input` for commands: a one-line message on stderr and exit status 2, never a traceback."""
    try:
        return read_input(path)
    except InputError as exc:
        click.echo(_("Error: %(reason)s", reason=exc), err=True)
        sys.exit(EXIT_UNREADABLE)


# ---- check and convert ---------------------------------------------------------

KIND_NAMES = {"e-petition": N_("e-petition"), "paper": N_("paper petition")}
FORM_NAMES = {"house": N_("House format"), "freeform": N_("free-form draft"), "structured": N_("structured")}
SEVERITY_NAMES = {"error": N_("ERROR"), "warning": N_("WARNING"), "info": N_("NOTE")}


def _report_text(analysis) -> str:
    """A readable report in the petition's language: the petition in House form, the word count, findings by
    part, what was left out."""
    copy = copy_in(analysis.message_language)
    gettext = copy.gettext
    wc = analysis.word_count
    lines = [
        gettext("Petition (%(kind)s, read as %(form)s, language: %(language)s)", kind=gettext(KIND_NAMES[analysis.kind]),
          form=gettext(FORM_NAMES.get(analysis.input_form, analysis.input_form)),
          language=copy.language_name(analysis.language) if analysis.language else gettext("unknown")),
        "=" * 72,
        analysis.rendered.text,
        "=" * 72,
    ]
    if wc.limit is None:
        lines.append(gettext("Words (grievances + request): %(counted)s; no limit on paper", counted=wc.counted))
    else:
        lines.append(gettext("Words (grievances + request): %(counted)s of %(limit)s (up to %(upper)s if hyphenated "
                       "words and elisions count twice)", counted=wc.counted, limit=wc.limit, upper=wc.upper_bound))
    errors, warnings = len(analysis.errors), len(analysis.warnings)
    result = copy.ngettext("%(num)s error", "%(num)s errors", errors) + ", " + \
        copy.ngettext("%(num)s warning", "%(num)s warnings", warnings)
    lines.append(gettext("Result: %(result)s", result=result)
                 + ("" if errors else " - " + gettext("nothing the House is sure to refuse")))
    groups: dict[str, list] = {}
    for finding in analysis.findings:
        if finding.part == "removed":
            continue
        groups.setdefault(finding.part or "", []).append(finding)
    line_starts = [0] + [i + 1 for i, ch in enumerate(analysis.source) if ch == "\n"]

    def where(f) -> str:
        if f.start == f.end == 0:
            return ""
        line = bisect.bisect_right(line_starts, f.start)
        return " " + gettext("at line %(line)s, column %(column)s", line=line, column=f.start - line_starts[line - 1] + 1)

    width = max(len(gettext(name)) for name in SEVERITY_NAMES.values())
    for part, findings in groups.items():
        lines.append("")
        lines.append(f"[{part_name(part, copy)}]")
        for f in findings:
            severity = gettext(SEVERITY_NAMES.get(f.severity, f.severity))
            lines.append(f"  {severity:{width}} {f.rule} ({f.code}){where(f)}: {f.message}")
            if f.suggestion:
                lines.append(" " * (width + 3) + gettext("suggestion: %(text)s", text=f.suggestion))
    if analysis.notes:
        lines.append("")
        lines.append("[" + gettext("how the draft was read") + "]")
        lines.extend(f"  {note}" for note in analysis.notes)
    if analysis.removed:
        lines.append("")
        lines.append("[" + gettext("left out of the petition") + "]")
        for r in analysis.removed:
            excerpt = " ".join(r.text.split())
            excerpt = excerpt if len(excerpt) <= 100 else excerpt[:99] + "…"
            reason = r.reason_in(analysis.message_language)
            lines.append(f"  {r.rule}: {copy.quote(excerpt)}" + (f" ({reason})" if reason else ""))
    if analysis.replaced:
        said = list(dict.fromkeys(" ".join(r.text.split()) for r in analysis.replaced))
        lines.append("")
        lines.append("[" + gettext("printed in the House's own wording instead") + "]")
        lines.append("  " + ", ".join(copy.quote(s) for s in said))
    return "\n".join(lines)


@petition_cli.command("check", help=_(
    "Check the petition in PATH (`-` reads standard input) against the House's rules.\n\n"
    "Exit status: 0 no error, 1 at least one error finding, 2 the input cannot be read."))
@click.option("--kind", type=click.Choice(["e-petition", "paper"]), default="e-petition", show_default=True,
              help=_("Check against the e-petition rules or the paper rules."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help=_("A readable report, or one JSON object."))
@click.argument("path")
def check_command(kind: str, fmt: str, path: str) -> None:
    """Check the petition in PATH against the House's rules (help: the command's `help=`, translated)."""
    import json

    from petition.analysis import analyze_text

    text = read_input_or_exit(path)
    try:
        analysis = analyze_text(text, kind=kind)
    except Exception as exc:  # a bug, not the user's fault: one line, never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        click.echo(_("Error: this text could not be checked (%(reason)s); please report it.", reason=reason), err=True)
        sys.exit(EXIT_UNREADABLE)
    if fmt == "json":
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(_report_text(analysis))
    sys.exit(EXIT_FINDINGS if analysis.errors else EXIT_OK)


@petition_cli.command("convert", help=_(
    "Print the petition in PATH (`-` reads standard input) in the House's format."))
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None,
              help=_("Language of the House's formulae (default: the draft's own language). Nothing is translated."))
@click.argument("path")
def convert_command(lang: str | None, path: str) -> None:
    """Print the petition in PATH (`-` reads standard input) in the House's format."""
    from petition.formulae import render
    from petition.reader import read

    text = read_input_or_exit(path)
    try:
        reading = read(text)
    except Exception as exc:  # a bug, not the user's fault: one line, never a traceback
        reason = f"{type(exc).__name__}: {exc}"
        click.echo(_("Error: this text could not be converted (%(reason)s); please report it.", reason=reason), err=True)
        sys.exit(EXIT_UNREADABLE)
    petition = reading.petition
    petition.language = lang or reading.language or petition.language or "en"
    gettext = copy_in(petition.language).gettext  # about this petition: in its language
    click.echo(render(petition).text)
    for item in reading.removed:
        excerpt = " ".join(item.text.split())
        excerpt = excerpt if len(excerpt) <= 80 else excerpt[:79] + "…"
        click.echo(gettext("Left out (%(rule)s): %(excerpt)s", rule=item.rule, excerpt=excerpt), err=True)
    if not petition.prayer.strip():
        click.echo(gettext("Note: no request was found; a petition must ask for something (R-PRAY-1)."), err=True)
