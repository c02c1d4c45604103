"""One entry point for any text an organizer pastes: `read(text) -> Reading`.

A text with the House's petitioner formula ("We, the undersigned" / "Nous
soussignés" / "draw the attention of") is parsed as it stands (`parse_house`);
anything else is a draft to convert (`convert_freeform`). A "Petition to"
heading alone is House form too, unless the body under it is campaign-style (the
converter finds material to strip, or only it finds the request). The language is
detected once and passed down.

What a Reading holds, from either reader:
- spans: "addressee" (in the heading, else where the request names it),
  "petitioners", "grievance 1".., "prayer", and "prayer addressee" / "attention"
  (the addressee inside "call upon ... to" / "draw the attention of ... to");
- addressees_written: "heading", "prayer", "attention", each as the text says it;
- removed: what a petition may not carry (R-STR-1 title or text above the
  heading, R-ATT-1 campaign material or a postscript, R-URL-1 links and handles);
- removed: also text the reader could not place (R-STR-1 "unplaced"), and words that
  led into a request ("Because rents doubled, we ask ...": "request-lead-in");
- replaced: the draft's words that the House's fixed wording stands for (heading,
  "Whereas", "We, the undersigned, ... call upon ... to", list numbering);
- notes: plain sentences for the organizer (no request found, wording changed).

Nothing is lost (an invariant, see `petition.accounting`): every non-whitespace
character of the text is in exactly one place: the addressee, the petitioners, a
grievance, the request, a removed entry or a replaced entry.
"""
from __future__ import annotations

from .freeform import convert_freeform
from .house_format import has_petitioner_formula, looks_like_house, parse_house
from .language import detect_language
from .model import Reading
from .unwrap import unwrap

__all__ = ["read", "parse_house", "convert_freeform", "looks_like_house"]


def read(text: str, language: str | None = None) -> Reading:
    """Read a paste; `language` ("en"/"fr", the organizer's choice) picks the version of a bilingual one."""
    text = text if isinstance(text, str) else str(text or "")
    unwrapped = unwrap(text, language)
    if not unwrapped.changed:
        return _read(text)
    return unwrapped.restore(_read(unwrapped.text))


def _read(text: str) -> Reading:
    language = detect_language(text)
    if has_petitioner_formula(text):
        return parse_house(text, language=language)
    converted = convert_freeform(text, language=language)
    if looks_like_house(text):
        house = parse_house(text, language=language)
        if not converted.removed and (house.petition.prayer or not converted.petition.prayer):
            return house
    return converted
