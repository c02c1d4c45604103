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
import hashlib
import math
from dataclasses import dataclass, field

import pydyf
from weasyprint.formatting_structure import boxes

from petition.formulae import GRIEVANCE_OPENER, prayer_formula, render
from petition.limits import (
    ADVISED_PAPER_SIGNATURES, DEFAULT_PAPER_SIZE, MAX_SHEETS, MIN_SHEETS, MIN_SIGNATURE_ROWS_ON_FIRST_PAGE,
    PAPER_SIZES,
)
from petition.model import Finding, Petition
from petition import rules

from . import renderer
from .cache import cache_key
from .labels import labels

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
    return PaperParts(heading, grievance_lines, text[prayer_start:], text)


# A bilingual sheet puts the two versions side by side on these sizes; on the narrower ones, one after the other.
SIDE_BY_SIDE_SIZES = ("legal", "tabloid")


def printed_text(petition: Petition) -> str:
    """The petition text the sheets carry: with a second-language version, both (first, blank line, second)."""
    second = petition.second()
    return render(petition).text + ("\n\n" + render(second).text if second else "")


def text_sha256(petition: Petition) -> str:
    return hashlib.sha256(printed_text(petition).encode("utf-8")).hexdigest()


def _with_language(petition: Petition, language: str | None) -> Petition:
    if language and language != petition.language:
        petition = copy.deepcopy(petition)
        petition.language = language
    return petition


def _context(petition: Petition, first_rows: int, sheets: list[int], blank_pages: int = 0,
             size: str = DEFAULT_PAPER_SIZE) -> dict:
    lang = "fr" if petition.language == "fr" else "en"
    parts = paper_parts(petition)
    second = petition.second()
    return {
        "lang": lang, "L": labels(lang), "title": f"{parts.heading}", "parts": parts,
        "text_sha256": text_sha256(petition),
        "first_rows": first_rows, "sheets": sheets, "blank_pages": blank_pages,
        # The bilingual sheet: the second-language version beside (or after) the first, with its own lang.
        "second": paper_parts(second) if second else None,
        "second_lang": second.language if second else None,
        "L2": labels(second.language) if second else None,
        "arrangement": "side-by-side" if size in SIDE_BY_SIDE_SIZES else "one-after-the-other",
    }


def _rows_upper_bound(size: str) -> int:
    return math.ceil(PAPER_SIZES[size]["points"][1] / 72 / _ROW_IN) + 1


def _rows_on(page) -> int:
    count = 0
    stack = [page._page_box]
    while stack:
        box = stack.pop()
        if isinstance(box, boxes.TableRowBox) and box.element is not None and box.element.get("class") == "row":
            count += 1
        stack.extend(getattr(box, "children", ()))
    return count


def _layout_once(petition: Petition, size: str, which: str):
    """(document, rows on its first page) for page 1 or one continuation sheet, laid out once per text and size.

    Each probe asks for more rows than any page can hold; the rows that land on the
    first page are the rows that fit, measured, not estimated.
    """
    key = cache_key("paper-layout", which, petition.to_dict(), size)
    layouts = renderer.state()["layouts"]
    found = layouts.get(key)
    if found is None:
        bound = _rows_upper_bound(size)
        ctx = _context(petition, bound, [], size=size) if which == "first" else _context(petition, 0, [bound], size=size)
        doc = renderer.layout(renderer.html_string("pdf/paper.html", **ctx), CSS, size)
        found = (doc, _rows_on(doc.pages[0]))
        layouts.put(key, found)
    return found


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
    return PAPER_SIZES[size]["label_fr" if language == "fr" else "label"]


def _larger_sizes(size: str) -> list[str]:
    """The accepted sizes with more room than `size`, smallest first."""
    def area(name: str) -> float:
        width, height = PAPER_SIZES[name]["points"]
        return width * height
    return sorted((name for name in PAPER_SIZES if area(name) > area(size)), key=area)


