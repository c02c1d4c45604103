"""The app as an operator runs it: gunicorn with gunicorn.conf.py, 2 workers, a temporary SQLite database, loopback.

Prints
  - POST /api/check: requests per second, p50 and p99 (wrk, 1 thread, 4 connections);
  - the review page (/d/<token>/review) and the sponsor's page (/r/<token>): the same figures;
  - the paper PDF: the first request, then the same PDF asked again from whichever worker answers;
  - the hostile drafts of bench/hostile.py: each created through the forms, then every page, the "Mark as
    ready" post and the PDFs timed one by one; the worst page time overall;
  - /api/check with the hostile texts at the 20,000-character limit.
Goals on a 2-core machine: /api/check >= 500 req/s with p99 < 50 ms; no page over 1 s; a repeated PDF < 20 ms.

Bounded: each wrk run lasts --seconds, the hostile drafts stop at --budget seconds, every request times out
after 90 s (above gunicorn's 60 s worker timeout), and the server is stopped (its process group killed) on the way
out, also on Ctrl-C. Loopback only. wrk is Debian's `wrk` (`make bench` installs it).

    .venv/bin/python bench/serve_load.py [--seconds 5] [--budget 420]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hostile import API_TEXTS, HOSTILE_DRAFTS, HostileDraft  # noqa: E402
from serving import GunicornServer, WebClient, hidden_fields  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CHECK_BODY = {"text": (ROOT / "tests" / "samples" / "certified" / "e-2490.txt").read_text(encoding="utf-8"),
              "kind": "e-petition"}
# The README's example: a short petition with one error.
SMALL_CHECK_BODY = {"text": "Petition to the Government of Canada\nWhereas:\nSee www.fairrent.ca for more.\nWe, the "
                    "undersigned, citizens and residents of Canada, call upon the Government of Canada to cap rent "
                    "increases.", "kind": "e-petition"}
PAGE_GOAL_MS = 1000
REQUEST_TIMEOUT_S = 90
# A hostile draft whose request took this long has shown its worst: its remaining requests are skipped.
GIVE_UP_MS = 10_000


# ----- wrk ---------------------------------------------------------------------------------------

def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, seconds: int, connections: int, workdir: Path, body: dict | None = None) -> dict:
    """wrk's figures for GET url (or POST body as JSON): requests/s, p50 and p99 in ms, errors."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if body is not None:
        script = workdir / "post.lua"
        payload = json.dumps(body)
        script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                          f"wrk.body = [==[{payload}]==]\n", encoding="utf-8")
        command += ["-s", str(script)]
    out = subprocess.run(command + [url], capture_output=True, text=True, timeout=seconds + 30, check=True).stdout
    percentiles = dict(re.findall(r"^\s+(\d+)%\s+([\d.]+(?:us|ms|s|m))\s*$", out, re.M))
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors += sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "p50": _ms(percentiles["50"]),
        "p99": _ms(percentiles["99"]),
        "errors": errors,
    }


def print_wrk(label: str, figures: dict, goal: str = "") -> None:
    print(f"  {label:<36} {figures['rps']:>7.0f} req/s   p50 {figures['p50']:>6.1f} ms   p99 {figures['p99']:>6.1f} ms"
          f"   ({figures['requests']} requests, {figures['errors']} errors){goal}")


# ----- timing one request ------------------------------------------------------------------------

def timed(call) -> tuple[float, int]:
    """(milliseconds, status) of one request; status 0 when the connection failed (a killed worker)."""
    ms, response = timed_response(call)
    return ms, response.status_code if response is not None else 0


def timed_response(call) -> tuple[float, requests.Response | None]:
    start = time.perf_counter()
    try:
        response = call()
    except requests.RequestException:
        response = None
    return (time.perf_counter() - start) * 1000, response


