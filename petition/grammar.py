"""The patterns that recognise the House's own wording, defined once.

Both readers (`house_format`, `freeform`), the pre-reading pass and the checks use
these, so what the converter takes out is exactly what the checker would flag.
Every pattern is bounded or anchored: a long paste cannot make one backtrack badly.
"""
from __future__ import annotations

import re

import regex  # Unicode classes for handles, hashtags and domains

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

# ---- the formulae -------------------------------------------------------------------------------

# The heading: "Petition to", "PETITION TO", "Pétition adressée au", "Pétition à la", and the
# bare "To the House of Commons" line of older paper petitions.
HEADING = re.compile(
    r"(?:p[ée]titions?[ \t]+(?:(?:adress[ée]e|addressed)[ \t]+)?(?:to[ \t]+|(?=(?:au|aux|à)[ \t])))"
    r"|(?:to)[ \t]+(?=\S)",
    _I,
)
# Where a heading's addressee ends and its subject begins: "regarding", "about", "concerning",
# « concernant », « au sujet de », or an action ("to reopen ...", « pour rétablir ... »). A
# Member's riding ("for Ottawa Centre") and a Minister's portfolio ("of Fisheries, Oceans and
# the Canadian Coast Guard") are not subjects.
HEADING_SUBJECT = re.compile(
    r"[ \t,]+(?:(?:regarding|about|concerning|re:|respecting|with[ \t]+(?:regard|respect)[ \t]+to"
    r"|in[ \t]+(?:regard|respect)[ \t]+to|relating[ \t]+to|related[ \t]+to|on|in[ \t]+support[ \t]+of|against"
    r"|asking|calling|urging|to(?=[ \t]+(?!the\b|l[ae]\b|les\b|an?\b)[^\W\d_])"
    r"|concernant|relativement[ \t]+à|portant[ \t]+sur|sur|contre|pour|demandant|visant)(?=[ \t])"
    r"|(?:au[ \t]+sujet|à[ \t]+propos|en[ \t]+faveur)[ \t]+(?:de(?=[ \t])|du(?=[ \t])|des(?=[ \t])|d['’])"
    r"|afin[ \t]+(?:de(?=[ \t])|d['’]))",
    _I,
)
UNDERSIGNED = re.compile(
    r"\b(?:we|nous)\b[ \t,]*(?:the[ \t]+|les[ \t]+)?(?:undersigned|soussign[ée]e?s?)\b"
    r"|\b(?:the|les)[ \t]+(?:undersigned|soussign[ée]e?s?)\b",
    _I,
)
THEREFORE = re.compile(r"\b(?:therefore|wherefore|par\s+cons[ée]quent|en\s+cons[ée]quence|c['’]est\s+pourquoi)\b", _I)
LEADING_THEREFORE = re.compile(
    r"(?:therefore|wherefore|par\s+cons[ée]quent|en\s+cons[ée]quence|c['’]est\s+pourquoi)[\s,]*\Z", _I
)
PETITIONERS_REF = re.compile(r"\b(?:your|the|vos|les)\s+(?:petitioners|p[ée]titionnaires)\b", _I)
ATTENTION = re.compile(
    r"\bdraws?\s+(?:the\s+)?attention\s+of\s+(?P<addr>[^\n:;.]{1,150}?)\s+to\s+the\s+following(?:[ \t]+\w+){0,2}[ \t]*:?"
    r"|\b(?:attir(?:ent|ons|er)|attire)\s+l['’]attention\s+(?:de\s+|d['’]|du\s+|des\s+)?(?P<addr_fr>[^\n:;.]{1,150}?)"
    r"\s+sur\s+(?:ce\s+qui\s+suit|les\s+(?:faits|points|[ée]l[ée]ments)\s+suivants)[ \t]*:?",
    _I,
)
OPENER = re.compile(r"(?:whereas|attendu\s+que|consid[ée]rant\s+que)\b[ \t]*[:,]?[ \t]*", _I)
HOUSE_CUES = re.compile(
    r"\b(?:we|nous)\b[ \t,]*(?:the[ \t]+|les[ \t]+)?(?:undersigned|soussign[ée]e?s?)\b"
    r"|\bles\s+soussign[ée]e?s\b|\bdraws?\s+(?:the\s+)?attention\s+of\b|\battir\w*\s+l['’]attention\b",
    _I,
)


