"""Word count as the House counts (R-LEN-1, Calibration; stack-notes 5.1)."""
from petition.model import Petition
from petition.wordcount import count_petition, count_words, upper_bound, word_spans


def test_numbers_count_and_stray_dashes_do_not():
    assert count_words("Cut fees by 50 % - now — 2030") == 6  # Cut fees by 50 now 2030


def test_hyphenated_words_and_french_elisions_count_once():
    assert count_words("high-speed internet") == 2
    assert count_words("attirer l'attention de l’État") == 4


def test_upper_bound_splits_what_another_tokeniser_might():
    text = "high-speed internet for l'Outaouais"
    assert count_words(text) == 4
    assert upper_bound(text) == 6


def test_list_markers_do_not_count():
    text = "amend the Act by:\n1. abolishing the rule;\n2. extending the period\na) one\n(iv) two"
    assert count_words(text) == 12


def test_inline_marker_after_semicolon_does_not_count_but_numbers_in_prose_do():
    assert count_words("abolish it; 2. extend it") == 4
    assert count_words("section 2. applies") == 3


def test_spans_point_at_the_counted_words():
    text = "1. Stop the sale."
    assert [text[s:e] for s, e in word_spans(text)] == ["Stop", "the", "sale."]


def test_petition_count_covers_grievances_and_prayer_only():
    petition = Petition(
        petitioners="residents of a very long named town somewhere in Canada",
        grievances=["Rents doubled;", "Wages did not."],
        prayer="cap rent increases",
    )
    wc = count_petition(petition)
    assert wc.counted == 8
    assert wc.limit == 250


def test_paper_has_no_limit_and_the_warning_margin_is_240():
    paper = count_petition(Petition(kind="paper", prayer="word " * 400))
    assert paper.limit is None and not paper.over_limit and not paper.near_limit
    near = count_petition(Petition(prayer="word " * 240))
    assert near.near_limit and not near.over_limit
    under = count_petition(Petition(prayer="word " * 239))
    assert not under.near_limit
    over = count_petition(Petition(prayer="word " * 251))
    assert over.over_limit


def test_upper_bound_over_the_limit_warns_even_when_the_count_is_under():
    wc = count_petition(Petition(prayer="well-known " * 200))
    assert wc.counted == 200 and wc.upper_bound == 400
    assert wc.near_limit
