"""How long an idle draft is kept, and the command that removes the idle ones.

Drafts hold what organizers typed and the names of the Members they asked; nobody
logs in, so nobody can delete their own. A draft is idle when nothing has happened
to it for the retention period: no edit, no sponsor's answer, no printed sheets
(a paper petition can be out collecting signatures for months after its last edit).
Run `flask --app app purge-drafts` from cron; it deletes nothing unless asked.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from .db import get_session
from .models import Draft
from .models import PrintRun
from .models import SponsorResponse

DEFAULT_RETENTION_DAYS = 365


def idle_draft_ids(session: Session, cutoff: datetime) -> list[int]:
    """Drafts with no edit, answer or print run since `cutoff` (UTC)."""
    answered = exists().where(SponsorResponse.draft_id == Draft.id, SponsorResponse.created_at >= cutoff)
    printed = exists().where(PrintRun.draft_id == Draft.id,
                             func.coalesce(PrintRun.last_printed_at, PrintRun.created_at) >= cutoff)
    query = select(Draft.id).where(Draft.updated_at < cutoff, ~answered, ~printed).order_by(Draft.id)
    return list(session.scalars(query))


def purge_idle_drafts(session: Session, cutoff: datetime) -> int:
    """Delete the idle drafts with everything hanging from them (the foreign keys cascade)."""
    ids = idle_draft_ids(session, cutoff)
    if ids:
        # Versions go through the ORM relationship's cascade; answers, choices,
        # timelines and print runs through ON DELETE CASCADE.
        for draft in session.scalars(select(Draft).where(Draft.id.in_(ids))):
            session.delete(draft)
        session.flush()
    return len(ids)


@click.command("purge-drafts")
@click.option("--idle-days", type=click.IntRange(min=30), default=None,
              help=f"Delete drafts idle for this many days (default: DRAFT_RETENTION_DAYS, else {DEFAULT_RETENTION_DAYS}).")
@click.option("--yes", is_flag=True, help="Really delete; without it the command only counts.")
@with_appcontext
def purge_drafts_command(idle_days: int | None, yes: bool) -> None:
    """Count, and with --yes delete, drafts nobody has touched for the retention period."""
    days = idle_days or current_app.config["DRAFT_RETENTION_DAYS"]
    cutoff = datetime.now(timezone.utc) - timedelta(days=days)
    session = get_session()
    if not yes:
        count = len(idle_draft_ids(session, cutoff))
        click.echo(f"{count} draft(s) idle for more than {days} days; run again with --yes to delete them.")
        return
    count = purge_idle_drafts(session, cutoff)
    session.commit()
    click.echo(f"Deleted {count} draft(s) idle for more than {days} days.")
