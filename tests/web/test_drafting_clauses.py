"""Clause list editing without JavaScript: which button was pressed, and what it does to the list."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from forms.grievances import apply_action, list_action
from forms.limits import MAX_CLAUSES

clauses = st.lists(st.text(max_size=20), max_size=MAX_CLAUSES)
actions = st.tuples(st.sampled_from(["remove", "move_up", "move_down"]), st.integers(-2, MAX_CLAUSES + 2)) | st.just(
    ("add", None))


def test_the_pressed_button_is_read_from_its_name():
    assert list_action(MultiDict({"grievances-0": "a", "add": "Add a clause"})) == ("add", None)
    assert list_action(MultiDict({"grievances-0": "a", "remove-3": "1"})) == ("remove", 3)
    assert list_action(MultiDict({"move_up-12": "1"})) == ("move_up", 12)
    assert list_action(MultiDict({"move_down-0": "1"})) == ("move_down", 0)
    assert list_action(MultiDict({"save": "Save and continue", "grievances-0": "a"})) is None
    assert list_action(MultiDict({"remove-x": "1", "remove-": "1", "remove-99999": "1"})) is None


@given(clauses, actions)
def test_moves_keep_every_clause_and_remove_drops_exactly_one(items, action):
    after = apply_action(items, action)
    name, index = action
    in_range = index is not None and 0 <= index < len(items)
    if name == "add":
        assert after == (items + [""] if len(items) < MAX_CLAUSES else items)
    elif name == "remove" and in_range:
        assert after == items[:index] + items[index + 1:]
    elif name.startswith("move"):
        assert sorted(after) == sorted(items)
        if in_range:
            target = index - 1 if name == "move_up" else index + 1
            if 0 <= target < len(items):
                assert after[target] == items[index] and after[index] == items[target]
            else:
                assert after == items
    else:
        assert after == items
    assert len(after) <= MAX_CLAUSES


def test_move_up_then_down_is_the_identity():
    items = ["a", "b", "c"]
    assert apply_action(apply_action(items, ("move_up", 2)), ("move_down", 1)) == items
