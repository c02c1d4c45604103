"""R-LEN-1 / R-LEN-2."""
from engine_helpers import analyse, codes, only


def test_over_250_words_is_an_error_pointing_at_the_first_word_past_the_limit():
    a = analyse(grievances=["word " * 200], prayer="act " * 60)
    [f] = only(a, "over-limit")
    assert f.severity == "error" and f.rule == "R-LEN-1"
    assert f.part == "prayer"
    assert "260" in f.message and "10" in f.message
    # Word 251 is the 51st word of the prayer.
    prayer = a.rendered.spans["prayer"]
    assert f.start == prayer.start + len("act ") * 50
    assert f.end == prayer.end


def test_exactly_250_words_is_not_an_error():
    a = analyse(grievances=["word " * 200], prayer="act " * 50)
    assert a.word_count.counted == 250
    assert "over-limit" not in codes(a)
    assert "near-limit" in codes(a)


def test_short_petition_has_no_length_finding():
    a = analyse(grievances=["Rural areas lack service"])
    assert not [c for c in codes(a) if c in ("over-limit", "near-limit", "paper-no-limit")]


def test_the_formula_and_petitioners_do_not_count():
    a = analyse(prayer="act " * 240, petitioners="residents of " + "Town " * 30)
    assert a.word_count.counted == 240


def test_paper_has_no_limit_only_an_info():
    a = analyse(grievances=["word " * 400], kind="paper")
    assert a.errors == []
    [f] = only(a, "paper-no-limit")
    assert f.severity == "info" and f.rule == "R-LEN-2"
