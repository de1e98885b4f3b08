"""Payment figures as a public viewer sees them: nothing small readable, directly or by subtraction."""

from datetime import date

import pandas as pd

from domain.iuran import kaplan_meier
from domain.publik import PolaPublik, sel_iuran
from domain.periode import Periode
from domain.saringan import Saringan
from tampilan.publik import daftar_kerja_publik, iuran_publik, kurva_publik

DESA = "33.26.10.2001"
REGENSI = Saringan("33.26", Periode("2026", date(2026, 1, 1), date(2026, 11, 24)))


def _pola(baris: pd.DataFrame, k: int) -> PolaPublik:
    """The pattern over these payment rows (per month, village, segment and funding source), as
    data_access.publik builds it from the database."""
    ukuran = ["peserta_bayar", "berhenti", "kembali"]
    return PolaPublik.dari_sel(sel_iuran(baris.groupby(["bulan", "kode_desa", "segmen"], as_index=False)[ukuran].sum(),
                                        baris.groupby(["kode_desa", "segmen", "sumber_dana"], as_index=False)[ukuran].sum(),
                                        REGENSI.periode.mulai, REGENSI.periode.selesai), k)


def _publik(df: pd.DataFrame, k: int):
    """iuran_publik for the regency, whose one village paid `df`."""
    return iuran_publik(df, REGENSI, _pola(df.assign(kode_desa=DESA, segmen="BPU"), k))


def _daftar(**kolom) -> pd.DataFrame:
    dasar = {"kode_desa": ["33.26.10.2001"], "nama_desa": ["A"], "nama_kec": ["K"], "berhenti_1": [0],
             "berhenti_3": [0], "akhir_1": [0], "akhir_3": [0], "orang": [0], "taruhan": [0]}
    return pd.DataFrame({**dasar, **{k: [v] for k, v in kolom.items()}})


def test_the_work_list_hides_small_counts_and_differences_and_the_money_of_few():
    baris = daftar_kerja_publik(_daftar(berhenti_1=6, berhenti_3=8, akhir_1=0, akhir_3=3, orang=11,
                                        taruhan=11 * 16_800), 5).iloc[0]
    assert pd.isna(baris["berhenti_1"]) and baris["berhenti_3"] == 8  # 8 − 6 = 2 lapsed in months 2–3
    assert pd.isna(baris["akhir_3"]) and baris["akhir_1"] == 0
    assert baris["taruhan"] == 11 * 16_800
    sedikit = daftar_kerja_publik(_daftar(berhenti_1=3, berhenti_3=3, orang=3, taruhan=3 * 16_800), 5).iloc[0]
    assert pd.isna(sedikit["berhenti_3"]) and pd.isna(sedikit["taruhan"]) and pd.isna(sedikit["orang"])
    pimpinan = daftar_kerja_publik(_daftar(berhenti_1=3, berhenti_3=3, orang=3, taruhan=50_400), 1).iloc[0]
    assert pimpinan["berhenti_1"] == 3 and pimpinan["taruhan"] == 50_400


def test_hidden_rows_of_the_work_list_sort_last():
    df = pd.concat([_daftar(kode_desa="B", berhenti_3=2, orang=2, taruhan=900_000),
                    _daftar(kode_desa="A", berhenti_3=9, orang=9, taruhan=150_000)], ignore_index=True)
    assert daftar_kerja_publik(df, 5)["kode_desa"].tolist() == ["A", "B"]


def test_a_funding_source_with_few_payers_is_hidden_with_a_complement():
    bulan = date(2026, 10, 1)
    df = pd.DataFrame({"bulan": [bulan] * 3, "sumber_dana": ["mandiri", "apbdes", "csr"],
                       "ditagih": [1_680_000, 336_000, 33_600], "dibayar": [1_612_800, 336_000, 33_600],
                       "peserta_bayar": [96, 20, 2], "aktif_awal": [100, 20, 2], "berhenti": [7, 0, 1],
                       "kembali": [6, 0, 0]})
    uang = _publik(df, 5)
    per_dana = uang.per_dana.set_index("sumber_dana")
    assert pd.isna(per_dana.loc["csr", "dibayar"]) and pd.isna(per_dana.loc["apbdes", "dibayar"])
    assert per_dana.loc["mandiri", "dibayar"] == 1_612_800
    assert uang.dibayar == 1_612_800 + 336_000 + 33_600  # the total stays: two hidden parts cannot be told apart
    assert pd.isna(per_dana.loc["csr", "berhenti"])  # 1 lapse
    assert uang.kolektibilitas == 100 * (1_612_800 + 336_000 + 33_600) / (1_680_000 + 336_000 + 33_600)


