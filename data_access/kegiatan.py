"""What each outreach event produced, its sign-ups around the event, and saving events.

An event's sign-ups are the participants registered with its id (peserta.kegiatan_id), wherever
they live. Still active after n months: one of their active periods (all programmes) covers the day
n months after their own registration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.demo import sumber_tulisan
from data_access.db import baca, tulis
from data_access.masa_aktif import SEMUA_PROGRAM
from domain import kpi
from domain.kegiatan import BULAN_IURAN, BULAN_RETENSI, IsianKegiatan, periksa
from domain.layar import ModeLayar
from domain.saringan import Saringan

# The timeline shows this many days either side of an event; the background rate is read over the
# weeks before that window, so the event's own pull does not raise its baseline.
HARI_SEKITAR = 7
HARI_LATAR = 56


class KegiatanDitolak(ValueError):
    """The event was not saved; the message says why, in plain Bahasa Indonesia."""


def _gabung_retensi() -> str:
    return "\n".join(
        f"""LEFT JOIN masa_aktif m{b} ON m{b}.peserta_id = p.id AND m{b}.program = '{SEMUA_PROGRAM}'
            AND m{b}.tanggal_mulai <= p.tanggal_daftar + INTERVAL '{b} months'
            AND m{b}.tanggal_berakhir > p.tanggal_daftar + INTERVAL '{b} months'"""
        for b in BULAN_RETENSI) + f"""
        LEFT JOIN (
            SELECT i.peserta_id, {", ".join(
                f"sum(i.jumlah) FILTER (WHERE i.bulan < CAST(date_trunc('month', pb.tanggal_daftar) "
                f"+ INTERVAL '{b} months' AS DATE)) AS iuran_{b}" for b in BULAN_IURAN)}
            FROM iuran i JOIN peserta pb ON pb.id = i.peserta_id
            WHERE pb.kegiatan_id IS NOT NULL GROUP BY i.peserta_id
        ) ib ON ib.peserta_id = p.id"""


def hasil_kegiatan(engine: sa.Engine, s: Saringan, hari_ini: date, jenis: tuple[str, ...] = ()) -> pd.DataFrame:
    """Per event in the region overlapping the period, newest first: attendance, sign-ups,
    conversion %, and for 3 and 6 months: sign-ups at least that old (matang_n_bulan), how many of
    them were still active then (aktif_n_bulan, missing while none is that old) and that share;
    cost per participant active after 6 months where a cost is known.

    Programme and segment filters do not apply: an event is judged on everyone it signed up.
    """
    syarat = "k.kode_desa LIKE :awalan AND k.tanggal_mulai <= :akhir AND k.tanggal_selesai >= :mulai"
    nilai: dict = {"awalan": s.kode_wilayah + "%", "mulai": s.periode.mulai, "akhir": s.periode.selesai}
    if jenis:
        syarat += " AND k.jenis IN :jenis"
        nilai["jenis"] = list(jenis)
    return _hasil(engine, syarat, nilai, hari_ini)


def kegiatan_terpilih(engine: sa.Engine, ids: list[int], hari_ini: date) -> pd.DataFrame:
    """The rows of `hasil_kegiatan` for exactly these events, whatever the period."""
    if not ids:
        return _hasil(engine, "1 = 0", {}, hari_ini)
    return _hasil(engine, "k.id IN :ids", {"ids": list(ids)}, hari_ini)


def _hasil(engine: sa.Engine, syarat: str, nilai: dict, hari_ini: date) -> pd.DataFrame:
    # Retention is read on the sign-ups at least n months old: a late sign-up credited to an old
    # event must not hold back the figure for everyone else.
    hitung_retensi = ", ".join(
        f"count(*) FILTER (WHERE p.tanggal_daftar + INTERVAL '{b} months' <= :hari_ini) AS matang_{b}_bulan, "
        f"count(m{b}.peserta_id) FILTER (WHERE p.tanggal_daftar + INTERVAL '{b} months' <= :hari_ini) "
        f"AS aktif_{b}_bulan" for b in BULAN_RETENSI)
    # Money over a sign-up's first n months, from the sign-ups at least n months old (as retention).
    hitung_retensi += "".join(
        f", count(*) FILTER (WHERE p.tanggal_daftar + INTERVAL '{b} months' <= :hari_ini) AS matang_iuran_{b}_bulan"
        f", CAST(coalesce(sum(ib.iuran_{b}) FILTER (WHERE p.tanggal_daftar + INTERVAL '{b} months' <= :hari_ini), 0)"
        f" AS BIGINT) AS iuran_{b}_bulan" for b in BULAN_IURAN)
    kueri = sa.text(f"""
        SELECT k.id, k.nama, k.jenis, k.kode_desa, w.nama AS nama_desa, kec.nama AS nama_kec,
               k.tanggal_mulai, k.tanggal_selesai, k.jumlah_hadir, k.biaya, k.catatan, k.target_pendaftar,
               count(p.id) AS pendaftar, {hitung_retensi}
        FROM kegiatan k
        JOIN wilayah w ON w.kode = k.kode_desa
        JOIN wilayah kec ON kec.kode = w.kode_induk
        LEFT JOIN peserta p ON p.kegiatan_id = k.id
        {_gabung_retensi()}
        WHERE {syarat}
        GROUP BY k.id, k.nama, k.jenis, k.kode_desa, w.nama, kec.nama, k.tanggal_mulai, k.tanggal_selesai,
                 k.jumlah_hadir, k.biaya, k.catatan, k.target_pendaftar
        ORDER BY k.tanggal_mulai DESC, k.id DESC""")
    for nama in ("ids", "jenis"):
        if nama in nilai:
            kueri = kueri.bindparams(sa.bindparam(nama, expanding=True))
    df = baca(engine, kueri, **nilai, hari_ini=hari_ini)
    df["jumlah_hadir"] = df["jumlah_hadir"].astype("Int64")
    df["biaya"] = df["biaya"].astype("Int64")
    df["target_pendaftar"] = df["target_pendaftar"].astype("Int64")
    # Float columns with NaN for 'not known', whatever the rows: pages and tests read one dtype.
    df["konversi_persen"] = pd.Series([kpi.rasio_persen(d, None if pd.isna(h) else h)
                                       for d, h in zip(df["pendaftar"], df["jumlah_hadir"], strict=True)],
                                      index=df.index, dtype="float64")
    for b in BULAN_RETENSI:
        kolom = f"aktif_{b}_bulan"
        matang = df[f"matang_{b}_bulan"]
        df[kolom] = df[kolom].astype("Int64").where(matang > 0, pd.NA)
        df[f"retensi_{b}_bulan_persen"] = pd.Series([None if pd.isna(a) else kpi.rasio_persen(a, n)
                                                     for a, n in zip(df[kolom], matang, strict=True)],
                                                    index=df.index, dtype="float64")
    for b in BULAN_IURAN:
        # Missing while no sign-up is that old; the rupiah back per rupiah the event cost.
        df[f"iuran_{b}_bulan"] = df[f"iuran_{b}_bulan"].astype("Int64").where(df[f"matang_iuran_{b}_bulan"] > 0, pd.NA)
        df[f"iuran_per_biaya_{b}_bulan"] = pd.Series(
            [None if pd.isna(i) or pd.isna(c) or not c else int(i) / int(c)
             for i, c in zip(df[f"iuran_{b}_bulan"], df["biaya"], strict=True)], index=df.index, dtype="float64")
    akhir = f"aktif_{BULAN_RETENSI[-1]}_bulan"
    df["biaya_per_aktif"] = pd.Series([kpi.biaya_per_peserta_aktif(None if pd.isna(c) else int(c),
                                                                   None if pd.isna(a) else int(a))
                                       for c, a in zip(df["biaya"], df[akhir], strict=True)],
                                      index=df.index, dtype="float64")
    return df


@dataclass(frozen=True)
class RincianKegiatan:
    """An event's sign-ups broken down; each frame has columns kategori, jumlah, largest first."""

    program: pd.DataFrame
    segmen: pd.DataFrame
    pekerjaan: pd.DataFrame
    sumber_dana: pd.DataFrame


