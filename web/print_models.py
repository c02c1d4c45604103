"""Which version of a draft went to print (the paper text is frozen once printed).

Every download of signature sheets adds a PrintRun with the draft version and the
sha256 of the printed text. Sheets of different versions must never be combined
(a sheet must not differ from its siblings, R-PAP-3), so the review page names the
printed version and says so when the draft has changed since.
"""
from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import DateTime, ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from .db import Base


def _now() -> datetime:
    return datetime.now(timezone.utc)


class PrintRun(Base):
    __tablename__ = "print_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    draft_version: Mapped[int] = mapped_column(Integer)
    text_sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[str] = mapped_column(String(20))
    sheets: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    @classmethod
    def for_draft(cls, session: Session, draft_id: int) -> list["PrintRun"]:
        """Newest first."""
        return list(session.scalars(
            select(cls).where(cls.draft_id == draft_id).order_by(cls.created_at.desc(), cls.id.desc())))

    @classmethod
    def printed_versions(cls, session: Session, draft_id: int) -> list[int]:
        """The versions printed so far, newest print first, each once."""
        seen: list[int] = []
        for run in cls.for_draft(session, draft_id):
            if run.draft_version not in seen:
                seen.append(run.draft_version)
        return seen
