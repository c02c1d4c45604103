"""Revision 0002 folds the rows that the unique constraints would refuse: repeated answers on one version and
repeated downloads of the same sheets (as versions up to 0001 stored them), then refuses new duplicates."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from web.migrate import upgrade_database


def _at(day: int) -> str:
    return datetime(2026, 11, day, 12, tzinfo=timezone.utc).isoformat(sep=" ")


def test_duplicates_from_before_are_folded_and_new_ones_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    upgrade_database(url, "0001")
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO drafts (id, edit_token_hash, review_token, kind, language, petition_data, version, "
            "created_at, updated_at) VALUES (1, 'h', 'r', 'paper', 'en', '{}', 2, :t, :t)"), {"t": _at(1)})
        for id_, version, answer, day in ((1, 1, "changes", 2), (2, 1, "ready", 3), (3, 2, "ready", 4)):
            connection.execute(text(
                "INSERT INTO sponsor_responses (id, draft_id, draft_version, answer, comment, responder, created_at) "
                "VALUES (:id, 1, :v, :a, '', '', :t)"), {"id": id_, "v": version, "a": answer, "t": _at(day)})
        for id_, size, day in ((1, "letter", 2), (2, "letter", 9), (3, "letter", 5), (4, "legal", 6)):
            connection.execute(text(
                "INSERT INTO print_runs (id, draft_id, draft_version, text_sha256, size, sheets, created_at) "
                "VALUES (:id, 1, 1, 'x', :s, 3, :t)"), {"id": id_, "s": size, "t": _at(day)})
    upgrade_database(url)
    with engine.begin() as connection:
        answers = connection.execute(text(
            "SELECT draft_version, answer FROM sponsor_responses ORDER BY draft_version")).all()
        assert [tuple(row) for row in answers] == [(1, "ready"), (2, "ready")]  # the newest on version 1
        runs = connection.execute(text(
            "SELECT id, size, last_printed_at FROM print_runs ORDER BY id")).all()
        assert [(row[0], row[1]) for row in runs] == [(1, "letter"), (4, "legal")]
        assert str(runs[0][2]).startswith("2026-11-09")  # the latest download of the letter sheets
    with pytest.raises(IntegrityError):
        with engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO sponsor_responses (draft_id, draft_version, answer, comment, responder, created_at) "
                "VALUES (1, 2, 'changes', '', '', :t)"), {"t": _at(10)})
    engine.dispose()
