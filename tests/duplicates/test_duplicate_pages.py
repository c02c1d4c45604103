"""The duplicate warning (R-SUBJ-4) on the review page and in POST /api/check, from an imported list."""
from __future__ import annotations

import html
import re
from pathlib import Path

HERE = Path(__file__).parent
SAMPLES = HERE.parent / "samples"
REWORDED = (HERE / "reworded-e-4745.txt").read_text(encoding="utf-8")
UNRELATED = (SAMPLES / "certified" / "e-2490.txt").read_text(encoding="utf-8")


def text_of(response) -> str:
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", response.get_data(as_text=True), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def import_list(runner) -> None:
    result = runner.invoke(args=["petition", "import-open", str(HERE / "open-petitions.xml"),
                                 str(HERE / "open-petitions.html")])
    assert result.exit_code == 0, result.output


def pasted_draft(client, text: str, kind: str = "e-petition") -> str:
    response = client.post("/", data={"how": "paste", "text": text, "kind": kind, "language": "en"})
    assert response.status_code == 302
    return response.location.split("/")[2]


def test_the_review_page_warns_of_a_close_open_petition_with_its_number_title_and_score(client, runner):
    import_list(runner)
    token = pasted_draft(client, REWORDED)
    page = client.get(f"/d/{token}/review")
    text = text_of(page)
    assert 'This petition is close to the open e-petition e-4745 ("Arms embargo on Israel"): similarity' in text
    assert "R-SUBJ-4" in text
    assert "E-petitions already open for signature" in text
    assert re.search(r"e-4745 : “Arms embargo on Israel” \(similarity \d\d out of 100\)", text)
    assert 'href="https://www.ourcommons.ca/petitions/en/Petition/Details?Petition=e-4745"' in page.get_data(as_text=True)
    assert "Compared with 5 open e-petitions, from the list of" in text
    # A warning, never an error: the petition can still be marked ready once warnings are acknowledged.
    assert "Fix the error" not in text and 'name="acknowledge"' in page.get_data(as_text=True)


def test_an_unrelated_petition_is_told_nothing_is_close(client, runner):
    import_list(runner)
    text = text_of(client.get(f"/d/{pasted_draft(client, UNRELATED)}/review"))
    assert "None of the e-petitions open for signature is close to yours." in text
    assert "R-SUBJ-4" not in text


def test_without_an_imported_list_or_on_paper_nothing_is_said(client, runner):
    text = text_of(client.get(f"/d/{pasted_draft(client, REWORDED)}/review"))
    assert "E-petitions already open for signature" not in text and "R-SUBJ-4" not in text
    import_list(runner)
    text = text_of(client.get(f"/d/{pasted_draft(client, REWORDED, kind='paper')}/review"))
    assert "E-petitions already open for signature" not in text and "R-SUBJ-4" not in text


def test_the_review_page_in_french_links_to_the_french_page(client, runner):
    import_list(runner)
    token = pasted_draft(client, REWORDED)
    client.set_cookie("ui_lang", "fr")
    page = client.get(f"/d/{token}/review")
    text = text_of(page)
    assert "Pétitions électroniques déjà ouvertes à la signature" in text
    assert re.search(r"similarité de \d\d sur 100", text)
    assert 'href="https://www.noscommunes.ca/petitions/fr/Petition/Details?Petition=e-4745"' in page.get_data(as_text=True)


def test_the_api_adds_the_comparison_and_the_warning(client, runner):
    assert "similar_open_petitions" not in client.post("/api/check", json={"text": REWORDED}).get_json()
    import_list(runner)
    answer = client.post("/api/check", json={"text": REWORDED}).get_json()
    compared = answer["similar_open_petitions"]
    assert compared["compared"] == 5 and compared["threshold"] == 17 and compared["imported_at"]
    assert [m["number"] for m in compared["matches"]] == ["e-4745", "e-4661"]
    assert compared["matches"][0]["title"] == "Arms embargo on Israel" and compared["matches"][0]["score"] >= 50
    warnings = [f for f in answer["findings"] if f["rule"] == "R-SUBJ-4"]
    assert [f["severity"] for f in warnings] == ["warning", "warning"] and warnings[0]["excerpt"] == "e-4745"
    assert answer["summary"]["warnings"] >= 2
    quiet = client.post("/api/check", json={"text": UNRELATED}).get_json()["similar_open_petitions"]
    assert quiet["matches"] == [] and quiet["compared"] == 5


def test_an_import_is_seen_by_the_next_check_without_a_restart(client, runner, tmp_path):
    import_list(runner)
    assert client.post("/api/check", json={"text": REWORDED}).get_json()["similar_open_petitions"]["matches"]
    other = tmp_path / "other.xml"
    other.write_text("<ArrayOfPetition><Petition Title='Broadband'><PetitionNumber>e-1</PetitionNumber>"
                     "<Prayer><Para>We call upon the Government of Canada to connect rural households to fast "
                     "internet.</Para></Prayer></Petition></ArrayOfPetition>")
    assert runner.invoke(args=["petition", "import-open", str(other)]).exit_code == 0
    compared = client.post("/api/check", json={"text": REWORDED}).get_json()["similar_open_petitions"]
    assert compared["compared"] == 1 and compared["matches"] == []


def test_another_worker_sees_an_import_within_the_recheck_window_and_not_before(make_app, tmp_path, monkeypatch):
    """Two apps on one database, as two gunicorn workers: the one that did not import looks at the table at most
    once every RECHECK_SECONDS, then reloads the list."""
    import web.open_petitions as open_petitions
    from conftest import fresh_database_url

    url = fresh_database_url(tmp_path, "shared.sqlite")
    importer, worker = make_app(DATABASE_URL=url), make_app(DATABASE_URL=url)
    clock = [1000.0]
    monkeypatch.setattr(open_petitions.time, "monotonic", lambda: clock[0])
    compared = lambda: worker.test_client().post("/api/check", json={"text": REWORDED}).get_json().get(
        "similar_open_petitions")
    assert compared() is None  # nothing imported yet
    import_list(importer.test_cli_runner())
    clock[0] += open_petitions.RECHECK_SECONDS / 2
    assert compared() is None  # within the window: the worker has not looked again
    clock[0] += open_petitions.RECHECK_SECONDS
    assert compared()["matches"]  # past it: the worker sees the new list
