"""Synthetic demo data, deterministic from a fixed seed and calibrated on the domain brief §6.

Everything written here is marked `sumber = 'demo'` and the dataset is flagged in `info_data`, so
the interface labels it *Data contoh (sintetis)* and real imports never mix with it.
Real anchors kept as reported: Festival Nasi Goreng at Desa Wonopringgo (20 August 2019), the Desa
Sadar 2019 launch at the Pendopo Kabupaten, Kajen (3 September 2019), Wonopringgo as pilot village
and Ketanonageng and Kedungjaran (Kec. Sragi) as candidates. All counts are invented.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from collections.abc import Callable
from datetime import date, datetime, timedelta

import geopandas as gpd
import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access.batas import CRS_LUAS, BatasWilayah, sinkronkan_desa, sinkronkan_wilayah
from data_access import iuran, masa_aktif
from data_access.db import muat_massal, tanpa_batas_waktu, tulis
from domain.desa_sadar import PEKERJAAN_PERANGKAT
from domain.program import IURAN_BPU_MINIMUM, Program

BENIH = 20190903
AWAL_DATA = date(2019, 1, 1)
KAB_PEKALONGAN = "33.26"

# Population 2020 by kecamatan (BPS, domain brief §6); the six coastal kecamatan share 312,623.
PENDUDUK_KEC_2020 = {
    "Kandangserang": 35_745, "Paninggaran": 41_837, "Lebakbarang": 11_116, "Petungkriyono": 13_179,
    "Talun": 30_667, "Doro": 45_207, "Karanganyar": 45_088, "Kajen": 73_067, "Kesesi": 71_708,
    "Sragi": 65_451, "Bojong": 74_681, "Wonopringgo": 47_656, "Kedungwuni": 100_796,
}
PENDUDUK_ENAM_KEC_LAIN = 312_623
PERTUMBUHAN_PENDUDUK = 0.0134  # 968,821 (2020) to 1,034,241 (2025)
PORSI_BEKERJA = 0.535  # assumption [A]: employed ≈ 52–55% of population
PORSI_INFORMAL = 0.604  # Central Java, August 2023 [C]

DESA_WONOPRINGGO = "33.26.12.2008"
DESA_KETANONAGENG = "33.26.10.2001"
DESA_KEDUNGJARAN = "33.26.10.2013"
KEL_KAJEN = "33.26.08.1016"

PEKERJAAN_BPU = {
    "Petani": 25, "Pedagang pasar": 15, "Pekerja konveksi": 15, "Buruh harian lepas": 14,
    "Pembatik rumahan": 12, "Pengemudi ojek": 8, "Pedagang nasi goreng": 6, "Nelayan": 5,
}
PEKERJAAN_PU = {"Karyawan pabrik tekstil": 40, "Karyawan toko dan jasa": 30, "Karyawan UMKM batik": 20,
                "Tenaga kesehatan": 5, "Guru swasta": 5}
DANA_BPU = {"mandiri": 55, "apbdes": 15, "apbd": 12, "dbhcht": 12, "csr": 6}
KANAL_BPU = {"perisai": 30, "kolektif_desa": 25, "kantor_cabang": 20, "daring": 15, "bank_kantor_pos": 10}
CATATAN_SINTETIS = "Data contoh (sintetis)."


class DemoDitolak(RuntimeError):
    """The database holds real data; demo rows are never mixed into it."""


@dataclass
class DataDemo:
    penyebut: pd.DataFrame
    status: pd.DataFrame
    kegiatan: pd.DataFrame
    peserta: pd.DataFrame  # with a 'nomor' column linking to kepesertaan until ids exist
    kepesertaan: pd.DataFrame
    hari_ini: date
    skala: float
    mou: pd.DataFrame  # kode_desa, tanggal, nomor, catatan
    iuran: pd.DataFrame  # nomor, bulan, jumlah, tanggal_bayar, pembayar: the BPU segment's payments


def _pilih(rng: np.random.Generator, bobot: dict[str, float], n: int) -> np.ndarray:
    kunci = list(bobot)
    p = np.array([bobot[k] for k in kunci], dtype=float)
    return np.array(kunci, dtype=object)[rng.choice(len(kunci), size=n, p=p / p.sum())]


def _hari(d: date) -> int:
    return (d - AWAL_DATA).days


def _ke_tanggal(hari: np.ndarray) -> np.ndarray:
    return np.datetime64(AWAL_DATA, "D") + hari.astype("timedelta64[D]")


def penduduk_desa(desa: pd.DataFrame, rng: np.random.Generator) -> pd.Series:
    """Population 2020 per village: kecamatan totals split by area with noise, 1,000–6,600 typical."""
    bobot = np.sqrt(desa["luas_km2"].to_numpy()) * rng.lognormal(0, 0.35, len(desa))
    hasil = pd.Series(0.0, index=desa.index)
    kec_lain = ~desa["nama_kec"].isin(PENDUDUK_KEC_2020)
    for nama_kec, idx in desa.groupby("nama_kec").groups.items():
        if nama_kec in PENDUDUK_KEC_2020 and desa["kode"].iloc[0].startswith(KAB_PEKALONGAN):
            total = PENDUDUK_KEC_2020[nama_kec]
        elif desa["kode"].iloc[0].startswith(KAB_PEKALONGAN):
            luas_kec = desa.loc[idx, "luas_km2"].sum()
            total = PENDUDUK_ENAM_KEC_LAIN * luas_kec / desa.loc[kec_lain, "luas_km2"].sum()
        else:
            total = 3_500 * len(idx)  # another regency: no census figures here, a typical village size
        hasil[idx] = total * bobot[desa.index.get_indexer(idx)] / bobot[desa.index.get_indexer(idx)].sum()
    return hasil.clip(700, 9_000).round()


def _status_desa_sadar(desa: pd.DataFrame, hari_ini: date, rng: np.random.Generator) -> pd.DataFrame:
    baris = []
    kode_ada = set(desa["kode"])
    nyata = [
        (DESA_WONOPRINGGO, "dicanangkan", date(2019, 9, 3),
         "Desa percontohan Desa Sadar 2019, diluncurkan di Pendopo Kabupaten Kajen (ANTARA, Agustus 2019)."),
        (DESA_KETANONAGENG, "kandidat", date(2019, 9, 3),
         "Disebut sebagai lokasi Desa Sadar (ANTARA, Agustus 2019; ditulis 'Ketanon Ageng')."),
        (DESA_KEDUNGJARAN, "kandidat", date(2019, 9, 3), "Disebut sebagai lokasi Desa Sadar (ANTARA, Agustus 2019)."),
    ]
    baris += [b for b in nyata if b[0] in kode_ada]
    lanjutan = [(DESA_WONOPRINGGO, "ditetapkan", date(2020, 2, 17)),
                (DESA_KETANONAGENG, "dicanangkan", date(2020, 3, 9)),
                (DESA_KEDUNGJARAN, "dicanangkan", date(2020, 3, 9)),
                (DESA_KETANONAGENG, "ditetapkan", date(2021, 1, 25))]
    baris += [(k, s, t, CATATAN_SINTETIS) for k, s, t in lanjutan if k in kode_ada and t <= hari_ini]
    sudah = {b[0] for b in baris}
    calon = [k for k in desa["kode"] if k not in sudah and k[9] == "2"]
    for tahun in range(2020, hari_ini.year + 1):
        jumlah = int(rng.integers(4, 9))
        pilihan = rng.choice(len(calon), size=min(jumlah, len(calon)), replace=False)
        for i in sorted(pilihan, reverse=True):
            kode = calon.pop(i)
            t = date(tahun, 1, 1) + timedelta(days=int(rng.integers(0, 330)))
            if t > hari_ini:
                continue
            baris.append((kode, "kandidat", t, CATATAN_SINTETIS))
            if rng.random() < 0.6:
                t = t + timedelta(days=int(rng.integers(90, 270)))
                if t <= hari_ini:
                    baris.append((kode, "dicanangkan", t, CATATAN_SINTETIS))
                    t = t + timedelta(days=int(rng.integers(180, 365)))
                    if rng.random() < 0.7 and t <= hari_ini:
                        baris.append((kode, "ditetapkan", t, CATATAN_SINTETIS))
    return pd.DataFrame(baris, columns=["kode_desa", "status", "tanggal", "catatan"])


def _mou_desa(status: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Most launched villages signed an MoU a few weeks before their launch; some never recorded one,
    so the readiness checklist has villages on both sides."""
    dicanangkan = status[status["status"] == "dicanangkan"].drop_duplicates("kode_desa")
    baris = []
    for kode, tanggal in zip(dicanangkan["kode_desa"], dicanangkan["tanggal"], strict=True):
        jeda, ada = int(rng.integers(7, 61)), rng.random() < 0.85
        if ada:
            baris.append((kode, tanggal - timedelta(days=jeda), f"MoU/{kode[-4:]}/{tanggal.year}", CATATAN_SINTETIS))
    return pd.DataFrame(baris, columns=["kode_desa", "tanggal", "nomor", "catatan"])


