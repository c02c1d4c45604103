"""Every rule software can check, one module per family; `run_checks` runs them all.

A check is a function `check(ctx) -> Iterable[Finding]` (see `context.Context`).
"""
from __future__ import annotations

from ..model import Finding
from . import addressee, extraneous, length, links, prayer, script, subject, tone
from .context import Context, Part

CHECKS = (
    length.check,
    addressee.check,
    prayer.check,
    links.check,
    extraneous.check,
    tone.check,
    subject.check,
    script.check,
)

# The same reason reported hundreds of times helps nobody (and a megabyte of
# pasted text could produce thousands): keep the first few of each code.
MAX_PER_CODE = 20

_ORDER = {"error": 0, "warning": 1, "info": 2}


def run_checks(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    per_code: dict[str, int] = {}
    ctx.cap_per_code = MAX_PER_CODE
    for check in CHECKS:
        for finding in check(ctx):
            n = per_code.get(finding.code, 0)
            if n < MAX_PER_CODE:
                findings.append(finding)
            per_code[finding.code] = n + 1
    findings.sort(key=lambda f: (_ORDER.get(f.severity, 3), f.start, f.end))
    return findings


__all__ = ["CHECKS", "Context", "Part", "run_checks"]
