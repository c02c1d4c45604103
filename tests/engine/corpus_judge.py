"""What "the converted petition is right" means for a draft of tests/engine/corpus/drafts: one
definition, used by the corpus test and by bench/corpus_share.py."""
from __future__ import annotations

import tomllib
from pathlib import Path

from petition.accounting import problems
from petition.reader import read

DRAFTS = Path(__file__).resolve().parent / "corpus" / "drafts"


def expectations() -> dict[str, dict]:
    """Every draft's expected petition, from expected.toml and the sets beside it (expected-*.toml)."""
    return {name: entry for path in sorted(DRAFTS.glob("expected*.toml"))
            for name, entry in tomllib.loads(path.read_text(encoding="utf-8")).items()}


def _plain(text: str) -> str:
    return " ".join(text.split()).rstrip(" .;").casefold()


def judge(name: str, expected: dict) -> tuple[list[str], list[str]]:
    """(what is wrong with the request, addressee or lost text; what is wrong with the kept and
    removed parts). The share counts a draft right when the first list is empty."""
    reading = read((DRAFTS / name).read_text(encoding="utf-8"))
    p = reading.petition
    core, parts = [], []
    if p.addressee.kind != expected["addressee"]:
        core.append(f"addressee {p.addressee.kind!r}, expected {expected['addressee']!r}")
    if "prayer" in expected and p.prayer != expected["prayer"]:
        core.append(f"request {p.prayer!r}, expected {expected['prayer']!r}")
    for ask in expected.get("prayer_contains", ()):
        if _plain(ask) not in _plain(p.prayer):
            core.append(f"request lacks {ask!r}")
    lost = problems(reading)
    if lost:
        core.append(f"lost: {lost}")
    if len(p.grievances) != expected["grievances"]:
        parts.append(f"{len(p.grievances)} grievances, expected {expected['grievances']}")
    first = expected.get("first_grievance")
    if first and not (p.grievances and p.grievances[0].startswith(first)):
        parts.append(f"grievance 1 {p.grievances[:1]!r} should begin {first!r}")
    texts = expected.get("grievance_texts")
    if texts is not None and p.grievances != texts:
        parts.append(f"grievances {p.grievances!r}, expected {texts!r}")
    removed_texts = expected.get("removed_texts")
    if removed_texts is not None and [r.text for r in reading.removed] != removed_texts:
        parts.append(f"removed {[r.text for r in reading.removed]!r}, expected {removed_texts!r}")
    codes = [r.code for r in reading.removed]
    if codes != expected["removed"]:
        parts.append(f"removed {codes}, expected {expected['removed']}")
    return core, parts