def _kegiatan(desa: pd.DataFrame, status: pd.DataFrame, hari_ini: date, rng: np.random.Generator) -> pd.DataFrame:
    """Events with their attendance and how many signed up on the spot ('pendaftar', not stored)."""
    nama_desa = dict(zip(desa["kode"], desa["nama"], strict=True))
    titik = dict(zip(desa["kode"], zip(desa["lat"], desa["lng"], strict=True), strict=True))
    baris = []
    if DESA_WONOPRINGGO in nama_desa:
        baris.append(("Festival Nasi Goreng Wonopringgo 2019", "festival", DESA_WONOPRINGGO, date(2019, 8, 20),
                      date(2019, 8, 20), 5_000, None,
                      "Sekitar 5.000 pengunjung dan 3.000 piring; sekitar 60 pedagang nasi goreng didaftarkan "
                      "secara kolektif melalui pemerintah desa (ANTARA, Agustus 2019). Jumlah pendaftar: contoh.",
                      100))
    if KEL_KAJEN in nama_desa:
        baris.append(("Peluncuran Desa Sadar 2019, Pendopo Kabupaten Kajen", "peluncuran", KEL_KAJEN,
                      date(2019, 9, 3), date(2019, 9, 3), 600, None,
                      "Peluncuran Desa Sadar Jaminan Sosial Ketenagakerjaan untuk wilayah Jawa Tengah; "
                      "Wonopringgo desa percontohan. Jumlah hadir dan pendaftar: contoh.", 120))
    desa_sadar = list(dict.fromkeys(status["kode_desa"]))
    semua = list(desa["kode"])
    for tahun in range(2019, hari_ini.year + 1):
        jumlah = {2019: 4, 2020: 5}.get(tahun, int(rng.integers(9, 14)))  # fewer events in the 2020 pandemic
        for _ in range(jumlah):
            kode = desa_sadar[int(rng.integers(len(desa_sadar)))] if rng.random() < 0.5 else semua[int(rng.integers(len(semua)))]
            awal_tahun = date(2019, 10, 1) if tahun == 2019 else date(tahun, 1, 15)
            mulai = awal_tahun + timedelta(days=int(rng.integers(0, 320 if tahun > 2019 else 80)))
            if mulai > hari_ini - timedelta(days=2):
                continue
            jenis = _pilih(rng, {"sosialisasi": 70, "festival": 15, "layanan_keliling": 15}, 1)[0]
            if jenis == "festival":
                hadir = int(rng.integers(1_000, 5_001))
                daftar = int(rng.integers(30, 151))
                lama, biaya = int(rng.integers(0, 2)), int(rng.integers(25, 76)) * 1_000_000
                nama = f"Festival UMKM {nama_desa[kode]} {tahun}"
            elif jenis == "layanan_keliling":
                hadir = int(rng.integers(100, 401))
                daftar = int(hadir * rng.uniform(0.10, 0.25))
                lama, biaya = 0, int(rng.integers(3, 9)) * 1_000_000
                nama = f"Layanan Keliling {nama_desa[kode]} {mulai:%m/%Y}"
            else:
                hadir = int(rng.integers(50, 151))
                daftar = int(hadir * rng.uniform(0.10, 0.40))
                lama, biaya = 0, int(rng.integers(15, 51)) * 100_000
                nama = f"Sosialisasi BPU Desa {nama_desa[kode]} {mulai:%m/%Y}"
            lat, lng = titik[kode]
            baris.append((nama, jenis, kode, mulai, mulai + timedelta(days=lama), hadir,
                          biaya if rng.random() < 0.7 else None, CATATAN_SINTETIS, daftar, lat, lng))
    kolom = ["nama", "jenis", "kode_desa", "tanggal_mulai", "tanggal_selesai", "jumlah_hadir", "biaya",
             "catatan", "pendaftar"]
    hasil = pd.DataFrame([b[:9] for b in baris], columns=kolom)
    hasil["biaya"] = hasil["biaya"].astype("Int64")  # unknown costs stay missing, not 0.0
    hasil["lat"] = [b[9] if len(b) > 9 else titik[b[2]][0] for b in baris]
    hasil["lng"] = [b[10] if len(b) > 10 else titik[b[2]][1] for b in baris]
    # Names must be unique: they link sign-ups to events until the database assigns ids.
    ganda = hasil["nama"].duplicated(keep=False)
    hasil.loc[ganda, "nama"] += " (" + hasil.loc[ganda].groupby("nama").cumcount().add(1).astype(str) + ")"
    return hasil