def _either(names: list[str], language: str) -> str:
    joined = [PAPER_SIZES[n]["short_fr" if language == "fr" else "short"] for n in names]
    word = " ou " if language == "fr" else " or "
    return joined[0] if len(joined) == 1 else ", ".join(joined[:-1]) + word + joined[-1]


def fit_findings(petition: Petition, size: str = DEFAULT_PAPER_SIZE, sheets: int | None = None) -> list[Finding]:
    """R-PAP-4 / R-PRAY-5 measured with the real layout: does the text leave room for signatures?

    With `sheets=1` there is no continuation sheet, so only page 1 is measured. The advice
    names only the sizes larger than `size`; on the largest, the text must be shortened.
    """
    findings = []
    language = petition.language
    larger = _larger_sizes(size)
    values = {"size": _size_name(size, language), "need": MIN_SIGNATURE_ROWS_ON_FIRST_PAGE,
              "larger": _either(larger, language) if larger else ""}
    suffix = "" if larger else "-largest"
    _, first_rows = _layout_once(petition, size, "first")
    if first_rows < MIN_SIGNATURE_ROWS_ON_FIRST_PAGE:
        findings.append(_fit_finding("paper-first-page-full" + suffix, language, rows=first_rows, **values))
    if sheets == 1:
        return findings
    _, sheet_rows = _layout_once(petition, size, "sheet")
    if sheet_rows < MIN_SIGNATURE_ROWS_ON_FIRST_PAGE:
        findings.append(_fit_finding("paper-prayer-too-long-to-repeat" + suffix, language, rows=sheet_rows, **values))
    return findings


def size_that_fits(petition: Petition) -> str | None:
    """The default size if the petition fits it, else the smallest larger size that does; None if none does."""
    for size in [DEFAULT_PAPER_SIZE, *_larger_sizes(DEFAULT_PAPER_SIZE)]:
        if not fit_findings(petition, size):
            return size
    return None


def paper_fit_report(petition: Petition) -> list[Finding]:
    """What a reviewer needs to know before printing on the default size (Letter).

    Nothing when it fits; a warning naming the smallest size that fits when Letter is too
    small (the organizer picks the size when printing); the errors when no size fits.
    """
    fits = size_that_fits(petition)
    if fits == DEFAULT_PAPER_SIZE:
        return []
    if fits is None:
        return fit_findings(petition, _larger_sizes(DEFAULT_PAPER_SIZE)[-1])
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


def _numbers(language: str, size: str, pages: int) -> list:
    """`pages` empty pages carrying only their 'Page i' margin box.

    The labels say "Page i", not "Page i of N", so one layout serves every sheet
    count up to the largest asked for so far, and every petition.
    """
    key = cache_key("paper-numbers", language, size)
    layouts = renderer.state()["numbers"]
    doc = layouts.get(key)
    if doc is None or len(doc.pages) < pages:
        ctx = {"lang": language, "L": labels(language), "title": "", "parts": None, "text_sha256": "",
               "first_rows": 0, "sheets": [], "blank_pages": pages, "second": None}
        doc = renderer.layout(renderer.html_string("pdf/paper.html", **ctx), CSS, size)
        layouts.put(key, doc)
    return doc.pages[:pages]


def _margins(page) -> list:
    return [c for c in page._page_box.children if isinstance(c, boxes.MarginBox)]


def _with_margins(content_page, margins):
    """The content of one page with the given margin boxes (its page number, or none)."""
    box = copy.copy(content_page._page_box)
    box.children = [c for c in content_page._page_box.children if not isinstance(c, boxes.MarginBox)] + margins
    page = copy.copy(content_page)
    page._page_box = box
    return page


def _only_margins(page):
    box = copy.copy(page._page_box)
    box.children = _margins(page)
    only = copy.copy(page)
    only._page_box = box
    return only


def _as_artifact(stream) -> None:
    """Turn a page-number stream's tagged text into an artifact (it joins a page whose MCIDs are the sheet's)."""
    items = stream.stream
    for i, item in enumerate(items):
        if item == b"BDC" and i >= 2 and hasattr(items[i - 1], "get") and "MCID" in items[i - 1]:
            items[i - 2], items[i - 1], items[i] = "/Artifact", b"", b"BMC"


