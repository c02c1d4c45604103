"""One entry point for any text an organizer pastes: `read(text) -> Reading`.

A text in the House's own form is parsed as it stands (`parse_house`); anything
else is a draft to convert (`convert_freeform`). The language is detected once
and passed down.
"""
from __future__ import annotations

from .freeform import convert_freeform
from .house_format import looks_like_house, parse_house
from .language import detect_language
from .model import Reading

__all__ = ["read", "parse_house", "convert_freeform", "looks_like_house"]


def read(text: str) -> Reading:
    text = text if isinstance(text, str) else str(text or "")
    language = detect_language(text)
    if looks_like_house(text):
        reading = parse_house(text, language=language)
        if reading.petition.prayer or not reading.notes:
            return reading
        # A House heading over a campaign-style body: the converter finds the
        # request and strips the campaign material; keep whichever found more.
        converted = convert_freeform(text, language=language)
        if converted.petition.prayer:
            return converted
        return reading
    return convert_freeform(text, language=language)
