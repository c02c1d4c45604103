"""What every response and request goes through: the SECRET_KEY rule, CSRF, security headers, cookies.

The request size limit itself is MAX_CONTENT_LENGTH in app.py; web.errors turns it into a 413.
"""
from __future__ import annotations

from flask import Flask, abort, current_app, request
from flask_babel import force_locale, lazy_gettext as _l
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()

# No inline script or style anywhere, so 'self' is all a page needs. form-action stops an injected form
# from posting a petition elsewhere; frame-ancestors stops the edit pages being framed (clickjacking).
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])

PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone",
    "payment", "usb",
))

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Edit links carry the draft's secret token in the URL: no Referer may ever take it elsewhere.
    "Referrer-Policy": "no-referrer",
    # For browsers too old for frame-ancestors.
    "X-Frame-Options": "DENY",
    # The app uses none of the browser's powerful features: no page (or injected script) may ask for them.
    "Permissions-Policy": PERMISSIONS_POLICY,
}

# Sent only on responses that went over HTTPS (directly, or through a trusted proxy: TRUSTED_PROXIES, or a
# PUBLIC_BASE_URL in https), as browsers ignore it on plain HTTP. One year, this host only: subdomains may be
# other services the operator runs.
STRICT_TRANSPORT_SECURITY = "max-age=31536000"

MISSING_SECRET_KEY = _l(
    "SECRET_KEY is not set. Sessions and CSRF tokens are signed with it, so the web app will not serve "
    "pages without it. Set the SECRET_KEY environment variable to a long random value "
    "(e.g. `python -c 'import secrets; print(secrets.token_hex(32))'`) and restart, or use `make run` "
    "for development."
)


def init_app(app: Flask) -> None:
    _configure_cookies(app)
    # Registered before CSRFProtect's hook: without a key, CSRF checking would itself crash on the session.
    app.before_request(_refuse_without_secret_key)
    # Tokens travel in form fields and the X-CSRFToken header. The SSL-strict Referer check must go: with
    # Referrer-Policy no-referrer, browsers send no Referer, and every HTTPS form post would be refused.
    # SameSite=Lax session cookies plus session-bound tokens already stop cross-site posts.
    app.config.setdefault("WTF_CSRF_SSL_STRICT", False)
    csrf.init_app(app)
    app.after_request(_add_security_headers)


def _configure_cookies(app: Flask) -> None:
    app.config["SESSION_COOKIE_HTTPONLY"] = True
    app.config["SESSION_COOKIE_SAMESITE"] = app.config.get("SESSION_COOKIE_SAMESITE") or "Lax"
    # None (the default in app.py) means: Secure everywhere except the debug server, which speaks plain HTTP.
    # A deployment serving plain HTTP on purpose sets FLASK_SESSION_COOKIE_SECURE=false.
    if app.config.get("SESSION_COOKIE_SECURE") is None:
        app.config["SESSION_COOKIE_SECURE"] = not app.debug


def _refuse_without_secret_key():
    app = current_app
    if app.config.get("SECRET_KEY") or app.testing:
        return None
    # Once per process: the log says why, every request gets the 503 page saying the same.
    if not app.extensions.get("petition_helper_secret_key_logged"):
        with force_locale("en"):  # the log is for whoever runs the app, in one language
            app.logger.error(str(MISSING_SECRET_KEY))
        app.extensions["petition_helper_secret_key_logged"] = True
    abort(503, description=str(MISSING_SECRET_KEY))


def _add_security_headers(response):
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY)
    # A draft's pages are reached by private links: no shared or back-button cache keeps a copy.
    if request.path.startswith(("/d/", "/r/")):
        response.headers.setdefault("Cache-Control", "no-store")
    return response