def _share_sheet(document, pdf) -> None:
    """write_pdf finisher: pages are [page 1, bare sheet, number 2, ..., number N].

    Every continuation page becomes the one sheet content stream plus its own
    page-number stream, so painting, tagging and compressing the sheet happen once
    whatever the sheet count. The repeated pages share the sheet's structure
    entries (StructParents): a screen reader finds the same table on each.
    """
    kids = pdf.pages["Kids"]
    numbers = kids[::3]
    if len(numbers) < 3:
        return
    sheet = pdf.objects[numbers[1]]
    # Each stream starts by flipping the coordinate system; save and restore the
    # graphics state around the sheet so the page number is not flipped twice.
    save, restore = pydyf.Stream([b"q"]), pydyf.Stream([b"Q"])
    pdf.add_object(save)
    pdf.add_object(restore)
    sheet_stream = [save.reference, sheet["Contents"], restore.reference]
    for position, number in enumerate(numbers[2:], start=2):
        page = pdf.objects[number]
        stamp_ref = page["Contents"]
        _as_artifact(pdf.objects[int(stamp_ref.split()[0])])
        if position == 2:
            sheet["Contents"] = pydyf.Array([*sheet_stream, stamp_ref])
        else:
            page["Contents"] = pydyf.Array([*sheet_stream, stamp_ref])
            if "StructParents" in sheet:
                page["StructParents"] = sheet["StructParents"]
    del kids[6:9]  # the number-2 page now lives inside the sheet page
    pdf.pages["Count"] -= 1


def paper_pdf(petition: Petition, *, findings=(), size: str = DEFAULT_PAPER_SIZE, sheets: int | None = None,
              language: str | None = None) -> PaperPDF:
    """The printable paper petition; raises PaperRefused (with findings) or ValueError (bad options)."""
    _check_options(size, sheets)
    _refuse_errors(findings)
    petition = _with_language(petition, language)
    _refuse_errors(fit_findings(petition, size, sheets))
    first, first_rows = _layout_once(petition, size, "first")
    if sheets == 1:
        sheet, sheet_rows = None, 0
    else:
        sheet, sheet_rows = _layout_once(petition, size, "sheet")
    sheets = sheets or default_sheets(first_rows, sheet_rows)
    lang = "fr" if petition.language == "fr" else "en"
    digest = text_sha256(petition)
    key = cache_key("paper-pdf", petition.to_dict(), size, sheets)
    pdfs = renderer.state()["pdfs"]
    pdf = pdfs.get(key)
    if pdf is None:
        numbers = _numbers(lang, size, sheets)
        pages = [_with_margins(first.pages[0], _margins(numbers[0]))]
        if sheets == 2:
            pages.append(_with_margins(sheet.pages[0], _margins(numbers[1])))
        elif sheets > 2:
            pages.append(_with_margins(sheet.pages[0], []))
            # Only the number: the blank page's own (empty) body would be drawn and tagged for nothing.
            pages += [_only_margins(n) for n in numbers[1:]]
        pdf = renderer.write(first.copy(pages), finisher=_share_sheet if sheets > 2 else None)
        pdfs.put(key, pdf)
    return PaperPDF(pdf, digest, size, lang, sheets, first_rows, sheet_rows)


def paper_pdf_plain(petition: Petition, *, size: str = DEFAULT_PAPER_SIZE, sheets: int,
                    language: str | None = None) -> bytes:
    """The same PDF laid out page by page by WeasyPrint: the benchmark's reference and the tests' oracle."""
    _check_options(size, sheets)
    petition = _with_language(petition, language)
    _, _, first_rows, sheet_rows = _layouts(petition, size)
    html = renderer.html_string("pdf/paper.html", **_context(petition, first_rows, [sheet_rows] * (sheets - 1),
                                                             size=size))
    return renderer.write(renderer.layout(html, CSS, size))
