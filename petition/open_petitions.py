"""Read a saved copy of the House's e-petition search results: the open e-petitions, for R-SUBJ-4.

Two formats, told apart by their first tag:
- the XML export ("Export: XML" on the search page): a `<Petition>` element per petition, with
  `<PetitionNumber>`, a `Title` attribute, `<StatusName>` and the text under `<Prayer>` (grievances in
  `<WhereAs>`, the request in `<Para>`); the House writes some markup inside the text (an `<Addressee>` tag),
  sometimes escaped, so the text is read as HTML once more;
- the search page itself, saved from a browser (HTML): each result links to
  `Petition/Details?Petition=e-1234` and shows its status and, in the detailed view, its text. The page shows
  each result twice (a table row for wide screens and a block for phones), so results are merged by number.

HTML is read with the standard library's `html.parser`, the parser `petition/unwrap.py` uses for pasted
HTML; XML with the standard library's ElementTree, refusing entity declarations (a saved export has none,
and they are how an XML file makes a parser expand text without limit).

Only e-petitions open for signature are kept: paper petitions (numbers like 441-01236) are never "open for
signature" (R-SUBJ-4 is about e-petitions), and a closed one no longer stops a new one. Entries with no
status are taken as open, as the export asked for "Open" has no other kind. Errors are `ListError`s with a
code and values, said in the operator's language at the edge (cli.py).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .duplicates import OpenPetition
from .language import detect_language

E_PETITION = re.compile(r"^e-\d{1,6}$", re.IGNORECASE)
_DETAILS_LINK = re.compile(r"[?&]Petition=([A-Za-z0-9-]+)", re.IGNORECASE)
_OPEN = re.compile(r"open\s+for\s+signature|ouverte?s?\s+(?:à\s+la\s+)?signature", re.IGNORECASE)
_CLOSED = re.compile(r"closed\s+for\s+signature|ferm[ée]e?s?\s+(?:à\s+la\s+)?signature|presented\s+to\s+the\s+house|"
                     r"pr[ée]sent[ée]e?\s+à\s+la\s+chambre|government\s+response|response\s+tabled|r[ée]ponse\s+du\s+gouvernement|"
                     r"\bcertified\b|\bcertifi[ée]e\b", re.IGNORECASE)
# "call upon the Government of Canada to: ..." / "prions le gouvernement du Canada de ...": what follows is asked.
_REQUEST = re.compile(r"\b(?:call\s+upon\b.{0,200}?\bto\b|(?:demandons|prions)\b.{0,200}?(?:\bde\b|\bd['’]|\bà\b))"
                      r"[\s:]*(?:1[.)]\s*)?", re.IGNORECASE | re.DOTALL)
# A title made from the text when the file has none: long enough to recognise the petition.
TITLE_CHARS = 120


class ListError(Exception):
    """The file is not a list of e-petitions the House publishes; `code` names why (cli.py says it)."""

    def __init__(self, code: str, **values):
        super().__init__(code, values)
        self.code = code
        self.values = values


@dataclass
class SavedList:
    """What a saved search page held: the open e-petitions, and how many entries were left out and why."""
    format: str  # "xml" or "html"
    petitions: list[OpenPetition] = field(default_factory=list)
    closed: int = 0
    paper: int = 0
    unreadable: int = 0  # entries with no petition number
    numbers: set[str] = field(default_factory=set, repr=False)  # those listed, to list each once


def parse_open_list(data: bytes | str) -> SavedList:
    """The open e-petitions in a saved XML export or HTML search page. Raises ListError."""
    text = _decode(data)
    first = _FIRST_ELEMENT.search(text)
    if not text.strip():
        raise ListError("empty")
    if first is None:
        raise ListError("not-markup")
    if first.group(1).lower() in _HTML_ROOTS:
        return _from_html(text)
    return _from_xml(text)


# The first element's name, after any XML declaration, doctype, comments and whitespace.
_FIRST_ELEMENT = re.compile(r"\A\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!doctype[^>\[]*(?:\[.*?\])?\s*>\s*)*<([A-Za-z_][\w:.-]*)",
                            re.IGNORECASE | re.DOTALL)
# A page or a fragment of one saved from the browser, rather than the export.
_HTML_ROOTS = {"html", "head", "body", "main", "div", "section", "article", "table", "ul", "ol", "form", "p"}


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ListError("encoding") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Saved by an old browser in Windows-1252: every byte is a character there.
        return data.decode("cp1252", errors="replace")


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _title_from(text: str) -> str:
    """A label for a petition listed without a title: its request, shortened."""
    match = _REQUEST.search(text)
    label = _clean(text[match.end():] if match else text)
    label = label[:1].upper() + label[1:]
    return label if len(label) <= TITLE_CHARS else label[:TITLE_CHARS - 1].rstrip() + "…"


def _entry(number: str, title: str, body: str, status: str, result: SavedList) -> None:
    number = _clean(number)
    if not number:
        result.unreadable += 1
        return
    if not E_PETITION.match(number):
        result.paper += 1
        return
    if status and not _OPEN.search(status) and _CLOSED.search(status):
        result.closed += 1
        return
    if number.lower() in result.numbers:
        return
    result.numbers.add(number.lower())
    body = _clean(body)
    title = _clean(title) or _title_from(body)
    result.petitions.append(OpenPetition(number=number.lower(), title=title, text=body,
                                         language=detect_language(body or title) or "en"))


# ---- XML ----------------------------------------------------------------------------------------------

def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(element: ET.Element, *names: str) -> str:
    for child in element.iter():
        if child is not element and _local(child.tag) in names:
            return "".join(child.itertext())
    return ""


_TEXT_ELEMENTS = ("Prayer", "PetitionText", "Text")
_METADATA = {"Sponsor", "ProvinceSignatures", "Signatures", "Response", "GovernmentResponse", "IndexTerms", "Terms"}


def _petition_text(element: ET.Element) -> str:
    for child in element.iter():
        if child is not element and _local(child.tag) in _TEXT_ELEMENTS:
            return _strip_markup(" ".join(child.itertext()))
    # No known text element: every text of the entry except what is plainly not the petition.
    parts = []
    for child in element:
        if _local(child.tag) not in _METADATA:
            parts.append(" ".join(child.itertext()))
    return _strip_markup(" ".join(parts))


def _from_xml(text: str) -> SavedList:
    # Entities can only be declared in the doctype, before the first element.
    if "<!ENTITY" in text[:text.find("<" + _FIRST_ELEMENT.search(text).group(1))]:
        raise ListError("xml-entities")
    parser = ET.XMLParser()
    try:
        parser.feed(text)
        root = parser.close()
    except ET.ParseError as error:
        line, column = getattr(error, "position", (0, 0))
        raise ListError("xml", line=line, column=column + 1) from None
    result = SavedList(format="xml")
    entries = [el for el in root.iter() if _local(el.tag) == "Petition"]
    if not entries:
        raise ListError("no-petitions")
    for element in entries:
        number = element.get("PetitionNumber") or element.get("Number") or _child_text(element, "PetitionNumber")
        title = element.get("Title") or _child_text(element, "Title")
        status = element.get("Status") or _child_text(element, "StatusName", "Status")
        _entry(number, title, _petition_text(element), status, result)
    return result


# ---- HTML ---------------------------------------------------------------------------------------------

class _MarkupText(HTMLParser):
    """The text of a fragment of markup (the House writes `<Addressee>` tags inside petition texts)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag, attrs) -> None:
        self.parts.append(" ")

    def handle_endtag(self, tag) -> None:
        self.parts.append(" ")


