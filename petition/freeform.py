"""Turning a free-form draft (a campaign-site text, a letter) into a House-format proposal.

What the converter does, in order:
1. splits the draft into paragraphs, sentences and list items, keeping offsets;
2. takes out what a petition may not carry, each piece into `Reading.removed` with
   its rule: a title line (R-STR-1), signature banners and requests for support
   (R-ATT-1), links, e-mail addresses, hashtags and @handles (R-URL-1);
3. finds the request sentences ("we call (upon) <addressee> to ...", "nous
   demandons au gouvernement de ...") and any list of asks that follows one, and
   makes them the prayer; who they ask becomes the addressee;
4. keeps every other sentence as a grievance clause (a line ending in ";" and a
   "WHEREAS ...; WHEREAS ...; THEREFORE" run are clauses of their own);
5. lists what it did not keep: words leading into a request are removed with a reason,
   "We, <petitioners>, ask ..." names the petitioners, and `accounting.settle` lists
   anything else as replaced (House wording) or removed (not placed).

It proposes, it does not write: where no sentence asks anyone to act, the prayer
stays empty and `notes` says so (R-PRAY-1). Nothing is reworded beyond dropping
the lead-in before the request and end punctuation.
"""
from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import asks as _asks
from .accounting import settle
from .addressees import ADDRESSEE_MENTION, classify_addressee, find_mention, is_addressee_phrase
from .formulae import fr_de
from .house_format import (
    ADDRESSEE_CHAR, OPENER, PETITION_WORD, fr_action_link, heading_of, heading_subject, text_before_heading,
)
from .language import detect_language
from .limits import SLOGAN_MAX_WORDS
from .grammar import (
    CONTACT_KINDS, DRAFT_REQUEST_VERBS_EN, DRAFT_REQUEST_VERBS_FR, FORMULA_WORD, INLINE_NEXT_ITEM, LIST_ITEM,
    LINK_DANGLING, LINK_POINTER_SENTENCE, REQUEST_THAT_VERBS_EN, link_extent, references,
)
from .model import Addressee, Note, Petition, Reading, Removed, Replaced, Span, part_name_for_grievance

_I = re.IGNORECASE
_CAMPAIGN_FILE = Path(__file__).parent / "data" / "campaign.txt"

_LIST_ITEM = LIST_ITEM
_LAST_WORD = re.compile(r"([\w.]+)\.$")
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|$)")
# A clause that ends its line with ";" ("Whereas rents rose;") or runs into the next
# "WHEREAS"/"THEREFORE" on the same line is a clause of its own.
_CLAUSE_END = re.compile(
    r";(?=[ \t\u00a0]*(?:\r?\n|$)|\s+(?:whereas|therefore|wherefore|attendu|consid[ée]rant|par\s+cons[ée]quent"
    r"|c['’]est\s+pourquoi)\b)",
    _I,
)
# A short line with a figure in it states a fact ("Rents have DOUBLED in ten years!!!"):
# it is neither a title nor a slogan.
_FIGURE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty"
    r"|hundreds?|thousands?|millions?|billions?|percent|doubled|tripled|twice|half)\b",
    _I,
)
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st no nos vs etc jr sr hon rt prof gen inc ltd co art s ss p pp para e.g i.e eg ie "
    "approx dept govt fig vol mme mlle me m".split()
)
_SALUTATION = re.compile(r"(?:dear|to|attn|attention|cher|chère|madame|monsieur)\b[ \t,:]*", _I)

# "we call the Canadian Government to", "We, the Azerbaijani-Canadians, urge the
# government of Canada to", "I am asking the Prime Minister to".
_REQUEST_EN = re.compile(
    r"\b(?:we|i)(?:['’](?:re|m))?\b(?P<appos>[ \t]*,[^,\n]{1,80},)?[ \t]+"
    # "the" is a common typo of the formula: "We the call upon ...".
    r"(?:(?:hereby|respectfully|humbly|strongly|therefore|also|further|now|all|are|am|do|the|would\s+like\s+to|wish\s+to|want\s+to"
    r"|writing\s+to)\s+){0,3}"
    r"(?P<verb>" + DRAFT_REQUEST_VERBS_EN + r")"
    r"\s+(?P<addr>" + ADDRESSEE_CHAR + r"{1,120}?)[\s,]+to(?:\s+(?=\S)|\s*:|\s*$)",
    _I,
)
# "we demand that the Government of Canada cancel ...": a request put as a demand
# (R-PRAY-4). The action is already a bare verb, so it reads as "call upon the
# Government of Canada to cancel ..." once the addressee is taken out.
_REQUEST_THAT_EN = re.compile(
    r"\b(?:we|i)\b(?P<appos>[ \t]*,[^,\n]{1,80},)?[ \t]+(?:(?:hereby|respectfully|strongly|therefore|also|are|am|do)\s+){0,2}"
    r"(?P<verb>" + REQUEST_THAT_VERBS_EN + r")"
    r"\s+that\s+",
    _I,
)
_MODAL = re.compile(r"(?:must|should|shall|will|is\s+to)\s+", _I)
_DEMAND_VERB = re.compile(r"demand|insist", _I)
# Verbs that only make a request when what follows names an addressee ("we want
# the federal government to", not "we want people to know").
_WEAK_VERBS = re.compile(r"want|need|expect|would\s+like", _I)
_REQUEST_FR = re.compile(
    r"\bnous\b(?:[ \t]*,[^,\n]{1,80},)?[ \t]+(?:(?:tous|toutes|donc|aussi|respectueusement)\s+){0,2}"
    # « Nous vous demandons de ... »: the pronoun is whoever the greeting or heading names.
    r"(?P<you>(?:vous|lui|leur)\s+)?(?P<verb>" + DRAFT_REQUEST_VERBS_FR + r")\s+",
    _I,
)
# Verbs that name who is asked with "à" (« demandons au gouvernement »): after them an article
# starts the thing asked for, not the addressee (« demandons le retrait du projet de loi »).
_FR_TO_WHOM = re.compile(r"demand|réclam|exige", _I)
_FR_OBJECT = re.compile(r"(?:la|le|les|un|une|des|du)\b|l['’]", _I)
_YOU_ONLY = re.compile(r"you", _I)
_YOU = re.compile(r"(?P<you>you)\s+(?:(?:must|should|will|to)\s+)?(?=[a-z])", _I)
# "Nous exigeons que le gouvernement ... plafonne ...": a demand with its action in the subjunctive.
_FR_DEMAND_THAT = re.compile(r"\bnous\b[^.;!?\n]{0,80}?\b(?:exigeons|réclamons|demandons)\s+(?:que\s|qu['’])", _I)
# Sentences that come close to a request without making one, quoted in the note.
_NEAR_REQUEST = re.compile(r"\b(?:need|should|must|call\s+for|ask\s+for|want|urge|increase|stop|demand)\b", _I)

