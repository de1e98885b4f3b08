"""The monthly money and lapse rollup (rekap_iuran), kept with the active periods.

Per segment, village, funding source and month:
- tagihan: the change in what is due each month from that month on. A participant is billed for
  every month they count as active (data_access.masa_aktif: paid, or inside the grace period), at
  the sum of their enrolments' monthly contributions; a run of active months adds its bill in its
  first month and takes it away in the month after its last. Readers add the changes up to a month
  to get its bill, so an open run is billed every month without a row per month. Collection rate is
  then what was paid for a month against what the participants active in it owed; someone who
  lapsed long ago is not billed for ever.
- dibayar: rupiah paid for that month; peserta_bayar: participants who paid for it.
- mulai: runs of active months beginning in that month; berhenti: runs ending in it (a lapse);
  kembali: the beginnings that follow a lapse (returning payers). Active at the start of a month is
  the sum of mulai − berhenti over the months before it.

The rollup is recomputed for the villages a write touched, in the write's own transaction (a change
in the money of one village cannot be derived from the other villages' rows), and rebuilt whole with
the active periods. On PostgreSQL a transaction-scoped lock per village keeps two writers of one
village from both deleting and re-inserting its rows; DuckDB's write conflicts are retried by
data_access.db.tulis.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from data_access.masa_aktif import AKHIR_TERBUKA, SEMUA_PROGRAM

_KOLOM = "segmen, kode_desa, sumber_dana, bulan, tagihan, dibayar, peserta_bayar, mulai, berhenti, kembali"
_BULAN = "CAST(date_trunc('month', {0}) AS DATE)"
_SUMBANGAN = f"""
    WITH tarif AS (
        SELECT m.segmen, m.kode_desa, p.sumber_dana, m.tanggal_mulai, m.tanggal_berakhir,
               sum(k.iuran_bulanan) AS tarif
        FROM masa_aktif m JOIN peserta p ON p.id = m.peserta_id
        JOIN kepesertaan k ON k.peserta_id = m.peserta_id AND k.tanggal_mulai < m.tanggal_berakhir
             AND coalesce(k.tanggal_berakhir, {AKHIR_TERBUKA}) > m.tanggal_mulai
        WHERE m.program = '{SEMUA_PROGRAM}' AND k.iuran_bulanan > 0 AND {{syarat_m}}
        GROUP BY m.peserta_id, m.segmen, m.kode_desa, p.sumber_dana, m.tanggal_mulai, m.tanggal_berakhir
    )
    SELECT segmen, kode_desa, sumber_dana, bulan, sum(tagihan) AS tagihan, sum(dibayar) AS dibayar,
           sum(peserta_bayar) AS peserta_bayar, sum(mulai) AS mulai, sum(berhenti) AS berhenti,
           sum(kembali) AS kembali
    FROM (
        SELECT segmen, kode_desa, sumber_dana, {_BULAN.format('tanggal_mulai')} AS bulan, sum(tarif) AS tagihan,
               0 AS dibayar, 0 AS peserta_bayar, 0 AS mulai, 0 AS berhenti, 0 AS kembali
        FROM tarif GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT segmen, kode_desa, sumber_dana,
               CAST(date_trunc('month', tanggal_berakhir - INTERVAL '1 day') + INTERVAL '1 month' AS DATE),
               -sum(tarif), 0, 0, 0, 0, 0
        FROM tarif WHERE tanggal_berakhir < {AKHIR_TERBUKA} GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT p.segmen, p.kode_desa, p.sumber_dana, i.bulan, 0, sum(i.jumlah), count(*), 0, 0, 0
        FROM iuran i JOIN peserta p ON p.id = i.peserta_id
        WHERE i.jumlah > 0 AND {{syarat_p}} GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT m.segmen, m.kode_desa, p.sumber_dana, {_BULAN.format('m.tanggal_berakhir')}, 0, 0, 0, 0, count(*), 0
        FROM masa_aktif m JOIN peserta p ON p.id = m.peserta_id
        WHERE m.program = '{SEMUA_PROGRAM}' AND m.tanggal_berakhir < {AKHIR_TERBUKA} AND {{syarat_m}}
        GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT segmen, kode_desa, sumber_dana, bulan, 0, 0, 0, count(*), 0, sum(kembali)
        FROM (
            SELECT m.segmen, m.kode_desa, p.sumber_dana, {_BULAN.format('m.tanggal_mulai')} AS bulan,
                   CASE WHEN row_number() OVER (PARTITION BY m.peserta_id ORDER BY m.tanggal_mulai) > 1
                        THEN 1 ELSE 0 END AS kembali
            FROM masa_aktif m JOIN peserta p ON p.id = m.peserta_id
            WHERE m.program = '{SEMUA_PROGRAM}' AND {{syarat_m}}
        ) y GROUP BY 1, 2, 3, 4
    ) x GROUP BY 1, 2, 3, 4
"""


def bangun_ulang(k: sa.Connection) -> None:
    k.execute(sa.text("DELETE FROM rekap_iuran"))
    k.execute(sa.text(f"INSERT INTO rekap_iuran ({_KOLOM}) "
                      f"{_SUMBANGAN.format(syarat_p='1 = 1', syarat_m='1 = 1')} "
                      "ORDER BY segmen, kode_desa, sumber_dana, bulan"))


def perbarui_desa(k: sa.Connection, kode_desa: Iterable[str]) -> None:
    """Recompute the rollup of these villages from the tables, inside the caller's transaction."""
    desa = sorted(set(kode_desa))
    if not desa:
        return
    if k.dialect.name == "postgresql":
        for kode in desa:  # in code order, so two writers never wait on each other in a circle
            k.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('rekap_iuran:' || :kode))"), {"kode": kode})
    daftar = sa.bindparam("desa", expanding=True)
    k.execute(sa.text("DELETE FROM rekap_iuran WHERE kode_desa IN :desa").bindparams(daftar), {"desa": desa})
    k.execute(sa.text(f"INSERT INTO rekap_iuran ({_KOLOM}) " + _SUMBANGAN.format(
        syarat_p="p.kode_desa IN :desa", syarat_m="m.kode_desa IN :desa"))
        .bindparams(daftar), {"desa": desa})


def tambah_peserta_baru(k: sa.Connection, peserta_id: list[int]) -> None:
    """Add the rollup rows of participants new in this transaction (nothing of theirs is in the
    rollup yet). Only appends: ten staff registering in one village at once never touch the same
    rows (DuckDB refuses concurrent deletes of one row). On PostgreSQL the village lock still orders
    an append after a village's recomputation, whose statements each see the latest commits."""
    if not peserta_id:
        return
    daftar = sa.bindparam("ids", expanding=True)
    if k.dialect.name == "postgresql":
        desa = sorted({r[0] for r in k.execute(sa.text("SELECT DISTINCT kode_desa FROM peserta WHERE id IN :ids")
                                                  .bindparams(daftar), {"ids": peserta_id})})
        for kode in desa:
            k.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext('rekap_iuran:' || :kode))"), {"kode": kode})
    k.execute(sa.text(f"INSERT INTO rekap_iuran ({_KOLOM}) " + _SUMBANGAN.format(
        syarat_p="p.id IN :ids", syarat_m="m.peserta_id IN :ids")).bindparams(daftar), {"ids": peserta_id})
