"""The first schema: regions, programmes, Desa Sadar statuses, events, participants, enrolments,
targets, denominators, the import log and dataset facts.

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

URUTAN = ("status_desa_sadar", "kegiatan", "peserta", "kepesertaan", "target", "log_impor")

# Kept literal (a migration is history); tests/data_access check it against domain.program.
CEK_PROGRAM_BOLEH = (
    "segmen = 'PU'"
    " OR (segmen IN ('BPU', 'PMI') AND program IN ('JKK', 'JKM', 'JHT'))"
    " OR (segmen = 'JAKON' AND program IN ('JKK', 'JKM'))"
)


def _id(tabel: str) -> sa.Column:
    return sa.Column("id", sa.BigInteger, primary_key=True, server_default=sa.text(f"nextval('{tabel}_id_seq')"))


def upgrade() -> None:
    for tabel in URUTAN:
        op.execute(sa.schema.CreateSequence(sa.Sequence(f"{tabel}_id_seq")))

    op.create_table(
        "wilayah",
        sa.Column("kode", sa.String(13), primary_key=True),
        sa.Column("nama", sa.String(120), nullable=False),
        sa.Column("tingkat", sa.String(12), nullable=False),
        sa.Column("kode_induk", sa.String(13)),
        sa.Column("jenis", sa.String(12)),
        sa.CheckConstraint("tingkat IN ('provinsi', 'kabupaten', 'kecamatan', 'desa')", name="ck_wilayah_tingkat"),
    )
    op.create_table(
        "program",
        sa.Column("kode", sa.String(4), primary_key=True),
        sa.Column("nama", sa.String(60), nullable=False),
    )
    op.bulk_insert(
        sa.table("program", sa.column("kode"), sa.column("nama")),
        [
            {"kode": "JKK", "nama": "Jaminan Kecelakaan Kerja"},
            {"kode": "JKM", "nama": "Jaminan Kematian"},
            {"kode": "JHT", "nama": "Jaminan Hari Tua"},
            {"kode": "JP", "nama": "Jaminan Pensiun"},
            {"kode": "JKP", "nama": "Jaminan Kehilangan Pekerjaan"},
        ],
    )
    op.create_table(
        "status_desa_sadar",
        _id("status_desa_sadar"),
        sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("tanggal", sa.Date, nullable=False),
        sa.Column("catatan", sa.Text),
        sa.CheckConstraint("status IN ('kandidat', 'dicanangkan', 'ditetapkan')", name="ck_status_desa_sadar"),
        sa.UniqueConstraint("kode_desa", "status", "tanggal", name="uq_status_desa_sadar"),
    )
    op.create_table(
        "kegiatan",
        _id("kegiatan"),
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
        sa.CheckConstraint(
            "jenis IN ('festival', 'peluncuran', 'sosialisasi', 'layanan_keliling', 'lainnya')", name="ck_kegiatan_jenis"
        ),
        sa.CheckConstraint("tanggal_selesai >= tanggal_mulai", name="ck_kegiatan_tanggal"),
        sa.CheckConstraint("jumlah_hadir IS NULL OR jumlah_hadir >= 0", name="ck_kegiatan_hadir"),
        sa.CheckConstraint("biaya IS NULL OR biaya >= 0", name="ck_kegiatan_biaya"),
    )
    op.create_table(
        "peserta",
        _id("peserta"),
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
        sa.CheckConstraint("segmen IN ('PU', 'BPU', 'JAKON', 'PMI')", name="ck_peserta_segmen"),
        sa.CheckConstraint("jenis_kelamin IS NULL OR jenis_kelamin IN ('L', 'P')", name="ck_peserta_jenis_kelamin"),
        sa.CheckConstraint("tahun_lahir IS NULL OR tahun_lahir BETWEEN 1930 AND 2015", name="ck_peserta_tahun_lahir"),
        sa.CheckConstraint(
            "sumber_dana IN ('mandiri', 'pemberi_kerja', 'apbd', 'apbdes', 'csr', 'dbhcht')", name="ck_peserta_dana"
        ),
        sa.CheckConstraint(
            "kanal IN ('acara', 'perisai', 'kolektif_desa', 'daring', 'bank_kantor_pos', 'kantor_cabang',"
            " 'pemberi_kerja')",
            name="ck_peserta_kanal",
        ),
    )
    op.create_table(
        "kepesertaan",
        _id("kepesertaan"),
        sa.Column("peserta_id", sa.BigInteger, nullable=False),
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("kode_desa", sa.String(13), nullable=False),
        sa.Column("program", sa.String(4), sa.ForeignKey("program.kode"), nullable=False),
        sa.Column("tanggal_mulai", sa.Date, nullable=False),
        sa.Column("tanggal_berakhir", sa.Date),
        sa.Column("iuran_bulanan", sa.BigInteger),
        sa.ForeignKeyConstraint(
            ["peserta_id", "segmen", "kode_desa"], ["peserta.id", "peserta.segmen", "peserta.kode_desa"],
            name="fk_kepesertaan_peserta",
        ),
        sa.UniqueConstraint("peserta_id", "program", "tanggal_mulai", name="uq_kepesertaan"),
        sa.CheckConstraint(CEK_PROGRAM_BOLEH, name="ck_kepesertaan_program_boleh"),
        sa.CheckConstraint(
            "tanggal_berakhir IS NULL OR tanggal_berakhir >= tanggal_mulai", name="ck_kepesertaan_tanggal"
        ),
        sa.CheckConstraint("iuran_bulanan IS NULL OR iuran_bulanan >= 0", name="ck_kepesertaan_iuran"),
    )
    op.create_table(
        "target",
        _id("target"),
        sa.Column("kode_wilayah", sa.String(13), sa.ForeignKey("wilayah.kode"), nullable=False),
        sa.Column("tahun", sa.SmallInteger, nullable=False),
        sa.Column("ukuran", sa.String(20), nullable=False),
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("program", sa.String(5), nullable=False),
        sa.Column("nilai", sa.BigInteger, nullable=False),
        sa.Column("sumber", sa.String(12), nullable=False),
        sa.UniqueConstraint("kode_wilayah", "tahun", "ukuran", "segmen", "program", name="uq_target"),
        sa.CheckConstraint("ukuran IN ('peserta_aktif', 'pendaftaran_baru')", name="ck_target_ukuran"),
        sa.CheckConstraint("nilai >= 0", name="ck_target_nilai"),
    )
    op.create_table(
        "penyebut",
        sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), primary_key=True),
        sa.Column("tahun", sa.SmallInteger, primary_key=True),
        sa.Column("penduduk", sa.Integer),
        sa.Column("penduduk_bekerja", sa.Integer),
        sa.Column("pekerja_informal", sa.Integer),
        sa.Column("perangkat_desa", sa.Integer),
        sa.Column("sumber", sa.String(12), nullable=False),
        sa.CheckConstraint(
            "penduduk_bekerja IS NULL OR pekerja_informal IS NULL OR pekerja_informal <= penduduk_bekerja",
            name="ck_penyebut_informal",
        ),
    )
    op.create_table(
        "log_impor",
        _id("log_impor"),
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
    op.create_table(
        "info_data",
        sa.Column("kunci", sa.String(40), primary_key=True),
        sa.Column("nilai", sa.Text, nullable=False),
    )
    if op.get_bind().dialect.name == "postgresql":
        # DuckDB scans columns fast without them, and its ART indexes slow bulk loads; PostgreSQL
        # needs them for the overview's filters.
        op.create_index("ix_kepesertaan_desa", "kepesertaan", ["kode_desa"])
        op.create_index("ix_kepesertaan_mulai", "kepesertaan", ["tanggal_mulai"])
        op.create_index("ix_peserta_desa_daftar", "peserta", ["kode_desa", "tanggal_daftar"])


def downgrade() -> None:
    for tabel in ("info_data", "log_impor", "penyebut", "target", "kepesertaan", "peserta", "kegiatan",
                  "status_desa_sadar", "program", "wilayah"):
        op.drop_table(tabel)
    for tabel in URUTAN:
        op.execute(sa.schema.DropSequence(sa.Sequence(f"{tabel}_id_seq")))
