"""What every drafting step form has: the draft version it was loaded from."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from flask_wtf import FlaskForm
from wtforms import HiddenField, SubmitField


class StepForm(FlaskForm):
    # The save is refused when the draft moved on since this version (another tab).
    version = HiddenField()
    save = SubmitField(_l("Save and continue"))
    back = SubmitField(_l("Back"))

    def loaded_version(self) -> int:
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return -1
