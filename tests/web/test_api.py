"""POST /api/check through Flask's test client: what it answers, and every request it refuses."""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import create_app
from forms.limits import MAX_CLAUSE_CHARS, MAX_CLAUSES, MAX_PASTE_CHARS, MAX_REQUEST_BYTES
from tests.conftest import fresh_database_url, sample
from web.security import CONTENT_SECURITY_POLICY

SHAPE = {"input_form", "kind", "language", "petition", "rendered", "word_count", "findings", "removed"}
FINDING_SHAPE = {"rule", "severity", "message", "part", "start", "end", "excerpt", "suggestion", "code"}


def structured(**changes) -> dict:
    petition = {
        "kind": "e-petition",
        "language": "en",
        "addressee": {"kind": "house", "in_parliament_assembled": False, "title": "", "name": "", "riding": "",
                      "text": ""},
        "petitioners": None,
        "grievances": [
            "Tenants in Canada spend a growing share of their income on rent",
            "Many families cannot find housing they can afford near their work",
        ],
        "prayer": "fund the construction of non-profit rental housing",
    }
    petition.update(changes)
    return {"petition": petition}


def check(client, body, **kwargs):
    return client.post("/api/check", json=body, **kwargs)


def refused(response, *fragments: str) -> str:
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    assert response.json["error"] == "bad-request"
    message = response.json["message"]
    for fragment in fragments:
        assert fragment in message
    return message


# --- happy paths -----------------------------------------------------------------------------------------

def test_house_format_text_is_checked(client):
    response = check(client, {"text": sample("certified/e-4904.txt"), "kind": "e-petition"})
    assert response.status_code == 200
    data = response.json
    assert SHAPE <= set(data)
    assert data["input_form"] == "house"
    assert data["language"] == "en"
    assert data["petition"]["addressee"]["kind"] == "government"
    assert len(data["petition"]["grievances"]) == 4
    # A petition the House certified raises no error.
    assert [f for f in data["findings"] if f["severity"] == "error"] == []
    assert data["word_count"]["limit"] == 250
    assert 0 < data["word_count"]["counted"] <= 250
    for finding in data["findings"]:
        assert FINDING_SHAPE <= set(finding)


def test_freeform_text_over_the_limit_reports_the_error_and_what_was_removed(client):
    data = check(client, {"text": sample("freeform/tovuz-aggression.txt")}).json
    assert data["input_form"] == "freeform"
    assert data["word_count"]["counted"] > data["word_count"]["limit"]
    assert any(f["severity"] == "error" and f["rule"] == "R-LEN-1" for f in data["findings"])
    assert data["removed"] and all(r["rule"].startswith("R-") for r in data["removed"])


def test_french_text_is_read_as_french(client):
    data = check(client, {"text": sample("certified/e-4904-fr.txt"), "language": "fr"}).json
    assert data["language"] == "fr"
    assert data["petition"]["language"] == "fr"
    assert data["message_language"] == "fr"  # the live panel marks the findings with it


def test_the_answer_is_what_the_cli_check_prints(client, runner, tmp_path):
    text = sample("freeform/rent-control.txt")
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    printed = runner.invoke(args=["petition", "check", "--format", "json", "--kind", "paper", str(path)])
    assert check(client, {"text": text, "kind": "paper"}).json == json.loads(printed.output)


def test_structured_petition_is_checked(client):
    data = check(client, structured()).json
    assert data["input_form"] == "structured"
    assert data["rendered"].startswith("Petition to the House of Commons")
    assert "fund the construction of non-profit rental housing" in data["rendered"]
    assert data["petition"]["grievances"] == structured()["petition"]["grievances"]
    assert [f for f in data["findings"] if f["severity"] == "error"] == []


def test_structured_petition_may_leave_out_fields(client):
    data = check(client, {"petition": {"grievances": ["Rents are rising"], "prayer": "act"}}).json
    assert data["petition"]["kind"] == "e-petition"
    assert data["petition"]["addressee"]["kind"] == "government"


def test_structured_petition_with_a_problem_reports_it(client):
    body = structured(prayer="", grievances=[])
    data = check(client, body).json
    assert data["summary"]["errors"] >= 1
    assert any(f["part"] == "prayer" for f in data["findings"])


def test_the_live_panel_can_send_back_the_petition_it_was_given(client):
    # The panel starts from a checked petition and posts it again with the person's edits.
    first = check(client, {"text": sample("certified/e-2490.txt")}).json
    again = check(client, {"petition": first["petition"]})
    assert again.status_code == 200
    assert again.json["rendered"] == first["rendered"]


def test_answers_are_not_cached_and_carry_the_security_headers(client):
    response = check(client, structured())
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["X-Content-Type-Options"] == "nosniff"


