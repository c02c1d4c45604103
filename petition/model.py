"""The petition as the House of Commons sees it: plain dataclasses, no I/O.

Every other layer (CLI, web app, PDF renderer) passes these objects around; the
wording that turns them into text lives in `petition.formulae`, the limits in
`petition.limits`.
"""
from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field, fields, replace
from typing import Literal


def _flat(obj) -> dict:
    """dataclasses.asdict for a dataclass whose fields are plain values (str, int, bool, None): the same dict,
    without asdict's recursion and deep copies (the API converts every finding of every check)."""
    return {f.name: getattr(obj, f.name) for f in fields(obj)}

Kind = Literal["e-petition", "paper"]
Language = Literal["en", "fr"]
Severity = Literal["error", "warning", "info"]

KINDS: tuple[str, ...] = ("e-petition", "paper")
LANGUAGES: tuple[str, ...] = ("en", "fr")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")

# The four addressees the House allows (R-ADDR-1), plus "other" for whatever a
# draft names that is none of them (the checker reports it).
ADDRESSEE_KINDS: tuple[str, ...] = ("house", "government", "minister", "member", "other")


@dataclass
class Addressee:
    """Who the petition is addressed to.

    kind:
      house      - the House of Commons (`in_parliament_assembled` adds the variant)
      government - the Government of Canada
      minister   - a Minister of the Crown; `title` as written after the article,
                   e.g. "Minister of Foreign Affairs", "Prime Minister",
                   FR "ministre des Affaires étrangères", "première ministre"
      member     - a Member of Parliament; `name` and `riding`
      other      - not an allowed addressee; `text` keeps what the draft said
    """

    kind: str = "government"
    in_parliament_assembled: bool = False
    title: str = ""
    name: str = ""
    riding: str = ""
    text: str = ""  # only for kind == "other": the addressee as written

    def to_dict(self) -> dict:
        return _flat(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Addressee":
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


@dataclass
class Petition:
    kind: str = "e-petition"
    language: str = "en"
    addressee: Addressee = field(default_factory=Addressee)
    # None means "the default for the language" (see formulae.default_petitioners).
    petitioners: str | None = None
    grievances: list[str] = field(default_factory=list)
    # The action asked for, as it follows "call upon the <addressee> to".
    # A numbered list of asks stays inside the string, one item per line.
    prayer: str = ""
    # The same petition in the other official language, as the organizer wrote or pasted it (the House accepts
    # English, French or both; nothing is translated here). Checked on its own; printed beside this one on a
    # bilingual paper petition. Its kind and language follow this petition's: see second().
    second_version: "Petition | None" = None

    def to_dict(self) -> dict:
        # asdict's result, spelled out (a new field holding a list or a dataclass needs its own line here;
        # tests/engine/test_properties.py compares the two).
        data = _flat(self)
        data["addressee"] = self.addressee.to_dict()
        data["grievances"] = list(self.grievances)
        data["second_version"] = self.second_version.to_dict() if self.second_version is not None else None
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "Petition":
        data = dict(data or {})
        addressee = Addressee.from_dict(data.pop("addressee", None) or {})
        second = data.pop("second_version", None)
        known = {f for f in cls.__dataclass_fields__}
        kwargs = {k: v for k, v in data.items() if k in known}
        petition = cls(addressee=addressee, **kwargs)
        if isinstance(second, dict):
            petition.second_version = cls.from_dict({**second, "second_version": None})
        return petition

    @property
    def second_language(self) -> str:
        return other_language(self.language)

    def second(self) -> "Petition | None":
        """The second-language version as its own petition: this one's kind, the other language."""
        if self.second_version is None:
            return None
        return deepcopy(replace(self.second_version, kind=self.kind, language=self.second_language,
                                second_version=None))

    def alone(self) -> "Petition":
        """This petition without its second-language version (what a one-language sheet or check needs)."""
        return deepcopy(replace(self, second_version=None))


def other_language(language: str) -> str:
    return "en" if language == "fr" else "fr"


@dataclass
class Span:
    """A half-open character range [start, end) into a source text."""

    start: int
    end: int


@dataclass
class Removed:
    """A fragment of a free-form draft that cannot go into a petition."""

    text: str
    rule: str  # e.g. "R-ATT-1", "R-URL-1"
    reason: str = ""  # in English; reason_in() gives it in French
    start: int = 0
    end: int = 0
    code: str = ""  # names the reason in petition/reader_copy.py

    def __post_init__(self) -> None:
        if self.code and not self.reason:
            self.reason = self.reason_in("en")

    def reason_in(self, language: str | None) -> str:
        from .rules import reader_text

        return reader_text("removed", self.code, language) if self.code else self.reason

    def to_dict(self, language: str | None = "en") -> dict:
        data = _flat(self)
        data["reason"] = self.reason_in(language)
        return data


@dataclass
class Replaced(Removed):
    """Words of the draft that the House's fixed wording stands for (a heading, "Whereas",
    "We, the undersigned", "call upon ... to", a list marker): not lost, said differently."""

    def reason_in(self, language: str | None) -> str:
        from .rules import reader_text

        return reader_text("replaced", self.code, language) if self.code else self.reason


def _note(code: str, values: dict) -> "Note":
    return Note(code, **values)


class Note(str):
    """A reader's note for the organizer: reads as its English text, says itself in French with text("fr")."""

    code: str
    values: dict

    def __new__(cls, code: str, **values) -> "Note":
        from .rules import reader_text

        note = super().__new__(cls, reader_text("notes", code, "en", **values))
        note.code, note.values = code, values
        return note

    def text(self, language: str | None) -> str:
        from .rules import reader_text

        return reader_text("notes", self.code, language, **self.values)

    def __reduce__(self):  # copies and pickles rebuild from the code, not from the English words
        return _note, (self.code, self.values)


@dataclass
class Reading:
    """What the reader (House-format parser or free-form converter) made of a text.

    `spans` maps a part name ("addressee", "petitioners", "grievance 1", ...,
    "prayer") to where that part sits in `source`, so findings can point into the
    text the organizer actually typed.
    """

    source: str
    input_form: str  # "house" or "freeform"
    petition: Petition
    spans: dict[str, Span] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)  # e.g. "no request found"
    # The addressee as the text itself names it, where it names one:
    # {"heading": "the House of Commons", "prayer": "the Government of Canada"}.
    # The checker compares them (a mismatch is common and only a warning).
    addressees_written: dict[str, str] = field(default_factory=dict)
    language: str | None = None  # what the reader detected, None when neither en nor fr
    # Fixed House wording the reader put in place of the draft's own (see petition.accounting).
    replaced: list[Replaced] = field(default_factory=list)
    # Where each part's words come from when that is more than its one span (a prayer made
    # of several request sentences and list items): part name -> pieces of `source`.
    pieces: dict[str, list[Span]] = field(default_factory=dict)
    # Formatting the pre-reading pass took off a paste (HTML tags, Markdown marks), said in a note.
    markup: list[Span] = field(default_factory=list)


@dataclass
class Finding:
    rule: str
    severity: str
    message: str
    part: str = ""
    start: int = 0
    end: int = 0
    excerpt: str = ""
    suggestion: str | None = None
    code: str = ""  # a stable name for the reason, e.g. "demand-framing"

    def to_dict(self) -> dict:
        return _flat(self)


def part_name_for_grievance(index: int) -> str:
    """Grievances are numbered from 1 for people; `index` is 0-based."""
    return f"grievance {index + 1}"
