"""The JSON API: `POST /api/check` checks a petition and answers with what `petition check` prints;
`GET /api/mp?postal_code=...` gives the Members of Parliament for a postal code (Represent), or a JSON error.

Input is validated strictly here, so the engine only ever sees well-typed values, and every refusal says
which field to fix. The response shapes are documented in README.md ("API", and "Members of Parliament"). The
drafting pages' live panel asks for HTML instead (POST /d/<token>/panel, web/drafting.py).
"""
from __future__ import annotations

import json

from flask import Blueprint, abort, jsonify, request
from flask_babel import format_number, gettext as _, lazy_gettext as _l, ngettext

# The drafting forms' per-field limits: the API and a form save refuse the same text.
from forms.limits import (
    MAX_ADDRESSEE_FIELD_CHARS,
    MAX_CLAUSE_CHARS as MAX_GRIEVANCE_CHARS,
    MAX_CLAUSES as MAX_GRIEVANCES,
    MAX_PASTE_CHARS as MAX_TEXT_CHARS,
    MAX_PETITIONERS_CHARS,
    MAX_PRAYER_CHARS,
)
from petition.analysis import analyze_petition, analyze_text
from integrations.represent import ServiceBusy
from petition.model import ADDRESSEE_KINDS, KINDS, LANGUAGES, Addressee, Petition
from web.i18n import API_FIELD, UI_LANGUAGES, ui_language, use_api_language
from web.open_petitions import add_comparison
from web.represent import lookup_or_error
from web.security import csrf

bp = Blueprint("api", __name__, url_prefix="/api")

# CSRF protects cookie-authenticated state changes. This API reads no cookie or session, stores nothing and
# answers only the body it is sent: a forged cross-site request learns nothing and changes nothing (and a
# cross-site page cannot read the answer, as no CORS header is sent). Requiring a token would only make
# curl and scripts fetch a session first.
csrf.exempt(bp)

# `lang` (the language of error messages, "en" or "fr") may come with either form of request.
TEXT_FIELDS = {"text", "kind", "language", API_FIELD}
PETITION_FIELDS = {"kind", "language", "addressee", "petitioners", "grievances", "prayer"}
ADDRESSEE_STRING_FIELDS = ("title", "name", "riding", "text")
ADDRESSEE_FIELDS = {"kind", "in_parliament_assembled", *ADDRESSEE_STRING_FIELDS}


@bp.get("/mp")
def mp():
    # The only cookie read here is the screens' language (ui_lang), for the message and the fallback; a `lang`
    # argument wins over it (web.i18n.api_language).
    result, error = lookup_or_error(request.args.get("postal_code", ""))
    if error:
        lang = ui_language()
        response = jsonify({**error.to_dict(lang), "lang": lang})
        response.status_code = error.status
        if isinstance(error, ServiceBusy):
            response.headers["Retry-After"] = str(error.retry_after)
        return response
    return jsonify(result.to_dict())


class Invalid(Exception):
    """A request body the API refuses; the message says what to fix, in the request's language."""


# Where an unknown field was found, as the refusal names it.
THE_REQUEST = _l("the request")
THE_REQUEST_NOT_BOTH = _l("the request (send either \"text\" or \"petition\", not both)")
# How a refusal names the JSON type that was sent instead.
JSON_TYPES = {
    "null": "null", "bool": "true/false", "number": _l("a number"), "string": _l("a string"), "list": _l("a list"),
    "object": _l("an object"),
}


@bp.post("/check")
def check():
    body = _json_object()
    try:
        _message_language(body)
        if "petition" in body:
            _only(body, {"petition", API_FIELD}, THE_REQUEST_NOT_BOTH)
            analysis = analyze_petition(_petition(body["petition"]))
        elif "text" in body:
            _only(body, TEXT_FIELDS, THE_REQUEST)
            text = _string(body, "text", MAX_TEXT_CHARS, "text")
            if not text.strip():
                raise Invalid(_("\"text\" is empty: send the petition's text."))
            kind = _kind(body, "kind")
            options = {"kind": kind} if kind else {}  # absent: analyze_text's own default
            analysis = analyze_text(text, language=_language(body, "language"), **options)
        else:
            raise Invalid(_("Send either \"text\" (the petition as plain text) or \"petition\" (a structured "
                            "petition)."))
    except Invalid as error:
        abort(400, description=str(error))
    add_comparison(analysis)
    response = jsonify(analysis.to_dict())
    # The body is someone's unpublished petition.
    response.headers["Cache-Control"] = "no-store"
    return response


def _message_language(body: dict) -> None:
    """A `lang` field: the messages of this answer in that language (a `lang` query argument wins)."""
    if API_FIELD not in body:
        return
    value = body[API_FIELD]
    if value is not None and value not in UI_LANGUAGES:
        raise Invalid(_("\"%(field)s\" must be one of %(choices)s or null, not %(value)s.", field=API_FIELD,
                        choices=_choices(UI_LANGUAGES), value=_show(value)))
    use_api_language(value)