def fill_steps(client: WebClient, token: str, draft: HostileDraft, times: dict) -> None:
    petition = draft.petition()
    addressee = {k: v for k, v in petition["addressee"].items() if k in ("kind", "title", "name", "riding") and v}
    steps = {
        "addressee": addressee,
        "grievances": {f"grievances-{i}": clause for i, clause in enumerate(petition["grievances"])},
        "prayer": {"prayer": petition["prayer"]},
    }
    if petition["petitioners"] is not None:  # otherwise the default, as a person leaves it
        steps["petitioners"] = {"petitioners": petition["petitioners"]}
    for step, fields in steps.items():
        times[f"POST {step}"] = timed(lambda: client.save_step(token, step, fields))


class GiveUp(Exception):
    pass


class Times(dict):
    """label -> (ms, status); raises GiveUp past the deadline or after a request slower than GIVE_UP_MS."""

    def __init__(self, deadline: float):
        super().__init__()
        self.deadline = deadline

    def __setitem__(self, label, value):
        super().__setitem__(label, value)
        if value[0] > GIVE_UP_MS or time.monotonic() > self.deadline:
            raise GiveUp(label)


def hostile_draft_times(client: WebClient, draft: HostileDraft, deadline: float) -> tuple[dict, str | None]:
    """({label: (ms, status)} for the draft's creation, every page, Mark as ready and its PDFs; the label of the
    request after which the rest was skipped, if any)."""
    times = Times(deadline)
    try:
        _run_hostile_draft(client, draft, times)
    except GiveUp as stopped:
        return dict(times), str(stopped)
    return dict(times), None


def _run_hostile_draft(client: WebClient, draft: HostileDraft, times: Times) -> None:
    start = time.perf_counter()
    try:
        token, review_token = client.start_draft(kind=draft.kind, language=draft.language, paste=draft.paste)
    except (RuntimeError, requests.RequestException):
        times["POST / (start)"] = ((time.perf_counter() - start) * 1000, 0)
        raise GiveUp("POST / (start)")
    times["POST / (start)"] = ((time.perf_counter() - start) * 1000, 302)
    if draft.paste is None:
        fill_steps(client, token, draft, times)
    pages = [f"/d/{token}/welcome", *(f"/d/{token}/{s}" for s in ("addressee", "petitioners", "grievances", "prayer")),
             f"/d/{token}/review", f"/r/{review_token}", f"/r/{review_token}/answer", f"/d/{token}/sponsors",
             f"/d/{token}/timeline"]
    review_page = ""
    for path in pages:
        ms, response = timed_response(lambda: client.get(path))
        times["GET " + path.replace(token, "<t>").replace(review_token, "<r>")] = (
            ms, response.status_code if response is not None else 0)
        if path.endswith("/review") and response is not None:
            review_page = response.text
    ready = {**hidden_fields(review_page, f"/d/{token}/ready"), "acknowledge": "y", "ready": "Mark as ready"}
    times["POST ready"] = timed(lambda: client.post(f"/d/{token}/ready", ready))
    pdfs = [f"/d/{token}/review.pdf"] + ([f"/d/{token}/paper.pdf"] if draft.kind == "paper" else [])
    for path in pdfs:
        times["PDF " + path.replace(token, "<t>")] = timed(lambda: client.get(path))


