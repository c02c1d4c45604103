"""Paper petition render time: the repeated-sheet fast path against plain WeasyPrint.

Prints, for 1, 10, 50 and 200 sheets, the fast path three ways:
  first  - every cache emptied: page 1, one sheet, the page-number pages (a dozen, shared by every petition)
           and the text's row-number template laid out, then written;
  new    - page 1 and the sheet laid out again (as for a new petition), the page-number pages (the same for
           every petition) and the row-number template (per text) kept: a new text adds one template page;
  again  - a petition already laid out, printed with a new sheet count (only the write);
then plain WeasyPrint laying out the equivalent full HTML, and the ratios plain/first and plain/new.

    .venv/bin/python bench/pdf_speed.py [--plain-max 200]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from petition.model import Addressee, Petition  # noqa: E402
from pdf import renderer  # noqa: E402
from pdf.paper import paper_pdf, paper_pdf_plain  # noqa: E402

PETITION = Petition(
    kind="paper", language="en", addressee=Addressee(kind="government"),
    grievances=["Rural households pay more for slower internet than households in cities",
                "Students and workers in rural Canada cannot study or work from home",
                "Federal programs have connected fewer homes than promised"],
    prayer="ensure every household in Canada has affordable high-speed internet by 2030",
)


def clear(*caches) -> None:
    for name in caches:
        renderer.state()[name].clear()


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plain-max", type=int, default=200, help="skip plain renders above this many sheets")
    args = parser.parse_args()
    print(f"harfbuzz-subset: {'yes' if renderer.harfbuzz_subset_available() else 'NO (slow fontTools path)'}")
    paper_pdf(PETITION, sheets=2)  # warm-up: imports, fonts, CSS
    print(f"{'sheets':>6} {'first s':>8} {'new s':>8} {'again s':>8} {'plain s':>8} "
          f"{'plain/first':>11} {'plain/new':>10}")
    for sheets in (1, 10, 50, 200):
        def render(*caches):
            def run():
                clear(*caches)
                paper_pdf(PETITION, sheets=sheets)
            return run

        first = timed(render("pdfs", "layouts", "numbers"), 3)
        paper_pdf(PETITION, sheets=sheets)
        new = timed(render("pdfs", "layouts"), 3)
        again = timed(render("pdfs"), 3)
        if sheets <= args.plain_max:
            plain = timed(lambda: paper_pdf_plain(PETITION, sheets=sheets), 1 if sheets >= 50 else 3)
            print(f"{sheets:>6} {first:>8.3f} {new:>8.3f} {again:>8.3f} {plain:>8.3f} "
                  f"{plain / first:>10.1f}x {plain / new:>9.1f}x")
        else:
            print(f"{sheets:>6} {first:>8.3f} {new:>8.3f} {again:>8.3f} {'-':>8}")


if __name__ == "__main__":
    main()
