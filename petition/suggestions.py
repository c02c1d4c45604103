"""Putting a finding's suggestion in place: the petition with the change made, or None when it cannot be.

Pure petition editing, the same wherever a suggestion is applied (the review page's and the step panels'
"Apply suggestion" buttons). Only the findings whose suggestion is a drop-in replacement are applied; the
others are advice to read.
"""
from __future__ import annotations

from .addressees import classify_addressee
from .formulae import petitioners_of, prayer_formula
from .model import Finding, Petition
from .parts import field_of

# Findings whose suggestion is a drop-in replacement for the excerpt (or, for the addressee, the
# addressee to use). Other suggestions (e.g. the request formula for a demand) are advice to read.
APPLICABLE_CODES = {"shouting-caps", "shouting-exclamation", "addressee-not-allowed", "demand-framing",
                    "petitioners-other-language"}


def is_applicable(finding: Finding) -> bool:
    """Of a kind that can be applied: a suggestion that replaces its excerpt, in a part a person writes."""
    return finding.suggestion is not None and finding.code in APPLICABLE_CODES and field_of(finding.part) is not None


def can_apply(petition: Petition, finding: Finding) -> bool:
    """Applying will work on this petition (a suggestion with a gap to fill, "…", never does)."""
    return is_applicable(finding) and apply_finding(petition, finding) is not None


def apply_finding(petition: Petition, finding: Finding) -> Petition | None:
    """The petition with the finding's suggestion put in place of its excerpt, or None if that cannot be done.

    The excerpt is looked up in the part the finding names (a clause, the
    request, the petitioners); nothing else is touched.
    """
    if not is_applicable(finding):
        return None
    petition = Petition.from_dict(petition.to_dict())  # the caller's petition stays as it was
    name = field_of(finding.part)
    suggestion = finding.suggestion

    def replaced(text: str) -> str | None:
        if not finding.excerpt or finding.excerpt not in text:
            return None
        return text.replace(finding.excerpt, suggestion, 1)

    if finding.code == "demand-framing":
        # The suggestion is the whole request sentence in House form; the organizer's part is what
        # follows the fixed formula ("We, the undersigned, ..., call upon ... to ").
        opening, link = prayer_formula(petition)
        formula = f"{opening}{petitioners_of(petition)}{link}"
        action = suggestion[len(formula):].strip() if suggestion.startswith(formula) else ""
        if name != "prayer" or not action or action.endswith("\u2026"):
            return None
        petition.prayer = action
        return petition

    if name == "addressee":
        addressee = classify_addressee(suggestion)
        if addressee.kind == "other":
            return None
        petition.addressee = addressee
        return petition

    if name == "grievances":
        number = finding.part.rsplit(" ", 1)[-1]
        if not number.isdigit():
            return None
        visible = [i for i, g in enumerate(petition.grievances) if g and g.strip()]
        index = int(number) - 1
        if not 0 <= index < len(visible):
            return None
        new = replaced(petition.grievances[visible[index]])
        if new is None:
            return None
        petition.grievances[visible[index]] = new
        return petition
    if name == "prayer":
        new = replaced(petition.prayer)
        if new is None:
            return None
        petition.prayer = new
        return petition
    if name == "petitioners":
        new = replaced(petitioners_of(petition))
        if new is None:
            return None
        petition.petitioners = new
        return petition
    return None
