"""Stored drafts: the petition as JSON, a version number, and an immutable snapshot per version.

A draft is reached only through two unguessable links: the private edit link
(/d/<edit_token>/...) and the read-only review link for sponsors
(/r/<review_token>). Only a SHA-256 hash of the edit token is stored, so a copy
of the database does not hand out edit rights; the review token is stored as is
because the organizer's pages show the review link.

`version` starts at 1 and goes up by one on every content change. Forms carry
the version they were loaded from and `Draft.save` refuses a stale one
(`StaleDraft`), so two tabs never silently overwrite each other.

A version's petition is kept in `DraftVersion` while something refers to it:
every version printed (sheets of one version must never be mixed with another's),
answered by a sponsor ("ready on version 3"), or marked ready, and the latest
KEEP_LATEST_VERSIONS (undo, a sponsor still reading an older tab). Each save
thins the rest, so a draft saved thousands of times stores a few dozen snapshots,
and the stored versions of one draft may take at most VERSION_BUDGET_BYTES: past
that the save is refused (`VersionBudgetExceeded`) with the typed text on screen.
"""
from __future__ import annotations

import copy
import hashlib
import secrets
from datetime import date, datetime

from sqlalchemy import (
    JSON, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, cast, delete, func, select, update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, object_session, relationship

from petition.fingerprint import label_for
from petition.model import Petition

from ..db import Base
from .clock import now as _now

TOKEN_BYTES = 32  # 256 bits; the brief asks for at least 128
# Besides every version printed, answered or marked ready.
KEEP_LATEST_VERSIONS = 10
# Bytes of stored snapshots (their JSON) per draft. A petition with every field full of emoji is about
# 373 KB, so this holds more than a dozen such versions pinned by prints and answers; a usual draft's
# version is a few KB.
VERSION_BUDGET_BYTES = 5_000_000


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class StaleDraft(Exception):
    """The draft changed (another tab, another device) since the form was loaded."""

    def __init__(self, draft: "Draft", expected_version: int):
        super().__init__(f"draft {draft.id} is at version {draft.version}, the form was loaded at {expected_version}")
        self.draft = draft
        self.expected_version = expected_version


class FrozenDraft(Exception):
    """The draft was sent to the House's supporters: its text may no longer change (R-EP-7)."""

    def __init__(self, draft: "Draft"):
        super().__init__(f"draft {draft.id} was sent to supporters; its text is frozen")
        self.draft = draft


class VersionBudgetExceeded(Exception):
    """Keeping one more version would take the draft's stored versions past VERSION_BUDGET_BYTES."""

    def __init__(self, stored_bytes: int, budget: int):
        super().__init__(f"stored versions would take {stored_bytes} bytes, the budget is {budget}")
        self.stored_bytes = stored_bytes
        self.budget = budget


class Draft(Base):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    edit_token_hash: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    review_token: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    kind: Mapped[str] = mapped_column(String(20))
    language: Mapped[str] = mapped_column(String(5))
    petition_data: Mapped[dict] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # What the organizer pasted, and what the reader removed or noted while converting it.
    source_text: Mapped[str | None] = mapped_column(Text, default=None)
    conversion: Mapped[dict | None] = mapped_column(JSON, default=None)
    # The version the organizer declared ready (no errors, warnings acknowledged).
    ready_version: Mapped[int | None] = mapped_column(Integer, default=None)
    # When the organizer said the e-petition went to its supporters on the House's site: from then on the
    # House forbids any change to the text (R-EP-7), so `save` refuses one and a copy takes the edits.
    sent_to_supporters_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # The organizer's own details, entered in the settings step. They are not the petition: they go on the
    # organizer's documents (the PDFs' headers, the volunteer instructions), never on the petition sheets
    # (R-ATT-1), and changing them makes no new version of the text. `name` is the organizer's label for the
    # draft (label() when empty); the other three tell volunteers when and where the signed sheets go back.
    name: Mapped[str | None] = mapped_column(String(120), default=None)
    organizer_contact: Mapped[str | None] = mapped_column(Text, default=None)
    return_date: Mapped[date | None] = mapped_column(Date, default=None)
    return_address: Mapped[str | None] = mapped_column(Text, default=None)

    versions: Mapped[list["DraftVersion"]] = relationship(
        back_populates="draft", order_by="DraftVersion.number", cascade="all, delete-orphan"
    )

    @property
    def petition(self) -> Petition:
        # A deep copy: editing the returned petition must not change the stored JSON in place
        # (save() would then see no change, and SQLAlchemy would not notice the mutation).
        return Petition.from_dict(copy.deepcopy(self.petition_data))

    @property
    def is_ready(self) -> bool:
        return self.ready_version is not None and self.ready_version == self.version

    @property
    def is_frozen(self) -> bool:
        return self.sent_to_supporters_at is not None

    @property
    def status(self) -> str:
        """"sent" (to the e-petition's supporters: frozen), "ready" (this version marked ready) or "draft"."""
        if self.is_frozen:
            return "sent"
        return "ready" if self.is_ready else "draft"

    def label(self) -> str:
        """The draft's name, or when it has none a label made from its request (the first words of what it
        asks for), or from its addressee line when it asks nothing yet. Never empty."""
        if (self.name or "").strip():
            return self.name.strip()
        return label_for(self.petition)  # petition.fingerprint

    @classmethod
    def create(
        cls,
        session: Session,
        petition: Petition,
        source_text: str | None = None,
        conversion: dict | None = None,
    ) -> tuple["Draft", str]:
        """Add a new draft at version 1; returns it and its edit token (the only time the token exists)."""
        token = new_token()
        data = petition.to_dict()
        draft = cls(
            edit_token_hash=hash_token(token),
            review_token=new_token(),
            kind=petition.kind,
            language=petition.language,
            petition_data=data,
            version=1,
            source_text=source_text,
            conversion=conversion,
        )
        draft.versions.append(DraftVersion(number=1, petition_data=data))
        session.add(draft)
        return draft, token

    @classmethod
    def by_edit_token(cls, session: Session, token: str) -> "Draft | None":
        if not token or len(token) > 128:
            return None
        return session.scalar(select(cls).where(cls.edit_token_hash == hash_token(token)))

    @classmethod
    def by_review_token(cls, session: Session, token: str) -> "Draft | None":
        if not token or len(token) > 128:
            return None
        return session.scalar(select(cls).where(cls.review_token == token))

    def save(self, session: Session, petition: Petition, expected_version: int) -> bool:
        """Store `petition` as the next version, unless it is unchanged.

        Raises FrozenDraft when the draft was sent to supporters and the text would change (an unchanged
        save goes through: moving between steps still works). Raises StaleDraft when the draft is no longer
        at `expected_version`. The
        UPDATE is conditional on the version, so two requests racing past the
        first check cannot both win. The caller commits (one transaction per save).
        """
        data = petition.to_dict()
        if data == self.petition_data:
            return False
        if self.is_frozen:
            raise FrozenDraft(self)
        if expected_version != self.version:
            raise StaleDraft(self, expected_version)
        new_version = expected_version + 1
        result = session.execute(
            update(Draft)
            .where(Draft.id == self.id, Draft.version == expected_version,
                   Draft.sent_to_supporters_at.is_(None))
            .values(
                petition_data=data,
                kind=petition.kind,
                language=petition.language,
                version=new_version,
                updated_at=_now(),
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            session.rollback()
            session.refresh(self)
            if self.is_frozen:  # sent to supporters by another request meanwhile
                raise FrozenDraft(self)
            raise StaleDraft(self, expected_version)
        session.add(DraftVersion(draft_id=self.id, number=new_version, petition_data=data))
        session.flush()
        session.refresh(self)
        # Raises VersionBudgetExceeded; the caller rolls the whole save back.
        thin_versions(session, self)
        return True

    def mark_sent_to_supporters(self, session: Session) -> bool:
        """Freezes the text at the current version, once; False if it was already sent.

        Only a version marked ready can be sent (the caller says so otherwise). Conditional on the version
        still being the ready one, so a save racing in cannot slip between the check and the freeze."""
        if self.is_frozen:
            return False
        result = session.execute(
            update(Draft)
            .where(Draft.id == self.id, Draft.version == self.version, Draft.ready_version == self.version,
                   Draft.sent_to_supporters_at.is_(None))
            .values(sent_to_supporters_at=_now())
            .execution_options(synchronize_session=False)
        )
        session.refresh(self)
        return result.rowcount == 1

    def copy_as_new(self, session: Session) -> tuple["Draft", str]:
        """A new draft (new links, version 1) holding this draft's petition, both language versions included:
        where the edits of a frozen draft go. Returns it and its edit token, shown once as on creation."""
        return Draft.create(session, self.petition, source_text=self.source_text, conversion=self.conversion)

    def snapshot(self, number: int) -> Petition | None:
        """The petition as it stood at version `number`, or None if that version is not (or no longer) kept."""
        if number == self.version:
            return self.petition
        if not 1 <= number < self.version:  # also keeps a 30-digit number out of the SQL
            return None
        session = object_session(self)
        data = session.scalar(select(DraftVersion.petition_data).where(
            DraftVersion.draft_id == self.id, DraftVersion.number == number)) if session else None
        return Petition.from_dict(copy.deepcopy(data)) if data is not None else None


def pinned_versions(session: Session, draft: "Draft") -> set[int]:
    """The versions that must stay stored: printed, answered by a sponsor, marked ready, and the current one."""
    from .prints import PrintRun
    from .sponsors import SponsorResponse

    pinned = {draft.version}
    pinned.update(session.scalars(select(PrintRun.draft_version).where(PrintRun.draft_id == draft.id)))
    pinned.update(session.scalars(
        select(SponsorResponse.draft_version).where(SponsorResponse.draft_id == draft.id)))
    if draft.ready_version is not None:
        pinned.add(draft.ready_version)
    return pinned


def stored_version_sizes(session: Session, draft_id: int) -> dict[int, int]:
    """Version number -> bytes of its stored snapshot (JSON text; SQLAlchemy writes it ASCII-escaped)."""
    size = func.length(cast(DraftVersion.petition_data, Text))
    return dict(session.execute(select(DraftVersion.number, size).where(DraftVersion.draft_id == draft_id)).all())


def thin_versions(session: Session, draft: "Draft", *, keep_latest: int | None = None,
                  budget: int | None = None) -> list[int]:
    """Delete the snapshots nothing refers to beyond the latest `keep_latest`; returns the numbers deleted.

    Over `budget`, the unpinned recent ones go too, oldest first; if the pinned ones alone are over it,
    raises VersionBudgetExceeded (nothing is deleted: the caller rolls back)."""
    keep_latest = KEEP_LATEST_VERSIONS if keep_latest is None else keep_latest
    budget = VERSION_BUDGET_BYTES if budget is None else budget
    sizes = stored_version_sizes(session, draft.id)
    pinned = pinned_versions(session, draft)
    latest = set(sorted(sizes, reverse=True)[:keep_latest])
    keep = {n for n in sizes if n in pinned or n in latest}
    for number in sorted(keep - pinned):
        if sum(sizes[n] for n in keep) <= budget:
            break
        keep.discard(number)
    total = sum(sizes[n] for n in keep)
    if total > budget:
        raise VersionBudgetExceeded(total, budget)
    gone = sorted(set(sizes) - keep)
    if gone:
        session.execute(delete(DraftVersion).where(DraftVersion.draft_id == draft.id,
                                                   DraftVersion.number.in_(gone)))
        session.expire(draft, ["versions"])
    return gone


class DraftVersion(Base):
    """The petition as it stood at one version of a draft. Never updated."""

    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("draft_id", "number", name="uq_draft_version_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    petition_data: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)

    draft: Mapped[Draft] = relationship(back_populates="versions")
