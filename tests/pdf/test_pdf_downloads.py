"""PDF downloads through the real app: review page buttons, paper sheets by version, refusals."""
from __future__ import annotations

import hashlib
import re

import pytest

from conftest import sample
from petition.formulae import render
from web.db import get_session
from web.models import Draft

from pdfcheck import norm, page_texts, reader


def paste(client, name: str, kind: str = "paper") -> str:
    response = client.post("/", data={"how": "paste", "text": sample(name), "kind": kind, "language": "en"})
    assert response.status_code == 302
    return re.match(r"^/d/([A-Za-z0-9_-]+)/welcome$", response.location).group(1)


def draft(app, token) -> Draft:
    with app.app_context():
        return Draft.by_edit_token(get_session(), token)


def test_review_page_offers_the_downloads_and_they_are_pdfs(client, app):
    token = paste(client, "certified/e-4904.txt")
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert f'href="/d/{token}/review.pdf"' in page and f'action="/d/{token}/paper.pdf"' in page
    assert '<label for="paper-size">' in page and '<label for="paper-sheets">' in page
    review = client.get(f"/d/{token}/review.pdf")
    assert review.status_code == 200 and review.mimetype == "application/pdf"
    petition = draft(app, token).petition
    assert page_texts(review.data)[0].startswith(norm(render(petition).text))
    sheets = client.get(f"/d/{token}/paper.pdf?size=half-letter&sheets=3&version=1")
    assert sheets.status_code == 200, sheets.get_data(as_text=True)
    pages = reader(sheets.data).pages
    assert len(pages) == 3 and (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == (396.0, 612.0)
    assert sheets.headers["X-Petition-Version"] == "1"
    assert sheets.headers["X-Petition-Text-SHA256"] == hashlib.sha256(render(petition).text.encode()).hexdigest()


def test_sponsor_link_gives_the_review_pdf_read_only(client, app):
    token = paste(client, "certified/e-4904.txt", kind="e-petition")
    review_token = draft(app, token).review_token
    page = client.get(f"/r/{review_token}").get_data(as_text=True)
    assert f"/r/{review_token}/review.pdf" in page
    response = client.get(f"/r/{review_token}/review.pdf")
    assert response.status_code == 200 and "Compliance report" in " ".join(page_texts(response.data))
    assert client.get("/r/not-a-token/review.pdf").status_code == 404


def test_an_earlier_version_reprints_identically_after_an_edit(client, app):
    token = paste(client, "certified/e-4904.txt")
    first = client.get(f"/d/{token}/paper.pdf?sheets=2")
    r = client.post(f"/d/{token}/prayer", data={"prayer": "restore regular benefits for mothers who lose their jobs",
                                               "version": "1"})
    assert r.status_code == 302
    assert draft(app, token).version == 2
    again = client.get(f"/d/{token}/paper.pdf?sheets=2&version=1")
    current = client.get(f"/d/{token}/paper.pdf?sheets=2")
    assert again.data == first.data
    assert current.headers["X-Petition-Version"] == "2"
    assert current.headers["X-Petition-Text-SHA256"] != first.headers["X-Petition-Text-SHA256"]
    assert "restore regular benefits" in page_texts(current.data)[1]


def test_bad_options_and_refusals_get_clear_messages(client):
    token = paste(client, "certified/e-4904.txt")
    a4 = client.get(f"/d/{token}/paper.pdf?size=a4")
    assert a4.status_code == 400 and "Tabloid (11 x 17 in)" in a4.get_data(as_text=True)
    for sheets in ("0", "201", "ten"):
        r = client.get(f"/d/{token}/paper.pdf?sheets={sheets}")
        assert r.status_code == 400 and "from 1 to 200" in r.get_data(as_text=True)
    assert client.get(f"/d/{token}/paper.pdf?version=9").status_code == 404
    long_one = paste(client, "freeform/tovuz-aggression.txt")
    refused = client.get(f"/d/{long_one}/paper.pdf?size=half-letter")
    body = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "R-PAP-4" in body
    assert "The signature sheets cannot be printed yet" in body
    assert f'href="/d/{long_one}/review#downloads-heading"' in body  # the way back is to the review, not "start"
    french = client.post("/", data={"how": "paste", "text": sample("certified/e-4904-fr.txt") * 3, "kind": "paper",
                                    "language": "fr"})
    fr_token = re.match(r"^/d/([A-Za-z0-9_-]+)/welcome$", french.location).group(1)
    fr_body = client.get(f"/d/{fr_token}/paper.pdf?size=half-letter").get_data(as_text=True)
    assert '<span class="message" lang="fr">' in fr_body
    online = paste(client, "certified/e-4904.txt", kind="e-petition")
    assert client.get(f"/d/{online}/paper.pdf").status_code == 404


def test_the_draft_records_the_printed_version_and_warns_after_an_edit(client, app):
    token = paste(client, "certified/e-4904.txt")
    assert "has been printed" not in client.get(f"/d/{token}/review").get_data(as_text=True)
    printed = client.get(f"/d/{token}/paper.pdf?size=legal&sheets=2")
    with app.app_context():
        from web.models import PrintRun

        runs = PrintRun.for_draft(get_session(), draft(app, token).id)
        assert [(r.draft_version, r.size, r.sheets, r.text_sha256) for r in runs] == [
            (1, "legal", 2, printed.headers["X-Petition-Text-SHA256"])]
    assert "Version 1 has been printed" in client.get(f"/d/{token}/review").get_data(as_text=True)
    client.post(f"/d/{token}/prayer", data={"prayer": "restore regular benefits", "version": "1"})
    page = client.get(f"/d/{token}/review").get_data(as_text=True)
    assert "Sheets of version 1 were printed" in page and "must not be combined" in page
    assert f"/d/{token}/paper.pdf?version=1" in page


def test_unicode_digits_and_junk_versions_get_a_400_not_a_server_error(client):
    token = paste(client, "certified/e-4904.txt")
    # "²" passes str.isdigit() yet int() refuses it.
    for query in ("sheets=%C2%B2", "sheets=1%C2%B2"):
        r = client.get(f"/d/{token}/paper.pdf?{query}")
        assert r.status_code == 400 and "from 1 to 200" in r.get_data(as_text=True)
    for version in ("%C2%B2", "abc", "-1"):
        r = client.get(f"/d/{token}/paper.pdf?version={version}")
        assert r.status_code == 400 and "version must be a whole number" in r.get_data(as_text=True)
    assert client.get(f"/d/{token}/paper.pdf?version=99999999999999999999999").status_code == 404


def test_the_review_pdf_of_a_pasted_draft_lists_what_the_converter_left_out(client, app):
    token = paste(client, "freeform/tovuz-aggression.txt", kind="e-petition")
    review_token = draft(app, token).review_token
    for url in (f"/d/{token}/review.pdf", f"/r/{review_token}/review.pdf"):
        report = norm(" ".join(page_texts(client.get(url).data)))
        assert "0 have signed. Let’s get to 2,500!" in report and "Nothing was removed" not in report, url


def _forget_this_process() -> None:
    """What another gunicorn worker starts with: nothing measured or rendered in its memory."""
    from pdf import renderer

    for name in ("pdfs", "layouts", "numbers", "rows"):
        renderer.state()[name].clear()


def test_a_pdf_and_the_paper_fit_made_by_one_worker_are_served_by_another_without_a_layout(make_app, monkeypatch):
    """Two apps on one database and one PDF folder stand for two gunicorn workers."""
    from pdf import renderer

    _forget_this_process()  # what earlier tests rendered in this process would never reach the folder
    first = make_app()
    folder = first.config["PDF_CACHE_DIR"]
    second = make_app(DATABASE_URL=first.config["DATABASE_URL"], PDF_CACHE_DIR=folder)
    one, two = first.test_client(), second.test_client()
    token = paste(one, "certified/e-4904.txt")
    review_page = one.get(f"/d/{token}/review").get_data(as_text=True)
    sheets = one.get(f"/d/{token}/paper.pdf?size=legal&sheets=3")
    review = one.get(f"/d/{token}/review.pdf")
    assert sheets.status_code == review.status_code == 200

    _forget_this_process()
    monkeypatch.setattr(renderer, "layout", lambda *a, **k: pytest.fail("laid out again"))
    assert two.get(f"/d/{token}/paper.pdf?size=legal&sheets=3").data == sheets.data
    assert two.get(f"/d/{token}/review.pdf").data == review.data
    again = two.get(f"/d/{token}/review").get_data(as_text=True)
    assert re.search(r'<option value="letter" selected>', again) and re.search(r'<option value="letter" selected>',
                                                                               review_page)


def test_apps_without_a_folder_given_do_not_share_one(make_app):
    """Under TESTING each app gets its own temporary folder: no test reads another's results."""
    from app import create_app

    settings = {"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": make_app().config["DATABASE_URL"]}
    a, b = create_app(settings), create_app(dict(settings))
    assert a.config["PDF_CACHE_DIR"] != b.config["PDF_CACHE_DIR"]
    assert not a.config["PDF_CACHE_DIR"].startswith(a.instance_path)
    off = create_app({**settings, "PDF_CACHE_MAX_MB": 0})
    with off.app_context():
        from web.pdfcache import pdf_store

        assert pdf_store() is None
