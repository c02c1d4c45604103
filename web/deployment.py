"""Where the app sits: behind how many proxies, at which public address, for which hosts, with which old keys.

Private links are shown as full URLs (the welcome page, the review link), so the host and scheme in them must
never come from a header a stranger can set: `Host: evil.example` must not put `http://evil.example/d/<token>/`
on anyone's page. Three settings decide, read from the environment in app.py:

- `PUBLIC_BASE_URL` (e.g. `https://petitions.example.org`): every request is treated as addressed to it, so every
  link, the scheme included, is built from it whatever Host the request carried.
- `TRUSTED_HOSTS` (Flask's setting): a request whose Host is not one of them is refused (400); with a public base
  URL too, the Host the client sent is the one checked. With neither set, only loopback names are trusted, so a
  development server works and a public deployment that forgot both refuses requests instead of building links
  from whatever Host arrives.
- `TRUSTED_PROXIES`: how many proxies in front set X-Forwarded-For and X-Forwarded-Proto (werkzeug's ProxyFix);
  0 (the default) trusts none, so a client cannot claim HTTPS or another address.

`SECRET_KEY_FALLBACKS` (Flask's setting) lists old keys still accepted while SECRET_KEY is rotated; they cover
CSRF tokens here too, so a form opened before the rotation still saves.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, current_app, request
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.sansio.utils import host_is_trusted

# IPv6 loopback is left out: werkzeug cannot match a bracketed address against this list.
LOOPBACK_HOSTS = ["localhost", "127.0.0.1"]

UNTRUSTED_HOST_LOG = (
    "Refused a request for host %r: links to drafts would be built from it. Set PUBLIC_BASE_URL to the address "
    "people use (e.g. https://petitions.example.org), or TRUSTED_HOSTS to the host names this server answers for "
    "(comma-separated); see the README's Deploy section."
)


UNTRUSTED_HOST_PAGE = (
    "400 Bad Request: this server does not answer for that host name.\n"
    "400 Requête incorrecte : ce serveur ne répond pas à ce nom d’hôte.\n"
)


def _split_list(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").replace(",", " ").split() if item.strip()]


def settings_from_environ(environ) -> dict:
    """The deployment settings as app.config entries (only those the environment sets)."""
    settings: dict = {}
    if environ.get("PUBLIC_BASE_URL"):
        settings["PUBLIC_BASE_URL"] = environ["PUBLIC_BASE_URL"]
    if environ.get("TRUSTED_HOSTS"):
        settings["TRUSTED_HOSTS"] = _split_list(environ["TRUSTED_HOSTS"])
    if environ.get("TRUSTED_PROXIES"):
        settings["TRUSTED_PROXIES"] = environ["TRUSTED_PROXIES"]
    if environ.get("SECRET_KEY_FALLBACKS"):
        settings["SECRET_KEY_FALLBACKS"] = _split_list(environ["SECRET_KEY_FALLBACKS"])
    return settings


def parse_public_base_url(value: str) -> tuple[str, str]:
    """(scheme, host[:port]) of a base URL such as https://petitions.example.org; ValueError otherwise."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.path not in ("", "/") \
            or parts.query or parts.fragment or "@" in parts.netloc:
        raise ValueError(
            f"PUBLIC_BASE_URL={value!r} must be a scheme and host only, such as https://petitions.example.org "
            "(no path, query or user name)."
        )
    return parts.scheme, parts.netloc.lower()


def _trusted_proxies(value) -> int:
    try:
        count = int(value or 0)
    except (TypeError, ValueError):
        count = -1
    if count < 0:
        raise ValueError(f"TRUSTED_PROXIES={value!r} must be the number of proxies in front of the app (0, 1, 2...).")
    return count


class PublicBaseURL:
    """WSGI middleware: every request is addressed to the public base URL (scheme and host), whatever it said."""

    def __init__(self, wsgi_app, base_url: str, trusted_hosts: list[str] | None = None):
        self.wsgi_app = wsgi_app
        self.scheme, self.host = parse_public_base_url(base_url)
        self.trusted_hosts = trusted_hosts

    def __call__(self, environ, start_response):
        if self.trusted_hosts and not host_is_trusted(environ.get("HTTP_HOST"), self.trusted_hosts):
            # Left as sent: Flask refuses it (400) like any other untrusted host.
            return self.wsgi_app(environ, start_response)
        environ["HTTP_HOST"] = self.host
        environ["wsgi.url_scheme"] = self.scheme
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    proxies = _trusted_proxies(app.config.get("TRUSTED_PROXIES"))
    base_url = app.config.get("PUBLIC_BASE_URL")
    trusted = app.config.get("TRUSTED_HOSTS")
    if isinstance(trusted, str):  # FLASK_TRUSTED_HOSTS=petitions.example.org, or a test config
        trusted = app.config["TRUSTED_HOSTS"] = _split_list(trusted)
    if base_url:
        # Inside ProxyFix: the client address still comes from the trusted X-Forwarded-For.
        app.wsgi_app = PublicBaseURL(app.wsgi_app, base_url, trusted)
        if trusted:
            app.config["TRUSTED_HOSTS"] = [*trusted, parse_public_base_url(base_url)[1]]
    elif trusted is None:
        app.config["TRUSTED_HOSTS"] = list(LOOPBACK_HOSTS)
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    _accept_old_keys_for_csrf(app)
    app.register_error_handler(SecurityError, _untrusted_host)


def _accept_old_keys_for_csrf(app: Flask) -> None:
    # Flask checks sessions against SECRET_KEY_FALLBACKS itself; Flask-WTF signs CSRF tokens with one key, but
    # accepts a list (itsdangerous: oldest first, the last one signs).
    fallbacks = app.config.get("SECRET_KEY_FALLBACKS") or []
    if fallbacks and app.config.get("SECRET_KEY") and not app.config.get("WTF_CSRF_SECRET_KEY"):
        app.config["WTF_CSRF_SECRET_KEY"] = [*fallbacks, app.config["SECRET_KEY"]]


def _untrusted_host(error: SecurityError):
    # Plain text in both languages: the page layout (and the language choice) cannot be built without a host to
    # build its URLs on. Logged once per process, so a flood of strange hosts does not flood the log.
    app = current_app
    if not app.extensions.get("petition_helper_untrusted_host_logged"):
        app.logger.error(UNTRUSTED_HOST_LOG, request.headers.get("Host", ""))
        app.extensions["petition_helper_untrusted_host_logged"] = True
    return app.response_class(UNTRUSTED_HOST_PAGE, status=400, mimetype="text/plain")
