"""The `petition check` and `petition convert` commands, through Flask's CLI runner."""
import json

import pytest

from conftest import SAMPLES, sample

CERTIFIED = SAMPLES / "certified" / "e-4904.txt"
TOVUZ = SAMPLES / "freeform" / "tovuz-aggression.txt"


@pytest.fixture
def runner(app):
    # The commands must work with no SECRET_KEY at all.
    app.config["SECRET_KEY"] = None
    return app.test_cli_runner()


def check(runner, *args, input=None):
    return runner.invoke(args=["petition", "check", *args], input=input)


def test_certified_petition_exits_0_with_a_readable_report(runner):
    result = check(runner, str(CERTIFIED))
    assert result.exit_code == 0, result.output
    assert "Petition to the Government of Canada" in result.output
    assert "Words (grievances + request): 165 of 250" in result.output
    assert "Result: 0 errors" in result.output


def test_over_limit_draft_exits_1_and_groups_findings_by_part(runner):
    result = check(runner, str(TOVUZ))
    assert result.exit_code == 1
    assert "R-LEN-1" in result.output and "ERROR" in result.output
    # Findings say where they are in the file as typed (the words past 250 start on line 15).
    assert "(over-limit) at line 15, column 309" in result.output
    assert "[left out of the petition]" in result.output
    assert "have signed" in result.output  # the banner, listed as left out


def test_the_report_says_what_the_reader_assumed(runner):
    result = check(runner, str(SAMPLES / "freeform" / "increase-oas.txt"))
    assert result.exit_code == 0  # the title's ask is the request, said in the notes for the organizer to confirm
    assert "[how the draft was read]" in result.output
    assert "the request is taken from its title or heading, “Increase Old Age Security”" in result.output
    none = check(runner, str(SAMPLES / "freeform" / "rent-control.txt"))
    assert none.exit_code == 1  # no request, and none is made up
    assert "No request found" in none.output


def test_json_output_is_one_object_with_the_documented_keys(runner):
    result = check(runner, "--format", "json", str(TOVUZ))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert {"input_form", "kind", "language", "petition", "rendered", "word_count", "findings", "removed"} <= set(data)
    assert data["word_count"]["counted"] > data["word_count"]["limit"] == 250
    assert any(f["rule"] == "R-LEN-1" and f["severity"] == "error" for f in data["findings"])
    assert data["petition"]["addressee"]["kind"] == "government"


def test_paper_kind_has_no_limit(runner):
    result = check(runner, "--kind", "paper", "--format", "json", str(TOVUZ))
    data = json.loads(result.stdout)
    assert data["kind"] == "paper" and data["word_count"]["limit"] is None
    assert not any(f["rule"] == "R-LEN-1" for f in data["findings"])


def test_stdin(runner):
    result = check(runner, "-", input=sample("certified/e-2490.txt"))
    assert result.exit_code == 0
    assert "House of Commons in Parliament assembled" in result.output


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"Petition\x00to the House", "binary"),
    (b"Petition to the House \xff\xfe of Commons", "not UTF-8"),
])
def test_unreadable_input_exits_2_with_one_line(runner, tmp_path, data, message):
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    result = check(runner, str(path))
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_utf16_file_saved_by_notepad_is_read(runner, tmp_path):
    path = tmp_path / "notepad.txt"
    path.write_bytes(sample("certified/e-4904-fr.txt").encode("utf-16"))  # with its byte-order mark
    result = check(runner, str(path))
    assert result.exit_code == 0, result.output
    assert "Pétition" in result.output


def test_missing_file_and_directory_exit_2(runner, tmp_path):
    for path, message in ((tmp_path / "nope.txt", "no such file"), (tmp_path, "directory")):
        result = check(runner, str(path))
        assert result.exit_code == 2 and message in result.output


def test_a_megabyte_of_text_gets_an_answer(runner, tmp_path):
    path = tmp_path / "big.txt"
    body = ("Whereas the service is poor in rural areas and nothing changes; " * 16000)[:1_000_000]
    path.write_text("Petition to the House of Commons\n" + body
                    + "\nWe, the undersigned, call upon the House of Commons to fund it.", encoding="utf-8")
    result = check(runner, "--format", "json", str(path))
    assert result.exit_code == 1  # far over 250 words
    assert any(f["code"] == "over-limit" for f in json.loads(result.stdout)["findings"])


def test_control_characters_and_mixed_scripts_get_findings_not_crashes(runner):
    text = ("Petition to the House of Commons\nWhereas:\nOur group\u202e, known as Общество, has\x07 no service.\n"
            "We, the undersigned, call upon the House of Commons to fund rural service.")
    result = check(runner, "--format", "json", "-", input=text)
    assert result.exit_code == 0
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert {"control-characters", "other-script"} <= codes


def test_convert_prints_house_format_in_the_drafts_language(runner):
    result = runner.invoke(args=["petition", "convert", str(SAMPLES / "certified" / "e-1961-fr.txt")])
    assert result.exit_code == 0
    assert result.stdout.startswith("Pétition au gouvernement du Canada")
    assert "Nous, soussignés" in result.stdout


def test_convert_lang_sets_the_formulae_without_translating(runner):
    result = runner.invoke(args=["petition", "convert", "--lang", "fr", str(CERTIFIED)])
    assert result.exit_code == 0
    assert result.stdout.startswith("Pétition au gouvernement du Canada")
    assert "Canadian women assume the vast majority" in result.stdout  # the petitioner's words stay as written


def test_convert_freeform_lists_what_was_left_out_on_stderr(runner):
    result = runner.invoke(args=["petition", "convert", str(TOVUZ)])
    assert result.exit_code == 0
    assert "call upon the Government of Canada to" in result.stdout
    assert "have signed" not in result.stdout
    assert "Left out" in result.stderr


def test_convert_unreadable_input_exits_2(runner, tmp_path):
    path = tmp_path / "bin"
    path.write_bytes(b"\x00\x01")
    result = runner.invoke(args=["petition", "convert", str(path)])
    assert result.exit_code == 2 and "binary" in result.output



def test_a_french_petition_is_reported_in_french(runner):
    result = check(runner, str(SAMPLES / "certified" / "e-4904-fr.txt"))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Pétition (pétition électronique, lue comme forme de la Chambre, langue\u00a0: français)")
    assert "Mots (motifs + demande)\u00a0: 202 sur 250" in result.output
    assert "Résultat\u00a0: 0 erreur" in result.output
    assert "[La demande]" in result.output and "NOTE" in result.output


def test_messages_with_no_petition_follow_the_environments_language(monkeypatch):
    import cli

    monkeypatch.setenv("LC_ALL", "fr_CA.UTF-8")
    assert cli.terminal_copy().lang == "fr"
    with pytest.raises(cli.InputError) as err:
        cli.read_input("/no/such/file.txt")
    assert str(err.value) == "/no/such/file.txt\u00a0: fichier introuvable"
    monkeypatch.setenv("LC_ALL", "")
    monkeypatch.setenv("LANG", "en_CA.UTF-8")
    assert cli.terminal_copy().lang == "en"
