"""Payment figures as a public viewer sees them: nothing small readable, directly or by subtraction."""

from datetime import date

import pandas as pd

from domain.iuran import kaplan_meier
from tampilan.publik import daftar_kerja_publik, iuran_publik, kurva_publik


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
    uang = iuran_publik(df, 5)
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
