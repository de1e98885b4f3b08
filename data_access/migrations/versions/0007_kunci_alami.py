"""Natural keys in the schema, and participants that can move on DuckDB.

- kegiatan: unique by (nama, tanggal_mulai), the key imports and the staff form match events on, so
  two imports of one events file at the same moment cannot both insert it. Events already recorded
  twice under one key are merged first: the lowest id stays and its participants follow it.
- PostgreSQL: an enrolment's (participant, segment, village) follows its participant on update
  (ON UPDATE CASCADE), so a corrected re-export that moves someone is one UPDATE.
- DuckDB: a row referenced by a foreign key cannot be updated in any indexed column there (the
  update is a delete and an insert, and the delete is refused). The keys from kepesertaan to peserta
  and from peserta to kegiatan made every move, and every edit of an event with participants,
  impossible. They are not recreated on DuckDB (the keys to wilayah and program are: those rows
  are never updated); the one write path keeps them true, and tests/data_access/test_impor.py
  checks it with `data_access.impor.pelanggaran_integritas`.

Revision ID: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

KOLOM_PESERTA = ("id, kunci_pseudonim, segmen, kode_desa, pekerjaan, jenis_kelamin, tahun_lahir, sumber_dana, kanal, "
                 "tanggal_daftar, kegiatan_id, sumber, program_dimiliki")
KOLOM_KEPESERTAAN = "id, peserta_id, segmen, kode_desa, program, tanggal_mulai, tanggal_berakhir, iuran_bulanan"
# Kept literal (a migration is history), as in 0001.
CEK_PROGRAM_BOLEH = (
    "segmen = 'PU'"
    " OR (segmen IN ('BPU', 'PMI') AND program IN ('JKK', 'JKM', 'JHT'))"
    " OR (segmen = 'JAKON' AND program IN ('JKK', 'JKM'))"
)


def _gabung_kegiatan_ganda() -> None:
    op.execute("""
        UPDATE peserta SET kegiatan_id = g.tetap
        FROM (SELECT k.id AS lama, min(k.id) OVER (PARTITION BY k.nama, k.tanggal_mulai) AS tetap FROM kegiatan k) g
        WHERE peserta.kegiatan_id = g.lama AND g.lama <> g.tetap""")
    op.execute("""
        DELETE FROM kegiatan WHERE id IN (
            SELECT id FROM (SELECT id, min(id) OVER (PARTITION BY nama, tanggal_mulai) AS tetap FROM kegiatan) g
            WHERE id <> tetap)""")


def _duckdb() -> None:
    op.execute("CREATE TEMP TABLE _peserta_0007 AS SELECT * FROM peserta")
    op.execute("CREATE TEMP TABLE _kepesertaan_0007 AS SELECT * FROM kepesertaan")
    op.execute("DROP TABLE kepesertaan")
    op.execute("DROP TABLE peserta")
    op.create_table(
        "peserta",
        sa.Column("id", sa.BigInteger, primary_key=True, server_default=sa.text("nextval('peserta_id_seq')")),
        sa.Column("kunci_pseudonim", sa.String(64), nullable=False, unique=True),
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), nullable=False),
        sa.Column("pekerjaan", sa.String(60)),
        sa.Column("jenis_kelamin", sa.String(1)),
        sa.Column("tahun_lahir", sa.SmallInteger),
        sa.Column("sumber_dana", sa.String(14), nullable=False),
        sa.Column("kanal", sa.String(16), nullable=False),
        sa.Column("tanggal_daftar", sa.Date, nullable=False),
        sa.Column("kegiatan_id", sa.BigInteger),
        sa.Column("sumber", sa.String(12), nullable=False),
        sa.Column("program_dimiliki", sa.Integer, server_default="0"),
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
        sa.Column("id", sa.BigInteger, primary_key=True, server_default=sa.text("nextval('kepesertaan_id_seq')")),
        sa.Column("peserta_id", sa.BigInteger, nullable=False),
        sa.Column("segmen", sa.String(5), nullable=False),
        sa.Column("kode_desa", sa.String(13), nullable=False),
        sa.Column("program", sa.String(4), sa.ForeignKey("program.kode"), nullable=False),
        sa.Column("tanggal_mulai", sa.Date, nullable=False),
        sa.Column("tanggal_berakhir", sa.Date),
        sa.Column("iuran_bulanan", sa.BigInteger),
        sa.UniqueConstraint("peserta_id", "program", "tanggal_mulai", name="uq_kepesertaan"),
        sa.CheckConstraint(CEK_PROGRAM_BOLEH, name="ck_kepesertaan_program_boleh"),
        sa.CheckConstraint("tanggal_berakhir IS NULL OR tanggal_berakhir >= tanggal_mulai",
                           name="ck_kepesertaan_tanggal"),
        sa.CheckConstraint("iuran_bulanan IS NULL OR iuran_bulanan >= 0", name="ck_kepesertaan_iuran"),
    )
    op.execute(f"INSERT INTO peserta ({KOLOM_PESERTA}) SELECT {KOLOM_PESERTA} FROM _peserta_0007")
    op.execute(f"INSERT INTO kepesertaan ({KOLOM_KEPESERTAAN}) SELECT {KOLOM_KEPESERTAAN} FROM _kepesertaan_0007")
    op.execute("DROP TABLE _peserta_0007")
    op.execute("DROP TABLE _kepesertaan_0007")


def _kegiatan_duckdb() -> None:
    """DuckDB sees rows deleted earlier in a transaction when it builds a unique index, so the events
    are copied, one per key, into a table created with the key."""
    op.execute("""
        UPDATE peserta SET kegiatan_id = g.tetap
        FROM (SELECT id AS lama, min(id) OVER (PARTITION BY nama, tanggal_mulai) AS tetap FROM kegiatan) g
        WHERE peserta.kegiatan_id = g.lama AND g.lama <> g.tetap""")
    op.execute("CREATE TEMP TABLE _kegiatan_0007 AS SELECT * FROM kegiatan WHERE id IN "
               "(SELECT min(id) FROM kegiatan GROUP BY nama, tanggal_mulai)")
    op.execute("DROP TABLE kegiatan")
    op.create_table(
        "kegiatan",
        sa.Column("id", sa.BigInteger, primary_key=True, server_default=sa.text("nextval('kegiatan_id_seq')")),
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
        sa.UniqueConstraint("nama", "tanggal_mulai", name="uq_kegiatan_nama_mulai"),
    )
    kolom = "id, nama, jenis, kode_desa, tanggal_mulai, tanggal_selesai, jumlah_hadir, lat, lng, biaya, catatan, sumber"
    op.execute(f"INSERT INTO kegiatan ({kolom}) SELECT {kolom} FROM _kegiatan_0007")
    op.execute("DROP TABLE _kegiatan_0007")


def upgrade() -> None:
    if op.get_bind().dialect.name == "duckdb":
        _duckdb()  # first: merging events updates peserta, which the old keys would refuse
        _kegiatan_duckdb()
        return
    op.drop_constraint("fk_kepesertaan_peserta", "kepesertaan", type_="foreignkey")
    op.create_foreign_key("fk_kepesertaan_peserta", "kepesertaan", "peserta", ["peserta_id", "segmen", "kode_desa"],
                          ["id", "segmen", "kode_desa"], onupdate="CASCADE")
    _gabung_kegiatan_ganda()
    op.create_unique_constraint("uq_kegiatan_nama_mulai", "kegiatan", ["nama", "tanggal_mulai"])


def downgrade() -> None:
    raise NotImplementedError("0007 is one-way: restore a backup to go back")
