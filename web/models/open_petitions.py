"""The e-petitions open for signature as the last `petition import-open` found them (R-SUBJ-4; web/open_petitions.py).

One row per petition and language: the House publishes each e-petition in English and French, and a draft is
compared with the version in either. An import replaces every row in one transaction.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Base
from .clock import now


class OpenEPetition(Base):
    """One e-petition open for signature, in one language."""
    __tablename__ = "open_petitions"
    __table_args__ = (UniqueConstraint("number", "language", name="uq_open_petitions_number_language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(12))
    language: Mapped[str] = mapped_column(String(2))
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=now)
