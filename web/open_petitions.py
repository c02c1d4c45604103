"""The e-petitions open for signature (R-SUBJ-4): stored, imported, and compared with a draft.

An operator saves the House's e-petition search results (the XML export or the page itself) and runs
`flask --app app petition import-open PATH [PATH ...]` whenever they like; each import replaces the whole
list in one transaction, so a page reads the old list or the new one, never half of each. Give the English
and French exports together to compare drafts in either language.

The comparison itself is the engine's (`petition/duplicates.py`). Each worker keeps the list with its key
words worked out, and looks at the table's row count and latest import time at most once every
RECHECK_SECONDS (a query per check would cost every /api/check a database round trip), reloading the list
when they changed: an import is seen by every worker within a second, without a restart, and at once by
the process that ran it.
"""
from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timezone

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from cli import _  # the operator's language (the environment's locale), as every message of the CLI
from petition.duplicates import OpenList, OpenPetition, similar_findings, similar_open_petitions, THRESHOLD

from .db import engine, get_session
from .models import OpenEPetition
from .models.clock import now as _now

log = logging.getLogger(__name__)

_EXTENSION = "open_petitions"
RECHECK_SECONDS = 1.0
# A saved search page of every open e-petition is a few MB; this is far past it and keeps a wrong file
# (a disk image, /dev/zero) from being read into memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


def replace_open_list(session: Session, petitions: list[OpenPetition], now: datetime | None = None) -> int:
    """Replace the stored list with `petitions` (the caller commits: one transaction). Returns how many
    the list held before."""
    now = now or _now()
    before = session.scalar(select(func.count()).select_from(OpenEPetition)) or 0
    session.execute(delete(OpenEPetition))
    session.add_all(OpenEPetition(number=p.number, language=p.language, title=p.title, text=p.text,
                                  imported_at=now) for p in petitions)
    session.flush()
    return before


# ---- comparing a draft ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Loaded:
    key: tuple
    petitions: OpenList
    imported_at: datetime | None
    distinct: int  # petitions, each counted once whatever the languages it is listed in


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; they were written in UTC.
    return moment.replace(tzinfo=timezone.utc) if moment is not None and moment.tzinfo is None else moment


def loaded_list() -> Loaded | None:
    """The open list as last imported (None when none was), reloaded only when it changed."""
    cache = current_app.extensions.setdefault(_EXTENSION, {})
    now = time.monotonic()
    if "checked_at" in cache and now - cache["checked_at"] < RECHECK_SECONDS:
        return cache.get("loaded")
    loaded = _reload(cache)
    cache["checked_at"] = now
    return loaded


def _reload(cache: dict) -> Loaded | None:
    # Its own connection: a failure here must not spoil the request's session (on PostgreSQL a failed
    # statement aborts the whole transaction).
    with engine().connect() as connection:
        count, latest = connection.execute(
            select(func.count(), func.max(OpenEPetition.imported_at)).select_from(OpenEPetition)).one()
        if not count:
            cache["loaded"] = None
            return None
        key = (count, latest)
        held = cache.get("loaded")
        if held is not None and held.key == key:
            return held
        rows = connection.execute(select(OpenEPetition.number, OpenEPetition.title, OpenEPetition.text,
                                         OpenEPetition.language).order_by(OpenEPetition.id)).all()
    held = Loaded(key, OpenList(OpenPetition(number=r.number, title=r.title, text=r.text, language=r.language)
                                for r in rows), _aware(latest), len({r.number for r in rows}))
    cache["loaded"] = held
    return held


@dataclass(frozen=True)
class Comparison:
    """What the draft was compared with, and the open e-petitions close to it (R-SUBJ-4)."""
    compared: int  # distinct open e-petitions in the list
    imported_at: datetime | None
    matches: list

    def to_dict(self) -> dict:
        return {"compared": self.compared, "threshold": THRESHOLD,
                "imported_at": self.imported_at.isoformat() if self.imported_at else None,
                "matches": [m.to_dict() for m in self.matches]}


def compare(petition) -> Comparison | None:
    """The draft against the open e-petitions; None for a paper petition (R-SUBJ-4 is about e-petitions),
    when no list was imported, or when the list cannot be read (logged: the warning is advice, it never
    stops a page)."""
    if petition.kind != "e-petition":
        return None
    try:
        held = loaded_list()
    except SQLAlchemyError as error:
        log.warning("open e-petitions unavailable, not compared: %s", type(error).__name__)
        return None
    if held is None:
        return None
    return Comparison(held.distinct, held.imported_at, similar_open_petitions(petition, held.petitions))


def add_comparison(analysis) -> None:
    """Adds the comparison to an analysis: its warnings (R-SUBJ-4) and the list shown beside them."""
    comparison = compare(analysis.petition)
    if comparison is None:
        return
    analysis.similar_open = comparison.to_dict()
    analysis.findings.extend(similar_findings(comparison.matches, analysis.message_language))