def _kunci_demo(awal: int, n: int) -> list[str]:
    return [hashlib.blake2b(f"demo:{BENIH}:{i}".encode(), digest_size=32).hexdigest() for i in range(awal, awal + n)]


def buat_data_demo(desa: pd.DataFrame, hari_ini: date, skala: float = 1.0, benih: int = BENIH) -> DataDemo:
    """Generate the whole demo dataset in memory. Same inputs, same output, row for row.

    `desa` needs kode, nama, kode_kec, nama_kec, jenis, luas_km2, lat, lng.
    """
    rng = np.random.default_rng(benih)
    desa = desa.reset_index(drop=True)
    n_hari = _hari(hari_ini) + 1

    pop2020 = penduduk_desa(desa, rng)
    perangkat = np.where(desa["jenis"] == "kelurahan", rng.integers(8, 13, len(desa)), rng.integers(10, 17, len(desa)))
    penyebut = []
    for tahun in range(AWAL_DATA.year, hari_ini.year + 1):
        penduduk = (pop2020 * (1 + PERTUMBUHAN_PENDUDUK) ** (tahun - 2020)).round().astype(int)
        bekerja = (penduduk * PORSI_BEKERJA).round().astype(int)
        penyebut.append(pd.DataFrame({
            "kode_desa": desa["kode"], "tahun": tahun, "penduduk": penduduk, "penduduk_bekerja": bekerja,
            "pekerja_informal": (bekerja * PORSI_INFORMAL).round().astype(int), "perangkat_desa": perangkat,
        }))
    penyebut = pd.concat(penyebut, ignore_index=True)
    informal = penyebut[penyebut["tahun"] == hari_ini.year].set_index("kode_desa")["pekerja_informal"]
    formal = penyebut[penyebut["tahun"] == hari_ini.year].set_index("kode_desa").eval("penduduk_bekerja - pekerja_informal")

    status = _status_desa_sadar(desa, hari_ini, rng)
    kegiatan = _kegiatan(desa, status, hari_ini, rng)
    kode_desa = desa["kode"].to_numpy(dtype=object)
    kec_desa = desa["kode_kec"].to_numpy(dtype=object)

    bagian: list[pd.DataFrame] = []

    def tambah(n: int, segmen: str, desa_idx: np.ndarray, hari_daftar: np.ndarray, **kolom) -> None:
        bagian.append(pd.DataFrame({"segmen": segmen, "desa_idx": desa_idx, "hari_daftar": hari_daftar, **kolom}))

    # PU: the wage-earner stock, many registered before the campaign; some leave their jobs.
    n_pu = int(30_000 * skala)
    lama = rng.random(n_pu) < 0.4
    hari_pu = np.where(lama, -rng.integers(1, 9 * 365, n_pu), rng.integers(0, n_hari, n_pu))
    bobot_pu = formal.reindex(kode_desa).to_numpy(dtype=float)
    tambah(n_pu, "PU", rng.choice(len(desa), n_pu, p=bobot_pu / bobot_pu.sum()), hari_pu,
           pekerjaan=_pilih(rng, PEKERJAAN_PU, n_pu), sumber_dana="pemberi_kerja", kanal="pemberi_kerja",
           peluang_henti=0.30, rerata_hari_aktif=3 * 365.0)

    # Village officials, enrolled collectively from the village budget in four programmes.
    bagian_perangkat = np.where(desa["kode"].isin(status["kode_desa"]), 1.0, rng.uniform(0.6, 0.95, len(desa)))
    jumlah_perangkat = np.round(perangkat * bagian_perangkat).astype(int)
    idx_perangkat = np.repeat(np.arange(len(desa)), jumlah_perangkat)
    hari_perangkat = rng.integers(0, min(n_hari, 3 * 365), len(idx_perangkat))
    tambah(len(idx_perangkat), "PU", idx_perangkat, hari_perangkat, pekerjaan=PEKERJAAN_PERANGKAT,
           sumber_dana="apbdes", kanal="kolektif_desa", peluang_henti=0.05, rerata_hari_aktif=6 * 365.0)

    # BPU: the campaign's target; sign-ups grow over the years and are denser in Desa Sadar villages.
    n_bpu = int(16_000 * skala)
    bobot_bpu = informal.reindex(kode_desa).to_numpy(dtype=float) * np.where(desa["kode"].isin(status["kode_desa"]), 2.5, 1.0)
    u = rng.random(n_bpu)
    hari_bpu = ((-1 + np.sqrt(1 + 3 * u)) * (n_hari - 1)).astype(int)  # density rising 1 → 2 over time
    tambah(n_bpu, "BPU", rng.choice(len(desa), n_bpu, p=bobot_bpu / bobot_bpu.sum()), hari_bpu,
           pekerjaan=_pilih(rng, PEKERJAAN_BPU, n_bpu), sumber_dana=_pilih(rng, DANA_BPU, n_bpu),
           kanal=_pilih(rng, KANAL_BPU, n_bpu), peluang_henti=0.45, rerata_hari_aktif=300.0)

    # Sign-ups at events: mostly from the host village, the rest from its kecamatan.
    for _, ev in kegiatan.iterrows():
        n = int(ev["pendaftar"])
        idx_host = int(np.flatnonzero(kode_desa == ev["kode_desa"])[0])
        sekitar = np.flatnonzero(kec_desa == kec_desa[idx_host])
        idx = np.where(rng.random(n) < 0.8, idx_host, rng.choice(sekitar, n))
        lama_acara = (ev["tanggal_selesai"] - ev["tanggal_mulai"]).days
        hari = _hari(ev["tanggal_mulai"]) + rng.integers(0, lama_acara + 1, n)
        kolektif = ev["nama"].startswith("Festival Nasi Goreng Wonopringgo")
        pekerjaan = np.where(np.arange(n) < 60, "Pedagang nasi goreng", _pilih(rng, PEKERJAAN_BPU, n)) if kolektif \
            else _pilih(rng, PEKERJAAN_BPU, n)
        tambah(n, "BPU", idx, hari, pekerjaan=pekerjaan,
               sumber_dana=np.where(kolektif & (np.arange(n) < 60), "apbdes", _pilih(rng, DANA_BPU, n)),
               kanal=np.where(kolektif & (np.arange(n) < 60), "kolektif_desa", "acara"),
               kegiatan_nama=ev["nama"], peluang_henti=0.40, rerata_hari_aktif=330.0)

    # Construction projects and migrant workers: short, fixed-term cover.
    n_jk = int(3_000 * skala)
    tambah(n_jk, "JAKON", rng.integers(0, len(desa), n_jk), rng.integers(0, n_hari, n_jk),
           pekerjaan="Pekerja proyek konstruksi", sumber_dana="pemberi_kerja", kanal="pemberi_kerja",
           peluang_henti=1.0, rerata_hari_aktif=200.0)
    n_pmi = int(1_200 * skala)
    tambah(n_pmi, "PMI", rng.integers(0, len(desa), n_pmi), rng.integers(0, n_hari, n_pmi),
           pekerjaan="Pekerja migran", sumber_dana="mandiri", kanal="kantor_cabang",
           peluang_henti=0.9, rerata_hari_aktif=2 * 365.0)

    p = pd.concat(bagian, ignore_index=True)
    n = len(p)
    p["nomor"] = np.arange(n)
    henti = rng.random(n) < p["peluang_henti"].to_numpy()
    hari_henti = p["hari_daftar"].to_numpy() + 30 + rng.exponential(p["rerata_hari_aktif"].to_numpy()).astype(int)
    hari_henti = np.where(henti & (hari_henti < n_hari - 1), hari_henti, -10**9)
    # Participants who left before the campaign window say nothing about it.
    p = p[(hari_henti == -10**9) | (hari_henti >= 0)].reset_index(drop=True)
    hari_henti = hari_henti[p["nomor"].to_numpy()]
    n = len(p)
    p["nomor"] = np.arange(n)
    p["kode_desa"] = kode_desa[p["desa_idx"].to_numpy()]
    p["tanggal_daftar"] = _ke_tanggal(p["hari_daftar"].to_numpy())
    p["jenis_kelamin"] = np.where(rng.random(n) < np.where(p["segmen"] == "BPU", 0.58, 0.55), "L", "P")
    usia = np.clip(rng.normal(38, 11, n), 18, 64).astype(int)
    p["tahun_lahir"] = (pd.DatetimeIndex(p["tanggal_daftar"]).year.to_numpy() - usia).astype(int)
    p["kunci_pseudonim"] = _kunci_demo(0, n)
    if "kegiatan_nama" not in p.columns:
        p["kegiatan_nama"] = None

    # Enrolments: JKK and JKM for everyone; JHT, JP and JKP where the segment allows.
    seg = p["segmen"].to_numpy()
    upah = rng.lognormal(np.log(2_400_000), 0.35, n)
    band_bpu = _pilih(rng, {"1": 80, "1.5": 15, "2": 5}, n).astype(float)
    mulai = p["tanggal_daftar"].to_numpy()
    # A BPU participant stays enrolled when they stop paying: their payments (below) say when they lapse.
    berakhir = np.where((hari_henti >= 0) & (seg != "BPU"), _ke_tanggal(np.maximum(hari_henti, 0)),
                        np.datetime64("NaT"))
    jht = np.where(seg == "PU", rng.random(n) < 0.92, np.where(np.isin(seg, ["BPU", "PMI"]), rng.random(n) < 0.40, False))
    jp = (seg == "PU") & (rng.random(n) < 0.65)
    awal_jkp = np.datetime64("2022-02-01")
    jkp = jp & (np.isnat(berakhir) | (berakhir > awal_jkp))
    iuran = {
        Program.JKK: np.where(seg == "BPU", IURAN_BPU_MINIMUM[Program.JKK] * band_bpu, upah * 0.0024),
        Program.JKM: np.where(seg == "BPU", IURAN_BPU_MINIMUM[Program.JKM], upah * 0.003),
        Program.JHT: np.where(seg == "PU", upah * 0.057, IURAN_BPU_MINIMUM[Program.JHT] * band_bpu),
        Program.JP: upah * 0.03,
        Program.JKP: np.zeros(n),  # funded by the government and recomposed contributions
    }
    ikut = {Program.JKK: np.ones(n, bool), Program.JKM: np.ones(n, bool), Program.JHT: jht, Program.JP: jp,
            Program.JKP: jkp}
    enrol = []
    for prog, pilih in ikut.items():
        awal = np.maximum(mulai, awal_jkp) if prog == Program.JKP else mulai
        enrol.append(pd.DataFrame({
            "nomor": p["nomor"].to_numpy()[pilih], "segmen": seg[pilih], "kode_desa": p["kode_desa"].to_numpy()[pilih],
            "program": prog.value, "tanggal_mulai": awal[pilih], "tanggal_berakhir": berakhir[pilih],
            "iuran_bulanan": np.round(iuran[prog][pilih], -2).astype(np.int64),
        }))
    kepesertaan = pd.concat(enrol, ignore_index=True)
    peserta = p[["nomor", "kunci_pseudonim", "segmen", "kode_desa", "pekerjaan", "jenis_kelamin", "tahun_lahir",
                 "sumber_dana", "kanal", "tanggal_daftar", "kegiatan_nama"]].copy()
    # A generator of its own, so adding MoUs left every other synthetic figure as it was.
    mou = _mou_desa(status, np.random.default_rng(benih + 2))
    bulanan = kepesertaan.groupby("nomor")["iuran_bulanan"].sum()
    iuran_demo, akhir = _iuran_demo(p, hari_henti, bulanan, hari_ini, np.random.default_rng(benih + 3))
    peserta["akhir_aktif"] = np.where(seg == "BPU", akhir, p["nomor"].map(
        kepesertaan.groupby("nomor")["tanggal_berakhir"].max()).to_numpy(dtype="datetime64[ns]"))
    return DataDemo(penyebut, status, kegiatan.drop(columns=["pendaftar"]), peserta, kepesertaan, hari_ini, skala, mou,
                    iuran_demo)


