"""Small single-purpose validators and filters for the drafting forms.

Each refusal carries a code (see forms.messages) so tests and the page can tell
reasons apart without matching on the wording.
"""
from __future__ import annotations

from wtforms.validators import StopValidation, ValidationError

from petition.text import strip_invisible

from .messages import message


def clean_text(value):
    """Drop invisible characters (petition.text: a pasted NUL, a bidi override), keep every other character.

    Line breaks become "\\n" and tabs are kept: numbered asks in a prayer use lines.
    Odd but printable Unicode (accents, em dashes, non-breaking spaces, emoji) is kept as typed.
    """
    if value is None:
        return value
    return strip_invisible(str(value).replace("\r\n", "\n").replace("\r", "\n"))


def strip_outer(value):
    return value.strip() if isinstance(value, str) else value


class CodedError(ValidationError):
    def __init__(self, code: str, text: str):
        super().__init__(text)
        self.code = code


class MaxChars:
    """Refuse text longer than `limit` characters, saying how long it is.

    `name` stands in for a label that is a question ("What do you ask for? can be at most ..." reads wrong).
    """

    def __init__(self, limit: int, name: str | None = None):
        self.limit = limit
        self.name = name

    def __call__(self, form, field):
        length = len(field.data or "")
        if length > self.limit:
            name = self.name or field.label.text
            raise CodedError("too-long", message("too-long", field=name, limit=self.limit, length=length))


class Required:
    """Refuse empty or whitespace-only text and stop further checks on it."""

    def __init__(self, code: str = "required"):
        self.code = code

    def __call__(self, form, field):
        if not (field.data or "").strip():
            field.errors[:] = []
            raise StopValidation(message(self.code, field=field.label.text.lower()))


class RequiredWhen:
    """Refuse an empty field when another field has a given value (Minister needs a title, ...)."""

    def __init__(self, other: str, value: str, code: str):
        self.other, self.value, self.code = other, value, code

    def __call__(self, form, field):
        if form[self.other].data == self.value and not (field.data or "").strip():
            raise CodedError(self.code, message(self.code))


class OneOf:
    """Refuse a radio answer that is missing or not one of the field's choices, in plain words."""

    def __init__(self, code: str = "choose"):
        self.code = code

    def __call__(self, form, field):
        allowed = {choice.value if hasattr(choice, "value") else choice[0] for choice in field.choices}
        if field.data not in allowed:
            raise StopValidation(message(self.code))