def _strip_markup(text: str) -> str:
    if "<" not in text and "&" not in text:
        return _clean(text)
    reader = _MarkupText()
    reader.feed(text)
    reader.close()
    return _clean("".join(reader.parts))


class _ResultsPage(HTMLParser):
    """Splits a search page into one run of text per link to a petition's details page.

    The text after a link to e-1234, up to the next petition's link, is that result's (its status, sponsor,
    dates and, in the detailed view, its text). Navigation, headers, footers and scripts are skipped.
    """

    SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "head", "select", "button"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.current: str | None = None
        self.link: str | None = None  # inside <a> to this petition
        self.runs: dict[str, list[list[str]]] = {}
        self.titles: dict[str, str] = {}
        self.link_text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.SKIP:
            self.skipping += 1
            return
        if self.skipping:
            return
        if tag == "a":
            match = _DETAILS_LINK.search(dict(attrs).get("href") or "")
            if match:
                number = match.group(1).lower()
                if number != self.current:
                    self.current = number
                    self.runs.setdefault(number, []).append([])
                self.link = number
                self.link_text = []
                return
        if tag in ("p", "div", "li", "tr", "td", "br", "h2", "h3", "h4", "span") and self.current:
            self.runs[self.current][-1].append(" ")

    def handle_endtag(self, tag) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
            return
        if tag == "a" and self.link:
            title = _clean("".join(self.link_text))
            if title and title.lower() != self.link and not self.titles.get(self.link):
                self.titles[self.link] = title
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.skipping or not self.current:
            return
        if self.link:
            self.link_text.append(data)
        self.runs[self.current][-1].append(data)


def _from_html(text: str) -> SavedList:
    page = _ResultsPage()
    page.feed(text)
    page.close()
    if not page.runs:
        raise ListError("no-petitions")
    result = SavedList(format="html")
    for number, runs in page.runs.items():
        # The longest run is the fullest copy of a result shown twice (table row and phone block).
        body = max((_clean("".join(run)) for run in runs), key=len)
        status_match = _OPEN.search(body) or _CLOSED.search(body)
        status = status_match.group(0) if status_match else ""
        title = page.titles.get(number, "")
        # The text the petitioners wrote starts at "Petition to"; what comes before is the result's details.
        start = re.search(r"\bPetition to\b|\bPétition\b", body)
        _entry(number, title, body[start.start():] if start else body, status, result)
    return result
