"""Reading a petition written in the House's own form, English or French.

Two shapes are read (petition-rules.md sections 2.2, 2.3 and the calibration notes):

- the e-petition form as published: "Petition to <addressee>", optional "Whereas:" /
  "Attendu que :", one clause per line (or run together with ";"), then
  "We, the undersigned, <petitioners>, call upon <addressee> to <action>." /
  "Nous(,) soussignés, <pétitionnaires>, demandons|prions <destinataire> de <mesure>.";
- the older paper form: "We, the undersigned <petitioners>, draw the attention of the
  House to the following: THAT ...; THAT ... THEREFORE, your petitioners call upon
  Parliament to ..." (FR "Les soussignés ... attirent l'attention de la Chambre sur ce
  qui suit : QUE ... PAR CONSÉQUENT, les pétitionnaires demandent au Parlement de ...").

Every span points into the text as given, so a finding can underline what the
organizer typed. All patterns are bounded or anchored: no nested quantifiers that
could backtrack badly on a long paste.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .accounting import settle
from .addressees import classify_addressee
from .grammar import (
    ATTENTION as _ATTENTION, CLAUSE_MARKER, HEADING as _HEADING, HEADING_SUBJECT, HOUSE_CUES as _HOUSE_CUES,
    LEADING_THEREFORE as _LEADING_THEREFORE, OPENER, PETITION_WORD, PETITIONERS_REF as _PETITIONERS_REF,
    THEREFORE as _THEREFORE, UNDERSIGNED as _UNDERSIGNED, BULLET, NUMBER, REQUEST_THAT_VERBS_EN, REQUEST_THAT_VERBS_FR,
    REQUEST_VERBS_EN, REQUEST_VERBS_FR,
)
from .language import detect_language
from .model import Addressee, Note, Petition, Reading, Removed, Span, part_name_for_grievance

_I = re.IGNORECASE

# One character of an addressee: no sentence punctuation or blank line, except the
# period of a title ("the Hon. Mélanie Joly", "Member of Parliament for St. John's
# East"); a single line break is a hard wrap.
ADDRESSEE_CHAR = r"(?:[^.;:!?\n]|(?<!\n)\n(?![ \t\r]*\n)|(?:(?<=Hon)|(?<=St)|(?<=Ste)|(?<=Mr)|(?<=Mrs)|(?<=Ms)|(?<=Dr)|(?<=Rt)|(?<=Jr))\.)"
# English request: "call upon <addressee> to", also "pray and call upon", "ask", "urge".
_REQUEST_EN = re.compile(
    r"\b(?:(?:humbly\s+)?pray\s+and\s+)?"
    r"(?:" + REQUEST_VERBS_EN + r")"
    r"\s+(?!that\b)(?P<addr>" + ADDRESSEE_CHAR + r"{1,200}?)[\s,]+to(?:\s+|\s*:\s*)(?=\S)",
    _I,
)
# French request verbs; what links the addressee to the action is found separately
# because "de" also sits inside addressees ("la ministre de la Santé de ...").
_REQUEST_FR = re.compile(
    r"\b(?:" + REQUEST_VERBS_FR + r")\s+",
    _I,
)
_FR_LIST_COLON = re.compile(rf"[ \t\u00a0]*:[ \t\u00a0]*\r?\n\s*(?={NUMBER}[ \t]|{BULLET})", _I)
# "de revoir", "d'adopter", and "de : 1) ..." / "de: 1) ..." before a list of asks on the same line.
_FR_LINK = re.compile(r"(?<![\w'’])(?:de|à)(?:[ \t]*:[ \t]*(?=\S)|\s+)|(?<![\w'’])d['’]\s*", _I)
# A French infinitive (maybe after "ne pas" or a pronoun), lower case: "revoir", "faire", "s'assurer".
_FR_INFINITIVE = re.compile(
    r"(?:ne\s+(?:pas|plus|jamais)\s+)?(?:(?:se|nous|leur|lui|les|le|la|y|en)\s+|[sl]['’])?"
    r"[a-zàâçéèêëîïôûùüÿœæ]+(?:er|ir|re|oir|ïr)\b"
)
_REQUEST_THAT = re.compile(
    r"\b(?P<verb>" + REQUEST_THAT_VERBS_EN + "|" + REQUEST_THAT_VERBS_FR + r")\s+"
    r"(?:[^\n.;:!?]{1,120}?[\s,])?(?:that\s+|que\s+|qu['’]\s*)", _I
)
# "... that the Government of Canada (must) fund X": the addressee and a modal lead the
# clause; the action starts after them, so the prayer renders as "call upon ... to fund X".
_THAT_ADDRESSEE = re.compile(
    r"(?P<addr>(?:the\s+)?(?:federal\s+)?(?:government(?:\s+of\s+canada)?|house\s+of\s+commons"
    r"(?:\s+in\s+parliament\s+assembled)?|parliament|prime\s+minister))\s+"
    r"(?:must\s+|should\s+|shall\s+|will\s+|immediately\s+)*(?=[a-z])",
    _I,
)
_MARKER = CLAUSE_MARKER
_AND = re.compile(r"(?:and|et)\b[ \t]*", _I)
_THAT = re.compile(r"(that|que|qu['’])(?:\b[ \t]*[:,]?[ \t]*|(?<=['’]))", _I)
_TAIL_AND = re.compile(r"[;,][ \t]*(?:and|et)$", _I)
_SEMICOLON = re.compile(";")
_SPLIT_MARKED = re.compile(r";(?=\s*(?:and\s+|et\s+)?(?:that|que|qu['’]|whereas|attendu\s+que)\b)", _I)


_END_PUNCT = ".;,:"


def _nonblank_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\ufeff\u200b"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _at_clause_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in "\n\r.;:!?"


HEADING_LINES = 4  # a heading may sit under a line or three of page furniture (an id, a title)
_ARTICLE_START = re.compile(r"(?:the|la|le|les|l['’]|au|aux|à)\b", _I)


def _heading_at(text: str, start: int, end: int, first: bool) -> tuple[Span, Span] | None:
    m = _HEADING.match(text, start, end)
    if not m:
        return None
    line = text[start:end]
    petition_word = PETITION_WORD.match(line)
    if len(line.split()) > 20 or _UNDERSIGNED.search(line) or (not petition_word and not first):
        return None
    if not petition_word and line.rstrip().endswith("."):
        return None  # "To be fair, ..." is a sentence, not a bare "To the House of Commons" line
    a_start, a_end = _nonblank_bounds(text, m.end(), end)
    while a_end > a_start and text[a_end - 1] in _END_PUNCT:
        a_end -= 1
    if a_start >= a_end:
        return None
    # "Petition to the House of Commons regarding rural broadband": the addressee stops where
    # the subject (or an action: "to reopen the fishery") starts; heading_subject lists the rest.
    subject = HEADING_SUBJECT.search(text, a_start, a_end)
    if subject and subject.start() > a_start:
        a_end = _nonblank_bounds(text, a_start, subject.start())[1]
        while a_end > a_start and text[a_end - 1] in _END_PUNCT:
            a_end -= 1
    # "Petition to save our post office" is a campaign title, not a heading.
    kind = classify_addressee(text[a_start:a_end]).kind
    if kind == "other" and not (first and _ARTICLE_START.match(text, a_start, a_end)):
        return None
    return Span(start, end), Span(a_start, a_end)


def heading_of(text: str) -> tuple[Span, Span] | None:
    """(whole heading line, addressee inside it) when one of the first lines is a heading."""
    pos = 0
    for index in range(HEADING_LINES):
        start, end = _nonblank_bounds(text, pos, len(text))
        if start >= end:
            return None
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        found = _heading_at(text, *_nonblank_bounds(text, start, line_end), first=index == 0)
        if found:
            return found
        pos = line_end + 1
    return None


def heading_subject(text: str, heading: tuple[Span, Span] | None) -> Removed | None:
    """What the heading says after its addressee ("regarding rural broadband", « concernant le
    train »): the petition's subject, which the House's heading does not carry (R-STR-1)."""
    if heading is None:
        return None
    s, e = _nonblank_bounds(text, heading[1].end, heading[0].end)
    while s < e and text[s] in ",;: \t":
        s += 1
    if s >= e or not any(ch.isalnum() for ch in text[s:e]):
        return None
    return Removed(text[s:e], "R-STR-1", start=s, end=e, code="heading-subject")


def text_before_heading(text: str, heading: tuple[Span, Span] | None) -> Removed | None:
    """Lines above the heading (a title, a petition number) are not part of the House's form (R-STR-1)."""
    if heading is None:
        return None
    s, e = _nonblank_bounds(text, 0, heading[0].start)
    if s >= e:
        return None
    return Removed(text[s:e], "R-STR-1", start=s, end=e, code="above-heading")