# ---- addressee phrases (R-ADDR-1) --------------------------------------------------------------

# The four allowed addressees, matched against a phrase once its article and courtesy title are off.
HOUSE_ADDRESSEE = re.compile(
    r"^(?:house\s+of\s+commons(?:\s+of\s+canada)?|house|commons|parliament(?:\s+of\s+canada)?"
    r"|chambre\s+des\s+communes(?:\s+du\s+canada)?|chambre|parlement(?:\s+du\s+canada)?)"
    r"(?P<assembled>,?\s+(?:in\s+parliament\s+assembled|réunie\s+en\s+parlement))?$",
    _I,
)
GOVERNMENT_ADDRESSEE = re.compile(
    r"^(?:(?:(?:federal|canadian)\s+)*government(?:\s+of\s+canada)?"
    r"|canada['’]s\s+(?:federal\s+)?government"
    r"|gouvernement(?:\s+(?:du\s+canada|fédéral|federal|canadien))*)$",
    _I,
)
MEMBER_EN = re.compile(
    r"^(?:(?P<name>.+?),?\s+)?(?:the\s+)?(?:member\s+of\s+parliament|member|mp)\s+(?:for|of)\s+(?P<riding>.+)$",
    _I,
)
MEMBER_FR = re.compile(
    r"^(?:(?P<name>.+?),?\s+)?(?:le\s+|la\s+)?(?:député|députée)\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+|des\s+)(?P<riding>.+)$",
    _I,
)
MINISTER_WORD = re.compile(r"\b(?:minister|ministre)s?\b", _I)

# Where a phrase names an allowed addressee somewhere inside it (free-form drafts):
# "Canada's Prime Minister", "the federal government", "Parliament".
ADDRESSEE_MENTION = re.compile(
    r"\b(?:(?:the\s+)?(?:(?:federal|canadian)\s+)*government(?:\s+of\s+canada)?|canada['’]s\s+(?:federal\s+)?government"
    # A portfolio is its first word and any capitalized words after it: "the Minister of Fisheries to
    # reopen ..." names "the Minister of Fisheries", never the action after it.
    r"|(?:the\s+)?house\s+of\s+commons|parliament(?!\s+hill)|(?:the\s+)?prime\s+minister"
    r"|(?:the\s+)?minister\s+of\s+(?:the\s+)?[\w'’-]+(?:\s+(?:(?:and|of|for|the)\s+)*(?-i:[A-Z])[\w'’-]*)*"
    r"|(?:le\s+)?gouvernement(?:\s+(?:du\s+canada|fédéral|canadien))?|(?:la\s+)?chambre\s+des\s+communes|parlement"
    r"|(?:le\s+|la\s+)?premi(?:er|ère)\s+ministre"
    r"|(?:le\s+|la\s+)?ministre\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])[\w'’-]+"
    r"(?:\s+(?:(?:et|de|du|des|la)\s+|l['’])*(?-i:[A-ZÉÎ])[\w'’-]*)*)",
    _I,
)
# Every ADDRESSEE_MENTION holds one of these stems: a text without any cannot match,
# and `in` finds that far faster than the regex does (keep the two in step).
MENTION_STEMS = ("govern", "gouvern", "house", "parliament", "parlement", "minist", "chambre")
# Words that mean the phrase does name an allowed addressee somewhere in it.
ALLOWED_ADDRESSEE_CUE = re.compile(
    r"minist|member of parliament|député|house of commons|chambre des communes|government of canada|gouvernement du canada",
    _I,
)
# Each word that names an addressee: two of them and an "and" make two addressees.
ADDRESSEE_WORD = re.compile(
    r"\b(?:minister|ministre|government|gouvernement|house of commons|chambre des communes|member of parliament|député)",
    _I,
)


# ---- list markers -------------------------------------------------------------------------------

