"""What the paper fit check and the PDFs cost for the hostile drafts of bench/hostile.py, in one process.

Each paper draft is made through the app as a person would (steps typed, or a paste), then timed, in CPU
seconds (the work is all CPU) with wall seconds beside them:
  review   - the review page, nothing measured yet anywhere (the fit check runs: the worst case);
  fit      - the fit check alone (pdf.paper.paper_fit_report), nothing measured yet anywhere;
  other    - the review page in another worker: its memory empty, the shared folder (pdf.store) filled;
  paper    - the paper PDF at the size the review page offers (or the refusal page), nothing rendered yet;
  again    - the same PDF from another worker (read from the shared folder);
  rv.pdf   - the sponsor-review PDF, nothing rendered yet (the fit measured, as after the review page);
then the worst of each column. A request that passes --limit seconds is stopped and shown as >limit.

    .venv/bin/python bench/hostile_pdf.py [--limit 60] [--only emoji]
"""
from __future__ import annotations

import argparse
import re
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from hostile import HOSTILE_DRAFTS, HostileDraft  # noqa: E402

from app import create_app  # noqa: E402
from petition.model import Petition  # noqa: E402
from pdf import paper, renderer  # noqa: E402


class TooSlow(Exception):
    pass


def _alarm(signum, frame):
    raise TooSlow


def timed(fn, limit: int):
    """(cpu seconds, wall seconds, result) or (None, None, None) past the limit."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(limit)
    cpu, wall = time.process_time(), time.perf_counter()
    try:
        result = fn()
    except TooSlow:
        return None, None, None
    finally:
        signal.alarm(0)
    return time.process_time() - cpu, time.perf_counter() - wall, result


def forget_this_process() -> None:
    for name in ("pdfs", "layouts", "numbers", "rows"):
        if name in renderer.state():
            renderer.state()[name].clear()


def version(client, token: str, step: str) -> str:
    page = client.get(f"/d/{token}/{step}").get_data(as_text=True)
    return re.search(r'name="version"[^>]*value="(\d+)"|value="(\d+)"[^>]*name="version"', page).group(0) \
        .rsplit('"', 2)[-2]


def make_draft(client, draft: HostileDraft) -> str:
    fields = {"how": "paste" if draft.paste else "new", "kind": draft.kind, "language": draft.language,
              "text": draft.paste or ""}
    token = client.post("/", data=fields).location.split("/")[2]
    if draft.paste is None:
        for step, data in draft.step_posts():
            saved = client.post(f"/d/{token}/{step}", data={"version": version(client, token, step), **data})
            assert saved.status_code == 302, (draft.name, step, saved.status_code)
    return token


def stored_petition(app, token: str) -> Petition:
    from web.db import get_session
    from web.models import Draft

    with app.app_context():
        return Draft.by_edit_token(get_session(), token).petition


def app_on(folder: str):
    settings = {"TESTING": True, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite", "PDF_CACHE_DIR": f"{folder}/pdf-cache"}
    try:
        from web.migrate import upgrade_database

        upgrade_database(settings["DATABASE_URL"])
    except ImportError:  # before migrations, tables were made at start-up
        pass
    return create_app(settings)


def _review_pdf_only(client, token: str, store):
    """GET review.pdf with the fit in the shared folder but no PDF anywhere: what its first request costs."""
    if store is not None:
        for _, _, path in store._entries():
            if path.read_bytes()[:5] == b"%PDF-":
                path.unlink()
    return client.get(f"/d/{token}/review.pdf")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=60, help="seconds after which a request is stopped")
    parser.add_argument("--only", default="", help="only the drafts whose name contains this")
    args = parser.parse_args()
    drafts = [d for d in HOSTILE_DRAFTS if d.kind == "paper" and args.only in d.name]
    print(f"harfbuzz-subset: {'yes' if renderer.harfbuzz_subset_available() else 'NO (slow fontTools path)'}")
    with tempfile.TemporaryDirectory() as folder:
        app = app_on(folder)
        client = app.test_client()
        client.get("/")  # warm-up: imports, fonts, CSS, templates
        paper.paper_pdf(Petition(kind="paper", grievances=["Rents rose"], prayer="cap rents"), sheets=2)
        store = app.extensions.get("pdf_store")
        columns = ("review", "fit", "other", "paper", "again", "rv.pdf")
        worst = {c: 0.0 for c in columns}
        print(f"{'draft':<46} " + " ".join(f"{c + ' cpu s':>12}" for c in columns) + "  size")
        for draft in drafts:
            token = make_draft(client, draft)
            petition = stored_petition(app, token)
            cells, size = {}, "-"

            def clear_all():
                forget_this_process()
                if store is not None:
                    store.clear()

            clear_all()
            cells["fit"] = timed(lambda: paper.paper_fit_report(petition), args.limit)
            clear_all()
            cells["review"] = timed(lambda: client.get(f"/d/{token}/review"), args.limit)
            if cells["review"][2] is not None:
                match = re.search(r'<option value="([a-z-]+)" selected>', cells["review"][2].get_data(as_text=True))
                size = match.group(1) if match else "letter"
            forget_this_process()
            cells["other"] = timed(lambda: client.get(f"/d/{token}/review"), args.limit)
            forget_this_process()
            cells["paper"] = timed(lambda: client.get(f"/d/{token}/paper.pdf?size={size if size != '-' else 'letter'}"),
                                   args.limit)
            status = cells["paper"][2].status_code if cells["paper"][2] is not None else "-"
            forget_this_process()
            cells["again"] = timed(lambda: client.get(f"/d/{token}/paper.pdf?size={size if size != '-' else 'letter'}"),
                                   args.limit)
            forget_this_process()
            if store is not None:
                store.clear()
            client.get(f"/d/{token}/review")  # the fit, measured and stored as a person's visit leaves it
            forget_this_process()
            cells["rv.pdf"] = timed(lambda: _review_pdf_only(client, token, store), args.limit)
            row = []
            for c in columns:
                cpu, wall, _ = cells[c]
                if cpu is None:
                    row.append(f"{'>' + str(args.limit):>12}")
                    worst[c] = float("inf")
                else:
                    row.append(f"{cpu:>6.2f} ({wall:>4.2f})" if wall < 10 else f"{cpu:>6.1f} ({wall:>4.0f})")
                    worst[c] = max(worst[c], cpu)
            print(f"{draft.name[:46]:<46} " + " ".join(row) + f"  {size} {status}", flush=True)
        print(f"{'worst (cpu s)':<46} " + " ".join(
            f"{'>' + str(args.limit) if w == float('inf') else f'{w:.2f}':>12}" for w in worst.values()))


if __name__ == "__main__":
    main()
