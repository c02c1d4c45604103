"""R-LEN-1 / R-LEN-2: the 250-word e-petition limit, and the lack of one on paper."""
from __future__ import annotations

import re

from ..wordcount import count_words, word_spans
from .context import Context

# Words that carry a clause's subject (four letters or more), compared with the request's.
_CONTENT = re.compile(r"[^\W\d_]{4,}")


def _stems(text: str) -> set[str]:
    # The first six letters: "Armenia" and "Armenian", "occupied" and "occupation" meet.
    return {w.casefold()[:6] for w in _CONTENT.findall(text)}


def suggested_cuts(grievances: list[str], prayer: str, counted: int, limit: int) -> list[int] | None:
    """Which grievances (indexes) to cut so the text comes under `limit` words: those that share the
    fewest words with the request first (background rather than reasons for the ask), longer first
    among equals. None when cutting every grievance would not be enough (the request itself is too long)."""
    asked = _stems(prayer)
    sized = []
    for i, clause in enumerate(grievances):
        words = count_words(clause)
        if not words:
            continue
        shared = len(_stems(clause) & asked)
        sized.append((shared, -words, i, words))
    cuts, total = [], counted
    for _, _, i, words in sorted(sized):
        if total <= limit:
            break
        cuts.append(i)
        total -= words
    return sorted(cuts) if total <= limit else None


def check(ctx: Context):
    wc = ctx.word_count
    counted_parts = [p for p in ctx.parts if p.counted and p.text]
    if wc.limit is None:
        yield ctx.finding("paper-no-limit", None, part_name="", counted=wc.counted)
        return
    if wc.over_limit:
        # Point at the first word past the limit, through the end of its part.
        seen = 0
        for part in counted_parts:
            spans = word_spans(part.text)
            if seen + len(spans) > wc.limit:
                start = spans[wc.limit - seen][0]
                yield ctx.finding(
                    "over-limit", part, start, len(part.text),
                    counted=wc.counted, limit=wc.limit, over=wc.counted - wc.limit,
                )
                yield from _cuts(ctx, wc)
                return
            seen += len(spans)
        # The rendering and the stored petition disagree on the count: still say it.
        yield ctx.finding("over-limit", None, part_name="", counted=wc.counted, limit=wc.limit,
                          over=wc.counted - wc.limit)
    elif wc.near_limit:
        yield ctx.finding("near-limit", None, part_name="", counted=wc.counted,
                          upper=wc.upper_bound, limit=wc.limit)


def _cuts(ctx: Context, wc):
    """One note on each clause whose cut, together with the others marked, brings the text under the limit."""
    grievances = list(ctx.petition.grievances)
    cuts = suggested_cuts(grievances, ctx.petition.prayer or "", wc.counted, wc.limit)
    if not cuts:
        return
    after = wc.counted - sum(count_words(grievances[i]) for i in cuts)
    by_name = {p.name: p for p in ctx.parts}
    # Past the per-code cap the notes are dropped anyway (a paste of thousands of clauses).
    for i in cuts[:ctx.cap_per_code]:
        part = by_name.get(f"grievance {i + 1}")
        if part is not None:
            yield ctx.finding("cut-suggestion", part, 0, len(part.text), words=count_words(grievances[i]),
                              limit=wc.limit, after=after, count=len(cuts))
