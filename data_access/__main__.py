"""Command line: `python -m data_access migrate | demo [--scale 1m] | import <kind> <file> [--dry-run]`.

Exit codes: 0 done, 2 refused (demo into real data; a file with refused rows, nothing written),
1 another failure (no database, no boundaries, a file that cannot be opened).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import re
import sys
import time
from datetime import date

from data_access.akun import PANJANG_SANDI_MAKS, buat_hash
from data_access.batas import BatasTidakDitemukan, batas_aplikasi, sinkronkan_wilayah
from data_access.config import kunci_rahasia_nik, muat_pengaturan
from data_access import masa_aktif
from data_access.db import DatabaseTidakSiap, baca, buat_engine, siapkan_database, tanpa_batas_waktu, tulis
from data_access.demo import DemoDitolak, buat_data_demo, desa_provinsi_untuk_demo, desa_untuk_demo, isi_demo, isi_demo_provinsi, ulang_demo
from data_access.impor import JENIS_IMPOR, KonteksImpor, impor
from data_access.impor_batas import impor_batas
from data_access.provinsi import desa_provinsi
from geo.batas import titik_desa
from geo.gazetteer import Gazetteer
from tampilan.format import angka
from domain.peran import Peran
from geo.batas import BatasTidakValid

MASALAH_DICETAK = 20


def skala_untuk(target_kepesertaan: int, desa, hari_ini: date) -> float:
    """The demo scale that yields about this many enrolments.

    Events and village officials do not grow with the scale, so the count is a + b·scale: two small
    generations (a tenth and a fifth of scale 1, quick even for a whole province) give a and b.
    """
    kecil, besar = 0.1, 0.2
    n_kecil = len(buat_data_demo(desa, hari_ini, kecil).kepesertaan)
    n_besar = len(buat_data_demo(desa, hari_ini, besar).kepesertaan)
    per_skala = (n_besar - n_kecil) / (besar - kecil)
    return max(0.01, kecil + (target_kepesertaan - n_kecil) / per_skala)


def baca_skala(teks: str) -> int:
    """'1m' -> 1_000_000, '10m' -> 10_000_000, '250k' -> 250_000, '500000' -> 500_000."""
    m = re.fullmatch(r"(\d+(?:\.\d+)?)([kKmM]?)", teks.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"Skala '{teks}' tidak dikenal; contoh: 1m, 10m, 250k.")
    return int(float(m.group(1)) * {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()])


def _padatkan_rekap(engine) -> int:
    """Fold the rollup ledgers back to one row per key (each registration appends rows to them)."""
    def hitung() -> dict[str, int]:
        return {t: int(baca(engine, f"SELECT count(*) AS n FROM {t}")["n"].iloc[0]) for t in masa_aktif.REKAP}

    sebelum = hitung()
    mulai = time.perf_counter()
    tulis(engine, lambda k: (tanpa_batas_waktu(k), masa_aktif.bangun_ulang_rekap(k)))
    sesudah = hitung()
    rincian = "; ".join(f"{t} {angka(sebelum[t])} -> {angka(sesudah[t])} baris" for t in sebelum)
    print(f"Rekap dipadatkan dalam {time.perf_counter() - mulai:.1f} detik: {rincian}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_access", description="Database Desa Sadar")
    sub = parser.add_subparsers(dest="perintah", required=True)
    sub.add_parser("migrate", help="buat atau perbarui skema database")
    sub.add_parser("rekap", help="padatkan rekap bulanan dan tahunan (jalankan tiap malam; aman diulang)")
    tenggang = sub.add_parser("tenggang", help="atur masa tenggang iuran (bulan) lalu hitung ulang masa aktif")
    tenggang.add_argument("bulan", type=int, choices=range(0, 13), metavar="BULAN", help="0 sampai 12")
    demo = sub.add_parser("demo", help="isi database kosong dengan data contoh (sintetis)")
    demo.add_argument("--scale", type=baca_skala, default=None, help="jumlah kepesertaan, mis. 1m atau 10m")
    demo.add_argument("--ulang", action="store_true",
                      help="kosongkan data kampanye lalu isi ulang data contoh (database latihan)")
    demo.add_argument("--hapus-data-nyata", action="store_true",
                      help="dengan --ulang: izinkan menghapus data nyata (cadangkan dulu)")
    demo.add_argument("--provinsi", default=None, metavar="PP",
                      help="data contoh untuk seluruh desa provinsi ini (mis. 33), untuk uji skala")
    akun = sub.add_parser("akun", help="buat hash kata sandi untuk akun di secrets.toml")
    akun.add_argument("nama")
    akun.add_argument("--peran", required=True, choices=[p.value for p in Peran if p != Peran.PUBLIK])
    imp = sub.add_parser("import", help="impor berkas CSV atau .xlsx (semua atau tidak sama sekali)")
    imp.add_argument("jenis", choices=list(JENIS_IMPOR), help="; ".join(f"{k}: {v}" for k, v in JENIS_IMPOR.items()))
    imp.add_argument("berkas", help="berkas .csv atau .xlsx")
    imp.add_argument("--dry-run", action="store_true", help="periksa saja, tanpa menulis")
    imp.add_argument("--hanya-yang-sah", action="store_true", help="impor baris yang sah walau ada yang ditolak")
    imp.add_argument("--laporan", help="tulis daftar baris yang ditolak ke berkas CSV ini")
    imp.add_argument("--terima-koreksi", action="store_true",
                     help="terima koreksi ejaan nama desa yang disarankan (mis. Wonopringgi -> Wonopringgo)")
    imp.add_argument("--hapus-demo", action="store_true",
                     help="hapus semua data contoh (sintetis) dalam transaksi yang sama dengan impor ini")
    imp.add_argument("--pengguna", default=os.environ.get("USER", "baris-perintah"), help="dicatat di log impor")
    for p in sub.choices.values():
        p.add_argument("--database", default=None, help="URL database (bawaan: pengaturan aplikasi)")
        p.add_argument("--rincian", action="store_true", help="cetak jejak lengkap kesalahan (untuk admin)")
    args = parser.parse_args(argv)
    _siapkan_log(args.rincian)
    if args.perintah == "akun":
        sandi = getpass.getpass(f"Kata sandi untuk {args.nama}: ")
        if len(sandi) < 10 or len(sandi.encode()) > PANJANG_SANDI_MAKS or sandi != getpass.getpass("Ulangi: "):
            print(f"Ditolak: kata sandi minimal 10 huruf, paling banyak {PANJANG_SANDI_MAKS} byte, dan kedua ketikan "
                  "harus sama.", file=sys.stderr)
            return 2
        print(f'[akun.{args.nama.lower()}]\nperan = "{args.peran}"\nhash = "{buat_hash(sandi)}"')
        return 0

    pengaturan = muat_pengaturan()
    engine = buat_engine(args.database or pengaturan.url_database)
    try:
        siapkan_database(engine)
        if args.perintah == "migrate":
            print("Skema database sudah terbaru.")
            return 0
        if args.perintah == "rekap":
            return _padatkan_rekap(engine)
        if args.perintah == "tenggang":
            mulai = time.perf_counter()
            tulis(engine, lambda k: (tanpa_batas_waktu(k), masa_aktif.atur_masa_tenggang(k, args.bulan)))
            print(f"Masa tenggang {args.bulan} bulan berlaku; masa aktif dan rekap dihitung ulang dalam "
                  f"{time.perf_counter() - mulai:.1f} detik.")
            return 0
        batas = batas_aplikasi(pengaturan.folder_data, pengaturan.folder_batas, pengaturan.kode_kab)
        hari_ini = pengaturan.hari_ini()
        if args.perintah == "import":
            return _impor(args, engine, batas, pengaturan, hari_ini)
        if args.ulang:
            if args.provinsi or args.scale:
                print("Ditolak: --ulang mengisi data contoh kabupaten pada skala bawaan; tanpa --provinsi/--scale.",
                      file=sys.stderr)
                return 2
            mulai = time.perf_counter()
            hitung = ulang_demo(engine, batas, hari_ini, hapus_data_nyata=args.hapus_data_nyata)
        elif args.hapus_data_nyata:
            print("Ditolak: --hapus-data-nyata hanya berlaku bersama --ulang.", file=sys.stderr)
            return 2
        elif args.provinsi:
            desa = desa_provinsi(pengaturan.folder_batas, args.provinsi)
            skala = skala_untuk(args.scale, desa_provinsi_untuk_demo(desa), hari_ini) if args.scale else 1.0
            mulai = time.perf_counter()
            hitung = isi_demo_provinsi(engine, desa, hari_ini, skala)
        else:
            skala = skala_untuk(args.scale, desa_untuk_demo(batas), hari_ini) if args.scale else 1.0
            mulai = time.perf_counter()
            hitung = isi_demo(engine, batas, hari_ini, skala)
        if not hitung:
            print("Database sudah berisi data contoh; tidak ada yang ditambahkan.")
            return 0
        rincian = ", ".join(f"{tabel} {angka(n)}" for tabel, n in hitung.items())
        print(f"Data contoh (sintetis) dibuat dalam {time.perf_counter() - mulai:.1f} detik: {rincian}.")
        return 0
    except DemoDitolak as e:
        print(f"Ditolak: {e}", file=sys.stderr)
        return 2
    except DatabaseTidakSiap as e:
        print(f"Gagal: {e}" + (f"\nRincian: {e.rincian}" if args.rincian else " (--rincian untuk rinciannya)"),
              file=sys.stderr)
        return 1
    except (BatasTidakDitemukan, BatasTidakValid) as e:
        print(f"Gagal: {e}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()


def _impor(args, engine, batas, pengaturan, hari_ini: date) -> int:
    try:
        with open(args.berkas, "rb") as f:
            isi = f.read()
    except OSError as e:
        print(f"Gagal: berkas tidak dapat dibuka ({e.strerror}).", file=sys.stderr)
        return 1
    sinkronkan_wilayah(engine, batas)
    konteks = KonteksImpor(pengguna=args.pengguna, hari_ini=hari_ini, gazetteer=Gazetteer(batas.desa),
                           # Only participants and payments carry NIKs: other kinds never create the key file.
                           kunci_nik=kunci_rahasia_nik(pengaturan) if args.jenis in ("peserta", "iuran") else None,
                           titik_desa=lambda kode: titik_desa(batas.desa, kode))
    if args.jenis == "batas":
        hasil = impor_batas(engine, isi, os.path.basename(args.berkas), pengaturan.folder_data, konteks,
                            kering=args.dry_run)
    else:
        hasil = impor(engine, args.jenis, isi, os.path.basename(args.berkas), konteks, kering=args.dry_run,
                      hanya_yang_sah=args.hanya_yang_sah, terima_koreksi=args.terima_koreksi,
                      kemajuan=_kemajuan_terminal(), hapus_demo=args.hapus_demo)
    print(hasil.ringkasan())
    for m in hasil.masalah[:MASALAH_DICETAK]:
        letak = f"baris {m.baris}, " if m.baris else ""
        nilai = f" '{m.nilai}'" if m.nilai else ""
        print(f"  {letak}kolom {m.kolom}{nilai}: {m.alasan}")
    if len(hasil.masalah) > MASALAH_DICETAK:
        print(f"  … dan {angka(len(hasil.masalah) - MASALAH_DICETAK)} masalah lain"
              + ("" if args.laporan else " (pakai --laporan berkas.csv untuk daftar lengkap)") + ".")
    if args.laporan and hasil.masalah:
        with open(args.laporan, "w", encoding="utf-8-sig", newline="") as f:
            f.write(hasil.masalah_csv())
        print(f"Daftar lengkap: {args.laporan}")
    if hasil.saran and not args.terima_koreksi:
        print("Ada nama desa yang hanya mirip; bila sarannya benar, ulangi dengan --terima-koreksi.")
    if hasil.gagal:
        if not args.rincian:
            print("Rincian kesalahan ada di log server; jalankan lagi dengan --rincian untuk melihatnya di sini.")
        return 1
    return 0 if hasil.status in ("berhasil", "uji") else 2


def _siapkan_log(rincian: bool) -> None:
    """The server's log lines (paths, library errors, traces) on stderr only with --rincian: without
    it the user reads what happened and what to do, as on the Data page."""
    penangan = logging.StreamHandler(sys.stderr)
    penangan.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    penangan.setLevel(logging.WARNING if rincian else logging.CRITICAL + 1)
    akar = logging.getLogger()
    akar.handlers = [h for h in akar.handlers if not getattr(h, "_desa_sadar", False)]
    penangan._desa_sadar = True
    akar.addHandler(penangan)
    akar.setLevel(logging.WARNING)


def _kemajuan_terminal():
    """Progress on stderr, every tenth: a 100,000-row file takes several seconds to check."""
    terakhir = [-1]

    def lapor(p: float) -> None:
        persen = int(p * 10) * 10
        if persen > terakhir[0]:
            terakhir[0] = persen
            print(f"  {persen}%", file=sys.stderr, flush=True)

    return lapor


if __name__ == "__main__":
    sys.exit(main())
