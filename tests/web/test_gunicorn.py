"""The production server for real: gunicorn with gunicorn.conf.py (2 workers, --preload) on loopback.

Reads gunicorn's own access log: no edit or review token in it, and each line carries the request id the app sent.
"""
from __future__ import annotations

import os
import re
import time

import pytest

from bench.serving import GunicornServer, WebClient


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with GunicornServer(tmp_path_factory.mktemp("gunicorn"), workers=2) as running:
        yield running


def access_lines(server, *needles: str, timeout: float = 10) -> list[str]:
    """The access log once every needle is in it (a worker writes its line after sending the response)."""
    deadline = time.monotonic() + timeout
    while True:
        log = server.log("access")
        if all(needle in log for needle in needles) or time.monotonic() > deadline:
            return log.splitlines()
        time.sleep(0.05)


def test_the_access_log_holds_no_token_and_carries_the_request_id(server):
    client = WebClient(server.url)
    token, review_token = client.start_draft()
    saved = client.save_step(token, "prayer", {"prayer": "cap annual rent increases"})
    assert saved.status_code == 302
    pages = [f"/d/{token}/review", f"/r/{review_token}", f"/d/{token}/review.pdf", f"/d/{token}/no-such-page"]
    answers = {}
    for path in pages:
        response = client.get(path, headers={"X-Request-ID": f"check-{len(answers)}",
                                             "Referer": f"{server.url}/d/{token}/welcome"})
        answers[path] = response
    assert [answers[p].status_code for p in pages] == [200, 200, 200, 404]

    lines = access_lines(server, *(f"rid=check-{number}" for number in range(len(pages))))
    log = "\n".join(lines)
    assert token not in log and review_token not in log
    assert '"GET /d/[redacted]/review HTTP/1.1" 200' in log
    assert '"GET /r/[redacted] HTTP/1.1" 200' in log
    assert '"POST /d/[redacted]/prayer HTTP/1.1" 302' in log
    assert f'"{server.url}/d/[redacted]/welcome"' in log  # the Referer too
    for number, path in enumerate(pages):
        line = next(line for line in lines if f"rid=check-{number}" in line)
        assert answers[path].headers["X-Request-ID"] == f"check-{number}"
        assert re.search(r" \d+ms rid=", line)
    generated = client.get("/").headers["X-Request-ID"]
    assert any(line.endswith(f"rid={generated}") for line in access_lines(server, f"rid={generated}"))
    assert token not in server.log("error") and review_token not in server.log("error")


def test_health_check_is_cheap_json_and_never_cached(server):
    client = WebClient(server.url)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert response.headers["Cache-Control"] == "no-store"
    assert "Set-Cookie" not in response.headers


def test_gunicorn_itself_trusts_no_forwarded_header(server):
    # Only the app decides (TRUSTED_PROXIES, unset here): a client on loopback cannot claim HTTPS.
    client = WebClient(server.url)
    token, _ = client.start_draft()
    response = client.get(f"/d/{token}/welcome", headers={"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on"})
    assert "Strict-Transport-Security" not in response.headers
    assert f"{server.url}/d/{token}/addressee" in response.text


def test_a_strange_host_gets_no_link(server):
    client = WebClient(server.url)
    token, _ = client.start_draft()
    response = client.get(f"/d/{token}/welcome", headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert "evil.example" not in response.text and token not in response.text
    assert "evil.example" in server.log("error")  # the operator is told why, once


def test_preload_leaves_no_database_file_open_in_the_master(server):
    # The app is made in the master (preload_app) and the workers are forked from it: a connection opened there
    # would be shared by every worker, which corrupts SQLite and PostgreSQL traffic alike. After serving,
    # the master holds none of the instance's database files (drafts, Represent cache and limit).
    client = WebClient(server.url)
    token, _ = client.start_draft()
    assert client.save_step(token, "prayer", {"prayer": "cap annual rent increases"}).status_code == 302
    master = server.process.pid
    open_files = [os.readlink(f"/proc/{master}/fd/{fd}") for fd in os.listdir(f"/proc/{master}/fd")]
    assert not [path for path in open_files if ".sqlite" in path], open_files


def test_the_start_up_warm_up_never_stops_a_worker_when_the_database_is_down(make_app, tmp_path, caplog):
    """gunicorn.conf.py warms each worker (web/warm.py); a database that cannot be read at that moment is the
    health check's to report, and the worker must still start and serve what it can."""
    from web.warm import before_fork, in_worker

    app = make_app(DATABASE_URL=f"sqlite:///{tmp_path}/missing-folder/none.sqlite")
    before_fork(app)
    in_worker(app)  # does not raise
    assert "warm-up in the worker failed" in caplog.text
    assert app.test_client().get("/healthz").status_code == 503
