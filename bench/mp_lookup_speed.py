"""How long an MP lookup takes: a call to Represent (played by a local fake server) vs. a cache hit.

    .venv/bin/python bench/mp_lookup_speed.py

Prints the median and worst of N lookups for: a miss that goes to the (local) server, a hit in the
SQLite cache the app uses, and a hit in the in-memory cache the tests use. The real Represent adds
its own network time to the first figure; the cache figures are what a repeated postal code costs.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from integrations.represent import RateLimiter, RepresentClient  # noqa: E402

ANSWER = json.dumps(json.loads((ROOT / "tests/sponsors/represent_answers.json").read_text("utf-8"))["two_mps"]).encode()
N = 200


class Fake(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(ANSWER)))
        self.end_headers()
        self.wfile.write(ANSWER)

    def log_message(self, *args):
        pass


def codes(n: int) -> list[str]:
    """n distinct valid postal codes."""
    letters = "ABCEGHJKLMNPRSTVXY"
    return [f"K{i % 10}{letters[(i // 10) % 18]} {i // 180 % 10}{letters[i % 18]}{i % 7}" for i in range(n)]


def timed(client: RepresentClient, postal_codes: list[str]) -> list[float]:
    times = []
    for code in postal_codes:
        start = time.perf_counter()
        client.lookup(code)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, times: list[float]) -> None:
    print(f"{label:<34} median {statistics.median(times):6.2f} ms   max {max(times):6.2f} ms   (n={len(times)})")


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Fake)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    postal_codes = codes(N)
    unlimited = lambda: RateLimiter(limit=10 * N)  # noqa: E731 (the bench measures time, not the limit)
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = RepresentClient(url, cache_path=f"{tmp}/cache.sqlite", limiter=unlimited())
        report("miss -> local server (sqlite cache)", timed(sqlite, postal_codes))
        report("hit, sqlite cache", timed(sqlite, postal_codes))
        memory = RepresentClient(url, limiter=unlimited())
        report("miss -> local server (memory cache)", timed(memory, postal_codes))
        report("hit, memory cache", timed(memory, postal_codes))
    server.shutdown()


if __name__ == "__main__":
    main()