BULLET = r"[-–—•*·▪◦]"
# "1." "12)" "(3)" "a)" "(iv)": a numbered list item's marker.
NUMBER = r"\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]"
# A list item at a line's start, before its words (the converter's list lines).
LIST_ITEM = re.compile(rf"[ \t\u00a0]*(?:{NUMBER}|{BULLET})[ \t\u00a0]+(?=\S)", _I)
# A marker opening a House clause or ask ("- " may touch its words: "-rents rose").
CLAUSE_MARKER = re.compile(rf"(?:{BULLET}[ \t]*|{NUMBER}[ \t]+)", _I)
# Where a list starts inside a request ("by: 1. ..."), and each numbered ask after a line start or ";".
LIST_START = re.compile(rf"{NUMBER}\s|{BULLET}\s", _I)
NUMBERED_ASK = re.compile(rf"(?:^|(?<=[\n;:]))[^\S\n]*(?:and\s+|et\s+)?{NUMBER}\s", _I)
# The next item of a list run into one line ("1) raise pensions; 2) cut taxes").
INLINE_NEXT_ITEM = re.compile(rf"[;,]\s*(?:and\s+|et\s+)?{NUMBER}\s", _I)
# A list marker once its punctuation is gone: "1", "12", "a", "iv".
LIST_MARKER_WORD = re.compile(r"\d{1,3}|[a-z]|[ivx]{1,4}", _I)

# ---- request verbs ------------------------------------------------------------------------------

# The verbs that put a request in the House's form, and the wider set drafts use. A draft's
# "demand", "insist", "exigeons" is read as a request and reported (R-PRAY-4).
REQUEST_VERBS_EN = (
    r"call(?:s|ing)?\s+(?:up)?on|call(?:s|ing)?|request(?:s|ing)?|ask(?:s|ing)?|urg(?:e|es|ing)|pray(?:s|ing)?"
    r"|petition(?:s|ing)?|implor(?:e|es|ing)|appeal(?:s|ing)?\s+to"
)
DRAFT_REQUEST_VERBS_EN = (
    REQUEST_VERBS_EN + r"|beg(?:s|ging)?|demand(?:s|ing)?|invit(?:e|es|ing)|encourag(?:e|es|ing)|want|need|expect"
    r"|would\s+like"
)
REQUEST_THAT_VERBS_EN = r"demand(?:s|ing)?|ask(?:s|ing)?|request(?:s|ing)?|urg(?:e|es|ing)|insist(?:s|ing)?|petition(?:s|ing)?|pray(?:s)?"
REQUEST_VERBS_FR = (
    r"demandons|demandent|prions|prient|invitons|invitent|exhortons|exhortent|sollicitons|sollicitent|réclamons"
    r"|réclament|implorons|supplions|enjoignons|appelons|appellent"
)
DRAFT_REQUEST_VERBS_FR = REQUEST_VERBS_FR + r"|exigeons|exigent|sommons"
REQUEST_THAT_VERBS_FR = r"demandons|demandent|prions|prient|exigeons|exigent|réclamons|réclament"

# ---- web references and contact details (R-URL-1, R-URL-2, R-CONTACT-1) -------------------------
# Lengths are bounded so that overlapping candidates ("www.www.www...") cost at most
# 2,000 characters each: linear in the text.

# Any scheme ("file://", "ftp://", "ipfs://"), not only the web's. A URL stops at characters
# that cannot be in one unescaped, so "url(http://x/y);body{...}" reports only the address.
URL = regex.compile(
    r"(?i)\b(?:[a-z][a-z0-9+.\-]{1,15}://|www\.|(?:mailto|tel|data|javascript|file):(?=\S))"
    r"[^\s<>\"'«»“”{}|\\^`;]{1,2000}"
)
TLDS = r"com|ca|org|net|gov|edu|info|io|co|ly|me|tv|app|news|quebec|gl|gc\.ca"
DOMAIN = regex.compile(
    rf"(?i)(?<![\p{{L}}\p{{N}}@.\-/])(?:[a-z0-9](?:[a-z0-9\-]{{0,62}}[a-z0-9])?\.){{1,8}}(?:{TLDS})(?:/[^\s<>\"]{{0,2000}})?(?![\p{{L}}\p{{N}}@\-])"
)
EMAIL = regex.compile(r"(?i)(?<![\w.+\-])[\w.+\-]{1,64}@[a-z0-9\-]{1,63}(?:\.[a-z0-9\-]{1,63})+")
# "@salishsea." at a sentence's end is a handle; "@x.com" is part of an address.
HANDLE = regex.compile(r"(?<![\w@.])@[A-Za-z0-9_]{2,30}(?![\w@]|\.\w)")
HASHTAG = regex.compile(r"(?<![\w&#])#[\p{L}_][\p{L}\p{N}_]{1,60}")
PHONE = regex.compile(
    r"(?<![\d\-+.])(?:\+?1[\s.\-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?![\d\-])"
)
# Plain `re` here: the same pattern is several times faster than with `regex`.
POSTAL_CODE = re.compile(
    r"(?<![^\W_])[ABCEGHJ-NPRSTVXYabceghj-nprstvxy]\d[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z][ \-]?"
    r"\d[ABCEGHJ-NPRSTV-Zabceghj-nprstv-z]\d(?![^\W_])"
)
# Where a pasted page had a link, or a draft marks one to add: "Learn more: [link]", "[lien]", "<URL>".
LINK_PLACEHOLDER = regex.compile(
    r"(?i)[\[<(][ \t]*(?:insert[ \t]+|ins[ée]rer[ \t]+(?:le[ \t]+)?)?(?:hyper)?(?:links?|liens?|url)"
    r"(?:[ \t]+(?:here|ici))?[ \t]*[\]>)]"
)
# Cheap tests that let a text with no web reference skip the costlier patterns.
_TLD_HINT = re.compile(rf"\.(?:{TLDS})(?![^\W_])", _I)
# A reference at the end of a sentence keeps its full stop out.
_TRAILING = ".,;:!?)]»”’'\""
CONTACT_KINDS = ("phone", "postal-code")


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