# --- refusals --------------------------------------------------------------------------------------------

def test_body_that_is_not_json_is_refused(client):
    refused(client.post("/api/check", data="text=hello", content_type="application/x-www-form-urlencoded"),
            "Content-Type: application/json")
    refused(client.post("/api/check", data="{not json", content_type="application/json"), "not valid JSON")
    refused(client.post("/api/check", data=b"\xff\xfe\xfa", content_type="application/json"), "not valid JSON")
    refused(client.post("/api/check", content_type="application/json"), "not valid JSON")


def test_deeply_nested_json_is_a_400_not_a_crash(client):
    body = "[" * 30_000 + "]" * 30_000
    refused(client.post("/api/check", data=body, content_type="application/json"))


@pytest.mark.parametrize("body, expected", [
    ([], "must be a JSON object, not a list"),
    ("text", "must be a JSON object, not a string"),
    ({}, 'either "text"'),
    ({"text": 42}, '"text" must be a string, not a number'),
    ({"text": None}, '"text" must be a string, not null'),
    ({"text": "   "}, '"text" is empty'),
    ({"text": "x", "kind": "online"}, '"kind" must be one of "e-petition", "paper", not "online"'),
    ({"text": "x", "language": "de"}, '"language" must be one of "en", "fr" or null'),
    ({"text": "x", "langauge": "fr"}, 'Unknown field in the request: "langauge"'),
    ({"text": "x", "petition": {}}, "not both"),
    ({"petition": "Whereas..."}, '"petition" must be an object, not a string'),
    ({"petition": {"kind": "email"}}, '"petition.kind" must be one of'),
    ({"petition": {"language": 1}}, '"petition.language" must be one of'),
    ({"petition": {"grievances": "one long string"}}, '"petition.grievances" must be a list of strings'),
    ({"petition": {"grievances": ["fine", 7]}}, '"petition.grievances[1]" must be a string, not a number'),
    ({"petition": {"prayer": ["a", "b"]}}, '"petition.prayer" must be a string, not a list'),
    ({"petition": {"petitioners": 5}}, '"petition.petitioners" must be a string'),
    ({"petition": {"addressee": "the House"}}, '"petition.addressee" must be an object'),
    ({"petition": {"addressee": {"kind": "senate"}}}, '"petition.addressee.kind" must be one of'),
    ({"petition": {"addressee": {"kind": "member", "name": None}}}, '"petition.addressee.name" must be a string'),
    ({"petition": {"addressee": {"in_parliament_assembled": "yes"}}}, "must be true or false"),
    ({"petition": {"signatures": []}}, 'Unknown field in "petition": "signatures"'),
    ({"petition": {"addressee": {"email": "x"}}}, 'Unknown field in "petition.addressee": "email"'),
])
def test_wrong_shapes_and_types_are_refused_with_what_to_fix(client, body, expected):
    refused(check(client, body), expected)


def test_a_lone_surrogate_is_refused(client):
    body = '{"text": "Whereas \\ud800 rents rise"}'
    refused(client.post("/api/check", data=body, content_type="application/json"), "invalid character")