def test_a_public_survival_curve_steps_only_over_k_lapses():
    kurva = kaplan_meier(pd.Series([1, 1, 2, 3, 3, 3, 4, 6, 6, 6, 6, 6]), pd.Series([1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 0, 0]))
    publik = kurva_publik(kurva, 5)
    assert publik["bulan"].tolist() == [0, 3]  # lapses 2+1+3 by month 3; then fewer than 5 still followed
    assert kurva_publik(kurva, 1)["bulan"].tolist() == list(range(7))


def test_a_month_with_few_lapses_cannot_be_read_off_the_total():
    """Months and funding sources each add up to the total shown beside them: whatever is hidden in
    one of them is never alone and never adds up to a small count."""
    bulan = [date(2026, m, 1) for m in range(5, 11)]
    lapses = [9, 7, 2, 8, 6, 11]  # June's 2 would be the total minus the other five
    df = pd.DataFrame({"bulan": bulan, "sumber_dana": ["mandiri"] * 6, "ditagih": [1_680_000] * 6,
                       "dibayar": [1_612_800] * 6, "peserta_bayar": [96] * 6, "aktif_awal": [100] * 6,
                       "berhenti": lapses, "kembali": [0, 6, 3, 0, 7, 5]})
    uang = _publik(df, 5)
    for kolom, asli in (("berhenti", lapses), ("kembali", [0, 6, 3, 0, 7, 5])):
        tampil = uang.per_bulan[kolom].tolist()
        total = getattr(uang, kolom)
        tersembunyi = [a for a, t in zip(asli, tampil, strict=True) if pd.isna(t)]
        if total is not None:  # the total minus what is shown: never one month, never a small sum
            assert len(tersembunyi) != 1 and not 0 < total - sum(t for t in tampil if pd.notna(t)) < 5, kolom
        assert all(pd.isna(t) for a, t in zip(asli, tampil, strict=True) if 0 < a < 5)
    assert uang.berhenti == sum(lapses) and uang.per_bulan["berhenti"].isna().sum() == 2
    # The lapse rate of a hidden month is hidden with it.
    assert uang.per_bulan["tingkat_berhenti"].isna().tolist() == uang.per_bulan["berhenti"].isna().tolist()
    # The funding-source table is the other equation: one source holds everything, so it equals the total.
    assert uang.per_dana["berhenti"].tolist() == [sum(lapses)]


def test_a_kecamatan_month_cannot_be_read_off_the_regency_minus_the_others():
    """The regency's month is the sum of its kecamatan's, each shown on its own filter: one pattern
    decides them all, so no equation is left with one hidden month."""
    bulan = [date(2026, m, 1) for m in range(5, 9)]
    desa = {"33.26.10.2001": [9, 2, 8, 6], "33.26.12.2008": [7, 11, 6, 9]}  # Sragi's June: 2
    baris = pd.DataFrame([{"bulan": b, "kode_desa": kode, "segmen": "BPU", "sumber_dana": "mandiri",
                           "ditagih": 1_680_000, "dibayar": 1_612_800, "peserta_bayar": 96, "aktif_awal": 100,
                           "berhenti": n, "kembali": 0}
                          for kode, lapses in desa.items() for b, n in zip(bulan, lapses, strict=True)])
    pola = _pola(baris, 5)
    terlihat = {}
    for wilayah in ("33.26", "33.26.10", "33.26.12"):
        df = baris[baris["kode_desa"].str.startswith(wilayah)].groupby(["bulan", "sumber_dana"], as_index=False)[
            ["ditagih", "dibayar", "peserta_bayar", "aktif_awal", "berhenti", "kembali"]].sum()
        uang = iuran_publik(df, Saringan(wilayah, REGENSI.periode), pola)
        terlihat[wilayah] = uang.per_bulan["berhenti"].tolist()
    assert pd.isna(terlihat["33.26.10"][1])
    for i in range(len(bulan)):
        tersembunyi = sum(pd.isna(terlihat[w][i]) for w in terlihat)
        assert tersembunyi != 1, (bulan[i], {w: v[i] for w, v in terlihat.items()})
