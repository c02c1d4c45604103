"""Read a saved copy of the House's e-petition search results: the open e-petitions, for R-SUBJ-4.

Two formats, told apart by their first tag:
- the XML export ("Export: XML" on the search page): a `<Petition>` element per petition, with
  `<PetitionNumber>`, a `Title` attribute, `<StatusName>` and the text under `<Prayer>` (grievances in
  `<WhereAs>`, the request in `<Para>`); the House writes some markup inside the text (an `<Addressee>` tag),
  sometimes escaped, so the text is read as HTML once more;
- the search page itself, saved from a browser (HTML): each result links to
  `Petition/Details?Petition=e-1234` and shows its status and, in the detailed view, its text. The page shows
  each result twice (a table row for wide screens and a block for phones), so results are merged by number.

The saved page is read with tinyhtml5, the HTML5 parser WeasyPrint already brings (pinned in
requirements.txt): a result is found as a block of the page, which takes the tree a browser builds, not the tag
stream `html.parser` gives (`petition/unwrap.py` reads pasted HTML with that, and so does this module for the
markup inside the XML export's texts). XML is read with the standard library's ElementTree, refusing entity
declarations (a saved export has none, and they are how an XML file makes a parser expand text without limit).

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


# Parts of a saved page that are never a search result: what is in them is left out.
_NOT_RESULTS = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "head", "select",
                "button", "form"}


def _text(element: ET.Element) -> str:
    """An element's text, without the parts of the page that are not results, words kept apart."""
    parts: list[str] = []
    # A stack, not recursion: a saved page may nest thousands of elements deep.
    stack: list[ET.Element | str] = [element]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if _local(node.tag) in _NOT_RESULTS:
            continue
        parts.append(node.text or "")
        for child in reversed(node):
            stack.append(child.tail or "")
            stack.append(child)
    return _clean(" ".join(parts))


def _from_html(text: str) -> SavedList:
    """Each link to a petition's details page marks a result: the result is the largest block of the page
    around that link that holds no other petition's link, with the blocks after it that hold none at all (a
    second table row with the text, say). So the text is found before or after the number, however the page
    is laid out."""
    import tinyhtml5  # the HTML5 parser WeasyPrint uses (pinned in requirements.txt): the tree a browser builds

    root = tinyhtml5.parse(text, namespace_html_elements=False)
    parent = {child: node for node in root.iter() for child in node}

    def skipped(node: ET.Element) -> bool:
        while node is not None:
            if _local(node.tag) in _NOT_RESULTS:
                return True
            node = parent.get(node)
        return False

    links = []
    for link in root.iter("a"):
        match = _DETAILS_LINK.search(link.get("href") or "")
        if match and not skipped(link):
            links.append((link, match.group(1).lower()))
    if not links:
        raise ListError("no-petitions")
    # Which petitions' links each block holds.
    holds: dict[ET.Element, set[str]] = {}
    for link, number in links:
        node = link
        while node is not None:
            holds.setdefault(node, set()).add(number)
            node = parent.get(node)
    texts: dict[str, str] = {}
    titles: dict[str, str] = {}
    for link, number in links:
        block = link
        while parent.get(block) is not None and holds[parent[block]] == {number}:
            block = parent[block]
        pieces = [_text(block)]
        container = parent.get(block)
        if container is not None:
            siblings = list(container)
            for sibling in siblings[siblings.index(block) + 1:]:
                if sibling in holds:
                    break
                pieces.append(_text(sibling))
        body = _clean(" ".join(pieces))
        if len(body) > len(texts.get(number, "")):
            texts[number] = body
        label = _clean("".join(link.itertext()))
        if label and label.lower() != number and not titles.get(number):
            titles[number] = label
    result = SavedList(format="html")
    for number, body in texts.items():
        status_match = _OPEN.search(body) or _CLOSED.search(body)
        status = status_match.group(0) if status_match else ""
        # The text the petitioners wrote starts at "Petition to"; what comes before is the result's details.
        start = re.search(r"\bPetition to\b|\bPétition\b", body)
        _entry(number, titles.get(number, ""), body[start.start():] if start else body, status, result)
    return result
