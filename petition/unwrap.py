"""Clean before reading: recognise a pasted format and take its wrapping off.

Organizers paste what they have: a web page (HTML), a Markdown note, an e-mail with its
headers, greeting, quoted reply and sign-off, a copy out of a PDF (hard line breaks,
end-of-line hyphens, "Page 1 of 1"), Word's bullets, or the petition in English and
French one after the other. `unwrap` gives the readers the plain text inside, and keeps
a map from every character of that text back to the character of the paste it came from,
so spans, findings and removed entries still point into what the organizer pasted.

What it takes out is never lost (see `petition.accounting`):
- words (e-mail headers, greeting, sign-off, a quoted reply, page footers, the other
  language's version, a Markdown link's address) become `removed` entries with a rule
  and a reason;
- formatting (HTML tags, Markdown's "#", "**", "[...]", Word's bullet glyphs) becomes
  `markup`, said once in a note ("Read as a web page: its tags were taken out").

Each step looks for its own cues and does nothing without them, so plain text passes
through unchanged. HTML goes through the standard library's `html.parser` (a real
parser: tags, entities, comments, scripts), not regular expressions.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import islice

from .addressees import find_mention
from .grammar import PETITION_WORD
from .language import detect_language
from .model import Note, Reading, Removed, Span

_I = re.IGNORECASE
_M = re.MULTILINE


@dataclass
class Doc:
    """A text and, for each of its characters, the span of the original paste it stands for."""

    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, source: str) -> "Doc":
        return cls(source, list(range(len(source))), list(range(1, len(source) + 1)))

    def source_span(self, start: int, end: int, total: int) -> tuple[int, int]:
        """The span of the paste that text[start:end] comes from."""
        if start >= end:
            at = self.starts[start] if start < len(self.starts) else total
            return at, at
        return self.starts[start], self.ends[end - 1]

    def edit(self, edits: list[tuple[int, int, str]], total: int) -> "Doc":
        """Replace text[a:b] by `new` for each (a, b, new), in order and not overlapping.
        New characters stand for the whole span they replace (one for one when as many)."""
        chars, starts, ends = [], [], []
        pos = 0
        for a, b, new in edits:
            chars.append(self.text[pos:a])
            starts.extend(self.starts[pos:a])
            ends.extend(self.ends[pos:a])
            if new and len(new) == b - a:  # same length: character for character
                chars.append(new)
                starts.extend(self.starts[a:b])
                ends.extend(self.ends[a:b])
            elif new:
                s, e = self.source_span(a, b, total)
                chars.append(new)
                starts.extend([s] * len(new))
                ends.extend([e] * len(new))
            pos = b
        chars.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return Doc("".join(chars), starts, ends)


@dataclass
class Unwrapped:
    source: str
    doc: Doc
    removed: list[Removed] = field(default_factory=list)
    markup: list[Span] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)  # "html", "markdown", "word", "email", "pdf", "bilingual"

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def changed(self) -> bool:
        return bool(self.formats)

    # -- building -------------------------------------------------------------------------------
    def _span(self, start: int, end: int) -> tuple[int, int]:
        return self.doc.source_span(start, end, len(self.source))

    def _edit(self, edits, fmt: str) -> None:
        self.doc = self.doc.edit(sorted(edits), len(self.source))
        if fmt not in self.formats:
            self.formats.append(fmt)

    # -- giving the reading back in the paste's own offsets -------------------------------------
    def restore(self, reading: Reading) -> Reading:
        from .accounting import settle

        total = len(self.source)

        def span(s: Span) -> Span:
            return Span(*self.doc.source_span(s.start, s.end, total))

        reading.spans = {name: span(s) for name, s in reading.spans.items()}
        reading.pieces = {name: [span(s) for s in pieces] for name, pieces in reading.pieces.items()}
        for entry in [*reading.removed, *reading.replaced]:
            moved = span(Span(entry.start, entry.end))
            entry.start, entry.end, entry.text = moved.start, moved.end, self.source[moved.start:moved.end]
        # What the reader left out whole ("Text after the prayer") is listed once, with what was inside it;
        # fixed wording never stands for a link or a footer taken out from inside it.
        own = [r for r in self.removed if not any(w.start <= r.start and r.end <= w.end for w in reading.removed)]
        reading.replaced = [piece for entry in reading.replaced for piece in self._around(entry, own)]
        reading.removed = sorted([*reading.removed, *own], key=lambda r: r.start)
        reading.markup = sorted(self.markup, key=lambda s: s.start)
        reading.notes = [*self.notes, *reading.notes]
        reading.source = self.source
        return settle(reading)


    def _around(self, entry: Removed, others: list[Removed]) -> list[Removed]:
        inside = sorted((o.start, o.end) for o in others if entry.start <= o.start and o.end <= entry.end)
        if not inside:
            return [entry]
        pieces, pos = [], entry.start
        for s, e in [*inside, (entry.end, entry.end)]:
            a, b = pos, s
            while a < b and self.source[a].isspace():
                a += 1
            while b > a and self.source[b - 1].isspace():
                b -= 1
            if a < b and any(ch.isalnum() for ch in self.source[a:b]):
                pieces.append(type(entry)(self.source[a:b], entry.rule, start=a, end=b, code=entry.code))
            pos = e
        return pieces


# ---- HTML ---------------------------------------------------------------------------------------

_HTML_CUE = re.compile(
    r"<(?:!doctype|html|head|body|p|div|br|li|ul|ol|h[1-6]|b|strong|em|i|u|span|table|tr|td|a|blockquote|section"
    r"|article|font)\b[^<>]{0,500}>", _I)
_BREAK_TAGS = frozenset("br".split())
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 blockquote section article header footer table tr td th ul ol pre title hr dd dt "
    "main nav aside figure figcaption form address center".split()
)
_HIDDEN_TAGS = frozenset("script style head template noscript svg".split())


class _Events(HTMLParser):
    """Every piece of an HTML text, with where it starts: ("data"|"ref"|"tag"|"hidden", start, tag name)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", source)]
        self.events: list[tuple[str, int, str]] = []
        self.hidden = 0

    def _at(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", self._at(), tag))
        if tag in _HIDDEN_TAGS:
            self.hidden += 1

    def handle_startendtag(self, tag, attrs):
        self.events.append(("start", self._at(), tag))

    def handle_endtag(self, tag):
        if tag in _HIDDEN_TAGS and self.hidden:
            self.hidden -= 1
        self.events.append(("end", self._at(), tag))

    def handle_data(self, data):
        self.events.append(("hidden" if self.hidden else "data", self._at(), ""))

    def handle_entityref(self, name):
        self.events.append(("hidden" if self.hidden else "ref", self._at(), ""))

    def handle_charref(self, name):
        self.events.append(("hidden" if self.hidden else "ref", self._at(), ""))

    def handle_comment(self, data):
        self.events.append(("markup", self._at(), ""))

    def handle_decl(self, decl):
        self.events.append(("markup", self._at(), ""))

    def handle_pi(self, data):
        self.events.append(("markup", self._at(), ""))

    def unknown_decl(self, data):
        self.events.append(("markup", self._at(), ""))


def _unwrap_html(u: Unwrapped) -> None:
    text = u.text
    if len(_HTML_CUE.findall(text[:20_000])) < 1 or ("</" not in text and "<br" not in text.lower()):
        return
    parser = _Events(text)
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # a parser that gives up leaves the text as it was
        return
    events = sorted(parser.events, key=lambda e: e[1])
    edits: list[tuple[int, int, str]] = []  # tags, entities and hidden text: markup
    spaces: list[tuple[int, int, str]] = []  # line breaks inside text, which HTML reads as spaces
    ordered: list[int] = []  # item numbers of the open <ol> lists
    for i, (kind, start, tag) in enumerate(events):
        end = events[i + 1][1] if i + 1 < len(events) else len(text)
        if end <= start:
            continue
        raw = text[start:end]
        if kind == "data":
            # HTML reads every run of whitespace as one space; line breaks come from the tags.
            flat = re.sub(r"[\r\n\t]", " ", raw)
            if flat != raw:
                spaces.append((start, end, flat))
            continue
        if kind == "ref":
            edits.append((start, end, html.unescape(raw)))
            continue
        new = ""
        if kind in ("start", "end"):
            if tag == "ol":
                ordered = ordered + [0] if kind == "start" else ordered[:-1]
            if tag in _BREAK_TAGS:
                new = "\n"
            elif tag == "li" and kind == "start":
                if ordered:
                    ordered[-1] += 1
                    new = f"\n{ordered[-1]}. "
                else:
                    new = "\n- "
            elif tag in _BLOCK_TAGS or tag == "li":
                new = "\n\n"
        edits.append((start, end, new))
    for a, b, _ in edits:
        if a < b:
            u.markup.append(Span(*u._span(a, b)))
    u._edit(edits + spaces, "html")
    _flatten_blank_runs(u)


def _flatten_blank_runs(u: Unwrapped) -> None:
    # Tags leave runs of blank lines and spaces around lines; one blank line is one paragraph break.
    edits = []
    for m in re.finditer(r"[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)+[ \t\u00a0]*|[ \t\u00a0]+\n[ \t\u00a0]*|\n[ \t\u00a0]+",
                         u.text):
        new = "\n\n" if m.group().count("\n") > 1 else "\n"
        if m.group() != new:
            edits.append((m.start(), m.end(), new))
    if edits:
        u.doc = u.doc.edit(edits, len(u.source))


# ---- Markdown -----------------------------------------------------------------------------------

# The closing "###" of a heading: tried only where a run of spaces starts, so a long run stays linear.
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|(?<![ \t])[ \t]+#{1,6}[ \t]*$", _M)
_MD_SECTION = re.compile(r"^[ \t]{0,3}#{2,6}[ \t]+(?P<words>[^\n#]{1,200}?)[ \t]*#*[ \t]*$", _M)
_MD_STRONG = re.compile(r"\*\*|__")
_MD_EMPHASIS = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])[^*_\n]{1,300}?(?<=[^\s*_\\])\1(?![\w*])")
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\s]{1,2000}(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_LINK = re.compile(r"\[(?P<label>[^\]\n]{1,300})\]\((?P<url>[^)\s]{1,2000})(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", _M)
_MD_CODE = re.compile(r"`+")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", _M)


def _unwrap_markdown(u: Unwrapped) -> None:
    text = u.text
    cues = [_MD_HEADING.search(text), _MD_STRONG.search(text), _MD_LINK.search(text), _MD_IMAGE.search(text)]
    if not any(cues):
        return
    removed, strip = [], []
    taken = bytearray(len(text))  # inside a link or picture already handled

    def free(m: re.Match) -> bool:
        return not taken[m.start()]

    # "## Why this matters": a section heading of a campaign page (level 2 and deeper; the top
    # heading is the converter's title, and a "Petition to ..." heading is the House's).
    for m in _MD_SECTION.finditer(text):
        words = m.group("words")
        if not PETITION_WORD.match(words) and len(words.split()) <= 12 and words.rstrip()[-1:] not in ".;:":
            removed.append((m.start(), m.end(), "R-STR-1", "section-heading"))
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _MD_IMAGE.finditer(text):
        removed.append((m.start(), m.end(), "R-ATT-1", "picture"))
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for m in _MD_LINK.finditer(text):
        if not free(m):
            continue
        # "[our site](https://x.ca)": the words stay, the brackets go, the address is a link (R-URL-1).
        strip.append((m.start(), m.start("label"), ""))
        strip.append((m.end("label"), m.end("label") + 1, ""))
        removed.append((m.end("label") + 1, m.end(), "R-URL-1", "links"))
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    for pattern in (_MD_HEADING, _MD_STRONG, _MD_RULE, _MD_CODE):
        strip.extend((m.start(), m.end(), "") for m in pattern.finditer(text) if m.end() > m.start() and free(m))
    for m in _MD_EMPHASIS.finditer(text):
        if free(m):
            strip.append((m.start(), m.start() + 1, ""))
            strip.append((m.end() - 1, m.end(), ""))
    _apply(u, strip, removed, "markdown")


def _apply(u: Unwrapped, strip, removed, fmt: str) -> None:
    """Strip markup and remove words in one edit of the text (their spans never overlap)."""
    spans = sorted({(a, b): (a, b, new) for a, b, new in strip}.values())
    out, last = [], -1
    words = [(a, b, "\n" if _whole_lines(u.text, a, b) else "", (r, c)) for a, b, r, c in removed]
    for edit in sorted([(a, b, new, None) for a, b, new in spans] + words):
        if edit[0] < last:
            continue
        out.append(edit)
        last = edit[1]
    new_removed = []
    for a, b, new, why in out:
        s, e = u._span(a, b)
        if why is None:
            if s < e:
                u.markup.append(Span(s, e))
        else:
            new_removed.append(Removed(u.source[s:e], why[0], start=s, end=e, code=why[1]))
    if new_removed and u.removed:
        # Whatever an earlier step took out from inside one of these is listed once, with it.
        cover = bytearray(len(u.source) + 1)
        for r in new_removed:
            cover[r.start:r.end] = b"\x01" * (r.end - r.start)
        u.removed = [r for r in u.removed if not (r.end > r.start and cover[r.start] and cover[r.end - 1])]
    u.removed.extend(new_removed)
    if out:
        u._edit([(a, b, new) for a, b, new, _ in out], fmt)


def _whole_lines(text: str, a: int, b: int) -> bool:
    """Does text[a:b] start a line (a removed line leaves a line break; a link inside one, nothing)?"""
    return a == 0 or text[a - 1] == "\n" or not text[text.rfind("\n", 0, a) + 1:a].strip()


# ---- Word bullets -------------------------------------------------------------------------------

# Symbol-font bullets Word and PDFs leave behind (private-use glyphs, arrows, boxes), and "o" + tab.
_WORD_BULLET = re.compile(r"^[ \t]*(?:[\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf06e\uf0a8ØüØ§➢➤►▶■□●○◆◇✓✔❖]|o(?=\t))[ \t]*", _M)


def _unwrap_word(u: Unwrapped) -> None:
    _apply(u, [(m.start(), m.end(), "- ") for m in _WORD_BULLET.finditer(u.text)], [], "word")


# ---- E-mail -------------------------------------------------------------------------------------

_HEADER = re.compile(
    r"^[ \t]*(?:from|sent|to|cc|bcc|subject|date|reply-to|de|envoyé|à|objet|date|répondre\s+à)[ \t]*:[ \t]*\S[^\n]*$",
    _I | _M,
)
_SEPARATOR = re.compile(
    r"^[ \t]*-{2,}[ \t]*(?:original\s+message|forwarded\s+message|message\s+d['’]origine|message\s+transf[ée]r[ée]|"
    r"courriel\s+d['’]origine)[ \t]*-*[ \t]*$|^[ \t]*_{10,}[ \t]*$",
    _I | _M,
)
_WROTE = re.compile(r"^[ \t]*(?:on\b[^\n]{4,200}\bwrote|le\b[^\n]{4,200}\ba\s+écrit)[ \t]*:[ \t]*$", _I | _M)
_QUOTED = re.compile(r"^[ \t]*>[^\n]*(?:\n[ \t]*>[^\n]*)*", _M)
_GREETING = re.compile(
    r"(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening)|bonjour|bonsoir|salut|allô|cher|chère|chers"
    r"|chères)\b[^\n]{0,60}$",
    _I,
)
_INTRO = re.compile(
    r"(?:here(?:['’]s|\s+is|\s+are)|below\s+(?:is|are)|please\s+find|attached\s+is|see\s+below|as\s+(?:promised|discussed)"
    r"|voici|ci-dessous|vous\s+trouverez)\b[^\n]{0,300}$",
    _I,
)
_SIGNOFF = re.compile(
    r"(?:thanks?|thank\s+you|many\s+thanks|cheers|best|regards|kind\s+regards|warm\s+regards|warmly|sincerely"
    r"|yours(?:\s+truly|\s+sincerely)?|take\s+care|in\s+solidarity|merci|cordialement|salutations|amitiés"
    r"|bien\s+à\s+(?:vous|toi)|à\s+bientôt)\b[^\n]{0,40}$",
    _I,
)
_SENT_FROM = re.compile(r"^[ \t]*(?:sent\s+from\s+my\b|envoyé\s+de\s+mon\b)[^\n]{0,60}$", _I | _M)
_SIG_DASHES = re.compile(r"^--[ \t]*$", _M)
SIGNOFF_LINES = 8  # a sign-off sits in the last few lines: the closing word, a name, a group, a phone


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _unwrap_email(u: Unwrapped) -> None:
    text = u.text
    removed: list[tuple[int, int, str, str]] = []
    header_cue = False
    # Header blocks: two or more header lines in a row, maybe under a "Forwarded message" line.
    lines = _lines(text)
    i = 0
    while i < len(lines):
        s, e = lines[i]
        run = i
        if _SEPARATOR.match(text, s, e):
            run += 1
        j = run
        while j < len(lines) and _HEADER.match(text, *lines[j]):
            j += 1
        if j - run >= 2:
            removed.append((s, lines[j - 1][1], "R-ATT-1", "email-header"))
            header_cue = True
            i = j
            continue
        i += 1
    wrote = list(_WROTE.finditer(text))
    quote_cue = header_cue or bool(wrote)
    for m in wrote:
        removed.append((m.start(), m.end(), "R-ATT-1", "email-quote"))
    quotes = list(_QUOTED.finditer(text))
    if quote_cue:
        removed.extend((m.start(), m.end(), "R-ATT-1", "email-quote") for m in quotes)
    strip = [] if quote_cue else [(m.start(), m.end(), "") for q in quotes for m in _MD_QUOTE.finditer(text, q.start(), q.end())]
    taken = lambda s, e: any(a < e and s < b for a, b, _, _ in removed)  # noqa: E731

    content = [(s, e) for s, e in _lines(text) if text[s:e].strip() and not taken(s, e)]
    # Greeting and "here is the text:" at the top.
    k = 0
    if content:
        s, e = _trim(text, *content[0])
        if _GREETING.fullmatch(text, s, e) and len(text[s:e].split()) <= 8 and not find_mention(text, s, e):
            removed.append((s, e, "R-STR-1", "email-greeting"))
            k = 1
    for s, e in content[k:k + 2]:
        s, e = _trim(text, s, e)
        if _INTRO.fullmatch(text, s, e) and len(text[s:e].split()) <= 40 and not taken(s, e):
            removed.append((s, e, "R-STR-1", "email-intro"))
            break
    # Sign-off: a closing word in the last lines, and the name, group or phone under it.
    tail = [c for c in content if not taken(*c)][-SIGNOFF_LINES:]
    for n, (s, e) in enumerate(tail):
        s, e = _trim(text, s, e)
        closing = (_SIGNOFF.fullmatch(text, s, e) and len(text[s:e].split()) <= 6) or _SIG_DASHES.match(text, s, e)
        rest = tail[n + 1:]
        if closing and all(len(text[a:b].split()) <= 8 for a, b in rest):
            removed.append((s, tail[-1][1], "R-STR-1", "email-signoff"))
            break
    for m in _SENT_FROM.finditer(text):
        if not taken(m.start(), m.end()):
            removed.append((m.start(), m.end(), "R-STR-1", "email-signoff"))
    if removed or strip:
        _apply(u, strip, removed, "email")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


# ---- PDF copies ---------------------------------------------------------------------------------

_PAGE_LINE = re.compile(
    r"^[ \t]*(?:(?:page|p\.)[ \t]*\d{1,4}(?:[ \t]*(?:of|/|de|sur)[ \t]*\d{1,4})?|-[ \t]*\d{1,4}[ \t]*-|\d{1,4}[ \t]*/[ \t]*\d{1,4}"
    r"|\d{1,4})[ \t]*$",
    _I | _M,
)
_HYPHEN = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[a-zàâçéèêëîïôûùüÿœæ])")
_STARTS_PART = re.compile(
    r"(?:[-–•*·▪◦]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]|whereas|attendu|that\b|que\b|we\b|nous\b|therefore|par\s+cons"
    r"|petition|pétition)", _I)
