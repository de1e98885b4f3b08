"""Monthly rollup of the active periods (rekap_masa_aktif), kept on write; date indexes for the
partial month the rollup does not cover.

Revision ID: 0004
"""

import sqlalchemy as sa
from alembic import op

from data_access import masa_aktif

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rekap_masa_aktif",
        sa.Column("program", sa.String(5), nullable=False),
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("kode_desa", sa.String(13), nullable=False),
        sa.Column("bulan", sa.Date, nullable=False),  # first day of the month
        sa.Column("mulai", sa.Integer, nullable=False),  # islands beginning in the month
        sa.Column("berakhir", sa.Integer, nullable=False),  # islands ending in the month (open ones never)
        # No key: a ledger of changes that readers sum (see masa_aktif._ubah_rekap).
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_rekap_masa_aktif_desa ON rekap_masa_aktif (kode_desa varchar_pattern_ops, bulan)")
        # The days of a month not yet over are counted from the islands themselves: these let
        # PostgreSQL read just those days (DuckDB's scan is fast enough without, and its indexes
        # would slow every write).
        op.create_index("ix_masa_aktif_mulai", "masa_aktif", ["tanggal_mulai", "program", "kode_desa"])
        op.create_index("ix_masa_aktif_berakhir", "masa_aktif", ["tanggal_berakhir", "program", "kode_desa"])
    masa_aktif.bangun_ulang_rekap(op.get_bind(), ["rekap_masa_aktif"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index("ix_masa_aktif_berakhir", "masa_aktif")
        op.drop_index("ix_masa_aktif_mulai", "masa_aktif")
        op.drop_index("ix_rekap_masa_aktif_desa", "rekap_masa_aktif")
    op.drop_table("rekap_masa_aktif")
