"""The text's fingerprint (petition.fingerprint): what the sheets, the review page and every PDF show."""
from __future__ import annotations

import copy

from petition.fingerprint import fingerprint, printed_text, short, text_sha256
from petition.formulae import render
from petition.model import Addressee, Petition


def _petition(**changes) -> Petition:
    petition = Petition(kind="paper", language="en", addressee=Addressee(kind="government"),
                        grievances=["Rural broadband costs too much"], prayer="ensure affordable internet by 2030")
    for key, value in changes.items():
        setattr(petition, key, value)
    return petition


def test_one_character_of_the_text_changes_it():
    base = fingerprint(_petition())
    assert fingerprint(_petition(prayer="ensure affordable internet by 2031")) != base
    assert fingerprint(_petition(grievances=["Rural broadband costs too much!"])) != base
    assert fingerprint(_petition(addressee=Addressee(kind="house"))) != base
    # The House's fixed wording is part of what is printed: the same words in French are another text.
    assert fingerprint(_petition(language="fr")) != base


def test_nothing_outside_the_printed_text_changes_it():
    petition = _petition()
    assert fingerprint(copy.deepcopy(petition)) == fingerprint(petition)
    # The kind changes the rules, not the words printed.
    assert fingerprint(_petition(kind="e-petition")) == fingerprint(petition)
    # An invisible character is never printed (petition.text), so it is not part of the text either.
    assert fingerprint(_petition(prayer="ensure affordable\u200b internet by 2030")) == fingerprint(petition)


def test_a_second_language_version_is_part_of_the_text_the_sheets_print():
    alone = _petition()
    both = _petition(second_version=Petition(addressee=Addressee(kind="government"),
                                             prayer="garantir un accès abordable d'ici 2030"))
    assert printed_text(both) == render(alone).text + "\n\n" + render(both.second()).text
    assert fingerprint(both) != fingerprint(alone) and fingerprint(both.alone()) == fingerprint(alone)


def test_eight_readable_characters_from_the_sha256():
    petition = _petition()
    mark = fingerprint(petition)
    assert len(mark) == 9 and mark[4] == "-"
    assert set(mark.replace("-", "")) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert mark == short(text_sha256(petition))
    assert short("00" * 32) == "AAAA-AAAA" and short("ff" * 32) == "7777-7777"