def test_over_long_fields_are_refused_with_the_limit(client):
    refused(check(client, {"text": "word " * (MAX_PASTE_CHARS // 5 + 1)}), f"the limit is {MAX_PASTE_CHARS:,}")
    refused(check(client, structured(grievances=["x" * (MAX_CLAUSE_CHARS + 1)])),
            '"petition.grievances[0]"', f"the limit is {MAX_CLAUSE_CHARS:,}")
    refused(check(client, structured(grievances=["Rents rise"] * (MAX_CLAUSES + 1))),
            f"the limit is {MAX_CLAUSES}")


def test_fields_at_their_limit_are_accepted(client):
    assert check(client, {"text": "a" * MAX_PASTE_CHARS}).status_code == 200
    assert check(client, structured(grievances=["Rents rise"] * MAX_CLAUSES)).status_code == 200


def test_body_over_the_size_limit_is_a_json_413(client):
    body = json.dumps({"text": "x" * MAX_REQUEST_BYTES})
    response = client.post("/api/check", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json["error"] == "request-entity-too-large"
    assert f"{MAX_REQUEST_BYTES // 1024} KB" in response.json["message"]


def test_get_is_a_json_405(client):
    response = client.get("/api/check")
    assert response.status_code == 405
    assert response.json["error"] == "method-not-allowed"
    assert "POST" in response.headers["Allow"]


# --- the language of the messages ------------------------------------------------------------------------

NBSP = "\u00a0"


def test_a_refusal_is_in_the_language_the_client_asks_for(client):
    body = {"petition": {"grievances": ["fine", 7]}}
    english = check(client, body)
    assert english.json["lang"] == "en"
    assert english.json["message"] == '"petition.grievances[1]" must be a string, not a number.'
    french = check(client, body, headers={"Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5"})
    assert french.status_code == 400 and french.json["error"] == "bad-request"  # the names stay as they are
    assert french.json["lang"] == "fr"
    assert french.json["message"] == f"«{NBSP}petition.grievances[1]{NBSP}» doit être une chaîne, pas un nombre."


def test_a_lang_argument_or_field_wins_over_the_browser_and_is_no_unknown_field(client):
    french_browser = {"Accept-Language": "fr"}
    by_query = client.post("/api/check?lang=en", json={"text": "   "}, headers=french_browser)
    assert by_query.json["lang"] == "en" and by_query.json["message"].startswith('"text" is empty')
    by_field = check(client, {"text": "x" * (MAX_PASTE_CHARS + 1), "lang": "fr"})
    assert by_field.json["lang"] == "fr"
    assert by_field.json["message"] == (f"«{NBSP}text{NBSP}» compte 20{NBSP}001 caractères; la limite est de "
                                        f"20{NBSP}000.")
    structured_fr = check(client, {**structured(kind="online"), "lang": "fr"})
    assert structured_fr.json["message"].startswith(f"«{NBSP}petition.kind{NBSP}» doit valoir")
    # A good request with `lang` is answered as without it.
    assert check(client, {**structured(), "lang": "fr"}).json == check(client, structured()).json
    assert check(client, {"text": sample("certified/e-2490.txt"), "lang": "fr"}).status_code == 200
    unknown = check(client, {"text": "x", "lang": "de"}, headers=french_browser)
    assert unknown.json["message"] == f"«{NBSP}lang{NBSP}» doit valoir \"en\", \"fr\" ou null, pas \"de\"."


def test_check_reads_no_cookie_for_its_language_but_the_errors_it_cannot_parse_follow_the_browser(client):
    client.set_cookie("ui_lang", "fr")
    assert check(client, {"text": 5}).json["lang"] == "en"
    french = {"Accept-Language": "fr"}
    too_large = client.post("/api/check", data=json.dumps({"text": "x" * MAX_REQUEST_BYTES}),
                            content_type="application/json", headers=french)
    assert too_large.status_code == 413
    assert too_large.json["message"] == (f"Le corps de la requête dépasse la limite de {MAX_REQUEST_BYTES // 1024} "
                                         "Ko. N’envoyez que la pétition.")
    not_json = client.post("/api/check?lang=fr", data='{"text": ', content_type="application/json")
    assert not_json.json["message"] == "Le corps n’est pas du JSON valide (ligne 1, colonne 10)."
    wrong_method = client.get("/api/check", headers=french)
    assert wrong_method.status_code == 405 and wrong_method.json["message"] == (
        "Ce point d’accès n’accepte pas cette méthode.")
    assert client.get("/api/nothing-here?lang=fr").json["message"].startswith("Ce point d’accès de l’API")


# --- CSRF ------------------------------------------------------------------------------------------------

@pytest.fixture
def csrf_client(tmp_path):
    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "WTF_CSRF_ENABLED": True,
        "DATABASE_URL": fresh_database_url(tmp_path, 'csrf.sqlite'),
    })
    return app.test_client()


def test_api_needs_no_csrf_token_because_it_reads_no_cookie(csrf_client):
    response = check(csrf_client, structured())
    assert response.status_code == 200
    # Stateless: no session is started or sent back.
    assert "Set-Cookie" not in response.headers


def test_csrf_still_guards_forms_when_the_api_is_exempt(csrf_client, client):
    start = {"how": "new", "kind": "e-petition", "language": "en"}
    assert client.post("/", data=start).status_code == 302  # CSRF off: a draft is created
    assert csrf_client.post("/", data=start).status_code == 400  # CSRF on, no token: refused


# --- anything at all -------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
petition_keys = st.sampled_from(["kind", "language", "addressee", "petitioners", "grievances", "prayer"])
addressee_keys = st.sampled_from(["kind", "in_parliament_assembled", "title", "name", "riding", "text"])
near_petitions = st.fixed_dictionaries({}, optional={
    "petition": st.dictionaries(
        petition_keys,
        json_values | st.dictionaries(addressee_keys, json_values | st.sampled_from(["house", "member"])),
        max_size=6,
    ),
    "text": json_values,
    "kind": st.sampled_from(["e-petition", "paper", "x"]) | json_values,
})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=json_values | near_petitions)
def test_any_json_body_gets_an_answer_or_a_400_never_a_500(client, body):
    response = check(client, body)
    assert response.status_code in (200, 400), response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    if response.status_code == 400:
        assert response.json["message"]
