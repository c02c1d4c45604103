"""Forms of the sponsor side: the MP lookup, a Member typed or picked, the sponsor's answer, the timeline dates."""
from __future__ import annotations

from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import HiddenInput
from wtforms.validators import URL, DataRequired, Optional, Regexp, ValidationError

from forms.limits import MAX_ADDRESSEE_FIELD_CHARS
from forms.validators import MaxChars, clean_text
from petition.limits import OPEN_PERIOD_DAYS
from petition.timeline import FIELD_LABELS, open_period_choices, too_far_ahead, too_far_ahead_message

from web.sponsor_models import ANSWERS

MAX_COMMENT_CHARS = 5_000
MAX_OFFICE_CHARS = 500
# WTForms' Email() needs the email_validator package, which is not installed (every typed e-mail was a 500); the
# address is only shown as a mailto link, so a plain shape check is enough.
EMAIL_SHAPE = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
PROFILE_URL = "Give the page's full web address, starting with https://"


def _strip(value):
    # Control characters go as in the drafting forms: a pasted NUL is never meant, and PostgreSQL refuses it.
    return clean_text(value).strip() if isinstance(value, str) else value


class PositiveVersion:
    """1 or more. Not WTForms' NumberRange: it turns the number into a float, and a 400-digit one overflows."""

    def __call__(self, form, field):
        if not isinstance(field.data, int) or field.data < 1:
            raise ValidationError("Not a version of this petition.")


class MpLookupForm(FlaskForm):
    postal_code = StringField("Postal code", filters=[_strip],
                              validators=[DataRequired("Enter a postal code, like K1A 0A6."), MaxChars(20)])
    next = HiddenField()
    find = SubmitField("Find the Member")


class MemberForm(FlaskForm):
    """A Member picked from the lookup (hidden fields) or typed by hand (visible ones)."""

    name = StringField("Member's name", filters=[_strip],
                       validators=[DataRequired("Enter the Member's name."), MaxChars(MAX_ADDRESSEE_FIELD_CHARS)])
    riding = StringField("Riding (electoral district)", filters=[_strip],
                         validators=[DataRequired("Enter the Member's riding."), MaxChars(MAX_ADDRESSEE_FIELD_CHARS)])
    party = StringField("Party", filters=[_strip], validators=[Optional(), MaxChars(200)])
    email = StringField("E-mail", filters=[_strip],
                        validators=[Optional(), Regexp(EMAIL_SHAPE, message="That is not an e-mail address."), MaxChars(200)])
    url = StringField("Profile page", filters=[_strip],
                      validators=[Optional(), URL(message=PROFILE_URL), MaxChars(500)])
    office_postal = TextAreaField("Office address (where signed sheets go)", filters=[_strip],
                                  validators=[Optional(), MaxChars(MAX_OFFICE_CHARS)])
    office_tel = StringField("Office phone", filters=[_strip], validators=[Optional(), MaxChars(100)])
    source = HiddenField(default="typed")
    next = HiddenField()
    use_as_addressee = SubmitField("Address the petition to this Member")
    add_choice = SubmitField("Add to the Members I will ask")

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

    up = SubmitField("Move up")
    down = SubmitField("Move down")
    remove = SubmitField("Remove")


class AnswerForm(FlaskForm):
    answer = RadioField("Your answer", choices=[SelectChoice(k, label) for k, label in ANSWERS.items()],
                        validators=[DataRequired("Choose an answer.")])
    # No Optional(): it would stop the chain before validate_comment, which requires a comment for "changes".
    comment = TextAreaField("Comment for the organizer", filters=[_strip],
                            validators=[MaxChars(MAX_COMMENT_CHARS, "Your comment")])
    responder = StringField("Your name or office (optional)", filters=[_strip],
                            validators=[Optional(), MaxChars(200, "Your name or office")])
    # The version the sponsor was reading: the answer is about that text.
    version = IntegerField(widget=HiddenInput(), validators=[DataRequired(), PositiveVersion()])
    send = SubmitField("Send your answer")

    def validate_comment(self, field):
        if self.answer.data == "changes" and not field.data:
            raise ValidationError("Say what needs to change, so the organizer can fix it.")


class CalendarDateField(DateField):
    """A date box whose refusal says what to type ("31/02/2028" and "2027-02-29" are not dates)."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            raise ValueError("Enter a date that exists on the calendar, as year-month-day (for example 2028-02-29).")


class NotTooFarAhead:
    def __call__(self, form, field):
        if field.data and too_far_ahead(field.data, date.today()):
            raise ValidationError(too_far_ahead_message(FIELD_LABELS[field.name], field.data))


class TimelineForm(FlaskForm):
    sent_to_sponsor = CalendarDateField("Sent to your first sponsor choice", validators=[Optional(), NotTooFarAhead()])
    published = CalendarDateField("Published (open for signature)", validators=[Optional(), NotTooFarAhead()])
    open_days = SelectField(
        "Open period you chose",
        choices=[SelectChoice("", "Not chosen yet")] + [SelectChoice(str(d), f"{d} days") for d in OPEN_PERIOD_DAYS],
        validators=[Optional()],
    )
    closed = CalendarDateField("Closed for signature (if already closed)", validators=[Optional(), NotTooFarAhead()])
    presented = CalendarDateField("Presented in the House", validators=[Optional(), NotTooFarAhead()])

    def validate_open_days(self, field):
        # SelectField's own refusal ("Not a valid choice.") runs first; this only rewords it.
        if field.errors:
            field.errors[:] = [f"Choose an open period of {open_period_choices()} days."]
    save = SubmitField("Show the deadlines")

    def open_days_value(self) -> int | None:
        return int(self.open_days.data) if self.open_days.data else None
