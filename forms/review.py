from __future__ import annotations

from flask_babel import lazy_gettext as _l

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SubmitField


class ReadyForm(FlaskForm):
    version = HiddenField()
    acknowledge = BooleanField(_l("I have read every warning above and want to go ahead"))
    ready = SubmitField(_l("Mark as ready"))


class ApplySuggestionForm(FlaskForm):
    version = HiddenField()
    finding = HiddenField()  # the finding's fingerprint on the version shown
    apply = SubmitField(_l("Apply suggestion"))
