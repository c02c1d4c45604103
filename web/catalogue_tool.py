"""Keeping the catalogue whole: what `make translations-update` runs, and what the tests check.

    python -m web.catalogue_tool update   # merge translations/messages.pot into each messages.po
    python -m web.catalogue_tool check    # list msgids without a translation, fuzzy ones; exit 1 if any

Written with Babel's API rather than `pybabel update` so the catalogue stays merge-friendly: no line
numbers, entries sorted by msgid, no dates rewritten on every run (several branches edit it at once).
"""
from __future__ import annotations

import io
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "messages.pot"
# N_ marks a msgid where it is defined and translated where it is shown (petition.catalogue.N_: finding
# codes, paper sizes, PDF checklist): pybabel's default keywords include it too.
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3), "lazy_gettext": None, "_l": None, "lazy_ngettext": (1, 2), "N_": None}
TARGET_LANGUAGES = ("fr",)


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"


def read_catalogue(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


# Header fields Babel rewrites with today's date or placeholders: left out, so two branches that each update
# the catalogue do not conflict on them.
_CHURNING_HEADERS = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date|Last-Translator|Language-Team|'
                               rb'Report-Msgid-Bugs-To|Generated-By): .*"\n', re.M)


def write_catalogue(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, no_location=True, sort_output=True, ignore_obsolete=True)
    header, _, entries = buffer.getvalue().partition(b"\n\n")
    path.write_bytes(_CHURNING_HEADERS.sub(b"", header + b"\n") + b"\n" + entries)


def extract(root: Path = ROOT) -> Catalog:
    """Every msgid used in code and templates, as babel.cfg maps them (no file is written)."""
    with (root / "babel.cfg").open() as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    catalog = Catalog(project="Petition Helper")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root), method_map, options_map, keywords=KEYWORDS, strip_comment_tags=True):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def update(template: Catalog | None = None) -> None:
    # Extracted afresh (the same way `make translations-extract` writes messages.pot), so it is never stale.
    template = template or extract()
    for lang in TARGET_LANGUAGES:
        path = po_path(lang)
        if path.exists():
            catalog = read_catalogue(path, lang)
        else:
            catalog = Catalog(locale=lang, project="Petition Helper", fuzzy=False)
        # No fuzzy matching: a guessed translation of a near msgid is wrong more often than right; an empty
        # entry is found by the check instead.
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.obsolete.clear()
        write_catalogue(path, catalog)


@dataclass
class Report:
    missing: list[str] = field(default_factory=list)      # used in code, not in the catalogue
    untranslated: list[str] = field(default_factory=list)  # in the catalogue, msgstr empty
    fuzzy: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.missing or self.untranslated or self.fuzzy)


def _key(message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def check(lang: str = "fr", used: Catalog | None = None) -> Report:
    used = used if used is not None else extract()
    catalog = read_catalogue(po_path(lang), lang)
    report = Report()
    for message in used:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        if entry is None:
            report.missing.append(_key(message))
        elif entry.fuzzy:
            report.fuzzy.append(_key(message))
        elif not all(entry.string) if isinstance(entry.string, (list, tuple)) else not entry.string:
            report.untranslated.append(_key(message))
    return report


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    if command in ("check", "update"):
        failed = False
        for lang in TARGET_LANGUAGES:
            report = check(lang)
            for name in ("missing", "untranslated", "fuzzy"):
                items = getattr(report, name)
                for msgid in items:
                    print(f"{lang}: {name}: {msgid!r}")
                failed = failed or bool(items)
        print("catalogue complete" if not failed else "catalogue incomplete: translate the entries above in "
              "translations/<lang>/LC_MESSAGES/messages.po")
        return 1 if failed and command == "check" else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
