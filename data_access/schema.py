"""The current shape of the database, for queries and inserts (SQLAlchemy 2 Core).

Migrations under `migrations/versions/` are the history that builds this shape; when a table
changes here, a new migration says how an existing database gets there without losing rows.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

STATUS_DESA_SADAR = ("kandidat", "dicanangkan", "ditetapkan")
JENIS_KEGIATAN = ("festival", "peluncuran", "sosialisasi", "layanan_keliling", "lainnya")
SUMBER_DANA = ("mandiri", "pemberi_kerja", "apbd", "apbdes", "csr", "dbhcht")
KANAL = ("acara", "perisai", "kolektif_desa", "daring", "bank_kantor_pos", "kantor_cabang", "pemberi_kerja")
SEMUA = "SEMUA"  # a target that applies to every segment or programme


def _id(urutan: str) -> sa.Column:
    return sa.Column("id", sa.BigInteger, primary_key=True, server_default=sa.text(f"nextval('{urutan}')"))


wilayah = sa.Table(
    "wilayah", metadata,
    sa.Column("kode", sa.String(13), primary_key=True),
    sa.Column("nama", sa.String(120), nullable=False),
    sa.Column("tingkat", sa.String(12), nullable=False),
    sa.Column("kode_induk", sa.String(13)),
    sa.Column("jenis", sa.String(12)),
)

program = sa.Table(
    "program", metadata,
    sa.Column("kode", sa.String(4), primary_key=True),
    sa.Column("nama", sa.String(60), nullable=False),
)

status_desa_sadar = sa.Table(
    "status_desa_sadar", metadata,
    _id("status_desa_sadar_id_seq"),
    sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("tanggal", sa.Date, nullable=False),
    sa.Column("catatan", sa.Text),
)

kegiatan = sa.Table(
    "kegiatan", metadata,
    _id("kegiatan_id_seq"),
    sa.Column("nama", sa.String(200), nullable=False),
    sa.Column("jenis", sa.String(20), nullable=False),
    sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), nullable=False),
    sa.Column("tanggal_mulai", sa.Date, nullable=False),
    sa.Column("tanggal_selesai", sa.Date, nullable=False),
    sa.Column("jumlah_hadir", sa.Integer),
    sa.Column("lat", sa.Float),
    sa.Column("lng", sa.Float),
    sa.Column("biaya", sa.BigInteger),
    sa.Column("catatan", sa.Text),
    sa.Column("sumber", sa.String(12), nullable=False),
)

peserta = sa.Table(
    "peserta", metadata,
    _id("peserta_id_seq"),
    sa.Column("kunci_pseudonim", sa.String(64), nullable=False, unique=True),
    sa.Column("segmen", sa.String(5), nullable=False),
    sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), nullable=False),
    sa.Column("pekerjaan", sa.String(60)),
    sa.Column("jenis_kelamin", sa.String(1)),
    sa.Column("tahun_lahir", sa.SmallInteger),
    sa.Column("sumber_dana", sa.String(14), nullable=False),
    sa.Column("kanal", sa.String(16), nullable=False),
    sa.Column("tanggal_daftar", sa.Date, nullable=False),
    sa.Column("kegiatan_id", sa.BigInteger, sa.ForeignKey("kegiatan.id")),
    sa.Column("sumber", sa.String(12), nullable=False),
    sa.UniqueConstraint("id", "segmen", "kode_desa", name="uq_peserta_id_segmen_desa"),
)

kepesertaan = sa.Table(
    "kepesertaan", metadata,
    _id("kepesertaan_id_seq"),
    sa.Column("peserta_id", sa.BigInteger, nullable=False),
    # Copied from peserta (and held equal by the foreign key) so the eligibility rule can be a
    # CHECK and the overview's counts need no join.
    sa.Column("segmen", sa.String(5), nullable=False),
    sa.Column("kode_desa", sa.String(13), nullable=False),
    sa.Column("program", sa.String(4), sa.ForeignKey("program.kode"), nullable=False),
    sa.Column("tanggal_mulai", sa.Date, nullable=False),
    sa.Column("tanggal_berakhir", sa.Date),
    sa.Column("iuran_bulanan", sa.BigInteger),
)

# Derived from kepesertaan (data_access.masa_aktif); never written by hand.
masa_aktif = sa.Table(
    "masa_aktif", metadata,
    sa.Column("peserta_id", sa.BigInteger, nullable=False),
    sa.Column("program", sa.String(5), nullable=False),
    sa.Column("segmen", sa.String(5), nullable=False),
    sa.Column("kode_desa", sa.String(13), nullable=False),
    sa.Column("tanggal_mulai", sa.Date, nullable=False),
    sa.Column("tanggal_berakhir", sa.Date, nullable=False),  # 9999-12-31 while still active
)

target = sa.Table(
    "target", metadata,
    _id("target_id_seq"),
    sa.Column("kode_wilayah", sa.String(13), sa.ForeignKey("wilayah.kode"), nullable=False),
    sa.Column("tahun", sa.SmallInteger, nullable=False),
    sa.Column("ukuran", sa.String(20), nullable=False),
    sa.Column("segmen", sa.String(5), nullable=False),
    sa.Column("program", sa.String(5), nullable=False),
    sa.Column("nilai", sa.BigInteger, nullable=False),
    sa.Column("sumber", sa.String(12), nullable=False),
)

penyebut = sa.Table(
    "penyebut", metadata,
    sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), primary_key=True),
    sa.Column("tahun", sa.SmallInteger, primary_key=True),
    sa.Column("penduduk", sa.Integer),
    sa.Column("penduduk_bekerja", sa.Integer),
    sa.Column("pekerja_informal", sa.Integer),
    sa.Column("perangkat_desa", sa.Integer),
    sa.Column("sumber", sa.String(12), nullable=False),
)

log_impor = sa.Table(
    "log_impor", metadata,
    _id("log_impor_id_seq"),
    sa.Column("waktu", sa.DateTime, nullable=False),
    sa.Column("pengguna", sa.String(80), nullable=False),
    sa.Column("jenis", sa.String(30), nullable=False),
    sa.Column("nama_berkas", sa.String(255)),
    sa.Column("hash_berkas", sa.String(64)),
    sa.Column("baris_diterima", sa.Integer, nullable=False),
    sa.Column("baris_ditolak", sa.Integer, nullable=False),
    sa.Column("status", sa.String(12), nullable=False),
    sa.Column("keterangan", sa.Text),
)

info_data = sa.Table(
    "info_data", metadata,
    sa.Column("kunci", sa.String(40), primary_key=True),
    sa.Column("nilai", sa.Text, nullable=False),
)
