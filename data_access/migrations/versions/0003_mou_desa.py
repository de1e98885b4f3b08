"""MoU dates per village, for the Desa Sadar readiness checklist.

Branches sign a memorandum with each village government before designation (domain brief §1); a
village may sign again later, so dates are a history, not a column on the village.

Revision ID: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mou_desa",
        sa.Column("kode_desa", sa.String(13), sa.ForeignKey("wilayah.kode"), primary_key=True),
        sa.Column("tanggal", sa.Date, primary_key=True),
        sa.Column("nomor", sa.String(80)),
        sa.Column("catatan", sa.Text),
        sa.Column("sumber", sa.String(12), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("mou_desa")