def rincian_kegiatan(engine: sa.Engine, kegiatan_id: int) -> RincianKegiatan:
    """Sign-ups by programme (a person counts once per programme held), segment, occupation, funding."""
    df = baca(engine, """
        SELECT 'segmen' AS dimensi, p.segmen AS kategori, count(*) AS jumlah FROM peserta p
        WHERE p.kegiatan_id = :id GROUP BY p.segmen
        UNION ALL
        SELECT 'pekerjaan', coalesce(p.pekerjaan, '(tidak dicatat)'), count(*) FROM peserta p
        WHERE p.kegiatan_id = :id GROUP BY coalesce(p.pekerjaan, '(tidak dicatat)')
        UNION ALL
        SELECT 'sumber_dana', p.sumber_dana, count(*) FROM peserta p WHERE p.kegiatan_id = :id GROUP BY p.sumber_dana
        UNION ALL
        SELECT 'program', kp.program, count(DISTINCT p.id) FROM peserta p JOIN kepesertaan kp ON kp.peserta_id = p.id
        WHERE p.kegiatan_id = :id GROUP BY kp.program""", id=kegiatan_id)

    def bagian(dimensi: str) -> pd.DataFrame:
        pilih = df[df["dimensi"] == dimensi][["kategori", "jumlah"]]
        return pilih.sort_values(["jumlah", "kategori"], ascending=[False, True]).reset_index(drop=True)

    return RincianKegiatan(bagian("program"), bagian("segmen"), bagian("pekerjaan"), bagian("sumber_dana"))


