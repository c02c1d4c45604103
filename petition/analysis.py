"""The analysis pipeline: read a petition, render it in House form, count its words, run every check.

Two entry points:
  analyze_petition(petition)  - a structured petition (the web form). Findings point
                                into the rendered text (`Analysis.source == rendered.text`).
  analyze_text(text, kind)    - a draft as typed or pasted: the reader decides whether it
                                is in House format or free-form; findings point into `text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .checks import MAX_PER_CODE, Context, Part, run_checks
from .formulae import Rendered, addressee_text, render
from .model import KINDS, Finding, Petition, Reading, Removed, Span
from .wordcount import WordCount, count_petition
from .catalogue import lang_of


@dataclass
class Analysis:
    input_form: str  # "structured", "house" or "freeform"
    kind: str
    language: str | None  # detected; None when neither English nor French could be told
    petition: Petition
    rendered: Rendered
    word_count: WordCount
    findings: list[Finding] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    replaced: list[Removed] = field(default_factory=list)  # the draft's words the House's fixed wording stands for
    source: str = ""  # the text every finding's start/end points into
    notes: list[str] = field(default_factory=list)  # what the reader assumed or proposed, in message_language
    message_language: str = "en"  # the findings' messages are in this language (a page marks them with it)
    # The open e-petitions the draft was compared with (R-SUBJ-4), when the caller had a list: see
    # web/open_petitions.py. None: not compared (the engine alone has no list).
    similar_open: dict | None = None

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict:
        p = self.petition
        addressee = p.addressee.to_dict()
        addressee["text"] = addressee_text(p.addressee, p.language)
        compared = {} if self.similar_open is None else {"similar_open_petitions": self.similar_open}
        return {
            "input_form": self.input_form,
            "kind": self.kind,
            "language": self.language,
            "petition": {
                "kind": p.kind,
                "language": p.language,
                "addressee": addressee,
                "petitioners": p.petitioners,
                "grievances": list(p.grievances),
                "prayer": p.prayer,
            },
            "rendered": self.rendered.text,
            "word_count": self.word_count.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "removed": [r.to_dict(self.message_language) for r in self.removed],
            "replaced": [r.to_dict(self.message_language) for r in self.replaced],
            "notes": list(self.notes),
            "message_language": self.message_language,
            "summary": {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "info": sum(1 for f in self.findings if f.severity == "info"),
            },
            **compared,
        }


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def _rendered_parts(rendered: Rendered) -> list[Part]:
    return [Part(name, rendered.text[s.start:s.end], offset=s.start) for name, s in rendered.spans.items()]


def analyze_petition(petition: Petition, *, message_language: str | None = None) -> Analysis:
    """Check a structured petition; finding spans point into `Analysis.rendered.text`."""
    _check_kind(petition.kind)
    rendered = render(petition)
    word_count = count_petition(petition)
    ctx = Context(
        petition=petition,
        kind=petition.kind,
        language=petition.language,
        source=rendered.text,
        parts=_rendered_parts(rendered),
        word_count=word_count,
        message_language=message_language or petition.language,
    )
    return Analysis(
        input_form="structured",
        kind=petition.kind,
        language=petition.language,
        petition=petition,
        rendered=rendered,
        word_count=word_count,
        findings=run_checks(ctx),
        source=rendered.text,
        message_language=lang_of(ctx.message_language),
    )


def _valid(span: Span | None, text: str) -> Span | None:
    if span is None or not (0 <= span.start <= span.end <= len(text)):
        return None
    return span


def _removed_findings(ctx: Context, removed: list[Removed]) -> list[Finding]:
    out = []
    # Every fragment stays in Analysis.removed; the findings repeat only the first few.
    for item in removed[:MAX_PER_CODE]:
        if not (0 <= item.start <= item.end <= len(ctx.source)):
            item = replace(item, start=0, end=0)
        out.append(ctx.finding("removed", None, item.start, item.end, part_name="removed", rule=item.rule,
                               excerpt=" ".join(item.text.split()), reason=(item.reason_in(ctx.message_language) or item.rule).rstrip(".")))
    return out


# What the reader left out that is still the organizer's own prose (a title, a slogan, a lead-in,
# a sentence it could not place): a charge there is reported (checks/tone.py). Not the other
# language's version (read on its own), links, contact details or an e-mail's headers.
CHECKED_WHEN_LEFT_OUT = frozenset({"title", "slogan", "unplaced", "request-lead-in", "after-prayer",
                                   "above-heading", "section-heading", "campaign"})


def _left_out(removed: list[Removed], source: str) -> list[Part]:
    parts = []
    for item in removed:
        if item.code in CHECKED_WHEN_LEFT_OUT and 0 <= item.start < item.end <= len(source):
            parts.append(Part("left out", source[item.start:item.end], offset=item.start))
    return parts


def analyze_reading(reading: Reading, kind: str = "e-petition", language: str | None = None,
                    message_language: str | None = None) -> Analysis:
    """Check what the reader made of a text; finding spans point into `reading.source`."""
    _check_kind(kind)
    petition = replace(reading.petition, kind=kind)
    if language in ("en", "fr"):
        petition.language = language
    detected = language or reading.language
    rendered = render(petition)
    source = reading.source
    parts = []
    for name, span in rendered.spans.items():
        region = _valid(reading.spans.get(name), source)
        parts.append(Part(name, rendered.text[span.start:span.end], offset=None, region=region))
    wording = _valid(reading.spans.get("request wording"), source)
    if wording:
        # "We ... demand that the Government ...": the words that put the request are
        # checked as part of it, so a demand there is reported (R-PRAY-4), not lost.
        parts.append(Part("prayer", source[wording.start:wording.end], offset=wording.start,
                          request_wording=True))
    word_count = count_petition(petition)
    ctx = Context(
        petition=petition,
        kind=kind,
        removed_parts=_left_out(reading.removed, source),
        language=detected,
        source=source,
        parts=parts,
        word_count=word_count,
        addressees_written=dict(reading.addressees_written),
        addressees_at=_written_at(reading),
        message_language=message_language or detected or petition.language,
    )
    findings = run_checks(ctx) + _removed_findings(ctx, reading.removed)
    return Analysis(
        input_form=reading.input_form,
        kind=kind,
        language=detected,
        petition=petition,
        rendered=rendered,
        word_count=word_count,
        findings=findings,
        removed=list(reading.removed),
        replaced=list(reading.replaced),
        source=source,
        notes=[note.text(ctx.message_language) for note in reading.notes],
        message_language=lang_of(ctx.message_language),
    )


_WRITTEN_PLACES = {"heading": "addressee", "prayer": "prayer addressee", "attention": "attention"}


def _written_at(reading: Reading) -> dict[str, Span]:
    """Where each addressee the text writes sits in it, by its addressees_written key."""
    out = {}
    for key in reading.addressees_written:
        span = _valid(reading.spans.get(_WRITTEN_PLACES.get(key, key)), reading.source)
        if span is not None:
            out[key] = span
    return out


def analyze_text(text: str, kind: str = "e-petition", language: str | None = None) -> Analysis:
    """Read a draft (House format or free-form) and check it; spans point into `text`."""
    from .reader import read  # the reader is the heavier half; keep import cost off analyze_petition

    return analyze_reading(read(text), kind=kind, language=language)
