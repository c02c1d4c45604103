from __future__ import annotations

from flask_babel import lazy_gettext as _l

from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice
from wtforms import RadioField, SubmitField, TextAreaField

from petition.limits import E_PETITION_WORD_LIMIT
from petition.model import KINDS, LANGUAGES

from .limits import MAX_PASTE_CHARS
from .messages import message
from .validators import CodedError, MaxChars, clean_text

KIND_LABELS = {
    "e-petition": _l("E-petition (signed online, %(limit)s-word limit)", limit=E_PETITION_WORD_LIMIT),
    "paper": _l("Paper petition (signed by hand)"),
}
LANGUAGE_LABELS = {"en": _l("English"), "fr": _l("French (the House's wording will be in French)")}


class StartForm(FlaskForm):
    how = RadioField(
        _l("How do you want to start?"),
        choices=[SelectChoice("new", _l("Write a new petition")), SelectChoice("paste", _l("Paste an existing draft"))],
        default="new",
    )
    text = TextAreaField(_l("Your existing draft"), filters=[clean_text], validators=[MaxChars(MAX_PASTE_CHARS)])
    kind = RadioField(_l("Kind of petition"), choices=[SelectChoice(k, KIND_LABELS[k]) for k in KINDS], default="e-petition")
    language = RadioField(_l("Language of the petition"), choices=[SelectChoice(code, LANGUAGE_LABELS[code]) for code in LANGUAGES], default="en")
    start = SubmitField(_l("Start"))

    def validate_text(self, field):
        if self.how.data == "paste" and not (field.data or "").strip():
            raise CodedError("paste-empty", message("paste-empty"))
        # "Write a new petition" is the default: someone who pastes and presses Start would lose the draft.
        if self.how.data == "new" and (field.data or "").strip():
            raise CodedError("paste-unused", message("paste-unused"))
