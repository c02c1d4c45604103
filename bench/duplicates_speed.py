"""What the duplicate warning (R-SUBJ-4) costs against a list of about 2,000 open e-petitions.

Run: .venv/bin/python bench/duplicates_speed.py
Prints: reading a 2,000-entry XML export; the import command end to end (parse + replace the table in SQLite);
preparing the list's key words (what a worker does once after each import); one comparison of a draft with the
whole list (what every review page, panel check and /api/check adds); and the same through the app, list cached
(the one query that sees whether the list changed, plus the comparison).

The House lists a few hundred e-petitions open at once (petition-rules.md, S40: about 200 a year); 2,000 is
several times that. The list is made from real petitions (tests/duplicates/calibration, tests/samples/certified,
tests/engine/corpus/accept): each entry mixes their clauses and requests at random (seeded), so its words and
length are those of real petitions.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from petition.duplicates import OpenList, similar_open_petitions  # noqa: E402
from petition.open_petitions import parse_open_list  # noqa: E402
from petition.reader import read  # noqa: E402

COUNT = 2000
SOURCES = sorted((ROOT / "tests" / "duplicates" / "calibration").glob("*.txt")) + \
    sorted((ROOT / "tests" / "samples" / "certified").glob("e-*.txt")) + \
    sorted((ROOT / "tests" / "engine" / "corpus" / "accept").glob("en-*.txt"))


def pools() -> tuple[list[str], list[str]]:
    clauses, prayers = [], []
    for path in SOURCES:
        petition = read(path.read_text(encoding="utf-8")).petition
        clauses += petition.grievances
        if petition.prayer:
            prayers.append(petition.prayer)
    return clauses, prayers


def export(count: int) -> str:
    """An XML export of `count` open e-petitions, 2-7 clauses and a request each."""
    rng = random.Random(12)
    clauses, prayers = pools()
    entries = []
    for i in range(count):
        whereas = "".join(f"<WhereAs>{escape(c)}</WhereAs>" for c in rng.sample(clauses, rng.randint(2, 7)))
        para = escape("We, the undersigned, citizens and residents of Canada, call upon the Government of Canada to "
                      + rng.choice(prayers))
        entries.append(f'<Petition Title="Petition {i}"><PetitionNumber>e-{1000 + i}</PetitionNumber>'
                       f"<StatusName>Open for signature</StatusName><Prayer><Grievances>{whereas}</Grievances>"
                       f"<Para>{para}</Para></Prayer></Petition>")
    return '<?xml version="1.0" encoding="utf-8"?><ArrayOfPetition>' + "".join(entries) + "</ArrayOfPetition>"


def timed(fn, repeat: int) -> tuple[float, float]:
    """(median, fastest) in ms; on a busy shared machine the fastest run is the better guide."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    xml = export(COUNT)
    print(f"{COUNT:,} open e-petitions, {len(xml) / 1e6:.1f} MB of XML, from {len(SOURCES)} real petitions' clauses")
    median, best = timed(lambda: parse_open_list(xml.encode("utf-8")), 3)
    print(f"  read the XML export:                 median {median:8.1f} ms  fastest {best:8.1f} ms")
    petitions = parse_open_list(xml.encode("utf-8")).petitions
    median, best = timed(lambda: OpenList(petitions), 3)
    print(f"  prepare the key words (per import):  median {median:8.1f} ms  fastest {best:8.1f} ms")
    prepared = OpenList(petitions)
    words = sum(len(k) for k in prepared.keys) / len(prepared.keys)
    print(f"  key words per open petition: {words:.0f} on average")
    drafts = [read(path.read_text(encoding="utf-8")).petition for path in SOURCES]
    for label, draft in (("a 50-word draft", min(drafts, key=lambda p: len(" ".join(p.grievances + [p.prayer])))),
                         ("e-4745 (about 250 words)", read((ROOT / "tests" / "duplicates" / "calibration" /
                                                            "israel-arms--e-4745.txt").read_text()).petition)):
        median, best = timed(lambda: similar_open_petitions(draft, prepared), 50)
        print(f"  compare {label:25} median {median:8.2f} ms  fastest {best:8.2f} ms")

    from bench.inprocess import migrated_app
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "open.xml"
        path.write_text(xml, encoding="utf-8")
        app = migrated_app(directory)
        runner = app.test_cli_runner()
        start = time.perf_counter()
        result = runner.invoke(args=["petition", "import-open", str(path)])
        elapsed = (time.perf_counter() - start) * 1000
        assert result.exit_code == 0, result.output
        print(f"  import-open end to end (SQLite):     {elapsed:8.1f} ms")
        from web.open_petitions import compare, loaded_list
        draft = drafts[0]
        with app.app_context():
            start = time.perf_counter()
            compare(draft)
            print(f"  first check in a worker (load + prepare + compare): {(time.perf_counter() - start) * 1000:8.1f} ms")
            median, best = timed(loaded_list, 50)
            print(f"  later checks, the query alone (has the list changed?): median {median:8.2f} ms  fastest {best:8.2f} ms")
            median, best = timed(lambda: compare(draft), 50)
            print(f"  later checks, query + comparison:    median {median:8.2f} ms  fastest {best:8.2f} ms")


if __name__ == "__main__":
    main()
