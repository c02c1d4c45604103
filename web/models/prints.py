"""Which version of a draft went to print (the paper text is frozen once printed).

The first download of a version's signature sheets in a paper size records a PrintRun
with the draft version and the sha256 of the printed text; downloading it again only
moves its `last_printed_at`, at most once a day (a GET must not grow the database, and
the review page reads one row per version and size, not one per download). Sheets of different versions must never be combined
(a sheet must not differ from its siblings, R-PAP-3), so the review page names the
printed version and says so when the draft has changed since.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from ..db import Base
from .clock import now as _now


# A repeated download updates last_printed_at at most this often: retention counts in days.
RECORD_EVERY = timedelta(days=1)


class PrintRun(Base):
    __tablename__ = "print_runs"
    __table_args__ = (UniqueConstraint("draft_id", "draft_version", "size", name="uq_print_run_version_size"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    draft_version: Mapped[int] = mapped_column(Integer)
    text_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[str] = mapped_column(String(20))
    sheets: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # The latest download of these sheets, to the day: purge-drafts keeps a draft whose sheets are still
    # being printed, and a download on the same day writes nothing.
    last_printed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=_now)

    @classmethod
    def for_draft(cls, session: Session, draft_id: int) -> list["PrintRun"]:
        """Newest first."""
        return list(session.scalars(
            select(cls).where(cls.draft_id == draft_id).order_by(cls.created_at.desc(), cls.id.desc())))

    @classmethod
    def printed_versions(cls, session: Session, draft_id: int) -> list[int]:
        """The versions printed so far, newest print first, each once."""
        newest = func.max(func.coalesce(cls.last_printed_at, cls.created_at))
        return list(session.scalars(
            select(cls.draft_version).where(cls.draft_id == draft_id).group_by(cls.draft_version)
            .order_by(newest.desc(), cls.draft_version.desc())))

    @classmethod
    def record(cls, session: Session, draft_id: int, draft_version: int, text_sha256: str, size: str,
               sheets: int) -> bool:
        """Records a print of `draft_version` in `size`: a row the first time, then the date of the latest
        print at most once a day. True when something is to be committed (by the caller, whose session
        holds nothing else)."""
        run = session.scalar(select(cls).where(
            cls.draft_id == draft_id, cls.draft_version == draft_version, cls.size == size))
        now = _now()
        if run is None:
            session.add(cls(draft_id=draft_id, draft_version=draft_version, text_sha256=text_sha256, size=size,
                            sheets=sheets, created_at=now, last_printed_at=now))
            try:
                session.flush()
            except IntegrityError:  # the same sheets, recorded by a download running at the same moment
                session.rollback()
                return False
            return True
        last = _aware(run.last_printed_at or run.created_at)
        if now - last < RECORD_EVERY:
            return False
        run.last_printed_at = now
        return True


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes (stored in UTC).
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
