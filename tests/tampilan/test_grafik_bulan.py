"""The trend's months as the charts draw them: the unfinished month marked, a hidden month told apart
from an empty one."""

from datetime import date

import pandas as pd

from tampilan.grafik import bulan_tampil


def test_the_unfinished_month_is_marked_and_a_hidden_month_is_not_a_zero():
    tren = pd.DataFrame({"bulan": pd.to_datetime(["2026-10-01", "2026-11-01"]),
                         "peserta_aktif": [38000.0, float("nan")], "pendaftaran_baru": [0.0, 400.0],
                         "target_aktif": [41500, 41500]})
    b = bulan_tampil(tren, date(2026, 11, 24), "id")
    assert b["label"].tolist() == ["Okt 2026", "Nov 2026 (belum selesai, s.d. 24 November 2026)"]
    assert b["berjalan"].tolist() == [False, True]
    assert b["aktif_tersembunyi"].tolist() == [False, True]
    assert b["baru_tersembunyi"].tolist() == [False, False]  # zero sign-ups in October is a zero, shown
    selesai = bulan_tampil(tren, date(2026, 11, 30), "en")
    assert selesai["label"].tolist() == ["Oct 2026", "Nov 2026"] and not selesai["berjalan"].any()
