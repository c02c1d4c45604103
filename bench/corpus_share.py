"""The share of corpus drafts (tests/engine/corpus/drafts) whose converted petition has the right
request and addressee and loses no sentence, then the share that also keeps and removes exactly the
expected parts. Prints each draft that misses, and why.

Run: .venv/bin/python bench/corpus_share.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "engine"))

from corpus_judge import expectations, judge  # noqa: E402


def main() -> None:
    expected = expectations()
    right = whole = 0
    for name in sorted(expected):
        core, parts = judge(name, expected[name])
        right += not core
        whole += not core and not parts
        for problem in core + parts:
            print(f"  {name}: {problem}")
    n = len(expected)
    print(f"drafts: {n}")
    print(f"right request and addressee, nothing lost: {right}/{n} ({100 * right / n:.0f}%)")
    print(f"... and the expected grievances and removed parts: {whole}/{n} ({100 * whole / n:.0f}%)")


if __name__ == "__main__":
    main()