_WORDS = re.compile(r"[^\W_]+")

MAX_CAMPAIGN_SENTENCE = 600  # a banner or "please sign" line is short; longer text is content
REQUEST_WINDOW = 1500  # characters from a sentence's start in which its request must begin


@lru_cache(maxsize=1)
def _campaign() -> tuple[re.Pattern, ...]:
    """The patterns of data/campaign.txt, for lower-cased text.

    Each is compiled on its own without IGNORECASE and without its leading `\\b`
    (the left word boundary is checked in `_is_campaign`): a pattern that starts with
    a literal word is then found by re's fast literal scan, some 50 times quicker
    than one case-insensitive alternation of them all.
    """
    lines = _CAMPAIGN_FILE.read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return tuple(re.compile(p[2:] if p.startswith("\\b") else p) for p in patterns)


def _is_campaign(body: str) -> bool:
    low = body.lower()
    for pattern in _campaign():
        for m in pattern.finditer(low):
            if m.start() == 0 or not (low[m.start() - 1].isalnum() and low[m.start()].isalnum()):
                return True
    return False


@dataclass
class _Unit:
    start: int
    end: int
    paragraph: int
    kind: str  # "sentence" or "item"
    alone: bool = False  # the only sentence of its paragraph
    after_semicolon: bool = False  # the clause before it ended with ";"
    clause: str = ""  # its words as a clause, once links are out


def _bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\ufeff\u200b"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _tidy(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(text: str) -> list[list[tuple[int, int]]]:
    """Paragraphs (runs of non-blank lines), each a list of (start, end) line bounds."""
    paragraphs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        s, e = _bounds(text, pos, line_end)
        if s < e:
            current.append((s, e))
        elif current:
            paragraphs.append(current)
            current = []
        if nl < 0:
            break
        pos = nl + 1
    if current:
        paragraphs.append(current)
    return paragraphs


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    cut = start
    ends = sorted([*_SENTENCE_END.finditer(text, start, end), *_CLAUSE_END.finditer(text, start, end)],
                  key=lambda m: m.start())
    for m in ends:
        if m.start() < cut:
            continue
        if m.group() != ";":
            word = _LAST_WORD.search(text, max(start, m.start() - 12), m.start() + 1)
            if m.group().startswith(".") and word and (
                word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1
            ):
                continue
            nxt, _ = _bounds(text, m.end(), end)
            if nxt < end and text[nxt].islower():
                continue
        s, e = _bounds(text, cut, m.end())
        if s < e:
            out.append((s, e))
        cut = m.end()
    s, e = _bounds(text, cut, end)
    if s < e:
        out.append((s, e))
    return out


def _units(text: str, paragraphs: list[list[tuple[int, int]]], first: int) -> list[_Unit]:
    units: list[_Unit] = []
    for p_index in range(first, len(paragraphs)):
        lines = paragraphs[p_index]
        prose: list[tuple[int, int]] = []
        found: list[_Unit] = []

        def flush() -> None:
            if prose:
                for s, e in _sentences(text, prose[0][0], prose[-1][1]):
                    after = bool(found) and found[-1].kind == "sentence" and text[found[-1].end - 1] == ";"
                    found.append(_Unit(s, e, p_index, "sentence", after_semicolon=after))
                prose.clear()

        for s, e in lines:
            if _LIST_ITEM.match(text, s, e):
                flush()
                found.append(_Unit(s, e, p_index, "item"))
            else:
                prose.append((s, e))
        flush()
        if len(found) == 1 and found[0].kind == "sentence":
            found[0].alone = True
        units.extend(found)
    return units


def _is_title(text: str, line: tuple[int, int]) -> bool:
    s, e = line
    words = text[s:e].split()
    return 0 < len(words) <= 20 and text[e - 1] not in ".,;:?" and not _FIGURE.search(text, s, e)


