"""The reasons the checker reports and the reader's notes, by code, in a language.

Each reason has a stable code (e.g. "demand-framing"), the House rule it rests on
(petition-rules.md id), a severity and an English message (petition/findings.py);
the reader's notes, reasons for leaving text out and replaced wording are in petition/reader_copy.py.
Checks name a code; the words come from the gettext catalogue in the language asked
for (petition.catalogue), so a French petition is told in French.
"""
from __future__ import annotations

from .catalogue import copy_in
from .findings import CODES
from .model import SEVERITIES
from .reader_copy import NOTES, REMOVED, REPLACED

_READER = {"notes": NOTES, "removed": REMOVED, "replaced": REPLACED}


def _checked() -> None:
    for code, entry in CODES.items():
        if entry.severity not in SEVERITIES or not entry.rule.startswith("R-"):
            raise ValueError(f"findings.py: code {code!r} needs a rule R-... and a severity in {SEVERITIES}")


_checked()


def codes() -> dict[str, dict]:
    return {code: entry._asdict() for code, entry in CODES.items()}


def entry(code: str) -> dict:
    """{"rule", "severity", "message"} for a code (the message in English)."""
    try:
        return CODES[code]._asdict()
    except KeyError:
        raise KeyError(f"unknown finding code {code!r}; add it to petition/findings.py") from None


def message(code: str, language: str | None = "en", **values) -> str:
    """The finding's message in `language` ("en" unless "fr"), its placeholders filled ("…" if not given)."""
    return copy_in(language).fill(copy_in(language).gettext(entry(code)["message"]), values)


def reader_text(section: str, code: str, language: str | None = "en", **values) -> str:
    """A note ("notes"), a reason to leave text out ("removed") or what the House's wording stands for
    ("replaced"), in `language` ("en" unless "fr")."""
    try:
        text = _READER[section][code]
    except KeyError:
        raise KeyError(f"unknown {section} code {code!r}; add it to petition/reader_copy.py") from None
    copy = copy_in(language)
    return copy.fill(copy.gettext(text), values)
