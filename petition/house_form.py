"""The e-petition as the House's creation form asks for it: one part per field, each exactly as published.

The House's form takes the addressee as a choice, the grievances, and the request that follows the fixed
"We, the undersigned, ..., call upon ... to" (petition-rules.md section 2.2). Every part here is cut from
`formulae.render` by its spans, so what the organizer copies into the House's form is, character for
character, what the House publishes; the word count is `wordcount.count_petition`, as the review shows it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .catalogue import lang_of
from .formulae import addressee_text, prayer_formula, render
from .model import Petition
from .text import printable
from .wordcount import WordCount, count_petition


@dataclass(frozen=True)
class HouseForm:
    addressee_kind: str  # house, government, minister, member (other: the House offers no such choice)
    addressee: str  # the addressee as the heading names it: "the Government of Canada"
    petitioners: str
    grievances: str  # the clauses as published, one a line ("...;" then "....")
    prayer: str  # what follows "call upon ... to", as published
    word_count: WordCount
    language: str


def house_form(petition: Petition) -> HouseForm:
    """The parts of `petition` (its first language only: the House translates an e-petition itself)."""
    petition = petition.alone() if petition.second_version is not None else petition
    rendered = render(petition)
    text, spans = rendered.text, rendered.spans
    clauses = sorted((span for part, span in spans.items() if part.startswith("grievance")),
                     key=lambda span: span.start)
    grievances = text[clauses[0].start:clauses[-1].end] if clauses else ""
    shown = printable(petition)
    return HouseForm(
        addressee_kind=shown.addressee.kind,
        addressee=addressee_text(shown.addressee, lang_of(petition.language)),
        petitioners=text[spans["petitioners"].start:spans["petitioners"].end],
        grievances=grievances,
        prayer=text[spans["prayer"].start:spans["prayer"].end],
        word_count=count_petition(petition),
        language=lang_of(petition.language),
    )


def request_sentence(petition: Petition) -> str:
    """'We, the undersigned, ..., call upon ... to ...' exactly as the published petition has it (the one
    sentence a cover letter or an invitation quotes)."""
    rendered = render(petition)
    opening, _ = prayer_formula(petition)
    return rendered.text[rendered.spans["petitioners"].start - len(opening):]