_END_PUNCT = ".;:!?"
# A line that closes a clause: end punctuation, or "; and" before the last clause.
_CLAUSE_CLOSE = re.compile(r"(?:[.;:!?]|[;,][ \t]*(?:and|et|or|ou))[\"'”’)\]]*$", _I)


def _unwrap_pdf(u: Unwrapped) -> None:
    text = u.text
    last = len(text.rstrip())
    pages = [m for m in _PAGE_LINE.finditer(text) if re.search(r"[a-z]", m.group(), _I) or _own_paragraph(text, m, last)]
    if pages:
        # A page break can fall inside a sentence, even inside a hyphenated word: the footer and
        # the blank lines around it go, and the lines on either side meet again.
        edits = []
        for m in pages:
            s, e = u._span(m.start(), m.end())
            u.removed.append(Removed(u.source[s:e], "R-STR-1", start=s, end=e, code="page-furniture"))
            a, b = m.start(), m.end()
            while a > 0 and text[a - 1].isspace():
                a -= 1
            while b < len(text) and text[b].isspace():
                b += 1
            if edits and a <= edits[-1][1]:
                a = edits[-1][0]
                edits.pop()
            edits.append((a, b, "\n" if a > 0 and b < len(text) else ""))
        u._edit(edits, "pdf")
        text = u.text
    lines = _lines(text)
    hyphens = list(_HYPHEN.finditer(text))
    hyphen_ends = {h.start() + 1 for h in hyphens}  # a line ending in a hyphen is joined by its own edit
    cue = bool(pages) or bool(hyphens)
    wide = max((e - s for s, e in lines), default=0)
    joins = []
    for (ps, pe), (s, e) in zip(lines, lines[1:]):
        ps, pe = _trim(text, ps, pe)
        s2, e2 = _trim(text, s, e)
        if ps >= pe or s2 >= e2 or _CLAUSE_CLOSE.search(text, ps, pe):
            continue
        if PETITION_WORD.match(text, ps, pe) or re.match(r"to\s", text[ps:pe], _I):
            continue  # the heading is a line of its own
        if pe in hyphen_ends:
            continue
        starts_part = _STARTS_PART.match(text, s2, e2)
        low = text[s2].islower() and not starts_part and pe - ps >= 40
        long = cue and pe - ps >= max(40, 0.6 * wide) and not starts_part
        if low or long:
            joins.append((pe, s2, " "))
    if cue:
        _apply(u, [(h.start(), h.end(), "") for h in hyphens] + joins, [], "pdf")
    elif joins:
        # Lines that go on in lower case are one sentence, whatever the paste came from.
        u.doc = u.doc.edit(sorted(joins), len(u.source))