def linimasa_kegiatan(engine: sa.Engine, ids: list[int]) -> pd.DataFrame:
    """Daily sign-ups from a week before to a week after each event, with the background rate.

    Columns: kegiatan_id, tanggal, hari_ke (0 = first day of the event), dari_kegiatan (signed up
    through this event, wherever they live), lainnya_di_desa (other sign-ups of the event's village)
    and latar_harian (the village's mean daily sign-ups over the eight weeks before the window).
    """
    if not ids:
        return pd.DataFrame(columns=["kegiatan_id", "tanggal", "hari_ke", "dari_kegiatan", "lainnya_di_desa",
                                     "latar_harian"])
    daftar = sa.bindparam("ids", expanding=True)
    awal = HARI_SEKITAR + HARI_LATAR
    kegiatan = baca(engine, sa.text(
        "SELECT id, tanggal_mulai, tanggal_selesai FROM kegiatan WHERE id IN :ids").bindparams(daftar), ids=ids)
    harian = baca(engine, sa.text(f"""
        SELECT k.id AS kegiatan_id, p.tanggal_daftar AS tanggal,
               count(*) FILTER (WHERE p.kegiatan_id = k.id) AS dari_kegiatan,
               count(*) FILTER (WHERE p.kegiatan_id IS DISTINCT FROM k.id) AS lainnya_di_desa
        FROM kegiatan k
        JOIN peserta p ON (p.kode_desa = k.kode_desa OR p.kegiatan_id = k.id)
             AND p.tanggal_daftar BETWEEN k.tanggal_mulai - {awal} AND k.tanggal_selesai + {HARI_SEKITAR}
        WHERE k.id IN :ids
        GROUP BY k.id, p.tanggal_daftar""").bindparams(daftar), ids=ids)
    harian["tanggal"] = pd.to_datetime(harian["tanggal"])
    bagian = []
    for ev in kegiatan.itertuples(index=False):
        mulai = pd.Timestamp(ev.tanggal_mulai)
        hari = pd.date_range(mulai - pd.Timedelta(days=HARI_SEKITAR),
                             pd.Timestamp(ev.tanggal_selesai) + pd.Timedelta(days=HARI_SEKITAR), freq="D")
        milik = harian[harian["kegiatan_id"] == ev.id].set_index("tanggal")
        latar = milik.loc[milik.index < hari[0], "lainnya_di_desa"].sum() / HARI_LATAR
        satu = pd.DataFrame({"kegiatan_id": int(ev.id), "tanggal": hari, "hari_ke": (hari - mulai).days})
        for kolom in ("dari_kegiatan", "lainnya_di_desa"):
            satu[kolom] = milik[kolom].reindex(hari, fill_value=0).astype(int).to_numpy()
        satu["latar_harian"] = float(latar)
        bagian.append(satu)
    return pd.concat(bagian, ignore_index=True)


