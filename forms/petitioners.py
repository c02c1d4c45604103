from __future__ import annotations

from wtforms import TextAreaField

from .base import StepForm
from .limits import MAX_PETITIONERS_CHARS
from .validators import MaxChars, Required, clean_text, strip_outer


class PetitionersForm(StepForm):
    petitioners = TextAreaField(
        "Who is signing?",
        filters=[clean_text, strip_outer],
        validators=[Required("petitioners-required"), MaxChars(MAX_PETITIONERS_CHARS, "The description of who is signing")],
    )
