from __future__ import annotations

from flask_babel import lazy_gettext as _l

from wtforms.fields.choices import SelectChoice
from wtforms import BooleanField, RadioField, StringField

from .base import StepForm
from .limits import MAX_ADDRESSEE_FIELD_CHARS
from .validators import MaxChars, OneOf, RequiredWhen, clean_text, strip_outer

# The four addressees the House allows (R-ADDR-1), in the words organizers know.
ADDRESSEE_LABELS = {
    "house": _l("The House of Commons"),
    "government": _l("The Government of Canada"),
    "minister": _l("A Minister of the Crown"),
    "member": _l("A Member of Parliament"),
}


class AddresseeForm(StepForm):
    kind = RadioField(
        _l("Who is the petition addressed to?"),
        choices=[SelectChoice(k, label) for k, label in ADDRESSEE_LABELS.items()],
        validate_choice=False,  # OneOf says it in plain words
        validators=[OneOf("addressee-kind")],
    )
    in_parliament_assembled = BooleanField(_l("Say \u201cthe House of Commons in Parliament assembled\u201d"))
    title = StringField(
        _l("Minister's title or portfolio"),
        filters=[clean_text, strip_outer],
        validators=[RequiredWhen("kind", "minister", "minister-title"), MaxChars(MAX_ADDRESSEE_FIELD_CHARS)],
    )
    name = StringField(
        _l("Member's name"),
        filters=[clean_text, strip_outer],
        validators=[RequiredWhen("kind", "member", "member-name"), MaxChars(MAX_ADDRESSEE_FIELD_CHARS)],
    )
    riding = StringField(
        _l("Member's riding"),
        filters=[clean_text, strip_outer],
        validators=[RequiredWhen("kind", "member", "member-riding"), MaxChars(MAX_ADDRESSEE_FIELD_CHARS)],
    )
