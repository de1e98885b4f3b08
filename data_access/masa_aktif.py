"""Active periods: each participant's enrolments merged into disjoint islands, maintained on write.

One row per island per participant and programme, plus islands over all programmes together
(program = 'SEMUA'). A participant is active on day t exactly when one of their islands covers t,
so counts need no DISTINCT, and a lapse followed by a re-enrolment leaves a real gap.
Where payment exports cover a participant (cakupan_iuran), "active" means paid: the enrolment
islands are cut to the months paid, with a grace period (see _PULAU_BAYAR). This is the one
definition every count reads; nothing downstream knows which of the two made an island.
Interval convention, as everywhere: active on t when tanggal_mulai <= t < tanggal_berakhir.
An open period ends on 9999-12-31 (AKHIR_TERBUKA) rather than NULL, so every count is two plain
comparisons per row instead of an OR. Each island also carries the start of the participant's next
island in the same programme (mulai_berikut, NULL for the last), so a lapse is read off one row
(see sql_berhenti) instead of a search through the participant's other islands.

`rekap_masa_aktif` rolls the islands up by month: how many begin and how many end in each month, per
programme, segment and village; `rekap_masa_aktif_tahunan` the same by year. Active at the end of a
month is then a sum over past years plus the months of its own year (data_access.ringkasan) instead
of a scan of every island. Both are kept in the same transaction as the islands: a rebuild
recomputes them, an update appends the difference.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from domain.program import Program

SEMUA_PROGRAM = "SEMUA"
AKHIR_TERBUKA = "DATE '9999-12-31'"
# Months a payment may be late before its participant counts as lapsed; info_data.masa_tenggang_bulan
# overrides it (`python -m data_access tenggang N` changes it and rebuilds the islands).
MASA_TENGGANG_BAWAAN = 1
KUNCI_TENGGANG = "masa_tenggang_bulan"
# peserta.program_dimiliki: one bit per programme the participant holds or held at any time, so that
# "registered, and holding JKK at some time" is a test on the participant's own row instead of a
# lookup into their islands for each of hundreds of thousands of registrations.
BIT_PROGRAM = {p.value: 1 << i for i, p in enumerate(Program)}
_BIT_SQL = "CASE program " + " ".join(f"WHEN '{p}' THEN {b}" for p, b in BIT_PROGRAM.items()) + " ELSE 0 END"

# Both engines run the same window functions. An enrolment starting on or before the end of the
# island so far continues it; one starting later opens a new island. The enrolment id completes
# the window order: tied rows (JKK and JKM share their dates) ordered differently by the two
# windows would split one island in two.
_PULAU = f"""
    SELECT peserta_id, program, min(segmen) AS segmen, min(kode_desa) AS kode_desa,
           min(m) AS tanggal_mulai, max(b) AS tanggal_berakhir
    FROM (
        SELECT o.*, sum(CASE WHEN b_lalu IS NULL OR m > b_lalu THEN 1 ELSE 0 END)
                   OVER (PARTITION BY peserta_id, program ORDER BY m, b, id ROWS UNBOUNDED PRECEDING) AS pulau
        FROM (
            SELECT k.*, max(b) OVER (PARTITION BY peserta_id, program ORDER BY m, b, id
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS b_lalu
            FROM (
                SELECT id, peserta_id, program, segmen, kode_desa, tanggal_mulai AS m,
                       coalesce(tanggal_berakhir, {AKHIR_TERBUKA}) AS b
                FROM kepesertaan WHERE {{syarat}}
                UNION ALL
                SELECT id, peserta_id, '{SEMUA_PROGRAM}', segmen, kode_desa, tanggal_mulai,
                       coalesce(tanggal_berakhir, {AKHIR_TERBUKA})
                FROM kepesertaan WHERE {{syarat}}
            ) k
        ) o
    ) p
    GROUP BY peserta_id, program, pulau
"""
_KOLOM = "peserta_id, program, segmen, kode_desa, tanggal_mulai, tanggal_berakhir"
# Written with every island, from the same participant's islands written with it: an update always
# rewrites all of a participant's islands, so the column never needs its own upkeep.
_BERIKUT = "lead(tanggal_mulai) OVER (PARTITION BY peserta_id, program ORDER BY tanggal_mulai)"


def sql_berhenti(alias: str, mulai: str, akhir: str) -> str:
    """Islands by which their participant lapsed in [mulai, akhir]: the island ended in it and the
    participant's next island in the programme, if any, starts after `akhir`.

    Islands of one participant and programme never overlap, so this is exactly "an island ended in
    the period and none is active at its end", it holds for at most one island per participant
    (count(*) counts people), and that island is the one whose village and segment the lapse is
    counted in.
    """
    return (f"{alias}.tanggal_berakhir BETWEEN {mulai} AND {akhir} "
            f"AND ({alias}.mulai_berikut IS NULL OR {alias}.mulai_berikut > {akhir})")


def _indeks_bulan(kolom: str) -> str:
    """A date's month as a whole number (year × 12 + month − 1): month arithmetic both engines share."""
    return f"(CAST(extract(year FROM {kolom}) AS INTEGER) * 12 + CAST(extract(month FROM {kolom}) AS INTEGER) - 1)"


def _tanggal_bulan(indeks: str) -> str:
    return f"make_date(CAST(floor({indeks} / 12.0) AS INTEGER), CAST({indeks} % 12 AS INTEGER) + 1, 1)"


# Where the payment exports cover a participant's regency and segment, the enrolment islands are cut
# to the months paid. Each paid month is a span [month, month + 1); before the exports' first month
# every month counts as paid (span from 1900), and the registration month is a span of no length, so
# a newcomer whose first payment is not in the export yet keeps the grace period like anyone else.
# Spans no more than the grace period apart join (a month missed and paid later is no lapse); a
# joined run is active until its last paid month plus the grace period, and stays open when that
# reaches past the month of the latest payment in the export (the lapse has not happened yet).
_PULAU_BAYAR = f"""
    WITH daftar AS ({{pulau_daftar}}),
    tunduk AS (
        SELECT p.id AS peserta_id, {_indeks_bulan('p.tanggal_daftar')} AS daftar,
               {_indeks_bulan('c.bulan_awal')} AS awal, {_indeks_bulan('c.bulan_data')} AS akhir
        FROM peserta p JOIN cakupan_iuran c ON c.kode_kabupaten = substr(p.kode_desa, 1, 5) AND c.segmen = p.segmen
        WHERE {{syarat_peserta}}
    ),
    rentang AS (
        SELECT t.peserta_id, {_indeks_bulan('i.bulan')} AS s, {_indeks_bulan('i.bulan')} + 1 AS e, t.akhir
        FROM iuran i JOIN tunduk t ON t.peserta_id = i.peserta_id WHERE i.jumlah > 0
        UNION ALL SELECT peserta_id, {1900 * 12}, awal, akhir FROM tunduk
        UNION ALL SELECT peserta_id, daftar, daftar, akhir FROM tunduk
    ),
    bertanda AS (
        SELECT r.*, max(e) OVER (PARTITION BY peserta_id ORDER BY s, e
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS e_lalu
        FROM rentang r
    ),
    bernomor AS (
        SELECT b.*, sum(CASE WHEN e_lalu IS NULL OR s > e_lalu + {{tenggang}} THEN 1 ELSE 0 END)
                    OVER (PARTITION BY peserta_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS pulau
        FROM bertanda b
    ),
    bayar AS (
        SELECT peserta_id, min(s) AS s, max(e) + {{tenggang}} AS l, min(akhir) AS akhir
        FROM bernomor GROUP BY peserta_id, pulau
    ),
    masa_bayar AS (
        SELECT peserta_id, {_tanggal_bulan('s')} AS m,
               CASE WHEN l > akhir THEN {AKHIR_TERBUKA} ELSE {_tanggal_bulan('l')} END AS b
        FROM bayar
    )
    SELECT d.peserta_id, d.program, d.segmen, d.kode_desa,
           greatest(d.tanggal_mulai, b.m) AS tanggal_mulai, least(d.tanggal_berakhir, b.b) AS tanggal_berakhir
    FROM daftar d JOIN masa_bayar b ON b.peserta_id = d.peserta_id
    WHERE greatest(d.tanggal_mulai, b.m) < least(d.tanggal_berakhir, b.b)
    UNION ALL
    SELECT {_KOLOM} FROM daftar d WHERE NOT EXISTS (SELECT 1 FROM tunduk t WHERE t.peserta_id = d.peserta_id)
"""


def masa_tenggang(koneksi: sa.Connection) -> int:
    """The grace period in force, in months."""
    nilai = koneksi.execute(sa.text("SELECT nilai FROM info_data WHERE kunci = :k"), {"k": KUNCI_TENGGANG}).scalar()
    return MASA_TENGGANG_BAWAAN if nilai is None else int(nilai)


def atur_masa_tenggang(koneksi: sa.Connection, bulan: int) -> None:
    """Set the grace period and rebuild everything derived from it, in the caller's transaction."""
    if not 0 <= bulan <= 12:
        raise ValueError("Masa tenggang harus 0 sampai 12 bulan.")
    koneksi.execute(sa.text("DELETE FROM info_data WHERE kunci = :k"), {"k": KUNCI_TENGGANG})
    koneksi.execute(sa.text("INSERT INTO info_data (kunci, nilai) VALUES (:k, :v)"),
                    {"k": KUNCI_TENGGANG, "v": str(bulan)})
    bangun_ulang(koneksi)


def _sql_pulau(koneksi: sa.Connection, syarat: str, syarat_peserta: str, dengan_iuran: bool = True) -> str:
    if not dengan_iuran:
        return _PULAU.format(syarat=syarat)
    return _PULAU_BAYAR.format(pulau_daftar=_PULAU.format(syarat=syarat), syarat_peserta=syarat_peserta,
                               tenggang=masa_tenggang(koneksi))
# The rollups: a monthly ledger, and a yearly one so that a count reads whole past years as one row
# per key and only the months of its own year from the monthly ledger (a province's 8,563 villages
# make the monthly ledger nearly as long as the islands themselves).
REKAP = {"rekap_masa_aktif": ("bulan", "month"), "rekap_masa_aktif_tahunan": ("tahun", "year")}
# Begin and end counts of the islands matching {syarat} per {kolom} ({satuan}), times {tanda} (+1 or -1).
_SUMBANGAN_REKAP = f"""
    SELECT program, segmen, kode_desa, {{kolom}}, {{tanda}} * sum(mulai) AS mulai, {{tanda}} * sum(berakhir) AS berakhir
    FROM (
        SELECT program, segmen, kode_desa, CAST(date_trunc('{{satuan}}', tanggal_mulai) AS DATE) AS {{kolom}},
               count(*) AS mulai, 0 AS berakhir
        FROM masa_aktif WHERE {{syarat}} GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT program, segmen, kode_desa, CAST(date_trunc('{{satuan}}', tanggal_berakhir) AS DATE), 0, count(*)
        FROM masa_aktif WHERE {{syarat}} AND tanggal_berakhir < {AKHIR_TERBUKA} GROUP BY 1, 2, 3, 4
    ) x GROUP BY program, segmen, kode_desa, {{kolom}}
"""


def bangun_ulang(koneksi: sa.Connection) -> int:
    """Rebuild every island from kepesertaan, and the monthly rollup from the islands (after a bulk
    load); returns the number of islands."""
    jumlah = bangun_ulang_pulau(koneksi)
    bangun_ulang_rekap(koneksi)
    perbarui_program_dimiliki(koneksi)
    from data_access import rekap_iuran  # it reads the islands this module writes
    rekap_iuran.bangun_ulang(koneksi)
    if koneksi.dialect.name == "postgresql":
        # Tables rewritten in this transaction have no statistics for the next statement, nor for
        # the first pages after it until autovacuum comes by: at 1M participants the overview's
        # lapse count then ran past the 30-second limit.
        koneksi.execute(sa.text("ANALYZE masa_aktif, rekap_masa_aktif, rekap_masa_aktif_tahunan, rekap_iuran, peserta"))
    return jumlah


def bangun_ulang_pulau(koneksi: sa.Connection, dengan_iuran: bool = True) -> int:
    """Rebuild every island from kepesertaan (and the payments, unless `dengan_iuran` is False:
    migration 0002's schema, before the payment tables of 0010 and the next starts of 0011);
    returns the number of islands.

    Rows are written in (program, segmen, kode_desa) order so DuckDB's zone maps skip most of the
    table for a programme, segment or region filter.
    """
    kolom, pilih = (f"{_KOLOM}, mulai_berikut", f"{_KOLOM}, {_BERIKUT}") if dengan_iuran else (_KOLOM, _KOLOM)
    koneksi.execute(sa.text("DELETE FROM masa_aktif"))
    koneksi.execute(sa.text(
        f"INSERT INTO masa_aktif ({kolom}) SELECT {pilih} FROM ({_sql_pulau(koneksi, '1 = 1', '1 = 1', dengan_iuran)}) x "
        "ORDER BY program, segmen, kode_desa, tanggal_mulai"))
    return koneksi.execute(sa.text("SELECT count(*) FROM masa_aktif")).scalar_one()


def bangun_ulang_rekap(koneksi: sa.Connection, tabel_saja: Sequence[str] | None = None) -> None:
    """Recompute the monthly and yearly rollups (or only `tabel_saja`, for the migration that adds
    one) from the islands, in key order: DuckDB's zone maps then skip the programmes a query does
    not ask for."""
    for tabel, (kolom, satuan) in REKAP.items():
        if tabel_saja is not None and tabel not in tabel_saja:
            continue
        koneksi.execute(sa.text(f"DELETE FROM {tabel}"))
        koneksi.execute(sa.text(
            f"INSERT INTO {tabel} (program, segmen, kode_desa, {kolom}, mulai, berakhir) "
            f"{_SUMBANGAN_REKAP.format(syarat='1 = 1', tanda=1, kolom=kolom, satuan=satuan)} "
            f"ORDER BY program, segmen, kode_desa, {kolom}"))


def perbarui_program_dimiliki(koneksi: sa.Connection, peserta_id: Sequence[int] | None = None) -> None:
    """Set peserta.program_dimiliki from the islands, for these participants (or all of them), in one
    statement that writes only the rows whose bits change (an update is a new row version on
    PostgreSQL: writing 100,000 unchanged rows twice cost six seconds)."""
    syarat_peserta, syarat, nilai, ikatan = "1 = 1", "1 = 1", {}, []
    if peserta_id is not None:
        syarat_peserta, syarat, nilai = "p.id IN :ids", "peserta_id IN :ids", {"ids": list(peserta_id)}
        ikatan = [sa.bindparam("ids", expanding=True)]
    koneksi.execute(sa.text(f"""
        UPDATE peserta SET program_dimiliki = x.bit
        FROM (SELECT p.id, coalesce(b.bit, 0) AS bit
              FROM peserta p LEFT JOIN (
                  SELECT peserta_id, sum({_BIT_SQL}) AS bit
                  FROM (SELECT DISTINCT peserta_id, program FROM masa_aktif WHERE {syarat}) d GROUP BY peserta_id
              ) b ON b.peserta_id = p.id
              WHERE {syarat_peserta}) x
        WHERE peserta.id = x.id AND peserta.program_dimiliki IS DISTINCT FROM x.bit""").bindparams(*ikatan), nilai)


def _ubah_rekap(koneksi: sa.Connection, ids: list[int], tanda: int) -> None:
    """Append these participants' islands to the rollups (tanda 1), or their removal (-1).

    The rollup is a ledger: readers sum its rows, so a change is new rows, never an update of a
    shared one. Ten staff registering in one village in one month then never contend for the same
    row (a DuckDB write conflict, a PostgreSQL lock wait). A rebuild folds the ledger back to one row
    per key.
    """
    for tabel, (kolom, satuan) in REKAP.items():
        koneksi.execute(sa.text(
            f"INSERT INTO {tabel} (program, segmen, kode_desa, {kolom}, mulai, berakhir) "
            f"{_SUMBANGAN_REKAP.format(syarat='peserta_id IN :ids', tanda=tanda, kolom=kolom, satuan=satuan)}"
        ).bindparams(sa.bindparam("ids", expanding=True)), {"ids": ids})


def perbarui(koneksi: sa.Connection, peserta_id: Sequence[int], baru: bool = False) -> None:
    """Recompute the islands of these participants, inside the caller's write transaction. `baru`:
    the participants were created in this transaction (a registration), so the money rollup only
    gains their rows instead of recomputing their village."""
    if not peserta_id:
        return
    daftar = sa.bindparam("ids", expanding=True)
    # The villages these participants were counted in before, and are in now (a correction moves people).
    desa = {r[0] for r in koneksi.execute(sa.text(
        "SELECT DISTINCT kode_desa FROM masa_aktif WHERE peserta_id IN :ids UNION "
        "SELECT DISTINCT kode_desa FROM peserta WHERE id IN :ids").bindparams(daftar), {"ids": list(peserta_id)})}
    _ubah_rekap(koneksi, list(peserta_id), -1)
    koneksi.execute(sa.text("DELETE FROM masa_aktif WHERE peserta_id IN :ids").bindparams(daftar),
                    {"ids": list(peserta_id)})
    koneksi.execute(sa.text(
        f"INSERT INTO masa_aktif ({_KOLOM}, mulai_berikut) SELECT {_KOLOM}, {_BERIKUT} FROM "
        f"({_sql_pulau(koneksi, 'peserta_id IN :ids', 'p.id IN :ids')}) x"
    ).bindparams(daftar), {"ids": list(peserta_id)})
    _ubah_rekap(koneksi, list(peserta_id), 1)
    perbarui_program_dimiliki(koneksi, peserta_id)
    from data_access import rekap_iuran  # it reads the islands this module writes
    if baru:
        rekap_iuran.tambah_peserta_baru(koneksi, list(peserta_id))
    else:
        rekap_iuran.perbarui_desa(koneksi, desa)