_INLINE_NEXT_ITEM = INLINE_NEXT_ITEM


def _clause_span(text: str, s: int, e: int) -> tuple[int, int]:
    """Where the unit's own words are: after its list marker and "Whereas", before its end punctuation.

    A run-on list ("1) raise pensions; 2) cut taxes") keeps its first marker with the rest."""
    marker = _LIST_ITEM.match(text, s, e)
    if marker and marker.end() < e and not _INLINE_NEXT_ITEM.search(text, marker.end(), e):
        s = marker.end()
    opener = OPENER.match(text, s, e)
    if opener:
        s = opener.end()
    s, e = _bounds(text, s, e)
    while e > s and text[e - 1] in " \t\n.!?;,:":
        e -= 1
    return s, e


# What is left of a list of sources once its links are out: "Citations: ⒈ ⒉", "Sources : [1] [2]".
_LINK_LABEL = re.compile(
    r"\W*(?:citations?|sources?|references?|références?|notes?|liens?|links?|read\s+more|lire\s+la\s+suite)"
    r"[\s:]*(?:[\[(]?(?:\d{1,3}|[⒈-⒛①-⑳])[\])\.:]?[\s,;]*){0,40}\W*",
    re.I,
)


# "These resolutions", "Cette mesure": a demonstrative and the noun it points back to.
_BACK_REFERENCE = re.compile(r"(?:These|Those|This|Such|Ces|Cette|Cet|Ce)\s+(\w{4,})", re.U)


def _refers_back(text: str, unit: _Unit, request: _Unit) -> bool:
    """Whether a sentence opens by pointing at something only the request names ("These resolutions"
    after "... implement the UN Security Council resolutions 822 ...")."""
    m = _BACK_REFERENCE.match(text, unit.start, unit.end)
    if not m:
        return False
    stem = m.group(1).lower().rstrip("s")
    return len(stem) >= 4 and stem in text[request.start:request.end].lower()


def _clause_text(text: str, s: int, e: int, cuts: list[tuple[int, int]]) -> str:
    """The unit's words without removed links, list marker or end punctuation."""
    s, e = _clause_span(text, s, e)
    pieces, pos = [], s
    # `cuts` is in text order: look only at the ones inside this unit.
    for cs, ce in cuts[bisect_left(cuts, (s, -1)):]:
        if cs >= e:
            break
        if ce <= e:
            pieces.append(text[pos:cs])
            pos = ce
    pieces.append(text[pos:e])
    joined = pieces[0]
    for piece in pieces[1:]:
        # Where a link was cut right before its sentence's punctuation, the punctuation closes up
        # ("40%;", not "40% ;"); a space the draft put there (French " ;") stays.
        if piece[:1] in ")]":
            joined = joined.rstrip().rstrip(",;:").rstrip()  # "(Statistics Canada, <link>)" -> "(Statistics Canada)"
        joined = joined.rstrip() + piece if piece[:1] in ",.;:!?)]»”" else f"{joined} {piece}"
    return _tidy(joined).rstrip(" .!?;,:")


def _capitalised(text: str, unit: _Unit) -> str:
    """The clause as the House publishes it: "Whereas rents rose" becomes "Rents rose" (the House's
    clauses start with a capital, tests/samples/certified). A word with capitals of its own ("eBay")
    is left as written."""
    clause = unit.clause
    first = clause.split(" ", 1)[0]
    if not first[:1].islower() or first != first.lower():
        return clause
    marker = _LIST_ITEM.match(text, unit.start, unit.end)
    s = marker.end() if marker and marker.end() < unit.end else unit.start
    s, _ = _bounds(text, s, unit.end)
    if not OPENER.match(text, s, unit.end):
        return clause
    return clause[0].upper() + clause[1:]


def _dangles(text: str, unit: _Unit, cuts: list[tuple[int, int]]) -> bool:
    """Whether a link cut out of the unit leaves a word hanging that may have served it ("according
    to , rents rose"): the words stay, and the organizer is asked to read the sentence again."""
    s, e = _clause_span(text, unit.start, unit.end)
    for cs, ce in cuts[bisect_left(cuts, (s, -1)):]:
        if cs >= e:
            break
        if cs > s and LINK_DANGLING.search(text, max(s, cs - 20), cs):
            return True
    return False


@dataclass
class _Request:
    addr: Span
    action_start: int
    note: Note | None = None
    start: int = 0  # where the request's own wording ("we call upon") starts
    petitioners: Span | None = None  # "We, <petitioners>, call upon ..."
    put: list[tuple[int, int]] | None = None  # the draft's words the formula stands for ("Please urge", "you")
    country: bool = False  # "Tell Ottawa: ...": the Government of Canada is meant


def _appositive(text: str, m: re.Match) -> Span | None:
    """'We, the people of British Columbia, ask ...': who the petitioners are."""
    if not m.group("appos"):
        return None
    s, e = m.start("appos"), m.end("appos")
    while s < e and (text[s] in ",;" or text[s].isspace()):
        s += 1
    while e > s and (text[e - 1] in ",;" or text[e - 1].isspace()):
        e -= 1
    return Span(s, e) if s < e else None


