"""The app under gunicorn, as it is deployed: workers killed with SIGKILL in the middle of concurrent saves lose
no save a client was told succeeded, duplicate none and corrupt none (SQLite and PostgreSQL); and a fresh
`gunicorn -w 4` on an empty database after `db upgrade` starts every worker (the old create_all race).

gunicorn runs on 127.0.0.1. The fault test uses the repository's gunicorn.conf.py, as deployed (--preload: the app
is made once in the master and the workers are forked from it, so a killed worker is replaced at once, and no
database connection may cross the fork). The start-up test runs the plain `gunicorn -w 4 'app:create_app()'` of
the report with a minimal config file: four apps made at once.
"""
from __future__ import annotations

import json
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from conftest import TEST_DATABASE_URL, fresh_database_url
from web.models import KEEP_LATEST_VERSIONS, hash_token

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 6
SAVES_PER_CLIENT = 20
# On a quiet machine the saves can all be done before the last kill: clients go on (up to this many) until it is.
MAX_SAVES_PER_CLIENT = 200
KILLS = 6


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            # The command may hold spaces and parentheses: the fields after the last ")" are fixed.
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


class Gunicorn:
    def __init__(self, database_url: str, tmp_path: Path, workers: int, deployed: bool):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = tmp_path / f"gunicorn-{self.port}.log"
        if deployed:
            # The repository's settings (--preload: the app is made before the workers fork, so a booted worker
            # is a ready one).
            config, self.ready_line = ROOT / "gunicorn.conf.py", "Booting worker"
        else:
            # Explicit and minimal, each worker making its own app: the command line of the report. No control
            # socket (its one path per user would clash with another gunicorn on the machine).
            config, self.ready_line = tmp_path / "gunicorn-test.conf.py", "App loaded in worker"
            config.write_text(
                "control_socket_disable = True\n\n"
                "def post_worker_init(worker):\n"
                "    worker.log.info('App loaded in worker %s', worker.pid)\n")
        # Every client is 127.0.0.1: the per-client rate limits (tested in tests/web) would cut the saves short.
        env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "fault-test-secret",
               "FLASK_WTF_CSRF_ENABLED": "false", "FLASK_SESSION_COOKIE_SECURE": "false",
               "FLASK_RATELIMIT_ENABLED": "false"}
        self._log_file = self.log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(config), "-w", str(workers), "-b", f"127.0.0.1:{self.port}",
             "--timeout", "60", "app:create_app()"],
            cwd=ROOT, env=env, stdout=self._log_file, stderr=subprocess.STDOUT)
        self.workers = workers

    def wait_ready(self, timeout: float = 240) -> None:
        """Until every worker has loaded the app and one answers (a loaded 2-core machine takes its time)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"gunicorn exited:\n{self.log.read_text()}"
            log = self.log.read_text()
            assert "Worker failed to boot" not in log and "Exception in worker process" not in log, log
            if log.count(self.ready_line) >= self.workers:
                try:  # the workers import the app after booting: the first answers can take a while
                    if requests.get(self.url + "/", timeout=30).status_code == 200:
                        return
                except requests.RequestException:
                    pass
            time.sleep(0.2)
        raise AssertionError(f"gunicorn not ready in {timeout} s:\n{self.log.read_text()}")

    def worker_pids(self) -> list[int]:
        return children(self.process.pid)

    def kill_all(self) -> None:
        """The harshest stop: SIGKILL to the master and every worker, nothing flushed or closed."""
        pids = self.worker_pids()
        for pid in [self.process.pid, *pids]:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(10)
        self._log_file.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill_all()
        self._log_file.close()


@contextmanager
def gunicorn(database_url: str, tmp_path: Path, workers: int, deployed: bool = True):
    server = Gunicorn(database_url, tmp_path, workers, deployed)
    try:
        server.wait_ready()
        yield server
    finally:
        if server.process.poll() is None:
            server.kill_all()
        else:
            server.stop()


def new_draft(url: str) -> str:
    response = requests.post(url + "/", data={"how": "new", "kind": "e-petition", "language": "en"},
                             allow_redirects=False, timeout=60)
    assert response.status_code == 302, response.text[:300]
    return re.match(r"^(?:https?://[^/]+)?/d/([^/]+)/welcome$", response.headers["Location"]).group(1)


def saving_client(url: str, token: str, number: int, told_saved: list, unknown: list, errors: list,
                  kills_done: threading.Event, attempted: list) -> None:
    """Saves its own draft's request, each time with a new text, at least SAVES_PER_CLIENT times and until every
    kill is done; keeps what it was told."""
    version = 1
    session = requests.Session()
    for j in range(MAX_SAVES_PER_CLIENT):
        if j >= SAVES_PER_CLIENT and kills_done.is_set():
            break
        prayer = f"fund the clinic: client {number} save {j} {secrets.token_hex(8)}"
        attempted.append(prayer)
        while True:
            try:
                response = session.post(f"{url}/d/{token}/prayer", data={"prayer": prayer, "version": str(version)},
                                        allow_redirects=False, timeout=60)
            except requests.ConnectionError:
                # The worker died with the request: saved or not, nobody was told. Reload to learn the version.
                unknown.append((token, prayer))
                version = None
            else:
                if response.status_code == 302:
                    version += 1
                    told_saved.append((token, version, prayer))
                    break
                if response.status_code == 409:
                    # Another request moved the version on: the page gives the current one and keeps the text.
                    assert prayer in response.text
                    version = int(re.search(r'name="version"[^>]*value="(\d+)"', response.text).group(1))
                    continue
                errors.append((response.status_code, response.text[:300]))
                return
            while version is None:
                try:
                    page = session.get(f"{url}/d/{token}/prayer", timeout=60)
                    version = int(re.search(r'name="version"[^>]*value="(\d+)"', page.text).group(1))
                except requests.ConnectionError:
                    time.sleep(0.05)
            break


def test_sigkilled_workers_lose_duplicate_and_corrupt_no_acknowledged_save(tmp_path):
    database_url = fresh_database_url(tmp_path, "fault.sqlite")
    told_saved: list = []
    unknown: list = []
    errors: list = []
    kills = 0
    kills_done = threading.Event()
    attempted: list = []
    with gunicorn(database_url, tmp_path, workers=3) as server:
        tokens = [new_draft(server.url) for _ in range(CLIENTS)]
        clients = [threading.Thread(target=saving_client, args=(server.url, token, i, told_saved, unknown, errors,
                                                                    kills_done, attempted))
                   for i, token in enumerate(tokens)]
        for client in clients:
            client.start()
        rng = random.Random(11)
        while any(c.is_alive() for c in clients) and kills < KILLS:
            time.sleep(rng.uniform(0.2, 0.6))
            pids = server.worker_pids()
            if pids:
                try:
                    os.kill(rng.choice(pids), signal.SIGKILL)
                except ProcessLookupError:  # that worker was reaped between the listing and the kill
                    continue
                kills += 1
        kills_done.set()
        for client in clients:
            client.join(300)
        # Then the whole server dies at once, and a new one starts on the same database.
        server.kill_all()
    assert kills == KILLS and not errors, errors
    # A save cut off by a kill is not retried (nobody was told either way); every other one was acknowledged.
    assert len(told_saved) + len(unknown) == len(attempted) >= CLIENTS * SAVES_PER_CLIENT

    with gunicorn(database_url, tmp_path, workers=2) as restarted:
        for token in tokens:
            page = requests.get(f"{restarted.url}/d/{token}/prayer", timeout=30)
            last = max((s for s in told_saved if s[0] == token), key=lambda s: s[1])
            assert page.status_code == 200 and last[2] in page.text

    engine = create_engine(database_url)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            assert connection.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            assert connection.execute(text("PRAGMA foreign_key_check")).all() == []
        sent = {prayer for _, _, prayer in told_saved} | {prayer for _, prayer in unknown}
        for token in tokens:
            draft_id, version, current = connection.execute(text(
                "SELECT id, version, petition_data FROM drafts WHERE edit_token_hash = :h"),
                {"h": hash_token(token)}).one()
            rows = connection.execute(text(
                "SELECT number, petition_data FROM draft_versions WHERE draft_id = :d ORDER BY number"),
                {"d": draft_id}).all()
            numbers = [number for number, _ in rows]
            prayers = {number: (data if isinstance(data, dict) else json.loads(data))["prayer"] for number, data in rows}
            # Older snapshots nothing refers to are thinned by design (web.models.thin_versions); the latest
            # KEEP_LATEST_VERSIONS are all there, without a gap, the newest being the draft's own version and text.
            kept = min(KEEP_LATEST_VERSIONS, version)
            assert numbers[-kept:] == list(range(version - kept + 1, version + 1)), numbers
            current = current if isinstance(current, dict) else json.loads(current)
            assert current["prayer"] == prayers[version]
            # Every save stored is one a client sent, whole, once.
            stored = [prayers[n] for n in numbers if n > 1]
            assert set(stored) <= sent and len(set(stored)) == len(stored)
            # Every save a client was told succeeded is there at the version it was told, unless thinned since;
            # the newest acknowledged one is the draft's text or was followed by a save cut off by a kill.
            mine = sorted((number, prayer) for t, number, prayer in told_saved if t == token)
            for number, prayer in mine:
                if number in prayers:
                    assert prayers[number] == prayer, (number, prayer)
                else:
                    assert number <= version - kept, (number, numbers)
            assert mine[-1][0] == version or current["prayer"] in {p for t, p in unknown if t == token}
    engine.dispose()
    print(f"\n{len(told_saved)} saves acknowledged, {len(unknown)} cut off by {kills} SIGKILLs; all checked")


def empty_database(tmp_path) -> tuple[str, callable]:
    """A database with no table at all (not even the migrations'), and how to remove it."""
    if not TEST_DATABASE_URL:
        return f"sqlite:///{tmp_path / 'empty.sqlite'}", lambda: None
    server = make_url(TEST_DATABASE_URL)
    name = f"petition_boot_{secrets.token_hex(4)}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))

    def drop():
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()

    return server.set(database=name).render_as_string(hide_password=False), drop


def test_four_workers_on_a_freshly_upgraded_empty_database_all_start(tmp_path):
    """`flask db upgrade` then `gunicorn -w 4`: every worker boots (they used to race to create tables)."""
    url, drop = empty_database(tmp_path)
    try:
        upgraded = subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=ROOT,
                                  env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, timeout=120)
        assert upgraded.returncode == 0, upgraded.stderr
        with gunicorn(url, tmp_path, workers=4, deployed=False) as server:
            log = server.log.read_text()
            assert log.count("Booting worker") == 4 and log.count("App loaded in worker") == 4, log
            assert "Worker failed to boot" not in log and "Traceback" not in log, log
            assert server.process.poll() is None and len(server.worker_pids()) == 4
            token = new_draft(server.url)
            assert requests.get(f"{server.url}/d/{token}/prayer", timeout=30).status_code == 200
    finally:
        drop()

