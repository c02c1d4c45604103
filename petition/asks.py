"""Where a real draft states its ask without "we call upon <addressee> to ...".

The converter (`petition.freeform`) first looks for the House's own request wording. These
recognisers find the other ways campaign drafts put an ask, English and French:

- an imperative aimed at someone: "Tell the Prime Minister to ...", "Please urge the Minister
  of Fisheries to ...", « Demandez au gouvernement de ... »;
- someone who must act: "Canada must / needs to / should ...", "The federal government
  should ...", « Le Canada doit ... », « Le gouvernement devrait ... »;
- a bare imperative or infinitive: "Restore the lands", "Lower the voting age to 16",
  "Demand the immediate reopening of Parliament", « Interdire les plastiques »,
  « Rétablissez le train », « Protégeons nos forêts »;
- a thing asked for with no action: "We call for a national pharmacare program",
  « Nous réclamons la réouverture du Parlement » (the proposal asks to "ensure" it);
- a list under a heading: "What we want: 1. ... 2. ...", « Ce que nous voulons : ».

Each recogniser reads one sentence or list item, [start, end) of the text, and says where
the action starts, which words the House's formula stands for ("Canada must", "Please
urge", "Demand"), who is asked, and how the action's first word must change to follow
"call upon ... to" / "demandons ... de" (a French imperative becomes its infinitive).
Nothing here rewrites the draft: `freeform` lists every word it did not keep as it is.
All patterns are anchored at the sentence's start and bounded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .grammar import BULLET, NUMBER

_I = re.IGNORECASE
_FILE = Path(__file__).parent / "data" / "ask-verbs.txt"

# A list marker and a courtesy word before the ask: "2. Please ...", « S'il vous plaît, ... ».
_MARK = rf"(?:(?:{NUMBER}|{BULLET})[ \t\u00a0]+)?"
_PLEASE = r"(?:(?:please|kindly)[ \t,]+|s['’]il[ \t]+vous[ \t]+pla[iî]t[ \t,]+|veuillez[ \t]+)?"

# "Tell the Prime Minister to", "Urge the Minister of Fisheries to", "Call on Ottawa to".
_ADDRESSED_EN = re.compile(
    _MARK + _PLEASE + r"(?P<verb>tell|urge|ask|call[ \t]+(?:up)?on|petition|press|push|lobby|encourage|invite|get)"
    r"[ \t]+(?P<addr>[^.;:!?\n]{1,120}?)[\s,]+to[ \t]+(?=[^\W\d_])",
    _I,
)
# "Tell Ottawa: fund public transit", "Tell the Prime Minister: ban ...": the ask follows the colon.
_ADDRESSED_COLON_EN = re.compile(
    _MARK + _PLEASE + r"(?P<verb>tell|urge|ask|call[ \t]+(?:up)?on)[ \t]+(?P<addr>[^.;:!?\n]{1,80}?)[ \t]*:[ \t]*(?=\S)",
    _I,
)
# « Demandez au gouvernement de ... », « Exhortez le premier ministre à ... »: the link is found
# by house_format.fr_action_link, as "de" also sits inside addressees.
_ADDRESSED_FR = re.compile(
    _MARK + _PLEASE + r"(?P<verb>demandez|dites|exhortez|pressez|invitez|exigez|réclamez|sommez)[ \t]+"
    r"(?=(?:au|aux|à|le|la|les|l['’]|notre|nos)\b|l['’])",
    _I,
)
# "Canada must", "The federal government should", "Ottawa needs to", "the Minister of Health must".
_MODAL_EN = re.compile(
    _MARK + r"(?P<actor>canada|ottawa|our[ \t]+(?:federal[ \t]+)?government|the[ \t]+feds"
    r"|the[ \t]+(?:federal[ \t]+|canadian[ \t]+)?government(?:[ \t]+of[ \t]+canada)?"
    r"|canada['’]s[ \t]+(?:federal[ \t]+)?government|the[ \t]+house[ \t]+of[ \t]+commons|parliament"
    r"|the[ \t]+prime[ \t]+minister|the[ \t]+minister[ \t]+of[ \t]+[^,.;:!?\n]{1,60}?)"
    r"[ \t]+(?P<modal>must|should|shall|needs?[ \t]+to|has[ \t]+to|have[ \t]+to|ought[ \t]+to|is[ \t]+to)[ \t]+(?=[^\W\d_])",
    _I,
)
# "It's time for Canada to ban ...", « Il est temps pour le Canada d'interdire ... ».
_TIME_FOR = re.compile(
    _MARK + r"(?:it['’]?s|it[ \t]+is|now[ \t]+is)[ \t]+(?:high[ \t]+|past[ \t]+)?time[ \t]+for[ \t]+(?P<actor>[^.;:!?\n]{1,60}?)[ \t]+to[ \t]+(?=[^\W\d_])"
    r"|il[ \t]+est[ \t]+(?:grand[ \t]+)?temps[ \t]+pour[ \t]+(?P<actor_fr>[^.;:!?\n]{1,60}?)[ \t]+(?:de[ \t]+|d['’])(?=[^\W\d_])",
    _I,
)
_MODAL_FR = re.compile(
    _MARK + r"(?P<actor>le[ \t]+canada|ottawa|notre[ \t]+gouvernement"
    r"|le[ \t]+gouvernement(?:[ \t]+(?:du[ \t]+canada|fédéral|canadien))?|le[ \t]+parlement"
    r"|la[ \t]+chambre[ \t]+des[ \t]+communes|l[ea][ \t]+premi(?:er|ère)[ \t]+ministre(?:[ \t]+du[ \t]+canada)?"
    r"|l[ea][ \t]+ministre[ \t]+(?:de[ \t]+la|de[ \t]+l['’]|des|du|de)[ \t]*[^,.;:!?\n]{1,60}?)"
    r"[ \t]+(?P<modal>doit|devrait|doivent|devraient|se[ \t]+doit[ \t]+(?:de[ \t]+|d['’])|a[ \t]+le[ \t]+devoir[ \t]+(?:de[ \t]+|d['’]))"
    r"[ \t]*(?=[^\W\d_])",
    _I,
)
# Who may be asked after "It's time for": an allowed addressee by its usual names.
_ACTOR = re.compile(
    r"(?:the[ \t]+)?(?:federal[ \t]+|canadian[ \t]+)?government(?:[ \t]+of[ \t]+canada)?|parliament|the[ \t]+house[ \t]+of[ \t]+commons"
    r"|the[ \t]+prime[ \t]+minister|the[ \t]+minister[ \t]+of[ \t]+[\w ,'’-]{1,50}"
    r"|le[ \t]+gouvernement(?:[ \t]+(?:du[ \t]+canada|fédéral))?|le[ \t]+parlement|l[ea][ \t]+premi(?:er|ère)[ \t]+ministre",
    _I,
)
# Actors that name no addressee the House allows but plainly mean the federal government.
_COUNTRY = re.compile(r"(?:le[ \t]+)?canada|ottawa|our[ \t]+(?:federal[ \t]+)?government|the[ \t]+feds"
                      r"|notre[ \t]+gouvernement", _I)
# A bare imperative or infinitive: the first word, checked against data/ask-verbs.txt.
_FIRST_WORD = re.compile(_MARK + _PLEASE + r"(?P<verb>[^\W\d_][\w'’-]{0,30})(?=[ \t\u00a0]+\S)", _I)
# Words after a sentence's first word that show it is not an imperative: "Change is needed",
# "Increase in rents", "Close to 40%".
_NOT_IMPERATIVE_NEXT = re.compile(
    r"[ \t\u00a0]+(?:is|are|was|were|has|have|had|will|would|can|could|should|must|of|in|to|and|or|for|by|'s|’s"
    r"|est|sont|ont)\b", _I)
# "Demand ...", « Exigez ... »: an imperative demand with no one named.
_DEMAND_WORD = re.compile(r"demand|insist|exigez|exigeons|réclamez|réclamons|demandez|demandons", _I)
_THAT_MODAL = re.compile(r"[ \t]*(?:(?:must|should|shall|will|doit|devrait)[ \t]+)?", _I)
_THAT = re.compile(r"[ \t]+(?:that|que|qu['’])[ \t]*", _I)
# "We call for a national pharmacare program", « Nous réclamons la réouverture du Parlement ».
_THING_EN = re.compile(
    _MARK + r"(?:we|i)[ \t]+(?:(?:hereby|therefore|also|respectfully|strongly|urgently|now)[ \t]+)?"
    r"(?P<verb>call[ \t]+for|demand|ask[ \t]+for|are[ \t]+calling[ \t]+for|are[ \t]+asking[ \t]+for|are[ \t]+demanding"
    r"|request|want)[ \t]+(?!to\b|that\b|you\b|the[ \t]+(?:federal[ \t]+)?government\b)(?=[^\W\d_])",
    _I,
)
_THING_FR = re.compile(
    _MARK + r"nous[ \t]+(?:(?:tous|donc|aussi)[ \t]+)?"
    r"(?P<verb>réclamons|exigeons|demandons|voulons|revendiquons|souhaitons)[ \t]+(?=(?:la|le|les|l['’]|un|une|des|du)\b|l['’])",
    _I,
)
_TO = re.compile(r"\bto\b", _I)
# "What we want:", "Our demands:", « Ce que nous voulons : »: a list of asks follows.
_WANT_HEADER = re.compile(
    r"(?:what[ \t]+we[ \t]+(?:want|need|demand|propose|ask(?:[ \t]+for)?|are[ \t]+asking(?:[ \t]+for)?|call[ \t]+for)"
    r"|our[ \t]+(?:asks?|demands?|requests?|proposals?|solutions?|recommendations?|call[ \t]+to[ \t]+action)"
    r"|we[ \t]+(?:want|ask[ \t]+for|are[ \t]+asking[ \t]+for|are[ \t]+calling[ \t]+for|call[ \t]+for|demand|propose|recommend)"
    r"|the[ \t]+asks?|ce[ \t]+que[ \t]+nous[ \t]+(?:voulons|demandons|réclamons|proposons)"
    r"|nos[ \t]+(?:demandes|revendications|recommandations|propositions)"
    r"|nous[ \t]+(?:voulons|demandons|réclamons|proposons|revendiquons))[ \t\u00a0]*:",
    _I,
)


@lru_cache(maxsize=1)
def verbs() -> tuple[frozenset, dict]:
    """(English base forms, French form -> infinitive) from data/ask-verbs.txt."""
    en: set[str] = set()
    fr: dict[str, str] = {}
    for line in _FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        lang, rest = line.split(None, 1)
        if lang == "en":
            en.add(rest.strip().lower())
            continue
        infinitive, _, forms = rest.partition("=")
        infinitive = infinitive.strip().lower()
        fr[infinitive] = infinitive
        for form in forms.split() or _fr_imperatives(infinitive):
            # « Protégeons nos forêts », « Sauvons ... » rally the readers (a slogan); « Rétablissez » asks.
            if not form.endswith("ons"):
                fr.setdefault(form.lower(), infinitive)
    return frozenset(en), fr


def _fr_imperatives(infinitive: str) -> list[str]:
    """« rétablir » -> rétablissez, rétablissons; « protéger » -> protégez, protégeons; « lancer » -> lançons."""
    stem = infinitive[:-2]
    if infinitive.endswith("er"):
        nous = stem[:-1] + "çons" if stem.endswith("c") else stem + ("e" if stem.endswith("g") else "") + "ons"
        return [stem + "ez", nous]
    if infinitive.endswith("ir"):
        return [stem + "issez", stem + "issons"]
    return []


@dataclass
class Ask:
    """One ask found in a sentence or list item."""

    action: int  # where the action's words start
    put: list[tuple[int, int]] = field(default_factory=list)  # words the House's formula stands for
    addr: tuple[int, int] | None = None  # who is asked, as the draft names them
    country: bool = False  # the draft names "Canada" / "Ottawa": the Government of Canada is meant
    verb: tuple[int, int] | None = None  # the action's first word, when it must change form
    verb_as: str = ""  # ... into this word ("rétablir" for "Rétablissez")
    insert: str = ""  # a verb the action lacks ("ensure", "assurer"), said in a note
    demand: bool = False  # put as a demand (R-PRAY-4): the proposal asks instead
    inferred: bool = True  # no sentence asks in so many words: the organizer confirms it


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i] in " \t\u00a0,":
        i += 1
    return i


_MARK_RE = re.compile(_MARK, _I)


def _after_marker(text: str, start: int, end: int) -> int:
    """Where a unit's words start, after its list marker ("2. ", "- ")."""
    m = _MARK_RE.match(text, start, end)
    return m.end() if m else start


