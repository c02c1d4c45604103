from __future__ import annotations

from flask_babel import lazy_gettext as _l

from wtforms import RadioField
from wtforms.fields.choices import SelectChoice

from petition.model import KINDS, LANGUAGES

from .base import StepForm
from .start import KIND_LABELS, LANGUAGE_LABELS


class SettingsForm(StepForm):
    """Kind and language chosen at the start, changeable later (the text is kept either way)."""

    kind = RadioField(_l("Kind of petition"), choices=[SelectChoice(k, KIND_LABELS[k]) for k in KINDS])
    language = RadioField(_l("Language of the petition"), choices=[SelectChoice(c, LANGUAGE_LABELS[c]) for c in LANGUAGES])
