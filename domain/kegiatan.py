"""Outreach events (kegiatan): their kinds, what a valid event is, and when retention can be judged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.layar import TARGET_TERBESAR

# Matches ck_kegiatan_jenis in the schema (tests/domain check the two agree).
JENIS_KEGIATAN = {
    "festival": ("Festival", "Festival"),
    "peluncuran": ("Peluncuran", "Launch"),
    "sosialisasi": ("Sosialisasi", "Information session"),
    "layanan_keliling": ("Layanan keliling", "Mobile service"),
    "lainnya": ("Lainnya", "Other"),
}
# Retention is read 3 and 6 months after sign-up: BPU participants lapse when they stop paying,
# which shows after the first unpaid months.
BULAN_RETENSI = (3, 6)
# What an event's sign-ups paid is summed over their first 3, 6 and 12 months, set against its cost.
BULAN_IURAN = (3, 6, 12)
PANJANG_NAMA = 200


def label_jenis(jenis: str, bahasa: str = "id") -> str:
    return JENIS_KEGIATAN.get(jenis, (jenis, jenis))[1 if bahasa == "en" else 0]


@dataclass(frozen=True)
class IsianKegiatan:
    """An event as staff type it in the form."""

    nama: str
    jenis: str
    kode_desa: str
    tanggal_mulai: date
    tanggal_selesai: date
    jumlah_hadir: int | None = None
    biaya: int | None = None
    catatan: str = ""
    target_pendaftar: int | None = None  # the sign-up goal the event screen counts towards


def periksa(k: IsianKegiatan, hari_ini: date) -> list[str]:
    """Every problem with the entry at once, in plain Bahasa Indonesia; empty when it may be saved."""
    masalah = []
    if not k.nama.strip():
        masalah.append("Nama kegiatan wajib diisi.")
    elif len(k.nama.strip()) > PANJANG_NAMA:
        masalah.append(f"Nama kegiatan paling panjang {PANJANG_NAMA} huruf.")
    if k.jenis not in JENIS_KEGIATAN:
        masalah.append("Pilih jenis kegiatan dari daftar.")
    if not k.kode_desa:
        masalah.append("Desa tempat kegiatan belum dikenali; ketik nama desanya dan pilih yang cocok.")
    if k.tanggal_selesai < k.tanggal_mulai:
        masalah.append("Tanggal selesai tidak boleh sebelum tanggal mulai.")
    if (k.tanggal_selesai - k.tanggal_mulai).days > 31:
        masalah.append("Satu kegiatan paling lama 31 hari; catat kegiatan yang lebih panjang per bagian.")
    if k.tanggal_mulai.year < 2015 or k.tanggal_mulai > date(hari_ini.year + 2, 12, 31):
        masalah.append("Tanggal mulai di luar rentang yang masuk akal (2015 sampai dua tahun ke depan).")
    if k.jumlah_hadir is not None and k.jumlah_hadir < 0:
        masalah.append("Jumlah hadir tidak boleh negatif.")
    if k.biaya is not None and k.biaya < 0:
        masalah.append("Biaya tidak boleh negatif.")
    if k.target_pendaftar is not None and not 1 <= k.target_pendaftar <= TARGET_TERBESAR:
        masalah.append(f"Target pendaftar antara 1 dan {TARGET_TERBESAR:,}".replace(",", ".")
                       + "; kosongkan bila kegiatan ini tidak punya target.")
    return masalah