TITLE_WORDS = 12
_BLANK_AFTER = re.compile(r"[ \t\u00a0\r]*\n[ \t\u00a0\r]*\n")


def _title_line(text: str) -> Removed | None:
    """A campaign title over a House-form text with no heading ("Ban assault-style firearms", then a
    blank line, then "Whereas ..."): the House's format has no title (R-STR-1), so it is no clause."""
    s, e = _nonblank_bounds(text, 0, len(text))
    if s >= e:
        return None
    line_end = text.find("\n", s)
    if line_end < 0 or not _BLANK_AFTER.match(text, line_end):
        return None
    s, e = _nonblank_bounds(text, s, line_end)
    line = text[s:e]
    if (not 0 < len(line.split()) <= TITLE_WORDS or line[-1] in ".;:,!?" or OPENER.match(line)
            or _UNDERSIGNED.search(line) or _ATTENTION.search(line) or _THEREFORE.match(line)):
        return None
    return Removed(line, "R-STR-1", start=s, end=e, code="title")


def has_petitioner_formula(text: str) -> bool:
    """'We, the undersigned' / 'Nous soussignés' / 'draw the attention of' somewhere in the text."""
    return bool(_HOUSE_CUES.search(text))


def strip_opener(text: str) -> str:
    """'Whereas: rents rose' -> 'rents rose'; the opener is the House's formula, not a clause."""
    m = OPENER.match(text)
    return text[m.end():] if m else text