def _find_request(text: str, s: int, e: int) -> _Request | None:
    """In one sentence: who is asked, where the action starts, and a note when wording was taken out."""
    # A request starts near the head of its sentence; the action may run on.
    window = min(e, s + REQUEST_WINDOW)
    for m in _REQUEST_EN.finditer(text, s, window):
        addr = m.group("addr")
        if _WEAK_VERBS.fullmatch(m.group("verb")) and not find_mention(addr):
            continue
        a_s, a_e = _bounds(text, m.start("addr"), m.end("addr"))
        # "We are writing to ask ...": words before the verb that are not the House's own are put in its form.
        lead = (m.end("appos") if m.group("appos") else m.start(), m.start("addr"))
        put = [lead] if not all(FORMULA_WORD.fullmatch(w) for w in _WORDS.findall(text, *lead)) else []
        if _YOU_ONLY.fullmatch(text, a_s, a_e):
            # "We ask you to ..." under "Dear Minister,": "you" is whoever the greeting or heading names.
            return _Request(None, m.end(), None, m.start(), _appositive(text, m), put=[*put, (a_s, a_e)])
        return _Request(Span(a_s, a_e), m.end(), None, m.start(), _appositive(text, m), put=put)
    for m in _REQUEST_THAT_EN.finditer(text, s, window):
        you = _YOU.match(text, m.end(), e)
        if you and you.end() < e:
            # "To the Government: we ask that you build ...": "you" is whoever the heading names.
            note = Note("demand-reworded" if _DEMAND_VERB.match(m.group("verb")) else "request-reworded",
                        said=_tidy(text[m.start():you.end()]))
            return _Request(None, you.end(), note, m.start(), _appositive(text, m), put=[(you.start(), you.end())])
        addr = ADDRESSEE_MENTION.match(text, m.end(), e)
        if addr:
            after = _bounds(text, addr.end(), e)[0]
            modal = _MODAL.match(text, after, e)
            action = modal.end() if modal else after
            if action < e and text[action].isalpha():
                said = _tidy(text[m.start():action])
                note = Note("demand-reworded" if _DEMAND_VERB.match(m.group("verb")) else "request-reworded",
                            said=said)
                return _Request(Span(addr.start(), addr.end()), action, note, m.start(), _appositive(text, m))
    for m in _REQUEST_FR.finditer(text, s, window):
        if _FR_OBJECT.match(text, m.end(), e) and _FR_TO_WHOM.match(m.group("verb")):
            continue  # « Nous demandons le retrait de ... »: a thing asked for, not someone asked (see asks.thing)
        link = fr_action_link(text, m.end())
        if link is not None and link[1] <= e:
            a_s, a_e = _bounds(text, m.end(), link[0])
            if a_s < a_e:
                return _Request(Span(a_s, a_e), link[1], None, m.start())
            if m.group("you"):
                return _Request(None, link[1], None, m.start(), put=[m.span("you")])
    # "Tell the Prime Minister to ...", « Demandez au gouvernement de ... »: an imperative aimed at someone.
    ask = _asks.addressed(text, s, window, is_addressee_phrase)
    if ask is not None and (ask.addr is not None or ask.country):
        said = _tidy(text[s:ask.action])
        note = Note("demand-reworded" if ask.demand else "request-reworded", said=said)
        addr = Span(*_bounds(text, *ask.addr)) if ask.addr else None
        return _Request(addr, ask.action, note, s, None, put=ask.put, country=ask.country)
    return None


