"""The deadlines the House's rules set, from the dates an organizer enters.

E-petitions: each Member named as sponsor has SPONSOR_DAYS to accept, and the request
then passes to the next of up to MAX_SPONSOR_CHOICES (R-EP-8); the petition stays open
for the period chosen from OPEN_PERIOD_DAYS (R-EP-6) and needs MIN_E_SIGNATURES
(R-EP-11). Paper petitions need MIN_PAPER_SIGNATURES, more advised (R-SIG-1). Either
way the government responds within GOVERNMENT_RESPONSE_DAYS calendar days of
presentation (R-RESP-1).

Calendar days throughout: `date + timedelta(days=n)` gets month ends and 29 February
right without any special case. No Flask here; `to_ics` gives the deadlines as an
iCalendar file.
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


def too_far_ahead_message(label: str, day: date) -> str:
    return f"The date {label} ({_day(day)}) is more than {FURTHEST_PLAN_YEARS} years away. Check the year."

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
FIELD_LABELS = {
    "sent_to_sponsor": "sent to the sponsor",
    "published": "published",
    "closed": "closed",
    "presented": "presented",
    "open_days": "open period",
    "sponsor_choices": "sponsor choices",
}


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
    key: str  # stable name, also the iCalendar UID's stem
    title: str
    day: date
    rule: str
    detail: str = ""
    passed: bool = False


@dataclass
class Notice:
    field: str  # which entry it is about ("" for the whole form)
    severity: str  # "error": the dates cannot all be true; "warning"; "info": what to enter next
    message: str


@dataclass
class Signatures:
    minimum: int
    advised: tuple[int, int] | None
    rule: str

    @property
    def text(self) -> str:
        if self.advised:
            low, high = self.advised
            return (f"At least {self.minimum} valid signatures; collect {low} to {high}, "
                    "since some are usually disqualified.")
        return f"At least {self.minimum} valid signatures by the time it closes."


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


def open_period_choices() -> str:
    """'30, 60, 90 or 120'."""
    return ", ".join(str(d) for d in OPEN_PERIOD_DAYS[:-1]) + f" or {OPEN_PERIOD_DAYS[-1]}"


def signatures_needed(kind: str) -> Signatures:
    if kind == "paper":
        return Signatures(MIN_PAPER_SIGNATURES, ADVISED_PAPER_SIGNATURES, "R-SIG-1")
    return Signatures(MIN_E_SIGNATURES, None, "R-EP-11")


def _day(d: date) -> str:
    return f"{d:%A} {d.day} {d:%B %Y}"


def _ago(d: date, today: date) -> str:
    days = (today - d).days
    return "today" if days == 0 else ("1 day ago" if days == 1 else f"{days} days ago")


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
        add(Notice("", "info", "Enter at least one date to see the deadlines that follow from it."))
    for name in DATE_FIELDS:
        value = getattr(dates, name)
        if value and too_far_ahead(value, today):
            add(Notice(name, "error", too_far_ahead_message(FIELD_LABELS[name], value)))
        elif value and value < EARLIEST_PLAUSIBLE:
            add(Notice(name, "error", f"The date {FIELD_LABELS[name]} ({_day(value)}) is before the House of "
                                      "Commons first sat. Check the year."))
    if timeline.errors:
        return timeline

    if dates.kind == "paper":
        ignored = [FIELD_LABELS[n] for n in ("sent_to_sponsor", "published", "closed") if getattr(dates, n)]
        if ignored or dates.open_days:
            add(Notice("", "info", "A paper petition has no sponsor deadline or open period: "
                                   "only the presentation date counts."))
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
    timeline.notices.append(Notice(
        "", "warning",
        f"The next general election is held by {_day(polling_day)}; Parliament can be dissolved for it from "
        f"{_day(earliest_dissolution)}, or sooner if an election is called early, and the House sits again only "
        "when the new Parliament is summoned, some weeks after polling day. In that time nothing can be submitted, "
        "presented or acted on, and an e-petition not presented by dissolution is withdrawn; it can "
        "be submitted again after the election (R-EP-13)."))


def _e_petition_checks(timeline: Timeline) -> None:
    dates, add = timeline.dates, timeline.notices.append
    for name in DATE_FIELDS:
        value = getattr(dates, name)
        if value and value < E_PETITIONS_BEGAN:
            add(Notice(name, "error", f"The date {FIELD_LABELS[name]} ({_day(value)}) is before e-petitions "
                                      "existed (December 2015). Check the year."))
    if not 1 <= dates.sponsor_choices <= MAX_SPONSOR_CHOICES:
        add(Notice("sponsor_choices", "error",
                   f"An e-petition names between 1 and {MAX_SPONSOR_CHOICES} Members as sponsor choices (R-EP-8)."))
    if dates.open_days is not None and dates.open_days not in OPEN_PERIOD_DAYS:
        add(Notice("open_days", "error", f"The open period is {open_period_choices()} days (R-EP-6)."))

    order = [(n, getattr(dates, n)) for n in DATE_FIELDS]
    known = [(n, d) for n, d in order if d]
    for (first, a), (later, b) in zip(known, known[1:]):
        if b < a:
            add(Notice(later, "error",
                       f"The petition cannot be {FIELD_LABELS[later]} ({_day(b)}) before it was "
                       f"{FIELD_LABELS[first]} ({_day(a)}). Check both dates."))


def _sponsor_and_open_period(timeline: Timeline) -> date | None:
    """Adds the sponsor and open-period deadlines; returns the close date, if known."""
    dates, today, add = timeline.dates, timeline.today, timeline.notices.append

    if dates.sent_to_sponsor and not dates.published:
        sent = dates.sent_to_sponsor
        for choice in range(1, dates.sponsor_choices + 1):
            last_day = sponsor_deadline(sent, choice)
            if choice == 1:
                detail = (f"Your first choice has {SPONSOR_DAYS} days to accept. If they decline or do not "
                          "answer, the request goes to your next choice.")
            else:
                detail = (f"If every earlier choice used its {SPONSOR_DAYS} days, choice {choice} has until "
                          "this day; it is sooner when someone declines early.")
            if choice == dates.sponsor_choices:
                detail += " This is your last choice: if they decline too, the petition goes no further."
            timeline.deadlines.append(Deadline(
                key=f"sponsor-{choice}", title=f"Sponsor choice {choice}: last day to accept",
                day=last_day, rule="R-EP-8", detail=detail, passed=last_day < today))
        first = sponsor_deadline(sent, 1)
        if first < today:
            add(Notice("sent_to_sponsor", "warning",
                       f"Your first choice's {SPONSOR_DAYS} days ended {_ago(first, today)}. If they have not "
                       "accepted, the request has passed to your next choice."))
    elif not dates.sent_to_sponsor and not dates.published:
        add(Notice("sent_to_sponsor", "info",
                   f"Enter the day your first sponsor choice received the petition to see their "
                   f"{SPONSOR_DAYS}-day deadline."))

    close = dates.closed
    if dates.published and dates.open_days in OPEN_PERIOD_DAYS:
        computed = close_date(dates.published, dates.open_days)
        if dates.closed and dates.closed != computed:
            add(Notice("closed", "info",
                       f"{dates.open_days} days from publication is {_day(computed)}, but you entered "
                       f"{_day(dates.closed)} as the close date. The entered date is used."))
        close = close or computed
    elif dates.published and not dates.open_days and not dates.closed:
        add(Notice("open_days", "info", f"Choose the open period you picked ({open_period_choices()} days) "
                                        "to see when the petition closes."))
    elif dates.open_days and not dates.published and not dates.closed:
        add(Notice("published", "info", "Enter the day the petition was published to see when it closes."))

    if close:
        timeline.deadlines.append(Deadline(
            key="closes", title="Petition closes for signature", day=close, rule="R-EP-6",
            detail=(f"It needs at least {MIN_E_SIGNATURES} valid signatures by then to be certified "
                    "and presented (R-EP-11)."),
            passed=close < today))
    return close


def _presentation(timeline: Timeline, earliest: tuple[str, date] | None) -> None:
    dates, today, add = timeline.dates, timeline.today, timeline.notices.append
    presented = dates.presented
    if not presented:
        add(Notice("presented", "info",
                   f"Enter the day a Member presented the petition to see when the government's response "
                   f"is due ({GOVERNMENT_RESPONSE_DAYS} days later)."))
        return
    if earliest and presented < earliest[1]:
        add(Notice("presented", "error",
                   f"The petition cannot be presented ({_day(presented)}) before it closes "
                   f"({_day(earliest[1])}). Check both dates."))
        return
    due = response_due(presented)
    detail = (f"The government must respond within {GOVERNMENT_RESPONSE_DAYS} calendar days of presentation. "
              "If it does not, the presenting Member may refer the failure to a committee.")
    if presented > today:
        detail += " This assumes it is presented on the day you planned."
    timeline.deadlines.append(Deadline(key="response", title="Government response due", day=due,
                                       rule="R-RESP-1", detail=detail, passed=due < today))
    if due < today:
        add(Notice("presented", "warning",
                   f"The government's response was due {_ago(due, today)} ({_day(due)}). If none was "
                   "tabled, ask the presenting Member about referring it to a committee."))


def to_ics(timeline: Timeline, title: str, uid_stem: str, now: datetime | None = None) -> bytes:
    """The deadlines as all-day events; `uid_stem` keeps UIDs stable across downloads (never a secret)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Petition Helper//Deadlines//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Petition deadlines: {title}")
    stamp = now or datetime.now(timezone.utc)
    for deadline in timeline.deadlines:
        event = icalendar.Event()
        event.add("uid", f"{uid_stem}-{deadline.key}@petition-helper")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.day)
        event.add("dtend", deadline.day + timedelta(days=1))
        event.add("summary", f"{deadline.title}: {title}")
        event.add("description", f"{deadline.detail} ({deadline.rule})".strip())
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return calendar.to_ical()
