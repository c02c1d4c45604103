"""How long one live check takes: POST /d/<token>/panel renders the findings panel for the text as typed.

Run: .venv/bin/python bench/panel_speed.py
Prints the median and 95th percentile for an e-petition, a paper petition (the review's paper-fit measurement
runs with the real layout, so each new text is laid out again: every round types a different request) and a
bilingual paper petition (both versions on the measured sheet).
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

ROUNDS = 20
FRENCH = ("Pétition à la Chambre des communes\n\nAttendu que :\nles loyers de notre ville ont augmenté de 40 % en "
          "cinq ans;\nles familles ne trouvent plus de logement abordable.\n\nNous, soussignés, citoyens et résidents "
          "du Canada, demandons à la Chambre des communes d'adopter un cadre national de contrôle des loyers.")


def timed(fn) -> tuple[float, float]:
    samples = []
    for n in range(ROUNDS):
        t = time.perf_counter()
        fn(n)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def draft(client, kind: str, french: bool = False) -> str:
    token = client.post("/", data={"how": "new", "kind": kind, "language": "en"}).location.split("/")[2]
    client.post(f"/d/{token}/addressee", data={"kind": "house", "version": "1"})
    client.post(f"/d/{token}/grievances", data={"grievances-0": "Rents in our city rose 40% in five years",
                                                "grievances-1": "Families can no longer find housing",
                                                "version": "2"})
    if french:
        client.post(f"/d/{token}/fr/", data={"how": "paste", "text": FRENCH, "version": "3"})
    return token


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # Rate limits off: the bench saves far faster than a person (bench/growth.py measures the limits).
        app = migrated_app(tmp)
        client = app.test_client()
        for label, kind, french in (("e-petition", "e-petition", False), ("paper", "paper", False),
                                    ("bilingual paper", "paper", True)):
            token = draft(client, kind, french)

            def check(n: int, token=token) -> None:
                answer = client.post(f"/d/{token}/panel", data={
                    "step": "prayer", "prayer": f"adopt a national rent-control framework within {n + 1} years"})
                assert answer.status_code == 200, answer.status_code

            median, p95 = timed(check)
            print(f"live panel, {label:16} median {median:7.1f} ms   p95 {p95:7.1f} ms   ({ROUNDS} new texts)")


if __name__ == "__main__":
    main()
