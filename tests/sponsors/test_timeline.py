"""Deadline arithmetic (month ends, leap years), impossible orders, missing dates, and the .ics file."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest
from hypothesis import given, strategies as st

from petition.limits import (
    ADVISED_PAPER_SIGNATURES, GOVERNMENT_RESPONSE_DAYS, MAX_SPONSOR_CHOICES, MIN_E_SIGNATURES,
    MIN_PAPER_SIGNATURES, OPEN_PERIOD_DAYS, SPONSOR_DAYS,
)
from petition.timeline import (
    Dates, build, close_date, fixed_election_day, response_due, signatures_needed, sponsor_deadline, to_ics,
)
from petition.timeline_copy import say

TODAY = date(2028, 1, 15)


def messages(timeline, severity=None, language="en"):
    return [n.message for n in say(timeline, language).notices if severity in (None, n.severity)]


def en(timeline):
    """The timeline in English words (the engine gives codes and dates)."""
    return say(timeline, "en")


# -- arithmetic --------------------------------------------------------------------------------

def test_thirty_days_from_january_31_is_march_1_in_a_common_year_and_february_29_in_a_leap_year():
    assert sponsor_deadline(date(2027, 1, 31)) == date(2027, 3, 2)
    assert sponsor_deadline(date(2028, 1, 31)) == date(2028, 3, 1)
    assert sponsor_deadline(date(2028, 1, 30)) == date(2028, 2, 29)


def test_later_sponsor_choices_each_get_thirty_more_days():
    sent = date(2028, 1, 31)
    assert [sponsor_deadline(sent, n) for n in range(1, 6)] == [
        date(2028, 3, 1), date(2028, 3, 31), date(2028, 4, 30), date(2028, 5, 30), date(2028, 6, 29)]


def test_close_dates_for_each_open_period_across_the_leap_day():
    published = date(2028, 2, 29)
    assert [close_date(published, d) for d in OPEN_PERIOD_DAYS] == [
        date(2028, 3, 30), date(2028, 4, 29), date(2028, 5, 29), date(2028, 6, 28)]


def test_close_date_refuses_a_period_the_house_does_not_offer():
    with pytest.raises(ValueError):
        close_date(date(2028, 1, 1), 45)


def test_government_response_is_due_45_calendar_days_after_presentation():
    assert response_due(date(2028, 1, 31)) == date(2028, 3, 16)
    assert response_due(date(2028, 2, 29)) == date(2028, 4, 14)
    assert response_due(date(2027, 12, 20)) == date(2028, 2, 3)  # across the new year


@given(st.dates(min_value=date(2016, 1, 1), max_value=date(2099, 12, 31)))
def test_deadlines_are_always_whole_calendar_days_later(day):
    assert (response_due(day) - day).days == GOVERNMENT_RESPONSE_DAYS
    assert (sponsor_deadline(day, MAX_SPONSOR_CHOICES) - day).days == SPONSOR_DAYS * MAX_SPONSOR_CHOICES


def test_signatures_needed():
    online = signatures_needed("e-petition")
    paper = signatures_needed("paper")
    assert (online.minimum, online.advised) == (MIN_E_SIGNATURES, None)
    assert (paper.minimum, paper.advised) == (MIN_PAPER_SIGNATURES, ADVISED_PAPER_SIGNATURES)
    paper_text = en(build(Dates(kind="paper"), today=TODAY)).signatures.text
    assert f"collect {ADVISED_PAPER_SIGNATURES[0]} to {ADVISED_PAPER_SIGNATURES[1]}" in paper_text
    assert str(MIN_E_SIGNATURES) in en(build(Dates(), today=TODAY)).signatures.text


# -- a whole e-petition ------------------------------------------------------------------------

def test_before_publication_the_timeline_lists_each_sponsor_choice():
    timeline = build(Dates(sent_to_sponsor=date(2028, 1, 31), sponsor_choices=3), today=TODAY)
    assert [(d.key, d.day) for d in timeline.deadlines] == [
        ("sponsor-1", date(2028, 3, 1)), ("sponsor-2", date(2028, 3, 31)), ("sponsor-3", date(2028, 4, 30))]
    assert "last choice" in en(timeline).deadlines[-1].detail
    assert not timeline.errors


def test_published_petition_closes_and_is_presented():
    timeline = build(Dates(sent_to_sponsor=date(2027, 10, 1), published=date(2027, 11, 1), open_days=120,
                           presented=date(2028, 3, 10)), today=TODAY)
    assert not timeline.errors
    assert timeline.deadline("sponsor-1") is None  # a Member accepted: the petition was published
    assert timeline.deadline("closes").day == date(2028, 2, 29)
    assert timeline.deadline("response").day == date(2028, 4, 24)
    assert "This assumes it is presented on the day you planned." in en(timeline).deadline("response").detail


def test_a_passed_sponsor_deadline_says_the_request_moved_on():
    timeline = build(Dates(sent_to_sponsor=date(2027, 12, 1), sponsor_choices=2), today=TODAY)
    first = timeline.deadline("sponsor-1")
    assert first.day == date(2027, 12, 31) and first.passed
    assert not timeline.deadline("sponsor-2").passed
    assert any("ended 15 days ago" in m and "next choice" in m for m in messages(timeline, "warning"))


def test_an_overdue_government_response_is_a_warning_with_what_to_do():
    timeline = build(Dates(kind="paper", presented=date(2027, 10, 1)), today=TODAY)
    assert timeline.deadline("response").day == date(2027, 11, 15)
    assert timeline.deadline("response").passed
    [warning] = messages(timeline, "warning")
    assert "was due 61 days ago" in warning and "committee" in warning


# -- impossible and missing dates --------------------------------------------------------------

def test_published_before_it_was_sent_to_the_sponsor_is_an_error():
    timeline = build(Dates(sent_to_sponsor=date(2028, 1, 10), published=date(2028, 1, 5), open_days=30),
                     today=TODAY)
    [error] = en(timeline).errors
    assert error.field == "published"
    assert ("These dates put the publication date (Wednesday, January 5, 2028) before the date it was sent to the "
            "sponsor (Monday, January 10, 2028).") == error.message
    assert timeline.deadlines == []  # no deadline from dates that cannot both be true


def test_presented_before_it_closed_is_an_error_even_when_the_close_is_computed():
    timeline = build(Dates(published=date(2028, 1, 1), open_days=60, presented=date(2028, 2, 15)), today=TODAY)
    [error] = en(timeline).errors
    assert error.field == "presented" and "before it closes (Wednesday, March 1, 2028)" in error.message
    assert timeline.deadline("response") is None


def test_presented_before_the_entered_close_date_is_an_error():
    timeline = build(Dates(closed=date(2028, 2, 1), presented=date(2028, 1, 20)), today=TODAY)
    assert [e.field for e in timeline.errors] == ["presented"]


def test_an_open_period_the_house_does_not_offer_is_an_error_naming_the_choices():
    timeline = build(Dates(published=date(2028, 1, 1), open_days=45), today=TODAY)
    [error] = en(timeline).errors
    assert "30, 60, 90 or 120 days" in error.message


def test_more_sponsor_choices_than_the_house_allows_is_an_error():
    timeline = build(Dates(sent_to_sponsor=date(2028, 1, 1), sponsor_choices=MAX_SPONSOR_CHOICES + 1), today=TODAY)
    assert [e.field for e in timeline.errors] == ["sponsor_choices"]


def test_a_year_before_e_petitions_existed_is_caught():
    timeline = build(Dates(sent_to_sponsor=date(2008, 1, 10)), today=TODAY)
    assert "before e-petitions existed" in en(timeline).errors[0].message


def test_no_dates_at_all_asks_for_one():
    timeline = build(Dates(), today=TODAY)
    assert timeline.deadlines == [] and not timeline.errors
    assert "Enter at least one date" in messages(timeline, "info")[0]


def test_missing_dates_say_what_to_enter_next():
    published_only = build(Dates(published=date(2028, 1, 1)), today=TODAY)
    assert any("Choose the open period" in m for m in messages(published_only, "info"))
    period_only = build(Dates(open_days=90), today=TODAY)
    assert any("Enter the day the petition was published" in m for m in messages(period_only, "info"))
    assert any("presented the petition" in m for m in messages(period_only, "info"))


def test_an_entered_close_date_that_differs_from_the_period_is_kept_and_explained():
    timeline = build(Dates(published=date(2028, 1, 1), open_days=30, closed=date(2028, 1, 20)), today=TODAY)
    assert timeline.deadline("closes").day == date(2028, 1, 20)
    assert any("30 days from publication is Monday, January 31, 2028" in m for m in messages(timeline, "info"))


def test_paper_petitions_only_count_the_presentation():
    timeline = build(Dates(kind="paper", sent_to_sponsor=date(2028, 1, 1), presented=date(2028, 1, 31)),
                     today=TODAY)
    assert [d.key for d in timeline.deadlines] == ["response"]
    assert timeline.signatures.minimum == MIN_PAPER_SIGNATURES
    assert any("only the presentation date counts" in m for m in messages(timeline, "info"))


# -- iCalendar ---------------------------------------------------------------------------------

def test_the_ics_file_parses_back_to_the_same_deadlines():
    timeline = build(Dates(sent_to_sponsor=date(2028, 1, 31), sponsor_choices=2), today=TODAY)
    stamp = datetime(2028, 1, 15, 12, 0, tzinfo=timezone.utc)
    data = to_ics(timeline, "Protect the Rideau", uid_stem="draft-7", now=stamp)
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert [(str(e["uid"]), e.decoded("dtstart"), e.decoded("dtend")) for e in events] == [
        ("draft-7-sponsor-1@petition-helper", date(2028, 3, 1), date(2028, 3, 2)),
        ("draft-7-sponsor-2@petition-helper", date(2028, 3, 31), date(2028, 4, 1)),
    ]
    assert str(events[0]["summary"]) == "Sponsor choice 1: last day to accept: Protect the Rideau"
    assert "(R-EP-8)" in str(events[0]["description"])
    assert events[0].decoded("dtstamp") == stamp
    assert str(calendar["version"]) == "2.0"


def test_the_ics_file_of_a_presented_petition_holds_the_response_due_date():
    timeline = build(Dates(kind="paper", presented=date(2028, 2, 29)), today=TODAY)
    [event] = icalendar.Calendar.from_ical(to_ics(timeline, "Pétition", "d1")).walk("VEVENT")
    assert event.decoded("dtstart") == date(2028, 2, 29) + timedelta(days=GOVERNMENT_RESPONSE_DAYS)
    assert "Pétition" in str(event["summary"])


# -- the fixed-date election (R-EP-13) -----------------------------------------------------------

def test_the_fixed_election_falls_on_the_third_monday_of_october_four_years_on():
    assert fixed_election_day(date(2025, 4, 28)) == date(2029, 10, 15)
    assert fixed_election_day(date(2021, 9, 20)) == date(2025, 10, 20)
    assert fixed_election_day(date(2029, 10, 15)) == date(2033, 10, 17)


def test_a_petition_running_into_the_election_period_is_warned_it_would_be_withdrawn():
    timeline = build(Dates(published=date(2029, 6, 1), open_days=120), today=TODAY)  # closes 29 September 2029
    warning = [m for m in messages(timeline, "warning") if "R-EP-13" in m]
    assert warning and "held by Monday, October 15, 2029" in warning[0]
    assert "from Saturday, August 25, 2029" in warning[0] and "withdrawn" in warning[0]


def test_no_election_warning_before_the_window_after_the_election_or_on_paper():
    early = build(Dates(published=date(2029, 4, 1), open_days=120), today=TODAY)  # closes 30 July 2029
    after = build(Dates(published=date(2030, 1, 10), open_days=120, presented=date(2030, 6, 1)), today=TODAY)
    paper = build(Dates(kind="paper", presented=date(2029, 9, 20)), today=TODAY)
    for timeline in (early, after, paper):
        assert not [m for m in messages(timeline, "warning") if "R-EP-13" in m]
    later = build(Dates(published=date(2033, 6, 1), open_days=120), today=TODAY)  # the next Parliament's
    assert any("held by Monday, October 17, 2033" in m for m in messages(timeline=later, severity="warning"))


def test_a_deployment_can_say_when_the_last_election_was():
    timeline = build(Dates(published=date(2026, 7, 1), open_days=120), today=TODAY, last_election=date(2022, 5, 2))
    assert any("held by Monday, October 19, 2026" in m for m in messages(timeline, "warning"))


@given(
    kind=st.sampled_from(["e-petition", "paper"]),
    days=st.lists(st.one_of(st.none(), st.dates()), min_size=4, max_size=4),
    open_days=st.one_of(st.none(), st.sampled_from(OPEN_PERIOD_DAYS), st.integers(-5, 500)),
    choices=st.integers(0, 7),
)
def test_any_dates_at_all_give_a_timeline_never_an_exception(kind, days, open_days, choices):
    sent, published, closed, presented = days
    timeline = build(Dates(kind=kind, sent_to_sponsor=sent, published=published, open_days=open_days,
                           closed=closed, presented=presented, sponsor_choices=choices), today=TODAY)
    to_ics(timeline, "A petition", "uid")
    if any(d and d.year == 9999 for d in days):
        assert timeline.errors


def test_a_date_years_ahead_is_a_mistyped_year_not_a_crash():
    timeline = build(Dates(kind="paper", presented=date(9999, 12, 31)), today=TODAY)
    assert messages(timeline, "error") == [
        "The year of the presentation date (Friday, December 31, 9999) looks mistyped: it is more than 10 years away."]
    assert timeline.deadlines == []


def test_the_weeks_after_polling_day_are_warned_too_and_an_impossible_old_date_is_caught():
    after_polling = build(Dates(published=date(2029, 10, 16), open_days=30), today=TODAY)
    assert any("R-EP-13" in m for m in messages(after_polling, "warning"))
    next_spring = build(Dates(published=date(2030, 3, 1), open_days=30), today=TODAY)
    assert not any("R-EP-13" in m for m in messages(next_spring, "warning"))
    ancient = build(Dates(kind="paper", presented=date(1, 1, 1)), today=TODAY)
    assert any("before the House of Commons first sat" in m for m in messages(ancient, "error"))


# -- the words are chosen where they are shown, in the reader's language --------------------------

def test_the_same_timeline_said_in_french_with_french_dates_and_numbers():
    timeline = build(Dates(sent_to_sponsor=date(2027, 12, 1), sponsor_choices=2), today=TODAY)
    french = say(timeline, "fr")
    assert french.deadline("sponsor-1").title == "Choix de parrain 1\u00a0: dernier jour pour accepter"
    assert french.deadline("sponsor-1").day_text == "vendredi 31 décembre 2027"
    [warning] = [n.message for n in french.notices if n.severity == "warning"]
    assert "il y a 15\u00a0jours" in warning or "il y a 15 jours" in warning
    wrong_order = say(build(Dates(sent_to_sponsor=date(2028, 1, 10), published=date(2028, 1, 5), open_days=30),
                            today=TODAY), "fr")
    assert wrong_order.errors[0].message == ("Selon ces dates, la date de publication (mercredi 5 janvier 2028) "
                                             "précède la date d’envoi au parrain (lundi 10 janvier 2028).")
    online = say(build(Dates(), today=TODAY), "fr").signatures.text
    assert online.startswith("Au moins 500 signatures valides")
    period = say(build(Dates(published=date(2028, 1, 1), open_days=45), today=TODAY), "fr")
    assert "30, 60, 90 ou 120\u00a0jours" in period.errors[0].message


def test_the_ics_file_is_said_in_the_language_asked_for():
    timeline = build(Dates(kind="paper", presented=date(2028, 2, 29)), today=TODAY)
    [event] = icalendar.Calendar.from_ical(to_ics(timeline, "Protéger la rivière", "d1", language="fr")).walk("VEVENT")
    assert str(event["summary"]) == "Réponse du gouvernement attendue\u00a0: Protéger la rivière"
    assert "45\u00a0jours civils" in str(event["description"]) and "(R-RESP-1)" in str(event["description"])
