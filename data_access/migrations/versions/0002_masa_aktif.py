"""Active periods per participant (masa_aktif), derived from kepesertaan and kept on write.

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

from data_access import masa_aktif

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "masa_aktif",
        sa.Column("peserta_id", sa.BigInteger, nullable=False),
        sa.Column("program", sa.String(5), nullable=False),
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("kode_desa", sa.String(13), nullable=False),
        sa.Column("tanggal_mulai", sa.Date, nullable=False),
        sa.Column("tanggal_berakhir", sa.Date, nullable=False),  # 9999-12-31 while still active
    )
    if op.get_bind().dialect.name == "postgresql":
        op.create_index("ix_masa_aktif_peserta", "masa_aktif", ["peserta_id"])
        op.create_index("ix_masa_aktif_program_desa", "masa_aktif", ["program", "kode_desa"])
    # Derived data: the backfill uses today's island rule, which is the rule the app reads with.
    masa_aktif.bangun_ulang_pulau(op.get_bind(), dengan_iuran=False)  # the rollup arrives in 0004


def downgrade() -> None:
    op.drop_table("masa_aktif")
