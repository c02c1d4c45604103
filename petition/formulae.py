"""The House's fixed wording, English and French, and the renderer that uses it.

One place per formula: the heading ("Petition to ..."), the grievance opener
("Whereas:"), the petitioners-and-prayer sentence, and the French contractions
(au, à la, à l', aux; de / d'). Wording follows published e-petitions
(petition-rules.md section 2.2 and 2.3: e-4904, e-1961, e-2712).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .addressees import NAMED_MINISTER
from .grammar import LIST_START
from .model import Addressee, Petition, Span, part_name_for_grievance
from .catalogue import lang_of

DEFAULT_PETITIONERS = {
    "en": "citizens and residents of Canada",
    "fr": "citoyens et résidents du Canada",
}

HEADING = {"en": "Petition to {addressee}", "fr": "Pétition {a_addressee}"}
GRIEVANCE_OPENER = {"en": "Whereas:", "fr": "Attendu que :"}
# The words before and after the petitioners in the prayer sentence.
PRAYER_OPENING = {"en": "We, the undersigned, ", "fr": "Nous, soussignés, "}
PRAYER_LINK = {"en": ", call upon {addressee}{close} to ", "fr": ", demandons {a_addressee}{close} {de}"}
# What ends the link when the prayer is a list of asks: "to:" / " :", then the first item's line.
LIST_LINK = {"en": ":\n", "fr": ":\n"}

_FIXED_ADDRESSEES = {
    "house": {"en": "the House of Commons", "fr": "la Chambre des communes"},
    "house-assembled": {
        "en": "the House of Commons in Parliament assembled",
        "fr": "la Chambre des communes réunie en Parlement",
    },
    "government": {"en": "the Government of Canada", "fr": "le gouvernement du Canada"},
}
MEMBER_TITLE = {"en": "{name}, Member of Parliament for {riding}", "fr": "{name}, député {de_riding}"}

# The House prints French elisions with the typographic apostrophe (e-4904: "l’emploi", "d’un").
APOSTROPHE = "\u2019"
_FR_VOWELS = set("aeiouyâàäéèêëîïôöûùüœæAEIOUYÂÀÄÉÈÊËÎÏÔÖÛÙÜŒÆ")
# Words with an aspirated h take no elision ("de hausser", not "d'hausser"); most h- words
# elide ("d'humaniser", "d'héberger", "l'hôpital"). Stems, then words a stem would overreach
# from ("hall" is not "hallucination").
_FR_ASPIRATED_H = (
    "hausse", "hauss", "haut", "hâte", "hât", "haï", "hai", "heurt", "hiss", "honte", "hérisson", "harcel", "hach",
    "handicap", "hasard", "hant", "hennir", "hériss", "hoch", "hiérarch", "hockey", "homard", "héros", "hibou",
    "hamac", "hameau", "hangar", "hareng", "haricot", "hargn", "harpe", "hernie", "housse", "hongr", "hollande",
    "huer", "hué", "hurl", "hutte", "hublot", "huitième",
)
_FR_ASPIRATED_H_WORDS = {"hall", "halte", "hors", "houx", "huit", "huis", "hêtre", "hâle"}


_HONOURABLE_START = re.compile(r"(?:the\s+)?(?:(?:right|rt\.?)\s+)?(?:hono(?:u)?rable|hon\.|l['’]honorable)\b", re.I)


def default_petitioners(language: str) -> str:
    return DEFAULT_PETITIONERS.get(language, DEFAULT_PETITIONERS["en"])


def is_default_petitioners(text: str) -> bool:
    """The usual wording in either language: it follows the petition's language rather than the text typed."""
    return " ".join((text or "").split()).casefold() in {v.casefold() for v in DEFAULT_PETITIONERS.values()}


def petitioners_of(petition: Petition) -> str:
    text = (petition.petitioners or "").strip()
    return text or default_petitioners(petition.language)


def _elides(word: str) -> bool:
    """True when a French word takes l' / d' before it."""
    if not word:
        return False
    if word[0] in _FR_VOWELS:
        return True
    if word[0] in "hH":
        low = word.lower().rstrip(",.;:")
        return not (low.startswith(_FR_ASPIRATED_H) or low in _FR_ASPIRATED_H_WORDS)
    return False


def _fr_with_article(title: str) -> str:
    """'ministre de la Santé' -> 'le ministre de la Santé'; keeps an article already there."""
    low = title.lower()
    if low.startswith(("le ", "la ", "les ", "l'", "l’")):
        return title
    if low.split(" ", 1)[0].endswith(("s", "x")):  # "ministres des Finances et de la Santé"
        return "les " + title
    if _elides(title):
        return "l" + APOSTROPHE + title
    if low.startswith(("première ", "premiere ")) or any(w.endswith("ée") for w in low.split()[1:3]):
        return "la " + title  # "première ministre", "ministre associée", "ministre déléguée"
    return "le " + title


def fr_contract_a(phrase: str) -> str:
    """à + article: 'le gouvernement' -> 'au gouvernement', 'la Chambre' -> 'à la Chambre'."""
    low = phrase.lower()
    if low.startswith("le "):
        return "au " + phrase[3:]
    if low.startswith("les "):
        return "aux " + phrase[4:]
    return "à " + phrase


def fr_de(next_text: str) -> str:
    """'de ' or "d'" before the start of `next_text`."""
    first = next_text.lstrip()[:1]
    word = next_text.lstrip().split(" ", 1)[0] if first else ""
    return "d" + APOSTROPHE if _elides(word) else "de "