def _bulan_ke_tanggal(indeks: np.ndarray) -> np.ndarray:
    return (np.asarray(indeks, dtype=np.int64) - 1970 * 12).astype("datetime64[M]").astype("datetime64[D]")


def _iuran_demo(p: pd.DataFrame, hari_henti: np.ndarray, bulanan: pd.Series, hari_ini: date,
                rng: np.random.Generator) -> tuple[pd.DataFrame, np.ndarray]:
    """Monthly payments of the BPU participants (the segment whose exports the branch holds), and
    the day each one's last run of payments lapses (NaT while still paying), for the targets.

    Self-paid participants pay month by month and stop at the day drawn for them (some miss a month
    inside the grace period, a few pay a quarter ahead, about a third of those who stop come back);
    sponsored ones are paid for twelve months at a time, in advance, for one or more terms, and when
    the sponsor stops most stop with it and a few go on paying themselves.
    """
    tenggang = masa_aktif.MASA_TENGGANG_BAWAAN
    kini = hari_ini.year * 12 + hari_ini.month - 1
    bpu = np.flatnonzero(p["segmen"].to_numpy() == "BPU")
    daftar = pd.DatetimeIndex(p["tanggal_daftar"])
    bulan_daftar = (daftar.year * 12 + daftar.month - 1).to_numpy()
    henti_tanggal = pd.DatetimeIndex(_ke_tanggal(np.maximum(hari_henti, 0)))
    bulan_henti = np.where(hari_henti >= 0, henti_tanggal.year * 12 + henti_tanggal.month - 1, 10**9)
    dana = p["sumber_dana"].to_numpy()
    jumlah = p["nomor"].map(bulanan).fillna(0).astype(np.int64).to_numpy()
    akhir = np.full(len(p), np.datetime64("NaT"), dtype="datetime64[ns]")
    kolom: dict[str, list[np.ndarray]] = {"nomor": [], "bulan": [], "bayar": [], "pembayar": []}

    def bayar(i: int, bulan: np.ndarray, bayar_pada: np.ndarray, pembayar: str) -> None:
        kolom["nomor"].append(np.full(len(bulan), i))
        kolom["bulan"].append(bulan)
        kolom["bayar"].append(bayar_pada)
        kolom["pembayar"].append(np.full(len(bulan), pembayar, dtype=object))

    def mandiri(i: int, awal: int, sampai: int, berhenti: bool) -> int:
        """Pay from month `awal` to `sampai`; returns the last month paid."""
        bulan = np.arange(awal, sampai + 1)
        if len(bulan) > 3 and rng.random() < 0.15:  # one month missed, inside the grace period
            bulan = np.delete(bulan, rng.integers(1, len(bulan) - 1))
        if rng.random() < 0.08:  # pays a quarter at a time, in advance
            blok = awal + (bulan - awal) // 3 * 3
            if not berhenti:
                bulan = np.arange(awal, blok[-1] + 3)
                blok = awal + (bulan - awal) // 3 * 3
            bayar(i, bulan, blok, "mandiri")
        else:
            bayar(i, bulan, bulan, "mandiri")
        return int(bulan[-1])

    for i in bpu:
        r = int(bulan_daftar[i])
        if dana[i] == "mandiri":
            berhenti = bulan_henti[i] <= kini
            sampai = max(r, int(bulan_henti[i]) - 1 - tenggang) if berhenti else kini - (rng.random() < 0.2)
            terakhir = mandiri(i, r, max(r, sampai), berhenti)
            if berhenti and rng.random() < 0.3:  # comes back after a while
                lagi = terakhir + 1 + tenggang + int(rng.integers(1, 9))
                if lagi <= kini:
                    terakhir = mandiri(i, lagi, kini, False)
                    berhenti = False
        else:
            masa = int(rng.geometric(0.6))
            awal_masa = [r + 12 * j for j in range(masa) if r + 12 * j <= kini]
            for a in awal_masa:
                bayar(i, np.arange(a, a + 12), np.full(12, a), str(dana[i]))
            terakhir = awal_masa[-1] + 11
            berhenti = terakhir < kini
            if berhenti and rng.random() < 0.2:  # goes on paying after the sponsor stops
                terakhir = mandiri(i, terakhir + 1, kini, False)
                berhenti = False
        if terakhir + tenggang < kini:
            akhir[i] = np.datetime64(_bulan_ke_tanggal(np.array([terakhir + 1 + tenggang]))[0], "ns")

    bulan = np.concatenate(kolom["bulan"])
    bayar_bulan = np.concatenate(kolom["bayar"])
    nomor = np.concatenate(kolom["nomor"])
    hari = 1 + (nomor * 7 + bayar_bulan * 3) % 20  # one day for a block paid at once
    hari = np.where(bayar_bulan == kini, np.minimum(hari, hari_ini.day), hari)
    tanggal_bayar = _bulan_ke_tanggal(bayar_bulan) + (hari - 1).astype("timedelta64[D]")
    data = pd.DataFrame({"nomor": nomor, "bulan": _bulan_ke_tanggal(bulan), "jumlah": jumlah[nomor],
                         "tanggal_bayar": tanggal_bayar, "pembayar": np.concatenate(kolom["pembayar"])})
    return data, akhir