def looks_like_house(text: str) -> bool:
    """A 'Petition to'/'Pétition' heading or the House's petitioner formulae."""
    head = heading_of(text)
    if head and PETITION_WORD.match(text, head[0].start, head[0].end):
        return True
    return bool(_HOUSE_CUES.search(text))


def fr_action_link(text: str, after_verb: int) -> tuple[int, int] | None:
    """After a French request verb: (end of the addressee, start of the action).

    The link is the first "de"/"d'"/"à" followed by an infinitive ("de revoir",
    "d'adopter", "à prendre"), else the first one at all.
    """
    window_end = min(len(text), after_verb + 200)
    first_link = None
    # "prions le gouvernement du Canada :" then "1. de mettre fin ...": each ask carries its
    # own "de", so the action starts at the first list marker, not inside it.
    colon = _FR_LIST_COLON.search(text, after_verb, window_end)
    if colon is not None:
        colon_at = text.index(":", colon.start())
        links = list(_FR_LINK.finditer(text, after_verb, colon_at))
        ends_in_de = links and not text[links[-1].end():colon_at].strip()  # "de :" links them itself
        if not ends_in_de and not any(_FR_INFINITIVE.match(text, link.end()) for link in links):
            return colon.start(), colon.end()
    for link in _FR_LINK.finditer(text, after_verb, window_end):
        if link.start() == after_verb and text[link.start()] in "àÀ":
            continue  # "demandons à la ministre": this "à" introduces the addressee
        if first_link is None:
            first_link = link
        if _FR_INFINITIVE.match(text, link.end()):
            return link.start(), link.end()
    if first_link is not None:
        return first_link.start(), first_link.end()
    return None


def _fr_request(text: str, start: int, end: int) -> tuple[re.Match, int, int] | None:
    """The next French request: (verb match, addressee end, action start)."""
    for verb in _REQUEST_FR.finditer(text, start, end):
        link = fr_action_link(text, verb.end())
        if link is not None:
            return verb, link[0], link[1]
    return None


@dataclass
class _Request:
    verb_start: int  # where the request wording starts: the petitioners end here
    addr: Span
    action_start: int


def _find_request(text: str, start: int, end: int | None = None) -> _Request | None:
    """The first request (English or French) in text[start:end]."""
    end = len(text) if end is None else end
    candidates = []
    en = _REQUEST_EN.search(text, start, end)
    if en:
        addr = Span(*_nonblank_bounds(text, en.start("addr"), en.end("addr")))
        candidates.append(_Request(en.start(), addr, en.end()))
    fr = _fr_request(text, start, end)
    if fr:
        verb, addr_end, action = fr
        candidates.append(_Request(verb.start(), Span(*_nonblank_bounds(text, verb.end(), addr_end)), action))
    return min(candidates, key=lambda r: r.verb_start) if candidates else None


