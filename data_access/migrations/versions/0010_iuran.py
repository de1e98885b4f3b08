"""Contributions paid (iuran) and where they define "active" (cakupan_iuran).

- iuran: one row per participant and month covered (bulan, the first day of that month): the amount
  paid in rupiah, the day it was paid and who paid it. The natural key (participant, month) is what
  a corrected re-export updates.
- rekap_iuran: money billed and paid, lapses and returns per village and month (data_access.rekap_iuran).
- cakupan_iuran: per regency (the first five characters of a village code) and segment, the first
  month the payment exports cover and the month of the latest payment in them. Inside that scope a
  participant is active in a month when the month is paid (with the grace period in
  info_data.masa_tenggang_bulan); outside it, and before its first month, the enrolment periods
  decide (data_access.masa_aktif).

Revision ID: 0010
"""

import sqlalchemy as sa
from alembic import op

from data_access import rekap_iuran

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

    op.create_table(
        "rekap_iuran",  # see data_access.rekap_iuran
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("kode_desa", sa.String(13), nullable=False),
        sa.Column("sumber_dana", sa.String(14), nullable=False),
        sa.Column("bulan", sa.Date, nullable=False),
        sa.Column("tagihan", sa.BigInteger, nullable=False),
        sa.Column("dibayar", sa.BigInteger, nullable=False),
        sa.Column("peserta_bayar", sa.Integer, nullable=False),
        sa.Column("mulai", sa.Integer, nullable=False),
        sa.Column("berhenti", sa.Integer, nullable=False),
        sa.Column("kembali", sa.Integer, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_rekap_iuran_desa ON rekap_iuran (kode_desa varchar_pattern_ops, bulan)")
        op.create_index("ix_iuran_bulan", "iuran", ["bulan"])
    # Existing enrolments are billed and their lapses counted from the start.
    rekap_iuran.bangun_ulang(op.get_bind())


def downgrade() -> None:
    op.drop_table("rekap_iuran")
    op.drop_table("cakupan_iuran")
    op.drop_table("iuran")
