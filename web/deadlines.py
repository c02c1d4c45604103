"""A draft's timeline from the dates entered: shared by the timeline page and the hand-off page (not a blueprint).

The engine (petition/timeline.py) gives codes and dates; each page says them in the screens' language.
"""
from __future__ import annotations

from datetime import date

from flask import current_app

from petition import timeline as deadlines
from petition.limits import MAX_SPONSOR_CHOICES

from .db import get_session
from .models import Draft, SponsorChoice, TimelineDates


def draft_timeline(draft: Draft, stored: TimelineDates | None, today: date):
    count = len(SponsorChoice.for_draft(get_session(), draft.id)) or 1
    dates = stored.dates(draft.kind, min(count, MAX_SPONSOR_CHOICES)) if stored else \
        deadlines.Dates(kind=draft.kind, sponsor_choices=min(count, MAX_SPONSOR_CHOICES))
    return deadlines.build(dates, today, last_election=last_election())


def last_election() -> date:
    """FLASK_LAST_GENERAL_ELECTION (YYYY-MM-DD) after an election; a typo falls back to the built-in date."""
    value = current_app.config.get("LAST_GENERAL_ELECTION")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else deadlines.LAST_GENERAL_ELECTION
    except ValueError:
        current_app.logger.warning("LAST_GENERAL_ELECTION=%r is not a YYYY-MM-DD date; using %s",
                                   value, deadlines.LAST_GENERAL_ELECTION)
        return deadlines.LAST_GENERAL_ELECTION
