"""The timeline's words: what petition.timeline's codes say, in the reader's language.

petition.timeline returns codes and values (dates, numbers, which date field); this
module chooses the words where they are shown, from the gettext catalogue: the web
page (the person's language), the .ics file, the forms' date checks. Dates are
written by Babel for the language ("Wednesday, January 5, 2028", "mercredi
5 janvier 2028"), and the date fields are named as nouns ("the publication date",
"la date de publication") so each language builds its own sentence around them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .catalogue import N_, Copy, copy_in
from .timeline import Deadline, Notice, Timeline

# The date fields as a sentence names them.
FIELD_NAMES = {
    "sent_to_sponsor": N_("the date it was sent to the sponsor"),
    "published": N_("the publication date"),
    "closed": N_("the close date"),
    "presented": N_("the presentation date"),
}

NOTICES = {
    "no-dates": N_("Enter at least one date to see the deadlines that follow from it."),
    "too-far-ahead": N_("The year of %(which)s (%(day)s) looks mistyped: it is more than %(years)s years away."),
    "before-the-house": N_("The year of %(which)s (%(day)s) looks mistyped: it is before the House of Commons "
                           "first sat."),
    "before-e-petitions": N_("The year of %(which)s (%(day)s) looks mistyped: it is before e-petitions existed "
                             "(December 2015)."),
    "paper-dates-ignored": N_("A paper petition has no sponsor deadline or open period: only the presentation "
                              "date counts."),
    "sponsor-choices": N_("An e-petition names between 1 and %(max)s Members as sponsor choices (R-EP-8)."),
    "open-period": N_("The open period is %(choices)s days (R-EP-6)."),
    "out-of-order": N_("These dates put %(later)s (%(later_day)s) before %(first)s (%(first_day)s)."),
    "first-choice-ended": N_("Your first choice's %(days)s days ended %(ago)s. If they have not accepted, the "
                             "request has passed to your next choice."),
    "enter-sent": N_("Enter the day your first sponsor choice received the petition to see their %(days)s-day "
                     "deadline."),
    "close-date-differs": N_("%(days)s days from publication is %(computed)s, but you entered %(entered)s as the "
                             "close date. The entered date is used."),
    "choose-open-period": N_("Choose the open period you picked (%(choices)s days) to see when the petition "
                             "closes."),
    "enter-published": N_("Enter the day the petition was published to see when it closes."),
    "enter-presented": N_("Enter the day a Member presented the petition to see when the government's response "
                          "is due (%(days)s days later)."),
    "presented-before-close": N_("The petition cannot be presented (%(presented)s) before it closes "
                                 "(%(closes)s)."),
    "response-overdue": N_("The government's response was due %(ago)s (%(day)s). If none was tabled, ask the "
                           "presenting Member about referring it to a committee."),
    "election": N_("The next general election is held by %(polling_day)s; Parliament can be dissolved for it "
                   "from %(dissolution)s, or sooner if an election is called early, and the House sits again "
                   "only when the new Parliament is summoned, some weeks after polling day. In that time nothing "
                   "can be submitted, presented or acted on, and an e-petition not presented by dissolution is "
                   "withdrawn; it can be submitted again after the election (R-EP-13)."),
}

TITLES = {
    "sponsor": N_("Sponsor choice %(choice)s: last day to accept"),
    "closes": N_("Petition closes for signature"),
    "response": N_("Government response due"),
}

DETAILS = {
    "first-choice": N_("Your first choice has %(days)s days to accept. If they decline or do not answer, the "
                       "request goes to your next choice."),
    "later-choice": N_("If every earlier choice used its %(days)s days, choice %(choice)s has until this day; it "
                       "is sooner when someone declines early."),
    "last-choice": N_("This is your last choice: if they decline too, the petition goes no further."),
    "closes": N_("It needs at least %(minimum)s valid signatures by then to be certified and presented "
                 "(R-EP-11)."),
    "response": N_("The government must respond within %(days)s calendar days of presentation. If it does not, "
                   "the presenting Member may refer the failure to a committee."),
    "response-planned": N_("This assumes it is presented on the day you planned."),
}

SIGNATURES_ADVISED = N_("At least %(minimum)s valid signatures; collect %(low)s to %(high)s, since some are "
                        "usually disqualified.")
SIGNATURES_BY_CLOSE = N_("At least %(minimum)s valid signatures by the time it closes.")


def _ago(copy: Copy, days: int) -> str:
    if days == 0:
        return copy.gettext("today")
    return copy.ngettext("%(num)s day ago", "%(num)s days ago", days)


def _values(copy: Copy, values: dict) -> dict:
    """Dates in full, date fields by name, periods as a list, 'ago' in words; numbers stay for `fill`."""
    out = {}
    for key, value in values.items():
        if isinstance(value, date):
            out[key] = copy.date(value, "full")
        elif key in ("which", "later", "first"):
            out[key] = copy.gettext(FIELD_NAMES[value])
        elif key == "choices":
            out[key] = copy.either([copy.number(v) for v in value])
        elif key == "ago":
            out[key] = _ago(copy, value)
        else:
            out[key] = value
    return out


def notice_text(notice: Notice, language: str | Copy | None) -> str:
    copy = language if isinstance(language, Copy) else copy_in(language)
    return copy.fill(copy.gettext(NOTICES[notice.code]), _values(copy, notice.values))


def too_far_ahead_message(which: str, day: date, language: str | Copy | None) -> str:
    """The forms' check of a date field, in the same words as the timeline's notice."""
    from .timeline import FURTHEST_PLAN_YEARS

    return notice_text(Notice(which, "error", "too-far-ahead",
                              {"which": which, "day": day, "years": FURTHEST_PLAN_YEARS}), language)


@dataclass
class SaidNotice:
    field: str
    severity: str
    code: str
    message: str


@dataclass
class SaidDeadline:
    key: str
    day: date
    day_text: str  # the date as the language writes it, weekday included
    rule: str
    passed: bool
    title: str
    detail: str


@dataclass
class SaidTimeline:
    """A timeline in words, for a page or a file; the same attributes the templates read."""

    copy: Copy
    notices: list[SaidNotice] = field(default_factory=list)
    deadlines: list[SaidDeadline] = field(default_factory=list)
    signatures: "SaidSignatures | None" = None

    @property
    def errors(self) -> list[SaidNotice]:
        return [n for n in self.notices if n.severity == "error"]

    def deadline(self, key: str) -> SaidDeadline | None:
        return next((d for d in self.deadlines if d.key == key), None)


@dataclass
class SaidSignatures:
    minimum: int
    rule: str
    text: str


def _deadline(copy: Copy, deadline: Deadline) -> SaidDeadline:
    title = TITLES["sponsor" if deadline.key.startswith("sponsor-") else deadline.key]
    values = _values(copy, deadline.values)
    detail = " ".join(copy.fill(copy.gettext(DETAILS[code]), values) for code in deadline.details)
    return SaidDeadline(key=deadline.key, day=deadline.day, day_text=copy.date(deadline.day, "full"),
                        rule=deadline.rule, passed=deadline.passed, title=copy.fill(copy.gettext(title), values),
                        detail=detail)


def say(timeline: Timeline, language: str | Copy | None) -> SaidTimeline:
    """The timeline's notices, deadlines and signature count in words, in `language`."""
    copy = language if isinstance(language, Copy) else copy_in(language)
    said = SaidTimeline(copy=copy)
    said.notices = [SaidNotice(n.field, n.severity, n.code, notice_text(n, copy)) for n in timeline.notices]
    said.deadlines = [_deadline(copy, d) for d in timeline.deadlines]
    sig = timeline.signatures
    if sig is not None:
        if sig.advised:
            text = copy.gettext(SIGNATURES_ADVISED, minimum=sig.minimum, low=sig.advised[0], high=sig.advised[1])
        else:
            text = copy.gettext(SIGNATURES_BY_CLOSE, minimum=sig.minimum)
        said.signatures = SaidSignatures(sig.minimum, sig.rule, text)
    return said
