"""WeasyPrint set up once per worker process: fonts, parsed CSS, the locked fetcher.

A new FontConfiguration per render leaks about 0.2 MiB (stack-notes 1.2), and
gunicorn forks after import, so the state is built lazily and rebuilt when the
process id changes. Templates are Jinja with autoescape: petition text never
becomes markup. Their words come from the gettext catalogue in the language the
template is given (`lang`, the petition's language): `{{ _("Findings") }}`.
"""
from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path

import pydyf
import weasyprint

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from petition.catalogue import Copy, copy_in
from petition.limits import PAPER_SIZES

from . import emoji
from .cache import LRU, cache_key
from .fetcher import STATIC_ROOT, LockedFetcher
from .store import FileStore

log = logging.getLogger(__name__)

PDF_DIR = Path(__file__).resolve().parent
CSS_DIR = PDF_DIR / "css"
TEMPLATES = PDF_DIR.parent / "templates"
# Where fontconfig looks for fonts on Debian: installing a font (an emoji font) changes layouts.
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts")
PDF_VARIANT = "pdf/ua-1"  # tagged for screen readers; needs <html lang> and <title>

_state: dict = {}
_lock = threading.Lock()
emoji.install()


def harfbuzz_subset_available() -> bool:
    """WeasyPrint falls back to fontTools subsetting, about 10x slower, without libharfbuzz-subset."""
    try:
        from weasyprint.text.ffi import harfbuzz_subset
    except ImportError:  # pragma: no cover - depends on the WeasyPrint build
        return False
    return bool(harfbuzz_subset)


HARFBUZZ_MISSING = (
    "libharfbuzz-subset0 is not installed: WeasyPrint falls back to fontTools subsetting and every PDF "
    "takes about 10x longer. Install it: apt-get install libharfbuzz-subset0"
)


def check_harfbuzz_subset() -> bool:
    ok = harfbuzz_subset_available()
    if not ok:
        log.warning(HARFBUZZ_MISSING)
    return ok


