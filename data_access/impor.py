"""Imports: one code path for the command line and the Data page.

read the file (data_access.berkas_tabel) -> map its columns (domain.impor.petakan_kolom) -> check
every row (domain.impor models) -> refuse the file if any row is refused, unless the caller asks
for the valid rows only -> write everything in one transaction, keyed so that importing the same
file twice adds nothing and a corrected re-export updates what it changed -> log the import (who,
when, file hash, counts), refused imports included.

NIKs exist in memory only while a file is read: they become keyed pseudonyms before anything is
written; names, phone numbers and other personal columns are dropped on read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pandas as pd
import sqlalchemy as sa

from data_access import masa_aktif
from data_access.berkas_tabel import BerkasDitolak, baca_tabel
from data_access.db import muat_massal, tulis
from tampilan.format import aman_untuk_spreadsheet
from tampilan.format import angka
from domain.impor import SKEMA, Masalah, petakan_kolom, validasi_baris
from domain.nik import kunci_pseudonim
from domain.pendaftaran import iuran_bulanan
from domain.program import boleh_ikut
from geo.gazetteer import Gazetteer

JENIS_IMPOR = {
    "peserta": "peserta dan kepesertaannya",
    "kegiatan": "kegiatan: sosialisasi dan acara",
    "status": "status Desa Sadar",
    "penyebut": "penyebut per desa dan tahun: penduduk, pekerja, perangkat desa",
    "target": "target",
    "batas": "batas desa: GeoJSON, GeoPackage, Shapefile (.zip) atau SQL wilayah_boundaries",
}
# Above this many participants touched, rebuilding every active period is faster than per-person.
BATAS_PERBARUI_MASA_AKTIF = 5_000


@dataclass
class HasilImpor:
    jenis: str
    nama_berkas: str
    hash_berkas: str
    status: str  # 'berhasil', 'ditolak' or 'uji' (a dry run)
    keterangan_berkas: str = ""
    jumlah_baris: int = 0
    baris_sah: int = 0
    masalah: list[Masalah] = field(default_factory=list)
    kolom_dibuang: list[str] = field(default_factory=list)
    kolom_diabaikan: list[str] = field(default_factory=list)
    ditulis: dict[str, int] = field(default_factory=dict)  # baru, diperbarui, sama
    hanya_yang_sah: bool = False

    @property
    def baris_ditolak(self) -> int:
        return len({m.baris for m in self.masalah if m.baris})

    def ringkasan(self) -> str:
        """A few lines in Bahasa Indonesia for the terminal and the page."""
        baris = [f"Berkas {self.nama_berkas} ({JENIS_IMPOR.get(self.jenis, self.jenis)}); {self.keterangan_berkas}."]
        if self.jumlah_baris:
            baris.append(f"{angka(self.jumlah_baris)} baris data: {angka(self.baris_sah)} sah, "
                         f"{angka(self.baris_ditolak)} ditolak.")
        if self.kolom_dibuang:
            baris.append(f"Kolom data pribadi dibuang tanpa disimpan: {', '.join(self.kolom_dibuang)}.")
        if self.kolom_diabaikan:
            baris.append(f"Kolom tidak dikenal, diabaikan: {', '.join(self.kolom_diabaikan)}.")
        if self.status == "berhasil":
            d = self.ditulis
            baris.append(f"Diimpor: {angka(d.get('baru', 0))} baru, {angka(d.get('diperbarui', 0))} diperbarui, "
                         f"{angka(d.get('sama', 0))} sudah ada dan sama.")
            if self.hanya_yang_sah and self.masalah:
                baris.append(f"Hanya baris yang sah diimpor, atas permintaan; {angka(self.baris_ditolak)} baris "
                             "ditolak tidak ditulis.")
        elif self.status == "uji":
            baris.append("Uji coba (--dry-run): tidak ada yang ditulis.")
        else:
            baris.append("Ditolak: tidak ada yang ditulis. Perbaiki baris di bawah lalu impor ulang berkas yang sama.")
        return "\n".join(baris)

    def masalah_csv(self) -> str:
        """The refused rows as CSV (row, column, value, reason), safe to open in a spreadsheet."""
        df = pd.DataFrame([(m.baris, m.kolom, m.nilai, m.alasan) for m in self.masalah],
                          columns=["baris", "kolom", "nilai", "alasan"])
        return aman_untuk_spreadsheet(df).to_csv(index=False)


def pratinjau(sah: list[tuple[int, Any]], n: int = 20) -> pd.DataFrame:
    """The first valid rows as they will be stored, for the page: never the NIK."""
    return pd.DataFrame([{"baris": nomor, **m.model_dump(exclude={"nik"})} for nomor, m in sah[:n]])


@dataclass(frozen=True)
class KonteksImpor:
    """What an import needs besides the file: who, when, the village resolver and the NIK key."""

    pengguna: str
    hari_ini: date
    gazetteer: Gazetteer
    kunci_nik: bytes | None
    titik_desa: Callable[[str], tuple[float, float] | None] = lambda kode: None


def _selesaikan_desa(g: Gazetteer) -> Callable[[str, str | None], str]:
    def selesaikan(teks: str, kecamatan: str | None) -> str:
        hasil = g.cari(teks, kecamatan)
        if not hasil.kode:
            raise ValueError(hasil.pesan)
        return hasil.kode

    return selesaikan


def _selesaikan_wilayah(g: Gazetteer, kode_ada: set[str]) -> Callable[[Any, Any, Any], str]:
    """A target's region: its code, or a village name (with kecamatan), or a kecamatan name alone."""
    desa = _selesaikan_desa(g)

    def selesaikan(kode: Any, nama_desa: Any, kecamatan: Any) -> str:
        if kode is None and nama_desa is None and kecamatan is None:
            raise ValueError("Wilayah kosong: isi kode wilayah, nama desa, atau kecamatan.")
        if kode is not None:
            kode = str(kode).strip()
            if kode not in kode_ada:
                raise ValueError(f"Kode wilayah {kode} tidak ada di daftar wilayah.")
            return kode
        if nama_desa is not None:
            return desa(str(nama_desa), None if kecamatan is None else str(kecamatan))
        cocok = g.kecamatan(str(kecamatan)) if kecamatan is not None else set()
        if len(cocok) != 1:
            raise ValueError(f"Kecamatan '{kecamatan}' tidak dikenal." if not cocok else
                             f"Kecamatan '{kecamatan}' cocok dengan lebih dari satu kode.")
        return next(iter(cocok))

    return selesaikan


