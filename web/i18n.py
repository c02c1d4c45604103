"""The language of the screens (English or French), chosen per person, separate from the petition's language.

Order: an explicit choice (the "English / Français" switch, kept in a cookie), then the browser's
Accept-Language, then English. The switch is a link on pages without typed text and, on pages with a form,
a submit button of that form (`ui_lang=fr`), so the text typed there travels with the switch: the page's own
view saves it (drafting steps) or shows it again unsaved (start, sponsors, timeline, answer).

The copy itself lives in the gettext catalogue translations/<lang>/LC_MESSAGES/messages.po (see README).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from flask import Blueprint, Flask, current_app, g, redirect, request
from flask_babel import Babel, get_locale, lazy_gettext as _l, lazy_ngettext, refresh
from markupsafe import Markup, escape

from petition.catalogue import FORMAT_LOCALES
from petition.model import other_language

# UI languages, each with its name in its own language (the switch shows them so), and the Babel locale
# used for numbers and dates: Canadian formats (fr_CA groups digits with a no-break space: 800 000).
UI_LANGUAGES = {"en": "English", "fr": "Français"}
DEFAULT_UI_LANGUAGE = "en"
COOKIE = "ui_lang"
FIELD = "ui_lang"  # the switch's name, as a query argument (links) or a form field (buttons)
API_PREFIX = "/api/"
API_FIELD = "lang"  # the API's own: a query argument, or a field of the JSON body
COOKIE_MAX_AGE = 365 * 24 * 3600

TRANSLATIONS = Path(__file__).resolve().parent.parent / "translations"

babel = Babel()
bp = Blueprint("i18n", __name__)

# Strings the browser scripts show, translated on the server and handed over in a JSON block
# (templates/base.html, id="ui-strings"); scripts read them with JSON.parse, never from their own copies.
JS_STRINGS: dict[str, object] = {}


def _valid(code: str | None) -> str | None:
    return code if code in UI_LANGUAGES else None


def switched_to() -> str | None:
    """The language the person picked on this very request (the switch), if any."""
    chosen = _valid(request.args.get(FIELD))
    if chosen is None and request.method == "POST":
        try:
            chosen = _valid(request.form.get(FIELD))
        except Exception:  # an unreadable body: the error page still needs a language
            chosen = None
    return chosen


def ui_language() -> str:
    """'en' or 'fr': the language of the screens for this request."""
    if not request:
        return DEFAULT_UI_LANGUAGE
    cached = g.get("ui_language")
    if cached:
        return cached
    if request.path.startswith(API_PREFIX):
        lang = api_language()
    else:
        lang = (switched_to() or _valid(request.cookies.get(COOKIE))
                or request.accept_languages.best_match(list(UI_LANGUAGES)) or DEFAULT_UI_LANGUAGE)
    g.ui_language = lang
    return lang


def api_language() -> str:
    """The language of an API answer's messages: `lang` in the query string, then a `lang` field of the JSON
    body (the endpoint hands it over with use_api_language), then, for /api/mp only, the screens' cookie (a
    page's own script calls it), then Accept-Language, then English. /api/check reads no cookie."""
    cookie = _valid(request.cookies.get(COOKIE)) if request.endpoint != "api.check" else None
    return (_valid(request.args.get(API_FIELD)) or _valid(g.get("api_body_language")) or cookie
            or request.accept_languages.best_match(list(UI_LANGUAGES)) or DEFAULT_UI_LANGUAGE)


def use_api_language(code: str | None) -> None:
    """The `lang` an API request's body asked for: its messages from now on are in it (unless the query string
    names another)."""
    if _valid(code):
        g.api_body_language = code
        g.pop("ui_language", None)
        refresh()  # Flask-Babel keeps the locale it chose for the request


def _select_locale() -> str:
    return FORMAT_LOCALES[ui_language()]


def safe_next(target: str | None) -> str:
    """A path on this site only (never another site, never a scheme-relative //host)."""
    target = target or "/"
    if not target.startswith("/") or target.startswith("//") or "\\" in target or re.search(r"[\x00-\x1f]", target):
        return "/"
    return target


@bp.get("/language/<code>")
def switch(code: str):
    """The switch as a link (pages without typed text): remember the choice and show the same page again."""
    target = safe_next(request.args.get("next"))
    # Drop a stale ui_lang from the page's own query, so the choice made now wins.
    target = re.sub(rf"([?&]){FIELD}=[^&]*&?", r"\1", target).rstrip("?&")
    response = redirect(target or "/", code=303)
    if _valid(code):
        _remember(response, code)
    return response


