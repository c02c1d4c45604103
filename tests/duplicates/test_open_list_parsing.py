"""Reading a saved copy of the House's e-petition search results (petition/open_petitions.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from petition.open_petitions import ListError, parse_open_list

HERE = Path(__file__).parent


def test_the_xml_export_gives_the_open_e_petitions_with_their_text():
    saved = parse_open_list((HERE / "open-petitions.xml").read_bytes())
    assert saved.format == "xml"
    assert [p.number for p in saved.petitions] == ["e-4745", "e-4904", "e-5359", "e-5054"]
    # e-2866 is closed for signature, 441-01236 is a paper petition.
    assert (saved.closed, saved.paper, saved.unreadable) == (1, 1, 0)
    e4745 = saved.petitions[0]
    assert e4745.title == "Arms embargo on Israel" and e4745.language == "en"
    # The House's <Addressee> markup inside the text is read as markup, not as words.
    assert e4745.text.startswith("Petition to the Government of Canada Israel’s war with Hamas")
    assert "Addressee" not in e4745.text and "affiliationId" not in e4745.text
    assert e4745.text.endswith("to Israel through the United States.")


def test_an_entry_without_a_title_is_named_by_its_request():
    e5054 = parse_open_list((HERE / "open-petitions.xml").read_bytes()).petitions[3]
    assert e5054.title.startswith("Provide a Royal Recommendation for Bill C-319") and e5054.title.endswith("…")


def test_the_french_export_is_read_as_french():
    saved = parse_open_list((HERE / "open-petitions-fr.xml").read_bytes())
    assert [(p.number, p.language) for p in saved.petitions] == [("e-4904", "fr")]
    assert "gouvernement du Canada" in saved.petitions[0].text and "<" not in saved.petitions[0].text


def test_the_saved_search_page_gives_each_result_once_without_the_page_around_it():
    saved = parse_open_list((HERE / "open-petitions.html").read_bytes())
    assert saved.format == "html"
    # e-0001 (a link in the page's header) and e-9999 (in a script) are not results.
    assert [p.number for p in saved.petitions] == ["e-4661", "e-5359"]
    assert (saved.closed, saved.paper) == (1, 1)
    e4661 = saved.petitions[0]
    # Shown twice on the page (table and phone block): the fuller copy is kept, from "Petition to" on.
    assert e4661.text.startswith("Petition to the Government of Canada Israel has installed a decades-long siege")
    assert e4661.text.endswith("as stated in international law.")
    assert "House of Commons of Canada" not in e4661.text  # the footer
    assert e4661.title.startswith("Sanction the state of Israel")


@pytest.mark.parametrize("content, code", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"e-1234 Open for signature", "not-markup"),
    (b"<?xml version='1.0'?><ArrayOfPetition><Petition><PetitionNumber>e-1</Petition></ArrayOfPetition>", "xml"),
    (b"<?xml version='1.0'?><Results><Item/></Results>", "no-petitions"),
    (b"<!DOCTYPE html><html><body><p>No results</p></body></html>", "no-petitions"),
    (b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]><r>&b;</r>", "xml-entities"),
])
def test_a_file_that_is_not_a_list_says_why(content, code):
    with pytest.raises(ListError) as raised:
        parse_open_list(content)
    assert raised.value.code == code


def test_malformed_xml_says_where():
    with pytest.raises(ListError) as raised:
        parse_open_list(b"<?xml version='1.0'?>\n<ArrayOfPetition>\n<Petition>\n</ArrayOfPetition>")
    assert raised.value.values["line"] == 4


def test_a_page_saved_in_windows_1252_is_read():
    page = ("<html><body><a href='Details?Petition=e-12'>e-12</a> Open for signature. Petition to the Government "
            "of Canada. We call upon the Government to protect Québec’s lakes.</body></html>").encode("cp1252")
    [petition] = parse_open_list(page).petitions
    assert "Québec’s lakes" in petition.text


def test_a_result_is_its_block_wherever_the_number_sits_in_it():
    # Text before the link, text after it, and a result whose link comes last: each keeps its own text.
    page = """<!DOCTYPE html><html><body><main><ol class="results">
      <li><h3>Rural broadband</h3><p>Petition to the Government of Canada. We call upon the Government of Canada to
          connect every rural household to high-speed internet.</p>
          <p>Open for signature</p><a href="/petitions/en/Petition/Details?Petition=e-101">e-101</a></li>
      <li><a href="/petitions/en/Petition/Details?Petition=e-102">e-102</a> <span>Open for signature</span>
          <p>Petition to the House of Commons. We call upon the House of Commons to index graduate scholarships.</p></li>
    </ol></main></body></html>"""
    saved = parse_open_list(page.encode("utf-8"))
    texts = {p.number: p.text for p in saved.petitions}
    assert "rural household" in texts["e-101"] and "scholarships" not in texts["e-101"]
    assert "scholarships" in texts["e-102"] and "rural" not in texts["e-102"]


def test_a_page_nested_thousands_deep_is_read():
    page = ("<html><body>" + "<div>" * 5000 + "<a href='Details?Petition=e-7'>e-7</a> Open for signature. "
            "Petition to the Government of Canada: we call upon it to fund libraries." + "</div>" * 5000 +
            "</body></html>")
    [petition] = parse_open_list(page.encode("utf-8")).petitions
    assert petition.number == "e-7" and "fund libraries" in petition.text
