"""Error pages, the SECRET_KEY rule, CSRF, security headers, cookies and the request size limit."""
from __future__ import annotations

import json
import logging
import re

import pytest
from flask import abort, request, session
from flask_wtf.csrf import generate_csrf

from app import create_app
from forms.limits import MAX_REQUEST_BYTES
from tests.conftest import fresh_database_url, sample
from web.security import CONTENT_SECURITY_POLICY

LIMIT = MAX_REQUEST_BYTES


def make_app(tmp_path, monkeypatch, **config):
    """A real app plus a few routes that only tests need: a form, a session, a failure."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": False,
        "DATABASE_URL": fresh_database_url(tmp_path, 'errors.sqlite'),
    }
    settings.update(config)
    app = create_app(settings)

    @app.post("/_test/form")
    def form_post():
        return {"fields": sorted(request.form)}

    @app.get("/_test/token")
    def token():
        return generate_csrf()

    @app.get("/_test/session")
    def session_write():
        session["seen"] = True
        return "ok"

    @app.get("/_test/missing-draft")
    def missing_draft():
        abort(404, description="No draft has this edit link.")

    @app.get("/_test/boom")
    def boom():
        raise RuntimeError("secret internals: /srv/db password=hunter2")

    @app.get("/api/_test/boom")
    def api_boom():
        raise RuntimeError("secret internals")

    return app


@pytest.fixture
def web_app(tmp_path, monkeypatch):
    return make_app(tmp_path, monkeypatch)


def text_of(response) -> str:
    """The page's visible text, whitespace collapsed."""
    html = response.get_data(as_text=True)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- error pages ---------------------------------------------------------------------------------------

def test_unknown_page_is_a_404_page_that_explains_missing_draft_links(web_app):
    response = web_app.test_client().get("/drafts/not-a-real-token/edit")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    page = text_of(response)
    assert "mistyped" in page and "deleted" in page
    assert "start a new draft" in page.lower()
    assert 'href="/"' in response.get_data(as_text=True)


def test_a_views_own_404_reason_is_shown_with_the_help(web_app):
    response = web_app.test_client().get("/_test/missing-draft")
    assert response.status_code == 404
    page = text_of(response)
    assert "No draft has this edit link." in page
    assert "mistyped" in page


def test_wrong_method_gets_a_405_page_with_allow_header(web_app):
    response = web_app.test_client().put("/_test/form")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert "does not accept a PUT request" in text_of(response)


def test_form_over_the_size_limit_gets_a_friendly_413_page(web_app):
    response = web_app.test_client().post("/_test/form", data={"grievance": "x" * (LIMIT + 1)})
    assert response.status_code == 413
    assert response.mimetype == "text/html"
    assert f"The petition is too large: the limit is {LIMIT // 1024} KB" in text_of(response)