def hitung_target(data: DataDemo, rng: np.random.Generator) -> pd.DataFrame:
    """Yearly targets set around what was achieved, so some slices end ahead and some behind."""
    p = data.peserta.rename(columns={"akhir_aktif": "tanggal_berakhir"})
    p["kode_kec"] = p["kode_desa"].str[:8]
    e = data.kepesertaan.drop(columns="tanggal_berakhir").merge(p[["nomor", "tanggal_berakhir"]], on="nomor")
    baris = []
    for tahun in range(AWAL_DATA.year, data.hari_ini.year + 1):
        t = np.datetime64(min(date(tahun, 12, 31), data.hari_ini))
        aktif = p[(p["tanggal_daftar"] <= t) & (p["tanggal_berakhir"].isna() | (p["tanggal_berakhir"] > t))]
        tahun_ini = tahun == data.hari_ini.year
        faktor = (lambda: rng.uniform(0.98, 1.15)) if tahun_ini else (lambda: rng.uniform(0.92, 1.20))

        def target(kode: str, nilai: float, segmen: str = "SEMUA", program: str = "SEMUA",
                   ukuran: str = "peserta_aktif", bulat: int = 10, tahun: int = tahun, faktor=faktor) -> None:
            baris.append((kode, tahun, ukuran, segmen, program, int(round(nilai * faktor() / bulat) * bulat)))

        ea = e[(e["tanggal_mulai"] <= t) & (e["tanggal_berakhir"].isna() | (e["tanggal_berakhir"] > t))]
        baru = p[(p["segmen"] == "BPU") & (pd.DatetimeIndex(p["tanggal_daftar"]).year == tahun)]
        skala_tahun = 365 / (data.hari_ini.timetuple().tm_yday) if tahun_ini else 1.0
        for kode_kab in sorted(p["kode_desa"].str[:5].unique()):  # one regency, or each of a province's
            aktif_kab = aktif[aktif["kode_desa"].str.startswith(kode_kab)]
            target(kode_kab, len(aktif_kab), bulat=100)
            for segmen, jumlah in aktif_kab["segmen"].value_counts().items():
                target(kode_kab, jumlah, segmen=segmen)
            for prog, jumlah in ea[ea["kode_desa"].str.startswith(kode_kab)]["program"].value_counts().items():
                target(kode_kab, jumlah, program=prog)
            target(kode_kab, (baru["kode_desa"].str.startswith(kode_kab)).sum() * skala_tahun, segmen="BPU",
                   ukuran="pendaftaran_baru")
        for kec, jumlah in aktif["kode_kec"].value_counts().items():
            target(kec, jumlah)
        for kec, jumlah in aktif[aktif["segmen"] == "BPU"]["kode_kec"].value_counts().items():
            target(kec, jumlah, segmen="BPU")
        desa_sadar = set(data.status[pd.to_datetime(data.status["tanggal"]) <= pd.Timestamp(t)]["kode_desa"])
        bpu_desa = aktif[aktif["segmen"] == "BPU"]["kode_desa"].value_counts()
        for kode in sorted(desa_sadar):
            target(kode, max(bpu_desa.get(kode, 0), 10), segmen="BPU", bulat=5)
    return pd.DataFrame(baris, columns=["kode_wilayah", "tahun", "ukuran", "segmen", "program", "nilai"])


