"""The paper petition: page 1 with the whole text and a signature grid, then
continuation sheets that repeat the addressee line and the prayer (R-PRAY-5).

Fast path: every continuation sheet is the same page, so page 1 and ONE
continuation sheet are laid out, and that page object is repeated with
`Document.copy`. Page numbers differ per page; they come from a document of empty
pages that carries only the page-number margin boxes (cheap to lay out, and the
same for every petition, so it is cached by size, language and sheet count), and
each output page is the content of its sheet plus the margin boxes of its number.
"""
from __future__ import annotations

import copy
import math
import re
from dataclasses import dataclass, field

import pydyf
import regex
from weasyprint.formatting_structure import boxes

from petition.catalogue import copy_in
from petition.fingerprint import printed_text as _engine_printed_text, sha256_of, short
from petition.formulae import GRIEVANCE_OPENER, prayer_formula, render
from petition.limits import (
    ADVISED_PAPER_SIGNATURES, DEFAULT_PAPER_SIZE, MAX_SHEETS, MIN_SHEETS, MIN_SIGNATURE_ROWS_ON_FIRST_PAGE,
    PAPER_SIZES,
)
from petition.model import Finding, Petition
from petition import rules

from . import renderer
from .cache import cache_key
from .store import FileStore

CSS = ("base", "paper")
# A row is 0.4in tall (paper.css); this bounds how many rows a page can hold, so the
# probe layouts overflow by a row or two and no more.
_ROW_IN = 0.4


class PaperRefused(Exception):
    """The petition cannot be printed as it stands; `findings` says why."""

    def __init__(self, findings: list[Finding]):
        self.findings = list(findings)
        super().__init__("; ".join(f"{f.rule}: {f.message}" for f in self.findings))


@dataclass
class PaperParts:
    heading: str
    grievance_lines: list[str]
    prayer_sentence: str
    text: str  # the whole petition text exactly as rendered
    # A bilingual sheet: the organizer's version in the other language, printed beside or after this one.
    second: "PaperParts | None" = None
    second_language: str | None = None


@dataclass
class PaperPDF:
    pdf: bytes
    text_sha256: str  # what the draft records as the printed version
    size: str
    language: str
    sheets: int
    rows_first_page: int
    rows_per_sheet: int
    signature_rows: int = field(init=False)

    def __post_init__(self):
        self.signature_rows = self.rows_first_page + self.rows_per_sheet * (self.sheets - 1)


def paper_parts(petition: Petition) -> PaperParts:
    rendered = render(petition)
    text, spans = rendered.text, rendered.spans
    heading = text[spans["addressee"].start:spans["addressee"].end]
    opening, _ = prayer_formula(petition)
    prayer_start = spans["petitioners"].start - len(opening)
    middle = text[spans["addressee"].end:prayer_start]
    grievance_lines = [line for line in middle.splitlines() if line.strip()]
    second = petition.second()
    return PaperParts(heading, grievance_lines, text[prayer_start:], text,
                      second=paper_parts(second) if second else None,
                      second_language=second.language if second else None)


# A bilingual sheet puts the two versions side by side on these sizes; on the narrower ones, one after the other.
SIDE_BY_SIDE_SIZES = ("legal", "tabloid")


def _printed(parts: PaperParts) -> str:
    """The text these parts print: the same serialisation as petition.fingerprint.printed_text (a test holds
    them equal), from parts already rendered."""
    return parts.text + ("\n\n" + parts.second.text if parts.second else "")


def printed_text(petition: Petition) -> str:
    """The petition text the sheets carry: with a second-language version, both (first, blank line, second)."""
    return _engine_printed_text(petition)


def text_sha256(petition: Petition) -> str:
    return sha256_of(printed_text(petition))


def _with_language(petition: Petition, language: str | None) -> Petition:
    if language and language != petition.language:
        petition = copy.deepcopy(petition)
        petition.language = language
    return petition


def _context(petition: Petition, first_rows: int, sheets: list[int], blank_pages: int = 0,
             size: str = DEFAULT_PAPER_SIZE) -> dict:
    return _parts_context(paper_parts(petition), petition.language, first_rows, sheets, blank_pages, size)


