"""The deadlines the House's rules set, from the dates an organizer enters.

E-petitions: each Member named as sponsor has SPONSOR_DAYS to accept, and the request
then passes to the next of up to MAX_SPONSOR_CHOICES (R-EP-8); the petition stays open
for the period chosen from OPEN_PERIOD_DAYS (R-EP-6) and needs MIN_E_SIGNATURES
(R-EP-11). Paper petitions need MIN_PAPER_SIGNATURES, more advised (R-SIG-1). Either
way the government responds within GOVERNMENT_RESPONSE_DAYS calendar days of
presentation (R-RESP-1).

Calendar days throughout: `date + timedelta(days=n)` gets month ends and 29 February
right without any special case. No Flask and no words here: every notice and deadline
is a code with its values (dates, numbers), and petition/timeline_copy.py says them in
the reader's language from the catalogue; `to_ics` gives the deadlines as an iCalendar
file in a language.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

import icalendar

from .limits import (
    ADVISED_PAPER_SIGNATURES, GOVERNMENT_RESPONSE_DAYS, MAX_SPONSOR_CHOICES, MIN_E_SIGNATURES,
    MIN_PAPER_SIGNATURES, OPEN_PERIOD_DAYS, SPONSOR_DAYS,
)

# The House's e-petition system went live in December 2015 (petition-rules section 3):
# an earlier e-petition date is a mistyped year.
E_PETITIONS_BEGAN = date(2015, 12, 1)
# Nobody plans a petition's dates further ahead than this: a later date is a mistyped year
# (and 9999-12-31 plus 45 days would not be a date at all).
FURTHEST_PLAN_YEARS = 10


def too_far_ahead(day: date, today: date) -> bool:
    return day > today + timedelta(days=365 * FURTHEST_PLAN_YEARS + FURTHEST_PLAN_YEARS // 4)



# Canada Elections Act s. 56.1(2): a general election falls on the third Monday of October
# in the fourth calendar year after the last one's polling day; s. 57(1.2): the election
# period lasts 37 to 51 days. Parliament can be dissolved sooner, so the fixed date is the
# latest an election can come, never a forecast. Deployments update the last election with
# FLASK_LAST_GENERAL_ELECTION instead of waiting for a release.
LAST_GENERAL_ELECTION = date(2025, 4, 28)
LONGEST_ELECTION_PERIOD_DAYS = 51
# After polling day the House does not sit until the new Parliament is summoned, usually
# within some weeks: nothing can be presented in that time either.
NEW_PARLIAMENT_SITS_WITHIN_DAYS = 60
# A paper petition's date before this is a mistyped year (the House of Commons first sat in 1867).
EARLIEST_PLAUSIBLE = date(1867, 11, 6)

DATE_FIELDS = ("sent_to_sponsor", "published", "closed", "presented")


@dataclass
class Dates:
    """What the organizer knows or plans. Any date may be missing."""

    kind: str = "e-petition"
    sent_to_sponsor: date | None = None  # e-petitions: when the first choice received it
    sponsor_choices: int = 1  # how many Members the petitioner named, in order
    published: date | None = None  # e-petitions: opened for signature
    open_days: int | None = None  # e-petitions: one of OPEN_PERIOD_DAYS
    closed: date | None = None  # e-petitions: closed for signature, if already known
    presented: date | None = None  # both kinds: presented in the House


@dataclass
class Deadline:
    key: str  # stable name, also the iCalendar UID's stem: "sponsor-2", "closes", "response"
    day: date
    rule: str
    passed: bool = False
    # What the detail says, as codes (timeline_copy.DETAILS), and the values they need.
    details: tuple[str, ...] = ()
    values: dict = field(default_factory=dict)


@dataclass
class Notice:
    field: str  # which entry it is about ("" for the whole form)
    severity: str  # "error": the dates cannot all be true; "warning"; "info": what to enter next
    code: str  # timeline_copy.NOTICES
    values: dict = field(default_factory=dict)  # dates, numbers and date-field names it speaks of


@dataclass
class Signatures:
    minimum: int
    advised: tuple[int, int] | None
    rule: str


@dataclass
class Timeline:
    dates: Dates
    today: date
    deadlines: list[Deadline] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    signatures: Signatures | None = None

    @property
    def errors(self) -> list[Notice]:
        return [n for n in self.notices if n.severity == "error"]

    def deadline(self, key: str) -> Deadline | None:
        return next((d for d in self.deadlines if d.key == key), None)


def sponsor_deadline(sent: date, choice: int = 1) -> date:
    """The last day choice number `choice` (1-based) can answer, if every earlier one used all its days."""
    return sent + timedelta(days=SPONSOR_DAYS * choice)


def close_date(published: date, open_days: int) -> date:
    if open_days not in OPEN_PERIOD_DAYS:
        raise ValueError(f"open period must be one of {OPEN_PERIOD_DAYS}, not {open_days}")
    return published + timedelta(days=open_days)


def response_due(presented: date) -> date:
    return presented + timedelta(days=GOVERNMENT_RESPONSE_DAYS)


def signatures_needed(kind: str) -> Signatures:
    if kind == "paper":
        return Signatures(MIN_PAPER_SIGNATURES, ADVISED_PAPER_SIGNATURES, "R-SIG-1")
    return Signatures(MIN_E_SIGNATURES, None, "R-EP-11")


def fixed_election_day(last_election: date) -> date:
    """Polling day of the next general election under the fixed-date rule."""
    october = date(last_election.year + 4, 10, 1)
    first_monday = october + timedelta(days=(7 - october.weekday()) % 7)
    return first_monday + timedelta(days=14)


def build(dates: Dates, today: date, last_election: date = LAST_GENERAL_ELECTION) -> Timeline:
    """Every deadline the entered dates allow, and a notice for each date that is missing or impossible."""
    timeline = Timeline(dates=dates, today=today, signatures=signatures_needed(dates.kind))
    add = timeline.notices.append

    if not any(getattr(dates, name) for name in DATE_FIELDS):
        add(Notice("", "info", "no-dates"))
    for name in DATE_FIELDS:
        value = getattr(dates, name)
        if value and too_far_ahead(value, today):
            add(Notice(name, "error", "too-far-ahead", {"which": name, "day": value, "years": FURTHEST_PLAN_YEARS}))
        elif value and value < EARLIEST_PLAUSIBLE:
            add(Notice(name, "error", "before-the-house", {"which": name, "day": value}))
    if timeline.errors:
        return timeline

    if dates.kind == "paper":
        ignored = [n for n in ("sent_to_sponsor", "published", "closed") if getattr(dates, n)]
        if ignored or dates.open_days:
            add(Notice("", "info", "paper-dates-ignored"))
        _presentation(timeline, earliest=None)
        return timeline

    _e_petition_checks(timeline)
    if not timeline.errors:
        close = _sponsor_and_open_period(timeline)
        _presentation(timeline, earliest=("closed", close) if close else None)
        _election_warning(timeline, last_election)
    return timeline


def _election_warning(timeline: Timeline, last_election: date) -> None:
    """R-EP-13: an e-petition still in the House's hands at dissolution is withdrawn."""
    dates = timeline.dates
    entered = [d for d in (getattr(dates, name) for name in DATE_FIELDS) if d]
    pending = [d.day for d in timeline.deadlines if d.key != "response"] + ([dates.presented] if dates.presented else [])
    if not entered or not pending:
        return
    # The election this petition's life can run into: the first fixed date on or after its first date
    # (a later Parliament's elections are assumed to keep to the fixed dates).
    polling_day = fixed_election_day(last_election)
    while polling_day + timedelta(days=NEW_PARLIAMENT_SITS_WITHIN_DAYS) < min(entered):
        polling_day = fixed_election_day(polling_day)
    earliest_dissolution = polling_day - timedelta(days=LONGEST_ELECTION_PERIOD_DAYS)
    if max(pending) < earliest_dissolution or min(pending) > polling_day + timedelta(days=NEW_PARLIAMENT_SITS_WITHIN_DAYS):
        return
    timeline.notices.append(Notice("", "warning", "election",
                                   {"polling_day": polling_day, "dissolution": earliest_dissolution}))