def addressed(text: str, start: int, end: int, is_addressee) -> Ask | None:
    """"Tell the Prime Minister to ...": `is_addressee(phrase)` says whether the phrase can be someone asked."""
    m = _ADDRESSED_EN.match(text, start, end)
    if m and is_addressee(m.group("addr")):
        a_s, a_e = m.span("addr")
        put = [(_after_marker(text, start, end), a_s), (a_e, m.end())]
        return Ask(m.end(), put=put, addr=(a_s, a_e), inferred=False)
    m = _ADDRESSED_COLON_EN.match(text, start, end)
    if m and is_addressee(m.group("addr")):
        verb = imperative(text, m.end(), end, "en")
        if verb is not None and not verb.insert and verb.verb is None:
            a_s, a_e = m.span("addr")
            put = [(_after_marker(text, start, end), a_s), (a_e, m.end()), *verb.put]
            country = bool(_COUNTRY.fullmatch(m.group("addr").strip()))
            return Ask(verb.action, put=put + ([(a_s, a_e)] if country else []),
                       addr=None if country else (a_s, a_e), country=country, inferred=False)
    m = _ADDRESSED_FR.match(text, start, end)
    if m:
        from .house_format import fr_action_link

        link = fr_action_link(text, m.end())
        if link is not None and link[1] <= end and is_addressee(text[m.end():link[0]]):
            put = [(_after_marker(text, start, end), m.end()), (link[0], link[1])]
            return Ask(link[1], put=put, addr=(m.end(), link[0]), inferred=False,
                       demand=bool(re.match(r"exigez|réclamez|sommez", m.group("verb"), _I)))
    return None


