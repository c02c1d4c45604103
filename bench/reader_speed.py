"""How long the reader takes: each sample, then 1 MB pastes of real and hostile text.

Run: .venv/bin/python bench/reader_speed.py
Goal: a sample in about a millisecond; any 1 MB paste in well under a second
(every pattern is bounded or anchored, so time grows linearly with the text).
Times are CPU milliseconds (median), so a busy machine does not skew them.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from petition.language import identify  # noqa: E402
from petition.reader import read  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "tests" / "samples"
MB = 1_000_000


def median_ms(fn, text: str, runs: int) -> float:
    # CPU time of this process: other work on a shared machine does not inflate it.
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn(text)
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def fill(unit: str) -> str:
    return (unit * (MB // len(unit) + 1))[:MB]


def main() -> None:
    print(f"{'sample':32s} {'chars':>8s} {'read cpu ms':>11s} {'identify cpu ms':>15s}")
    for path in sorted(SAMPLES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        print(f"{path.parent.name + '/' + path.name:32s} {len(text):8d} "
              f"{median_ms(read, text, 50):11.2f} {median_ms(identify, text, 50):15.2f}")

    rng = random.Random(7)
    tovuz = (SAMPLES / "freeform" / "tovuz-aggression.txt").read_text(encoding="utf-8")
    house = (SAMPLES / "certified" / "e-2490.txt").read_text(encoding="utf-8")
    big = {
        "free-form draft x N": fill(tovuz + "\n\n"),
        "House petition, clauses x N": house.split("\n", 1)[0] + "\n" + fill("Whereas rents rose;\n"),
        "one letter": "a" * MB,
        "a.a.a": fill("a."),
        "a-a-a": fill("a-"),
        "digits and spaces": fill("1 "),
        "'we ask' repeated": fill("we ask "),
        "'nous demandons' repeated": fill("nous demandons "),
        "'a@' repeated": fill("a@"),
        "semicolons": ";" * MB,
        "newlines": "\n" * MB,
        "random punctuation soup": "".join(rng.choice("abc .;:\n,!?@#/1é’") for _ in range(MB)),
    }
    print(f"\n{'1 MB paste':32s} {'chars':>8s} {'read cpu ms':>11s}")
    for name, text in big.items():
        print(f"{name:32s} {len(text):8d} {median_ms(read, text, 3):11.1f}")


if __name__ == "__main__":
    main()
