"""Clean before reading: a petition pasted inside a web page, a Markdown note, an e-mail or a PDF copy reads
as the petition itself, and everything taken off is reported (removed entries and notes)."""
import re
from pathlib import Path

import pytest

from petition.accounting import problems
from petition.analysis import analyze_text
from petition.reader import read
from petition.unwrap import unwrap

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
CERTIFIED = sorted((SAMPLES / "certified").glob("*.txt"))


def _lines(text):
    return [line for line in text.strip().splitlines() if line.strip()]


def as_markdown(text):
    heading, *rest = _lines(text)
    out = ["# " + heading, ""]
    for line in rest:
        if re.match(r"(?:we|nous)\b", line, re.I):
            # The formula in bold, as campaign tools paste it: "**We, the undersigned,** ..."
            head, _, tail = line.partition(",")
            out += ["", f"**{head},**{tail}"]
        elif line.rstrip().endswith(":") and len(line.split()) <= 3:
            out += [f"**{line}**", ""]
        else:
            out.append(f"- {line}" if not re.match(r"\d+\.", line) else line)
    return "\n".join(out) + "\n"


def as_html(text):
    heading, *rest = _lines(text)
    escape = lambda s: s.replace("&", "&amp;").replace("'", "&#39;").replace("’", "&rsquo;")  # noqa: E731
    body = "<br>\n".join(escape(line) for line in rest)
    return (f"<!DOCTYPE html>\n<html><head><title>Petition</title><style>p {{ margin: 0 }}</style></head>\n"
            f"<body>\n<h2 class=\"title\">{escape(heading)}</h2>\n<p>{body}</p>\n<!-- end -->\n</body></html>\n")


def as_email(text):
    return ("From: Jane Doe <jane@fairrent.example.org>\nSent: Tuesday, March 3, 2026 9:14 AM\n"
            "To: Petition team <team@fairrent.example.org>\nSubject: Final petition text\n\n"
            "Hi all,\n\nHere is the final text of the petition, as the Clerk certified it:\n\n"
            f"{text.strip()}\n\nThanks,\nJane\nFair Rent Coalition\n613-555-0199\n")


def as_pdf(text, width=72):
    """Hard-wrapped at `width`, a long word hyphenated at a line's end, page footers."""
    out = []
    hyphenated = False
    for line in _lines(text):
        words, current = line.split(), ""
        for word in words:
            if current and len(current) + 1 + len(word) > width:
                if not hyphenated and len(word) >= 8 and word.isalpha() and len(current) + 5 <= width:
                    out.append(f"{current} {word[:4]}-")
                    current, hyphenated = word[4:], True
                    continue
                out.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        out.append(current)
    middle = len(out) // 2
    return "\n".join(out[:middle] + ["", "Page 1 of 2", ""] + out[middle:] + ["", "Page 2 of 2"]) + "\n"


WRAPPERS = {"markdown": as_markdown, "html": as_html, "email": as_email, "pdf": as_pdf}


def petition_of(reading):
    p = reading.petition
    return p.addressee, p.petitioners, p.grievances, " ".join(p.prayer.split())


@pytest.mark.parametrize("wrapper", sorted(WRAPPERS))
@pytest.mark.parametrize("path", CERTIFIED, ids=lambda p: p.stem)
def test_a_certified_petition_in_any_wrapper_is_the_same_petition_with_no_error(path, wrapper):
    plain = path.read_text(encoding="utf-8")
    wrapped = WRAPPERS[wrapper](plain)
    reading = read(wrapped)
    assert petition_of(reading) == petition_of(read(plain))
    assert not problems(reading), problems(reading)
    analysis = analyze_text(wrapped)
    assert not analysis.errors, [(f.code, f.excerpt) for f in analysis.errors]
    assert analysis.notes, "what was unwrapped is said"


def test_an_email_s_headers_greeting_and_sign_off_are_listed_as_removed():
    plain = (SAMPLES / "certified" / "e-4904.txt").read_text(encoding="utf-8")
    reading = read(as_email(plain))
    codes = [r.code for r in reading.removed]
    assert codes == ["email-header", "email-greeting", "email-intro", "email-signoff"]
    assert reading.removed[-1].text.startswith("Thanks,\nJane") and reading.removed[-1].text.endswith("0199")
    assert all(r.reason for r in reading.removed)
    assert any("e-mail" in note for note in reading.notes)


def test_an_email_reply_keeps_only_the_new_message():
    text = ("Hello Sam,\n\nWhereas rents rose 40% in five years;\nWe ask the Government of Canada to cap rents.\n\n"
            "Cheers,\nAmir\n\nOn Mon, Mar 2, 2026 at 8:00 PM Sam <sam@example.org> wrote:\n> Can you send the text?\n> S.\n")
    reading = read(text)
    assert reading.petition.grievances == ["Rents rose 40% in five years"]
    assert reading.petition.prayer == "cap rents"
    assert {r.code for r in reading.removed} == {"email-greeting", "email-signoff", "email-quote"}
    assert not problems(reading)


