"""Branch handoff: when an e-petition was sent to its supporters on the House's site (its text is frozen).

Revision ID: 0003_handoff
Revises: 0002
Created: 2026-12-02 18:00:00

Null for every existing draft: none was marked as sent before this column existed.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

revision = '0003_handoff'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sent_to_supporters_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('drafts', schema=None) as batch_op:
        batch_op.drop_column('sent_to_supporters_at')
