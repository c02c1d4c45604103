"""The draft's name and the organizer's details (branch documents): contact, return date, return address.

Revision ID: 0004_documents
Revises: 0003_handoff
Created: 2026-12-02 17:34:24

Four nullable columns on drafts, entered in the settings step: they go on the organizer's documents (PDF
headers, the volunteer instructions), never on the petition sheets. Existing drafts get none (a name is then
derived from the request).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0004_documents'
down_revision = '0003_handoff'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('organizer_contact', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('return_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('return_address', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_column('return_address')
        batch_op.drop_column('return_date')
        batch_op.drop_column('organizer_contact')
        batch_op.drop_column('name')