class _Taken:
    """Spans already reported, so an e-mail is not also a domain and a handle. Sorted: n log n."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        import bisect

        i = bisect.bisect_right(self.starts, start)
        if i and self.ends[i - 1] > start:
            return False
        return not (i < len(self.starts) and self.starts[i] < end)

    def add(self, start: int, end: int) -> None:
        import bisect

        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def references(text: str) -> list[tuple[int, int, str]]:
    """Every web reference and contact detail in `text`, as (start, end, kind), in text order.

    kind: "email", "url" (a scheme or "www."), "domain" ("fairrent.ca"), "placeholder" ("[link]"), "handle", "hashtag",
    "phone", "postal-code". The checker reports each one; the converter takes each out.
    """
    taken = _Taken()
    found: list[tuple[int, int, str]] = []

    def scan(pattern, kind: str, trim: bool = False) -> None:
        # A candidate that runs into one already found is tried again one character on, so
        # "x=1 613-555-0199" still finds the phone number after a link took the "1".
        pos, n = 0, len(text)
        while pos < n:
            m = pattern.search(text, pos)
            if m is None:
                return
            start = m.start()
            end = _trim(text, start, m.end()) if trim else m.end()
            if end > start and taken.free(start, end):
                taken.add(start, end)
                found.append((start, end, kind))
                pos = max(m.end(), start + 1)
            else:
                pos = start + 1

    if "@" in text:
        scan(EMAIL, "email")
    if ":" in text or "www." in text.lower():
        scan(URL, "url", trim=True)
    if _TLD_HINT.search(text):
        scan(DOMAIN, "domain", trim=True)
    if "[" in text or "<" in text or "(" in text:
        scan(LINK_PLACEHOLDER, "placeholder")
    if "@" in text:
        scan(HANDLE, "handle")
    if "#" in text:
        scan(HASHTAG, "hashtag")
    scan(PHONE, "phone")
    scan(POSTAL_CODE, "postal-code")
    return sorted(found)


# ---- the words that only point at a link (issue 9: a removed link must not break its sentence) ----
# Taking "https://x" out of "rents rose 40% (see https://x for details);" would leave "(see for
# details)". These patterns find the words that served the link alone, so the converter removes them
# with it, in the same entry. Words that say something more ("as reported by CBC") stay.
_POINTER_OPEN = (
    r"see|voir|cf\.?|via|sources?|références?|refs?\.?|read\s+more|more|details|détails|info(?:rmation)?s?"
    r"|lire\s+la\s+suite|en\s+savoir\s+plus|learn\s+more|plus\s+d['’]\s*informations?"
)
# "(see " / "[source: " / "(voir " right before the link: only pointer words between the bracket and it.
LINK_OPEN = regex.compile(
    rf"(?i)[ \t]*[(\[][ \t]*(?:(?:{_POINTER_OPEN})(?:[ \t]+(?:at|on|here|sur|à))?[ \t]*[:：]?[ \t]*)?\Z"
)
# " for details)" / " pour les détails]" right after it, up to the closing bracket.
LINK_CLOSE = regex.compile(
    r"(?i)[ \t]*(?:(?:for|pour)[ \t]+(?:more[ \t]+|further[ \t]+)?"
    r"(?:details|information|info|les[ \t]+détails|plus[ \t]+de[ \t]+détails|plus[ \t]+d['’][ \t]*informations?"
    r"|en[ \t]+savoir[ \t]+plus)[ \t]*)?[.]?[)\]]"
)
# A preposition pointing at the link, always only the link's: "published at www.x.ca within a year".
LINK_PREPOSITION = regex.compile(
    r"(?i)(?<![^\s(\[])(?:at|on|sur|à[ \t]+l['’]adresse|à)[ \t]+"
    r"(?:(?:our|the|le|notre)[ \t]+(?:web[ \t]*site|site(?:[ \t]+(?:web|internet))?|page)[ \t]+)?\Z"
)
# A verb pointing at the link: only the link's when the link ends its sentence ("..., see www.x.ca.").
LINK_VERB = regex.compile(
    r"(?i)(?<![^\s(\[,;:])(?:(?:please[ \t]+)?(?:visit|see|go[ \t]+to|check[ \t]+out)|visitez|consultez|voir"
    r"|allez[ \t]+sur|rendez-vous[ \t]+sur)[ \t]+\Z"
)
_LINK_SENTENCE_END = regex.compile(r"[ \t]*(?:[.!?;,:»”\"')\]]|\n|\Z)")
# A sentence that only points at a link once the link is out: "For more information, visit our
# website at www.x.ca.", "Learn more:", « Pour en savoir plus, consultez notre site ». It goes whole.
_POINTER_PHRASE = (
    r"(?:(?:for|to)\s+(?:learn\s+)?(?:more|further)(?:\s+(?:information|info|details))?"
    r"|(?:learn|read|find\s+out)\s+more|more\s+(?:information|info|details)|details|info|links?"
    r"|(?:please\s+)?(?:visit|see|go\s+to|check\s+out|click\s+here)"
    r"(?:\s+(?:our|the)\s+(?:web\s*site|site|page|campaign\s+page|petition\s+page))?(?:\s+(?:at|on|here))?"
    r"|(?:our|the)\s+(?:web\s*site|site|page)(?:\s+(?:at|on|here))?"
    r"|pour\s+(?:plus\s+d['’]\s*informations?|en\s+savoir\s+plus|plus\s+de\s+détails)|en\s+savoir\s+plus"
    r"|plus\s+d['’]\s*informations?|(?:visitez|consultez|voir|allez\s+sur|rendez-vous\s+sur)"
    r"(?:\s+(?:notre|le)\s+site(?:\s+(?:web|internet|Web|Internet))?)?(?:\s+(?:à\s+l['’]adresse|à|sur))?)"
)
LINK_POINTER_SENTENCE = regex.compile(rf"(?i)\W*{_POINTER_PHRASE}(?:[\s,:;.\-–—]+{_POINTER_PHRASE}){{0,3}}\W*")
# A word left hanging where a link was, that the converter cannot tell is only the link's: the
# organizer is told the sentence may read oddly ("according to , rents rose").
LINK_DANGLING = regex.compile(
    r"(?i)(?:^|\s)(?:to|at|on|from|by|via|the|a|an|our|see|visit|in|of|de|du|des|à|au|aux|sur|par|voir"
    r"|le|la|les|notre|nos|vers|chez|cf\.?)\s*\Z|[(\[]\s*\Z"
)


def link_extent(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """The span to remove with the link at text[start:end]: the link, plus the words around it that
    only point at it (an enclosing bracket of pointer words, a lead-in "at" / « sur »), never past
    low..high (the text the link's sentence may reach)."""
    before = text[max(low, start - 60):start]
    opened = LINK_OPEN.search(before)
    if opened:
        closed = LINK_CLOSE.match(text, end, high)
        if closed:
            return start - (len(before) - opened.start()), closed.end()
    lead = LINK_PREPOSITION.search(before)
    if lead is None and _LINK_SENTENCE_END.match(text, end, high):
        lead = LINK_VERB.search(before)
    if lead:
        return start - (len(before) - lead.start()), end
    return start, end