def _parts_context(parts: PaperParts, language: str, first_rows: int, sheets: list[int],
                   blank_pages: int = 0, size: str = DEFAULT_PAPER_SIZE) -> dict:
    second = parts.second
    digest = sha256_of(_printed(parts))
    ctx = {
        "lang": copy_in(language).lang, "title": f"{parts.heading}", "parts": parts,
        "text_sha256": digest, "mark": short(digest),
        "first_rows": first_rows, "sheets": _numbered(sheets), "blank_pages": blank_pages,
        # The bilingual sheet: the second-language version beside (or after) the first, with its own lang.
        "second": second,
        "second_lang": parts.second_language if second else None,
        "arrangement": "side-by-side" if size in SIDE_BY_SIDE_SIZES else "one-after-the-other",
    }
    if second:
        # The second version's headings speak its own language, from the same catalogue.
        words = renderer.gettext_functions(copy_in(parts.second_language))
        ctx.update({"_2": words["_"], "copy2": words["copy"]})
    return ctx


def _numbered(sheets) -> list[tuple[int, int | None]]:
    """Each continuation sheet as (rows, number of its first row); a bare count leaves its numbers blank (the
    shared sheet of the fast path, whose numbers are stamped per page: see _stamps)."""
    return [sheet if isinstance(sheet, tuple) else (sheet, None) for sheet in sheets]


def _rows_upper_bound(size: str) -> int:
    return math.ceil(PAPER_SIZES[size]["points"][1] / 72 / _ROW_IN) + 1


def _walk(page):
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        yield box
        stack.extend(getattr(box, "children", ()))


def _rows_on(page) -> int:
    return sum(1 for box in _walk(page) if isinstance(box, boxes.TableRowBox) and box.element is not None
               and box.element.get("class") == "row")


def _text_on(page) -> bool:
    return any(isinstance(box, boxes.LineBox) for box in _walk(page))


def _probe_html(parts: PaperParts, language: str, size: str, which: str, rows: int | None = None) -> str:
    """Page 1 or one continuation sheet asking for more rows than any page holds: the rows that
    land on the first page are the rows that fit, measured, not estimated."""
    rows = rows or _rows_upper_bound(size)
    ctx = (_parts_context(parts, language, rows, [], size=size) if which == "first"
           else _parts_context(parts, language, 0, [rows], size=size))
    return renderer.html_string("pdf/paper.html", **ctx)


