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
import logging
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

import pandas as pd
import sqlalchemy as sa

from data_access import impor_iuran, iuran, masa_aktif
from data_access.impor_iuran import KumpulanIuran
from data_access.demo import ada_data_demo, hapus_data_demo
from data_access.berkas_tabel import BATAS_BARIS, BATAS_BYTE_BAWAAN, BerkasDitolak, baca_tabel
from data_access.db import muat_massal, tanpa_batas_waktu, tulis
from tampilan.format import aman_untuk_spreadsheet
from tampilan.format import angka
from tampilan.teks import alasan_dalam, label_isian, t
from domain.impor import SKEMA, BarisPeserta, Masalah, petakan_kolom, validasi_baris
from domain.nik import kunci_pseudonim
from domain.pendaftaran import iuran_bulanan
from domain.program import boleh_ikut
from domain.urai import bersihkan_teks, karakter_kendali
from geo.gazetteer import Gazetteer, Status

JENIS_IMPOR = {
    "peserta": "peserta dan kepesertaannya",
    "iuran": "iuran dibayar: per peserta dan bulan",
    "kegiatan": "kegiatan: sosialisasi dan acara",
    "status": "status Desa Sadar",
    "penyebut": "penyebut per desa dan tahun: penduduk, pekerja, perangkat desa",
    "target": "target",
    "batas": "batas desa: GeoJSON, GeoPackage, Shapefile (.zip) atau SQL wilayah_boundaries",
}
# Above this many participants touched, rebuilding every active period is faster than per-person.
BATAS_PERBARUI_MASA_AKTIF = 5_000
# Size and row limits per kind where the default's do not fit: a regency's payment history is a
# million rows and more (the command line's job; an upload stops at server.maxUploadSize first).
BATAS_BERKAS = {"iuran": (250 * 1024 * 1024, 3_000_000)}


@dataclass
class HasilImpor:
    jenis: str
    nama_berkas: str
    hash_berkas: str
    status: str  # 'berhasil', 'ditolak' or 'uji' (a dry run)
    keterangan_berkas: str = ""
    keterangan_berkas_en: str = ""
    jumlah_baris: int = 0
    baris_sah: int = 0
    masalah: list[Masalah] = field(default_factory=list)
    kolom_dibuang: list[str] = field(default_factory=list)
    kolom_diabaikan: list[str] = field(default_factory=list)
    ditulis: dict[str, int] = field(default_factory=dict)  # baru, diperbarui, sama
    hanya_yang_sah: bool = False
    koreksi: Counter = field(default_factory=Counter)  # (as written, the village's name, its code) -> rows
    demo_dihapus: dict[str, int] = field(default_factory=dict)  # demo rows removed by this import, per table
    saran: Counter = field(default_factory=Counter)  # the same, offered but not accepted

    @property
    def gagal(self) -> bool:
        """Failed for a reason outside the file (the database, the server): exit 1, not 2."""
        return any(m.kolom == "(impor)" for m in self.masalah)

    @property
    def baris_ditolak(self) -> int:
        return len({m.baris for m in self.masalah if m.baris})

    def ringkasan(self, bahasa: str = "id") -> str:
        """A few lines for the terminal and the page, in the reader's language."""
        def n(x: int) -> str:
            return angka(x) if bahasa != "en" else f"{x:,}"

        jenis = label_isian("jenis_impor", JENIS_IMPOR.get(self.jenis, self.jenis), bahasa)
        baris = [t("impor_r_berkas", bahasa, nama=self.nama_berkas, jenis=jenis,
                   cara=f"; {cara}" if (cara := (bahasa == "en" and self.keterangan_berkas_en)
                                              or self.keterangan_berkas) else "")]
        if self.jumlah_baris:
            baris.append(t("impor_r_baris", bahasa, jumlah=n(self.jumlah_baris), sah=n(self.baris_sah),
                           ditolak=n(self.baris_ditolak)))
        if self.kolom_dibuang:
            baris.append(t("impor_r_dibuang", bahasa, kolom=", ".join(self.kolom_dibuang)))
        if self.kolom_diabaikan:
            baris.append(t("impor_r_diabaikan", bahasa, kolom=", ".join(self.kolom_diabaikan)))
        if self.koreksi:
            daftar = "; ".join(f"'{asli}' → {nama} ({kode}, {n(jumlah)}×)"
                               for (asli, nama, kode), jumlah in sorted(self.koreksi.items()))
            baris.append(t("impor_r_koreksi", bahasa, daftar=daftar))
        if self.demo_dihapus:
            baris.append(t("impor_r_demo_dihapus", bahasa, peserta=n(self.demo_dihapus.get("peserta", 0)),
                           kegiatan=n(self.demo_dihapus.get("kegiatan", 0))))
        if self.status == "berhasil":
            d = self.ditulis
            baris.append(t("impor_r_diimpor", bahasa, baru=n(d.get("baru", 0)), diperbarui=n(d.get("diperbarui", 0)),
                           sama=n(d.get("sama", 0))))
            if self.hanya_yang_sah and self.masalah:
                baris.append(t("impor_r_hanya_sah", bahasa, ditolak=n(self.baris_ditolak)))
        elif self.status == "uji":
            baris.append(t("impor_r_uji", bahasa))
        elif all(m.kolom == "(data contoh)" for m in self.masalah):
            baris.append(t("impor_r_ditolak_demo", bahasa))
        else:
            baris.append(t("impor_r_ditolak", bahasa))
        return "\n".join(baris)

    def masalah_csv(self, bahasa: str = "id") -> str:
        """The refused rows as CSV (row, column, value, reason), safe to open in a spreadsheet."""
        judul = ["row", "column", "value", "reason"] if bahasa == "en" else ["baris", "kolom", "nilai", "alasan"]
        df = pd.DataFrame([(m.baris, m.kolom, m.nilai, alasan_dalam(m.alasan_dalam(bahasa), bahasa))
                           for m in self.masalah], columns=judul)
        return aman_untuk_spreadsheet(df).to_csv(index=False)