def _prayer_intro(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the words opening the petitioners-and-prayer sentence, at or after `start`.

    "We, the undersigned" wins (with a "THEREFORE," right before it); otherwise a
    "THEREFORE" or "your petitioners" that opens a clause and is followed closely by
    a request, so a grievance that merely begins "Therefore" stays a grievance.
    """
    und = _UNDERSIGNED.search(text, start)
    if und:
        lead = _LEADING_THEREFORE.search(text, max(start, und.start() - 40), und.start())
        return (lead.start() if lead else und.start()), und.end()
    candidates = []
    for pattern in (_THEREFORE, _PETITIONERS_REF):
        for m in pattern.finditer(text, start):
            if not _at_clause_start(text, m.start()):
                continue
            request = _find_request(text, m.end(), min(len(text), m.end() + 500))
            if request and request.verb_start - m.end() <= 200 and "\n" not in text[m.end():request.verb_start]:
                candidates.append(m)
                break
    if not candidates:
        return None
    first = min(candidates, key=lambda m: m.start())
    return first.start(), first.end()


WRAP_WIDTH = 60  # e-mail and word-processor wraps fall at 65-80 characters


def _wrapped(text: str, previous: list[int], s: int, e: int) -> bool:
    """Is the line at [s, e) the rest of the previous line, cut by a hard wrap?

    Only when the previous line is long, ends without punctuation, and this one
    goes on in lower case without a clause or list marker of its own.
    """
    p_start, p_end = previous
    line_start = text.rfind("\n", 0, p_end) + 1
    return (
        p_end - max(p_start, line_start) >= WRAP_WIDTH
        and text[p_end - 1] not in ";.:!?"
        and text[s].islower()
        and not _THAT.match(text, s, e)
        and not _MARKER.match(text, s, e)
    )


def _logical_lines(text: str, start: int, end: int) -> list[list[int]]:
    """Non-blank lines of [start, end), hard-wrapped continuations joined, opener lines dropped."""
    lines: list[list[int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        s, e = _nonblank_bounds(text, pos, line_end)
        pos = line_end + 1
        if s >= e:
            continue
        opener = OPENER.match(text, s, e)
        if opener:
            s, e = _nonblank_bounds(text, opener.end(), e)
            if s >= e:
                continue
        if lines and _wrapped(text, lines[-1], s, e):
            lines[-1][1] = e  # a hard-wrapped clause goes on
        else:
            lines.append([s, e])
    return lines


_OPENER_BEFORE = re.compile(r"(?:whereas|attendu\s+que|consid[ée]rant\s+que)\s*[:,]?\s*\Z", re.I)


def _house_capital(text: str, clause: Span, words: str) -> str:
    """"Whereas rents rose" is published "Rents rose": the House's clauses start with a capital
    (tests/samples/certified). A word written with capitals of its own ("eBay") stays as written."""
    first = words.split(" ", 1)[0]
    if not first[:1].islower() or first != first.lower():
        return words
    line_start = text.rfind("\n", 0, clause.start) + 1
    if not _OPENER_BEFORE.search(text, line_start, clause.start):
        return words
    return words[0].upper() + words[1:]


def _clean_clause(text: str, s: int, e: int, old_form: bool) -> tuple[int, int]:
    while True:
        s, e = _nonblank_bounds(text, s, e)
        before = s
        for pattern in (_AND, _MARKER, OPENER):
            m = pattern.match(text, s, e)
            if m and m.end() > s:
                s = m.end()
        m = _THAT.match(text, s, e)
        if m and (old_form or m.group(1).isupper()):
            s = m.end()
        if s == before:
            break
    while e > s:
        e = _nonblank_bounds(text, s, e)[1]
        if e > s and text[e - 1] in _END_PUNCT:
            e -= 1
            continue
        tail = _TAIL_AND.search(text[max(s, e - 6):e])
        if tail:
            e = max(s, e - 6) + tail.start()
            continue
        break
    return s, e


def _clauses(text: str, start: int, end: int, old_form: bool) -> list[Span]:
    lines = _logical_lines(text, start, end)
    pieces: list[tuple[int, int]] = []
    for s, e in lines:
        splitter = _SEMICOLON if len(lines) == 1 else _SPLIT_MARKED
        cut = s
        for m in splitter.finditer(text, s, e):
            pieces.append((cut, m.start()))
            cut = m.end()
        pieces.append((cut, e))
    spans = []
    for s, e in pieces:
        s, e = _clean_clause(text, s, e, old_form)
        if s < e and any(ch.isalnum() for ch in text[s:e]):
            spans.append(Span(s, e))
    return spans


_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\r?\n")


def _prayer_end(text: str, s: int, e: int) -> int:
    """The prayer runs to the first blank line that is not inside its list of asks."""
    for blank in _BLANK_LINE.finditer(text, s, e):
        before = _nonblank_bounds(text, s, blank.start())[1]
        after = _nonblank_bounds(text, blank.end(), e)[0]
        if before > s and text[before - 1] in ":;," or _MARKER.match(text, after, e):
            continue
        return before
    return e


def _prayer_text(text: str, start: int) -> tuple[str, Span, Span | None]:
    """(prayer, its span, the span of anything after it)."""
    s, e = _nonblank_bounds(text, start, len(text))
    while s < e and text[s] in ":\u00a0 \t\r\n":  # "de :" before a list of asks
        s += 1
    end = _prayer_end(text, s, e)
    after = None
    if end < e:
        a_s, a_e = _nonblank_bounds(text, end, e)
        after = Span(a_s, a_e) if a_s < a_e else None
    e = end
    if e > s and text[e - 1] == ".":
        e -= 1
    return join_prayer_lines(text[s:e]), Span(s, e), after


def join_prayer_lines(body: str) -> str:
    """One line per ask: a line break stays before a list item or after ':'/';',
    and a hard-wrapped sentence is joined back."""
    out = ""
    for line in (_tidy(line) for line in body.splitlines()):
        if not line:
            continue
        if out and (out[-1] in ":;" or _MARKER.match(line)):
            out += "\n" + line
        else:
            out += (" " if out else "") + line
    return out


def parse_house(text: str, language: str | None = None) -> Reading:
    """Read a petition in the House's form into the model, with spans into `text`."""
    text = text if isinstance(text, str) else str(text or "")
    if language is None:
        language = detect_language(text)
    petition = Petition(language=language or "en")
    reading = Reading(source=text, input_form="house", petition=petition, language=language)
    spans = reading.spans
    written = reading.addressees_written

    head = heading_of(text)
    body_start = head[0].end if head else 0
    above = text_before_heading(text, head) if head else _title_line(text)
    if above:
        reading.removed.append(above)
        body_start = max(body_start, above.end)
    if head:
        addr = head[1]
        written["heading"] = text[addr.start:addr.end]
        spans["addressee"] = addr
        subject = heading_subject(text, head)
        if subject:
            reading.removed.append(subject)

    attention = _ATTENTION.search(text, body_start)
    petitioners: Span | None = None
    if attention:
        # Older paper form: petitioners before "draw the attention", clauses after it.
        group = "addr" if attention.group("addr") is not None else "addr_fr"
        a = Span(*_nonblank_bounds(text, attention.start(group), attention.end(group)))
        written["attention"] = text[a.start:a.end]
        spans.setdefault("attention", a)
        intro = _UNDERSIGNED.search(text, body_start, attention.start())
        if intro:
            petitioners = Span(intro.end(), attention.start())
        grievances_start = attention.end()
    else:
        grievances_start = body_start

    prayer_intro = _prayer_intro(text, grievances_start)
    request = _find_request(text, prayer_intro[1] if prayer_intro else grievances_start)
    if prayer_intro is None and request is not None:
        # No formula: a bare "We call upon ..." sentence; the clauses end where it starts.
        sentence_start = request.verb_start
        while sentence_start > grievances_start and text[sentence_start - 1] not in "\n.;:":
            sentence_start -= 1
        grievances_end = sentence_start
    else:
        grievances_end = prayer_intro[0] if prayer_intro else len(text)
        if prayer_intro is None and request is None:
            # "THEREFORE, your petitioners request that the Government ...": the clauses end
            # where that sentence starts, or the request is read twice (as a clause too).
            asked = _REQUEST_THAT.search(text, grievances_start)
            if asked:
                sentence_start = asked.start()
                while sentence_start > grievances_start and text[sentence_start - 1] not in "\n.;:":
                    sentence_start -= 1
                grievances_end = sentence_start

    # Without "call upon ... to", a "request/demand that ..." wording may carry the prayer.
    that = None if request is not None else _REQUEST_THAT.search(
        text, prayer_intro[1] if prayer_intro else grievances_start)
    verb_start = request.verb_start if request is not None else (that.start() if that else None)
    if prayer_intro is not None and verb_start is not None:
        own = _UNDERSIGNED.search(text, prayer_intro[0], verb_start)
        if own:
            candidate = Span(own.end(), verb_start)
            cs, ce = _nonblank_bounds(text, candidate.start, candidate.end)
            if any(ch.isalpha() for ch in text[cs:ce]):
                petitioners = candidate

    if petitioners is not None:
        s, e = _nonblank_bounds(text, petitioners.start, petitioners.end)
        while s < e and text[s] in ", \t\n":
            s += 1
        while e > s and text[e - 1] in ", \t\n":
            e -= 1
        if s < e:
            petition.petitioners = _tidy(text[s:e])
            spans["petitioners"] = Span(s, e)

    old_form = attention is not None
    for i, clause in enumerate(_clauses(text, grievances_start, grievances_end, old_form)):
        petition.grievances.append(_house_capital(text, clause, _tidy(text[clause.start:clause.end])))
        spans[part_name_for_grievance(i)] = clause

    if request is not None:
        written["prayer"] = _tidy(text[request.addr.start:request.addr.end]).strip(" ,")
        spans["prayer addressee"] = request.addr
        petition.prayer, spans["prayer"], after = _prayer_text(text, request.action_start)
        _remove_after_prayer(reading, after)
    else:
        if that:
            action_start = that.end()
            lead = _THAT_ADDRESSEE.match(text, action_start)
            if lead and not that.group("verb").lower().startswith(("demandons", "demandent", "prions", "prient")):
                written["prayer"] = _tidy(lead.group("addr"))
                spans["prayer addressee"] = Span(lead.start("addr"), lead.end("addr"))
                action_start = lead.end()
            # The words that put the request ("demand that") are checked like the prayer (R-PRAY-4).
            spans["request wording"] = Span(that.start(), lead.end("addr") if lead else that.end())
            petition.prayer, spans["prayer"], after = _prayer_text(text, action_start)
            _remove_after_prayer(reading, after)
            reading.notes.append(Note("request-wording-house", said=_tidy(that.group())))
        else:
            reading.notes.append(Note("no-request-house"))

    petition.addressee = _choose_addressee(written, reading)
    if "addressee" not in spans:
        for key, part in (("prayer", "prayer addressee"), ("attention", "attention")):
            if key in written and part in spans:
                spans["addressee"] = spans[part]
                break
    return settle(reading)


def _remove_after_prayer(reading: Reading, after: Span | None) -> None:
    # The prayer is the petition's last part (R-STR-1); a postscript ("Please
    # share!", a contact line) is extraneous matter (R-ATT-1).
    if after is not None:
        reading.removed.append(Removed(reading.source[after.start:after.end], "R-ATT-1", start=after.start,
                                       end=after.end, code="after-prayer"))


def _choose_addressee(written: dict[str, str], reading: Reading) -> Addressee:
    # The heading is the petition's superscription; without one, whoever the
    # prayer asks to act; the "draw the attention of" phrase last. When heading and
    # request name two different allowed addressees, the one asked to act wins: the
    # House form prints one addressee in both places, and "call upon the House of
    # Commons to resign" would change a request made to the Prime Minister.
    if written.get("heading") and written.get("prayer"):
        heading, prayer = classify_addressee(written["heading"]), classify_addressee(written["prayer"])
        if "other" not in (heading.kind, prayer.kind) and heading.kind != prayer.kind:
            reading.notes.append(Note("heading-and-request-differ", heading=_tidy(written["heading"]),
                                      prayer=_tidy(written["prayer"])))
            return prayer
    for key in ("heading", "prayer", "attention"):
        if written.get(key):
            return classify_addressee(written[key])
    reading.notes.append(Note("no-addressee-house"))
    return Addressee(kind="government")


__all__ = ["parse_house", "looks_like_house", "has_petitioner_formula", "heading_of", "join_prayer_lines", "text_before_heading", "heading_subject", "ADDRESSEE_CHAR", "PETITION_WORD", "fr_action_link", "strip_opener", "OPENER"]
