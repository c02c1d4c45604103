"""A real gunicorn serving the app on loopback, and a browser-like client for it (benches and tests share them).

`GunicornServer` starts `gunicorn -c gunicorn.conf.py` (the production settings) on 127.0.0.1 with a free port
and a temporary SQLite database, waits for /healthz, and always stops what it started: SIGTERM to the master,
then SIGKILL to its whole process group (the server runs in a session of its own, so its workers are in it).

`WebClient` walks the drafting pages as a browser would: cookies, the CSRF token and the version field.
"""
from __future__ import annotations

import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class GunicornServer:
    def __init__(self, workdir: Path, *, workers: int = 2, env: dict | None = None, args: list[str] = ()):
        self.workdir = Path(workdir)
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.access_log = self.workdir / "access.log"
        self.error_log = self.workdir / "error.log"
        self.env = {
            **os.environ,
            "SECRET_KEY": "bench-" + os.urandom(16).hex(),
            "DATABASE_URL": f"sqlite:///{self.workdir / 'serve.sqlite'}",
            # Plain HTTP on loopback: the session cookie cannot be Secure here.
            "FLASK_SESSION_COOKIE_SECURE": "false",
            "FLASK_REPRESENT_CACHE_PATH": str(self.workdir / "represent-cache.sqlite"),
            "FLASK_REPRESENT_LIMIT_PATH": str(self.workdir / "represent-limit.sqlite"),
            # One loopback client sends thousands of requests: the per-client limits would answer 429 and the
            # figures would measure them (bench/growth.py measures the limits themselves).
            "FLASK_RATELIMIT_ENABLED": "false",
            **(env or {}),
        }
        self.args = list(args)
        self.process: subprocess.Popen | None = None

    def start(self) -> "GunicornServer":
        # As an operator does: the tables come from the migrations, once, before any worker starts.
        subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=ROOT, env=self.env,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, check=True)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"),
             "-b", f"127.0.0.1:{self.port}", "-w", str(self.workers),
             "--access-logfile", str(self.access_log), "--error-logfile", str(self.error_log), *self.args],
            cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}:\n{self.log('error')}")
            try:
                if requests.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer /healthz within {START_TIMEOUT_S} s:\n{self.log('error')}")

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left of the group (a worker that outlived its master): our own session id, killed by id.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        process.wait()

    def log(self, which: str) -> str:
        path = self.access_log if which == "access" else self.error_log
        return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""

    def __enter__(self) -> "GunicornServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# ----- a browser-like client -----------------------------------------------------------------------

_INPUT = re.compile(r"<input\b[^>]*>", re.S)
_ATTR = re.compile(r'([a-zA-Z_:-]+)="([^"]*)"')


def hidden_fields(page: str, form_action: str | None = None) -> dict[str, str]:
    """name -> value of the hidden inputs (of the form posting to `form_action`, when the page has one)."""
    if form_action is not None:
        match = re.search(r'<form\b[^>]*action="' + re.escape(form_action) + r'"[^>]*>(.*?)</form>', page, re.S)
        page = match.group(1) if match else page
    fields = {}
    for tag in _INPUT.findall(page):
        attrs = dict(_ATTR.findall(tag))
        if attrs.get("type") == "hidden" and "name" in attrs:
            fields.setdefault(attrs["name"], html.unescape(attrs.get("value", "")))
    return fields


class WebClient:
    def __init__(self, base_url: str, timeout: float = 120):
        self.base_url = base_url
        self.timeout = timeout
        self.http = requests.Session()

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.http.get(self.base_url + path, timeout=self.timeout, allow_redirects=False, **kwargs)

    def post(self, path: str, data: dict, **kwargs) -> requests.Response:
        return self.http.post(self.base_url + path, data=data, timeout=self.timeout, allow_redirects=False,
                              **kwargs)

    def submit(self, page_path: str, action: str, fields: dict) -> requests.Response:
        """GET the page, then POST `fields` with its CSRF token and version to the form posting to `action`."""
        page = self.get(page_path)
        page.raise_for_status()
        return self.post(action, {**hidden_fields(page.text, action), **fields})

    def start_draft(self, kind: str = "e-petition", language: str = "en", paste: str | None = None) -> tuple[str, str]:
        """A new draft; returns (edit token, review token)."""
        fields = {"how": "paste" if paste else "new", "kind": kind, "language": language, "text": paste or ""}
        created = self.submit("/", "/", fields)
        if created.status_code != 302:
            raise RuntimeError(f"starting a draft answered {created.status_code}")
        token = created.headers["Location"].split("/d/", 1)[1].split("/", 1)[0]
        welcome = self.get(f"/d/{token}/welcome")
        review_token = re.search(r"/r/([A-Za-z0-9_-]{20,})", welcome.text).group(1)
        return token, review_token

    def save_step(self, token: str, step: str, fields: dict) -> requests.Response:
        return self.submit(f"/d/{token}/{step}", f"/d/{token}/{step}", fields)
