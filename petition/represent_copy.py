"""What a failed Member lookup says, in the reader's language.

integrations.represent raises a `LookupError_` with a reason code and its values (what was
typed, the postal code, seconds to wait); the words are chosen here, from the gettext
catalogue, where they are shown: the JSON API and the pages in the screens' language.
"""
from __future__ import annotations

from .catalogue import N_, copy_in

MANUAL_FALLBACK = N_("You can still type the Member's name and riding yourself.")

REASONS = {
    "empty": N_("Enter a postal code, like K1A 0A6."),
    "malformed": N_("%(typed)s is not a Canadian postal code. It has the form letter, digit, letter, digit, "
                    "letter, digit, like K1A 0A6."),
    "impossible-letters": N_("%(typed)s cannot be a Canadian postal code: they never contain D, F, I, O, Q or U, "
                             "and never start with W or Z. Check the letters against your mail."),
    "busy-here": N_("Many people are looking up Members right now. Try again in %(seconds)s s."),
    "timeout": N_("The Member lookup service took too long to answer. Try again in a minute."),
    "unreachable": N_("The Member lookup service could not be reached. Try again later."),
    "failed": N_("The Member lookup service failed to answer."),
    "unknown-code": N_("The lookup service does not know the postal code %(postal_code)s. New or rural codes "
                       "are sometimes missing."),
    "busy": N_("The Member lookup service is busy. Try again in %(seconds)s s."),
    "http-error": N_("The Member lookup service answered with an error (%(status)s). Try again later."),
    "unreadable": N_("The Member lookup service sent an answer we could not read."),
    "no-member": N_("No Member of Parliament was found for %(postal_code)s."),
}


def message(error, language: str | None) -> str:
    """The error's message in `language`; what was typed is quoted the language's way."""
    copy = copy_in(language)
    values = dict(error.values)
    if "typed" in values:
        values["typed"] = copy.quote(values["typed"])
    return copy.fill(copy.gettext(REASONS[error.reason]), values)


def fallback(language: str | None) -> str:
    return copy_in(language).gettext(MANUAL_FALLBACK)


class Said:
    """A lookup failure in words, for a page: `.message` and `.fallback` in one language."""

    def __init__(self, error, language: str | None):
        self.code, self.status = error.code, error.status
        self.message, self.fallback = message(error, language), fallback(language)