def _own_paragraph(text: str, m: re.Match, last: int) -> bool:
    """A bare number is a page number only on a line of its own between blank lines or at the very end."""
    i = m.start()
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = m.end()
    while j < len(text) and text[j] in " \t":
        j += 1
    blank_before = i == 0 or text[max(0, i - 2):i] == "\n\n"
    blank_after = j >= last or text[j:j + 2] == "\n\n"
    return blank_before and blank_after


# ---- English and French -------------------------------------------------------------------------

_PARAGRAPH = re.compile(r"\S(?:[^\n]|\n(?![ \t]*\n))*")
_PETITION_CUE = re.compile(
    r"p[ée]tition|whereas|attendu|undersigned|soussign|call\s+(?:up)?on|demandons|prions|we\s+ask|nous\s+demandons", _I)
MIN_VERSION_WORDS = 12


_EN_HINT = re.compile(r"\b(?:the|and|of|to)\b", _I)
_FR_HINT = re.compile(r"\b(?:les|des|du|est|et|que)\b", _I)


def _at_least(pattern: re.Pattern, text: str, n: int) -> bool:
    """Whether `pattern` occurs n times in the first 20,000 characters (stops at the n-th, as every check asks)."""
    return len(list(islice(pattern.finditer(text, 0, 20_000), n))) >= n