def convert_freeform(text: str, language: str | None = None) -> Reading:
    """Propose a House-format petition from a free-form draft (see the module docstring)."""
    text = text if isinstance(text, str) else str(text or "")
    if language is None:
        language = detect_language(text)
    petition = Petition(language=language or "en")
    reading = Reading(source=text, input_form="freeform", petition=petition, language=language)
    spans, removed, written = reading.spans, reading.removed, reading.addressees_written

    paragraphs = _paragraphs(text)
    first = 0
    mention_pool: list[tuple[int, int]] = []
    head = heading_of(text)
    if head and PETITION_WORD.match(text, head[0].start, head[0].end):
        # "Petition to ..." over a draft: the heading names the addressee.
        written["heading"] = text[head[1].start:head[1].end]
        spans["addressee"] = head[1]
        above = text_before_heading(text, head)
        if above:
            removed.append(above)
        subject = heading_subject(text, head)
        if subject:
            removed.append(subject)
        paragraphs = [[line for line in p if line[0] > head[0].end] for p in paragraphs]
    elif len(paragraphs) > 1 and len(paragraphs[0]) == 1:
        s, e = paragraphs[0][0]
        salutation = _SALUTATION.match(text, s, e)
        if salutation and text[e - 1] in ",:" and len(text[s:e].split()) <= 12:
            a_s, a_e = _bounds(text, salutation.end(), e - 1)
            if a_s < a_e:
                written["heading"] = text[a_s:a_e]
                spans["addressee"] = Span(a_s, a_e)
            removed.append(Removed(text[s:e], "R-STR-1", start=s, end=e, code="greeting"))
            first = 1
        elif _is_title(text, (s, e)):
            removed.append(Removed(text[s:e], "R-STR-1", start=s, end=e, code="title"))
            mention_pool.append((s, e))
            first = 1

    units = _units(text, paragraphs, first)

    # Links and the like come out of whatever sentence holds them.
    web_cuts: list[tuple[int, int]] = []
    body_start = next((p[0][0] for p in paragraphs[first:] if p), len(text))
    # Exactly what the checker reports (petition.grammar.references), so nothing it would flag stays.
    for s, e, kind in references(text):
        if s >= body_start:
            rule, code = ("R-CONTACT-1", "contact") if kind in CONTACT_KINDS else ("R-URL-1", "links")
            if code == "links":
                # The words that only pointed at the link ("(see ... for details)", "at") go with it,
                # in its entry, so the sentence left reads whole and the organizer sees what went.
                line_start = text.rfind("\n", 0, s) + 1
                line_end = text.find("\n", e)
                low = max(line_start, web_cuts[-1][1] if web_cuts else 0, body_start)
                s, e = link_extent(text, s, e, low, len(text) if line_end < 0 else line_end)
                while text[s].isspace():
                    s += 1  # the space before "(" is layout, not the link's
            web_cuts.append((s, e))
            removed.append(Removed(text[s:e], rule, start=s, end=e, code=code))

    kept: list[_Unit] = []
    last_removed: Removed | None = None
    last_paragraph = -1
    for unit in units:
        body = text[unit.start:unit.end]
        reason = None
        if len(body) <= MAX_CAMPAIGN_SENTENCE and _is_campaign(body):
            reason = "campaign"
        elif (unit.alone and body.rstrip().endswith("!") and len(body.split()) <= SLOGAN_MAX_WORDS
              and not _FIGURE.search(body) and _find_request(text, unit.start, unit.end) is None):
            reason = "slogan"
        if reason is None:
            unit.clause = _clause_text(text, unit.start, unit.end, web_cuts)
            if not any(ch.isalnum() for ch in unit.clause):
                continue  # nothing left once links are out
            if web_cuts and _LINK_LABEL.fullmatch(unit.clause):
                # "Citations: ⒈ ⒉" once its links are out: the list of sources goes whole, with its links.
                removed.append(Removed(body, "R-ATT-1", start=unit.start, end=unit.end, code="sources"))
                continue
            inner = [r for r in removed if r.code == "links" and unit.start <= r.start and r.end <= unit.end]
            if inner and LINK_POINTER_SENTENCE.fullmatch(unit.clause):
                # "For more information, visit our website at www.x.ca.": once the link is out, the
                # sentence only pointed at it, so it goes whole, in one entry with the link's reason.
                removed[:] = [r for r in removed if not any(r is i for i in inner)]
                removed.append(Removed(body, "R-URL-1", start=unit.start, end=unit.end, code="links"))
                continue
            if inner and _dangles(text, unit, web_cuts):
                reading.notes.append(Note("link-words-check", said=unit.clause))
            kept.append(unit)
            last_removed = None
            continue
        if last_removed is not None and last_removed.code == reason and unit.paragraph == last_paragraph:
            # One banner paragraph is one removal, not one per sentence.
            last_removed.end = unit.end
            last_removed.text = text[last_removed.start:unit.end]
        else:
            last_removed = Removed(body, "R-ATT-1", start=unit.start, end=unit.end, code=reason)
            removed.append(last_removed)
        last_paragraph = unit.paragraph
    # A link inside a sentence that went whole is reported once, with the sentence.
    whole = [r for r in removed if r.code not in ("links", "contact")]
    removed[:] = [r for r in removed
                  if r.code not in ("links", "contact") or not any(w.start <= r.start and r.end <= w.end for w in whole)]
    removed.sort(key=lambda r: r.start)

    # Requests and the lists of asks that follow them make the prayer.
    actions: list[tuple[int, int, list[tuple[int, int]]]] = []
    request_addrs: list[Span] = []
    country_request = False
    grievances: list[_Unit] = []
    request_unit: _Unit | None = None  # the request just read, while the sentences after it are in its paragraph
    for i, unit in enumerate(kept):
        if request_unit is not None and unit.paragraph != request_unit.paragraph:
            request_unit = None
        if unit.kind == "sentence" and request_unit is not None and _refers_back(text, unit, request_unit):
            # "These resolutions call for ...", right after a request that names the resolutions: once
            # the request moves to the end, it no longer reads on its own as a grievance.
            insort(removed, Removed(text[unit.start:unit.end], "R-STR-1", start=unit.start, end=unit.end,
                                    code="refers-to-request"), key=lambda r: r.start)
            continue
        if unit.kind == "sentence":
            found = _find_request(text, unit.start, unit.end)
            if found:
                request_unit = unit
                if found.note:
                    reading.notes.append(found.note)
                line = text.rfind("\n", unit.start, found.start)
                if line >= 0:
                    # The request starts on a line of its own: the lines above it are clauses.
                    s, e = _bounds(text, unit.start, line)
                    if s < e:
                        above = _Unit(s, e, unit.paragraph, "sentence")
                        above.clause = _clause_text(text, s, e, web_cuts)
                        if any(ch.isalnum() for ch in above.clause):
                            grievances.append(above)
                _lead_in(text, max(unit.start, line + 1), found.start, removed)
                _petitioners(text, found.petitioners, reading)
                _put(text, found.put or [], reading)
                country_request = country_request or found.country
                if found.addr is not None:
                    request_addrs.append(found.addr)
                actions.append((found.action_start, unit.end, []))
                continue
            if unit.after_semicolon and actions and _follows_request(kept, i, actions) and not actions[-1][2]:
                # "We ask the Government to cap rents;\nbuild homes;": the asks go on.
                actions[-1] = (actions[-1][0], unit.end, [])
                continue
        elif actions and _follows_request(kept, i, actions):
            actions[-1][2].append((unit.start, unit.end))
            continue
        grievances.append(unit)

    # A request with no action ("We ask the Government to:" and nothing after) asks nothing.
    empty = [a for a in actions if not a[2] and not _clause_text(text, a[0], a[1], web_cuts)]
    actions = [a for a in actions if a not in empty]
    if empty and not actions:
        start = next(u.start for u in kept if u.start <= empty[0][0] <= u.end)
        reading.notes.append(Note("request-without-action", said=_tidy(text[start:empty[0][1]])))
    inferred = None
    if not actions:
        # No sentence asks in the House's way: look for the ask where drafts put it (petition.asks).
        inferred = _infer_asks(text, grievances, web_cuts, reading)
        if inferred is not None:
            used = {id(u) for u in inferred.used}
            grievances = [u for u in grievances if id(u) not in used]
            request_addrs.extend(inferred.addrs)

    for n, unit in enumerate(grievances):
        petition.grievances.append(_capitalised(text, unit))
        spans[part_name_for_grievance(n)] = Span(*_clause_span(text, unit.start, unit.end))

    if actions:
        petition.prayer = _prayer(text, actions, web_cuts, "fr" if language == "fr" else "en")
        last = actions[-1]
        spans["prayer"] = Span(actions[0][0], last[2][-1][1] if last[2] else last[1])
        reading.pieces["prayer"] = [Span(*_clause_span(text, s, e)) for s, e, _ in actions] + [
            Span(*_bounds(text, i_s, i_e)) for _, _, items in actions for i_s, i_e in items]
    elif inferred is not None:
        petition.prayer = inferred.prayer
        spans["prayer"] = Span(min(p.start for p in inferred.pieces), max(p.end for p in inferred.pieces))
        reading.pieces["prayer"] = inferred.pieces
    else:
        reading.notes.append(Note("no-request-freeform"))
        near = _nearest_request(text, grievances)
        # "exigeons que le gouvernement plafonne": the subjunctive cannot follow "demandons ... de".
        french_demand = next((u for u in grievances if _FR_DEMAND_THAT.search(text, u.start, u.end)), None)
        if french_demand:
            reading.notes.append(Note("french-demand-that", said=_tidy(text[french_demand.start:french_demand.end])))
        elif near:
            reading.notes.append(Note("closest-sentence", sentence=near))

    country = country_request or (inferred is not None and inferred.country)
    petition.addressee = _addressee(text, reading, request_addrs, kept, mention_pool, country)
    return settle(reading)