def pratinjau(sah: list[tuple[int, Any]] | KumpulanIuran, n: int = 20) -> pd.DataFrame:
    """The first valid rows as they will be stored, for the page: never the NIK, its pseudonym or
    the database's own number for the participant."""
    def isi(m: Any) -> dict:
        baris = {k: v for k, v in m._asdict().items() if k not in ("kunci_pseudonim", "peserta_id")} \
            if isinstance(m, tuple) else m.model_dump(exclude={"nik"})
        # A set has no column type in Arrow (Streamlit's table): programmes as the text a file writes.
        return {k: ", ".join(sorted(v)) if isinstance(v, frozenset) else v for k, v in baris.items()}

    return pd.DataFrame([{"baris": nomor, **isi(m)} for nomor, m in sah[:n]])


class PesertaSah(NamedTuple):
    """A checked participant row as the writer needs it, in a tenth of a model's memory (a 100,000-row
    file is held whole until the one transaction writes it), and without the NIK: its keyed
    pseudonym is all that is kept once the row is checked."""

    kunci_pseudonim: str
    segmen: str
    kode_desa: str
    program: frozenset[str]
    tanggal_daftar: date
    tanggal_berakhir: date | None
    pekerjaan: str | None
    jenis_kelamin: str | None
    tahun_lahir: int | None
    dana: str
    kanal: str
    kegiatan: str | None


def _ringkas(m: BarisPeserta, kunci: bytes) -> PesertaSah:
    return PesertaSah(kunci_pseudonim(m.nik, kunci), m.segmen, m.kode_desa, m.program, m.tanggal_daftar,
                      m.tanggal_berakhir, m.pekerjaan, m.jenis_kelamin, m.tahun_lahir, m.dana, m.kanal, m.kegiatan)


RINGKAS = {"peserta": _ringkas, "iuran": impor_iuran.ringkas}


@dataclass(frozen=True)
class KonteksImpor:
    """What an import needs besides the file: who, when, the village resolver and the NIK key."""

    pengguna: str
    hari_ini: date
    gazetteer: Gazetteer
    kunci_nik: bytes | None
    titik_desa: Callable[[str], tuple[float, float] | None] = lambda kode: None