def desa_untuk_demo(batas: BatasWilayah) -> pd.DataFrame:
    return desa_provinsi_untuk_demo(batas.desa)


# Tables whose rows say where they came from: 'demo', or an import, the form, the staff pages.
TABEL_BERSUMBER = ("peserta", "kegiatan", "penyebut", "mou_desa", "target", "status_desa_sadar", "iuran")
# Everything the campaign records; wilayah (the boundaries' names) and program are reference data.
TABEL_KAMPANYE = ("kiriman_pendaftaran", "iuran", "cakupan_iuran", "kepesertaan", "masa_aktif", "rekap_masa_aktif", "rekap_masa_aktif_tahunan",
                  "peserta", "kegiatan", "penyebut", "mou_desa", "target", "status_desa_sadar")


def _ada(k: sa.Connection, tabel: str, syarat: str) -> bool:
    return bool(k.execute(sa.text(f"SELECT EXISTS (SELECT 1 FROM {tabel} WHERE {syarat})")).scalar())


def sumber_data(engine: sa.Engine | sa.Connection) -> str | None:
    """What the database holds, read from the rows themselves: 'nyata' as soon as any row did not
    come from the demo generator, 'demo' when every row did, None when it is empty. The banner, the
    demo label and the no-accounts open mode all follow this."""
    def baca(k: sa.Connection) -> str | None:
        if any(_ada(k, tabel, "sumber <> 'demo'") for tabel in TABEL_BERSUMBER):
            return "nyata"
        if any(_ada(k, tabel, "sumber = 'demo'") for tabel in TABEL_BERSUMBER) or \
                _ada(k, "info_data", "kunci = 'sumber' AND nilai = 'demo'"):
            return "demo"
        return None

    if isinstance(engine, sa.Connection):
        return baca(engine)
    with engine.connect() as k:
        return baca(k)


