"""How long the drafting pages take through the real app (test client, SQLite file, CSRF off).

Run: .venv/bin/python bench/drafting_speed.py
Prints the median and 95th percentile of: a step save (POST, one transaction, redirect),
a step page (GET with the server-side checks panel), the review page, and the sponsor page,
for the Tovuz draft (about 450 words, ten clauses) pasted at the start.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from inprocess import migrated_app  # noqa: E402
from web.db import get_session  # noqa: E402
from web.models import Draft  # noqa: E402

ROUNDS = 200


def timed(fn, rounds=ROUNDS) -> tuple[float, float]:
    samples = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # Rate limits off: the bench saves far faster than a person (bench/growth.py measures the limits).
        app = migrated_app(tmp)
        client = app.test_client()
        text = (ROOT / "tests/samples/freeform/tovuz-aggression.txt").read_text(encoding="utf-8")
        r = client.post("/", data={"how": "paste", "text": text, "kind": "e-petition", "language": "en"})
        token = r.location.split("/")[2]

        def version() -> str:
            with app.app_context():
                return str(Draft.by_edit_token(get_session(), token).version)

        with app.app_context():
            draft = Draft.by_edit_token(get_session(), token)
            clauses = draft.petition.grievances
            review_token = draft.review_token
        counter = iter(range(10**9))

        def save():
            # A real change every time, so every save writes a new version and snapshot.
            data = {f"grievances-{i}": c for i, c in enumerate(clauses)}
            data["grievances-0"] = f"{clauses[0]} {next(counter)}"
            r = client.post(f"/d/{token}/grievances", data={**data, "version": version()})
            assert r.status_code == 302, r.status_code

        rows = [
            ("save grievances step (POST, new version)", save),
            ("grievances step page (GET + checks)", lambda: client.get(f"/d/{token}/grievances")),
            ("review page (GET + checks)", lambda: client.get(f"/d/{token}/review")),
            ("sponsor review page (GET)", lambda: client.get(f"/r/{review_token}")),
        ]
        print(f"{len(clauses)} clauses; {ROUNDS} rounds each; milliseconds")
        print(f"{'what':45} {'median':>8} {'p95':>8}")
        for name, fn in rows:
            fn()  # warm
            median, p95 = timed(fn)
            print(f"{name:45} {median:8.2f} {p95:8.2f}")
        # Its version number counts the saves; older versions are thinned as they are stored (web.models).
        print(f"the draft reached version {version()}")


if __name__ == "__main__":
    main()
