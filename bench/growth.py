"""How much one client can make the database grow, through the real app (test client, SQLite file).

Run: .venv/bin/python bench/growth.py
Prints, each bounded in count and time, loopback-free (Flask's test client):
- drafts created by one client firing POST / 200 times (the rate limit stops it),
- bytes of stored versions after 60 saves of a draft with every field full of emoji,
- the organizer's page size after 400 sponsor answers through the review link,
- print_runs rows and the review page time after 5,600 recorded downloads of the same sheets.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from inprocess import migrated_app  # noqa: E402
from forms.limits import MAX_CLAUSE_CHARS, MAX_CLAUSES, MAX_PRAYER_CHARS  # noqa: E402
from petition.model import Addressee, Petition  # noqa: E402
from web.db import get_session  # noqa: E402
from web.models import Draft, stored_version_sizes  # noqa: E402
from web.models import PrintRun  # noqa: E402
from web.models import SponsorResponse  # noqa: E402


def full_petition(mark: int) -> Petition:
    clause = "\U0001F600" * (MAX_CLAUSE_CHARS - 6) + f"{mark:06d}"
    return Petition(kind="paper", addressee=Addressee(kind="house"), grievances=[clause] * MAX_CLAUSES,
                    prayer="\U0001F600" * (MAX_PRAYER_CHARS - 6) + f"{mark:06d}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = migrated_app(tmp, rate_limits=True)
        client = app.test_client()

        statuses = [client.post("/", data={"how": "new", "kind": "e-petition", "language": "en"}).status_code
                    for _ in range(200)]
        print(f"POST / x200 from one client: {statuses.count(302)} drafts created, {statuses.count(429)} refused "
              f"(429), limit {app.config['RATELIMIT_NEW_DRAFT']!r}")

        with app.app_context():
            session = get_session()
            draft, token = Draft.create(session, full_petition(1))
            session.commit()
            for number in range(2, 61):
                draft.save(session, full_petition(number), number - 1)
                session.commit()
            sizes = stored_version_sizes(session, draft.id)
            print(f"60 saves of a full emoji draft: {len(sizes)} versions stored, {sum(sizes.values()) / 1e6:.2f} MB "
                  f"(one version {sizes[60] / 1e3:.0f} KB; a snapshot per save would be "
                  f"{60 * sizes[60] / 1e6:.1f} MB)")

            small, small_token = Draft.create(session, Petition(kind="paper", addressee=Addressee(kind="house"),
                                                                grievances=["The canal needs repairs"],
                                                                prayer="repair the canal"))
            session.commit()
            review = small.review_token
        before = len(client.get(f"/d/{small_token}/sponsors").get_data())
        sponsor = app.test_client()
        app.config["RATELIMIT_ENABLED"] = False  # the flood measures storage, not the answer limit
        app.extensions["petition_limiter"].enabled = False
        for number in range(400):
            sponsor.post(f"/r/{review}/answer", data={"answer": "changes", "comment": f"Comment {number}",
                                                      "version": "1"})
        after = len(client.get(f"/d/{small_token}/sponsors").get_data())
        with app.app_context():
            rows = get_session().scalar(select(func.count()).select_from(SponsorResponse))
        print(f"400 sponsor answers on one version: {rows} stored; organizer's page {before / 1e3:.1f} KB before, "
              f"{after / 1e3:.1f} KB after")

        with app.app_context():
            session = get_session()
            paper = Draft.by_edit_token(session, small_token)
            for _ in range(5_600):
                if PrintRun.record(session, paper.id, paper.version, "0" * 64, "letter", 3):
                    session.commit()
            runs = session.scalar(select(func.count()).select_from(PrintRun))
        client.get(f"/d/{small_token}/review")
        # The first review page measures the paper fit; the second is the one a cached worker serves.
        start = time.perf_counter()
        page = client.get(f"/d/{small_token}/review")
        elapsed = (time.perf_counter() - start) * 1000
        print(f"5,600 recorded downloads of the same sheets: {runs} print_runs row(s); review page {elapsed:.0f} ms "
              f"(status {page.status_code})")


if __name__ == "__main__":
    main()