# ----- the run -----------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--budget", type=int, default=420, help="seconds for the hostile drafts, at most")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        print("wrk is not installed: `make bench` installs it (Debian package wrk).", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="serve-load-") as tmp:
        workdir = Path(tmp)
        server = GunicornServer(workdir, workers=2)
        # Ctrl-C or a kill of this script still stops the server (the `with` below runs its stop()).
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        with server:
            client = WebClient(server.url, timeout=REQUEST_TIMEOUT_S)
            print(f"gunicorn, 2 sync workers, gunicorn.conf.py, SQLite, {server.url}")
            for _ in range(20):  # warm both workers (imports, compiled lexicons, fonts)
                requests.post(server.url + "/api/check", json=CHECK_BODY, timeout=REQUEST_TIMEOUT_S)

            print(f"Load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())} (2 cores; other work on "
                  "the machine slows every figure)")
            print("Throughput (wrk, 1 thread, 4 connections):")
            for label, body in (("POST /api/check (README example)", SMALL_CHECK_BODY),
                                ("POST /api/check (e-2490, 200 words)", CHECK_BODY)):
                api = wrk(server.url + "/api/check", args.seconds, 4, workdir, body=body)
                met = api["rps"] >= 500 and api["p99"] < 50
                print_wrk(label, api, f"   goal >= 500 req/s, p99 < 50 ms: {'met' if met else 'NOT met'}")

            token, review_token = client.start_draft(paste=CHECK_BODY["text"])
            client.get(f"/d/{token}/review")
            print_wrk("GET /d/<token>/review", wrk(f"{server.url}/d/{token}/review", args.seconds, 4, workdir))
            print_wrk("GET /r/<review token>", wrk(f"{server.url}/r/{review_token}", args.seconds, 4, workdir))

            paper, _ = client.start_draft(kind="paper", paste=CHECK_BODY["text"])
            pdf_url = f"/d/{paper}/paper.pdf?size=letter&sheets=2"
            first_ms, status = timed(lambda: client.get(pdf_url))
            again = [timed(lambda: requests.get(server.url + pdf_url, timeout=REQUEST_TIMEOUT_S))[0]
                     for _ in range(30)]
            print(f"Paper PDF (letter, 2 sheets): first {first_ms:.0f} ms (status {status}); the same PDF again, "
                  f"30 times from whichever worker answers: median {statistics.median(again):.1f} ms, "
                  f"worst {max(again):.1f} ms   goal < 20 ms: {'met' if max(again) < 20 else 'NOT met'}")
            print_wrk("GET paper.pdf (repeated)", wrk(server.url + pdf_url, max(2, args.seconds // 2), 2, workdir))

            print(f"Hostile drafts (bench/hostile.py; each request alone; budget {args.budget} s):")
            deadline = time.monotonic() + args.budget
            worst_page = (0.0, "", "")
            failures = []
            for draft in HOSTILE_DRAFTS:
                if time.monotonic() > deadline:
                    print(f"  {draft.name}: not run (budget spent)")
                    continue
                times, stopped_after = hostile_draft_times(client, draft, deadline)
                pages = {k: v for k, v in times.items() if not k.startswith("PDF")}
                pdfs = {k: v for k, v in times.items() if k.startswith("PDF")}
                label, (ms, _) = max(pages.items(), key=lambda item: item[1][0])
                pdf_text = ", ".join(f"{k.split('/')[-1]} {v[0]:.0f} ms" for k, v in pdfs.items())
                print(f"  {draft.name:<48} worst page {ms:>7.0f} ms ({label}); {pdf_text or 'no PDF reached'}")
                if stopped_after:
                    print(f"  {'':<48} (the rest skipped after {stopped_after}: {times[stopped_after][0]:.0f} ms)")
                failures += [f"{draft.name}: {k} -> {'connection lost' if s == 0 else s}"
                             for k, (_, s) in times.items() if s == 0 or s >= 500]
                if ms > worst_page[0]:
                    worst_page = (ms, draft.name, label)
            print(f"  worst page time: {worst_page[0]:.0f} ms ({worst_page[1]}, {worst_page[2]})   goal <= "
                  f"{PAGE_GOAL_MS} ms: {'met' if worst_page[0] <= PAGE_GOAL_MS else 'NOT met'}")
            for failure in failures:
                print(f"  server error: {failure}")

            print("POST /api/check at the 20,000-character limit (worst of 3):")
            for name, body in API_TEXTS.items():
                runs = [timed(lambda: requests.post(server.url + "/api/check", json=body,
                                                    timeout=REQUEST_TIMEOUT_S)) for _ in range(3)]
                print(f"  {name:<42} {max(ms for ms, _ in runs):>7.0f} ms (status {runs[0][1]})")
            print(f"Load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
