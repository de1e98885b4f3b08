"""Yearly rollup of the active periods (rekap_masa_aktif_tahunan), kept on write like the monthly one.

Revision ID: 0005
"""

import sqlalchemy as sa
from alembic import op

from data_access import masa_aktif

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rekap_masa_aktif_tahunan",
        sa.Column("program", sa.String(5), nullable=False),
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("kode_desa", sa.String(13), nullable=False),
        sa.Column("tahun", sa.Date, nullable=False),  # 1 January of the year
        sa.Column("mulai", sa.Integer, nullable=False),
        sa.Column("berakhir", sa.Integer, nullable=False),
        # No key: a ledger of changes that readers sum (see masa_aktif._ubah_rekap).
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_rekap_tahunan_desa ON rekap_masa_aktif_tahunan (kode_desa varchar_pattern_ops)")
        # Programme first: the map reads two programmes of six, the overview all of them.
        op.execute("CREATE INDEX ix_rekap_bulanan_program ON rekap_masa_aktif (program, bulan, kode_desa varchar_pattern_ops)")
    masa_aktif.bangun_ulang_rekap(op.get_bind(), ["rekap_masa_aktif_tahunan"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_rekap_bulanan_program", "rekap_masa_aktif")
    op.drop_table("rekap_masa_aktif_tahunan")