def modal(text: str, start: int, end: int) -> Ask | None:
    """"Canada must ban ...", « Le gouvernement devrait financer ... »."""
    m = _MODAL_EN.match(text, start, end) or _MODAL_FR.match(text, start, end)
    if m:
        a_s, a_e = m.span("actor")
    else:
        m = _TIME_FOR.match(text, start, end)
        if not m:
            return None
        group = "actor" if m.group("actor") is not None else "actor_fr"
        a_s, a_e = m.span(group)
        actor = m.group(group)
        if not (_COUNTRY.fullmatch(actor) or _ACTOR.fullmatch(actor)):
            return None  # "It's time for all of us to ...": no one to ask
        s0 = _after_marker(text, start, end)
        if _COUNTRY.fullmatch(actor):
            return Ask(m.end(), put=[(s0, m.end())], country=True)
        return Ask(m.end(), put=[(s0, a_s), (a_e, m.end())], addr=(a_s, a_e))
    if _COUNTRY.fullmatch(m.group("actor")):
        return Ask(m.end(), put=[(a_s, m.end())], country=True)
    return Ask(m.end(), put=[(a_e, m.end())], addr=(a_s, a_e))


def imperative(text: str, start: int, end: int, language: str) -> Ask | None:
    """"Restore the lands", "Demand the reopening of Parliament", « Rétablissez le train »."""
    m = _FIRST_WORD.match(text, start, end)
    if not m or _NOT_IMPERATIVE_NEXT.match(text, m.end(), end):
        return None
    word = m.group("verb")
    low = word.lower()
    en, fr = verbs()
    v_s, v_e = m.span("verb")
    s0 = _after_marker(text, start, end)
    put = [(s0, v_s)] if s0 < v_s else []  # "Please"
    if _DEMAND_WORD.fullmatch(low):
        after = _skip_space(text, v_e, end)
        that = _THAT.match(text, v_e, end)
        if that:
            # "Demand that the Government of Canada (must) pay ...": who is asked, then the action.
            from .grammar import ADDRESSEE_MENTION

            who = ADDRESSEE_MENTION.match(text, that.end(), end)
            if who is None:
                return None
            modal = _THAT_MODAL.match(text, who.end(), end)
            return Ask(modal.end(), put=[*put, (v_s, that.end()), (who.end(), modal.end())], addr=who.span(),
                       demand=True)
        if after >= end:
            return None
        return Ask(after, put=[*put, (v_s, v_e)], insert="ensure" if low in ("demand", "insist") else "assurer",
                   demand=True)
    if language == "fr" or low not in en:
        infinitive = fr.get(low)
        if infinitive is None:
            return None
        if infinitive == low:
            return Ask(v_s, put=put)
        return Ask(v_s, put=put, verb=(v_s, v_e), verb_as=infinitive)
    return Ask(v_s, put=put)


def thing(text: str, start: int, end: int) -> Ask | None:
    """"We call for a national pharmacare program": a thing asked for, no action (the proposal asks to ensure it)."""
    m = _THING_EN.match(text, start, end) or _THING_FR.match(text, start, end)
    if not m or (m.group("verb").lower() == "want" and _TO.search(text, m.end(), end)):
        return None  # "We want people to know ...": not a thing asked for
    french = m.re is _THING_FR
    return Ask(m.end(), put=[(_after_marker(text, start, end), m.end())], insert="assurer" if french else "ensure",
               demand=bool(_DEMAND_WORD.match(m.group("verb"))) and not m.group("verb").lower().startswith("demandons"))


def want_header(text: str, start: int, end: int) -> int | None:
    """Where "What we want:" / « Ce que nous voulons : » ends, when the unit opens with it."""
    m = _WANT_HEADER.match(text, start, end)
    return m.end() if m else None
