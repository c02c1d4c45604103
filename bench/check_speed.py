"""How long the checker takes: median time to check drafts of growing size.

Run: .venv/bin/python bench/check_speed.py
Goals: a 250-word draft in under 2 ms, 10,000 words in under 50 ms, growth linear.
Both the structured path (analyze_petition: what the web form calls on every save)
and the text path (analyze_text: reader + checks, what the CLI runs) are timed.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from petition.analysis import analyze_petition, analyze_text  # noqa: E402
from petition.model import Petition  # noqa: E402
from petition.wordcount import count_words  # noqa: E402

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "samples" / "freeform" / "tovuz-aggression.txt"


def words_of_prose(n: int) -> list[str]:
    """n words of real petition prose (the Tovuz draft repeated), so every check has matter to look at."""
    words = SAMPLE.read_text(encoding="utf-8").split()
    return [words[i % len(words)] for i in range(n)]


def grievances_of(n: int) -> list[str]:
    words = words_of_prose(n)
    return [" ".join(words[i:i + 40]) for i in range(0, len(words), 40)]


def timings_ms(fn, repeat: int) -> tuple[float, float]:
    """(median, fastest) of `repeat` runs. On a busy machine the fastest run is the better guide."""
    fn()  # warm caches (compiled lexicons)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    print(f"{'words':>8} {'analyze_petition ms (median/min)':>32} {'analyze_text ms (median/min)':>29} {'µs/word':>8}")
    for n in (250, 500, 1000, 2500, 5000, 10000, 50000):
        grievances = grievances_of(n)
        petition = Petition(grievances=grievances[:-1], prayer=grievances[-1])
        text = ("Petition to the Government of Canada\nWhereas:\n" + ";\n".join(grievances[:-1])
                + ".\nWe, the undersigned, citizens of Canada, call upon the Government of Canada to "
                + grievances[-1] + ".")
        assert abs(count_words("\n".join(grievances)) - n) <= n // 40 + 2
        repeat = 50 if n <= 1000 else 15 if n <= 10000 else 5
        structured = timings_ms(lambda: analyze_petition(petition), repeat)
        typed = timings_ms(lambda: analyze_text(text), repeat)
        print(f"{n:>8} {structured[0]:>22.2f} / {structured[1]:<7.2f} {typed[0]:>19.2f} / {typed[1]:<7.2f} "
              f"{typed[0] * 1000 / n:>8.1f}")
    megabyte = ("Whereas the service is poor in rural areas and nothing changes; " * 16000)[:1_000_000]
    text = "Petition to the House of Commons\n" + megabyte + "\nWe call upon the House of Commons to act."
    median, fastest = timings_ms(lambda: analyze_text(text), 3)
    print(f"1 MB text (analyze_text): {median:.0f} ms median, {fastest:.0f} ms fastest")
    # Worst case for the pattern checks: every few characters a link, a number or a contact.
    dense = "see https://x.ca/a foo@bar.com @h #t (613) 555-0199 K1A 0A6 savethelake.org 12 signatures "
    for size in (100_000, 1_000_000):
        petition = Petition(prayer=(dense * (size // len(dense) + 1))[:size])
        median, fastest = timings_ms(lambda: analyze_petition(petition), 3)
        print(f"{size // 1000:>5} KB of links and numbers (analyze_petition): {median:.0f} ms median, {fastest:.0f} ms fastest")


if __name__ == "__main__":
    main()
