"""The grievance clauses: a list edited with plain submit buttons, so it works without JavaScript.

Buttons are named for what they do and which clause (0-based): `add`, `remove-2`,
`move_up-2`, `move_down-2`. Every button also saves what was typed.
"""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

import re

from wtforms import FieldList, SubmitField, TextAreaField

from .base import StepForm
from .limits import MAX_CLAUSE_CHARS, MAX_CLAUSES
from .messages import message
from .validators import CodedError, MaxChars, clean_text, strip_outer

_ACTION = re.compile(r"^(remove|move_up|move_down)-(\d{1,3})$")


class GrievancesForm(StepForm):
    grievances = FieldList(
        TextAreaField(_l("Clause"), filters=[clean_text, strip_outer], validators=[MaxChars(MAX_CLAUSE_CHARS)]),
        # No max_entries: a pasted draft can hold more clauses than the limit (the form must show them all, not
        # fail), and WTForms would silently drop posted clauses past it. The request size limit bounds the list.
    )
    add = SubmitField(_l("Add a clause"))

    def validate_grievances(self, field):
        # Empty boxes are dropped on save, so emptying boxes is a way back under the limit.
        if sum(1 for entry in field.entries if (entry.data or "").strip()) > MAX_CLAUSES:
            raise CodedError("too-many-clauses", message("too-many-clauses", limit=MAX_CLAUSES))

    def clauses(self) -> list[str]:
        return [entry.data or "" for entry in self.grievances.entries]


def list_action(formdata) -> tuple[str, int | None] | None:
    """Which list button was pressed: ("add", None), ("remove", 2), ... or None for save/back."""
    if "add" in formdata:
        return ("add", None)
    for key in formdata:
        match = _ACTION.match(key)
        if match:
            return (match.group(1), int(match.group(2)))
    return None


def apply_action(clauses: list[str], action: tuple[str, int | None]) -> list[str]:
    """The clause list after one button press; out-of-range indexes change nothing."""
    name, index = action
    out = list(clauses)
    if name == "add":
        if len(out) < MAX_CLAUSES:
            out.append("")
        return out
    if index is None or not 0 <= index < len(out):
        return out
    if name == "remove":
        del out[index]
    elif name == "move_up" and index > 0:
        out[index - 1], out[index] = out[index], out[index - 1]
    elif name == "move_down" and index < len(out) - 1:
        out[index + 1], out[index] = out[index], out[index + 1]
    return out
