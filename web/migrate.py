"""Schema migrations: Alembic, driven from `flask --app app db ...`.

The revisions live in migrations/versions/; the first one (0001) is the schema
as it stood when migrations began. `upgrade_database(url)` is the one way
tables are made: run it (`flask --app app db upgrade`) once before the server
starts, never from the workers themselves, which only use the tables.

Alembic is used directly rather than through Flask-Migrate, which would bring
Flask-SQLAlchemy for an app that uses plain SQLAlchemy: the few commands below
are the same ones Flask-Migrate offers (`db upgrade`, `db migrate -m`, ...).
"""
from __future__ import annotations

from pathlib import Path

import click
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# The revision that holds the tables `create_all` used to make at start-up.
FIRST_REVISION = "0001"
FIRST_TABLES = {"drafts", "draft_versions", "sponsor_choices", "sponsor_responses", "timeline_dates", "print_runs"}


# Two `db upgrade` run at once on PostgreSQL (two deploys, two machines) take turns instead of both
# creating the same tables: the second finds the work done. Any fixed number will do.
UPGRADE_LOCK = 7_311_011


class SchemaError(click.ClickException):
    pass


def _take_turns(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # Names sort in the order revisions were written: 20261202_1130_ab12cd34ef56_add_print_counts.py
    config.set_main_option("file_template", "%%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d_%%(rev)s_%%(slug)s")
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    config.attributes["connection"] = connection
    return config


def _migration_engine(url: str) -> Engine:
    """An engine for schema changes. On SQLite, foreign keys are off while tables are rebuilt: a batch
    migration copies a table and drops the old one, and with them on, that drop would cascade-delete
    every draft's versions, answers and print runs."""
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout = 30000")
            cursor.execute("PRAGMA foreign_keys = OFF")
            cursor.close()
    return engine


def _adopt_tables_made_by_create_all(connection: Connection) -> str | None:
    """A database from before migrations (tables, no alembic_version) is marked as being at the first
    revision, so upgrading it keeps its drafts instead of failing on "table already exists"."""
    tables = set(inspect(connection).get_table_names())
    if "alembic_version" in tables or not tables & FIRST_TABLES:
        return None
    missing = FIRST_TABLES - tables
    if missing:
        raise SchemaError(
            f"The database has some of the app's tables but not {', '.join(sorted(missing))}, and no "
            "alembic_version table: it was not made by this app's migrations. Nothing was changed.")
    MigrationContext.configure(connection).stamp(ScriptDirectory.from_config(alembic_config()), FIRST_REVISION)
    return FIRST_REVISION


def upgrade_database(url: str, revision: str = "head") -> list[str]:
    """Brings the database at `url` to `revision`; returns what was done, one line each."""
    done = []
    engine = _migration_engine(url)
    try:
        with engine.begin() as connection:
            _take_turns(connection)
            if _adopt_tables_made_by_create_all(connection):
                done.append(f"Found tables made before migrations: marked as revision {FIRST_REVISION}.")
            before = MigrationContext.configure(connection).get_current_heads()
            command.upgrade(alembic_config(connection), revision)
            after = MigrationContext.configure(connection).get_current_heads()
            if connection.dialect.name == "sqlite":
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
                if broken:
                    raise SchemaError(f"The upgrade left rows pointing at nothing: {broken[:5]}")
        done.append(f"Database at revision {', '.join(after) or 'none'} (was {', '.join(before) or 'empty'}).")
    finally:
        engine.dispose()
    return done


def schema_differences(connection: Connection) -> list:
    """What autogenerate would put in a new revision: [] when the database matches the models."""
    from .db import load_models

    context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
    return compare_metadata(context, load_models())


# ----- flask --app app db ... ---------------------------------------------------------------------

def _url() -> str:
    return current_app.config["DATABASE_URL"]


def _shown_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(_url()).render_as_string(hide_password=True)


def _with_connection(action):
    engine = _migration_engine(_url())
    try:
        with engine.begin() as connection:
            return action(connection)
    finally:
        engine.dispose()


@click.group("db")
def db_cli() -> None:
    """Schema migrations (Alembic): upgrade, migrate, current, history, check, downgrade."""


@db_cli.command("upgrade")
@click.argument("revision", default="head")
@with_appcontext
def upgrade_command(revision: str) -> None:
    """Make or bring the tables to REVISION (default: the latest). Run once before starting the server."""
    for line in upgrade_database(_url(), revision):
        click.echo(line)
    click.echo(f"Tables ready in {_shown_url()}.")


@db_cli.command("downgrade")
@click.argument("revision", default="-1")
@with_appcontext
def downgrade_command(revision: str) -> None:
    """Undo revisions down to REVISION (default: undo the last one; base: drop every table)."""
    def downgrade(connection):
        _take_turns(connection)
        command.downgrade(alembic_config(connection), revision)

    _with_connection(downgrade)


@db_cli.command("migrate")
@click.option("-m", "--message", required=True, help="What the revision changes, e.g. 'add print counts'.")
@with_appcontext
def migrate_command(message: str) -> None:
    """Write a new revision from the difference between the models and the database (upgrade it first)."""
    def write(connection):
        heads = MigrationContext.configure(connection).get_current_heads()
        script = ScriptDirectory.from_config(alembic_config())
        if set(heads) != set(script.get_heads()):
            raise SchemaError("The database is not at the latest revision: run `flask --app app db upgrade` "
                              "first, so the new revision holds only your change.")
        return command.revision(alembic_config(connection), message=message, autogenerate=True)

    revision = _with_connection(write)
    click.echo(f"Wrote {revision.path}: read it, correct it, then run `flask --app app db upgrade`.")


@db_cli.command("current")
@with_appcontext
def current_command() -> None:
    """The revision the database is at."""
    heads = _with_connection(lambda connection: MigrationContext.configure(connection).get_current_heads())
    click.echo(", ".join(heads) or "empty (run `flask --app app db upgrade`)")


@db_cli.command("history")
def history_command() -> None:
    """Every revision, newest first."""
    command.history(alembic_config())


@db_cli.command("check")
@with_appcontext
def check_command() -> None:
    """Exit 1 when the models differ from the database (a revision is missing or not applied)."""
    differences = _with_connection(schema_differences)
    if differences:
        for difference in differences:
            click.echo(str(difference))
        raise SchemaError("The models and the database differ: write a revision with `flask --app app db migrate`.")
    click.echo("The database matches the models.")
