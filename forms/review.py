from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SubmitField


class ReadyForm(FlaskForm):
    version = HiddenField()
    acknowledge = BooleanField("I have read every warning above and want to go ahead")
    ready = SubmitField("Mark as ready")


class ApplySuggestionForm(FlaskForm):
    version = HiddenField()
    finding = HiddenField()  # the finding's fingerprint on the version shown
    apply = SubmitField("Apply suggestion")
