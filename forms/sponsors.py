"""Forms of the sponsor side: the MP lookup, a Member typed or picked, the sponsor's answer, the timeline dates."""
from __future__ import annotations

from babel.lists import format_list
from flask_babel import get_locale, gettext as _, lazy_gettext as _l

from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import HiddenInput
from wtforms.validators import URL, DataRequired, Optional, Regexp, ValidationError

from forms.answers import ANSWERS
from forms.limits import MAX_ADDRESSEE_FIELD_CHARS
from forms.validators import MaxChars, clean_text
from petition.limits import OPEN_PERIOD_DAYS
from petition.timeline import too_far_ahead
from petition.timeline_copy import too_far_ahead_message

# The addressee step's "Find the Member" button: the step's own fields go with the lookup, and come back.
STEP_LOOKUP_BUTTON = "mp_lookup"
MAX_COMMENT_CHARS = 5_000
MAX_OFFICE_CHARS = 500
# WTForms' Email() needs the email_validator package, which is not installed (every typed e-mail was a 500); the
# address is only shown as a mailto link, so a plain shape check is enough.
EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PROFILE_URL = _l("Give the page's full web address, starting with https://")


def _strip(value):
    # Control characters go as in the drafting forms: a pasted NUL is never meant, and PostgreSQL refuses it.
    return clean_text(value).strip() if isinstance(value, str) else value


class PositiveVersion:
    """1 or more. Not WTForms' NumberRange: it turns the number into a float, and a 400-digit one overflows."""

    def __call__(self, form, field):
        if not isinstance(field.data, int) or field.data < 1:
            raise ValidationError(_l("Not a version of this petition."))


class MpLookupForm(FlaskForm):
    postal_code = StringField(_l("Postal code"), filters=[_strip],
                              validators=[DataRequired(_l("Enter a postal code, like K1A 0A6.")), MaxChars(20)])
    next = HiddenField()
    find = SubmitField(_l("Find the Member"))


class MemberForm(FlaskForm):
    """A Member picked from the lookup (hidden fields) or typed by hand (visible ones)."""

    name = StringField(_l("Member's name"), filters=[_strip],
                       validators=[DataRequired(_l("Enter the Member's name.")), MaxChars(MAX_ADDRESSEE_FIELD_CHARS)])
    riding = StringField(_l("Riding (electoral district)"), filters=[_strip],
                         validators=[DataRequired(_l("Enter the Member's riding.")), MaxChars(MAX_ADDRESSEE_FIELD_CHARS)])
    party = StringField(_l("Party"), filters=[_strip], validators=[Optional(), MaxChars(200)])
    email = StringField(_l("E-mail"), filters=[_strip],
                        validators=[Optional(), Regexp(EMAIL_SHAPE, message=_l("That is not an e-mail address.")), MaxChars(200)])
    url = StringField(_l("Profile page"), filters=[_strip],
                      validators=[Optional(), URL(message=PROFILE_URL), MaxChars(500)])
    office_postal = TextAreaField(_l("Office address (where signed sheets go)"), filters=[_strip],
                                  validators=[Optional(), MaxChars(MAX_OFFICE_CHARS)])
    office_tel = StringField(_l("Office phone"), filters=[_strip], validators=[Optional(), MaxChars(100)])
    source = HiddenField(default="typed")
    next = HiddenField()
    use_as_addressee = SubmitField(_l("Address the petition to this Member"))
    add_choice = SubmitField(_l("Add to the Members I will ask"))

    def member_fields(self) -> dict:
        return {
            "name": self.name.data, "riding": self.riding.data, "party": self.party.data or "",
            "email": self.email.data or "", "url": self.url.data or "",
            "office_postal": (self.office_postal.data or "").replace("\r\n", "\n"),
            "office_tel": self.office_tel.data or "",
            "source": "represent" if self.source.data == "represent" else "typed",
        }


class ChoiceForm(FlaskForm):
    """Move or remove one Member in the ordered list."""

    up = SubmitField(_l("Move up"))
    down = SubmitField(_l("Move down"))
    remove = SubmitField(_l("Remove"))


class AnswerForm(FlaskForm):
    answer = RadioField(_l("Your answer"), choices=[SelectChoice(k, label) for k, label in ANSWERS.items()],
                        validators=[DataRequired(_l("Choose an answer."))])
    # No Optional(): it would stop the chain before validate_comment, which requires a comment for "changes".
    comment = TextAreaField(_l("Comment for the organizer"), filters=[_strip],
                            validators=[MaxChars(MAX_COMMENT_CHARS, _l("Your comment"))])
    responder = StringField(_l("Your name or office (optional)"), filters=[_strip],
                            validators=[Optional(), MaxChars(200, _l("Your name or office"))])
    # The version the sponsor was reading: the answer is about that text.
    version = IntegerField(widget=HiddenInput(), validators=[DataRequired(), PositiveVersion()])
    send = SubmitField(_l("Send your answer"))

    def validate_comment(self, field):
        if self.answer.data == "changes" and not field.data:
            raise ValidationError(_l("Say what needs to change, so the organizer can fix it."))


class CalendarDateField(DateField):
    """A date box whose refusal says what to type ("31/02/2028" and "2027-02-29" are not dates)."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError(str(_l("Enter a date that exists on the calendar, as year-month-day (for example 2028-02-29).")))


class NotTooFarAhead:
    def __call__(self, form, field):
        if field.data and too_far_ahead(field.data, date.today()):
            raise ValidationError(too_far_ahead_message(field.name, field.data, str(get_locale())))


class TimelineForm(FlaskForm):
    sent_to_sponsor = CalendarDateField(_l("Sent to your first sponsor choice"), validators=[Optional(), NotTooFarAhead()])
    published = CalendarDateField(_l("Published (open for signature)"), validators=[Optional(), NotTooFarAhead()])
    open_days = SelectField(
        _l("Open period you chose"),
        choices=[SelectChoice("", _l("Not chosen yet"))] + [SelectChoice(str(d), _l("%(days)s days", days=d))
                                                           for d in OPEN_PERIOD_DAYS],
        validators=[Optional()],
    )
    closed = CalendarDateField(_l("Closed for signature (if already closed)"), validators=[Optional(), NotTooFarAhead()])
    presented = CalendarDateField(_l("Presented in the House"), validators=[Optional(), NotTooFarAhead()])

    def validate_open_days(self, field):
        # SelectField's own refusal ("Not a valid choice.") runs first; this only rewords it.
        if field.errors:
            field.errors[:] = [_("Choose an open period of %(choices)s days.", choices=format_list([str(d) for d in OPEN_PERIOD_DAYS], style="or", locale=get_locale()))]
    save = SubmitField(_l("Show the deadlines"))

    def open_days_value(self) -> int | None:
        return int(self.open_days.data) if self.open_days.data else None
