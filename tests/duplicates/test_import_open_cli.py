"""`flask --app app petition import-open PATH...`: the stored list of open e-petitions (R-SUBJ-4)."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from web.db import get_session
from web.models import OpenEPetition

HERE = Path(__file__).parent
XML, XML_FR, HTML = (str(HERE / name) for name in ("open-petitions.xml", "open-petitions-fr.xml",
                                                    "open-petitions.html"))


def stored(app) -> list[tuple[str, str]]:
    with app.app_context():
        return sorted((row.number, row.language) for row in get_session().scalars(select(OpenEPetition)))


def import_open(runner, *paths, env=None):
    return runner.invoke(args=["petition", "import-open", *paths], env=env)


def test_import_stores_the_open_e_petitions_and_prints_the_counts(app, runner):
    result = import_open(runner, XML, XML_FR, HTML)
    assert result.exit_code == 0, result.output
    assert "open-petitions.xml (XML): open e-petitions: 4; left out: 1 closed, 1 on paper, 0 without a number." \
        in result.output
    assert "open-petitions.html (HTML): open e-petitions: 2; left out: 1 closed, 1 on paper" in result.output
    # e-5359 is in both the XML and the HTML: one row. e-4904 in English and in French: two rows, one petition.
    assert "Open e-petitions now listed: 5 (in English: 5, in French: 1); entries before this import: 0." \
        in result.output
    assert stored(app) == [("e-4661", "en"), ("e-4745", "en"), ("e-4904", "en"), ("e-4904", "fr"),
                           ("e-5054", "en"), ("e-5359", "en")]


def test_a_new_import_replaces_the_whole_list(app, runner):
    assert import_open(runner, XML, XML_FR).exit_code == 0
    result = import_open(runner, HTML)
    assert result.exit_code == 0, result.output
    assert "entries before this import: 5." in result.output
    assert stored(app) == [("e-4661", "en"), ("e-5359", "en")]


def test_a_malformed_file_is_refused_in_one_line_and_the_list_is_unchanged(app, runner, tmp_path):
    assert import_open(runner, XML).exit_code == 0
    before = stored(app)
    broken = tmp_path / "broken.xml"
    broken.write_text("<?xml version='1.0'?>\n<ArrayOfPetition>\n<Petition>\n</ArrayOfPetition>\n")
    result = import_open(runner, HTML, str(broken))
    assert result.exit_code == 2
    assert result.output.strip() .endswith(f"Error: {broken}: is not well-formed XML (line 4, column 3); "
                                           "save the export again")
    assert "Traceback" not in result.output
    assert stored(app) == before  # the good file before it was not imported either


def test_a_missing_file_and_a_page_with_no_petition_say_so(app, runner, tmp_path):
    result = import_open(runner, str(tmp_path / "nowhere.xml"))
    assert result.exit_code == 2 and "nowhere.xml: cannot be read (No such file or directory)" in result.output
    page = tmp_path / "search.html"
    page.write_text("<!DOCTYPE html><html><body><p>No petitions match your search.</p></body></html>")
    result = import_open(runner, str(page))
    assert result.exit_code == 2 and "holds no e-petition" in result.output


def test_a_list_with_nothing_open_changes_nothing(app, runner, tmp_path):
    assert import_open(runner, XML).exit_code == 0
    closed = tmp_path / "closed.xml"
    closed.write_text("<ArrayOfPetition><Petition><PetitionNumber>e-2866</PetitionNumber>"
                      "<StatusName>Closed for signature</StatusName></Petition></ArrayOfPetition>")
    result = import_open(runner, str(closed))
    assert result.exit_code == 1
    assert "Error: no open e-petition was found; the stored list is unchanged." in result.output
    assert len(stored(app)) == 4


def test_messages_follow_the_operators_locale(app, runner, tmp_path):
    result = import_open(runner, str(tmp_path / "nowhere.xml"), env={"LC_ALL": "fr_CA.UTF-8"})
    assert result.exit_code == 2 and result.output.startswith("Erreur\u00a0: ")
