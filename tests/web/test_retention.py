"""Idle drafts are counted, then deleted on request, with everything that hangs from them (real SQLite)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from petition.model import Addressee, Petition
from web.db import get_session
from web.models import Draft, DraftVersion
from web.models import PrintRun
from web.models import SponsorChoice, SponsorResponse

NOW = datetime.now(timezone.utc)


def _draft(session, *, idle_days: int) -> tuple[Draft, str]:
    draft, token = Draft.create(session, Petition(addressee=Addressee(kind="house"), prayer="act on rent"))
    session.flush()
    draft.updated_at = NOW - timedelta(days=idle_days)
    return draft, token


def test_only_drafts_idle_past_the_period_are_deleted_with_their_rows(app, runner):
    with app.app_context():
        session = get_session()
        old, old_token = _draft(session, idle_days=400)
        SponsorChoice.add(session, old.id, name="Dana Whitfield", riding="Ottawa Centre")
        recent, _ = _draft(session, idle_days=10)
        answered, _ = _draft(session, idle_days=400)  # edited long ago, but a sponsor answered last month
        session.add(SponsorResponse(draft_id=answered.id, draft_version=1, answer="ready",
                                    created_at=NOW - timedelta(days=30)))
        printed, _ = _draft(session, idle_days=400)  # sheets printed last week: out collecting signatures
        session.add(PrintRun(draft_id=printed.id, draft_version=1, size="letter", sheets=10, text_sha256="0" * 64,
                             created_at=NOW - timedelta(days=7)))
        session.commit()
        old_id = old.id

    counted = runner.invoke(args=["purge-drafts"])
    assert counted.exit_code == 0 and "1 draft(s) idle for more than 365 days" in counted.output
    with app.app_context():
        assert get_session().scalar(select(func.count()).select_from(Draft)) == 4  # counting deletes nothing

    deleted = runner.invoke(args=["purge-drafts", "--yes"])
    assert deleted.exit_code == 0 and "Deleted 1 draft(s)" in deleted.output, deleted.output
    with app.app_context():
        session = get_session()
        assert Draft.by_edit_token(session, old_token) is None
        assert session.scalar(select(func.count()).select_from(Draft)) == 3
        for model in (DraftVersion, SponsorChoice):
            assert session.scalar(select(func.count()).select_from(model).where(model.draft_id == old_id)) == 0
    assert app.test_client().get(f"/d/{old_token}/prayer").status_code == 404


def test_the_period_comes_from_the_option_or_the_environment_and_has_a_floor(app, runner, monkeypatch):
    with app.app_context():
        session = get_session()
        _draft(session, idle_days=100)
        session.commit()
    assert "1 draft(s) idle for more than 90 days" in runner.invoke(args=["purge-drafts", "--idle-days", "90"]).output
    app.config["DRAFT_RETENTION_DAYS"] = 60
    assert "1 draft(s) idle for more than 60 days" in runner.invoke(args=["purge-drafts"]).output
    too_short = runner.invoke(args=["purge-drafts", "--idle-days", "1"])
    assert too_short.exit_code == 2 and "30" in too_short.output
