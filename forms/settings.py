from __future__ import annotations

from flask_babel import lazy_gettext as _l

from wtforms import RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from petition.model import KINDS, LANGUAGES

from .base import StepForm
from .limits import MAX_DRAFT_NAME_CHARS, MAX_ORGANIZER_CONTACT_CHARS, MAX_RETURN_ADDRESS_CHARS
from .sponsors import CalendarDateField
from .start import KIND_LABELS, LANGUAGE_LABELS
from .validators import MaxChars, clean_text

# The organizer's details: on the draft (web.models.Draft), not in the petition.
DETAILS = ("name", "organizer_contact", "return_date", "return_address")


def _trimmed(value):
    return clean_text(value).strip() if isinstance(value, str) else value


class SettingsForm(StepForm):
    """Kind and language chosen at the start, changeable later (the text is kept either way); and the organizer's
    own details, which go on their documents and never on the petition."""

    kind = RadioField(_l("Kind of petition"), choices=[SelectChoice(k, KIND_LABELS[k]) for k in KINDS])
    language = RadioField(_l("Language of the petition"), choices=[SelectChoice(c, LANGUAGE_LABELS[c]) for c in LANGUAGES])
    name = StringField(_l("Name of this draft (optional)"), filters=[_trimmed],
                       validators=[Optional(), MaxChars(MAX_DRAFT_NAME_CHARS)])
    organizer_contact = TextAreaField(_l("How volunteers reach you (optional)"), filters=[_trimmed],
                                      validators=[Optional(), MaxChars(MAX_ORGANIZER_CONTACT_CHARS)])
    return_date = CalendarDateField(_l("Date the signed sheets are due back (optional)"), validators=[Optional()])
    return_address = TextAreaField(_l("Where volunteers return the signed sheets (optional)"), filters=[_trimmed],
                                   validators=[Optional(), MaxChars(MAX_RETURN_ADDRESS_CHARS)])

    def details(self) -> dict:
        """The organizer's details as typed, empty ones as None."""
        return {name: getattr(self, name).data or None for name in DETAILS}