def _selesaikan_desa(g: Gazetteer, terima_koreksi: bool = False, koreksi: Counter | None = None,
                     saran: Counter | None = None) -> Callable[[str, str | None], str]:
    """Village text to code. A close spelling is taken only when the user accepted corrections;
    each one taken (`koreksi`) or offered (`saran`) is counted for the summary and the page."""
    def selesaikan(teks: str, kecamatan: str | None) -> str:
        hasil = g.cari(teks, kecamatan)
        if hasil.status is Status.MIRIP:
            kunci = (teks, hasil.kandidat[0].nama, hasil.kode)
            if terima_koreksi:
                if koreksi is not None:
                    koreksi[kunci] += 1
                return hasil.kode
            if saran is not None:
                saran[kunci] += 1
        if hasil.status is not Status.COCOK:
            raise ValueError(hasil.pesan)
        return hasil.kode

    return selesaikan


def _selesaikan_wilayah(g: Gazetteer, kode_ada: set[str],
                        desa: Callable[[str, str | None], str]) -> Callable[[Any, Any, Any], str]:
    """A target's region: its code, or a village name (with kecamatan), or a kecamatan name alone."""

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
        "peserta": lambda: (m.kunci_pseudonim,),
        "iuran": lambda: (m.kunci_pseudonim, m.bulan),
        "kegiatan": lambda: (m.nama.lower(), m.tanggal_mulai),
        "status": lambda: (m.kode_desa, m.status, m.tanggal),
        "penyebut": lambda: (m.kode_desa, m.tahun),
        "target": lambda: (m.kode_wilayah, m.tahun, m.ukuran, m.segmen, m.program),
    }[jenis]()