def _json_object() -> dict:
    if not request.is_json:
        abort(400, description=_("Send the body as JSON with the header Content-Type: application/json."))
    raw = request.get_data(cache=False)  # over MAX_CONTENT_LENGTH this raises 413
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as error:
        # ValueError covers bad UTF-8 too; RecursionError is a body nested thousands of levels deep.
        if isinstance(error, json.JSONDecodeError):
            abort(400, description=_("The body is not valid JSON (line %(line)s, column %(column)s).",
                                     line=error.lineno, column=error.colno))
        abort(400, description=_("The body is not valid JSON."))
    if not isinstance(body, dict):
        abort(400, description=_("The body must be a JSON object, not %(type)s.", type=_json_type(body)))
    return body


def _petition(data) -> Petition:
    if not isinstance(data, dict):
        raise Invalid(_must_be_object("petition", data))
    _only(data, PETITION_FIELDS, '"petition"')
    grievances = data.get("grievances", [])
    if not isinstance(grievances, list):
        raise Invalid(_("\"%(field)s\" must be a list of strings, not %(type)s.", field="petition.grievances",
                        type=_json_type(grievances)))
    if len(grievances) > MAX_GRIEVANCES:
        raise Invalid(_("\"%(field)s\" has %(count)s items; the limit is %(limit)s.", field="petition.grievances",
                        count=format_number(len(grievances)), limit=format_number(MAX_GRIEVANCES)))
    for index, grievance in enumerate(grievances):
        _check_string(grievance, MAX_GRIEVANCE_CHARS, f"petition.grievances[{index}]")
    petitioners = data.get("petitioners")
    if petitioners is not None:
        _check_string(petitioners, MAX_PETITIONERS_CHARS, "petition.petitioners")
    return Petition(
        kind=_kind(data, "petition.kind") or Petition.kind,
        language=_language(data, "petition.language") or Petition.language,
        addressee=_addressee(data.get("addressee", {})),
        petitioners=petitioners,
        grievances=list(grievances),
        prayer=_string(data, "prayer", MAX_PRAYER_CHARS, "petition.prayer", default=""),
    )


def _addressee(data) -> Addressee:
    if not isinstance(data, dict):
        raise Invalid(_must_be_object("petition.addressee", data))
    _only(data, ADDRESSEE_FIELDS, '"petition.addressee"')
    kind = data.get("kind", Addressee.kind)
    if kind not in ADDRESSEE_KINDS:
        raise Invalid(_one_of("petition.addressee.kind", ADDRESSEE_KINDS, kind))
    assembled = data.get("in_parliament_assembled", False)
    if not isinstance(assembled, bool):
        raise Invalid(_("\"%(field)s\" must be true or false.", field="petition.addressee.in_parliament_assembled"))
    strings = {
        name: _string(data, name, MAX_ADDRESSEE_FIELD_CHARS, f"petition.addressee.{name}", default="")
        for name in ADDRESSEE_STRING_FIELDS
    }
    return Addressee(kind=kind, in_parliament_assembled=assembled, **strings)


def _kind(data: dict, label: str) -> str | None:
    key = label.rsplit(".", 1)[-1]
    if key not in data:
        return None
    if data[key] not in KINDS:
        raise Invalid(_one_of(label, KINDS, data[key]))
    return data[key]


def _language(data: dict, label: str) -> str | None:
    """None (or absent) asks the engine to detect the language."""
    key = label.rsplit(".", 1)[-1]
    value = data.get(key)
    if value is not None and value not in LANGUAGES:
        raise Invalid(_("\"%(field)s\" must be one of %(choices)s or null, not %(value)s.", field=label,
                        choices=_choices(LANGUAGES), value=_show(value)))
    return value


def _string(data: dict, key: str, limit: int, label: str, default: str | None = None) -> str:
    if key not in data and default is not None:
        return default
    _check_string(data.get(key), limit, label)
    return data[key]


def _check_string(value, limit: int, label: str) -> None:
    if not isinstance(value, str):
        raise Invalid(_("\"%(field)s\" must be a string, not %(type)s.", field=label, type=_json_type(value)))
    if len(value) > limit:
        raise Invalid(_("\"%(field)s\" is %(length)s characters long; the limit is %(limit)s.", field=label,
                        length=format_number(len(value)), limit=format_number(limit)))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # JSON can spell a lone surrogate ("\ud800"); no real text contains one.
        raise Invalid(_("\"%(field)s\" contains an invalid character (a lone UTF-16 surrogate).",
                        field=label)) from None


def _only(data: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise Invalid(ngettext("Unknown field in %(where)s: %(fields)s. Allowed: %(allowed)s.",
                               "Unknown fields in %(where)s: %(fields)s. Allowed: %(allowed)s.", len(unknown),
                               where=where, fields=", ".join(map(_show, unknown)), allowed=_choices(sorted(allowed))))


def _must_be_object(label: str, value) -> str:
    return _("\"%(field)s\" must be an object, not %(type)s.", field=label, type=_json_type(value))


def _one_of(label: str, choices, value) -> str:
    return _("\"%(field)s\" must be one of %(choices)s, not %(value)s.", field=label, choices=_choices(choices),
             value=_show(value))


def _choices(values) -> str:
    return ", ".join(f'"{value}"' for value in values)


def _show(value) -> str:
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _json_type(value) -> str:
    if value is None:
        kind = "null"
    elif isinstance(value, bool):
        kind = "bool"
    elif isinstance(value, (int, float)):
        kind = "number"
    elif isinstance(value, str):
        kind = "string"
    elif isinstance(value, list):
        kind = "list"
    else:
        kind = "object"
    return str(JSON_TYPES[kind])
