from __future__ import annotations

from flask_babel import lazy_gettext as _l

from wtforms import TextAreaField

from .base import StepForm
from .limits import MAX_PRAYER_CHARS
from .validators import MaxChars, clean_text, strip_outer


class PrayerForm(StepForm):
    # Empty is allowed to save (work in progress); the checker reports a missing request (R-PRAY-1).
    prayer = TextAreaField(_l("What do you ask for?"), filters=[clean_text, strip_outer], validators=[MaxChars(MAX_PRAYER_CHARS, _l("Your request"))])