def periksa_berkas(engine: sa.Engine, jenis: str, isi: bytes, nama_berkas: str, konteks: KonteksImpor,
                   kemajuan: Callable[[float], None] | None = None,
                   terima_koreksi: bool = False) -> tuple[HasilImpor, list[tuple[int, Any]], dict[str, int]]:
    """Read and check a file without writing: the result (status 'uji' or 'ditolak'), the valid rows,
    and the events they name (cell text -> event id). Rows are checked as they are read."""
    if jenis not in SKEMA:
        raise ValueError(f"Jenis impor '{jenis}' tidak dikenal; pilih {', '.join(JENIS_IMPOR)}.")
    skema = SKEMA[jenis]
    hasil = HasilImpor(jenis, nama_berkas, hashlib.sha256(isi).hexdigest(), "ditolak")
    try:
        tabel = baca_tabel(isi, nama_berkas, skema.semua_sinonim(),
                           *BATAS_BERKAS.get(jenis, (BATAS_BYTE_BAWAAN, BATAS_BARIS)))
    except BerkasDitolak as e:
        hasil.masalah.append(Masalah(0, "(berkas)", "", str(e), e.en))
        return hasil, [], {}
    hasil.keterangan_berkas, hasil.keterangan_berkas_en = tabel.keterangan, tabel.keterangan_en
    for i, judul in enumerate(tabel.header):
        if kendali := karakter_kendali(judul):
            hasil.masalah.append(Masalah(0, f"(judul kolom {i + 1})", "", *_pesan_kendali(kendali)))
    if hasil.masalah:
        return hasil, [], {}
    peta, hasil.kolom_dibuang, hilang = petakan_kolom(tabel.header, skema)
    terpakai = set(peta.values())
    hasil.kolom_diabaikan = [h for i, h in enumerate(tabel.header)
                             if i not in terpakai and h and h not in hasil.kolom_dibuang]
    if hilang:
        hasil.masalah.append(Masalah(0, "(judul kolom)", "", f"Kolom wajib tidak ada: {'; '.join(hilang)}.",
                                     f"Required columns missing: {'; '.join(hilang)}."))
        return hasil, [], {}
    if jenis in ("peserta", "iuran") and not konteks.kunci_nik:
        hasil.masalah.append(Masalah(0, "(pengaturan)", "", "Kunci rahasia NIK belum diatur (DESA_SADAR_KUNCI_NIK "
                                     "atau kunci_nik di secrets.toml); data pribadi tidak diimpor tanpa kunci.",
                                     "The NIK secret key is not set (DESA_SADAR_KUNCI_NIK or kunci_nik in "
                                     "secrets.toml); personal data is not imported without it."))
        return hasil, [], {}
    nama_kolom = {k: tabel.header[i] for k, i in peta.items()}
    nama_kolom.setdefault("kode_desa", nama_kolom.get("nama_desa", "desa"))
    nama_kolom.setdefault("kode_wilayah", nama_kolom.get("nama_desa") or nama_kolom.get("kecamatan", "wilayah"))
    desa = _selesaikan_desa(konteks.gazetteer, terima_koreksi, hasil.koreksi, hasil.saran)
    validasi_konteks = {"desa": desa, "hari_ini": konteks.hari_ini}
    if jenis == "target":
        with engine.connect() as k:
            kode_ada = {r[0] for r in k.execute(sa.text("SELECT kode FROM wilayah"))}
        validasi_konteks["wilayah"] = _selesaikan_wilayah(konteks.gazetteer, kode_ada, desa)
    # Payments by column (data_access.impor_iuran): a regency's history is a million rows.
    sah: list[tuple[int, Any]] | KumpulanIuran = KumpulanIuran() if jenis == "iuran" else []
    pertama: dict[tuple, int] = {}
    program_bersama: dict[frozenset[str], frozenset[str]] = {}  # a few distinct sets, one object each
    perkiraan = max(tabel.perkiraan_baris or 0, 1)
    try:
        for urutan, (nomor, sel) in enumerate(tabel.baris):
            if kemajuan and urutan % 1000 == 0:
                kemajuan(min(nomor / perkiraan, 1.0))
            hasil.jumlah_baris += 1
            sel, masalah_sel = _bersihkan_baris(nomor, sel, tabel.header)
            if masalah_sel:
                hasil.masalah.extend(masalah_sel)
                continue
            nilai = {k: (sel[i] if i < len(sel) else None) for k, i in peta.items()}
            model, masalah = validasi_baris(jenis, nilai, validasi_konteks, nama_kolom, nomor)
            if model is not None and jenis in RINGKAS:
                model = RINGKAS[jenis](model, konteks.kunci_nik)
                if jenis == "peserta":
                    model = model._replace(program=program_bersama.setdefault(model.program, model.program))
            if model is not None and jenis != "iuran":  # payments: KumpulanIuran.buang_ganda once read
                kunci = _kunci_unik(jenis, model)
                if kunci in pertama:
                    kolom = nama_kolom.get("nik", "nik") if jenis in RINGKAS else "(baris)"
                    masalah = [Masalah(nomor, kolom, "", f"Sama dengan baris {pertama[kunci]}: baris ganda dalam berkas.")]
                    model = None
                else:
                    pertama[kunci] = nomor
            hasil.masalah.extend(masalah)
            if model is not None:
                sah.append((nomor, model))
    except BerkasDitolak as e:  # the file broke while it was read: nothing of it is taken
        hasil.masalah.insert(0, Masalah(0, "(berkas)", "", str(e), e.en))
        hasil.baris_sah = hasil.jumlah_baris = 0  # the rows read before the break are not the file's
        return hasil, [], {}
    rujukan: dict[str, int] = {}
    if jenis == "peserta":
        sah, rujukan = _kegiatan_peserta(engine, sah, hasil, nama_kolom)
    elif jenis == "iuran":
        hasil.masalah.extend(sah.buang_ganda(nama_kolom.get("nik", "nik")))
        hasil.masalah.extend(sah.periksa_peserta(engine, nama_kolom))
        hasil.masalah.sort(key=lambda m: m.baris)
    hasil.baris_sah = len(sah)
    if not hasil.jumlah_baris:
        hasil.masalah.append(Masalah(0, "(berkas)", "", "Tidak ada baris data di bawah judul kolom.",
                                     "There are no data rows under the header row."))
    hasil.status = "uji" if not hasil.masalah and sah else "ditolak"
    return hasil, sah, rujukan


def _pesan_kendali(kendali: str) -> tuple[str, str]:
    return (f"Memuat karakter kendali {kendali}, yang tidak pernah ada dalam data yang sah (berkas rusak atau "
            "disisipi); hapus karakter itu lalu simpan ulang.",
            f"Holds the control character {kendali}, which valid data never does (a damaged or tampered file); "
            "remove it and save again.")


