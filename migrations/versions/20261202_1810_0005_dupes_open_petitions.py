"""The e-petitions open for signature, for the duplicate warning (R-SUBJ-4); branch `dupes`.

Revision ID: 0005_dupes
Revises: 0004_documents
Created: 2026-12-02 17:35:58

`flask --app app petition import-open` replaces the whole list; one row per petition and language (the House
publishes each in English and French).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0005_dupes'
down_revision = '0004_documents'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('open_petitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=12), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_open_petitions')),
    sa.UniqueConstraint('number', 'language', name='uq_open_petitions_number_language')
    )


def downgrade() -> None:
    op.drop_table('open_petitions')