def _files_digest(paths) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def _fonts_digest() -> str:
    """The installed font files (name, size, mtime) and any FONTCONFIG_FILE: what layouts measure text with."""
    digest = hashlib.sha256(os.environ.get("FONTCONFIG_FILE", "").encode())
    for folder in FONT_DIRS:
        for dirpath, _, files in sorted(os.walk(os.path.expanduser(folder))):
            for name in sorted(files):
                try:
                    stat = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue
                digest.update(f"{dirpath}/{name} {stat.st_size} {stat.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def _fingerprint() -> str:
    """Everything a PDF or a measured layout depends on besides its own content and options.

    Results shared across processes and restarts (pdf.store) are keyed with it, so a
    deploy that changes the PDF code, a template, a stylesheet, WeasyPrint or the
    installed fonts never serves a result made by the old one.
    """
    sources = [*PDF_DIR.glob("*.py"), *CSS_DIR.glob("*.css"), *(TEMPLATES / "pdf").rglob("*.html")]
    return cache_key("fingerprint", weasyprint.__version__, pydyf.__version__, _files_digest(sources),
                     _fonts_digest())


def _build_state() -> dict:
    fonts = FontConfiguration()
    fetcher = LockedFetcher()
    css = {
        path.stem: CSS(filename=str(path), font_config=fonts, url_fetcher=fetcher)
        for path in sorted(CSS_DIR.glob("*.css"))
    }
    # @page size is spelled out in inches: the 'tabloid' keyword silently gives A4.
    pages = {
        name: CSS(string=f"@page {{ size: {size['css']}; }}", font_config=fonts, url_fetcher=fetcher)
        for name, size in PAPER_SIZES.items()
    }
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # `{% trans %}` passes its variables to gettext, which fills them in (as Flask-Babel's templates do).
    env.newstyle_gettext = True
    from .documents import css_string

    env.filters["css_string"] = css_string
    check_harfbuzz_subset()
    return {
        "pid": os.getpid(), "fonts": fonts, "fetcher": fetcher, "css": css, "pages": pages, "env": env,
        # Finished PDFs, laid-out petitions reused by the sheet fast path, and the
        # page-number pages (the same for every petition of a language and size).
        "pdfs": LRU(32), "layouts": LRU(16), "numbers": LRU(8), "rows": LRU(512),
        "fingerprint": _fingerprint(),
    }


def state() -> dict:
    with _lock:
        if _state.get("pid") != os.getpid():
            _state.clear()
            _state.update(_build_state())
        return _state


def warm() -> None:
    """Build this process's state and compile the PDF templates now (gunicorn.conf.py calls it as each worker
    starts): otherwise the first PDF a worker serves pays for them, and a PDF another worker already made,
    a file read of a few ms, took 50 to 100 ms there."""
    env = state()["env"]
    for name in env.list_templates(filter_func=lambda name: name.startswith("pdf/") and name.endswith(".html")):
        env.get_template(name)


def stylesheets(names, size: str | None = None) -> list:
    s = state()
    sheets = [s["css"][name] for name in names]
    if size is not None:
        sheets.append(s["pages"][size])
    return sheets


def gettext_functions(copy: Copy) -> dict:
    """`_`, `gettext`, `ngettext` and `copy` for a template, in one language.

    Passed with each render rather than installed on the shared environment: two
    PDFs in two languages may render at once. Like Jinja's own, the functions mark
    the translation safe and escape the values put into it.
    """

    def _filled(context, text: str, values: dict) -> str:
        if context.eval_ctx.autoescape:
            text = Markup(text)
        return text % {k: copy.number(v) if isinstance(v, int) and not isinstance(v, bool) else v
                       for k, v in values.items()}

    @pass_context
    def gettext(context, message: str, **values) -> str:
        return _filled(context, copy.translations.gettext(message), values)

    @pass_context
    def ngettext(context, singular: str, plural: str, num: int, **values) -> str:
        return _filled(context, copy.translations.ngettext(singular, plural, num), {"num": num, **values})

    return {"_": gettext, "gettext": gettext, "ngettext": ngettext, "copy": copy}


def html_string(template: str, **ctx) -> str:
    """The template rendered with its words in `ctx["lang"]` (English when it has none)."""
    return state()["env"].get_template(template).render(**gettext_functions(copy_in(ctx.get("lang"))), **ctx)


# WeasyPrint in one thread of a process at a time. The fonts (one pango font map) and the laid-out documents
# this module keeps (the sheet fast path reuses page 1) are shared, and drawing a document reactivates its
# pango layouts: two threads writing the same cached document crashed ("'Layout' object has no attribute
# 'layout'"), two first downloads of the same sheets at once in a threaded server (tests/db/test_races.py).
# gunicorn's sync workers run one request per process, so they never wait on it; the work is CPU-bound
# under the GIL either way.
_weasyprint_turn = threading.RLock()


def layout(html: str, css_names=("base",), size: str | None = None):
    """Lay out HTML with the shared fonts, CSS and fetcher; returns a weasyprint Document."""
    s = state()
    with _weasyprint_turn:
        doc = HTML(string=html, base_url=STATIC_ROOT.as_uri() + "/", url_fetcher=s["fetcher"])
        return doc.render(
            stylesheets=stylesheets(css_names, size), font_config=s["fonts"], pdf_variant=PDF_VARIANT,
            custom_metadata=True,
        )


def write(document, finisher=None) -> bytes:
    with _weasyprint_turn:
        return document.write_pdf(pdf_variant=PDF_VARIANT, custom_metadata=True, finisher=finisher)


def shared_key(*parts) -> str:
    """A cache key for results shared across processes: the content and options plus the fingerprint."""
    return cache_key(state()["fingerprint"], *parts)


def cached(cache: str, key: str, store: FileStore | None, make):
    """`make()`'s bytes, from this process's LRU `cache`, else the shared `store`, else made and kept in both."""
    memory = state()[cache]
    found = memory.get(key)
    if found is None and store is not None:
        found = store.get(key)
        if found is not None:
            memory.put(key, found)
    if found is None:
        found = make()
        memory.put(key, found)
        if store is not None:
            store.put(key, found)
    return found


def render_pdf(template: str, css_names=("base",), size: str | None = None, *, store: FileStore | None = None,
               **ctx) -> bytes:
    """Render any template under templates/ to PDF bytes, cached by content and options.

    The generic hook other PDFs (e.g. a cover letter) use: the template must set
    <html lang> and <title> (PDF/UA); it gets the shared fonts, CSS and locked fetcher.
    `store` shares the result with the other worker processes (pdf.store).
    """
    html = html_string(template, **ctx)
    key = shared_key("render_pdf", html, list(css_names), size)
    return cached("pdfs", key, store, lambda: write(layout(html, css_names, size)))