def _bersihkan_baris(nomor: int, sel: list[Any], header: list[str]) -> tuple[list[Any], list[Masalah]]:
    """Text cells as they are meant (domain.urai.bersihkan_teks); control characters refused with
    their row and column, in every column, read or not."""
    bersih, masalah = [], []
    for i, s in enumerate(sel):
        if isinstance(s, str):
            if kendali := karakter_kendali(s):
                kolom = header[i] if i < len(header) and header[i] else f"(kolom {i + 1})"
                masalah.append(Masalah(nomor, kolom, "", *_pesan_kendali(kendali)))
                continue
            s = bersihkan_teks(s)
        bersih.append(s)
    return bersih, masalah


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
                                             "Kegiatan ini belum tercatat; impor kegiatannya dulu atau kosongkan.",
                                             "This event is not recorded yet; import the events first, or leave "
                                             "the cell empty."))
                continue
            rujukan[m.kegiatan] = nomor_kegiatan
        tersisa.append((nomor, m))
    return tersisa, rujukan


def periksa(engine: sa.Engine, jenis: str, isi: bytes, nama_berkas: str, konteks: KonteksImpor,
            kemajuan: Callable[[float], None] | None = None,
            terima_koreksi: bool = False) -> tuple[HasilImpor, list[tuple[int, Any]]]:
    """periksa_berkas for the page: any failure is a refused result with a message, never raised."""
    try:
        hasil, sah, _ = periksa_berkas(engine, jenis, isi, nama_berkas, konteks, kemajuan, terima_koreksi)
        return hasil, sah
    except Exception as e:
        log.exception("pemeriksaan %s %s gagal", jenis, nama_berkas)
        hasil = HasilImpor(jenis, nama_berkas, hashlib.sha256(isi).hexdigest(), "ditolak")
        hasil.masalah = [Masalah(0, "(impor)", "", *pesan_gagal(e))]
        return hasil, []


# One import of each kind at a time per process, and per database on PostgreSQL (an advisory lock
# held by the writing transaction): the second waits, then finds the first's rows already there and
# reports them as such. DuckDB is opened by one process only, so the process lock covers it.
KUNCI_PROSES: dict[str, threading.Lock] = {j: threading.Lock() for j in JENIS_IMPOR}
NOMOR_KUNCI_PG = {jenis: 0x44534149 + i for i, jenis in enumerate(JENIS_IMPOR)}
log = logging.getLogger(__name__)


def impor(engine: sa.Engine, jenis: str, isi: bytes, nama_berkas: str, konteks: KonteksImpor,
          kering: bool = False, hanya_yang_sah: bool = False,
          kemajuan: Callable[[float], None] | None = None, terima_koreksi: bool = False,
          hapus_demo: bool = False) -> HasilImpor:
    """Check the file and, unless it is refused or this is a dry run, write it in one transaction.
    Never raises for anything a file or the database does: every failure is a refused result with
    a message for the user, and a row in log_impor.

    Real rows never join demo rows: into a database holding any, the import stops, unless
    `hapus_demo` says to remove every demo row in the same transaction as the write."""
    hasil = HasilImpor(jenis, nama_berkas, hashlib.sha256(isi).hexdigest(), "ditolak")
    try:
        if not kering and not hapus_demo and _ada_demo(engine):
            raise AdaDataDemo
        return _impor(engine, jenis, isi, nama_berkas, konteks, kering, hanya_yang_sah, kemajuan, terima_koreksi,
                      hapus_demo)
    except AdaDataDemo:
        hasil.masalah = [Masalah(0, "(data contoh)", "", *PESAN_ADA_DEMO)]  # refused, not failed: exit 2
        catat_log(engine, hasil, konteks)
        return hasil
    except Exception as e:  # the last guard: log for the admin, a plain message for the user
        log.exception("impor %s %s gagal", jenis, nama_berkas)
        hasil.masalah = [Masalah(0, "(impor)", "", *pesan_gagal(e))]
        if not kering:
            try:
                catat_log(engine, hasil, konteks)
            except Exception:
                log.exception("log_impor tidak dapat ditulis")
        return hasil


