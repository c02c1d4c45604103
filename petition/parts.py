"""The parts of a petition findings are grouped by, as a reader names them.

Findings carry a part code ("addressee", "grievance 2", "paper", "" for the whole
petition); these are their names, as msgids translated where they are shown.
"""
from __future__ import annotations

from .catalogue import N_, Copy

PART_NAMES = {
    "": N_("The whole petition"),
    "addressee": N_("The addressee"),
    "petitioners": N_("Who is signing"),
    "prayer": N_("The request"),
    "paper": N_("The printed sheets"),
    "removed": N_("Removed from your draft"),
    "left out": N_("Left out of the petition, but worth a look"),
}
CLAUSE = N_("Clause %(number)s")


def part_name(part: str, copy: Copy) -> str:
    """'grievance 2' -> 'Clause 2' / 'Considérant 2'; an unknown part reads as itself."""
    part = (part or "").strip()
    if part in PART_NAMES:
        return copy.gettext(PART_NAMES[part])
    number = part.rsplit(" ", 1)[-1]
    if part.startswith("grievance") and number.isdigit():
        return copy.gettext(CLAUSE, number=number)
    return part[:1].upper() + part[1:]


def field_of(part: str) -> str | None:
    """The field of the petition a part code is about ("grievance 2" -> "grievances"); None for the whole
    petition, the printed sheets or the text left out, which no one field holds."""
    part = (part or "").strip().lower()
    if part.startswith("grievance"):
        return "grievances"
    for name in ("addressee", "petitioners", "prayer"):
        if part.startswith(name):
            return name
    return None