def test_a_letter_greeting_that_names_the_addressee_is_left_to_the_converter():
    reading = read("Dear Prime Minister,\n\nRents rose 40% in five years. We ask you to cap rents.")
    assert reading.addressees_written.get("heading") == "Prime Minister"


def test_markdown_links_keep_their_words_and_lose_their_address():
    reading = read("## Fair rent now\n\nRents rose 40%, as **[the survey](https://fairrent.example.org/s)** shows.\n\n"
                   "We ask the Government of Canada to cap rents.")
    assert reading.petition.grievances == ["Rents rose 40%, as the survey shows"]
    assert [r.text for r in reading.removed if r.rule == "R-URL-1"] == ["(https://fairrent.example.org/s)"]
    assert not problems(reading)


def test_html_is_read_with_a_parser_entities_lists_and_hidden_parts():
    html = ("<div><h1>Petition to the Government of Canada</h1><p>Whereas:</p><ul><li>Rents rose 40% in five "
            "years;</li><li>Families &amp; seniors are evicted.</li></ul><script>track('x < y')</script>"
            "<p>We, the undersigned, citizens of Canada, call upon the Government of Canada to cap rents.</p></div>")
    reading = read(html)
    assert reading.input_form == "house"
    assert reading.petition.grievances == ["Rents rose 40% in five years", "Families & seniors are evicted"]
    assert reading.petition.prayer == "cap rents"
    assert "track" not in " ".join(reading.petition.grievances) + reading.petition.prayer
    assert not problems(reading)
    # Spans point into the HTML as pasted.
    g1 = reading.spans["grievance 1"]
    assert reading.source[g1.start:g1.end] == "Rents rose 40% in five years"


def test_word_bullets_are_list_items():
    text = ("We ask the Government of Canada to:\n\uf0b7\tcap rents;\n\uf0b7\tbuild homes.")
    reading = read(text)
    assert reading.petition.prayer.splitlines() == ["- cap rents;", "- build homes."]
    assert not problems(reading)


def test_a_pdf_copy_is_joined_back_and_loses_its_page_numbers():
    text = ("Whereas rents in our city rose forty percent in five years and families are being evic-\n"
            "ted from their homes;\n\nPage 1 of 2\n\nWe ask the Government of Canada to cap rents.\n\nPage 2 of 2\n")
    reading = read(text)
    assert reading.petition.grievances == [
        "Rents in our city rose forty percent in five years and families are being evicted from their homes"]
    assert [r.code for r in reading.removed] == ["page-furniture", "page-furniture"]
    assert not problems(reading)


def test_an_english_and_french_paste_is_split_and_the_chosen_version_read():
    en = (SAMPLES / "certified" / "e-4904.txt").read_text(encoding="utf-8").strip()
    fr = (SAMPLES / "certified" / "e-4904-fr.txt").read_text(encoding="utf-8").strip()
    both = f"{en}\n\n{fr}\n"
    english = read(both)
    assert petition_of(english) == petition_of(read(en))
    [other] = [r for r in english.removed if r.rule == "R-LANG-3"]
    assert other.text == fr and other.code == "other-version-fr"
    assert any("also holds the petition in French" in n for n in english.notes)
    french = read(both, language="fr")
    assert petition_of(french) == petition_of(read(fr))
    assert not problems(english) and not problems(french)


@pytest.mark.parametrize("path", [*CERTIFIED, *sorted((SAMPLES / "freeform").glob("*.txt"))], ids=lambda p: p.stem)
def test_plain_text_passes_through_unchanged(path):
    text = path.read_text(encoding="utf-8")
    assert unwrap(text).text == text


# Long hostile pastes: every pattern of the pre-reading pass is bounded or anchored, so these read (and lose
# nothing) without backtracking; bench/reader_speed.py prints how long they take.
_HOSTILE = ["a" * 20_000, " " * 20_000, "\n" * 20_000, "#" * 20_000, "*" * 20_000, "<" * 20_000, "&" * 20_000,
            "> " * 10_000, "-\n" * 10_000, "[a](" * 5_000, "Page 1 of 2\n" * 1_600, "From: a\n" * 2_500,
            "a-\nb" * 5_000, "<p>" * 6_000, "**a" * 6_000, " #" * 10_000]


@pytest.mark.parametrize("text", _HOSTILE, ids=lambda t: repr(t[:6]))
def test_long_hostile_pastes_are_read_and_lose_nothing(text):
    assert not problems(read(text))