def _kunci_unik(jenis: str, m: Any) -> tuple:
    """What makes two rows of a file the same thing (the second is refused as a duplicate)."""
    return {
        "peserta": lambda: (m.nik,),
        "kegiatan": lambda: (m.nama.lower(), m.tanggal_mulai),
        "status": lambda: (m.kode_desa, m.status, m.tanggal),
        "penyebut": lambda: (m.kode_desa, m.tahun),
        "target": lambda: (m.kode_wilayah, m.tahun, m.ukuran, m.segmen, m.program),
    }[jenis]()


def periksa_berkas(engine: sa.Engine, jenis: str, isi: bytes, nama_berkas: str, konteks: KonteksImpor,
                   kemajuan: Callable[[float], None] | None = None) -> tuple[HasilImpor, list[tuple[int, Any]], dict[str, int]]:
    """Read and check a file without writing: the result (status 'uji' or 'ditolak'), the valid rows,
    and the events they name (cell text -> event id)."""
    if jenis not in SKEMA:
        raise ValueError(f"Jenis impor '{jenis}' tidak dikenal; pilih {', '.join(JENIS_IMPOR)}.")
    skema = SKEMA[jenis]
    hasil = HasilImpor(jenis, nama_berkas, hashlib.sha256(isi).hexdigest(), "ditolak")
    try:
        tabel = baca_tabel(isi, nama_berkas, skema.semua_sinonim())
    except BerkasDitolak as e:
        hasil.masalah.append(Masalah(0, "(berkas)", "", str(e)))
        return hasil, [], {}
    hasil.keterangan_berkas = tabel.keterangan
    peta, hasil.kolom_dibuang, hilang = petakan_kolom(tabel.header, skema)
    terpakai = set(peta.values())
    hasil.kolom_diabaikan = [h for i, h in enumerate(tabel.header)
                             if i not in terpakai and h and h not in hasil.kolom_dibuang]
    if hilang:
        hasil.masalah.append(Masalah(0, "(judul kolom)", "", f"Kolom wajib tidak ada: {'; '.join(hilang)}."))
        return hasil, [], {}
    if jenis == "peserta" and not konteks.kunci_nik:
        hasil.masalah.append(Masalah(0, "(pengaturan)", "", "Kunci rahasia NIK belum diatur (DESA_SADAR_KUNCI_NIK "
                                     "atau kunci_nik di secrets.toml); data pribadi tidak diimpor tanpa kunci."))
        return hasil, [], {}
    nama_kolom = {k: tabel.header[i] for k, i in peta.items()}
    nama_kolom.setdefault("kode_desa", nama_kolom.get("nama_desa", "desa"))
    nama_kolom.setdefault("kode_wilayah", nama_kolom.get("nama_desa") or nama_kolom.get("kecamatan", "wilayah"))
    validasi_konteks = {"desa": _selesaikan_desa(konteks.gazetteer), "hari_ini": konteks.hari_ini}
    if jenis == "target":
        with engine.connect() as k:
            kode_ada = {r[0] for r in k.execute(sa.text("SELECT kode FROM wilayah"))}
        validasi_konteks["wilayah"] = _selesaikan_wilayah(konteks.gazetteer, kode_ada)
    sah: list[tuple[int, Any]] = []
    pertama: dict[tuple, int] = {}
    setiap = max(1, len(tabel.baris) // 100)
    for urutan, (nomor, sel) in enumerate(tabel.baris):
        if kemajuan and urutan % setiap == 0:
            kemajuan(urutan / len(tabel.baris))
        nilai = {k: (sel[i] if i < len(sel) else None) for k, i in peta.items()}
        model, masalah = validasi_baris(jenis, nilai, validasi_konteks, nama_kolom, nomor)
        if model is not None:
            kunci = _kunci_unik(jenis, model)
            if kunci in pertama:
                kolom = nama_kolom.get("nik", "nik") if jenis == "peserta" else "(baris)"
                masalah = [Masalah(nomor, kolom, "", f"Sama dengan baris {pertama[kunci]}: baris ganda dalam berkas.")]
                model = None
            else:
                pertama[kunci] = nomor
        hasil.masalah.extend(masalah)
        if model is not None:
            sah.append((nomor, model))
    hasil.jumlah_baris = len(tabel.baris)
    rujukan: dict[str, int] = {}
    if jenis == "peserta":
        sah, rujukan = _kegiatan_peserta(engine, sah, hasil, nama_kolom)
    hasil.baris_sah = len(sah)
    if not tabel.baris:
        hasil.masalah.append(Masalah(0, "(berkas)", "", "Tidak ada baris data di bawah judul kolom."))
    hasil.status = "uji" if not hasil.masalah and sah else "ditolak"
    return hasil, sah, rujukan


def _kegiatan_peserta(engine: sa.Engine, sah: list, hasil: HasilImpor,
                      nama_kolom: dict) -> tuple[list, dict[str, int]]:
    """Events named in a participants file must exist (by number or exact name)."""
    disebut = {m.kegiatan for _, m in sah if m.kegiatan}
    if not disebut:
        return sah, {}
    with engine.connect() as k:
        ada = k.execute(sa.text("SELECT id, nama FROM kegiatan")).all()
    per_nama = {str(n).strip().lower(): int(i) for i, n in ada}
    per_id = {str(int(i)): int(i) for i, _ in ada}
    tersisa, rujukan = [], {}
    for nomor, m in sah:
        if m.kegiatan:
            nomor_kegiatan = per_id.get(m.kegiatan) or per_nama.get(m.kegiatan.lower())
            if nomor_kegiatan is None:
                hasil.masalah.append(Masalah(nomor, nama_kolom.get("kegiatan", "kegiatan"), m.kegiatan[:60],
                                             "Kegiatan ini belum tercatat; impor kegiatannya dulu atau kosongkan."))
                continue
            rujukan[m.kegiatan] = nomor_kegiatan
        tersisa.append((nomor, m))
    return tersisa, rujukan


def impor(engine: sa.Engine, jenis: str, isi: bytes, nama_berkas: str, konteks: KonteksImpor,
          kering: bool = False, hanya_yang_sah: bool = False,
          kemajuan: Callable[[float], None] | None = None) -> HasilImpor:
    """Check the file and, unless it is refused or this is a dry run, write it in one transaction."""
    hasil, sah, rujukan = periksa_berkas(engine, jenis, isi, nama_berkas, konteks, kemajuan)
    hasil.hanya_yang_sah = hanya_yang_sah
    if not sah or (hasil.masalah and not hanya_yang_sah):
        hasil.status = "ditolak"
        if not kering:
            catat_log(engine, hasil, konteks)
        return hasil
    if kering:
        hasil.status = "uji"
        return hasil

    def tulis_semua(k: sa.Connection) -> dict[str, int]:
        jumlah = PENULIS[jenis](k, [m for _, m in sah], konteks, rujukan)
        hasil.ditulis = jumlah
        hasil.status = "berhasil"
        catat_log(k, hasil, konteks)
        return jumlah

    try:
        tulis(engine, tulis_semua)
    except SegmenTidakBisaPindah as e:
        hasil.status, hasil.ditulis = "ditolak", {}
        nomor = [n for n, _ in sah]
        hasil.masalah.extend(Masalah(nomor[i], "(baris)", "", alasan) for i, alasan in e.per_posisi.items())
        hasil.baris_sah -= len(e.per_posisi)
        catat_log(engine, hasil, konteks)
    return hasil


class SegmenTidakBisaPindah(Exception):
    """A corrected segment that the participant's recorded enrolments cannot hold (a PU worker with
    JP moved to BPU): refused with the row, since ending an enrolment is the file's to say."""

    def __init__(self, per_posisi: dict[int, str]) -> None:
        super().__init__("segmen tidak bisa pindah")
        self.per_posisi = per_posisi


def _periksa_pindah_segmen(k: sa.Connection, pindah: pd.DataFrame) -> None:
    if pindah.empty:
        return
    ikut = k.execute(sa.text("SELECT peserta_id, program FROM kepesertaan WHERE peserta_id IN :ids")
                     .bindparams(sa.bindparam("ids", expanding=True)), {"ids": [int(i) for i in pindah["id"]]}).all()
    program_per_id: dict[int, set[str]] = {}
    for pid, program in ikut:
        program_per_id.setdefault(int(pid), set()).add(program)
    salah = {}
    for posisi, r in pindah.iterrows():
        tidak = sorted(p for p in program_per_id.get(int(r["id"]), set()) if not boleh_ikut(r["segmen"], p))
        if tidak:
            salah[int(posisi)] = (f"Peserta ini tercatat dengan program {', '.join(tidak)}, yang tidak ada untuk segmen "
                                  f"{r['segmen']}. Pindah segmen berarti kepesertaan baru: akhiri dulu kepesertaan "
                                  "lamanya di berkas, atau biarkan segmen lama.")
    if salah:
        raise SegmenTidakBisaPindah(salah)


def pelanggaran_integritas(engine: sa.Engine) -> dict[str, int]:
    """Rows that break what the foreign keys promise (empty when none does). PostgreSQL enforces
    these itself; DuckDB cannot keep keys on rows that are updated (migration 0007), so the write
    path keeps them and the tests hold it to this."""
    periksa = {
        "kepesertaan tanpa peserta yang sama": """
            SELECT count(*) FROM kepesertaan k LEFT JOIN peserta p
              ON p.id = k.peserta_id AND p.segmen = k.segmen AND p.kode_desa = k.kode_desa WHERE p.id IS NULL""",
        "peserta dengan kegiatan yang tidak ada": """
            SELECT count(*) FROM peserta p LEFT JOIN kegiatan g ON g.id = p.kegiatan_id
            WHERE p.kegiatan_id IS NOT NULL AND g.id IS NULL""",
        "masa aktif tanpa peserta yang sama": """
            SELECT count(*) FROM masa_aktif m LEFT JOIN peserta p
              ON p.id = m.peserta_id AND p.segmen = m.segmen AND p.kode_desa = m.kode_desa WHERE p.id IS NULL""",
    }
    with engine.connect() as k:
        jumlah = {nama: int(k.execute(sa.text(sql)).scalar()) for nama, sql in periksa.items()}
    return {nama: n for nama, n in jumlah.items() if n}


def catat_log(tujuan: sa.Engine | sa.Connection, hasil: HasilImpor, konteks: KonteksImpor) -> None:
    keterangan = hasil.ringkasan()[:4000]
    nilai = {"waktu": datetime.now(), "pengguna": konteks.pengguna[:80], "jenis": hasil.jenis,
             "nama": hasil.nama_berkas[:255], "hash": hasil.hash_berkas, "diterima": hasil.baris_sah,
             "ditolak": hasil.baris_ditolak, "status": hasil.status, "ket": keterangan}
    sql = sa.text("""
        INSERT INTO log_impor (waktu, pengguna, jenis, nama_berkas, hash_berkas, baris_diterima, baris_ditolak,
                               status, keterangan)
        VALUES (:waktu, :pengguna, :jenis, :nama, :hash, :diterima, :ditolak, :status, :ket)""")
    if isinstance(tujuan, sa.Connection):
        tujuan.execute(sql, nilai)
    else:
        tulis(tujuan, lambda k: k.execute(sql, nilai))


# --- writers: one per kind, inside the caller's transaction -----------------------------------

def _hitung(baru: int, diperbarui: int, sama: int) -> dict[str, int]:
    return {"baru": baru, "diperbarui": diperbarui, "sama": sama}


def _tulis_peserta(k: sa.Connection, baris: list, konteks: KonteksImpor, rujukan: dict[str, int]) -> dict[str, int]:
    kunci = konteks.kunci_nik
    assert kunci, "periksa_berkas refuses participants without a key"
    df = pd.DataFrame({
        "kunci_pseudonim": [kunci_pseudonim(m.nik, kunci) for m in baris],
        "segmen": [m.segmen for m in baris], "kode_desa": [m.kode_desa for m in baris],
        "pekerjaan": [m.pekerjaan for m in baris], "jenis_kelamin": [m.jenis_kelamin for m in baris],
        "tahun_lahir": pd.array([m.tahun_lahir for m in baris], dtype="Int64"),
        "sumber_dana": [m.dana for m in baris], "kanal": [m.kanal for m in baris],
        "tanggal_daftar": [m.tanggal_daftar for m in baris],
        "kegiatan_id": pd.array([rujukan.get(m.kegiatan) if m.kegiatan else None for m in baris], dtype="Int64"),
    })
    kolom = list(df.columns)
    lama = pd.DataFrame(k.execute(sa.text(f"SELECT id, {', '.join(kolom)} FROM peserta")).all(),
                        columns=["id", *kolom])
    gabung = df.merge(lama, on="kunci_pseudonim", how="left", suffixes=("", "_lama"))
    baru = gabung[gabung["id"].isna()]
    ada = gabung[gabung["id"].notna()].copy()
    bandingkan = [c for c in kolom if c != "kunci_pseudonim"]
    berubah = pd.Series(False, index=ada.index)
    for c in bandingkan:
        a, b = ada[c], ada[f"{c}_lama"]
        if c == "tanggal_daftar":
            a, b = pd.to_datetime(a), pd.to_datetime(b)
        berubah |= ~((a == b) | (a.isna() & b.isna())).fillna(False).astype(bool)
    diubah = ada[berubah]
    pindah = diubah[(diubah["segmen"] != diubah["segmen_lama"]) | (diubah["kode_desa"] != diubah["kode_desa_lama"])]
    _periksa_pindah_segmen(k, pindah)
    # Only the columns that changed: DuckDB rewrites a row when an indexed column is set, even to
    # the same value, and the rest is less to write on either engine.
    for c in bandingkan:
        a, b = diubah[c], diubah[f"{c}_lama"]
        if c == "tanggal_daftar":
            a, b = pd.to_datetime(a), pd.to_datetime(b)
        ganti = diubah[~((a == b) | (a.isna() & b.isna())).fillna(False).astype(bool)]
        if not ganti.empty:
            k.execute(sa.text(f"UPDATE peserta SET {c} = :nilai WHERE id = :id"),
                      [{"nilai": _nilai_sql(v), "id": int(i)} for v, i in zip(ganti[c], ganti["id"], strict=True)])
    if not pindah.empty:
        # Enrolments carry their participant's segment and village; PostgreSQL's key cascades, and
        # on DuckDB this is what keeps them equal.
        k.execute(sa.text("UPDATE kepesertaan SET segmen = :segmen, kode_desa = :kode_desa "
                          "WHERE peserta_id = :id AND (segmen <> :segmen OR kode_desa <> :kode_desa)"),
                  [{"segmen": r.segmen, "kode_desa": r.kode_desa, "id": int(r.id)} for r in pindah.itertuples()])
    if not baru.empty:
        muat_massal(k, "peserta", baru[kolom].assign(sumber="impor"))
    # Ids of the rows just inserted: the sequence only grows, so they are above every id read before.
    kunci_ke_id = dict(zip(lama["kunci_pseudonim"], lama["id"].astype(int), strict=True))
    if not baru.empty:
        tertinggi = int(lama["id"].max()) if not lama.empty else 0
        kunci_ke_id.update(k.execute(sa.text("SELECT kunci_pseudonim, id FROM peserta WHERE id > :tertinggi"),
                                     {"tertinggi": tertinggi}).all())
    df["peserta_id"] = df["kunci_pseudonim"].map(kunci_ke_id).astype("int64")

    # Enrolments: one per programme from the registration date; a re-export may end one.
    ikut = pd.DataFrame([
        {"peserta_id": pid, "segmen": m.segmen, "kode_desa": m.kode_desa, "program": p,
         "tanggal_mulai": m.tanggal_daftar, "tanggal_berakhir": m.tanggal_berakhir,
         "iuran_bulanan": iuran_bulanan(m.segmen, p)}
        for pid, m in zip(df["peserta_id"], baris, strict=True) for p in sorted(m.program)])
    ids = [int(i) for i in df["peserta_id"]]
    ada_ikut = pd.DataFrame(k.execute(sa.text(
        "SELECT peserta_id, program, tanggal_mulai, tanggal_berakhir FROM kepesertaan WHERE peserta_id IN :ids"
    ).bindparams(sa.bindparam("ids", expanding=True)), {"ids": ids}).all(),
        columns=["peserta_id", "program", "tanggal_mulai", "berakhir_lama"]) if ids else pd.DataFrame()
    if not ada_ikut.empty:
        ada_ikut["tanggal_mulai"] = pd.to_datetime(ada_ikut["tanggal_mulai"]).dt.date
        ikut = ikut.merge(ada_ikut, on=["peserta_id", "program", "tanggal_mulai"], how="left", indicator=True)
    else:
        ikut["_merge"], ikut["berakhir_lama"] = "left_only", None
    ikut_baru = ikut[ikut["_merge"] == "left_only"]
    ikut_ada = ikut[ikut["_merge"] == "both"]
    beda = [not _sama_tanggal(a, b) for a, b in zip(ikut_ada["tanggal_berakhir"], ikut_ada["berakhir_lama"], strict=True)]
    akhir_beda = ikut_ada.loc[pd.Series(beda, index=ikut_ada.index, dtype=bool)]
    if not ikut_baru.empty:
        muat_massal(k, "kepesertaan", ikut_baru[["peserta_id", "segmen", "kode_desa", "program", "tanggal_mulai",
                                                 "tanggal_berakhir", "iuran_bulanan"]])
    if not akhir_beda.empty:
        k.execute(sa.text("""
            UPDATE kepesertaan SET tanggal_berakhir = :akhir
            WHERE peserta_id = :pid AND program = :program AND tanggal_mulai = :mulai"""), [
            {"akhir": None if pd.isna(r.tanggal_berakhir) else r.tanggal_berakhir, "pid": int(r.peserta_id),
             "program": r.program, "mulai": r.tanggal_mulai} for r in akhir_beda.itertuples()])
    tersentuh = set(baru["kunci_pseudonim"].map(kunci_ke_id)) | set(diubah["id"].astype(int)) \
        | set(ikut_baru["peserta_id"]) | set(akhir_beda["peserta_id"])
    if len(tersentuh) > BATAS_PERBARUI_MASA_AKTIF:
        masa_aktif.bangun_ulang(k)
    elif tersentuh:
        masa_aktif.perbarui(k, sorted(int(i) for i in tersentuh))
    berubah_id = set(diubah["id"].astype(int)) | set(ikut_baru.loc[ikut_baru["peserta_id"].isin(
        ada["id"].astype(int)), "peserta_id"]) | set(akhir_beda["peserta_id"])
    return _hitung(len(baru), len(berubah_id), len(ada) - len(berubah_id))


def _nilai_sql(v: Any) -> Any:
    """A frame's cell as a driver takes it: None for missing, Python ints for numpy ones."""
    if pd.isna(v):
        return None
    return v.item() if hasattr(v, "item") else v


def _sama_tanggal(a: Any, b: Any) -> bool:
    if pd.isna(a) and pd.isna(b):
        return True
    if pd.isna(a) or pd.isna(b):
        return False
    return pd.Timestamp(a) == pd.Timestamp(b)


def _tulis_berkunci(k: sa.Connection, tabel: str, kunci: list[str], nilai: list[str], baris: list[dict],
                    tambahan: dict[str, Any], turunan: tuple[str, ...] = ()) -> dict[str, int]:
    """Insert rows new by `kunci`, update those whose `nilai` changed, count those already the same.
    `turunan` columns follow the others (written, never compared), e.g. a marker's coordinates."""
    semua = kunci + nilai
    lama = {tuple(_normal(v) for v in r[:len(kunci)]): tuple(_normal(v) for v in r[len(kunci):])
            for r in k.execute(sa.text(f"SELECT {', '.join(semua)} FROM {tabel}")).all()}
    baru, ubah, sama = [], [], 0
    for b in baris:
        kk = tuple(_normal(b[c]) for c in kunci)
        if kk not in lama:
            baru.append(b)
        elif lama[kk] != tuple(_normal(b[c]) for c in nilai):
            ubah.append(b)
        else:
            sama += 1
    if baru:
        kolom = semua + list(turunan) + list(tambahan)
        k.execute(sa.text(f"INSERT INTO {tabel} ({', '.join(kolom)}) VALUES ({', '.join(':' + c for c in kolom)})"),
                  [{**b, **tambahan} for b in baru])
    if ubah and nilai:
        k.execute(sa.text(f"UPDATE {tabel} SET {', '.join(f'{c} = :{c}' for c in [*nilai, *turunan])} "
                          f"WHERE {' AND '.join(f'{c} = :{c}' for c in kunci)}"), ubah)
    return _hitung(len(baru), len(ubah), sama)


def _normal(v: Any) -> Any:
    """Values compared across the file and the database: dates as dates, numbers as ints, NaN as None."""
    if v is None or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _tulis_kegiatan(k: sa.Connection, baris: list, konteks: KonteksImpor, rujukan: dict) -> dict[str, int]:
    data = []
    for m in baris:
        titik = konteks.titik_desa(m.kode_desa)
        data.append({"nama": m.nama, "tanggal_mulai": m.tanggal_mulai, "jenis": m.jenis, "kode_desa": m.kode_desa,
                     "tanggal_selesai": m.tanggal_selesai or m.tanggal_mulai, "jumlah_hadir": m.jumlah_hadir,
                     "biaya": m.biaya, "catatan": m.catatan, "lat": titik[0] if titik else None,
                     "lng": titik[1] if titik else None})
    return _tulis_berkunci(k, "kegiatan", ["nama", "tanggal_mulai"],
                           ["jenis", "kode_desa", "tanggal_selesai", "jumlah_hadir", "biaya", "catatan"],
                           data, {"sumber": "impor"}, turunan=("lat", "lng"))


def _tulis_status(k: sa.Connection, baris: list, konteks: KonteksImpor, rujukan: dict) -> dict[str, int]:
    return _tulis_berkunci(k, "status_desa_sadar", ["kode_desa", "status", "tanggal"], ["catatan"],
                           [m.model_dump() for m in baris], {})


def _tulis_penyebut(k: sa.Connection, baris: list, konteks: KonteksImpor, rujukan: dict) -> dict[str, int]:
    # Columns the file does not have keep what the database holds: read them first.
    lama = {(r[0], r[1]): r[2:] for r in k.execute(sa.text(
        "SELECT kode_desa, tahun, penduduk, penduduk_bekerja, pekerja_informal, perangkat_desa FROM penyebut")).all()}
    kolom = ["penduduk", "penduduk_bekerja", "pekerja_informal", "perangkat_desa"]
    data = []
    for m in baris:
        d = m.model_dump()
        sebelum = lama.get((m.kode_desa, m.tahun))
        if sebelum:
            d.update({c: sebelum[i] for i, c in enumerate(kolom) if d[c] is None})
        data.append(d)
    return _tulis_berkunci(k, "penyebut", ["kode_desa", "tahun"], kolom, data, {"sumber": "impor"})


def _tulis_target(k: sa.Connection, baris: list, konteks: KonteksImpor, rujukan: dict) -> dict[str, int]:
    return _tulis_berkunci(k, "target", ["kode_wilayah", "tahun", "ukuran", "segmen", "program"], ["nilai"],
                           [m.model_dump() for m in baris], {"sumber": "impor"})


PENULIS = {"peserta": _tulis_peserta, "kegiatan": _tulis_kegiatan, "status": _tulis_status,
           "penyebut": _tulis_penyebut, "target": _tulis_target}