# ---- flask --app app petition import-open ----------------------------------------------------------------

@click.command("import-open", help=_(
    "Replace the list of open e-petitions with those in PATHS: saved copies of the House's e-petition search "
    "results (the XML export, or the page saved from a browser). Give the English and French exports together "
    "to compare drafts in both languages.\n\nExit status: 0 imported, 1 no open e-petition found, 2 a file "
    "cannot be read or the database cannot be written; after an error the stored list is unchanged."))
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@with_appcontext
def import_open_command(paths: tuple[str, ...]) -> None:
    """Replace the list of open e-petitions (help: the command's `help=`, translated)."""
    from petition.open_petitions import ListError, parse_open_list

    found: dict[tuple[str, str], OpenPetition] = {}
    for path in paths:
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            _fail(_("Error: %(reason)s", reason=_("%(path)s: cannot be read (%(reason)s)", path=path,
                                                   reason=error.strerror or error)))
        if len(data) > MAX_FILE_BYTES:
            _fail(_("Error: %(reason)s", reason=_("%(path)s: larger than %(size)s MB; a saved search page is a few MB",
                                                   path=path, size=MAX_FILE_BYTES // (1024 * 1024))))
        try:
            saved = parse_open_list(data)
        except ListError as error:
            _fail(_list_error(error, path))
        except Exception as error:  # a bug, not the operator's fault: one line, never a traceback
            _fail(_("Error: %(path)s could not be read (%(reason)s); please report it.", path=path,
                    reason=f"{type(error).__name__}: {error}"))
        for petition in saved.petitions:
            found.setdefault((petition.number, petition.language), petition)
        click.echo(_("%(path)s (%(format)s): open e-petitions: %(open)s; left out: %(closed)s closed, %(paper)s on "
                     "paper, %(unreadable)s without a number.", path=path,
                     format=saved.format.upper(), open=len(saved.petitions), closed=saved.closed, paper=saved.paper,
                     unreadable=saved.unreadable))
    if not found:
        click.echo(_("Error: no open e-petition was found; the stored list is unchanged."), err=True)
        sys.exit(1)
    session = get_session()
    try:
        before = replace_open_list(session, list(found.values()))
        session.commit()
        current_app.extensions.get(_EXTENSION, {}).pop("checked_at", None)  # this process sees it at once
    except IntegrityError:
        session.rollback()
        _fail(_("Error: another import changed the list at the same time; the stored list is unchanged. "
                "Run the command again."))
    except SQLAlchemyError as error:
        session.rollback()
        _fail(_("Error: the database cannot be written (%(reason)s); the stored list is unchanged. Has "
                "`flask --app app db upgrade` been run?", reason=type(error).__name__))
    numbers = {number for number, _lang in found}
    by_language = {lang: sum(1 for _n, language in found if language == lang) for lang in ("en", "fr")}
    click.echo(_("Open e-petitions now listed: %(count)s (in English: %(en)s, in French: %(fr)s); entries before "
                 "this import: %(before)s.", count=len(numbers), en=by_language["en"],
                 fr=by_language["fr"], before=before))


def _fail(message: str) -> None:
    click.echo(message, err=True)
    sys.exit(2)


def _list_error(error, path: str) -> str:
    messages = {
        "empty": _("%(path)s: is empty", path=path),
        "not-markup": _("%(path)s: is neither the XML export nor a saved search page of the House's e-petitions",
                        path=path),
        "encoding": _("%(path)s: starts like UTF-16 text but is not; save it again", path=path),
        "xml": _("%(path)s: is not well-formed XML (line %(line)s, column %(column)s); save the export again",
                 path=path, **error.values),
        "xml-entities": _("%(path)s: declares XML entities, which the House's export never does; refused", path=path),
        "no-petitions": _("%(path)s: holds no e-petition (no Petition entries and no links to a petition's "
                          "page); save the search results again", path=path),
    }
    return _("Error: %(reason)s", reason=messages.get(error.code, error.code))


# ---- on the review page --------------------------------------------------------------------------------

# The House's page for one petition, in the language of the screens.
DETAILS_URL = {"en": "https://www.ourcommons.ca/petitions/en/Petition/Details?Petition={number}",
               "fr": "https://www.noscommunes.ca/petitions/fr/Petition/Details?Petition={number}"}


def for_page(analysis, language: str) -> dict | None:
    """The comparison as the review page shows it (None when the draft was not compared)."""
    from flask_babel import format_date

    compared = analysis.similar_open
    if compared is None:
        return None
    imported = compared["imported_at"]
    url = DETAILS_URL.get(language, DETAILS_URL["en"])
    return {
        "compared": compared["compared"],
        "date": format_date(datetime.fromisoformat(imported), format="long") if imported else None,
        "matches": [{**match, "url": url.format(number=match["number"])} for match in compared["matches"]],
    }
