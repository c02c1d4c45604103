"""What the drafting forms say when input is refused, by code. One place for the copy: the wording is in the
catalogue (translations/), in the language of the screens."""
from __future__ import annotations

from flask_babel import format_decimal, lazy_gettext as _l

MESSAGES = {
    "required": _l("Please fill in %(field)s."),
    "petitioners-required": _l("Say who is signing, for example \u201ccitizens and residents of Canada\u201d."),
    "too-long": _l("%(field)s can be at most %(limit)s characters; this has %(length)s. Shorten it a little."),
    "too-many-clauses": _l("A petition can have at most %(limit)s grievance clauses here. Merge or remove one first."),
    "minister-title": _l("Name the Minister's title or portfolio, for example \u201cMinister of Health\u201d."),
    "member-name": _l("Give the Member of Parliament's name."),
    "member-riding": _l("Give the Member of Parliament's riding (electoral district)."),
    "paste-empty": _l("Paste the text of your draft petition, or choose \u201cWrite a new petition\u201d."),
    "paste-unused": _l("You pasted a draft but chose \u201cWrite a new petition\u201d, which would start empty. "
                       "Choose \u201cPaste an existing draft\u201d to use your text, or empty the box to start "
                       "from nothing."),
    "choose": _l("Choose one of the options."),
    "addressee-kind": _l("Choose who the petition is addressed to: one of the four the House accepts."),
    "acknowledge": _l("Tick the box to confirm you have read every warning."),
    # The second-language version (forms/second_version.py).
    "second-paste-empty": _l("Paste your version of the petition, or choose \u201cWrite it step by step\u201d."),
    "second-paste-unused": _l("You pasted a text but chose \u201cWrite it step by step\u201d, which would start "
                              "empty. Choose \u201cPaste my version of the petition\u201d to use your text."),
    "second-remove-confirm": _l("Tick the box to confirm you want to remove this version."),
    # The hand-off page (forms/handoff.py).
    "confirm-sent": _l("Tick the box to confirm the House's site sent this text to your supporters."),
}


def message(code: str, **values) -> str:
    """The message for `code` in the language of the screens; numbers grouped as the locale writes them."""
    values = {name: format_decimal(value) if isinstance(value, int) else str(value) for name, value in values.items()}
    text = str(MESSAGES[code])
    return text % values if values else text
