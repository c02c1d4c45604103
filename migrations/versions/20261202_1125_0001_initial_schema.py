"""The schema as it stood when migrations began: drafts and their versions, sponsors, timeline, print runs.

Revision ID: 0001
Revises:
Created: 2026-12-02 11:25:09

Until then the app made these tables with create_all at start-up; `flask --app app db upgrade` marks such a
database as being at this revision instead of creating them again (web/migrate.py).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('edit_token_hash', sa.String(length=64), nullable=False),
    sa.Column('review_token', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('petition_data', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('source_text', sa.Text(), nullable=True),
    sa.Column('conversion', sa.JSON(), nullable=True),
    sa.Column('ready_version', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts'))
    )
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drafts_edit_token_hash'), ['edit_token_hash'], unique=True)
        batch_op.create_index(batch_op.f('ix_drafts_review_token'), ['review_token'], unique=True)

    op.create_table('draft_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('petition_data', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_draft_versions_draft_id_drafts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_versions')),
    sa.UniqueConstraint('draft_id', 'number', name='uq_draft_version_number')
    )
    with op.batch_alter_table('draft_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_versions_draft_id'), ['draft_id'], unique=False)

    op.create_table('print_runs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('draft_version', sa.Integer(), nullable=False),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.String(length=20), nullable=False),
    sa.Column('sheets', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_print_runs_draft_id_drafts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_print_runs'))
    )
    with op.batch_alter_table('print_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_print_runs_draft_id'), ['draft_id'], unique=False)

    op.create_table('sponsor_choices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('riding', sa.String(length=200), nullable=False),
    sa.Column('party', sa.String(length=200), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('office_postal', sa.Text(), nullable=False),
    sa.Column('office_tel', sa.String(length=100), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_sponsor_choices_draft_id_drafts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sponsor_choices')),
    sa.UniqueConstraint('draft_id', 'position', name='uq_sponsor_choice_position')
    )
    with op.batch_alter_table('sponsor_choices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sponsor_choices_draft_id'), ['draft_id'], unique=False)

    op.create_table('sponsor_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('draft_version', sa.Integer(), nullable=False),
    sa.Column('answer', sa.String(length=20), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('responder', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_sponsor_responses_draft_id_drafts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sponsor_responses'))
    )
    with op.batch_alter_table('sponsor_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sponsor_responses_draft_id'), ['draft_id'], unique=False)

    op.create_table('timeline_dates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('sent_to_sponsor', sa.Date(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('open_days', sa.Integer(), nullable=True),
    sa.Column('closed', sa.Date(), nullable=True),
    sa.Column('presented', sa.Date(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_timeline_dates_draft_id_drafts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_timeline_dates')),
    sa.UniqueConstraint('draft_id', name=op.f('uq_timeline_dates_draft_id'))
    )


def downgrade() -> None:
    op.drop_table('timeline_dates')
    with op.batch_alter_table('sponsor_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sponsor_responses_draft_id'))

    op.drop_table('sponsor_responses')
    with op.batch_alter_table('sponsor_choices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sponsor_choices_draft_id'))

    op.drop_table('sponsor_choices')
    with op.batch_alter_table('print_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_print_runs_draft_id'))

    op.drop_table('print_runs')
    with op.batch_alter_table('draft_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_versions_draft_id'))

    op.drop_table('draft_versions')
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drafts_review_token'))
        batch_op.drop_index(batch_op.f('ix_drafts_edit_token_hash'))

    op.drop_table('drafts')
