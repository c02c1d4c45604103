"""The migrations are the one way tables are made: from empty to head on SQLite and PostgreSQL, with nothing
left for autogenerate to find, and `flask --app app db ...` doing the same from the command line."""
from __future__ import annotations

import secrets
import shutil
from datetime import datetime, timezone

import pytest
from sqlalchemy import MetaData, create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from app import create_app
from conftest import TEST_DATABASE_URL, postgres_only
from web import migrate
from web.db import load_models
from web.migrate import alembic_config, schema_differences, upgrade_database

# Columns and constraints of the models that revisions after 0001 added (the old create_all never made them).
ADDED_AFTER_0001 = {
    "tables": {"open_petitions"},
    "columns": {"print_runs": ("last_printed_at",),
                "drafts": ("sent_to_supporters_at", "name", "organizer_contact", "return_date", "return_address")},
    "constraints": {"uq_print_run_version_size", "uq_sponsor_response_version"},
}
APP_TABLES = {"drafts", "draft_versions", "sponsor_choices", "sponsor_responses", "timeline_dates", "print_runs",
              "open_petitions"}


def head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    # Two heads mean two branches each added a revision on the same parent: one must be rebased on the other.
    assert len(heads) == 1, f"the migrations have several heads {heads}: chain them (see README, Database)"
    return heads[0]


def upgraded_and_compared(url: str) -> None:
    assert upgrade_database(url)[-1].startswith(f"Database at revision {head()} (was empty)")
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            assert APP_TABLES | {"alembic_version"} == set(inspect(connection).get_table_names())
            assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head()
            # What `flask --app app db migrate` would write: nothing, the revisions hold the whole model.
            assert schema_differences(connection) == []
    finally:
        engine.dispose()
    # Again: nothing to do, nothing changes.
    assert upgrade_database(url)[-1] == f"Database at revision {head()} (was {head()})."


def test_an_empty_sqlite_database_upgrades_to_head_and_matches_the_models(tmp_path):
    upgraded_and_compared(f"sqlite:///{tmp_path / 'empty.sqlite'}")


@postgres_only
def test_an_empty_postgresql_database_upgrades_to_head_and_matches_the_models():
    server = make_url(TEST_DATABASE_URL)
    name = f"petition_migrations_{secrets.token_hex(4)}"
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        upgraded_and_compared(server.set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()


def test_every_revision_downgrades_and_upgrades_again(tmp_path):
    url = f"sqlite:///{tmp_path / 'roundtrip.sqlite'}"
    upgrade_database(url)
    engine = migrate._migration_engine(url)
    with engine.begin() as connection:
        from alembic import command

        command.downgrade(alembic_config(connection), "base")
        assert set(inspect(connection).get_table_names()) == {"alembic_version"}
    engine.dispose()
    upgraded = upgrade_database(url)
    assert upgraded[-1] == f"Database at revision {head()} (was empty)."


def test_starting_the_app_makes_no_tables(tmp_path):
    """Workers only use the tables: four of them starting at once cannot race to create them."""
    path = tmp_path / "untouched.sqlite"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{path}"})
    with app.app_context():
        from web.db import engine

        assert inspect(engine()).get_table_names() == []
        engine().dispose()


def test_flask_db_upgrade_makes_the_tables_and_current_and_check_agree(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": url})
    runner = app.test_cli_runner()
    result = runner.invoke(args=["db", "current"])
    assert result.exit_code == 0 and "empty" in result.output
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert f"Database at revision {head()} (was empty)." in result.output and "Tables ready in sqlite:///" in result.output
    assert runner.invoke(args=["db", "current"]).output.strip() == head()
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 0 and "matches the models" in result.output
    result = runner.invoke(args=["db", "upgrade"])
    assert result.exit_code == 0 and f"(was {head()})" in result.output


def test_db_check_and_migrate_find_a_missing_index_and_write_the_revision_for_it(tmp_path, monkeypatch):
    """What a helper adding a column does: change the model, `db migrate -m`, read the file, `db upgrade`.
    Here the database lacks an index the models declare; the revision written puts it back."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    url = f"sqlite:///{tmp_path / 'migrate.sqlite'}"
    upgrade_database(url)
    parent = head()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_print_runs_draft_id"))
    engine.dispose()
    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": url})
    runner = app.test_cli_runner()
    result = runner.invoke(args=["db", "check"])
    assert result.exit_code == 1 and "ix_print_runs_draft_id" in result.output
    result = runner.invoke(args=["db", "migrate", "-m", "put back the print runs index"])
    assert result.exit_code == 0, result.output
    written = [p for p in (scripts / "versions").glob("*put_back_the_print_runs_index.py")]
    assert len(written) == 1
    source = written[0].read_text()
    assert f"down_revision = '{parent}'" in source and "create_index" in source and "ix_print_runs_draft_id" in source
    assert runner.invoke(args=["db", "upgrade"]).exit_code == 0
    assert runner.invoke(args=["db", "check"]).exit_code == 0


def test_a_database_made_by_create_all_before_migrations_is_adopted_with_its_drafts(tmp_path):
    """Instances created by the app's old start-up (create_all, unnamed constraints) keep their drafts."""
    url = f"sqlite:///{tmp_path / 'legacy.sqlite'}"
    old = MetaData()  # as before: no naming convention
    for table in load_models().sorted_tables:
        if table.name not in ADDED_AFTER_0001["tables"]:
            table.to_metadata(old)
    for table in old.tables.values():
        # What later revisions added was not there then.
        for column in ADDED_AFTER_0001["columns"].get(table.name, ()):
            table._columns.remove(table.c[column])
        for constraint in list(table.constraints):
            if constraint.name in ADDED_AFTER_0001["constraints"]:
                table.constraints.remove(constraint)
            elif constraint.name and not constraint.name.startswith("uq_draft") \
                    and not constraint.name.startswith("uq_sponsor"):
                constraint.name = None
    engine = create_engine(url)
    old.create_all(engine)
    with engine.begin() as connection:
        connection.execute(old.tables["drafts"].insert().values(
            id=1, edit_token_hash="h", review_token="r", kind="paper", language="en", petition_data={}, version=1,
            created_at=datetime.now(timezone.utc), updated_at=datetime.now(timezone.utc)))
    engine.dispose()
    done = upgrade_database(url)
    assert done[0] == "Found tables made before migrations: marked as revision 0001."
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(select(old.tables["drafts"].c.review_token)).scalars().all() == ["r"]
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head()
    engine.dispose()


def test_a_database_with_only_some_of_the_tables_is_left_alone(tmp_path):
    url = f"sqlite:///{tmp_path / 'partial.sqlite'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE drafts (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(migrate.SchemaError, match="not made by this app's migrations"):
        upgrade_database(url)
