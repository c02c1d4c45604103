"""Bounded growth: versions thinned with a size budget per draft, one sponsor answer per version with a bounded
history, and paper downloads that do not write a row each. Real SQLite through the models and the test client."""
from __future__ import annotations

import html

from sqlalchemy import func, select

from forms.limits import MAX_CLAUSE_CHARS, MAX_CLAUSES, MAX_PRAYER_CHARS
from petition.model import Addressee, Petition
from web.models import drafts
from web.db import get_session
from web.models import KEEP_LATEST_VERSIONS, Draft, DraftVersion, VersionBudgetExceeded, stored_version_sizes
from web.models import PrintRun
from web.models import MAX_ANSWERS_KEPT, SponsorResponse


def _petition(prayer: str) -> Petition:
    return Petition(addressee=Addressee(kind="house"), grievances=["The canal needs repairs"], prayer=prayer)


def _full_petition(mark: int) -> Petition:
    """Every field at its limit, in emoji: the costliest version to store (about 373 KB of JSON)."""
    clause = "\U0001F600" * (MAX_CLAUSE_CHARS - 6) + f"{mark:06d}"
    return Petition(addressee=Addressee(kind="house"), grievances=[clause] * MAX_CLAUSES,
                    prayer="\U0001F600" * (MAX_PRAYER_CHARS - 6) + f"{mark:06d}")


def _stored(session, draft) -> list[int]:
    return list(session.scalars(select(DraftVersion.number).where(DraftVersion.draft_id == draft.id)
                                .order_by(DraftVersion.number)))


def test_many_saves_keep_only_the_latest_versions(app):
    with app.app_context():
        session = get_session()
        draft, _ = Draft.create(session, _petition("v1"))
        session.commit()
        for number in range(2, 51):
            draft.save(session, _petition(f"v{number}"), number - 1)
            session.commit()
        assert draft.version == 50
        assert _stored(session, draft) == list(range(51 - KEEP_LATEST_VERSIONS, 51))
        assert draft.snapshot(45).prayer == "v45"
        assert draft.snapshot(3) is None  # thinned: nothing refers to it


def test_answered_printed_and_ready_versions_are_kept_for_good(app):
    with app.app_context():
        session = get_session()
        draft, _ = Draft.create(session, _petition("v1"))
        session.commit()
        for number in range(2, 8):
            draft.save(session, _petition(f"v{number}"), number - 1)
            session.commit()
        SponsorResponse.record(session, draft.id, 3, "changes", comment="Cite the report")
        session.add(PrintRun(draft_id=draft.id, draft_version=5, text_sha256="0" * 64, size="letter", sheets=3))
        draft.ready_version = 7
        session.commit()
        for number in range(8, 40):
            draft.save(session, _petition(f"v{number}"), number - 1)
            session.commit()
        stored = _stored(session, draft)
        assert {3, 5, 7} <= set(stored)
        assert len(stored) == 3 + KEEP_LATEST_VERSIONS
        assert (draft.snapshot(3).prayer, draft.snapshot(5).prayer, draft.snapshot(7).prayer) == ("v3", "v5", "v7")


def test_a_full_draft_saved_many_times_stays_within_the_budget(app):
    with app.app_context():
        session = get_session()
        draft, _ = Draft.create(session, _full_petition(1))
        session.commit()
        for number in range(2, 31):
            draft.save(session, _full_petition(number), number - 1)
            session.commit()
        sizes = stored_version_sizes(session, draft.id)
        assert 300_000 < sizes[30] < 450_000  # one full version
        assert sum(sizes.values()) <= drafts.VERSION_BUDGET_BYTES
        assert len(sizes) <= KEEP_LATEST_VERSIONS


def test_past_the_budget_a_save_is_refused_with_the_text_kept(app, client, monkeypatch):
    # The budget is the point here, not the size of a real full draft: a small one is reached in a few saves.
    monkeypatch.setattr(drafts, "VERSION_BUDGET_BYTES", 3_000)
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, _petition("v1"))
        session.commit()
        for number in range(2, 40):
            before = draft.version
            try:
                draft.save(session, _petition(f"v{number} " + "x" * 400), before)
            except VersionBudgetExceeded:
                session.rollback()
                break
            # Every version printed: all of them must stay.
            session.add(PrintRun(draft_id=draft.id, draft_version=draft.version, text_sha256="0" * 64,
                                 size="letter", sheets=3))
            session.commit()
        else:
            raise AssertionError("the budget was never reached")
        version = Draft.by_edit_token(session, token).version
    typed = "repair the canal before the spring thaw " + "y" * 300
    response = client.post(f"/d/{token}/prayer", data={"prayer": typed, "version": str(version)})
    assert response.status_code == 409
    page = html.unescape(response.get_data(as_text=True))
    assert typed in page and "cannot keep another version" in page
    with app.app_context():
        assert Draft.by_edit_token(get_session(), token).version == version


