"""peserta.program_dimiliki: the programmes a participant holds or held, as bits, kept with the islands.

Revision ID: 0006
"""

import sqlalchemy as sa
from alembic import op

from data_access import masa_aktif

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable with a default: DuckDB adds no constraint with a new column; the code always sets it.
    op.add_column("peserta", sa.Column("program_dimiliki", sa.Integer, server_default="0"))
    masa_aktif.perbarui_program_dimiliki(op.get_bind())


def downgrade() -> None:
    op.drop_column("peserta", "program_dimiliki")