def fr_de_place(place: str) -> str:
    """'de' before a riding's name: "du Centre" (Le Centre), "des Îles-de-la-Madeleine" (Les ...),
    "d’Outremont", "de La Prairie", "de Lac-Saint-Jean"."""
    low = place.lower()
    if low.startswith("le "):
        return "du " + place[3:]
    if low.startswith("les "):
        return "des " + place[4:]
    if low.startswith(("la ", "l'", "l’")):
        return "de " + place
    # Place names elide before a vowel only: usage before h varies ("de Hull", "d'Honoré-Mercier").
    return ("d" + APOSTROPHE if place[:1] in _FR_VOWELS else "de ") + place


def addressee_text(addressee: Addressee, language: str) -> str:
    """The addressee as the formula prints it, with its article: 'the Government of Canada'."""
    lang = lang_of(language)
    kind = addressee.kind
    if kind == "house":
        key = "house-assembled" if addressee.in_parliament_assembled else "house"
        return _FIXED_ADDRESSEES[key][lang]
    if kind == "government":
        return _FIXED_ADDRESSEES["government"][lang]
    if kind == "minister":
        title = " ".join((addressee.title or "").split())
        if not title:
            title = "Minister" if lang == "en" else "ministre"
        if NAMED_MINISTER.match(title) and not _HONOURABLE_START.match(title):
            return title  # "Chrystia Freeland, Minister of Finance" takes no article
        if lang == "en":
            return title if title.lower().startswith("the ") else "the " + title
        return _fr_with_article(title)
    if kind == "member":
        riding = addressee.riding.strip()
        return MEMBER_TITLE[lang].format(name=addressee.name.strip(), riding=riding, de_riding=fr_de_place(riding))
    return " ".join((addressee.text or "").split())


def addressee_after_a(addressee: Addressee, language: str) -> str:
    """French: the addressee after 'à' with the contraction applied ('au gouvernement du Canada')."""
    return fr_contract_a(addressee_text(addressee, "fr"))


def heading(addressee: Addressee, language: str) -> str:
    if language == "fr":
        return HEADING["fr"].format(a_addressee=addressee_after_a(addressee, "fr"))
    return HEADING["en"].format(addressee=addressee_text(addressee, "en"))


def prayer_formula(petition: Petition) -> tuple[str, str]:
    """The fixed words around the petitioner's own words: (before petitioners, after petitioners).

    The House does not count these toward the 250 words (R-LEN-1).
    """
    lang = lang_of(petition.language)
    # "Jane Doe, Member of Parliament for X" is an apposition: it closes with a comma.
    close = "," if petition.addressee.kind == "member" or (
        petition.addressee.kind == "minister" and NAMED_MINISTER.match(petition.addressee.title or "")) else ""
    listed = prayer_is_list(petition.prayer)
    if lang == "fr":
        link = PRAYER_LINK["fr"].format(
            a_addressee=addressee_after_a(petition.addressee, "fr"),
            close=close,
            # Asks that carry their own "de" ("1. de mettre fin ...") follow " :"; bare
            # infinitives ("1. cartographier ...") follow "de :".
            de=(_fr_list_link(petition.prayer) if listed else fr_de(petition.prayer)),
        )
    else:
        link = PRAYER_LINK["en"].format(addressee=addressee_text(petition.addressee, "en"), close=close)
        if listed:
            link = link[:-1] + LIST_LINK["en"]
    return PRAYER_OPENING[lang], link


def _clause(text: str, last: bool) -> str:
    body = " ".join(text.split()).rstrip(" ;,.")
    return body + ("." if last else ";")


def _prayer_body(text: str) -> str:
    # Keep the organizer's line breaks (numbered asks), tidy each line's spaces.
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    body = "\n".join(line for line in lines if line)
    # A sentence ending in a citation "(s. 10(14) EIA)" still needs its full stop (e-4904);
    # only "... (see above.)" already has one.
    if body and body.rstrip(")»\"'’” ")[-1:] not in (".", "!", "?"):
        body += "."
    return body


# A prayer that opens with a list item ("1. Extend ...") follows "to:" on its own line, as
# e-4904 prints its asks; the reader keeps the items' markers in the prayer.
_LIST_START = LIST_START


def prayer_is_list(prayer: str) -> bool:
    return bool(_LIST_START.match(prayer.strip()))


def _fr_list_link(prayer: str) -> str:
    first = prayer.strip()[_LIST_START.match(prayer.strip()).end():].lstrip().lower()
    own_link = first.startswith(("de ", "d'", "d’", "à "))
    return LIST_LINK["fr"] if own_link else "de " + LIST_LINK["fr"]


@dataclass
class Rendered:
    text: str
    spans: dict[str, Span] = field(default_factory=dict)


def render(petition: Petition) -> Rendered:
    """The petition exactly as the House publishes an e-petition, with each part's span.

    Invisible characters (petition.text) are left out: they are never published or printed."""
    from .text import printable

    petition = printable(petition)
    lang = lang_of(petition.language)
    out: list[str] = []
    spans: dict[str, Span] = {}
    pos = 0

    def put(text: str, part: str | None = None) -> None:
        nonlocal pos
        if part:
            spans[part] = Span(pos, pos + len(text))
        out.append(text)
        pos += len(text)

    put(heading(petition.addressee, lang), "addressee")
    put("\n")
    clauses = [g for g in petition.grievances if g and g.strip()]
    if clauses:
        put(GRIEVANCE_OPENER[lang])
        put("\n")
        for i, clause in enumerate(clauses):
            put(_clause(clause, last=i == len(clauses) - 1), part_name_for_grievance(i))
            put("\n")
    opening, link = prayer_formula(petition)
    put(opening)
    put(petitioners_of(petition), "petitioners")
    put(link)
    put(_prayer_body(petition.prayer), "prayer")
    return Rendered("".join(out), spans)


def render_text(petition: Petition) -> str:
    return render(petition).text