def simpan_kegiatan(engine: sa.Engine, isian: IsianKegiatan, titik: tuple[float, float] | None,
                    hari_ini: date, kegiatan_id: int | None = None) -> int:
    """Create an event, or change the one with `kegiatan_id`; returns its id. One transaction."""
    masalah = periksa(isian, hari_ini)
    if masalah:
        raise KegiatanDitolak(" ".join(masalah))
    nilai = {
        "nama": isian.nama.strip(), "jenis": isian.jenis, "desa": isian.kode_desa, "mulai": isian.tanggal_mulai,
        "selesai": isian.tanggal_selesai, "hadir": isian.jumlah_hadir, "biaya": isian.biaya,
        "catatan": isian.catatan.strip() or None, "lat": titik[0] if titik else None,
        "lng": titik[1] if titik else None, "id": kegiatan_id, "target": isian.target_pendaftar,
    }

    def simpan(k: sa.Connection) -> int:
        ada = k.execute(sa.text("SELECT 1 FROM wilayah WHERE kode = :desa AND tingkat = 'desa'"), nilai).first()
        if not ada:
            raise KegiatanDitolak(f"Desa dengan kode {isian.kode_desa} tidak ada di daftar wilayah.")
        if kegiatan_id is not None and not k.execute(sa.text("SELECT 1 FROM kegiatan WHERE id = :id"), nilai).first():
            raise KegiatanDitolak(f"Kegiatan nomor {kegiatan_id} tidak ditemukan; mungkin sudah dihapus.")
        kembar = k.execute(sa.text("SELECT id FROM kegiatan WHERE nama = :nama AND tanggal_mulai = :mulai "
                                   "AND id IS DISTINCT FROM :id"), nilai).first()
        if kembar:
            raise KegiatanDitolak(f"Kegiatan dengan nama dan tanggal mulai yang sama sudah tercatat (nomor {kembar[0]}); "
                                  "ubah kegiatan itu, atau bedakan namanya.")
        if kegiatan_id is None:
            return k.execute(sa.text("""
                INSERT INTO kegiatan (nama, jenis, kode_desa, tanggal_mulai, tanggal_selesai, jumlah_hadir, biaya,
                                      catatan, lat, lng, target_pendaftar, sumber)
                VALUES (:nama, :jenis, :desa, :mulai, :selesai, :hadir, :biaya, :catatan, :lat, :lng, :target,
                        :sumber)
                RETURNING id"""), {**nilai, "sumber": sumber_tulisan(k, "aplikasi")}).scalar_one()
        diubah = k.execute(sa.text("""
            UPDATE kegiatan SET nama = :nama, jenis = :jenis, kode_desa = :desa, tanggal_mulai = :mulai,
                   tanggal_selesai = :selesai, jumlah_hadir = :hadir, biaya = :biaya, catatan = :catatan,
                   lat = :lat, lng = :lng, target_pendaftar = :target
            WHERE id = :id RETURNING id"""), nilai).first()
        if diubah is None:
            raise KegiatanDitolak(f"Kegiatan nomor {kegiatan_id} tidak ditemukan; mungkin sudah dihapus.")
        return kegiatan_id

    try:
        return tulis(engine, simpan)
    except sa.exc.IntegrityError:
        # Another session saved the same event between the check and the write.
        raise KegiatanDitolak("Kegiatan yang sama baru saja disimpan dari sesi lain; muat ulang halaman dan periksa "
                              "daftarnya.") from None


def atur_mode_layar(engine: sa.Engine, kegiatan_id: int, mode: ModeLayar) -> None:
    """Switch the event screen's scene; every screen showing the event follows at its next refresh."""
    def ubah(k: sa.Connection) -> None:
        if k.execute(sa.text("UPDATE kegiatan SET mode_layar = :mode WHERE id = :id RETURNING id"),
                     {"mode": ModeLayar(mode).value, "id": kegiatan_id}).first() is None:
            raise KegiatanDitolak(f"Kegiatan nomor {kegiatan_id} tidak ditemukan; mungkin sudah dihapus.")
    tulis(engine, ubah)


def durasi_bayar(engine: sa.Engine, kegiatan_id: list[int], hari_ini: date) -> pd.DataFrame:
    """For each sign-up of these events: kegiatan_id, durasi (whole months from the month of sign-up
    to the month their first run of active months ended, or to this month if it has not) and
    berhenti (1 lapsed, 0 still active: censored). The input of a Kaplan–Meier curve."""
    if not kegiatan_id:
        return pd.DataFrame(columns=["kegiatan_id", "durasi", "berhenti"])
    bulan = "(CAST(extract(year FROM {0}) AS INTEGER) * 12 + CAST(extract(month FROM {0}) AS INTEGER))"
    df = baca(engine, sa.text(f"""
        SELECT p.kegiatan_id,
               CASE WHEN m.tanggal_berakhir <= :hari_ini THEN {bulan.format('m.tanggal_berakhir')}
                    ELSE {bulan.format('CAST(:hari_ini AS DATE)')} END - {bulan.format('p.tanggal_daftar')} AS durasi,
               CASE WHEN m.tanggal_berakhir <= :hari_ini THEN 1 ELSE 0 END AS berhenti
        FROM peserta p
        JOIN (SELECT peserta_id, tanggal_berakhir,
                     row_number() OVER (PARTITION BY peserta_id ORDER BY tanggal_mulai) AS urutan
              FROM masa_aktif WHERE program = '{SEMUA_PROGRAM}'
                AND peserta_id IN (SELECT id FROM peserta WHERE kegiatan_id IN :ids)) m
             ON m.peserta_id = p.id AND m.urutan = 1
        WHERE p.kegiatan_id IN :ids""").bindparams(sa.bindparam("ids", expanding=True)),
        ids=list(kegiatan_id), hari_ini=hari_ini)
    return df.astype({"kegiatan_id": "int64", "durasi": "int64", "berhenti": "int64"})