def test_a_new_answer_on_the_same_version_replaces_the_old_one(app, client):
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, _petition("v1"))
        session.commit()
        review = draft.review_token
    client.post(f"/r/{review}/answer", data={"answer": "changes", "comment": "Cite the report", "version": "1"})
    client.post(f"/r/{review}/answer", data={"answer": "ready", "comment": "", "version": "1"})
    with app.app_context():
        [answer] = SponsorResponse.for_draft(get_session(), draft.id)
        assert (answer.answer, answer.draft_version) == ("ready", 1)
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert "Ready to sponsor or present" in page and "Cite the report" not in page


def test_a_flood_of_answers_keeps_the_organizers_page_small(app, client):
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, _petition("v1"))
        session.commit()
        for number in range(2, 21):
            draft.save(session, _petition(f"v{number}"), number - 1)
            session.commit()
        review = draft.review_token
    sizes = []
    sponsor = app.test_client()  # another browser: its "thank you" notices stay in its own session
    for number in range(400):
        version = 1 + number % 20
        sponsor.post(f"/r/{review}/answer",
                    data={"answer": "changes", "comment": f"Comment {number} " + "z" * 500, "version": str(version)})
        if number + 1 in (20, 400):
            sizes.append(len(client.get(f"/d/{token}/sponsors").get_data()))
    with app.app_context():
        session = get_session()
        assert session.scalar(select(func.count()).select_from(SponsorResponse)) == MAX_ANSWERS_KEPT
        kept = SponsorResponse.for_draft(session, draft.id)
        assert kept[0].comment.startswith("Comment 399 ")  # the newest answers win
    # After 400 answers the page is no bigger than after 20: it shows the kept ten either way.
    after_20, after_400 = sizes
    assert after_400 <= after_20 * 1.05


def test_downloading_the_same_sheets_again_writes_no_row(app, client):
    petition = _petition("repair the canal")
    petition.kind = "paper"
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, petition)
        session.commit()
    hashes = {client.get(f"/d/{token}/paper.pdf?size=letter&sheets={n}").headers["X-Petition-Text-SHA256"]
              for n in (1, 2, 1)}
    assert len(hashes) == 1  # the same text, whatever the number of pages
    assert client.get(f"/d/{token}/paper.pdf?size=legal").status_code == 200
    with app.app_context():
        session = get_session()
        runs = PrintRun.for_draft(session, draft.id)
        assert sorted((r.draft_version, r.size) for r in runs) == [(1, "legal"), (1, "letter")]
        assert PrintRun.printed_versions(session, draft.id) == [1]
    assert "Version 1 has been printed" in client.get(f"/d/{token}/review").get_data(as_text=True)


def test_sheets_downloaded_again_on_a_later_day_keep_the_draft_from_purging(app, client):
    from datetime import datetime, timedelta, timezone

    from web.retention import idle_draft_ids

    petition = _petition("repair the canal")
    petition.kind = "paper"
    long_ago = datetime.now(timezone.utc) - timedelta(days=400)
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, petition)
        session.flush()
        draft.created_at = draft.updated_at = long_ago
        session.add(PrintRun(draft_id=draft.id, draft_version=1, text_sha256="0" * 64, size="letter", sheets=3,
                             created_at=long_ago, last_printed_at=long_ago))
        session.commit()
        cutoff = datetime.now(timezone.utc) - timedelta(days=365)
        assert idle_draft_ids(session, cutoff) == [draft.id]
    assert client.get(f"/d/{token}/paper.pdf?size=letter").status_code == 200
    with app.app_context():
        session = get_session()
        [run] = PrintRun.for_draft(session, draft.id)
        assert run.created_at.year == long_ago.year and run.last_printed_at.date() == datetime.now(timezone.utc).date()
        assert idle_draft_ids(session, cutoff) == []