def _put(text: str, spans: list[tuple[int, int]], reading: Reading) -> None:
    """The draft's words the House's formula now stands for ("Canada must", "Please urge", "Demand")."""
    for s, e in spans:
        s, e = _bounds(text, s, e)
        while e > s and text[e - 1] in ",:;":
            e = _bounds(text, s, e - 1)[1]
        if s < e:
            reading.replaced.append(Replaced(text[s:e], "R-PRAY-4" if _DEMAND_VERB.search(text, s, e) else "R-STR-1",
                                             start=s, end=e, code="request-put"))


NOTED_ASKS = 5  # inferred asks past this many are still read, but not each said in a note


@dataclass
class _Inferred:
    prayer: str
    pieces: list[Span]
    used: list[_Unit]
    addrs: list[Span]
    country: bool = False  # the draft says "Canada must ...": the Government of Canada is meant


_HEADING_ACTION = re.compile(r"(?:to|pour|afin[ \t]+de|afin[ \t]+d['’])[ \t]+(?=[^\W\d_])", _I)


def _unit_ask(text: str, s: int, e: int, language: str, sentence: bool) -> _asks.Ask | None:
    return (_asks.modal(text, s, e) or _asks.imperative(text, s, e, language)
            or (_asks.thing(text, s, e) if sentence else None))


_ARTICLES = frozenset("A An The Un Une Le La Les L Des Du".split())


def _ask_body(text: str, ask: _asks.Ask, end: int, cuts: list[tuple[int, int]]) -> str:
    """The action as it follows "call upon ... to" / "demandons ... de"."""
    en, fr = _asks.verbs()
    if ask.verb:
        rest = _clause_text(text, ask.verb[1], end, cuts) if ask.verb[1] < end else ""
        body = (ask.verb_as + " " + rest).strip()
    else:
        body = _clause_text(text, ask.action, end, cuts)
        first = body.split(" ", 1)[0]
        if first[:1].isupper() and first[1:] == first[1:].lower() and (first.lower() in en or first.lower() in fr):
            body = first.lower() + body[len(first):]  # "Restore the lands" -> "restore the lands"
    if ask.insert and body:
        first = body.split(" ", 1)[0]
        if first.lower() in en or first.lower() in fr:
            body = first.lower() + body[len(first):]  # "Forgive the loans": a verb of its own, nothing to add
        else:
            if first in _ARTICLES:
                body = first.lower() + body[len(first):]  # "A national program" -> "ensure a national program"
            body = f"{ask.insert} {body}"
    return body