class AdaDataDemo(Exception):
    """The database holds demo rows and the import was not told to remove them."""


PESAN_ADA_DEMO = (
    "Database ini masih berisi data contoh (sintetis). Data nyata tidak dicampur dengannya: pilih "
    "'Hapus semua data contoh' di halaman Data, atau jalankan perintah impor dengan --hapus-demo. Data contoh "
    "dihapus dalam transaksi yang sama dengan impor ini; tidak ada yang ditulis sekarang.",
    "This database still holds synthetic demo data, and real data is never mixed with it: tick 'Remove all "
    "demo data' on the Data page, or run the import command with --hapus-demo. The demo rows are removed in "
    "the same transaction as this import; nothing was written now.")


def _ada_demo(engine: sa.Engine) -> bool:
    with engine.connect() as k:
        return ada_data_demo(k)


def pesan_gagal(e: Exception) -> tuple[str, str]:
    """What a failed import tells the user (Indonesian, English): what happened and what to do."""
    if isinstance(e, sa.exc.IntegrityError):
        return ("Data yang sama sedang atau baru saja diimpor dari sesi lain. Tidak ada yang ditulis; impor ulang "
                "berkas ini: baris yang sudah ada akan dihitung 'sudah ada dan sama'.",
                "The same data is being or was just imported from another session. Nothing was written; import "
                "this file again: rows already there will be counted as 'already there and the same'.")
    if isinstance(e, sa.exc.OperationalError | sa.exc.InterfaceError):
        return ("Database tidak dapat dihubungi atau sedang sibuk. Tidak ada yang ditulis; coba lagi sebentar lagi.",
                "The database cannot be reached or is busy. Nothing was written; try again in a moment.")
    if isinstance(e, MemoryError):
        return ("Berkas ini terlalu besar untuk diperiksa. Tidak ada yang ditulis; bagi menjadi beberapa berkas.",
                "This file is too large to check. Nothing was written; split it into several files.")
    return ("Impor gagal karena kesalahan di server. Tidak ada yang ditulis; coba lagi, dan bila terulang, "
            "kirim berkasnya kepada admin (rinciannya ada di log server).",
            "The import failed because of a server error. Nothing was written; try again, and if it happens "
            "again, send the file to the admin (the details are in the server log).")


def _impor(engine: sa.Engine, jenis: str, isi: bytes, nama_berkas: str, konteks: KonteksImpor, kering: bool,
           hanya_yang_sah: bool, kemajuan: Callable[[float], None] | None, terima_koreksi: bool,
           hapus_demo: bool) -> HasilImpor:
    periksa = None if kemajuan is None else (lambda p: kemajuan(0.8 * p))
    hasil, sah, rujukan = periksa_berkas(engine, jenis, isi, nama_berkas, konteks, periksa, terima_koreksi)
    hasil.hanya_yang_sah = hanya_yang_sah
    if not sah or (hasil.masalah and not hanya_yang_sah):
        hasil.status = "ditolak"
        if not kering:
            catat_log(engine, hasil, konteks)
        return hasil
    if kering:
        hasil.status = "uji"
        return hasil
    if kemajuan:
        kemajuan(0.8)

    def tulis_semua(k: sa.Connection) -> dict[str, int]:
        if k.dialect.name == "postgresql":
            k.execute(sa.text("SELECT pg_advisory_xact_lock(:n)"), {"n": NOMOR_KUNCI_PG[jenis]})
            tanpa_batas_waktu(k)  # a 100,000-row file is not a dashboard query
        if ada_data_demo(k):  # checked again under the lock: another session may have reset the demo
            if not hapus_demo:
                raise AdaDataDemo
            hasil.demo_dihapus = hapus_data_demo(k)
        jumlah = PENULIS[jenis](k, sah if isinstance(sah, KumpulanIuran) else [m for _, m in sah], konteks, rujukan)
        hasil.ditulis = jumlah
        hasil.status = "berhasil"
        catat_log(k, hasil, konteks)
        return jumlah

    try:
        with KUNCI_PROSES[jenis]:
            tulis(engine, tulis_semua)
    except SegmenTidakBisaPindah as e:
        hasil.status, hasil.ditulis = "ditolak", {}
        nomor = [n for n, _ in sah]
        hasil.masalah.extend(Masalah(nomor[i], "(baris)", "", *alasan) for i, alasan in e.per_posisi.items())
        hasil.baris_sah -= len(e.per_posisi)
        catat_log(engine, hasil, konteks)
    if kemajuan:
        kemajuan(1.0)
    return hasil


