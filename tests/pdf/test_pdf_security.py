"""Nothing typed into a petition, and no markup in a template, makes WeasyPrint fetch anything."""
from __future__ import annotations

import http.server
import logging
import threading

import pytest

from petition.analysis import analyze_petition
from pdf import renderer
from pdf.fetcher import BlockedURL, LockedFetcher
from pdf.paper import paper_pdf
from pdf.review import review_pdf

from pdfcheck import broadband, page_texts, reader


@pytest.fixture
def trap():
    """A local HTTP server that records every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { background: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    thread.join(5)


def _hostile(base: str) -> list[str]:
    return [
        '<img src="file:///etc/passwd">',
        f'<link rel="attachment" href="{base}/attach"><link rel="stylesheet" href="{base}/sheet.css">',
        f'<style>@import url({base}/import.css); body {{ background: url({base}/bg.png) }}</style>',
    ]


def _no_attachment(pdf: bytes) -> None:
    root = reader(pdf).trailer["/Root"]
    assert "/EmbeddedFiles" not in str(root.get("/Names", {})) and b"/EmbeddedFile" not in pdf
    assert b"root:x:0:0" not in pdf


def test_markup_typed_into_a_petition_is_printed_as_text_and_fetches_nothing(trap):
    base, hits = trap
    hostile = _hostile(base)
    petition = broadband("en", grievances=hostile[:2], prayer="stop " + hostile[2])
    paper = paper_pdf(petition, sheets=2)
    review = review_pdf(analyze_petition(petition))
    assert hits == []
    for pdf in (paper.pdf, review):
        _no_attachment(pdf)
    assert '<img src="file:///etc/passwd">' in page_texts(paper.pdf)[0]


def test_the_locked_fetcher_blocks_raw_markup_too(trap, caplog):
    """Defence in depth: even unescaped HTML reaching WeasyPrint loads nothing outside static/pdf."""
    base, hits = trap
    html = ('<html lang="en"><head><title>t</title>' + "".join(_hostile(base))
            + '<link rel="attachment" href="file:///etc/passwd"></head>'
            + f'<body><p style="background: url({base}/inline.png)">x</p>'
              f'<img src="data:image/svg+xml,<svg xmlns=%22http://www.w3.org/2000/svg%22/>"></body></html>')
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        pdf = renderer.write(renderer.layout(html))
    assert hits == []
    _no_attachment(pdf)
    assert "blocked URL" in caplog.text


def test_fetcher_serves_only_files_under_its_root(tmp_path):
    root = tmp_path / "static"
    root.mkdir()
    (root / "a.css").write_text("p { color: black }")
    (tmp_path / "secret.txt").write_text("secret")
    fetcher = LockedFetcher(root)
    response = fetcher.fetch((root / "a.css").as_uri())
    assert response.read() == b"p { color: black }" and response.content_type == "text/css"
    for url in ((tmp_path / "secret.txt").as_uri(), (root / ".." / "secret.txt").as_uri(),
                (root / "missing.css").as_uri(), "file:///etc/passwd", "http://127.0.0.1/", "https://example.org/",
                "ftp://example.org/x", "data:text/plain,hi", f"file://evil.example{root / 'a.css'}"):
        with pytest.raises(BlockedURL):
            fetcher.fetch(url)


def test_missing_harfbuzz_subset_is_reported(monkeypatch, caplog):
    import weasyprint.text.ffi as ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    with caplog.at_level(logging.WARNING, logger="pdf.renderer"):
        assert renderer.check_harfbuzz_subset() is False
    assert "libharfbuzz-subset0" in caplog.text
    monkeypatch.undo()
    assert renderer.check_harfbuzz_subset() is True


def test_rendering_our_own_templates_logs_no_weasyprint_error(caplog):
    """A missing lang or title (PDF/UA), an unknown option or a blocked asset of our own would log an ERROR."""
    from pdf.instructions import instructions_pdf

    renderer.state()["pdfs"].clear()
    renderer.state()["layouts"].clear()
    petition = broadband("fr")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        paper = paper_pdf(petition, sheets=3)
        review_pdf(analyze_petition(petition))
        instructions_pdf("fr", "Bureau\n1 rue Principale")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
    # No images at all on the petition pages: no logos or QR codes can slip in (R-ATT-2).
    for page in reader(paper.pdf).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
