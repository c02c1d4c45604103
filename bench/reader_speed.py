"""How long the reader takes: each sample, 20,000-character pastes read and checked, then 1 MB pastes.

Run: .venv/bin/python bench/reader_speed.py
Goals: a sample in about a millisecond; any 20,000-character paste (the API's limit) read
*and checked* in under 100 ms, whatever its wrapping (HTML, Markdown, e-mail, PDF copy,
both languages) - the worst is printed last; any 1 MB paste in seconds, growing linearly
(every pattern is bounded or anchored). Times are CPU milliseconds (median), so a busy
machine does not skew them.
"""
from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from petition.analysis import analyze_text  # noqa: E402
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


def fill(unit: str, size: int = MB) -> str:
    return (unit * (size // len(unit) + 1))[:size]


LIMIT = 20_000  # the longest text /api/check and the start page take


def twenty_thousand() -> dict[str, str]:
    """20,000-character pastes: real drafts, the pasted formats the reader unwraps, and hostile text."""
    tovuz = (SAMPLES / "freeform" / "tovuz-aggression.txt").read_text(encoding="utf-8")
    en = (SAMPLES / "certified" / "e-4904.txt").read_text(encoding="utf-8")
    fr = (SAMPLES / "certified" / "e-4904-fr.txt").read_text(encoding="utf-8")
    clauses = "".join(f"Whereas rents in our city rose {i}% in five years;\n" for i in range(400))
    rng = random.Random(11)
    return {
        "free-form draft": fill(tovuz + "\n\n", LIMIT),
        "House petition, 400 clauses": ("Petition to the Government of Canada\n" + clauses)[:LIMIT - 80]
        + "\nWe, the undersigned, call upon the Government of Canada to act.",
        "HTML page": fill("<p>Rents rose <b>40%</b> &amp; families are evicted.</p>\n<ul><li>Cap rents;</li></ul>\n", LIMIT),
        "Markdown": fill("## Fair rent\n\n**Rents rose 40%**, as [the survey](https://x.ca/s) shows. _Act now._\n\n", LIMIT),
        "e-mail thread": fill("From: Jane <j@x.org>\nTo: Team <t@x.org>\nSubject: text\n\nHi all,\n\n" + en
                              + "\n\nThanks,\nJane\n\nOn Mon, Jane wrote:\n> earlier text\n> more\n\n", LIMIT),
        "PDF copy": fill("Rents in our city rose forty percent in five years and families are being evic-\n"
                         "ted from their homes; the government\nhas not acted.\n\nPage 1 of 9\n\n", LIMIT),
        "English then French": (en + "\n\n" + fr + "\n\n") * 3 + fill(" ", LIMIT - 3 * len(en + fr)),
        "links and handles": fill("See fairrent.news, www.x.ca/a?b=1, @fairrent #Rent info@x.org 613-555-0199. ", LIMIT),
        "one letter": "a" * LIMIT,
        "a.a.a": fill("a.", LIMIT),
        "newlines": "\n" * LIMIT,
        "semicolons and markers": fill("1. a;\n- b;\n", LIMIT),
        # Asks the converter infers (petition/asks.py): a "What we want:" list, imperative titles.
        "'What we want:' list": "What we want:\n" + fill("1. Raise Old Age Security\n", LIMIT - 14),
        "imperative lines": fill("Lower the voting age to 16\n\nCanada must ban plastics.\n", LIMIT),
        "punctuation soup": "".join(rng.choice("abc .;:\n,!?@#/1é’<>*_[]()-") for _ in range(LIMIT)),
    }


def main() -> None:
    print(f"{'sample':32s} {'chars':>8s} {'read cpu ms':>11s} {'identify cpu ms':>15s}")
    for path in sorted(SAMPLES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        print(f"{path.parent.name + '/' + path.name:32s} {len(text):8d} "
              f"{median_ms(read, text, 50):11.2f} {median_ms(identify, text, 50):15.2f}")

    print(f"\n{'20,000 characters, read + check':32s} {'cpu ms':>8s}")
    worst = ("", 0.0)
    for name, text in twenty_thousand().items():
        ms = median_ms(analyze_text, text, 5)
        worst = max(worst, (name, ms), key=lambda w: w[1])
        print(f"{name:32s} {ms:8.1f}")
    print(f"worst: {worst[0]} {worst[1]:.1f} ms (goal: under 100 ms)")

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
        "'Tell the' repeated": fill("Tell the Minister of Fisheries and Premier Eby: "),
        "'Canada must' / 'Demand that'": fill("Canada must ban plastics. Demand that the Government of Canada act. "),
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
