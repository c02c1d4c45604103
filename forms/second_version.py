"""The second-language version of a petition: add it (paste it, or write it step by step) or remove it."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from .limits import MAX_PASTE_CHARS
from .messages import message
from .validators import CodedError, MaxChars, clean_text


class SecondVersionForm(FlaskForm):
    version = HiddenField()  # the draft version the page was loaded from (a stale tab is refused)
    how = RadioField(
        _l("How do you want to add it?"),
        choices=[SelectChoice("paste", _l("Paste my version of the petition")),
                 SelectChoice("new", _l("Write it step by step"))],
        default="paste",
    )
    text = TextAreaField(_l("Your version"), filters=[clean_text], validators=[MaxChars(MAX_PASTE_CHARS)])
    add = SubmitField(_l("Continue"))

    def validate_text(self, field):
        if self.how.data == "paste" and not (field.data or "").strip():
            raise CodedError("second-paste-empty", message("second-paste-empty"))
        if self.how.data == "new" and (field.data or "").strip():
            raise CodedError("second-paste-unused", message("second-paste-unused"))


class RemoveSecondVersionForm(FlaskForm):
    version = HiddenField()
    confirm = BooleanField(_l("Yes, remove this version from the draft"))
    remove = SubmitField(_l("Remove this version"))

    def validate_confirm(self, field):
        if not field.data:
            raise CodedError("second-remove-confirm", message("second-remove-confirm"))
