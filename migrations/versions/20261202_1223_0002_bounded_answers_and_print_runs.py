"""One sponsor answer per version; one print run per version and paper size, with the date it was last printed.

Revision ID: 0002
Revises: 0001
Created: 2026-12-02 12:23:46

Until now every answer and every download of the sheets added a row. Duplicates are folded before the
unique constraints go on: the newest answer on a version is kept; the first print run of a version and size
is kept, with the latest of its downloads as `last_printed_at` (purge-drafts reads it).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('print_runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('last_printed_at', sa.DateTime(timezone=True), nullable=True))
    op.execute(
        "UPDATE print_runs SET last_printed_at = (SELECT MAX(later.created_at) FROM print_runs later "
        "WHERE later.draft_id = print_runs.draft_id AND later.draft_version = print_runs.draft_version "
        "AND later.size = print_runs.size)")
    op.execute(
        "DELETE FROM print_runs WHERE id NOT IN (SELECT MIN(id) FROM print_runs "
        "GROUP BY draft_id, draft_version, size)")
    with op.batch_alter_table('print_runs', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_print_run_version_size', ['draft_id', 'draft_version', 'size'])

    op.execute(
        "DELETE FROM sponsor_responses WHERE id NOT IN (SELECT MAX(id) FROM sponsor_responses "
        "GROUP BY draft_id, draft_version)")
    with op.batch_alter_table('sponsor_responses', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_sponsor_response_version', ['draft_id', 'draft_version'])


def downgrade() -> None:
    # The folded duplicates are not brought back: they were repeats of the rows kept.
    with op.batch_alter_table('sponsor_responses', schema=None) as batch_op:
        batch_op.drop_constraint('uq_sponsor_response_version', type_='unique')

    with op.batch_alter_table('print_runs', schema=None) as batch_op:
        batch_op.drop_constraint('uq_print_run_version_size', type_='unique')
        batch_op.drop_column('last_printed_at')