def _infer_asks(text: str, units: list[_Unit], cuts: list[tuple[int, int]], reading: Reading) -> _Inferred | None:
    """The ask of a draft that never says "we call upon ... to": a "What we want:" list, a sentence
    saying who must act or an imperative (petition.asks), else its title or heading. Every ask
    found this way is said in a note for the organizer to confirm; none is made up."""
    language = "fr" if reading.language == "fr" else "en"
    found: list[tuple[_Unit | None, _asks.Ask, int, int]] = []
    listed = False
    for i, unit in enumerate(units):
        header = _asks.want_header(text, unit.start, unit.end) if unit.kind == "sentence" else None
        if header is None:
            continue
        header_ask = _asks.Ask(header, put=[(unit.start, header)], inferred=False)
        rest = _bounds(text, header, unit.end)
        if rest[0] < rest[1] and any(ch.isalnum() for ch in text[rest[0]:rest[1]]):
            # "What we want: a national pharmacare program." on one line.
            ask = _unit_ask(text, rest[0], unit.end, language, False)
            if ask is None:
                ask = _asks.Ask(rest[0], insert="assurer" if language == "fr" else "ensure")
            ask.put = header_ask.put + ask.put
            ask.inferred = False
            found.append((unit, ask, unit.start, unit.end))
            break
        items = []
        for item in units[i + 1:]:
            if item.kind != "item" or item.paragraph > unit.paragraph + 1:
                break
            items.append(item)
        if not items:
            continue
        listed = True
        _put(text, header_ask.put, reading)
        found.append((unit, None, unit.start, unit.start))  # the header itself: no words of its own left
        for item in items:
            ask = _unit_ask(text, item.start, item.end, language, False)
            if ask is None:
                a_s = _clause_span(text, item.start, item.end)[0]
                ask = _asks.Ask(a_s, insert="assurer" if language == "fr" else "ensure")
            ask.inferred = False
            found.append((item, ask, item.start, item.end))
        break
    if not found:
        for unit in units:
            ask = _unit_ask(text, unit.start, unit.end, language, unit.kind == "sentence")
            if ask is not None:
                found.append((unit, ask, unit.start, unit.end))
        listed = bool(found) and all(u.kind == "item" for u, _, _, _ in found)
    from_title = None
    if not found:
        # A title first, then a slogan line ("Ban fracking now!"): the draft's only ask may be there.
        for entry in sorted(reading.removed, key=lambda r: r.code != "title"):
            if entry.code in ("title", "slogan"):
                ask = _unit_ask(text, entry.start, entry.end, language, True)
            elif entry.code == "heading-subject":
                m = _HEADING_ACTION.match(text, entry.start, entry.end)
                ask = _asks.Ask(m.end(), put=[(entry.start, m.end())]) if m else None
            else:
                continue
            if ask is not None:
                from_title = entry
                found.append((None, ask, entry.start, entry.end))
                break
    asks = [(u, a, s, e) for u, a, s, e in found if a is not None]
    if not asks:
        return None

    bodies, pieces, addrs, country = [], [], [], False
    for n, (unit, ask, s, e) in enumerate(asks):
        noted = n < NOTED_ASKS
        end = _clause_span(text, s, e)[1]
        body = _ask_body(text, ask, end, cuts)
        if not any(ch.isalnum() for ch in body):
            continue
        marker = ""
        if listed and unit is not None and unit.kind == "item":
            m = _LIST_ITEM.match(text, unit.start, unit.end)
            marker = text[m.start():m.end()].strip() + " " if m else ""
        bodies.append(marker + body)
        # The action's words as _clause_text reads them: a marker or "Whereas" at its start is no part of it.
        pieces.append(Span(ask.verb[0] if ask.verb else _clause_span(text, ask.action, end)[0], end))
        _put(text, ask.put, reading)
        if ask.verb:
            _put(text, [ask.verb], reading)
        if ask.addr:
            addrs.append(Span(*_bounds(text, *ask.addr)))
        country = country or ask.country
        said = _tidy(text[s:e])
        if not noted:
            continue  # the same note for the hundredth ask helps nobody
        if ask.demand:
            reading.notes.append(Note("demand-reworded", said=_tidy(text[ask.put[-1][0]:ask.put[-1][1]]) if ask.put else said))
        # A first line standing alone without a full stop is the draft's title ("Lower the voting age to 16").
        titled = unit is not None and unit.paragraph == 0 and unit.alone and text[e - 1] not in ".!?;:"
        if (from_title is not None and from_title.code != "slogan") or titled:
            reading.notes.append(Note("ask-from-title", said=said))
        elif ask.inferred or from_title is not None:
            reading.notes.append(Note("ask-inferred", said=said))
        if ask.insert:
            reading.notes.append(Note("ask-verb-added", said=said, verb=ask.insert))
    if not bodies:
        return None
    if from_title is not None:
        reading.removed.remove(from_title)
    return _Inferred(_join_asks(bodies, listed, language), pieces,
                     [u for u, _, _, _ in found if u is not None], addrs, country)


def _join_asks(bodies: list[str], listed: bool, language: str) -> str:
    """Several asks as one request: a list stays a list; sentences become parallel verbs
    ("ban X; and to fund Y", « interdire X; et de financer Y »)."""
    if listed:
        return "\n".join(b.rstrip(" ;,") for b in bodies)  # one ask a line, as a typed list of asks reads
    out = [bodies[0]]
    for n, body in enumerate(bodies[1:], start=1):
        last = n == len(bodies) - 1
        if language == "fr":
            linked = body if body.lower().startswith(("de ", "d'", "d’")) else fr_de(body) + body
            out.append(("et " if last else "") + linked)
        else:
            linked = body if body.lower().startswith("to ") else "to " + body
            out.append(("and " if last else "") + linked)
    return "; ".join(out)


