"""The patterns that recognise the House's own wording, defined once.

Both readers (`house_format`, `freeform`), the pre-reading pass and the checks use
these, so what the converter takes out is exactly what the checker would flag.
Every pattern is bounded or anchored: a long paste cannot make one backtrack badly.
"""
from __future__ import annotations

import re

_I = re.IGNORECASE

# "Petition", "PÉTITION", "petitions": the word that makes a line the House's heading.
PETITION_WORD = re.compile(r"p[ée]titions?", _I)

# One word of the fixed wording the House's form prints in its own words: the heading
# ("Petition to", "Pétition adressée au"), the grievance opener ("Whereas", "Attendu
# que", "THAT"), the petitioners' and request formulae ("We, the undersigned, ... call
# upon ... to", "Nous, soussignés, ... demandons ... de", "draw the attention of the
# House to the following", "THEREFORE, your petitioners"), and the connectors between
# clauses. Matched against whole lower-case words (letters and digits only).
FORMULA_WORD = re.compile(
    r"p[ée]titions?|to|the|whereas|that|and|therefore|wherefore|we|i|undersigned|your|petitioners|call|calls"
    r"|upon|on|ask|asks|request|requests|urge|urges|pray|prays|humbly|hereby|respectfully|also|further|so|thus"
    r"|draw|draws|attention|of|following|in|parliament|assembled|addressed|demand|demands|insist|insists"
    r"|adress[ée]e|au|aux|à|a|la|le|les|l|attendu|que|qu|consid[ée]rant|et|par|cons[ée]quent|en|cons[ée]quence"
    r"|c|est|pourquoi|nous|soussign[ée]e?s?|demandons|demandent|prions|prient|invitons|invitent|exhortons"
    r"|exhortent|sollicitons|réclamons|implorons|supplions|enjoignons|appelons|appellent|exigeons|exigent"
    r"|de|d|du|des|p[ée]titionnaires|vos|attir(?:er|ent|ons|e)|sur|ce|qui|suit|réunie|parlement",
    _I,
)
# A list marker once its punctuation is gone: "1", "12", "a", "iv".
LIST_MARKER_WORD = re.compile(r"\d{1,3}|[a-z]|[ivxlc]{1,5}", _I)