def ada_data_demo(k: sa.Connection) -> bool:
    return any(_ada(k, tabel, "sumber = 'demo'") for tabel in TABEL_BERSUMBER)


def sumber_tulisan(k: sa.Connection, sumber: str) -> str:
    """What a row written by the app's own forms is marked: in a demo database it is a training
    entry ('demo', removed with the demo), otherwise `sumber`. The database is a demo one while the
    generator's flag stands; the first real import removes the flag with the demo rows."""
    flag = k.execute(sa.text("SELECT nilai FROM info_data WHERE kunci = 'sumber'")).scalar()
    return "demo" if flag == "demo" else sumber


def hapus_data_demo(k: sa.Connection) -> dict[str, int]:
    """Remove every demo row inside the caller's transaction (the first real import's), keeping
    every other row; returns what was removed per table. Active periods and rollups are rebuilt."""
    tanpa_batas_waktu(k)
    demo_peserta = "SELECT id FROM peserta WHERE sumber = 'demo'"
    hapus = {
        "kiriman_pendaftaran": k.execute(sa.text(
            f"DELETE FROM kiriman_pendaftaran WHERE peserta_id IN ({demo_peserta})")).rowcount,
        "kepesertaan": k.execute(sa.text(f"DELETE FROM kepesertaan WHERE peserta_id IN ({demo_peserta})")).rowcount,
        "iuran": k.execute(sa.text(f"DELETE FROM iuran WHERE sumber = 'demo' OR peserta_id IN ({demo_peserta})")).rowcount,
    }
    hapus["peserta"] = k.execute(sa.text("DELETE FROM peserta WHERE sumber = 'demo'")).rowcount
    # A real participant recorded at a demo event keeps the participant, not the made-up event.
    k.execute(sa.text("UPDATE peserta SET kegiatan_id = NULL WHERE kegiatan_id IN "
                      "(SELECT id FROM kegiatan WHERE sumber = 'demo')"))
    for tabel in ("kegiatan", "penyebut", "mou_desa", "target", "status_desa_sadar"):
        hapus[tabel] = k.execute(sa.text(f"DELETE FROM {tabel} WHERE sumber = 'demo'")).rowcount
    k.execute(sa.text("DELETE FROM info_data WHERE kunci = 'sumber' OR substr(kunci, 1, 5) = 'demo_'"))
    iuran.catat_cakupan_dari_tabel(k, "impor")
    masa_aktif.bangun_ulang(k)
    return hapus


def isi_demo(engine: sa.Engine, batas: BatasWilayah, hari_ini: date, skala: float = 1.0,
             kabar: Callable[[str, float], None] | None = None) -> dict[str, int]:
    """Write the demo dataset in one transaction. Refuses a database that holds real data.
    `kabar(step, fraction)` hears how far it is (a tampilan.teks key and 0–1), for a progress bar."""
    if not _boleh_isi_demo(engine):
        return {}
    kabar = kabar or (lambda langkah, bagian: None)
    kabar("persiapan_wilayah", 0.05)
    sinkronkan_wilayah(engine, batas)
    return _tulis_demo(engine, desa_untuk_demo(batas), hari_ini, skala, kabar)


def isi_demo_provinsi(engine: sa.Engine, desa: gpd.GeoDataFrame, hari_ini: date, skala: float = 1.0) -> dict[str, int]:
    """The demo dataset over every village of a province (the scale benchmarks' data): `desa` as read
    from a province boundary file (kode, nama, kode_kec, nama_kec, kode_kab, nama_kab, jenis)."""
    if not _boleh_isi_demo(engine):
        return {}
    data_desa = desa_provinsi_untuk_demo(desa)
    sinkronkan_desa(engine, data_desa.merge(pd.DataFrame(desa[["kode", "kode_kab", "nama_kab"]]), on="kode"))
    return _tulis_demo(engine, data_desa, hari_ini, skala)