def test_form_just_under_the_size_limit_is_accepted(web_app):
    body = "grievance=" + "x" * (LIMIT - len("grievance=") - 10)
    response = web_app.test_client().post(
        "/_test/form", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert response.json == {"fields": ["grievance"]}


def test_unexpected_failure_gets_a_500_page_without_internals_and_is_logged(tmp_path, monkeypatch, caplog):
    app = make_app(tmp_path, monkeypatch, TESTING=False)
    with caplog.at_level(logging.ERROR):
        response = app.test_client().get("/_test/boom")
    assert response.status_code == 500
    page = text_of(response)
    assert "Something went wrong on our side" in page
    assert "hunter2" not in page and "Traceback" not in page
    assert any("hunter2" in (record.exc_text or "") or record.exc_info for record in caplog.records)


def test_api_errors_are_json(tmp_path, monkeypatch):
    client = make_app(tmp_path, monkeypatch, TESTING=False).test_client()

    missing = client.get("/api/no-such-endpoint")
    assert missing.status_code == 404
    assert missing.json["error"] == "not-found"
    assert "README" in missing.json["message"]

    failed = client.get("/api/_test/boom")
    assert failed.status_code == 500
    assert failed.mimetype == "application/json"
    assert failed.json["error"] == "internal-server-error"
    assert "secret internals" not in failed.get_data(as_text=True)


def test_error_pages_escape_what_the_user_sent(tmp_path, monkeypatch):
    app = make_app(tmp_path, monkeypatch, WTF_CSRF_ENABLED=True)
    response = app.test_client().post("/_test/form", data={"prayer": "<script>alert(1)</script>"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


# --- CSRF ------------------------------------------------------------------------------------------------

@pytest.fixture
def csrf_app(tmp_path, monkeypatch):
    return make_app(tmp_path, monkeypatch, WTF_CSRF_ENABLED=True)


def test_form_post_without_csrf_token_is_refused_and_keeps_the_text(csrf_app):
    response = csrf_app.test_client().post(
        "/_test/form", data={"prayer": "take action on rent control", "grievance": "Rents doubled"})
    assert response.status_code == 400
    page = text_of(response)
    assert "This form could not be accepted" in page
    assert "The CSRF token is missing." in page
    # What the person typed comes back, so nothing is lost.
    assert "take action on rent control" in page and "Rents doubled" in page


def test_form_post_with_a_token_from_another_session_is_refused(csrf_app):
    foreign_token = csrf_app.test_client().get("/_test/token").get_data(as_text=True)
    response = csrf_app.test_client().post("/_test/form", data={"csrf_token": foreign_token, "prayer": "x"})
    assert response.status_code == 400
    assert "could not be accepted" in text_of(response)


def test_form_post_with_the_sessions_token_is_accepted(csrf_app):
    client = csrf_app.test_client()
    token = client.get("/_test/token").get_data(as_text=True)
    response = client.post("/_test/form", data={"csrf_token": token, "prayer": "x"})
    assert response.status_code == 200


def test_token_in_x_csrftoken_header_is_accepted_for_scripts(csrf_app):
    client = csrf_app.test_client()
    token = client.get("/_test/token").get_data(as_text=True)
    assert client.post("/_test/form", data={"prayer": "x"}, headers={"X-CSRFToken": token}).status_code == 200


def test_https_form_post_needs_no_referer(csrf_app):
    # Referrer-Policy: no-referrer means browsers send none; Flask-WTF's SSL-strict check would refuse them.
    client = csrf_app.test_client()
    token = client.get("/_test/token", base_url="https://localhost").get_data(as_text=True)
    response = client.post("/_test/form", data={"csrf_token": token}, base_url="https://localhost")
    assert response.status_code == 200


# --- headers and cookies ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/no-such-page", "/api/no-such-endpoint", "/_test/session"])
def test_security_headers_on_every_response(web_app, path):
    response = web_app.test_client().get(path)
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_behind_private_links_are_never_cached(web_app):
    client = web_app.test_client()
    token = re.match(r"^/d/([^/]+)/welcome$", client.post("/", data={"how": "new", "kind": "e-petition",
                                                                    "language": "en"}).location).group(1)
    for path in (f"/d/{token}/welcome", f"/d/{token}/prayer", f"/d/{token}/review", "/d/nope/review"):
        assert client.get(path).headers.get("Cache-Control") == "no-store", path
    assert "no-store" not in client.get("/").headers.get("Cache-Control", "")


def test_content_security_policy_allows_no_inline_script():
    directives = dict(d.strip().split(" ", 1) for d in CONTENT_SECURITY_POLICY.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["form-action"] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY and "unsafe-eval" not in CONTENT_SECURITY_POLICY


def test_session_cookie_is_secure_httponly_and_lax_outside_debug(web_app):
    cookie = web_app.test_client().get("/_test/session").headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_is_not_secure_on_the_debug_server(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_DEBUG", "1")
    app = make_app(tmp_path, monkeypatch)
    assert app.debug
    cookie = app.test_client().get("/_test/session").headers["Set-Cookie"]
    assert "Secure" not in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_secure_cookie_can_be_turned_off_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("FLASK_SESSION_COOKIE_SECURE", "false")
    cookie = make_app(tmp_path, monkeypatch).test_client().get("/_test/session").headers["Set-Cookie"]
    assert "Secure" not in cookie


# --- SECRET_KEY -------------------------------------------------------------------------------------------

def test_web_app_refuses_to_serve_without_secret_key(tmp_path, monkeypatch, caplog):
    app = make_app(tmp_path, monkeypatch, TESTING=False, SECRET_KEY=None)
    client = app.test_client()
    with caplog.at_level(logging.ERROR):
        for path in ("/", "/no-such-page", "/_test/session"):
            response = client.get(path)
            assert response.status_code == 503
            assert "SECRET_KEY is not set" in response.get_data(as_text=True)
        api = client.post("/api/check", json={"text": "x"})
    assert api.status_code == 503 and "SECRET_KEY" in api.json["message"]
    logged = [r for r in caplog.records if r.levelno == logging.ERROR and "SECRET_KEY" in r.getMessage()]
    assert len(logged) == 1  # once, not once per request


def test_secret_key_from_the_environment_serves(tmp_path, monkeypatch):
    monkeypatch.delenv("FLASK_SECRET_KEY", raising=False)
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    app = create_app({"DATABASE_URL": fresh_database_url(tmp_path, 'env.sqlite')})
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.test_client().get("/no-such-page").status_code == 404


def test_cli_commands_need_no_secret_key(tmp_path, monkeypatch, caplog):
    app = make_app(tmp_path, monkeypatch, TESTING=False, SECRET_KEY=None)
    draft = tmp_path / "petition.txt"
    draft.write_text(sample("certified/e-2490.txt"), encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        result = app.test_cli_runner().invoke(args=["petition", "check", "--format", "json", str(draft)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["input_form"] == "house"
    assert "SECRET_KEY" not in result.output
    assert not [r for r in caplog.records if "SECRET_KEY" in r.getMessage()]
