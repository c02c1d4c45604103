"""The catalogue of reasons the checker reports, read from petition/copy/findings.toml.

Each reason has a stable code (e.g. "demand-framing"), the House rule it rests on
(petition-rules.md id), a severity, and an English and a French message. Checks
name a code; the words come from the data file.
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from .model import SEVERITIES

COPY_FILE = Path(__file__).parent / "copy" / "findings.toml"
READER_COPY_FILE = Path(__file__).parent / "copy" / "reader.toml"


class _Blank(dict):
    # A message with a placeholder a check did not fill still reads sensibly.
    def __missing__(self, key: str) -> str:
        return "…"


@lru_cache(maxsize=1)
def catalogue() -> dict:
    with COPY_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    for code, entry in data["codes"].items():
        if entry.get("severity") not in SEVERITIES or not entry.get("rule", "").startswith("R-"):
            raise ValueError(f"{COPY_FILE.name}: code {code!r} needs a rule R-... and a severity in {SEVERITIES}")
        if not entry.get("en") or not entry.get("fr"):
            raise ValueError(f"{COPY_FILE.name}: code {code!r} needs an English and a French message")
    return data


def codes() -> dict[str, dict]:
    return catalogue()["codes"]


def entry(code: str) -> dict:
    try:
        return codes()[code]
    except KeyError:
        raise KeyError(f"unknown finding code {code!r}; add it to {COPY_FILE.name}") from None


def message(code: str, language: str | None = "en", **values) -> str:
    lang = language if language in ("en", "fr") else "en"
    return entry(code)[lang].format_map(_Blank({k: v for k, v in values.items() if v is not None}))


@lru_cache(maxsize=1)
def reader_copy() -> dict:
    """The reader's notes and reasons for leaving text out (copy/reader.toml), checked on load."""
    with READER_COPY_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    for section in ("notes", "removed", "replaced"):
        for code, entry in data.get(section, {}).items():
            if not entry.get("en") or not entry.get("fr"):
                raise ValueError(f"{READER_COPY_FILE.name}: {section}.{code} needs an English and a French text")
    return data


def reader_text(section: str, code: str, language: str | None = "en", **values) -> str:
    """A note or a reason to leave text out, in `language` ("en" unless "fr")."""
    try:
        entry = reader_copy()[section][code]
    except KeyError:
        raise KeyError(f"unknown {section} code {code!r}; add it to {READER_COPY_FILE.name}") from None
    lang = language if language in ("en", "fr") else "en"
    return entry[lang].format_map(_Blank({k: v for k, v in values.items() if v is not None}))
