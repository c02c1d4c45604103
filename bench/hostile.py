"""Hostile drafts: texts within every field's limit that are as costly as a person (or a script) can make them.

One list for every bench (bench/serve_load.py times them through gunicorn; an in-process bench can check or lay
them out directly). Each draft is a petition in `Petition.to_dict()` shape, or a pasted draft (`paste`) read by
the converter; `API_TEXTS` are bodies for `POST /api/check`.

    from hostile import HOSTILE_DRAFTS, API_TEXTS     # from a script in bench/
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from forms.limits import (  # noqa: E402
    MAX_ADDRESSEE_FIELD_CHARS, MAX_CLAUSE_CHARS, MAX_CLAUSES, MAX_PASTE_CHARS, MAX_PETITIONERS_CHARS,
    MAX_PRAYER_CHARS,
)

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "samples" / "freeform" / "tovuz-aggression.txt"

# 80 different faces (U+1F600..U+1F64F), one code point each: a font fallback per glyph, nothing for the
# shaper to merge, and each counts as one character against the field limits.
_EMOJI = [chr(code) for code in range(0x1F600, 0x1F650)]
# A base letter under a pile of combining accents ("Zalgo" text): one grapheme, many code points to shape.
_ZALGO = "e" + "".join(chr(code) for code in range(0x0300, 0x0310))
_LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis"
_PROSE = " ".join(SAMPLE.read_text(encoding="utf-8").split())


def emoji(n: int) -> str:
    return "".join(_EMOJI[i % len(_EMOJI)] for i in range(n))


def repeat_to(unit: str, n: int) -> str:
    """`unit` repeated and cut to exactly n characters."""
    return (unit * (n // len(unit) + 1))[:n]


def prose(n: int, offset: int = 0) -> str:
    """n characters of real petition prose (cut at a space), starting `offset` characters in."""
    text = repeat_to(_PROSE[offset:] + " " + _PROSE, n + 200)[:n]
    return text.rsplit(" ", 1)[0] if " " in text[-30:] else text


GRIEVANCE = "Rents in our city rose 40% in five years while wages rose 9%"
PRAYER = "cap annual rent increases in buildings financed by federal programs"


@dataclass(frozen=True)
class HostileDraft:
    name: str
    kind: str = "paper"
    language: str = "en"
    addressee: dict = field(default_factory=lambda: {"kind": "government"})
    petitioners: str | None = None
    grievances: tuple[str, ...] = (GRIEVANCE,)
    prayer: str = PRAYER
    # A free-form draft pasted on the start page instead of typed into the steps.
    paste: str | None = None

    def petition(self) -> dict:
        """The petition in Petition.to_dict() shape (what /api/check's "petition" takes)."""
        return {
            "kind": self.kind, "language": self.language,
            "addressee": {"in_parliament_assembled": False, "title": "", "name": "", "riding": "", "text": "",
                          **self.addressee},
            "petitioners": self.petitioners, "grievances": list(self.grievances), "prayer": self.prayer,
        }


    def step_posts(self) -> list[tuple[str, dict]]:
        """The drafting steps and the fields sent to each to type this draft in (a draft that is not pasted)."""
        petition = self.petition()
        addressee = {k: v for k, v in petition["addressee"].items() if k in ("kind", "name", "riding") and v}
        steps = [("addressee", addressee),
                 ("grievances", {f"grievances-{i}": c for i, c in enumerate(petition["grievances"])}),
                 ("prayer", {"prayer": petition["prayer"]})]
        if petition["petitioners"] is not None:
            steps.append(("petitioners", {"petitioners": petition["petitioners"]}))
        return steps


# Ordered from the cheapest to fill to the costliest, so a bench with a time budget measures most of them.
HOSTILE_DRAFTS: list[HostileDraft] = [
    HostileDraft("e-petition, 30 clauses of 1,000 characters", kind="e-petition",
                 grievances=tuple(prose(MAX_CLAUSE_CHARS, 53 * i) for i in range(MAX_CLAUSES)),
                 prayer=prose(MAX_PRAYER_CHARS, 5)),
    HostileDraft("e-petition, pasted draft of 20,000 characters", kind="e-petition",
                 paste=prose(MAX_PASTE_CHARS)),
    HostileDraft("paper, 30 clauses of 1,000 characters",
                 grievances=tuple(prose(MAX_CLAUSE_CHARS, 37 * i) for i in range(MAX_CLAUSES)),
                 prayer=prose(MAX_PRAYER_CHARS, 11)),
    HostileDraft("paper, words without spaces",
                 petitioners=repeat_to(_LONG_WORD, MAX_PETITIONERS_CHARS),
                 grievances=tuple(repeat_to(_LONG_WORD, MAX_CLAUSE_CHARS) for _ in range(MAX_CLAUSES)),
                 prayer=repeat_to(_LONG_WORD, MAX_PRAYER_CHARS)),
    HostileDraft("paper, combining marks",
                 grievances=tuple(repeat_to(_ZALGO, MAX_CLAUSE_CHARS) for _ in range(MAX_CLAUSES)),
                 prayer=repeat_to(_ZALGO, MAX_PRAYER_CHARS)),
    HostileDraft("paper, pasted draft of 20,000 emoji and words", paste=repeat_to(
        "Whereas rents rose " + emoji(40) + " ", MAX_PASTE_CHARS)),
    HostileDraft("paper, request of 2,000 emoji", prayer=emoji(MAX_PRAYER_CHARS)),
    HostileDraft("paper, every field full of emoji",
                 addressee={"kind": "member", "name": emoji(MAX_ADDRESSEE_FIELD_CHARS),
                            "riding": emoji(MAX_ADDRESSEE_FIELD_CHARS)},
                 petitioners=emoji(MAX_PETITIONERS_CHARS),
                 grievances=tuple(emoji(MAX_CLAUSE_CHARS) for _ in range(MAX_CLAUSES)),
                 prayer=emoji(MAX_PRAYER_CHARS)),
]

# Bodies for POST /api/check at its 20,000-character limit.
API_TEXTS: dict[str, dict] = {
    "20,000 characters of prose": {"text": prose(MAX_PASTE_CHARS), "kind": "e-petition"},
    "20,000 emoji": {"text": emoji(MAX_PASTE_CHARS), "kind": "paper"},
    "20,000 characters without a space": {"text": repeat_to(_LONG_WORD, MAX_PASTE_CHARS), "kind": "e-petition"},
    "every field full of emoji (structured)": {"petition": HOSTILE_DRAFTS[-1].petition()},
}


if __name__ == "__main__":
    for draft in HOSTILE_DRAFTS:
        size = len(draft.paste) if draft.paste else sum(map(len, (draft.prayer, *draft.grievances)))
        print(f"{draft.name:<48} {draft.kind:<10} {size:>6} characters")
    for name, body in API_TEXTS.items():
        print(f"/api/check: {name}")
