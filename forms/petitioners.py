from __future__ import annotations

from flask_babel import lazy_gettext as _l

from wtforms import TextAreaField

from .base import StepForm
from .limits import MAX_PETITIONERS_CHARS
from .validators import MaxChars, Required, clean_text, strip_outer


class PetitionersForm(StepForm):
    petitioners = TextAreaField(
        _l("Who is signing?"),
        filters=[clean_text, strip_outer],
        validators=[Required("petitioners-required"), MaxChars(MAX_PETITIONERS_CHARS, _l("The description of who is signing"))],
    )
