"""The event screen's stage: a sign-up goal per event, and which scene the projector shows.

- kegiatan.target_pendaftar: how many sign-ups the branch hopes for at the event (the event form
  and the events import set it); empty when the event has no goal.
- kegiatan.mode_layar: 'sambutan', 'langsung' or 'penutup' (domain.layar.ModeLayar), set by staff
  from a phone; empty reads as 'langsung'. Nullable because DuckDB cannot add a NOT NULL column.
- On PostgreSQL, an index on peserta.kegiatan_id: the stage asks for its event's fingerprint every
  few seconds (DuckDB scans the column fast without one, as elsewhere in the schema).

Revision ID: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("kegiatan", sa.Column("target_pendaftar", sa.Integer))
    op.add_column("kegiatan", sa.Column("mode_layar", sa.String(10)))
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_peserta_kegiatan", "peserta", ["kegiatan_id"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_peserta_kegiatan", "peserta")
    op.drop_column("kegiatan", "mode_layar")
    op.drop_column("kegiatan", "target_pendaftar")
