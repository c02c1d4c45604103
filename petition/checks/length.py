"""R-LEN-1 / R-LEN-2: the 250-word e-petition limit, and the lack of one on paper."""
from __future__ import annotations

from ..wordcount import word_spans
from .context import Context


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
                return
            seen += len(spans)
        # The rendering and the stored petition disagree on the count: still say it.
        yield ctx.finding("over-limit", None, part_name="", counted=wc.counted, limit=wc.limit,
                          over=wc.counted - wc.limit)
    elif wc.near_limit:
        yield ctx.finding("near-limit", None, part_name="", counted=wc.counted,
                          upper=wc.upper_bound, limit=wc.limit)
