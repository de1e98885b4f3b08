"""Sign-in sessions, registration submissions remembered, and where each Desa Sadar status came from.

- sesi_masuk: one row per signed-in browser. Only the SHA-256 of the session token is kept, so a
  copy of the database gives no one a usable cookie. Several app instances on one database share it.
- kiriman_pendaftaran: the token each registration form submission carries, with the participant it
  created, so a save sent again after a lost reply is recorded once.
- status_desa_sadar.sumber: demo rows must be removable without touching real ones. Statuses in a
  database that holds the demo are the demo's (the only other writer, the staff form, writes there
  as a training entry).
- A demo database that received real rows before this revision loses its demo flag (see below).

Revision ID: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sesi_masuk",
        sa.Column("sidik_token", sa.String(64), primary_key=True),
        sa.Column("nama_akun", sa.String(80), nullable=False),
        sa.Column("dibuat", sa.DateTime, nullable=False),
        sa.Column("kedaluwarsa", sa.DateTime, nullable=False),
    )
    op.create_index("ix_sesi_masuk_akun", "sesi_masuk", ["nama_akun"])
    op.create_table(
        "kiriman_pendaftaran",
        sa.Column("token", sa.String(64), primary_key=True),
        sa.Column("peserta_id", sa.BigInteger, nullable=False),
        sa.Column("dibuat", sa.DateTime, nullable=False),
    )
    op.add_column("status_desa_sadar", sa.Column("sumber", sa.String(12), server_default="impor"))
    op.execute("UPDATE status_desa_sadar SET sumber = 'impor' WHERE sumber IS NULL")
    op.execute("UPDATE status_desa_sadar SET sumber = 'demo' "
               "WHERE EXISTS (SELECT 1 FROM info_data WHERE kunci = 'sumber' AND nilai = 'demo')")
    # A demo database that already received real rows is no longer a demo database: the flag goes
    # (forms then write real rows), the demo rows stay until the branch removes them.
    op.execute("DELETE FROM info_data WHERE kunci = 'sumber' AND ("
               + " OR ".join(f"EXISTS (SELECT 1 FROM {t} WHERE sumber <> 'demo')"
                             for t in ("peserta", "kegiatan", "penyebut", "mou_desa", "target")) + ")")


def downgrade() -> None:
    op.drop_column("status_desa_sadar", "sumber")
    op.drop_table("kiriman_pendaftaran")
    op.drop_index("ix_sesi_masuk_akun", "sesi_masuk")
    op.drop_table("sesi_masuk")
