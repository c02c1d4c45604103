"""The fingerprint of a petition's text: one definition for the sheets, the review page and every PDF.

The canonical serialisation is the text the signature sheets print, exactly as the House
publishes it (`formulae.render`: the addressee line, the grievances, the prayer sentence,
with the House's fixed wording in the petition's language), one version after the other
separated by a blank line when the organizer wrote one in the other official language,
encoded as UTF-8. Nothing else goes in: not the draft's name, its settings, the paper
size or the date, so only a change to what the Clerk reads changes the fingerprint.

`text_sha256` is the whole SHA-256 (what a print run records); `fingerprint` is its first
40 bits in base32, eight characters a person can read off a page and compare ("7KQ2-M4XA":
no 0/O or 1/I/L confusion in base32's alphabet A-Z, 2-7). Forty bits make a chance match
between two versions of one draft about one in a trillion.
"""
from __future__ import annotations

import base64
import hashlib

from .formulae import render
from .model import Petition

FINGERPRINT_CHARS = 8


def printed_text(petition: Petition) -> str:
    """The petition text a signature sheet carries: with a second-language version, both
    (first, blank line, second)."""
    texts = [render(petition.alone()).text]
    second = petition.second()
    if second is not None:
        texts.append(render(second).text)
    return "\n\n".join(texts)


def text_sha256(petition: Petition) -> str:
    return sha256_of(printed_text(petition))


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def short(digest_hex: str) -> str:
    """The eight-character fingerprint of a SHA-256 (hex), grouped in fours: 'ABCD-EFGH'."""
    raw = bytes.fromhex(digest_hex)[:5]
    code = base64.b32encode(raw).decode("ascii")[:FINGERPRINT_CHARS]
    return f"{code[:4]}-{code[4:]}"


def fingerprint(petition: Petition) -> str:
    return short(text_sha256(petition))


# How documents name a draft the organizer has not named: the start of what it asks for.
LABEL_CHARS = 60


def label_for(petition: Petition) -> str:
    """A short label derived from the petition: its request cut at a word near LABEL_CHARS characters, or its
    addressee line when it asks nothing yet."""
    words = " ".join(petition.prayer.split())
    if not words:
        rendered = render(petition)
        span = rendered.spans.get("addressee")
        words = " ".join(rendered.text[span.start:span.end].split()) if span else ""
    if len(words) > LABEL_CHARS:
        words = words[:LABEL_CHARS].rsplit(" ", 1)[0] + "\u2026"
    return words