def _e_petition_checks(timeline: Timeline) -> None:
    dates, add = timeline.dates, timeline.notices.append
    for name in DATE_FIELDS:
        value = getattr(dates, name)
        if value and value < E_PETITIONS_BEGAN:
            add(Notice(name, "error", "before-e-petitions", {"which": name, "day": value}))
    if not 1 <= dates.sponsor_choices <= MAX_SPONSOR_CHOICES:
        add(Notice("sponsor_choices", "error", "sponsor-choices", {"max": MAX_SPONSOR_CHOICES}))
    if dates.open_days is not None and dates.open_days not in OPEN_PERIOD_DAYS:
        add(Notice("open_days", "error", "open-period", {"choices": OPEN_PERIOD_DAYS}))

    order = [(n, getattr(dates, n)) for n in DATE_FIELDS]
    known = [(n, d) for n, d in order if d]
    for (first, a), (later, b) in zip(known, known[1:]):
        if b < a:
            add(Notice(later, "error", "out-of-order", {"later": later, "later_day": b, "first": first, "first_day": a}))


def _sponsor_and_open_period(timeline: Timeline) -> date | None:
    """Adds the sponsor and open-period deadlines; returns the close date, if known."""
    dates, today, add = timeline.dates, timeline.today, timeline.notices.append

    if dates.sent_to_sponsor and not dates.published:
        sent = dates.sent_to_sponsor
        for choice in range(1, dates.sponsor_choices + 1):
            last_day = sponsor_deadline(sent, choice)
            details = ("first-choice",) if choice == 1 else ("later-choice",)
            if choice == dates.sponsor_choices:
                details += ("last-choice",)
            timeline.deadlines.append(Deadline(
                key=f"sponsor-{choice}", day=last_day, rule="R-EP-8", passed=last_day < today,
                details=details, values={"choice": choice, "days": SPONSOR_DAYS}))
        first = sponsor_deadline(sent, 1)
        if first < today:
            add(Notice("sent_to_sponsor", "warning", "first-choice-ended",
                       {"days": SPONSOR_DAYS, "ago": (today - first).days}))
    elif not dates.sent_to_sponsor and not dates.published:
        add(Notice("sent_to_sponsor", "info", "enter-sent", {"days": SPONSOR_DAYS}))

    close = dates.closed
    if dates.published and dates.open_days in OPEN_PERIOD_DAYS:
        computed = close_date(dates.published, dates.open_days)
        if dates.closed and dates.closed != computed:
            add(Notice("closed", "info", "close-date-differs",
                       {"days": dates.open_days, "computed": computed, "entered": dates.closed}))
        close = close or computed
    elif dates.published and not dates.open_days and not dates.closed:
        add(Notice("open_days", "info", "choose-open-period", {"choices": OPEN_PERIOD_DAYS}))
    elif dates.open_days and not dates.published and not dates.closed:
        add(Notice("published", "info", "enter-published"))

    if close:
        timeline.deadlines.append(Deadline(
            key="closes", day=close, rule="R-EP-6", passed=close < today,
            details=("closes",), values={"minimum": MIN_E_SIGNATURES}))
    return close


