"""Stored drafts: tokens, versions, snapshots and stale-save refusal, on a real SQLite file."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from petition.model import Addressee, Petition
from web.db import get_session
from web.models import Draft, DraftVersion, StaleDraft, hash_token


def _petition(prayer="act on rent control") -> Petition:
    return Petition(addressee=Addressee(kind="house"), grievances=["rents rose"], prayer=prayer)


def test_a_new_draft_stores_only_a_hash_of_its_edit_token(app):
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, _petition())
        session.commit()
        assert len(token) >= 43  # 32 random bytes, base64url: 256 bits
        assert draft.edit_token_hash == hash_token(token) != token
        row = session.execute(select(Draft.__table__)).one()._mapping
        assert token not in [str(v) for v in row.values()]
        assert Draft.by_edit_token(session, token).id == draft.id
        assert Draft.by_review_token(session, draft.review_token).id == draft.id
        # The review token does not open the draft for editing, nor the other way round.
        assert Draft.by_edit_token(session, draft.review_token) is None
        assert Draft.by_review_token(session, token) is None
        assert Draft.by_edit_token(session, "x" * 500) is None


def test_tokens_differ_between_drafts(app):
    with app.app_context():
        session = get_session()
        tokens = {Draft.create(session, _petition())[1] for _ in range(20)}
        session.commit()
        assert len(tokens) == 20


def test_each_content_change_is_a_new_version_with_its_snapshot(app):
    with app.app_context():
        session = get_session()
        draft, _ = Draft.create(session, _petition("first"))
        session.commit()
        assert draft.save(session, _petition("second"), expected_version=1)
        session.commit()
        assert not draft.save(session, _petition("second"), expected_version=2)  # unchanged: no version
        session.commit()
        assert draft.version == 2
        assert draft.petition.prayer == "second"
        assert [v.number for v in draft.versions] == [1, 2]
        assert draft.snapshot(1).prayer == "first"
        assert draft.snapshot(2).prayer == "second"


def test_a_save_from_a_stale_version_is_refused_and_keeps_the_newer_text(app):
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, _petition("first"))
        session.commit()
        draft.save(session, _petition("from tab A"), expected_version=1)
        session.commit()
        with pytest.raises(StaleDraft) as raised:
            draft.save(session, _petition("from tab B"), expected_version=1)
        session.rollback()
        assert raised.value.draft.version == 2
        fresh = Draft.by_edit_token(session, token)
        assert fresh.petition.prayer == "from tab A"
        assert session.scalar(select(DraftVersion).where(DraftVersion.number == 3)) is None


def test_a_concurrent_writer_between_load_and_save_is_detected(app):
    """Two sessions load version 1; the second to write loses cleanly, not silently."""
    from web.db import engine
    from sqlalchemy.orm import Session

    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, _petition("first"))
        session.commit()
        with Session(engine()) as a, Session(engine()) as b:
            da = Draft.by_edit_token(a, token)
            db_ = Draft.by_edit_token(b, token)
            da.save(a, _petition("A"), expected_version=1)
            a.commit()
            with pytest.raises(StaleDraft):
                db_.save(b, _petition("B"), expected_version=1)
        session.expire_all()
        assert Draft.by_edit_token(session, token).petition.prayer == "A"


def test_editing_the_loaded_petition_in_place_is_still_a_change(app):
    with app.app_context():
        session = get_session()
        draft, _ = Draft.create(session, _petition())
        session.commit()
        petition = draft.petition
        petition.grievances[0] = "rents doubled"
        assert draft.petition.grievances == ["rents rose"]
        assert draft.save(session, petition, expected_version=1)
        session.commit()
        assert draft.snapshot(1).grievances == ["rents rose"]
        assert draft.snapshot(2).grievances == ["rents doubled"]


def test_simultaneous_saves_of_one_version_let_exactly_one_win_and_tell_the_others(app):
    """Eight requests released at once against the real SQLite file: one saves, seven get the conflict page."""
    import re
    import threading

    client = app.test_client()
    token = re.match(r"^/d/([^/]+)/welcome$", client.post("/", data={"how": "new", "kind": "e-petition",
                                                                      "language": "en"}).location).group(1)
    start = threading.Barrier(8)
    answers: dict[int, tuple[int, str]] = {}

    def save(i: int) -> None:
        own = app.test_client()
        start.wait()
        response = own.post(f"/d/{token}/prayer", data={"prayer": f"fund clinic number {i}", "version": "1"})
        answers[i] = (response.status_code, response.get_data(as_text=True))

    threads = [threading.Thread(target=save, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    winners = [i for i, (status, _) in answers.items() if status == 302]
    assert len(winners) == 1, sorted(status for status, _ in answers.values())
    for i, (status, body) in answers.items():
        if i != winners[0]:
            assert status == 409 and f"fund clinic number {i}" in body  # the loser's text is on screen
    with app.app_context():
        draft = Draft.by_edit_token(get_session(), token)
        assert draft.version == 2 and draft.petition.prayer == f"fund clinic number {winners[0]}"
        assert [v.number for v in draft.versions] == [1, 2]


def test_a_draft_sent_to_supporters_refuses_a_change_but_not_an_unchanged_save(app):
    from web.models import FrozenDraft

    with app.app_context():
        session = get_session()
        draft, _ = Draft.create(session, _petition("first"))
        session.commit()
        assert draft.status == "draft"
        assert not draft.mark_sent_to_supporters(session)  # only a version marked ready can be sent
        draft.ready_version = 1
        session.commit()
        assert draft.status == "ready"
        assert draft.mark_sent_to_supporters(session)
        session.commit()
        assert draft.status == "sent" and draft.sent_to_supporters_at is not None
        assert not draft.mark_sent_to_supporters(session)  # once
        assert draft.save(session, _petition("first"), expected_version=1) is False
        with pytest.raises(FrozenDraft):
            draft.save(session, _petition("changed"), expected_version=1)
        session.rollback()
        session.expire_all()
        assert draft.version == 1 and draft.petition.prayer == "first"
        assert len(session.scalars(select(DraftVersion).where(DraftVersion.draft_id == draft.id)).all()) == 1


def test_a_save_racing_the_freeze_loses_to_it(app):
    """A tab loaded the draft before another marked it as sent: its save is refused as frozen, not stored."""
    from sqlalchemy.orm import Session

    from web.db import engine
    from web.models import FrozenDraft

    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, _petition("first"))
        draft.ready_version = 1
        session.commit()
        with Session(engine()) as a, Session(engine()) as b:
            saving = Draft.by_edit_token(a, token)
            sending = Draft.by_edit_token(b, token)
            assert sending.mark_sent_to_supporters(b)
            b.commit()
            with pytest.raises(FrozenDraft):
                saving.save(a, _petition("late edit"), expected_version=1)
        session.expire_all()
        assert Draft.by_edit_token(session, token).petition.prayer == "first"
