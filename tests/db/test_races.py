"""Two requests racing on one row, against the real database (SQLite here; PostgreSQL under TEST_DATABASE_URL,
`tools/with-postgres`): each request in its own thread with its own connection, as two gunicorn workers would.

The race is forced, not hoped for: both requests are held after they looked for the row and found none, and
released together, so both try to insert it. The unique constraints (one sponsor answer per draft and version,
one print run per draft, version and size) let one insert win; the other request must then still succeed
without storing a second row.
"""
from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from petition.model import Addressee, Petition
from web.db import get_session
from web.models import Draft, PrintRun, SponsorResponse

from conftest import sample


def _stored(app, petition: Petition) -> tuple[str, str]:
    with app.app_context():
        session = get_session()
        draft, token = Draft.create(session, petition)
        session.commit()
        return token, draft.review_token


@pytest.fixture
def both_find_nothing(monkeypatch):
    """force(model) -> a function telling whether the race happened: from then on, the first two lookups of a
    `model` row that find none wait for each other, so both requests go on to insert."""
    held = {}

    def force(model):
        barrier = threading.Barrier(2, timeout=90)  # generous: a first PDF render on a loaded 2-core machine takes seconds
        held["count"] = 0
        real = Session.scalar

        def scalar(self, statement, *args, **kwargs):
            found = real(self, statement, *args, **kwargs)
            if found is None and model.__table__ in statement.get_final_froms() and held["count"] < 2:
                held["count"] += 1
                barrier.wait()  # the other request has looked too, and found nothing either
            return found

        monkeypatch.setattr(Session, "scalar", scalar)
        return lambda: held["count"] == 2

    return force


def _at_once(*calls):
    results = [None] * len(calls)

    def run(i, call):
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(180)
    return results


def test_two_sponsor_answers_at_once_on_one_version_leave_exactly_one(app, both_find_nothing):
    petition = Petition(kind="e-petition", addressee=Addressee(kind="house"), grievances=["Rents rose 40%"],
                        prayer="cap annual rent increases")
    _, review = _stored(app, petition)
    raced = both_find_nothing(SponsorResponse)
    sent = {"ready": "Office of the Member: ready", "changes": "Office of the Member: please shorten it"}

    def answer(kind):
        return lambda: app.test_client().post(f"/r/{review}/answer", data={
            "answer": kind, "comment": sent[kind], "responder": "Office", "version": "1"})

    responses = _at_once(answer("ready"), answer("changes"))

    assert raced()
    # Both offices are told their answer was sent (the later one replaced the earlier: one answer per version).
    assert [r.status_code for r in responses] == [302, 302]
    with app.app_context():
        session = get_session()
        rows = session.scalars(select(SponsorResponse)).all()
        assert len(rows) == 1
        assert rows[0].draft_version == 1 and sent[rows[0].answer] == rows[0].comment  # one whole answer, not a mix


def test_two_first_downloads_of_the_same_sheets_at_once_leave_exactly_one_print_run(app, both_find_nothing):
    token, _ = _stored(app, Petition.from_dict({
        "kind": "paper", "language": "en", "addressee": {"kind": "house"},
        "grievances": ["Rents in our city rose 40% in five years"], "prayer": "cap annual rent increases"}))
    url = f"/d/{token}/paper.pdf?size=letter&sheets=2"
    app.test_client().get(f"/d/{token}/paper.pdf?size=legal&sheets=2")  # the PDF code warmed, another size
    raced = both_find_nothing(PrintRun)

    responses = _at_once(lambda: app.test_client().get(url), lambda: app.test_client().get(url))

    assert raced()
    # Both get their sheets: the print is on record, whichever request wrote it.
    assert [r.status_code for r in responses] == [200, 200]
    assert all(r.data.startswith(b"%PDF") for r in responses)
    assert responses[0].headers["X-Petition-Text-SHA256"] == responses[1].headers["X-Petition-Text-SHA256"]
    with app.app_context():
        session = get_session()
        runs = session.scalars(select(PrintRun).where(PrintRun.size == "letter")).all()
        assert len(runs) == 1 and runs[0].draft_version == 1 and runs[0].sheets == 2
        assert session.scalar(select(func.count()).select_from(PrintRun)) == 2  # letter and legal
