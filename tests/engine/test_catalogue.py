"""The Flask-free loader of the one gettext catalogue (petition/catalogue.py)."""
from __future__ import annotations

import os
import re
from datetime import date

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from petition import catalogue
from petition.catalogue import copy_in, lang_of


def test_one_helper_says_which_language_copy_is_in():
    assert [lang_of(v) for v in ("fr", "fr-CA", "fr_CA", "FR", "en", None, "", "es", "french")] == \
        ["fr", "fr", "fr", "fr", "en", "en", "en", "en", "en"]
    assert copy_in("fr-CA") is copy_in("fr") and copy_in(None) is copy_in("en")


def test_numbers_dates_quotes_and_lists_follow_the_language():
    fr, en = copy_in("fr"), copy_in("en")
    assert fr.number(800000) == "800\u00a0000" and en.number(800000) == "800,000"
    assert fr.date(date(2026, 12, 2)) == "2 décembre 2026" and en.date(date(2026, 12, 2)) == "December 2, 2026"
    assert fr.date(date(2026, 12, 2), "full") == "mercredi 2 décembre 2026"
    assert fr.quote("sans adresse fixe") == "«\u00a0sans adresse fixe\u00a0»"
    assert en.quote("no fixed address") == "\u201cno fixed address\u201d"
    assert fr.either(["légal", "tabloïd"]) == "légal ou tabloïd" and en.either(["a", "b", "c"]) == "a, b or c"
    assert fr.language_name("en") == "anglais" and en.language_name("fr") == "French"


def test_a_missing_value_reads_as_an_ellipsis_and_ints_as_numbers():
    fr = copy_in("fr")
    assert fr.fill("%(a)s et %(b)s", {"a": 12000}) == "12\u00a0000 et \u2026"
    assert fr.gettext("no such msgid") == "no such msgid"  # English stands in, never an error


def _po(tmp_path, french: str, fuzzy: bool = False):
    path = tmp_path / "fr" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
                    + ("#, fuzzy\n" if fuzzy else "") + f'msgid "Findings"\nmsgstr "{french}"\n', encoding="utf-8")
    return path


def _loaded(monkeypatch, tmp_path):
    monkeypatch.setattr(catalogue, "TRANSLATIONS_DIR", tmp_path)
    catalogue.translations.cache_clear()
    try:
        return catalogue.translations("fr").gettext("Findings")
    finally:
        catalogue.translations.cache_clear()


def test_the_po_is_compiled_in_memory_when_there_is_no_mo(monkeypatch, tmp_path):
    _po(tmp_path, "Constats")
    assert _loaded(monkeypatch, tmp_path) == "Constats"
    assert not list(tmp_path.rglob("*.mo")), "nothing is written: the CLI may run from a read-only checkout"


def test_a_stale_mo_gives_way_to_the_newer_po(monkeypatch, tmp_path):
    po = _po(tmp_path, "Anciens constats")
    with po.open("rb") as fh:
        compiled = read_po(fh)
    with po.with_suffix(".mo").open("wb") as fh:
        write_mo(fh, compiled)
    assert _loaded(monkeypatch, tmp_path) == "Anciens constats"
    po.write_text(po.read_text(encoding="utf-8").replace("Anciens constats", "Constats"), encoding="utf-8")
    os.utime(po, (po.stat().st_mtime + 10, po.stat().st_mtime + 10))
    assert _loaded(monkeypatch, tmp_path) == "Constats"


def test_a_fuzzy_translation_is_not_shown(monkeypatch, tmp_path):
    _po(tmp_path, "Constats peut-être", fuzzy=True)
    assert _loaded(monkeypatch, tmp_path) == "Findings"


def test_every_translation_keeps_the_placeholders_of_its_english():
    """A French line that drops or renames %(count)s would print '…' or fail: the catalogue is checked whole."""
    with catalogue.po_path("fr").open("rb") as fh:
        po = read_po(fh)
    pattern = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")

    def names(text: str) -> set[str]:
        return {a or b for a, b in pattern.findall(text)}

    # French letters to an unknown person open without the name ("Madame, Monsieur,").
    may_drop = {"Dear %(name)s,": {"name"}}
    checked = 0
    for message in po:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            if text:
                # A plural's singular may say "one" instead of %(num)s.
                dropped = may_drop.get(ids[0], set())
                assert names(text) <= names(ids[-1]) and names(ids[0]) <= names(text) | {"num"} | dropped, message.id
                checked += 1
    assert checked > 50
