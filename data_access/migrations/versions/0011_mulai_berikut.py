"""masa_aktif.mulai_berikut: the start of the participant's next island in the same programme.

A lapse count read "an island ended in the period and no island of the same participant is active at
its end" by looking each ending island's participant up again: at 1M participants on PostgreSQL that
search was most of the overview's time. With the next start on the island itself the count is a
range read of one table (data_access.masa_aktif.sql_berhenti). The islands are rebuilt here, which
leaves them and their rollups as they were and fills the new column.

Revision ID: 0011
"""

import sqlalchemy as sa
from alembic import op

from data_access import masa_aktif

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("masa_aktif", sa.Column("mulai_berikut", sa.Date))
    masa_aktif.bangun_ulang_pulau(op.get_bind())
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ANALYZE masa_aktif")


def downgrade() -> None:
    op.drop_column("masa_aktif", "mulai_berikut")
