"""R-LANG-3 and plain text: English or French, and no invisible control characters."""
from __future__ import annotations

import regex

from ..formulae import default_petitioners, is_default_petitioners
from ..catalogue import copy_in
from ..language import identify
from ..text import INVISIBLE, invisible_in
from .context import Context

# Sure enough that a text is in some other language to call it an error: the other
# language's function words at least twice English's or French's. Spanish, Italian and
# Portuguese share "de", "la", "que", "en" with French, so a plainly Spanish petition
# scores about 0.6 (French keeps a third of its hits); 0.8 let it through as "unclear".
CERTAIN = 0.5
# Too little text to judge (a short request alone): say nothing.
MIN_TOKENS = 8

# The word for "minister" in the other language, in a Minister's title.
_OTHER_LANGUAGE_TITLE = {"fr": regex.compile(r"(?i)\bminister\b"), "en": regex.compile(r"(?i)\bministre\b")}
# A run of letters from a script other than Latin (accents and ligatures are Latin).
# Letters of no particular script ("µ" in "5 µg") are not foreign words.
_FOREIGN = r"[^\P{L}\p{Latin}\p{Common}\p{Inherited}]"
_OTHER_SCRIPT = regex.compile(rf"{_FOREIGN}(?:{_FOREIGN}|[\s\p{{P}}\p{{N}}])*{_FOREIGN}|{_FOREIGN}")


def check(ctx: Context):
    # Only the organizer's own words: the heading and the default petitioners are our formulae.
    parts = [p for p in ctx.text_parts() if p.counted]
    whole = "\n".join(p.text for p in parts)
    ident = identify(whole)
    enough = ident.tokens >= MIN_TOKENS or (ident.guess == "non-latin" and len(whole.split()) >= MIN_TOKENS)
    if ident.language is None and enough:
        if ident.guess is not None and ident.confidence >= CERTAIN:
            yield ctx.finding("not-english-or-french", None, part_name="")
        else:
            yield ctx.finding("language-unclear", None, part_name="")
    elif ident.language is not None:
        if ident.language != ctx.petition.language and enough and ident.confidence >= CERTAIN:
            # The fixed wording follows the petition's language setting; the organizer's words
            # in the other language would publish as "call upon ... to revoir ...".
            yield ctx.finding("formula-language-mismatch", None, part_name="",
                              words=copy_in(ctx.message_language).language_name(ident.language),
                              formula=copy_in(ctx.message_language).language_name(ctx.petition.language))
        for part in parts:
            for m in _OTHER_SCRIPT.finditer(part.text):  # each passage (findings are capped per code)
                yield ctx.finding("other-script", part, m.start(), m.end())
    # The usual petitioners wording left in the other language ("Nous, soussignés, citizens and
    # residents of Canada, ..."): certain, and the fix is the same wording in the right language.
    petitioners = ctx.part("petitioners")
    own = default_petitioners(ctx.petition.language)
    if petitioners is not None and is_default_petitioners(petitioners.text) \
            and " ".join(petitioners.text.split()).casefold() != own.casefold():
        yield ctx.finding("petitioners-other-language", petitioners, 0, len(petitioners.text), suggestion=own,
                          formula=copy_in(ctx.message_language).language_name(ctx.petition.language))
    # A Minister's title typed in the other language prints "Pétition au Minister of Health".
    addressee = ctx.petition.addressee
    if addressee.kind == "minister" and addressee.title:
        other_word = _OTHER_LANGUAGE_TITLE.get(ctx.petition.language)
        part = ctx.part("addressee")
        if other_word is not None and other_word.search(addressee.title) and part is not None:
            yield ctx.finding("addressee-other-language", part, 0, len(part.text),
                              excerpt=addressee.title, formula=copy_in(ctx.message_language).language_name(ctx.petition.language))
    # Control characters: count them in the source the organizer typed.
    hits = INVISIBLE.finditer(ctx.source)
    first = next(hits, None)
    if first is not None:
        count = 1 + sum(1 for _ in hits)
        yield ctx.finding("control-characters", None, first.start(), first.end(), part_name="",
                          excerpt=repr(first.group())[1:-1], count=count)
    else:
        # A structured petition is checked against its rendering, which leaves them out: count them
        # in the petition's own fields (there is no place in the rendered text to point at).
        found = invisible_in(ctx.petition)
        if found:
            yield ctx.finding("control-characters", None, 0, 0, part_name="",
                              excerpt=repr(found[0])[1:-1], count=len(found))
