"""Contributions paid: written by the payment import, the registration form and the demo, always
with the active periods they decide (data_access.masa_aktif) in the same transaction.

A payment row is keyed by (participant, month covered); writing one again replaces it, so a
corrected re-export updates what it changed. cakupan_iuran records, per regency and segment, from
which month the exports speak and up to which month they are current: inside that scope "active"
means paid.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access import masa_aktif
from data_access.db import baca, muat_massal
from domain.iuran import DefinisiAktif
from domain.saringan import Saringan

KOLOM = ("peserta_id", "bulan", "jumlah", "tanggal_bayar", "pembayar")
# Above this many participants touched, rebuilding every active period is faster than per-person
# (the same threshold as the participant import).
BATAS_PERBARUI = 5_000
_MASUK = "_iuran_masuk"


def _bulan_ini(hari_ini: date) -> date:
    return hari_ini.replace(day=1)


def simpan(k: sa.Connection, data: pd.DataFrame, hari_ini: date, sumber: str,
           catat_cakupan: bool = True) -> dict[str, int]:
    """Write payment rows (columns KOLOM; pembayar may be empty: the participant's own funding source
    then) inside the caller's transaction; returns how many were new, changed and already the same.

    `catat_cakupan`: whether these rows speak for their regency and segment (an export does; the
    first month a registration records does not, or one registration would make every participant
    of a regency without exports look lapsed).
    """
    k.execute(sa.text(f"DROP TABLE IF EXISTS {_MASUK}"))
    k.execute(sa.text(f"CREATE TEMP TABLE {_MASUK} (peserta_id BIGINT, bulan DATE, jumlah BIGINT, "
                      "tanggal_bayar DATE, pembayar VARCHAR(14))"))
    muat_massal(k, _MASUK, data.loc[:, list(KOLOM)])
    k.execute(sa.text(f"""
        UPDATE {_MASUK} SET pembayar = p.sumber_dana FROM peserta p
        WHERE p.id = {_MASUK}.peserta_id AND {_MASUK}.pembayar IS NULL"""))
    baru, sama = k.execute(sa.text(f"""
        SELECT count(*) FILTER (WHERE i.peserta_id IS NULL),
               count(*) FILTER (WHERE i.jumlah = m.jumlah AND i.pembayar = m.pembayar
                                AND i.tanggal_bayar IS NOT DISTINCT FROM m.tanggal_bayar)
        FROM {_MASUK} m LEFT JOIN iuran i ON i.peserta_id = m.peserta_id AND i.bulan = m.bulan""")).one()
    k.execute(sa.text(f"""
        INSERT INTO iuran (peserta_id, bulan, jumlah, tanggal_bayar, pembayar, sumber)
        SELECT peserta_id, bulan, jumlah, tanggal_bayar, pembayar, :sumber FROM {_MASUK}
        ON CONFLICT (peserta_id, bulan) DO UPDATE SET jumlah = excluded.jumlah, tanggal_bayar = excluded.tanggal_bayar,
            pembayar = excluded.pembayar, sumber = excluded.sumber"""), {"sumber": sumber})
    cakupan_berubah = catat_cakupan and _perluas_cakupan(k, hari_ini)
    ids = [r[0] for r in k.execute(sa.text(f"SELECT DISTINCT peserta_id FROM {_MASUK}"))]
    k.execute(sa.text(f"DROP TABLE {_MASUK}"))
    if cakupan_berubah or len(ids) > BATAS_PERBARUI:
        masa_aktif.bangun_ulang(k)
    else:
        masa_aktif.perbarui(k, ids)
    total = len(data)
    return {"baru": int(baru), "diperbarui": total - int(baru) - int(sama), "sama": int(sama)}


def _perluas_cakupan(k: sa.Connection, hari_ini: date) -> bool:
    """Widen each regency's and segment's covered months to the rows just staged; True when any
    changed (every participant there may then change, not only those in the file)."""
    baru = k.execute(sa.text(f"""
        SELECT substr(p.kode_desa, 1, 5) AS kab, p.segmen, min(m.bulan) AS awal,
               least(max(CAST(date_trunc('month', coalesce(m.tanggal_bayar, m.bulan)) AS DATE)), :bulan_ini) AS data
        FROM {_MASUK} m JOIN peserta p ON p.id = m.peserta_id GROUP BY 1, 2"""),
        {"bulan_ini": _bulan_ini(hari_ini)}).all()
    lama = {(r[0], r[1]): (r[2], r[3]) for r in k.execute(sa.text(
        "SELECT kode_kabupaten, segmen, bulan_awal, bulan_data FROM cakupan_iuran"))}
    berubah = False
    for kab, segmen, awal, data in baru:
        sebelum = lama.get((kab, segmen))
        if sebelum is None:
            k.execute(sa.text("INSERT INTO cakupan_iuran (kode_kabupaten, segmen, bulan_awal, bulan_data) "
                              "VALUES (:kab, :segmen, :awal, :data)"),
                      {"kab": kab, "segmen": segmen, "awal": awal, "data": max(awal, data)})
            berubah = True
        elif awal < sebelum[0] or data > sebelum[1]:
            k.execute(sa.text("UPDATE cakupan_iuran SET bulan_awal = :awal, bulan_data = :data "
                              "WHERE kode_kabupaten = :kab AND segmen = :segmen"),
                      {"kab": kab, "segmen": segmen, "awal": min(awal, sebelum[0]), "data": max(data, sebelum[1])})
            berubah = True
    return berubah


def catat_cakupan_dari_tabel(k: sa.Connection, sumber: str, hari_ini: date | None = None) -> None:
    """Coverage recomputed from the payments of one origin ('impor' once the demo's rows are
    removed; 'demo' when the demo is written)."""
    k.execute(sa.text("DELETE FROM cakupan_iuran"))
    k.execute(sa.text("""
        INSERT INTO cakupan_iuran (kode_kabupaten, segmen, bulan_awal, bulan_data)
        SELECT kab, segmen, awal, greatest(awal, least(data, coalesce(CAST(:bulan_ini AS DATE), data))) FROM (
            SELECT substr(p.kode_desa, 1, 5) AS kab, p.segmen, min(i.bulan) AS awal,
                   max(CAST(date_trunc('month', coalesce(i.tanggal_bayar, i.bulan)) AS DATE)) AS data
            FROM iuran i JOIN peserta p ON p.id = i.peserta_id WHERE i.sumber = :sumber GROUP BY 1, 2) x"""),
        {"sumber": sumber, "bulan_ini": hari_ini and _bulan_ini(hari_ini)})


def catat_bulan_pertama(k: sa.Connection, peserta_id: int, jumlah: int, pembayar: str, hari_ini: date,
                        sumber: str) -> None:
    """The month a registration on the spot pays, recorded with the registration (no regency-wide
    coverage follows from it)."""
    k.execute(sa.text("""
        INSERT INTO iuran (peserta_id, bulan, jumlah, tanggal_bayar, pembayar, sumber)
        VALUES (:pid, :bulan, :jumlah, :hari, :pembayar, :sumber)
        ON CONFLICT (peserta_id, bulan) DO NOTHING"""),
        {"pid": peserta_id, "bulan": _bulan_ini(hari_ini), "jumlah": jumlah, "hari": hari_ini,
         "pembayar": pembayar, "sumber": sumber})


def definisi_aktif(engine: sa.Engine, awalan: str, segmen: str | None) -> DefinisiAktif:
    with engine.connect() as k:
        return DefinisiAktif(masa_aktif.masa_tenggang(k), tuple(_cakupan_wilayah(k, awalan, segmen)))


def _cakupan_wilayah(k: sa.Connection, awalan: str, segmen: str | None) -> Sequence[tuple[str, date, date]]:
    sql = sa.text("""
        SELECT segmen, min(bulan_awal), max(bulan_data) FROM cakupan_iuran
        WHERE (kode_kabupaten LIKE :awalan_kab OR CAST(:awalan AS VARCHAR) LIKE kode_kabupaten || '%')
          AND (CAST(:segmen AS VARCHAR) IS NULL OR segmen = :segmen)
        GROUP BY segmen ORDER BY segmen""")
    nilai = {"awalan_kab": awalan[:5] + "%", "awalan": awalan, "segmen": segmen}
    return [tuple(r) for r in k.execute(sql, nilai)]


UKURAN_BULANAN = ("ditagih", "dibayar", "peserta_bayar", "aktif_awal", "berhenti", "kembali")


def bulanan(engine: sa.Engine, s: Saringan, per: str = "sumber_dana", per_segmen: bool = False) -> pd.DataFrame:
    """Per month of the period that the payment exports cover, and per `per` ('sumber_dana' or
    'kode_desa'), and per segment too with `per_segmen`: rupiah billed (ditagih) and paid (dibayar)
    for the month, participants who paid (peserta_bayar), active at the start of the month
    (aktif_awal), lapses (berhenti) and returning payers (kembali). Only regencies and segments the
    exports cover appear; programme filters do not apply (a payment is the participant's, not a
    programme's)."""
    if per not in ("sumber_dana", "kode_desa"):
        raise ValueError(per)
    idx = masa_aktif._indeks_bulan
    segmen = "AND r.segmen = :segmen" if s.segmen else ""
    # Months as whole numbers, and each row's coverage with it (one cakupan_iuran row per regency
    # and segment): reading the coverage apart and merging it took longer than the rollup's query.
    mentah = baca(engine, f"""
        SELECT substr(r.kode_desa, 1, 5) AS kab, r.segmen, r.{per} AS kunci, {idx('r.bulan')} AS bulan,
               min({idx('c.bulan_awal')}) AS bulan_awal, min({idx('c.bulan_data')}) AS bulan_data,
               sum(r.tagihan) AS tagihan, sum(r.dibayar) AS dibayar, sum(r.peserta_bayar) AS peserta_bayar,
               sum(r.mulai) AS mulai, sum(r.berhenti) AS berhenti, sum(r.kembali) AS kembali
        FROM rekap_iuran r
        JOIN cakupan_iuran c ON c.kode_kabupaten = substr(r.kode_desa, 1, 5) AND c.segmen = r.segmen
        WHERE r.kode_desa LIKE :awalan AND r.bulan <= :akhir {segmen}
        GROUP BY 1, 2, 3, 4""", awalan=s.kode_wilayah + "%", akhir=_bulan_ini(s.periode.selesai), segmen=s.segmen)
    kelompok_keluar = ["bulan", *(["segmen"] if per_segmen else []), per]
    kosong = pd.DataFrame(columns=[*kelompok_keluar, *UKURAN_BULANAN])
    if mentah.empty:
        return kosong
    # One dense month-by-group array per figure (groups: regency × segment × key; the query gave one
    # row per group and month): bills and active counts are running sums of their changes along the
    # months, the rest are the month's own.
    kelompok = mentah.groupby(["kab", "segmen", "kunci"], sort=False).ngroup().to_numpy()
    jumlah_kelompok = int(kelompok.max()) + 1
    bulan = mentah["bulan"].to_numpy(dtype=np.int64)
    awal, akhir = int(bulan.min()), _bulan_indeks(s.periode.selesai)
    padat = {}
    for kolom in ("tagihan", "dibayar", "peserta_bayar", "mulai", "berhenti", "kembali"):
        larik = np.zeros((jumlah_kelompok, akhir - awal + 1), dtype=np.int64)
        larik[kelompok, bulan - awal] = mentah[kolom].to_numpy(dtype=np.int64)
        padat[kolom] = larik
    nilai = {"ditagih": np.cumsum(padat["tagihan"], axis=1), "dibayar": padat["dibayar"],
             "peserta_bayar": padat["peserta_bayar"],
             "aktif_awal": np.cumsum(padat["mulai"] - padat["berhenti"], axis=1) - (padat["mulai"] - padat["berhenti"]),
             "berhenti": padat["berhenti"], "kembali": padat["kembali"]}
    # Each group's own row for its names and coverage (every row of a group has the same).
    baris = np.zeros(jumlah_kelompok, dtype=np.intp)
    baris[kelompok] = np.arange(len(mentah))
    dari = np.maximum(mentah["bulan_awal"].to_numpy(dtype=np.int64)[baris], _bulan_indeks(s.periode.mulai)) - awal
    sampai = np.minimum(mentah["bulan_data"].to_numpy(dtype=np.int64)[baris], akhir) - awal
    kolom_bulan = np.arange(akhir - awal + 1)
    g, m = np.nonzero((kolom_bulan >= dari[:, None]) & (kolom_bulan <= sampai[:, None]))
    if not len(g):
        return kosong
    hasil = pd.DataFrame({"bulan": m + awal, "segmen": mentah["segmen"].array.take(baris[g]),
                          per: mentah["kunci"].array.take(baris[g]), **{u: nilai[u][g, m] for u in UKURAN_BULANAN}})
    jumlah = hasil.groupby(kelompok_keluar, as_index=False)[list(UKURAN_BULANAN)].sum()
    jumlah["bulan"] = [date(b // 12, b % 12 + 1, 1) for b in jumlah["bulan"]]
    return jumlah


DANA_SPONSOR = ("apbd", "apbdes", "csr", "dbhcht")


def daftar_kerja(engine: sa.Engine, awalan: str, hari_ini: date, segmen: str = "BPU") -> pd.DataFrame:
    """Where field staff should go next, per village of the region (no person in it), for one segment
    (the informal workers field agents visit, by default): participants
    whose run of active months ended in the last one and three months and who have not come back
    (berhenti_1, berhenti_3), participants paid for by a sponsor (APBD, APBDes, CSR, DBHCHT) whose
    paid term ends in the next one and three months (akhir_1, akhir_3), and the monthly
    contributions of all of them (taruhan, Rp a month). Villages with nothing to do are left out."""
    tiga_lalu, satu_lalu = _geser_bulan(hari_ini, -3), _geser_bulan(hari_ini, -1)
    satu_depan, tiga_depan = _geser_bulan(hari_ini, 1), _geser_bulan(hari_ini, 3)
    sponsor = ", ".join(f"'{d}'" for d in DANA_SPONSOR)
    return baca(engine, f"""
        WITH kini AS (
            SELECT DISTINCT peserta_id FROM masa_aktif
            WHERE program = 'SEMUA' AND tanggal_mulai <= :hari AND tanggal_berakhir > :hari
              AND kode_desa LIKE :awalan AND segmen = :segmen),
        henti AS (
            SELECT m.peserta_id, max(m.tanggal_berakhir) AS tanggal FROM masa_aktif m
            WHERE m.program = 'SEMUA' AND m.kode_desa LIKE :awalan AND m.segmen = :segmen
              AND m.tanggal_berakhir > :tiga_lalu AND m.tanggal_berakhir <= :hari
              AND m.peserta_id NOT IN (SELECT peserta_id FROM kini)
            GROUP BY m.peserta_id),
        akhir_sponsor AS (
            SELECT p.id AS peserta_id,
                   least(coalesce(b.akhir, {masa_aktif.AKHIR_TERBUKA}), coalesce(e.akhir, {masa_aktif.AKHIR_TERBUKA}))
                       AS tanggal
            FROM peserta p
            JOIN kini ON kini.peserta_id = p.id
            LEFT JOIN (SELECT peserta_id, CAST(max(bulan) + INTERVAL '1 month' AS DATE) AS akhir FROM iuran
                       WHERE pembayar IN ({sponsor}) GROUP BY peserta_id) b ON b.peserta_id = p.id
            LEFT JOIN (SELECT peserta_id, max(tanggal_berakhir) AS akhir FROM kepesertaan
                       WHERE tanggal_berakhir > :hari GROUP BY peserta_id) e ON e.peserta_id = p.id
            WHERE p.sumber_dana IN ({sponsor}) AND p.kode_desa LIKE :awalan),
        akan AS (SELECT * FROM akhir_sponsor WHERE tanggal > :hari AND tanggal <= :tiga_depan),
        tarif AS (
            SELECT peserta_id, sum(iuran_bulanan) AS tarif FROM kepesertaan
            WHERE (tanggal_berakhir IS NULL OR tanggal_berakhir > :tiga_lalu)
              AND peserta_id IN (SELECT peserta_id FROM henti UNION SELECT peserta_id FROM akan)
            GROUP BY peserta_id),
        per_orang AS (
            SELECT peserta_id, CASE WHEN tanggal > :satu_lalu THEN 1 ELSE 0 END AS b1, 1 AS b3, 0 AS a1, 0 AS a3
            FROM henti
            UNION ALL
            SELECT peserta_id, 0, 0, CASE WHEN tanggal <= :satu_depan THEN 1 ELSE 0 END, 1 FROM akan)
        SELECT p.kode_desa, w.nama AS nama_desa, kec.nama AS nama_kec,
               CAST(sum(o.b1) AS BIGINT) AS berhenti_1, CAST(sum(o.b3) AS BIGINT) AS berhenti_3,
               CAST(sum(o.a1) AS BIGINT) AS akhir_1, CAST(sum(o.a3) AS BIGINT) AS akhir_3,
               count(DISTINCT o.peserta_id) AS orang, CAST(coalesce(sum(t.tarif), 0) AS BIGINT) AS taruhan
        FROM per_orang o
        JOIN peserta p ON p.id = o.peserta_id
        JOIN wilayah w ON w.kode = p.kode_desa
        JOIN wilayah kec ON kec.kode = w.kode_induk
        LEFT JOIN tarif t ON t.peserta_id = o.peserta_id
        GROUP BY p.kode_desa, w.nama, kec.nama
        ORDER BY taruhan DESC, p.kode_desa""",
        hari=hari_ini, awalan=awalan + "%", tiga_lalu=tiga_lalu, satu_lalu=satu_lalu, satu_depan=satu_depan,
        tiga_depan=tiga_depan, segmen=segmen)


def _geser_bulan(hari: date, n: int) -> date:
    """The same day n months on (the month's last day where it is shorter)."""
    return (pd.Timestamp(hari) + pd.DateOffset(months=n)).date()


def per_desa(engine: sa.Engine, s: Saringan, per_segmen_dana: bool = False) -> pd.DataFrame:
    """Per village (index kode_desa), over the months of the period the exports cover: ditagih,
    dibayar, peserta_bayar, berhenti, kembali, and aktif_awal_iuran (active at the start of the
    first such month). The same figures as `bulanan` summed, in one aggregation: a month's bill is
    the sum of the bill changes before it, so a change counts once for every covered month from its
    own on. `per_segmen_dana`: per village, segment and funding source instead (columns, no index)."""
    idx = masa_aktif._indeks_bulan
    segmen = "AND r.segmen = :segmen" if s.segmen else ""
    kelompok = "r.kode_desa, r.segmen, r.sumber_dana" if per_segmen_dana else "r.kode_desa"
    di_dalam = f"{idx('r.bulan')} BETWEEN c.a AND c.b"
    hasil = baca(engine, f"""
        SELECT {kelompok},
               CAST(sum(r.tagihan * greatest(0, c.b - greatest(c.a, {idx('r.bulan')}) + 1)) AS BIGINT) AS ditagih,
               CAST(sum(CASE WHEN {di_dalam} THEN r.dibayar ELSE 0 END) AS BIGINT) AS dibayar,
               CAST(sum(CASE WHEN {di_dalam} THEN r.peserta_bayar ELSE 0 END) AS BIGINT) AS peserta_bayar,
               CAST(sum(CASE WHEN {di_dalam} THEN r.berhenti ELSE 0 END) AS BIGINT) AS berhenti,
               CAST(sum(CASE WHEN {di_dalam} THEN r.kembali ELSE 0 END) AS BIGINT) AS kembali,
               CAST(sum(CASE WHEN {idx('r.bulan')} < c.a THEN r.mulai - r.berhenti ELSE 0 END) AS BIGINT)
                   AS aktif_awal_iuran
        FROM rekap_iuran r
        JOIN (SELECT kode_kabupaten, segmen, greatest({idx('bulan_awal')}, :a) AS a,
                     least({idx('bulan_data')}, :b) AS b FROM cakupan_iuran) c
             ON c.kode_kabupaten = substr(r.kode_desa, 1, 5) AND c.segmen = r.segmen
        WHERE r.kode_desa LIKE :awalan AND c.a <= c.b AND {idx('r.bulan')} <= c.b {segmen}
        GROUP BY {kelompok}""", awalan=s.kode_wilayah + "%", segmen=s.segmen,
        a=_bulan_indeks(s.periode.mulai), b=_bulan_indeks(s.periode.selesai))
    return hasil if per_segmen_dana else hasil.set_index("kode_desa")


def _bulan_indeks(d: date) -> int:
    return d.year * 12 + d.month - 1