class SegmenTidakBisaPindah(Exception):
    """A corrected segment that the participant's recorded enrolments cannot hold (a PU worker with
    JP moved to BPU): refused with the row, since ending an enrolment is the file's to say."""

    def __init__(self, per_posisi: dict[int, tuple[str, str]]) -> None:
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
            program = ", ".join(tidak)
            salah[int(posisi)] = (f"Peserta ini tercatat dengan program {program}, yang tidak ada untuk segmen "
                                  f"{r['segmen']}. Pindah segmen berarti kepesertaan baru: akhiri dulu kepesertaan "
                                  "lamanya di berkas, atau biarkan segmen lama.",
                                  f"This participant is recorded with {program}, which segment {r['segmen']} does not "
                                  "have. A new segment is a new membership: end the old enrolments in the file "
                                  "first, or keep the old segment.")
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
    df = pd.DataFrame({
        "kunci_pseudonim": [m.kunci_pseudonim for m in baris],
        "segmen": [m.segmen for m in baris], "kode_desa": [m.kode_desa for m in baris],
        "pekerjaan": [m.pekerjaan for m in baris], "jenis_kelamin": [m.jenis_kelamin for m in baris],
        "tahun_lahir": pd.array([m.tahun_lahir for m in baris], dtype="Int64"),
        "sumber_dana": [m.dana for m in baris], "kanal": [m.kanal for m in baris],
        "tanggal_daftar": [m.tanggal_daftar for m in baris],
        "kegiatan_id": pd.array([rujukan.get(m.kegiatan) if m.kegiatan else None for m in baris], dtype="Int64"),
    })
    kolom = list(df.columns)
    # Only the participants this file names, a slice at a time: the table may hold millions.
    lama = pd.DataFrame([r for bagian in _per_bagian(df["kunci_pseudonim"].tolist()) for r in k.execute(
        sa.text(f"SELECT id, {', '.join(kolom)} FROM peserta WHERE kunci_pseudonim IN :kunci")
        .bindparams(sa.bindparam("kunci", expanding=True)), {"kunci": bagian}).all()], columns=["id", *kolom])
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
    del gabung, baru  # a 100,000-row file: what is no longer needed goes before the enrolments come

    # Enrolments: one per programme from the registration date; a re-export may end one. They are
    # staged by pseudonym and matched to participants and to what is recorded inside the database:
    # no id map, and no frame of every enrolment, is held here.
    kolom_ikut: dict[str, list] = {c: [] for c in ("kunci_pseudonim", "program", "tanggal_mulai", "tanggal_berakhir",
                                                    "iuran_bulanan")}
    for m in baris:
        for p in sorted(m.program):
            for c, v in zip(kolom_ikut, (m.kunci_pseudonim, p, m.tanggal_daftar, m.tanggal_berakhir,
                                         iuran_bulanan(m.segmen, p)), strict=True):
                kolom_ikut[c].append(v)
    ikut = pd.DataFrame(kolom_ikut)
    del kolom_ikut
    ikut["iuran_bulanan"] = ikut["iuran_bulanan"].astype("Int64")
    ikut["tanggal_berakhir"] = pd.to_datetime(ikut["tanggal_berakhir"])  # all empty would be a column of NULL type
    k.execute(sa.text("DROP TABLE IF EXISTS _impor_ikut"))
    k.execute(sa.text("CREATE TEMP TABLE _impor_ikut (kunci_pseudonim VARCHAR(64), program VARCHAR(4), "
                      "tanggal_mulai DATE, tanggal_berakhir DATE, iuran_bulanan BIGINT)"))
    muat_massal(k, "_impor_ikut", ikut)
    del ikut
    if k.dialect.name == "postgresql":
        k.execute(sa.text("ANALYZE _impor_ikut"))  # a temporary table has no statistics: plans need them
    cocok = """FROM _impor_ikut i JOIN peserta p ON p.kunci_pseudonim = i.kunci_pseudonim
               LEFT JOIN kepesertaan k ON k.peserta_id = p.id AND k.program = i.program
                                      AND k.tanggal_mulai = i.tanggal_mulai"""
    ikut_baru = {r[0] for r in k.execute(sa.text(f"SELECT DISTINCT p.id {cocok} WHERE k.id IS NULL"))}
    akhir_beda = {r[0] for r in k.execute(sa.text(
        f"SELECT DISTINCT p.id {cocok} WHERE k.id IS NOT NULL AND k.tanggal_berakhir IS DISTINCT FROM i.tanggal_berakhir"))}
    if akhir_beda:
        k.execute(sa.text("""
            UPDATE kepesertaan SET tanggal_berakhir = i.tanggal_berakhir
            FROM _impor_ikut i JOIN peserta p ON p.kunci_pseudonim = i.kunci_pseudonim
            WHERE kepesertaan.peserta_id = p.id AND kepesertaan.program = i.program
              AND kepesertaan.tanggal_mulai = i.tanggal_mulai
              AND kepesertaan.tanggal_berakhir IS DISTINCT FROM i.tanggal_berakhir"""))
    if ikut_baru:
        k.execute(sa.text(f"""
            INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai, tanggal_berakhir,
                                     iuran_bulanan)
            SELECT p.id, p.segmen, p.kode_desa, i.program, i.tanggal_mulai, i.tanggal_berakhir, i.iuran_bulanan
            {cocok} WHERE k.id IS NULL"""))
    k.execute(sa.text("DROP TABLE _impor_ikut"))
    ada_id = {int(i) for i in ada["id"]}
    diubah_id = {int(i) for i in diubah["id"]}
    tersentuh = ikut_baru | akhir_beda | diubah_id  # a new participant always has a new enrolment
    if len(tersentuh) > BATAS_PERBARUI_MASA_AKTIF:
        masa_aktif.bangun_ulang(k)
    elif tersentuh:
        masa_aktif.perbarui(k, sorted(int(i) for i in tersentuh))
    berubah_id = diubah_id | (ikut_baru & ada_id) | akhir_beda
    return _hitung(len(df) - len(ada), len(berubah_id), len(ada) - len(berubah_id))


