"""Browser-test harness: a live server in a thread, driven by Playwright with Debian's chromium.

Every test under tests/e2e is marked `e2e`. The browser is /usr/bin/chromium (`apt-get install chromium`);
Playwright's own browser download is never used. When chromium is missing the tests fail with a clear
message rather than skip, so a CI machine without a browser cannot report green.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from flask import got_request_exception
from werkzeug.serving import make_server

from app import create_app
from tests.conftest import fresh_database_url

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    # The test machines sit on a closed network: background fetches only produce refused connections.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
E2E_DIR = Path(__file__).parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


class LiveServer:
    """The real app served over HTTP on 127.0.0.1; remembers exceptions raised while handling requests."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.exceptions: list[BaseException] = []
        self._thread = threading.Thread(target=self.server.serve_forever, name="live-server", daemon=True)

    def _record(self, sender, exception, **extra):
        self.exceptions.append(exception)

    def start(self):
        got_request_exception.connect(self._record, self.app, weak=False)
        self._thread.start()

    def stop(self):
        self.server.shutdown()
        self._thread.join(5)
        got_request_exception.disconnect(self._record, self.app)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    db_dir = tmp_path_factory.mktemp("e2e-db")
    # Production-like: not TESTING, CSRF on, a real secret. Cookies without `Secure` only because the
    # server speaks plain HTTP on the loopback interface.
    app = create_app({
        "TESTING": False,
        "SECRET_KEY": os.urandom(32).hex(),
        "WTF_CSRF_ENABLED": True,
        "SESSION_COOKIE_SECURE": False,
        "DATABASE_URL": fresh_database_url(db_dir, "e2e.sqlite"),
        # One browser from one address runs every journey: the limits are tested in tests/web.
        "RATELIMIT_ENABLED": False,
    })
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(live_server):
    """Overrides pytest-playwright's base_url, so `page.goto("/")` opens the live server."""
    return live_server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium); "
            "they fail rather than skip so that a machine without it cannot pass.",
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def console_messages(page):
    """Everything the page logged to the console, as "type: text" strings."""
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(f"{msg.type}: {msg.text}"))
    return messages


@pytest.fixture
def csp_violations(page):
    """What the browser refused under the Content-Security-Policy, as its console reported it."""
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None)
    return violations


@pytest.fixture(autouse=True)
def _no_server_errors_or_csp_violations(request, live_server):
    """Fails any browser test during which the server raised, or the page broke its Content-Security-Policy.

    A 500 behind a page the test never looks at, or a script the CSP silently blocked, would otherwise pass.
    """
    violations = request.getfixturevalue("csp_violations") if "page" in request.fixturenames else []
    already = len(live_server.exceptions)
    yield
    raised = live_server.exceptions[already:]
    assert not raised, f"the live server raised while handling a request: {raised!r}"
    assert not violations, f"Content-Security-Policy violations in the browser: {violations}"