def _unwrap_bilingual(u: Unwrapped, chosen: str | None) -> None:
    text = u.text
    if not (_at_least(_EN_HINT, text, 5) and _at_least(_FR_HINT, text, 5)):
        return  # one language only: no need to tell each paragraph's
    paragraphs = [(m.start(), m.end(), detect_language(m.group())) for m in _PARAGRAPH.finditer(text)]
    langs = [lang for _, _, lang in paragraphs if lang in ("en", "fr")]
    if "en" not in langs or "fr" not in langs:
        return
    # One run per language: EN... then FR... (or FR then EN); a paragraph neither language claims
    # goes with the run it sits in.
    runs: list[list] = []
    for s, e, lang in paragraphs:
        s, e = _trim(text, s, e)
        if runs and (lang is None or lang == runs[-1][2] or runs[-1][2] is None):
            runs[-1][1] = e
            runs[-1][2] = runs[-1][2] or lang
        else:
            runs.append([s, e, lang])
    if len(runs) != 2 or {runs[0][2], runs[1][2]} != {"en", "fr"}:
        return
    for s, e, _ in runs:
        if len(text[s:e].split()) < MIN_VERSION_WORDS or not _PETITION_CUE.search(text, s, e):
            return
    keep = chosen if chosen in ("en", "fr") else runs[0][2]
    other = next(r for r in runs if r[2] != keep)
    u.notes.append(Note(f"other-version-{other[2]}"))
    _apply(u, [], [(other[0], other[1], "R-LANG-3", f"other-version-{other[2]}")], "bilingual")


def unwrap(text: str, language: str | None = None) -> Unwrapped:
    """The text inside whatever the paste was wrapped in; `language` picks the version of a bilingual paste."""
    u = Unwrapped(source=text, doc=Doc.of(text))
    steps = ((_unwrap_html, "unwrapped-html"), (_unwrap_markdown, "unwrapped-markdown"), (_unwrap_word, "unwrapped-word"),
             (_unwrap_email, "unwrapped-email"), (_unwrap_pdf, "unwrapped-pdf"))
    for step, note in steps:
        before = len(u.formats)
        step(u)
        if len(u.formats) > before:
            u.notes.append(Note(note))
    _unwrap_bilingual(u, language)
    return u


__all__ = ["unwrap", "Unwrapped", "Doc"]