def _per_bagian(nilai: list, ukuran: int = 5_000) -> list[list]:
    """A long IN list in slices: PostgreSQL takes at most 65,535 parameters in one statement."""
    return [nilai[i:i + ukuran] for i in range(0, len(nilai), ukuran)]


def _nilai_sql(v: Any) -> Any:
    """A frame's cell as a driver takes it: None for missing, Python ints for numpy ones."""
    if pd.isna(v):
        return None
    return v.item() if hasattr(v, "item") else v


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
                     "biaya": m.biaya, "catatan": m.catatan, "target_pendaftar": m.target_pendaftar,
                     "lat": titik[0] if titik else None,
                     "lng": titik[1] if titik else None})
    return _tulis_berkunci(k, "kegiatan", ["nama", "tanggal_mulai"],
                           ["jenis", "kode_desa", "tanggal_selesai", "jumlah_hadir", "biaya", "catatan",
                            "target_pendaftar"],
                           data, {"sumber": "impor"}, turunan=("lat", "lng"))


def _tulis_status(k: sa.Connection, baris: list, konteks: KonteksImpor, rujukan: dict) -> dict[str, int]:
    return _tulis_berkunci(k, "status_desa_sadar", ["kode_desa", "status", "tanggal"], ["catatan"],
                           [m.model_dump() for m in baris], {"sumber": "impor"})


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


def _tulis_iuran(k: sa.Connection, baris: KumpulanIuran, konteks: KonteksImpor, rujukan: dict) -> dict[str, int]:
    return iuran.simpan(k, baris.tabel(), konteks.hari_ini, "impor")


PENULIS = {"peserta": _tulis_peserta, "iuran": _tulis_iuran, "kegiatan": _tulis_kegiatan, "status": _tulis_status,
           "penyebut": _tulis_penyebut, "target": _tulis_target}