def _presentation(timeline: Timeline, earliest: tuple[str, date] | None) -> None:
    dates, today, add = timeline.dates, timeline.today, timeline.notices.append
    presented = dates.presented
    if not presented:
        add(Notice("presented", "info", "enter-presented", {"days": GOVERNMENT_RESPONSE_DAYS}))
        return
    if earliest and presented < earliest[1]:
        add(Notice("presented", "error", "presented-before-close", {"presented": presented, "closes": earliest[1]}))
        return
    due = response_due(presented)
    details = ("response",) + (("response-planned",) if presented > today else ())
    timeline.deadlines.append(Deadline(key="response", day=due, rule="R-RESP-1", passed=due < today,
                                       details=details, values={"days": GOVERNMENT_RESPONSE_DAYS}))
    if due < today:
        add(Notice("presented", "warning", "response-overdue", {"day": due, "ago": (today - due).days}))


def to_ics(timeline: Timeline, title: str, uid_stem: str, now: datetime | None = None,
           language: str | None = "en") -> bytes:
    """The deadlines as all-day events, said in `language`; `uid_stem` keeps UIDs stable across downloads
    (never a secret)."""
    from .timeline_copy import say

    said = say(timeline, language)
    copy = said.copy
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Petition Helper//Deadlines//" + copy.lang.upper())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", copy.gettext("Petition deadlines: %(title)s", title=title))
    stamp = now or datetime.now(timezone.utc)
    for deadline in said.deadlines:
        event = icalendar.Event()
        event.add("uid", f"{uid_stem}-{deadline.key}@petition-helper")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.day)
        event.add("dtend", deadline.day + timedelta(days=1))
        event.add("summary", copy.gettext("%(what)s: %(title)s", what=deadline.title, title=title))
        event.add("description", f"{deadline.detail} ({deadline.rule})".strip())
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
