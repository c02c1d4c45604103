"""Alembic's environment: compares and migrates against the app's models (web/db.py's Base.metadata).

Reached through web/migrate.py (`flask --app app db ...`), which hands over an open
connection in config.attributes["connection"].
"""
from __future__ import annotations

from alembic import context

from web.db import load_models

config = context.config
target_metadata = load_models()

def _configure(**options) -> None:
    context.configure(
        target_metadata=target_metadata,
        # Revisions written as batch operations also work on SQLite, which cannot ALTER most things.
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
        **options,
    )


def run_migrations_offline() -> None:
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from web.migrate import _migration_engine

        engine = _migration_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run(connection)
        engine.dispose()
    else:
        _run(connection)


def _run(connection) -> None:
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