def _remember(response, code: str) -> None:
    response.set_cookie(COOKIE, code, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=True,
                        secure=bool(current_app.config.get("SESSION_COOKIE_SECURE")))


def _keep_choice(response):
    """A page reached with the switch remembers the choice; pages vary by the choice and the browser."""
    chosen = switched_to() if request else None
    if chosen and request.cookies.get(COOKIE) != chosen:
        _remember(response, chosen)
    response.vary.add("Cookie")
    response.vary.add("Accept-Language")
    return response


def switch_links() -> list[dict]:
    """The two languages for the switch, the current one marked."""
    current = ui_language()
    return [{"code": code, "name": name, "current": code == current} for code, name in UI_LANGUAGES.items()]


# How a finding's severity reads on the screens (the engine says "error", "warning", "info").
SEVERITY_LABELS = {"error": _l("Error"), "warning": _l("Warning"), "info": _l("Note")}


def severity_label(severity: str) -> str:
    return str(SEVERITY_LABELS.get(severity, severity))


def quoted(text, lang: str | None = None) -> Markup:
    """`text` in the quotation marks of the screens' language (“…” or « … »), marked with the language it is
    written in when given (a House formula quoted on a screen in the other language)."""
    opening, closing = ("\u00ab\u00a0", "\u00a0\u00bb") if ui_language() == "fr" else ("\u201c", "\u201d")
    inner = Markup('<span lang="%s">%s</span>') % (lang, text) if lang else escape(text)
    return Markup(opening) + inner + Markup(closing)


def js_strings() -> dict[str, str]:
    return {key: str(value) for key, value in JS_STRINGS.items()}


def _template_context() -> dict:
    lang = ui_language() if request else DEFAULT_UI_LANGUAGE
    return {"ui_lang": lang, "ui_other_lang": other_language(lang), "ui_switch": switch_links,
            "ui_switch_field": FIELD, "js_strings": js_strings, "current_locale": get_locale,
            }


# ----- compiled catalogues -------------------------------------------------------------------------

def compile_catalogues(directory: Path = TRANSLATIONS, *, force: bool = False) -> list[Path]:
    """Write messages.mo next to each messages.po that is newer (what `make translations-compile` does).

    Atomic (temporary file, then rename), so two processes compiling at once never leave half a file.
    Returns the files written.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    written = []
    for po in sorted(directory.glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not force and mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as handle:
            catalog = read_po(handle, locale=po.parent.parent.name)
        temporary = mo.with_name(f".{mo.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as handle:
            write_mo(handle, catalog, use_fuzzy=False)
        os.replace(temporary, mo)
        written.append(mo)
    return written


def init_app(app: Flask) -> None:
    try:
        compile_catalogues()
    except OSError:  # a read-only install: `make translations-compile` must have run at build time
        app.logger.warning("could not compile the translations in %s; run make translations-compile", TRANSLATIONS)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    babel.init_app(app, locale_selector=_select_locale)
    app.register_blueprint(bp)
    app.context_processor(_template_context)
    # Globals, not context: macros imported without context (templates/drafting/_macros.html) use them too.
    app.jinja_env.globals.update(severity_label=severity_label, quoted=quoted, ui_language=ui_language)
    app.after_request(_keep_choice)


# The JavaScript strings (keys used by static/js/*.js).
# Same msgids as the templates that render the same thing without JavaScript (one translation each).
JS_STRINGS.update({
    "lookup-unreachable": _l("The lookup could not be reached. You can still type the Member's name and riding "
                             "yourself."),
    # The script fills in %(code)s itself: the placeholder is passed through as its own value.
    "members-for-one": lazy_ngettext("Member of Parliament for %(code)s:", "Members of Parliament for %(code)s:", 1,
                                     code="%(code)s"),
    "members-for-many": lazy_ngettext("Member of Parliament for %(code)s:", "Members of Parliament for %(code)s:", 2,
                                      code="%(code)s"),
    "member-for": _l("Member for %(riding)s"),
    # static/js/leave-guard.js: the warning before leaving a page whose text is not saved.
    "leave-title": _l("Your changes are not saved"),
    "leave-text": _l("What you typed on this page is not saved yet. If you leave now, it is lost."),
    "leave-save": _l("Save, then go there"),
    "leave-discard": _l("Leave without saving"),
    "leave-stay": _l("Stay on this page"),
})
