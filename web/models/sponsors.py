"""What the sponsor side stores about a draft: the Members asked, their answers, and the dates entered.

- `SponsorChoice`: for an e-petition, the Members the petitioner names as sponsor, in order
  (up to MAX_SPONSOR_CHOICES, R-EP-8); for a paper petition, the first one is the Member
  asked to present it (R-PRES-1), whose office receives the signed sheets.
- `SponsorResponse`: an answer given through the review link, with the draft version it
  was given on, so the organizer can tell when the draft changed since. One per version:
  a new answer on the same version replaces the earlier one, and only the latest
  MAX_ANSWERS_KEPT are kept, so a review link cannot grow the organizer's page without end.
- `TimelineDates`: what the organizer entered on the timeline page (one row per draft).
"""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from petition.limits import MAX_SPONSOR_CHOICES
from petition.timeline import Dates

from forms.answers import ANSWERS

from ..db import Base
from .clock import now as _now

# Answers kept per draft (each on a different version; the newest win).
MAX_ANSWERS_KEPT = 10

class SponsorChoice(Base):
    __tablename__ = "sponsor_choices"
    __table_args__ = (UniqueConstraint("draft_id", "position", name="uq_sponsor_choice_position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # 1 = asked first
    name: Mapped[str] = mapped_column(String(200))
    riding: Mapped[str] = mapped_column(String(200), default="")
    party: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str] = mapped_column(String(500), default="")
    # The office signed sheets and the cover letter go to; lines separated by "\n".
    office_postal: Mapped[str] = mapped_column(Text, default="")
    office_tel: Mapped[str] = mapped_column(String(100), default="")
    source: Mapped[str] = mapped_column(String(20), default="typed")  # "represent" or "typed"
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    @classmethod
    def for_draft(cls, session: Session, draft_id: int) -> list["SponsorChoice"]:
        return list(session.scalars(select(cls).where(cls.draft_id == draft_id).order_by(cls.position)))

    @classmethod
    def add(cls, session: Session, draft_id: int, **fields) -> "SponsorChoice | None":
        """Appends a choice; None when the list is full or the Member is already on it."""
        choices = cls.for_draft(session, draft_id)
        if len(choices) >= MAX_SPONSOR_CHOICES:
            return None
        key = (fields.get("name", "").casefold(), fields.get("riding", "").casefold())
        if any((c.name.casefold(), c.riding.casefold()) == key for c in choices):
            return None
        choice = cls(draft_id=draft_id, position=len(choices) + 1, **fields)
        session.add(choice)
        session.flush()
        return choice

    @classmethod
    def renumber(cls, session: Session, ordered: list["SponsorChoice"]) -> None:
        """Stores `ordered` as positions 1..n (two passes, so the unique constraint never trips)."""
        for offset, choice in enumerate(ordered, start=1):
            choice.position = -offset
        session.flush()
        for offset, choice in enumerate(ordered, start=1):
            choice.position = offset
        session.flush()

    def to_dict(self) -> dict:
        return {"position": self.position, "name": self.name, "riding": self.riding, "party": self.party,
                "email": self.email, "url": self.url, "office_postal": self.office_postal,
                "office_tel": self.office_tel, "source": self.source}


class SponsorResponse(Base):
    __tablename__ = "sponsor_responses"
    # One answer per version: two answers racing on the same version cannot both be stored (see record()).
    __table_args__ = (UniqueConstraint("draft_id", "draft_version", name="uq_sponsor_response_version"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    draft_version: Mapped[int] = mapped_column(Integer)
    answer: Mapped[str] = mapped_column(String(20))  # a key of ANSWERS
    comment: Mapped[str] = mapped_column(Text, default="")
    # Who answered, as they chose to sign it ("Office of ..."); no accounts exist.
    responder: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    @property
    def answer_label(self) -> str:
        return str(ANSWERS.get(self.answer, self.answer))

    @classmethod
    def for_draft(cls, session: Session, draft_id: int) -> list["SponsorResponse"]:
        """Newest first."""
        return list(session.scalars(
            select(cls).where(cls.draft_id == draft_id).order_by(cls.created_at.desc(), cls.id.desc())
            .limit(MAX_ANSWERS_KEPT)))

    @classmethod
    def latest(cls, session: Session, draft_id: int) -> "SponsorResponse | None":
        """The answer sent last through the draft's review link: the one that link's page shows."""
        return session.scalar(select(cls).where(cls.draft_id == draft_id)
                              .order_by(cls.created_at.desc(), cls.id.desc()).limit(1))

    @classmethod
    def on_version(cls, session: Session, draft_id: int, draft_version: int) -> "SponsorResponse | None":
        return session.scalar(select(cls).where(cls.draft_id == draft_id, cls.draft_version == draft_version))

    @classmethod
    def record(cls, session: Session, draft_id: int, draft_version: int, answer: str, comment: str = "",
               responder: str = "") -> "SponsorResponse":
        """Stores the answer on `draft_version`, replacing an earlier one on that version, and drops the
        oldest answers past MAX_ANSWERS_KEPT. The caller commits; its session holds nothing else."""
        for attempt in (1, 2):
            response = session.scalar(
                select(cls).where(cls.draft_id == draft_id, cls.draft_version == draft_version))
            if response is None:
                response = cls(draft_id=draft_id, draft_version=draft_version)
                session.add(response)
            response.answer, response.comment, response.responder = answer, comment, responder
            response.created_at = _now()
            try:
                session.flush()
                break
            except IntegrityError:  # another answer on this version was stored meanwhile: replace it
                session.rollback()
                if attempt == 2:
                    raise
        older = select(cls.id).where(cls.draft_id == draft_id).order_by(
            cls.created_at.desc(), cls.id.desc()).offset(MAX_ANSWERS_KEPT)
        stale = list(session.scalars(older))
        if stale:
            session.execute(delete(cls).where(cls.id.in_(stale)))
        return response


class TimelineDates(Base):
    __tablename__ = "timeline_dates"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), unique=True)
    sent_to_sponsor: Mapped[date | None] = mapped_column(Date, default=None)
    published: Mapped[date | None] = mapped_column(Date, default=None)
    open_days: Mapped[int | None] = mapped_column(Integer, default=None)
    closed: Mapped[date | None] = mapped_column(Date, default=None)
    presented: Mapped[date | None] = mapped_column(Date, default=None)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, onupdate=_now)

    @classmethod
    def for_draft(cls, session: Session, draft_id: int) -> "TimelineDates | None":
        return session.scalar(select(cls).where(cls.draft_id == draft_id))

    def dates(self, kind: str, sponsor_choices: int) -> Dates:
        return Dates(kind=kind, sent_to_sponsor=self.sent_to_sponsor, sponsor_choices=sponsor_choices,
                     published=self.published, open_days=self.open_days, closed=self.closed,
                     presented=self.presented)
