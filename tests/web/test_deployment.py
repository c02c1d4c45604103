"""Deployment settings through real requests: which host and scheme links are built on, proxies, key rotation,
and the headers every response carries (HSTS, Permissions-Policy, X-Request-ID)."""
from __future__ import annotations

import re

import pytest

EVIL = "evil.example"


@pytest.fixture
def deploy_app(make_app):
    """deploy_app(**config) -> an app; every app a test makes (before and after a key rotation) shares one
    database, and conftest's make_app closes their connections after the test."""
    shared = {}

    def make(**config):
        app = make_app(**shared, **config)
        shared.setdefault("DATABASE_URL", app.config["DATABASE_URL"])
        return app

    return make


def new_draft(client, **kwargs) -> str:
    response = client.post("/", data={"how": "new", "kind": "e-petition", "language": "en"}, **kwargs)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return re.match(r"^(?:https?://[^/]+)?/d/([A-Za-z0-9_-]{43,})/welcome$", response.location).group(1)


def links_on(page: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", page)


# ----- Host header -------------------------------------------------------------------------------

def test_by_default_a_strange_host_is_refused_and_never_reaches_a_link(deploy_app):
    client = deploy_app().test_client()
    token = new_draft(client)  # the test client's own host, localhost, is trusted

    for response in (client.get(f"/d/{token}/welcome", headers={"Host": EVIL}),
                     client.post("/", data={"how": "new", "kind": "e-petition", "language": "en"},
                                 headers={"Host": EVIL})):
        assert response.status_code == 400
        assert EVIL not in response.get_data(as_text=True)
        assert token not in response.get_data(as_text=True)

    page = client.get(f"/d/{token}/welcome").get_data(as_text=True)
    assert f"http://localhost/d/{token}/addressee" in page


def test_trusted_hosts_setting_refuses_other_hosts_and_builds_links_on_its_own(deploy_app):
    client = deploy_app(TRUSTED_HOSTS=["petitions.example.org"]).test_client()
    token = new_draft(client, headers={"Host": "petitions.example.org"})

    refused = client.get(f"/d/{token}/welcome", headers={"Host": EVIL})
    assert refused.status_code == 400 and EVIL not in refused.get_data(as_text=True)
    page = client.get(f"/d/{token}/welcome", headers={"Host": "petitions.example.org"}).get_data(as_text=True)
    assert f"http://petitions.example.org/d/{token}/addressee" in page
    assert client.get("/", headers={"Host": "localhost"}).status_code == 400  # loopback is no longer the default


def test_public_base_url_builds_every_link_whatever_the_host_header(deploy_app):
    client = deploy_app(PUBLIC_BASE_URL="https://petitions.example.org/").test_client()
    token = new_draft(client, headers={"Host": EVIL})

    response = client.get(f"/d/{token}/welcome", headers={"Host": EVIL})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert EVIL not in page
    assert f"https://petitions.example.org/d/{token}/addressee" in page
    assert any(link.startswith("https://petitions.example.org/r/") for link in links_on(page))
    # The public address is HTTPS, so the response says so to the browser.
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_settings_come_from_the_environment(deploy_app, monkeypatch):
    monkeypatch.setenv("TRUSTED_HOSTS", "a.example, b.example")
    monkeypatch.setenv("SECRET_KEY_FALLBACKS", "older-key,old-key")
    monkeypatch.setenv("TRUSTED_PROXIES", "1")
    app = deploy_app()
    assert app.config["TRUSTED_HOSTS"] == ["a.example", "b.example"]
    assert app.config["SECRET_KEY_FALLBACKS"] == ["older-key", "old-key"]
    assert app.test_client().get("/healthz", headers={"Host": "b.example"}).status_code == 200

    monkeypatch.delenv("TRUSTED_HOSTS")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://petitions.example.org")
    client = deploy_app().test_client()
    token = new_draft(client, headers={"Host": EVIL})
    assert f"https://petitions.example.org/d/{token}/addressee" in client.get(f"/d/{token}/welcome").get_data(
        as_text=True)


def test_with_both_settings_the_host_the_client_sent_is_checked(deploy_app):
    client = deploy_app(PUBLIC_BASE_URL="https://petitions.example.org",
                      TRUSTED_HOSTS=["petitions.example.org", "internal.example"]).test_client()
    token = new_draft(client, headers={"Host": "internal.example"})
    page = client.get(f"/d/{token}/welcome", headers={"Host": "internal.example"}).get_data(as_text=True)
    assert f"https://petitions.example.org/d/{token}/addressee" in page and "internal.example" not in page
    refused = client.get(f"/d/{token}/welcome", headers={"Host": EVIL})
    assert refused.status_code == 400 and EVIL not in refused.get_data(as_text=True)


@pytest.mark.parametrize("setting, value", [
    ("PUBLIC_BASE_URL", "https://petitions.example.org/petitions"),
    ("PUBLIC_BASE_URL", "petitions.example.org"),
    ("PUBLIC_BASE_URL", "ftp://petitions.example.org"),
    ("TRUSTED_PROXIES", "two"),
    ("TRUSTED_PROXIES", "-1"),
])
def test_a_wrong_setting_stops_the_start_with_its_name(deploy_app, setting, value):
    with pytest.raises(ValueError, match=setting):
        deploy_app(**{setting: value})


# ----- proxies and HTTPS -------------------------------------------------------------------------

PROXIED_HTTPS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}