def _probe_layout(parts: PaperParts, language: str, size: str, which: str):
    """A probe laid out with a row or two more than its page 1 holds.

    Asking for the rows of an empty page spilled them over more pages than needed: after a
    page 1 full of text, or on every page of a sheet whose repeated text takes most of the
    page (2,000 emoji: six pages laid out for one). So three rows go first, and the room left
    under them gives the count. Page 1 is the same whatever the number of rows that follow.
    """
    bound = _rows_upper_bound(size)
    asked = MIN_SIGNATURE_ROWS_ON_FIRST_PAGE
    while True:
        doc = renderer.layout(_probe_html(parts, language, size, which, asked), CSS, size)
        page = doc.pages[0]
        rows = [box for box in _walk(page) if isinstance(box, boxes.TableRowBox) and box.element is not None
                and box.element.get("class") == "row"]
        if len(rows) < asked or asked >= bound:
            return doc
        last = max(rows, key=lambda row: row.position_y)
        height = last.margin_height()
        room = page._page_box.content_box_y() + page._page_box.height - (last.position_y + height)
        asked = min(bound, max(asked * 2, len(rows) + int(room // height) + 2 if height > 0 else bound))


# About what page 1 holds, in units per square inch of paper: a character is a unit, a line
# break the width of a line (_LINE_UNITS); 10.5pt serif text fills page 1 at 45 to 50
# characters per square inch (measured). A probe of page 1 first lays out 1.5 times that much
# of the text; when even that leaves rows on page 1, it doubles and tries again.
_UNITS_PER_SQUARE_INCH = 50
_LINE_UNITS = 80
_GRAPHEME = regex.compile(r"\X")


_MARK = regex.compile(r"\p{M}")


def _units(piece: str) -> int:
    """Combining marks take no room of their own: a letter under sixteen accents is one unit."""
    return len(piece) - len(_MARK.findall(piece)) + _LINE_UNITS * (piece.count("\n") + 1)


def _budget(size: str) -> int:
    width, height = PAPER_SIZES[size]["points"]
    return int(width * height / 72 / 72 * _UNITS_PER_SQUARE_INCH)


def _cut(piece: str, budget: int) -> str:
    """The start of `piece` within `budget` units, cut at a line break or between two graphemes
    (never inside an emoji sequence or an accented letter, which could lay out wider than whole)."""
    kept, left = [], budget
    for line in piece.split("\n"):
        if _units(line) <= left:
            kept.append(line)
            left -= _units(line)
            continue
        chars, units = 0, 0
        for match in _GRAPHEME.finditer(line):
            units += _units(match.group()) - _LINE_UNITS
            if units > left - _LINE_UNITS:
                break
            chars += len(match.group())
        kept.append(line[:chars])
        break
    return "\n".join(kept)


def _prefix(parts: PaperParts, budget: int) -> PaperParts | None:
    """The start of the petition text within `budget` units; None when the whole text is within it."""
    pieces = [parts.heading, *parts.grievance_lines, parts.prayer_sentence]
    if sum(_units(piece) for piece in pieces) <= budget:
        return None
    kept, left = [], budget
    for piece in pieces:
        if _units(piece) <= left:
            kept.append(piece)
            left -= _units(piece)
        else:
            kept.append(_cut(piece, left))
            break
    heading, rest = kept[0], kept[1:]
    grievances = rest[:len(parts.grievance_lines)]
    prayer = rest[len(parts.grievance_lines)] if len(rest) > len(parts.grievance_lines) else ""
    return PaperParts(heading, [line for line in grievances if line.strip()], prayer,
                      "\n".join([heading, *grievances, prayer]))


def _rows_key(parts: PaperParts, language: str, size: str, which: str) -> tuple[str, str]:
    """(probe HTML, key): the key hashes the exact probe HTML (text, language, labels) and the renderer's
    fingerprint (templates, stylesheets, fonts, WeasyPrint), so any worker may reuse what another measured."""
    html = _probe_html(parts, language, size, which)
    return html, renderer.shared_key("paper-rows", which, html, size)


def _measure_first(parts: PaperParts, language: str, size: str) -> bool:
    """True when the text certainly leaves no row on page 1, decided from a prefix of it.

    Page 1 of a 20,000-character text would otherwise be found by laying out all of its
    ten pages. If a prefix of the text already runs past page 1, the whole text does too
    (more text never takes less room), so page 1 holds 0 rows. A prefix that fits is
    doubled until it runs past page 1 or is the whole text.
    """
    budget = _budget(size) * 3 // 2
    while (prefix := _prefix(parts, budget)) is not None:
        # Three rows: page 1 holds none of them exactly when it holds none of the probe's many.
        doc = renderer.layout(_probe_html(prefix, language, size, "first", MIN_SIGNATURE_ROWS_ON_FIRST_PAGE),
                              CSS, size)
        if _rows_on(doc.pages[0]) == 0 and len(doc.pages) > 1 and _text_on(doc.pages[1]):
            return True
        budget *= 2
    return False


def _rows(petition: Petition, size: str, which: str, store: FileStore | None = None) -> int:
    """Signature rows on page 1 (`which`="first") or on a continuation sheet ("sheet"), measured once
    per text, language and size: kept in this process and in the shared `store` (pdf.store)."""
    parts = paper_parts(petition)
    html, key = _rows_key(parts, petition.language, size, which)
    memory = renderer.state()["rows"]
    rows = memory.get(key)
    if rows is None and store is not None:
        stored = store.get(key)
        rows = int(stored) if stored is not None and stored.isdigit() else None
    if rows is None:
        if which == "first" and _measure_first(parts, petition.language, size):
            rows = 0
        else:
            rows = _rows_on(_document(parts, petition.language, size, which, html, key).pages[0])
        if store is not None:
            store.put(key, str(rows).encode())
    memory.put(key, rows)
    return rows


def _document(parts: PaperParts, language: str, size: str, which: str, html: str, key: str):
    """A probe laid out, kept in this process for the sheets' fast path (paper_pdf)."""
    layouts = renderer.state()["layouts"]
    doc = layouts.get(key)
    if doc is None:
        doc = _probe_layout(parts, language, size, which)
        layouts.put(key, doc)
    return doc


def _layout_once(petition: Petition, size: str, which: str):
    """(document, rows on its first page) for page 1 or one continuation sheet."""
    parts = paper_parts(petition)
    html, key = _rows_key(parts, petition.language, size, which)
    doc = _document(parts, petition.language, size, which, html, key)
    return doc, _rows_on(doc.pages[0])


def _layouts(petition: Petition, size: str):
    """(page 1, one continuation sheet, rows on each)."""
    first, first_rows = _layout_once(petition, size, "first")
    sheet, sheet_rows = _layout_once(petition, size, "sheet")
    return first, sheet, first_rows, sheet_rows


def _fit_finding(code: str, language: str, **values) -> Finding:
    entry = rules.entry(code)
    return Finding(rule=entry["rule"], severity=entry["severity"], part="paper", code=code,
                   message=rules.message(code, language, **values))


def _size_name(size: str, language: str) -> str:
    """'Letter (8.5 x 11 in)' / 'lettre (8,5 x 11 po)', as a finding names it mid-sentence."""
    return copy_in(language).gettext(PAPER_SIZES[size]["label"])


def _larger_sizes(size: str) -> list[str]:
    """The accepted sizes with more room than `size`, smallest first."""
    def area(name: str) -> float:
        width, height = PAPER_SIZES[name]["points"]
        return width * height
    return sorted((name for name in PAPER_SIZES if area(name) > area(size)), key=area)


def _either(names: list[str], language: str) -> str:
    """'legal or tabloid' / 'légal ou tabloïd'."""
    copy = copy_in(language)
    return copy.either([copy.gettext(PAPER_SIZES[n]["short"]) for n in names])


def fit_findings(petition: Petition, size: str = DEFAULT_PAPER_SIZE, sheets: int | None = None,
                 store: FileStore | None = None) -> list[Finding]:
    """R-PAP-4 / R-PRAY-5 measured with the real layout: does the text leave room for signatures?

    With `sheets=1` there is no continuation sheet, so only page 1 is measured. The advice
    names only the sizes larger than `size`; on the largest, the text must be shortened.
    `store` shares the measurements with the other worker processes.
    """
    findings = []
    language = petition.language
    larger = _larger_sizes(size)
    values = {"size": _size_name(size, language), "need": MIN_SIGNATURE_ROWS_ON_FIRST_PAGE,
              "larger": _either(larger, language) if larger else ""}
    suffix = "" if larger else "-largest"
    first_rows = _rows(petition, size, "first", store)
    if first_rows < MIN_SIGNATURE_ROWS_ON_FIRST_PAGE:
        findings.append(_fit_finding("paper-first-page-full" + suffix, language, rows=first_rows, **values))
    if sheets == 1:
        return findings
    sheet_rows = _rows(petition, size, "sheet", store)
    if sheet_rows < MIN_SIGNATURE_ROWS_ON_FIRST_PAGE:
        findings.append(_fit_finding("paper-prayer-too-long-to-repeat" + suffix, language, rows=sheet_rows, **values))
    return findings


def _fits(petition: Petition, size: str, store: FileStore | None) -> bool:
    """fit_findings(...) == [], without measuring the sheet when page 1 already fails."""
    return (_rows(petition, size, "first", store) >= MIN_SIGNATURE_ROWS_ON_FIRST_PAGE
            and _rows(petition, size, "sheet", store) >= MIN_SIGNATURE_ROWS_ON_FIRST_PAGE)


def size_that_fits(petition: Petition, store: FileStore | None = None) -> str | None:
    """The default size if the petition fits it, else the smallest larger size that does; None if none does."""
    sizes = [DEFAULT_PAPER_SIZE, *_larger_sizes(DEFAULT_PAPER_SIZE)]
    # Each larger size is wider and taller than the ones before it, so a page 1 that has no room
    # on the largest has none on any: for a text longer than one page of the default size, one
    # measurement on the largest answers before any other is made.
    if (_prefix(paper_parts(petition), _budget(DEFAULT_PAPER_SIZE)) is not None
            and _rows(petition, sizes[-1], "first", store) < MIN_SIGNATURE_ROWS_ON_FIRST_PAGE):
        return None
    for size in sizes:
        if _fits(petition, size, store):
            return size
    return None


def paper_fit_report(petition: Petition, store: FileStore | None = None) -> list[Finding]:
    """What a reviewer needs to know before printing on the default size (Letter).

    Nothing when it fits; a warning naming the smallest size that fits when Letter is too
    small (the organizer picks the size when printing); the errors when no size fits.
    """
    fits = size_that_fits(petition, store)
    if fits == DEFAULT_PAPER_SIZE:
        return []
    if fits is None:
        return fit_findings(petition, _larger_sizes(DEFAULT_PAPER_SIZE)[-1], store=store)
    language = petition.language
    return [_fit_finding("paper-fits-larger-size", language, size=_size_name(DEFAULT_PAPER_SIZE, language),
                         fits=_size_name(fits, language))]


def default_sheets(rows_first_page: int, rows_per_sheet: int) -> int:
    """Enough sheets for the signatures advised (R-SIG-1: 30-35, some get disqualified)."""
    target = ADVISED_PAPER_SIGNATURES[1]
    extra = max(0, target - rows_first_page)
    return max(MIN_SHEETS, 1 + math.ceil(extra / max(rows_per_sheet, 1)))


def _check_options(size: str, sheets: int | None) -> None:
    if size not in PAPER_SIZES:
        raise ValueError(f"paper size must be one of {', '.join(PAPER_SIZES)} (R-PAP-2), not {size!r}")
    if sheets is not None and not (MIN_SHEETS <= sheets <= MAX_SHEETS):
        raise ValueError(f"sheets must be between {MIN_SHEETS} and {MAX_SHEETS}, not {sheets}")


def _refuse_errors(findings) -> None:
    errors = [f for f in findings if f.severity == "error"]
    if errors:
        raise PaperRefused(errors)


# Pages 1 to 10 are laid out as they print; a later page's number is drawn from the page of as many digits laid out
# first (10, 100, ...) with its digits' glyphs replaced (_share_sheet), as the row numbers are.
_NATIVE_PAGES = 10


def _number_source(page: int) -> int:
    """Which laid-out page (0-based) of _numbers draws page number `page` (1-based)."""
    return page - 1 if page <= _NATIVE_PAGES else _NATIVE_PAGES - 3 + len(str(page))


def _numbers(language: str, size: str, pages: int) -> list:
    """`pages` empty pages carrying only their 'Page i' margin box: pages 1 to 10 as they are, and for each later
    page the page of its digit count (10, 100, ...), whose number _share_sheet replaces by glyph.

    The labels say "Page i", not "Page i of N", so one layout of a dozen pages serves every sheet count (laying
    out one page per sheet cost about 6 ms a sheet) and every petition.
    """
    key = cache_key("paper-numbers", language, size)
    layouts = renderer.state()["numbers"]
    doc = layouts.get(key)
    if doc is None:
        ctx = {"lang": language, "title": "", "parts": None, "text_sha256": "", "mark": "", "second": None,
               "first_rows": 0, "sheets": [], "blank_pages": _number_source(MAX_SHEETS) + 1}
        # Page 11 reads 100, page 12 reads 1000, ...: one page for each digit count past 2.
        resets = "".join(f"@page :nth({_NATIVE_PAGES + digits - 2}) {{ counter-reset: page {10 ** (digits - 1)} }}"
                         for digits in range(3, len(str(MAX_SHEETS)) + 1))
        html = renderer.html_string("pdf/paper.html", **ctx).replace("</head>", f"<style>{resets}</style></head>", 1)
        doc = renderer.layout(html, CSS, size)
        layouts.put(key, doc)
    return [doc.pages[_number_source(page)] for page in range(1, pages + 1)]


def _row_boxes(page) -> list:
    rows = [box for box in _walk(page) if isinstance(box, boxes.TableRowBox) and box.element is not None
            and box.element.get("class") == "row"]
    return sorted(rows, key=lambda row: row.position_y)


def _row_geometry(sheet_page, first_page) -> tuple[float, float, float, float, float]:
    """(x, top, pitch, width, line height) of the number cells on the shared continuation sheet, in CSS px:
    where the first number's line starts, how far apart the rows are (every row is the same height, paper.css),
    the cell's width, and the height of one line of its text, measured on page 1 (whose cells are numbered)."""
    rows = _row_boxes(sheet_page)
    cell = rows[0].children[0]
    pitch = rows[1].position_y - rows[0].position_y if len(rows) > 1 else rows[0].height
    numbered = _row_boxes(first_page)[0].children[0]
    line = next(box for box in _walk(_AsPage(numbered)) if isinstance(box, boxes.LineBox))
    return cell.content_box_x(), cell.content_box_y(), pitch, cell.width, line.height


class _AsPage:
    """A box seen as a page's box, for _walk."""

    def __init__(self, box):
        self._page_box = box


# What the row-number template's every line reads: each digit once, so the template gives every digit's glyph (and
# puts every digit in the PDF's font subset, with its Unicode mapping, whatever numbers the sheets carry).
_DIGITS = "0123456789"


def _stamps(size: str, mark: str, geometry, rows: int) -> tuple:
    """(marks, template): pages carrying only margin boxes, laid out once per text and size whatever the sheet count.

    `marks` carries the text's fingerprint `mark` (paper.css places it), the same on every page. `template` (None
    without a continuation sheet) carries `rows` lines of _DIGITS drawn exactly over the shared sheet's empty
    number cells; it is never printed: each continuation sheet's numbers are its stream with each line's glyphs
    replaced by those of the line's number (_share_sheet). Laying out (and drawing) a layer of numbers per sheet
    cost about 11 ms a sheet; a digit is one glyph of one advance (DejaVu Sans' digits are tabular), so a number's
    glyphs, placed from the line's start, are exactly what laying the number out would draw.

    Every continuation sheet is one shared page (the fast path), so its numbers cannot be in it; a margin box is
    never part of the structure tree (WeasyPrint keeps it out), so the numbers join each page as marks, like the
    page number. The numbers' box is one row apart per line, each line as tall as a row and its text centred in
    it: the page's top margin is set so the first line's text sits where the cell puts it (`geometry`,
    _row_geometry). Only the top and left margins move; the mark, at the bottom right, keeps the sheet's."""
    key = cache_key("paper-stamps", size, mark, geometry, rows)
    layouts = renderer.state()["numbers"]
    doc = layouts.get(key)
    if doc is None:
        rules = f'@page {{ @bottom-right {{ content: "{mark}"; }} }} div + div {{ break-before: page; }}'
        if geometry is not None:
            x, top, pitch, width, line = geometry
            rules += (f'@page {{ margin-top: {top - (pitch - line) / 2}px !important; '
                      f'margin-left: {x + width}px !important; '
                      f'@left-top {{ content: string(rows); font: 7.5pt "DejaVu Sans", sans-serif; '
                      f'line-height: {pitch}px; white-space: pre; text-align: left; vertical-align: top; '
                      f'padding: 0 0 0 {x}px; }} }} div {{ string-set: rows attr(data-rows); }}')
        pages = '<div data-rows=""></div>' + (
            '<div data-rows="{}"></div>'.format("&#10;".join([_DIGITS] * rows)) if geometry is not None else "")
        html = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title></title><style>{rules}</style>'
                f'</head><body>{pages}</body></html>')
        doc = renderer.layout(html, CSS, size)
        layouts.put(key, doc)
    marks = doc.pages[0]
    template = None
    if geometry is not None:
        # Only the numbers: the template's own mark would be drawn (and read by text extraction) for nothing.
        box = copy.copy(doc.pages[1]._page_box)
        box.children = [c for c in _margins(doc.pages[1]) if getattr(c, "at_keyword", "") == "@left-top"]
        template = copy.copy(doc.pages[1])
        template._page_box = box
    return marks, template


def _margins(page) -> list:
    return [c for c in page._page_box.children if isinstance(c, boxes.MarginBox)]


# The order marks from two layers are drawn in: as on a page laid out whole, the row numbers (in the grid, drawn
# with the page), then the page number, then the fingerprint; text extraction reads them in this order.
_MARK_ORDER = {"@left-top": 0, "@bottom-center": 1, "@bottom-right": 2}


def _in_order(margins: list) -> list:
    return sorted(margins, key=lambda box: _MARK_ORDER.get(getattr(box, "at_keyword", ""), len(_MARK_ORDER)))


def _with_margins(content_page, margins):
    """The content of one page with the given margin boxes (its page number, or none)."""
    box = copy.copy(content_page._page_box)
    box.children = [c for c in content_page._page_box.children if not isinstance(c, boxes.MarginBox)] + margins
    page = copy.copy(content_page)
    page._page_box = box
    return page


def _only_margins(page, more=()):
    box = copy.copy(page._page_box)
    box.children = _in_order([*more, *_margins(page)])
    only = copy.copy(page)
    only._page_box = box
    return only


def _as_artifact(stream) -> None:
    """Turn a page-number stream's tagged text into an artifact (it joins a page whose MCIDs are the sheet's)."""
    items = stream.stream
    for i, item in enumerate(items):
        if item == b"BDC" and i >= 2 and hasattr(items[i - 1], "get") and "MCID" in items[i - 1]:
            items[i - 2], items[i - 1], items[i] = "/Artifact", b"", b"BMC"


_GLYPHS = re.compile(rb"^\[(.*)\] TJ$", re.S)
_GLYPH = re.compile(rb"<[0-9a-fA-F]+>[-0-9.]+")


def _numbered_stream(template, digits: dict, numbers) -> pydyf.Stream:
    """The template's stream with line i drawing the glyphs of numbers[i]."""
    lines = iter(numbers)
    items = [b"[" + b"".join(digits[d] for d in str(next(lines))) + b"] TJ"
             if isinstance(item, bytes) and _GLYPHS.match(item) else item for item in template.stream]
    return pydyf.Stream(items, compress=template.compress)


def _digit_glyphs(template, rows: int) -> dict:
    """Each digit's glyph (with its advance adjustment) as the template draws it, from its lines of _DIGITS."""
    shown = [_GLYPHS.match(item) for item in template.stream if isinstance(item, bytes)]
    glyphs = [_GLYPH.findall(match.group(1)) for match in shown if match]
    # Every line is _DIGITS, one glyph a digit, no kerning between them: else a number's glyphs would not be the
    # digits' glyphs side by side, and the numbers could not be placed by position.
    if len(glyphs) != rows or any(line != glyphs[0] for line in glyphs) or len(glyphs[0]) != len(_DIGITS):
        raise RuntimeError(f"row-number template: {len(glyphs)} lines, not {rows} lines of one glyph a digit")
    return dict(zip(_DIGITS, glyphs[0]))


def _shown(stream) -> list:
    """The glyphs (each with its advance adjustment) of the first text a stream shows."""
    first = next(match for item in stream.stream if isinstance(item, bytes) and (match := _GLYPHS.match(item)))
    return _GLYPH.findall(first.group(1))


def _renumber(stamps: dict) -> None:
    """Page numbers past 10 from the page of their digit count (_numbers): `stamps` maps each page number from 2 to
    the last to its marks stream, whose first text is its 'Page i'. Pages 2 to 10 as laid out give each digit's
    glyph; a page drawn from 10, 100, ... has that number's glyphs replaced by its own."""
    if len(stamps) < _NATIVE_PAGES:
        return
    shown = {page: _shown(stamps[page]) for page in range(2, _NATIVE_PAGES + 1)}
    digits = {str(page): shown[page][-1] for page in range(2, _NATIVE_PAGES)}
    digits["1"], digits["0"] = shown[_NATIVE_PAGES][-2:]
    for page in range(_NATIVE_PAGES + 1, max(stamps) + 1):
        stream, source = stamps[page], str(10 ** (len(str(page)) - 1))
        glyphs = _shown(stream)
        # The number is the label's last glyphs, one a digit, without kerning: else it could not be placed by glyph.
        label = shown[_NATIVE_PAGES - 1][:-1]  # 'Page ' as page 9 draws it
        if glyphs[-len(source):] != [digits[d] for d in source] or glyphs[:-len(source)] != label:
            raise RuntimeError(f"page number {page}: its label is not 'Page {source}' drawn one glyph a digit")
        at = next(i for i, item in enumerate(stream.stream) if isinstance(item, bytes) and _GLYPHS.match(item))
        stream.stream[at] = b"[" + b"".join(label + [digits[d] for d in str(page)]) + b"] TJ"


def _share_sheet(first_row: int, rows: int):
    """write_pdf finisher: pages are [page 1, bare sheet, marks 2, ..., marks N, row-number template], marks k
    carrying 'Page k' (past 10, from the page of its digit count: _renumber) and the text's fingerprint.

    Every continuation page becomes the one sheet content stream, its own row numbers (the template's stream with
    its numbers' glyphs, _stamps) and its own page-number and mark stream, so painting, tagging and compressing
    the sheet happen once whatever the sheet count. The repeated pages share the sheet's structure entries
    (StructParents): a screen reader finds the same table on each. Sheet k (2, 3, ...) numbers its rows from
    first_row + (k - 2) * rows.
    """
    def finish(document, pdf) -> None:
        kids = pdf.pages["Kids"]
        numbers = kids[::3]
        template = pdf.objects[int(pdf.objects[numbers[-1]]["Contents"].split()[0])]
        _as_artifact(template)
        digits = _digit_glyphs(template, rows)
        del kids[-3:]  # the template is never printed
        pdf.pages["Count"] -= 1
        sheet = pdf.objects[numbers[1]]
        # Each stream starts by flipping the coordinate system; save and restore the
        # graphics state around the sheet and the numbers so the page's marks are not flipped twice.
        save, restore = pydyf.Stream([b"q"]), pydyf.Stream([b"Q"])
        pdf.add_object(save)
        pdf.add_object(restore)
        sheet_stream = [save.reference, sheet["Contents"], restore.reference]
        _renumber({position: pdf.objects[int(pdf.objects[number]["Contents"].split()[0])]
                   for position, number in enumerate(numbers[2:-1], start=2)})
        for position, number in enumerate(numbers[2:-1], start=2):
            page = pdf.objects[number]
            stamp_ref = page["Contents"]
            _as_artifact(pdf.objects[int(stamp_ref.split()[0])])
            start = first_row + (position - 2) * rows
            row_stream = _numbered_stream(template, digits, range(start, start + rows))
            pdf.add_object(row_stream)
            contents = pydyf.Array([*sheet_stream, save.reference, row_stream.reference, restore.reference,
                                    stamp_ref])
            if position == 2:
                sheet["Contents"] = contents
            else:
                page["Contents"] = contents
                if "StructParents" in sheet:
                    page["StructParents"] = sheet["StructParents"]
        del kids[6:9]  # the number-2 page now lives inside the sheet page
        pdf.pages["Count"] -= 1
    return finish


def paper_pdf(petition: Petition, *, findings=(), size: str = DEFAULT_PAPER_SIZE, sheets: int | None = None,
              language: str | None = None, store: FileStore | None = None) -> PaperPDF:
    """The printable paper petition; raises PaperRefused (with findings) or ValueError (bad options).

    `store` shares the measurements and the PDF with the other worker processes: a PDF any of
    them made is read back, not laid out again.
    """
    _check_options(size, sheets)
    _refuse_errors(findings)
    petition = _with_language(petition, language)
    _refuse_errors(fit_findings(petition, size, sheets, store))
    first_rows = _rows(petition, size, "first", store)
    sheet_rows = 0 if sheets == 1 else _rows(petition, size, "sheet", store)
    sheets = sheets or default_sheets(first_rows, sheet_rows)
    lang = copy_in(petition.language).lang
    digest = text_sha256(petition)
    parts = paper_parts(petition)
    first_html, first_key = _rows_key(parts, petition.language, size, "first")

    def make() -> bytes:
        first = _document(parts, petition.language, size, "first", first_html, first_key)
        numbers = _numbers(lang, size, sheets)
        geometry = None
        if sheets > 1:
            sheet_html, sheet_key = _rows_key(parts, petition.language, size, "sheet")
            sheet = _document(parts, petition.language, size, "sheet", sheet_html, sheet_key)
            geometry = _row_geometry(sheet.pages[0], first.pages[0])
        marks, template = _stamps(size, short(digest), geometry, sheet_rows)
        pages = [_with_margins(first.pages[0], _in_order(_margins(numbers[0]) + _margins(marks)))]
        if sheets > 1:
            pages.append(_with_margins(sheet.pages[0], []))
            # Only the marks: the blank page's own (empty) body would be drawn and tagged for nothing.
            pages += [_only_margins(n, _margins(marks)) for n in numbers[1:]]
            # Drawn once to give each digit's glyph, then dropped (_share_sheet).
            pages.append(template)
        finisher = _share_sheet(first_rows + 1, sheet_rows) if sheets > 1 else None
        return renderer.write(first.copy(pages), finisher=finisher)

    # The key is page 1's probe (the exact text, language and labels; the sheet repeats part of it).
    pdf = renderer.cached("pdfs", renderer.shared_key("paper-pdf", first_html, size, sheets), store, make)
    return PaperPDF(pdf, digest, size, lang, sheets, first_rows, sheet_rows)


def paper_pdf_plain(petition: Petition, *, size: str = DEFAULT_PAPER_SIZE, sheets: int,
                    language: str | None = None) -> bytes:
    """The same PDF laid out page by page by WeasyPrint: the benchmark's reference and the tests' oracle."""
    _check_options(size, sheets)
    petition = _with_language(petition, language)
    _, _, first_rows, sheet_rows = _layouts(petition, size)
    continued = [(sheet_rows, first_rows + 1 + k * sheet_rows) for k in range(sheets - 1)]
    html = renderer.html_string("pdf/paper.html", **_context(petition, first_rows, continued, size=size))
    return renderer.write(renderer.layout(html, CSS, size))
