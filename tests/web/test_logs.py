"""No private-link token in any log line, and every line written during a request carries its request id."""
from __future__ import annotations

import logging
import re

import pytest

from web import drafting
from web.logs import redact


@pytest.fixture
def failing_app(make_app):
    # Production-like error handling: exceptions are logged and answered with the 500 page, not raised.
    return make_app(PROPAGATE_EXCEPTIONS=False)


def new_draft(client) -> tuple[str, str]:
    response = client.post("/", data={"how": "new", "kind": "e-petition", "language": "en"})
    token = response.location.split("/")[2]
    page = client.get(f"/d/{token}/welcome").get_data(as_text=True)
    review_token = re.search(r"/r/([A-Za-z0-9_-]{43,})", page).group(1)
    return token, review_token


def everything_logged(caplog) -> str:
    """Every record as a handler would print it: message, traceback and stack included."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(formatter.format(record) for record in caplog.records)


def test_flask_exception_line_and_traceback_carry_no_token(failing_app, caplog, monkeypatch):
    client = failing_app.test_client()
    token, review_token = new_draft(client)

    def broken_review(draft, token, **kwargs):
        raise RuntimeError(f"template failed for /d/{token}/review (shared as /r/{draft.review_token})")

    monkeypatch.setattr(drafting, "_render_review", broken_review)
    caplog.set_level(logging.INFO)
    response = client.get(f"/d/{token}/review", headers={"X-Request-ID": "req-500-check"})

    assert response.status_code == 500
    logged = everything_logged(caplog)
    assert "Exception on /d/[redacted]/review [GET]" in logged
    assert "RuntimeError: template failed for /d/[redacted]/review (shared as /r/[redacted])" in logged
    assert token not in logged and review_token not in logged
    exception_record = next(r for r in caplog.records if r.getMessage().startswith("Exception on"))
    assert exception_record.request_id == "req-500-check" == response.headers["X-Request-ID"]


def test_a_database_failure_on_a_private_link_logs_no_token(failing_app, make_app, tmp_path, caplog):
    token, review_token = new_draft(failing_app.test_client())
    # The same links on a worker whose database cannot be opened (its folder is gone).
    broken = make_app(PROPAGATE_EXCEPTIONS=False, DATABASE_URL=f"sqlite:///{tmp_path / 'gone' / 'db.sqlite'}")
    client = broken.test_client()
    caplog.set_level(logging.INFO)

    for path in (f"/d/{token}/review", f"/r/{review_token}", f"/d/{token}/prayer"):
        assert client.get(path).status_code >= 500
    assert client.post(f"/d/{token}/prayer", data={"prayer": "cap rents", "version": "1"}).status_code == 503
    logged = everything_logged(caplog)
    assert logged  # the failures were logged...
    assert token not in logged and review_token not in logged  # ...without the tokens


def test_every_logger_is_redacted_not_only_flasks(failing_app, caplog):
    caplog.set_level(logging.INFO)
    secret = "Zq3_" + "x" * 39
    logging.getLogger("some.library").warning("GET %s from %s", f"/d/{secret}/grievances",
                                               f"http://example.org/r/{secret}")
    assert caplog.records[-1].getMessage() == (
        "GET /d/[redacted]/grievances from http://example.org/r/[redacted]")
    assert caplog.records[-1].request_id == "-"  # outside a request


@pytest.mark.parametrize("line, expected", [
    ('"GET /d/abc_DEF-123/review HTTP/1.1" 200', '"GET /d/[redacted]/review HTTP/1.1" 200'),
    ("/r/abc?x=1", "/r/[redacted]?x=1"),
    ("/d/abc", "/d/[redacted]"),
    ("https://h/d/abc/cover-letter.pdf#top", "https://h/d/[redacted]/cover-letter.pdf#top"),
    ("/static/css/app.css and /api/check", "/static/css/app.css and /api/check"),
    ("", ""),
])
def test_redact(line, expected):
    assert redact(line) == expected