def _lead_in(text: str, start: int, request_start: int, removed: list[Removed]) -> None:
    """Words before "we call upon" in the request's sentence: a connector ("THEREFORE") is the
    House's formula (the accounting lists it as replaced); anything else is listed as removed."""
    s, e = _bounds(text, start, request_start)
    if s < e and not all(FORMULA_WORD.fullmatch(w) for w in _WORDS.findall(text, s, e)):
        # A link inside it goes with it, listed once.
        removed[:] = [r for r in removed if not (s <= r.start and r.end <= e)]
        removed.append(Removed(text[s:e], "R-STR-1", start=s, end=e, code="request-lead-in"))


def _petitioners(text: str, span: Span | None, reading: Reading) -> None:
    """'We, <petitioners>, call upon ...': the first description names the petitioners."""
    if span is None:
        return
    said = _tidy(text[span.start:span.end])
    if reading.petition.petitioners is None:
        reading.petition.petitioners = said
        reading.spans["petitioners"] = span
    elif said.casefold() == reading.petition.petitioners.casefold():
        reading.replaced.append(Replaced(text[span.start:span.end], "R-STR-1", start=span.start, end=span.end,
                                         code="petitioners-again"))


def _follows_request(kept: list[_Unit], i: int, actions) -> bool:
    """A list item belongs to the asks when it comes straight after a request or its list."""
    prev = kept[i - 1] if i else None
    if prev is None:
        return False
    action_end = actions[-1][2][-1][1] if actions[-1][2] else actions[-1][1]
    return prev.end == action_end


def _prayer(text: str, actions, cuts, language: str = "en") -> str:
    parts = []
    for n, (s, e, items) in enumerate(actions):
        body = _clause_text(text, s, e, cuts)
        if n and body:
            # A second request sentence carries on the first with a parallel verb: "...; and to fund ...",
            # « ...; et de financer ... ».
            if language == "fr":
                body = body if body.lower().startswith(("de ", "d'", "d’", "et ")) else fr_de(body) + body
            elif not body.lower().startswith(("to ", "and ")):
                body = "to " + body
        if items:
            # A list of asks reads as one sentence: its items end in ";" (the last takes the request's full stop).
            asks = ";\n".join(_tidy(text[i_s:i_e]).rstrip(" ;,") for i_s, i_e in items)
            body = f"{body}:\n{asks}" if body else asks  # "We ask the Government to:" and a list
        if n and n == len(actions) - 1 and not body.lower().startswith(("and ", "et ")):
            body = ("et " if language == "fr" else "and ") + body
        parts.append(body)
    return ";\n".join(parts) if any(items for _, _, items in actions[:-1]) else "; ".join(parts)


def _nearest_request(text: str, units: list[_Unit]) -> str | None:
    for unit in units:
        body = text[unit.start:unit.end]
        if len(body) <= MAX_CAMPAIGN_SENTENCE and find_mention(body) and _NEAR_REQUEST.search(body):
            return _tidy(body)
    return None


def _addressee(text: str, reading: Reading, request_addrs: list[Span], kept: list[_Unit],
               mention_pool: list[tuple[int, int]], country: bool = False) -> Addressee:
    written, spans = reading.addressees_written, reading.spans
    if request_addrs:
        chosen = next((a for a in request_addrs if classify_addressee(text[a.start:a.end]).kind != "other"),
                      request_addrs[0])
        written["prayer"] = _tidy(text[chosen.start:chosen.end]).strip(" ,")
        spans["prayer addressee"] = chosen
        spans.setdefault("addressee", chosen)
        # Every request names the one addressee; a request that asks someone else is said so.
        kind = classify_addressee(written["prayer"])
        reading.pieces["prayer addressee"] = same = []
        for a in request_addrs:
            if classify_addressee(text[a.start:a.end]) == kind:
                same.append(a)
            else:
                reading.replaced.append(Replaced(text[a.start:a.end], "R-ADDR-1", start=a.start, end=a.end,
                                                 code="other-addressee"))
                # The checker sees it too: one the House does not allow is reported, never swapped in silence.
                key = f"prayer {len(same) + len(reading.replaced)}"  # unique: both only grow
                written[key] = _tidy(text[a.start:a.end]).strip(" ,")
                spans[key] = a
    if written.get("heading"):
        return classify_addressee(written["heading"])
    if written.get("prayer"):
        return classify_addressee(written["prayer"])
    if country:
        return Addressee(kind="government")  # "Canada must ...": the note on the ask says so
    # No one is asked: propose whoever the draft talks about, and say so.
    for s, e in [(u.start, u.end) for u in kept] + mention_pool:
        m = find_mention(text, s, min(e, s + REQUEST_WINDOW))
        if m:
            proposed = classify_addressee(m.group())
            if proposed.kind != "other":
                spans["addressee"] = Span(m.start(), m.end())
                reading.notes.append(Note("addressee-from-mention", mention=_tidy(m.group())))
                return proposed
    reading.notes.append(Note("no-addressee-freeform"))
    return Addressee(kind="government")
