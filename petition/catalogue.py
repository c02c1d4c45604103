"""The one catalogue of copy, read without Flask: the engine, the PDFs and the CLI use it.

The web's Flask-Babel and this loader read the same gettext catalogue
(translations/<lang>/LC_MESSAGES/messages.po). English is the msgid itself, so
English needs no file. The web picks the language of its screens from the person
(Flask-Babel); the engine, the PDFs and the CLI pick it from the PETITION
(`copy_in(petition.language)`), since a francophone may draft an English petition.

When the compiled .mo is missing or older than the .po (a fresh clone, a test run
right after an edit), the .po is compiled in memory, so nothing needs a build step.
Fuzzy entries are left out, as msgfmt does: a fuzzy French line shows in English
rather than half-right.

Placeholders are `%(name)s`, as in Flask-Babel and Jinja's `_()`. A value that is
an int is written as a number in the language's style ("800 000" with a no-break
space in French); a placeholder nobody filled reads as "…", never as a KeyError.
"""
from __future__ import annotations

import io
from datetime import date
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "fr")
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
DOMAIN = "messages"
# Canadian usage for dates, numbers and lists.
FORMAT_LOCALES = {"en": "en_CA", "fr": "fr_CA"}
_QUOTES = {"en": ("\u201c", "\u201d"), "fr": ("\u00ab\u00a0", "\u00a0\u00bb")}


def lang_of(value: str | None) -> str:
    """'fr' for French ('fr', 'fr-CA', 'fr_CA'), else 'en': the language copy is shown in."""
    return "fr" if str(value or "").replace("-", "_").split("_")[0].lower() == "fr" else "en"


def N_(message: str) -> str:
    """Marks a msgid for extraction where it is defined; it is translated where it is shown."""
    return message


def po_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The gettext catalogue for `lang` ("en" or "fr"); English is the msgids themselves."""
    lang = lang_of(lang)
    po = po_path(lang)
    if lang == "en" or not po.exists():
        return NullTranslations()
    mo = po.with_suffix(".mo")
    if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
        with mo.open("rb") as fh:
            return Translations(fh, domain=DOMAIN)
    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class _Values(dict):
    """The values put into a message: ints as the locale writes numbers; a missing one as '…'."""

    def __init__(self, copy: "Copy", values: dict):
        super().__init__((k, copy.number(v) if isinstance(v, int) and not isinstance(v, bool) else v)
                         for k, v in values.items() if v is not None)

    def __missing__(self, key: str) -> str:
        return "\u2026"


class Copy:
    """Every word shown in one language: `copy_in("fr").gettext("Findings")` -> "Constats"."""

    def __init__(self, lang: str):
        self.lang = lang_of(lang)
        self.locale = Locale.parse(FORMAT_LOCALES[self.lang])
        self.translations = translations(self.lang)

    def __repr__(self) -> str:
        return f"<Copy {self.lang}>"

    def fill(self, text: str, values: dict) -> str:
        return text % _Values(self, values)

    def gettext(self, message: str, /, **values) -> str:
        """The message in this language, with `values` put in (only when some are given, as Flask-Babel)."""
        text = self.translations.gettext(message)
        return self.fill(text, values) if values else text

    _ = gettext

    def ngettext(self, singular: str, plural: str, num: int, /, **values) -> str:
        """`%(num)s` is the count, as in Flask-Babel."""
        return self.fill(self.translations.ngettext(singular, plural, num), {"num": num, **values})

    def pgettext(self, context: str, message: str, /, **values) -> str:
        text = self.translations.pgettext(context, message)
        return self.fill(text, values) if values else text

    # -- numbers, dates, quotations, lists, in this language's style -----------------------

    def number(self, value: int | float) -> str:
        return format_decimal(value, locale=self.locale)

    def date(self, day: date, format: str = "long") -> str:
        """'December 2, 2026' / '2 décembre 2026'; format='full' adds the weekday."""
        return format_date(day, format, locale=self.locale)

    def quote(self, text: str) -> str:
        """“text” in English, « text » (with no-break spaces) in French."""
        opening, closing = _QUOTES[self.lang]
        return f"{opening}{text}{closing}"

    def either(self, items: list[str]) -> str:
        """'legal or tabloid' / 'légal ou tabloïd'."""
        return format_list(list(items), style="or", locale=self.locale)

    def language_name(self, code: str) -> str:
        """A language's name said in this language: 'French', 'anglais' (CLDR's names, not ours)."""
        return self.locale.languages.get(code, code)


_COPIES: dict[str, Copy] = {}


def copy_in(language: str | None) -> Copy:
    """The copy for a language; anything but French gets English. One object per language."""
    lang = lang_of(language)
    found = _COPIES.get(lang)
    if found is None:
        found = _COPIES.setdefault(lang, Copy(lang))
    return found