def test_behind_a_trusted_proxy_links_are_https_and_hsts_is_sent(deploy_app):
    client = deploy_app(TRUSTED_PROXIES=1).test_client()
    token = new_draft(client)
    response = client.get(f"/d/{token}/welcome", headers=PROXIED_HTTPS)
    assert f"https://localhost/d/{token}/addressee" in response.get_data(as_text=True)
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_without_trusted_proxies_a_client_cannot_claim_https(deploy_app):
    client = deploy_app().test_client()
    token = new_draft(client)
    response = client.get(f"/d/{token}/welcome", headers=PROXIED_HTTPS)
    page = response.get_data(as_text=True)
    assert f"http://localhost/d/{token}/addressee" in page and "https://localhost" not in page
    assert "Strict-Transport-Security" not in response.headers


def test_hsts_only_over_https(client):
    assert "Strict-Transport-Security" not in client.get("/").headers
    assert client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"] == "max-age=31536000"


# ----- headers on every response -----------------------------------------------------------------

@pytest.mark.parametrize("method, path", [
    ("get", "/"), ("get", "/healthz"), ("get", "/d/no-such-token/review"), ("post", "/api/check"),
    ("get", "/static/css/app.css"), ("delete", "/"),
])
def test_permissions_policy_and_request_id_on_every_response(client, method, path):
    response = getattr(client, method)(path)
    policy = response.headers["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_a_sane_incoming_request_id_is_kept_and_a_strange_one_replaced(client):
    assert client.get("/", headers={"X-Request-ID": "lb-7f3a9c.42"}).headers["X-Request-ID"] == "lb-7f3a9c.42"
    for strange in ("a b", "x" * 129, "<script>", "-starts-with-dash"):
        answered = client.get("/", headers={"X-Request-ID": strange}).headers["X-Request-ID"]
        assert answered != strange and re.fullmatch(r"[0-9a-f]{32}", answered)


# ----- SECRET_KEY rotation -----------------------------------------------------------------------

def _csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


def _rotated(deploy_app, **config):
    return deploy_app(WTF_CSRF_ENABLED=True, **config)


def test_a_form_opened_before_a_key_rotation_still_saves_with_the_old_key_as_fallback(deploy_app):
    before = _rotated(deploy_app, SECRET_KEY="old-key").test_client()
    start = before.get("/").get_data(as_text=True)
    created = before.post("/", data={"how": "new", "kind": "e-petition", "language": "en",
                                     "csrf_token": _csrf_token(start)})
    token = created.location.split("/")[2]
    form = before.get(f"/d/{token}/prayer").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"|type="hidden" name="version" value="(\d+)"|'
                        r'id="version" name="version" type="hidden" value="(\d+)"', form)
    fields = {"csrf_token": _csrf_token(form), "prayer": "cap annual rent increases",
              "version": next(v for v in version.groups() if v)}
    cookie = before.get_cookie("session").value

    after = _rotated(deploy_app, SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=["old-key"]).test_client()
    after.set_cookie("session", cookie)
    saved = after.post(f"/d/{token}/prayer", data=fields)
    assert saved.status_code == 302
    assert "cap annual rent increases" in after.get(f"/d/{token}/prayer").get_data(as_text=True)

    # Without the fallback, the same post is refused, with the text still on the page (never lost).
    no_fallback = _rotated(deploy_app, SECRET_KEY="new-key").test_client()
    no_fallback.set_cookie("session", cookie)
    refused = no_fallback.post(f"/d/{token}/prayer", data={**fields, "prayer": "cap rents at inflation"})
    assert refused.status_code == 400
    assert "cap rents at inflation" in refused.get_data(as_text=True)


# ----- health check ------------------------------------------------------------------------------

def test_health_check_answers_503_json_when_the_database_cannot_be_read(deploy_app, make_app, tmp_path, caplog):
    assert deploy_app().test_client().get("/healthz").json == {"status": "ok", "database": "ok"}

    # A database file that cannot be opened (its folder is gone): the worker cannot read drafts.
    broken = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'gone' / 'petitions.sqlite'}")
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.json == {"status": "unavailable", "database": "error"}
    assert response.headers["Cache-Control"] == "no-store"
    assert [r.getMessage() for r in caplog.records if r.name == "app"] == [
        "health check: the database cannot be read: OperationalError: unable to open database file"]
