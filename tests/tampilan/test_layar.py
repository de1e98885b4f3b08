"""What the event stage lets the room read: the headline exact from the first sign-up (or not, by
setting), programmes, funding and occupations only where their counts are shown, and each quarter
of the goal once."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from data_access.layar import AngkaLayar
from domain.layar import ModeLayar, mode_layar, tonggak
from domain.publik import PolaPublik
from tampilan.layar import berapa_lama, muatan_layar
from tampilan.publik import layar_publik

HARI_INI = date(2026, 11, 24)
KINI = datetime(2026, 11, 24, 3, 0)
POLA = PolaPublik.dari_sel(pd.DataFrame(columns=["ukuran", "program", "waktu", "kode_desa", "segmen", "n"]), 5)


def _angka(baris: list[tuple[str, str, str]], target: int | None = None) -> AngkaLayar:
    """An event whose sign-ups are `baris` (programmes, funding, occupation), newest first."""
    df = pd.DataFrame(baris, columns=["program", "sumber_dana", "pekerjaan"])
    per_program: dict[str, int] = {}
    for p in df["program"]:
        for satu in p.split(", "):
            per_program[satu] = per_program.get(satu, 0) + 1
    df["waktu"] = [KINI - timedelta(minutes=3 * i) for i in range(len(df))]
    df["tanggal_daftar"] = HARI_INI
    return AngkaLayar("Festival", "33.26.12.2008", "Wonopringgo", "Wonopringgo", HARI_INI, HARI_INI, target,
                      ModeLayar.LANGSUNG, len(df), per_program, df["sumber_dana"].value_counts().to_dict(),
                      df["pekerjaan"].value_counts().to_dict(), 300, 120, 1400, df.head(6))


def test_the_first_sign_up_shows_as_one_and_its_programmes_stay_hidden():
    lp = layar_publik(_angka([("JHT, JKK, JKM", "apbdes", "Petani")], target=100), HARI_INI, POLA)
    assert lp.jumlah == 1 and lp.per_program == {"JKK": None, "JKM": None, "JHT": None}
    assert lp.persen_jht is None  # 1 of 1 chose JHT would give the hidden count back
    # The ticker says someone signed up, not which programmes, funding or occupation.
    assert [(e.program, e.sumber_dana, e.pekerjaan) for e in lp.ticker] == [((), None, None)]
    m = muatan_layar(lp, "id", 5, False, KINI, HARI_INI)
    assert m["jumlah"] == "1" and m["ticker"] == ["Pendaftar baru · baru saja"] and m["jht"] == "<5"
    assert [p["nilai"] for p in m["program"]] == ["<5", "<5", "<5"]


def test_with_the_exact_headline_turned_off_small_counts_hide_there_too():
    lp = layar_publik(_angka([("JKK, JKM", "mandiri", "Petani")] * 3, target=10), HARI_INI, POLA, angka_pasti=False)
    assert lp.jumlah is None and lp.tonggak == 0 and lp.kemajuan is None and lp.ticker == []
    m = muatan_layar(lp, "en", 5, True, KINI, HARI_INI)
    assert m["jumlah"] == "<5" and m["jumlah_label"] == "signed up (small numbers hidden)" and m["kemajuan"] is None


def test_the_ticker_names_only_what_the_stage_shows_as_a_count():
    baris = [("JKK, JKM", "mandiri", "Petani")] * 6 + [("JHT, JKK, JKM", "mandiri", "Nelayan")] * 2 + \
            [("JKK, JKM", "apbdes", "Pembatik rumahan")]
    lp = layar_publik(_angka(list(reversed(baris)), target=12), HARI_INI, POLA)
    assert lp.jumlah == 9 and lp.per_program == {"JKK": 9, "JKM": 9, "JHT": None}
    # APBDes (1) is small, and mandiri (8) would then be the total minus it: both unnamed. Nelayan (2)
    # and Pembatik (1) are small and together under 5, so Petani (6) goes unnamed too.
    assert {e.sumber_dana for e in lp.ticker} == {None} and {e.pekerjaan for e in lp.ticker} == {None}
    assert all("JHT" not in e.program for e in lp.ticker) and lp.ticker[0].program == ("JKK", "JKM")
    assert lp.tonggak == 75 and lp.kemajuan == pytest.approx(0.75)
    m = muatan_layar(lp, "id", 5, False, KINI, HARI_INI)
    assert m["ticker"][:2] == ["JKK, JKM · baru saja", "JKK, JKM · 3 menit lalu"]
    assert m["tonggak_teks"] == "75% target tercapai!" and m["target"] == "Target 12 pendaftar" and m["capaian"] == "75%"


def test_occupations_and_funding_are_named_once_enough_share_them():
    baris = [("JHT, JKK, JKM", "mandiri", "Petani")] * 6 + [("JKK, JKM", "apbdes", "Nelayan")] * 5
    lp = layar_publik(_angka(baris), HARI_INI, POLA)
    assert lp.per_program == {"JKK": 11, "JKM": 11, "JHT": 6} and lp.persen_jht == pytest.approx(600 / 11)
    assert (lp.ticker[0].program, lp.ticker[0].sumber_dana, lp.ticker[0].pekerjaan) == \
        (("JHT", "JKK", "JKM"), "mandiri", "Petani")
    m = muatan_layar(lp, "en", 5, False, KINI, HARI_INI)
    assert m["ticker"][0] == "JHT, JKK, JKM · Self-paid · Farmer · just now"
    assert muatan_layar(lp, "id", 5, False, KINI, HARI_INI)["ticker"][0] == \
        "JHT, JKK, JKM · Mandiri (dibayar sendiri) · Petani · baru saja"
    assert m["target"] == "" and m["tonggak"] == 0 and m["jht"] == "55%"


def test_a_ticker_mixing_form_and_imported_sign_ups():
    a = _angka([("JKK, JKM", "mandiri", "Petani")] * 6)
    a.terbaru["waktu"] = pd.Series([KINI, pd.NaT, KINI, None, KINI, pd.NaT])  # as a datetime column holds None
    m = muatan_layar(layar_publik(a, HARI_INI, POLA), "id", 5, False, KINI, HARI_INI)
    assert [s.rsplit(" · ", 1)[1] for s in m["ticker"]] == ["baru saja", "hari ini"] * 3


def test_hostile_text_stays_text():
    lp = layar_publik(replace(_angka([]), nama_kegiatan="</script><script>alert(1)</script>"), HARI_INI, POLA)
    assert muatan_layar(lp, "id", 5, False, KINI, HARI_INI)["judul"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize("jumlah,target,harapan", [(0, 100, 0), (24, 100, 0), (25, 100, 25), (49, 100, 25),
                                                   (50, 100, 50), (99, 100, 75), (100, 100, 100), (180, 100, 100),
                                                   (1, 3, 25), (3, 3, 100), (40, None, 0), (40, 0, 0)])
def test_each_quarter_of_the_goal(jumlah, target, harapan):
    assert tonggak(jumlah, target) == harapan


def test_an_unknown_scene_reads_as_live():
    assert mode_layar(None) == mode_layar("pesta") == ModeLayar.LANGSUNG and mode_layar("penutup") == ModeLayar.PENUTUP


@pytest.mark.parametrize("menit,tanggal,harapan", [(0.5, HARI_INI, "baru saja"), (12, HARI_INI, "12 menit lalu"),
                                                   (125, HARI_INI, "2 jam lalu"), (None, HARI_INI, "hari ini"),
                                                   (None, date(2026, 11, 23), "kemarin"),
                                                   (None, date(2026, 11, 20), "4 hari lalu"),
                                                   (None, date(2019, 8, 20), "20 Agustus 2019")])
def test_how_long_ago(menit, tanggal, harapan):
    waktu = None if menit is None else KINI - timedelta(minutes=menit)
    assert berapa_lama(waktu, tanggal, KINI, HARI_INI, "id") == harapan
