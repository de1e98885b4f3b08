"""Contributions paid (iuran) and where they define "active" (cakupan_iuran).

- iuran: one row per participant and month covered (bulan, the first day of that month): the amount
  paid in rupiah, the day it was paid and who paid it. The natural key (participant, month) is what
  a corrected re-export updates.
- cakupan_iuran: per regency (the first five characters of a village code) and segment, the first
  month the payment exports cover and the month of the latest payment in them. Inside that scope a
  participant is active in a month when the month is paid (with the grace period in
  info_data.masa_tenggang_bulan); outside it, and before its first month, the enrolment periods
  decide (data_access.masa_aktif).

Revision ID: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# Kept literal (a migration is history); tests/data_access check it against domain.iuran.
PEMBAYAR = "('mandiri', 'pemberi_kerja', 'apbd', 'apbdes', 'csr', 'dbhcht')"


def upgrade() -> None:
    op.create_table(
        "iuran",
        sa.Column("peserta_id", sa.BigInteger, primary_key=True),
        sa.Column("bulan", sa.Date, primary_key=True),
        sa.Column("jumlah", sa.BigInteger, nullable=False),
        sa.Column("tanggal_bayar", sa.Date),
        sa.Column("pembayar", sa.String(14), nullable=False),
        sa.Column("sumber", sa.String(12), nullable=False),
        sa.CheckConstraint("jumlah >= 0", name="ck_iuran_jumlah"),
        sa.CheckConstraint(f"pembayar IN {PEMBAYAR}", name="ck_iuran_pembayar"),
    )
    op.create_table(
        "cakupan_iuran",
        sa.Column("kode_kabupaten", sa.String(5), primary_key=True),
        sa.Column("segmen", sa.String(5), primary_key=True),
        sa.Column("bulan_awal", sa.Date, nullable=False),
        sa.Column("bulan_data", sa.Date, nullable=False),
        sa.CheckConstraint("bulan_data >= bulan_awal", name="ck_cakupan_iuran_bulan"),
    )


def downgrade() -> None:
    op.drop_table("cakupan_iuran")
    op.drop_table("iuran")