def desa_provinsi_untuk_demo(desa: gpd.GeoDataFrame) -> pd.DataFrame:
    """What the demo generator needs of each village (code, names, kind, area, a point), in code
    order, from a regency's validated villages or straight from a province file."""
    desa = desa.sort_values("kode").reset_index(drop=True)
    hasil = pd.DataFrame(desa.drop(columns="geometry"))
    if "jenis" not in hasil.columns:
        hasil["jenis"] = hasil["kode"].str[9].map({"1": "kelurahan", "2": "desa"})
    hasil["luas_km2"] = (desa.to_crs(CRS_LUAS).area / 1e6).round(3).to_numpy()
    if "lat" not in hasil.columns or hasil["lat"].isna().any():
        titik = desa.geometry.representative_point()
        hasil["lat"], hasil["lng"] = titik.y.to_numpy(), titik.x.to_numpy()
    return hasil[["kode", "nama", "kode_kec", "nama_kec", "jenis", "luas_km2", "lat", "lng"]]


def _boleh_isi_demo(engine: sa.Engine) -> bool:
    """True for an empty database, False when it already holds the demo; refuses real data."""
    sumber = sumber_data(engine)
    if sumber == "nyata":
        raise DemoDitolak("Database ini berisi data nyata; data contoh tidak akan dicampurkan ke dalamnya.")
    return sumber is None


def ulang_demo(engine: sa.Engine, batas: BatasWilayah, hari_ini: date, hapus_data_nyata: bool = False,
               skala: float = 1.0) -> dict[str, int]:
    """Empty the campaign tables and write the demo afresh, in one transaction (a training
    database made clean for the next class). A database holding real data is refused unless
    `hapus_data_nyata` says, explicitly, that those rows go too."""
    if sumber_data(engine) == "nyata" and not hapus_data_nyata:
        raise DemoDitolak("Database ini berisi data nyata. Ulang ke data contoh hanya dengan --hapus-data-nyata, "
                          "dan hanya bila data nyata itu memang boleh hilang (cadangkan dulu).")
    sinkronkan_wilayah(engine, batas)

    def kosongkan(k: sa.Connection) -> None:
        for tabel in TABEL_KAMPANYE:
            k.execute(sa.text(f"DELETE FROM {tabel}"))
        k.execute(sa.text("DELETE FROM info_data WHERE kunci <> :tenggang"), {"tenggang": masa_aktif.KUNCI_TENGGANG})

    return _tulis_demo(engine, desa_untuk_demo(batas), hari_ini, skala, sebelum=kosongkan)


def _tulis_demo(engine: sa.Engine, desa: pd.DataFrame, hari_ini: date, skala: float,
               kabar: Callable[[str, float], None] = lambda langkah, bagian: None,
               sebelum: Callable[[sa.Connection], None] | None = None) -> dict[str, int]:
    kabar("persiapan_peserta", 0.2)
    data = buat_data_demo(desa, hari_ini, skala)
    target = hitung_target(data, np.random.default_rng(BENIH + 1))
    kabar("persiapan_tulis", 0.45)

    def tulis_semua(k: sa.Connection) -> dict[str, int]:
        tanpa_batas_waktu(k)
        if sebelum:
            sebelum(k)
        hitung = {}
        hitung["penyebut"] = muat_massal(k, "penyebut", data.penyebut.assign(sumber="demo"))
        hitung["status_desa_sadar"] = muat_massal(k, "status_desa_sadar", data.status.assign(sumber="demo"))
        hitung["mou_desa"] = muat_massal(k, "mou_desa", data.mou.assign(sumber="demo"))
        hitung["kegiatan"] = muat_massal(k, "kegiatan", data.kegiatan.assign(sumber="demo"))
        id_kegiatan = dict(k.execute(sa.text("SELECT nama, id FROM kegiatan WHERE sumber = 'demo'")).all())
        peserta = data.peserta.assign(
            kegiatan_id=data.peserta["kegiatan_nama"].map(id_kegiatan).astype("Int64"), sumber="demo"
        ).drop(columns=["kegiatan_nama", "nomor", "akhir_aktif"])
        hitung["peserta"] = muat_massal(k, "peserta", peserta)
        id_peserta = pd.DataFrame(
            k.execute(sa.text("SELECT kunci_pseudonim, id FROM peserta WHERE sumber = 'demo'")).all(),
            columns=["kunci_pseudonim", "peserta_id"],
        )
        nomor_ke_id = data.peserta[["nomor", "kunci_pseudonim"]].merge(id_peserta, on="kunci_pseudonim")
        kepesertaan = data.kepesertaan.merge(nomor_ke_id[["nomor", "peserta_id"]], on="nomor").drop(columns="nomor")
        hitung["kepesertaan"] = muat_massal(k, "kepesertaan", kepesertaan)
        bayar = data.iuran.merge(nomor_ke_id[["nomor", "peserta_id"]], on="nomor").drop(columns="nomor")
        hitung["iuran"] = muat_massal(k, "iuran", bayar.assign(sumber="demo"))
        iuran.catat_cakupan_dari_tabel(k, "demo", hari_ini)
        kabar("persiapan_rekap", 0.75)
        hitung["masa_aktif"] = masa_aktif.bangun_ulang(k)
        hitung["target"] = muat_massal(k, "target", target.assign(sumber="demo"))
        info = {"sumber": "demo", "demo_hari_ini": hari_ini.isoformat(), "demo_benih": str(BENIH),
                "demo_skala": f"{skala:g}", "demo_dibuat": datetime.now().isoformat(timespec="seconds")}
        k.execute(sa.text("INSERT INTO info_data (kunci, nilai) VALUES (:kunci, :nilai)"),
                  [{"kunci": a, "nilai": b} for a, b in info.items()])
        return hitung

    return tulis(engine, tulis_semua)
