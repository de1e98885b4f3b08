"""Active means paid where payment exports speak: lapses and returns on constructed histories, on
both engines, and the active count against a direct count from the payments."""

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import iuran, masa_aktif
from benchmarks.naif import pulau_semua
from data_access.__main__ import main
from data_access.db import baca, tulis
from data_access.pendaftaran import daftarkan
from domain.iuran import DefinisiAktif
from domain.pendaftaran import Pendaftaran
from domain.periode import Periode
from domain.saringan import Saringan
from tests.conftest import HARI_INI_UJI
from tests.data_access.test_db import _wilayah

TERBUKA = date(9999, 12, 31)
HARI_INI = date(2026, 11, 24)


def _peserta(k, kunci: str, daftar: date, dana: str = "mandiri", segmen: str = "BPU",
             berakhir: date | None = None, kab_desa: str = "33.26.10.2001") -> int:
    pid = k.execute(sa.text("""
        INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, sumber_dana, kanal, tanggal_daftar, sumber)
        VALUES (:kunci, :segmen, :desa, :dana, 'acara', :daftar, 'uji') RETURNING id"""),
        {"kunci": kunci, "segmen": segmen, "desa": kab_desa, "dana": dana, "daftar": daftar}).scalar_one()
    for program in ("JKK", "JKM"):
        k.execute(sa.text("""
            INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai, tanggal_berakhir,
                                     iuran_bulanan) VALUES (:pid, :segmen, :desa, :program, :mulai, :berakhir, 8400)"""),
            {"pid": pid, "segmen": segmen, "desa": kab_desa, "program": program, "mulai": daftar, "berakhir": berakhir})
    return pid


def _bayar(pid: int, bulan: list[str], dibayar: str | None = None, pembayar: str | None = None) -> pd.DataFrame:
    return pd.DataFrame({"peserta_id": pid, "bulan": [date.fromisoformat(b + "-01") for b in bulan],
                         "jumlah": 16_800, "tanggal_bayar": [date.fromisoformat(dibayar or b + "-10") for b in bulan],
                         "pembayar": pembayar})


def _pulau(engine, pid, program="SEMUA"):
    df = baca(engine, """SELECT tanggal_mulai, tanggal_berakhir FROM masa_aktif
                         WHERE peserta_id = :pid AND program = :program ORDER BY tanggal_mulai""",
              pid=pid, program=program)
    return [(a, None if b == TERBUKA else b) for a, b in df.itertuples(index=False)]


def _bulan(awal: str, akhir: str) -> list[str]:
    return [d.strftime("%Y-%m") for d in pd.date_range(awal + "-01", akhir + "-01", freq="MS")]


@pytest.fixture
def riwayat(engine_kosong):
    """Constructed histories, the export current to November 2026, grace one month."""
    _wilayah(engine_kosong)

    def isi(k):
        pid = {
            "celah": _peserta(k, "celah", date(2026, 1, 15)),
            "henti": _peserta(k, "henti", date(2026, 1, 5)),
            "kembali": _peserta(k, "kembali", date(2025, 6, 3)),
            "sponsor": _peserta(k, "sponsor", date(2025, 9, 1), dana="apbdes", berakhir=date(2026, 9, 1)),
            "di_muka": _peserta(k, "di_muka", date(2026, 6, 2)),
            "baru": _peserta(k, "baru", date(2026, 11, 20)),
        }
        semua = pd.concat([
            _bayar(pid["celah"], [*_bulan("2026-01", "2026-04"), *_bulan("2026-06", "2026-11")]),  # May missed
            _bayar(pid["henti"], _bulan("2026-01", "2026-07")),  # last paid July
            _bayar(pid["kembali"], [*_bulan("2025-06", "2025-09"), *_bulan("2026-03", "2026-11")]),
            _bayar(pid["sponsor"], _bulan("2025-09", "2026-08"), pembayar="apbdes"),
            _bayar(pid["di_muka"], _bulan("2026-06", "2027-02"), dibayar="2026-06-02"),  # paid ahead in June
        ])
        iuran.simpan(k, semua, HARI_INI, "uji")
        return pid

    return engine_kosong, tulis(engine_kosong, isi)


def test_a_missed_month_inside_the_grace_period_is_no_lapse(riwayat):
    engine, pid = riwayat
    assert _pulau(engine, pid["celah"]) == [(date(2026, 1, 15), None)]


def test_a_participant_who_stops_paying_lapses_when_the_grace_period_runs_out(riwayat):
    engine, pid = riwayat
    # Paid through July; August is the grace month; lapsed from 1 September.
    assert _pulau(engine, pid["henti"]) == [(date(2026, 1, 5), date(2026, 9, 1))]
    assert _pulau(engine, pid["henti"], "JKK") == [(date(2026, 1, 5), date(2026, 9, 1))]


def test_a_returning_payer_has_two_islands(riwayat):
    engine, pid = riwayat
    assert _pulau(engine, pid["kembali"]) == [(date(2025, 6, 3), date(2025, 11, 1)), (date(2026, 3, 1), None)]


def test_a_sponsored_term_ends_with_its_enrolment(riwayat):
    engine, pid = riwayat
    assert _pulau(engine, pid["sponsor"]) == [(date(2025, 9, 1), date(2026, 9, 1))]


def test_paying_three_months_ahead_keeps_a_participant_active(riwayat):
    engine, pid = riwayat
    assert _pulau(engine, pid["di_muka"]) == [(date(2026, 6, 2), None)]


def test_a_newcomer_without_a_recorded_payment_is_in_the_grace_period(riwayat):
    engine, pid = riwayat
    assert _pulau(engine, pid["baru"]) == [(date(2026, 11, 20), None)]


def test_the_coverage_follows_the_export(riwayat):
    engine, _ = riwayat
    cak = baca(engine, "SELECT kode_kabupaten, segmen, bulan_awal, bulan_data FROM cakupan_iuran")
    assert cak.to_dict("records") == [{"kode_kabupaten": "33.26", "segmen": "BPU", "bulan_awal": date(2025, 6, 1),
                                       "bulan_data": date(2026, 11, 1)}]
    assert iuran.definisi_aktif(engine, "33.26.10", None) == DefinisiAktif(
        1, (("BPU", date(2025, 6, 1), date(2026, 11, 1)),))
    assert iuran.definisi_aktif(engine, "33.26.10", "PU").cakupan == ()
    assert iuran.definisi_aktif(engine, "33.27", None).cakupan == ()


def test_a_longer_grace_period_joins_the_gap_and_delays_the_lapse(riwayat):
    engine, pid = riwayat
    tulis(engine, lambda k: masa_aktif.atur_masa_tenggang(k, 3))
    # Paid through July; grace August to October; lapsed from 1 November, the export's own month.
    assert _pulau(engine, pid["henti"]) == [(date(2026, 1, 5), date(2026, 11, 1))]
    assert _pulau(engine, pid["kembali"]) == [(date(2025, 6, 3), date(2026, 1, 1)), (date(2026, 3, 1), None)]
    tulis(engine, lambda k: masa_aktif.atur_masa_tenggang(k, 1))
    assert _pulau(engine, pid["henti"]) == [(date(2026, 1, 5), date(2026, 9, 1))]


def test_a_rebuild_equals_the_upkeep_on_write(riwayat):
    engine, _ = riwayat
    sebelum = baca(engine, "SELECT * FROM masa_aktif ORDER BY peserta_id, program, tanggal_mulai")
    tulis(engine, masa_aktif.bangun_ulang)
    sesudah = baca(engine, "SELECT * FROM masa_aktif ORDER BY peserta_id, program, tanggal_mulai")
    pd.testing.assert_frame_equal(sebelum, sesudah)


def test_a_corrected_payment_updates_and_the_same_file_twice_adds_nothing(riwayat):
    engine, pid = riwayat
    ulang = _bayar(pid["henti"], _bulan("2026-01", "2026-08"))
    hasil = tulis(engine, lambda k: iuran.simpan(k, ulang, HARI_INI, "uji"))
    assert hasil == {"baru": 1, "diperbarui": 0, "sama": 7}
    assert _pulau(engine, pid["henti"]) == [(date(2026, 1, 5), date(2026, 10, 1))]
    lagi = tulis(engine, lambda k: iuran.simpan(k, ulang.assign(jumlah=36_800), HARI_INI, "uji"))
    assert lagi == {"baru": 0, "diperbarui": 8, "sama": 0}
    assert baca(engine, "SELECT count(*) AS n FROM iuran")["n"].iloc[0] == 4 + 6 + 8 + 4 + 9 + 12 + 9 - 7 + 8 - 1


def test_money_lapses_and_returns_per_month_match_a_hand_count(riwayat):
    """The constructed histories over 2026, counted by hand: 16.800 a month each; billed for every
    month a participant counts as active, paid as recorded."""
    engine, _ = riwayat
    s = Saringan("33.26", Periode("2026", date(2026, 1, 1), HARI_INI))
    b = iuran.bulanan(engine, s)
    per_bulan = b.groupby("bulan")[["ditagih", "dibayar", "berhenti", "kembali", "aktif_awal"]].sum()
    assert [int(v) // 16_800 for v in per_bulan["ditagih"]] == [3, 3, 4, 4, 4, 5, 5, 5, 3, 3, 4]
    assert [int(v) // 16_800 for v in per_bulan["dibayar"]] == [3, 3, 4, 4, 3, 5, 5, 4, 3, 3, 3]
    assert per_bulan.loc[date(2026, 9, 1), "berhenti"] == 2 and per_bulan["berhenti"].sum() == 2
    assert per_bulan.loc[date(2026, 3, 1), "kembali"] == 1 and per_bulan["kembali"].sum() == 1
    assert per_bulan.loc[date(2026, 9, 1), "aktif_awal"] == 5
    dana = b.groupby("sumber_dana")[["ditagih", "dibayar", "berhenti", "kembali"]].sum()
    assert dana.loc["apbdes"].tolist() == [134_400, 134_400, 1, 0]
    assert dana.loc["mandiri"].tolist() == [588_000, 537_600, 1, 1]
    assert iuran.bulanan(engine, Saringan("33.26", s.periode, segmen="PU")).empty  # no PU export


def test_a_registration_records_its_first_month_without_claiming_the_regency(engine_kosong):
    _wilayah(engine_kosong)
    isian = Pendaftaran(nik="3326124305855002", kode_desa="33.26.10.2001", segmen="BPU", program=frozenset({"JKK", "JKM"}),
                        sumber_dana="mandiri", pekerjaan="Petani", jenis_kelamin="P", tahun_lahir=1985)
    pid = daftarkan(engine_kosong, isian, b"kunci-uji-pendaftaran-panjang", HARI_INI)
    tercatat = baca(engine_kosong, "SELECT peserta_id, bulan, jumlah, tanggal_bayar, pembayar FROM iuran")
    assert tercatat.to_dict("records") == [{"peserta_id": pid, "bulan": date(2026, 11, 1), "jumlah": 16_800,
                                            "tanggal_bayar": HARI_INI, "pembayar": "mandiri"}]
    assert baca(engine_kosong, "SELECT count(*) AS n FROM cakupan_iuran")["n"].iloc[0] == 0
    assert _pulau(engine_kosong, pid) == [(HARI_INI, None)]


@pytest.mark.parametrize("s", [
    Saringan("33.26", Periode("2026", date(2026, 1, 1), HARI_INI)),
    Saringan("33.26.10", Periode("x", date(2024, 7, 1), date(2025, 3, 31)), segmen="BPU"),
])
def test_the_map_s_village_money_equals_the_monthly_figures_summed(engine_demo, s):
    per_desa = iuran.per_desa(engine_demo, s)
    bulanan = iuran.bulanan(engine_demo, s, "kode_desa")
    uang = ["ditagih", "dibayar", "peserta_bayar", "berhenti", "kembali"]
    harapan = bulanan.groupby("kode_desa")[uang].sum()
    harapan["aktif_awal_iuran"] = bulanan.sort_values("bulan").groupby("kode_desa")["aktif_awal"].first()
    assert len(harapan) > 10
    assert set(map(str, per_desa.dtypes)) == {"int64"}  # PostgreSQL sums are numeric unless cast
    pd.testing.assert_frame_equal(per_desa.reindex(harapan.index).astype("int64"), harapan.astype("int64"),
                                  check_names=False)
    # The public pattern's inputs: per village, segment and funding source, the same sums again, both
    # by funding source (the money section's table) and by village and segment (its months).
    rinci = iuran.per_desa(engine_demo, s, per_segmen_dana=True)
    per_dana = iuran.bulanan(engine_demo, s).groupby("sumber_dana")[uang].sum()
    pd.testing.assert_frame_equal(rinci.groupby("sumber_dana")[uang].sum().astype("int64"),
                                  per_dana.astype("int64"), check_like=True)
    per_bulan = iuran.bulanan(engine_demo, s, "kode_desa", per_segmen=True).groupby(["kode_desa", "segmen"])[uang].sum()
    pd.testing.assert_frame_equal(rinci.groupby(["kode_desa", "segmen"])[uang].sum().astype("int64"),
                                  per_bulan.astype("int64"))


def test_demo_payments_leave_about_a_third_of_those_ever_registered_non_active(engine_demo):
    """Calibration (domain brief §2): nationally about a third of registered participants are
    non-active. Active means paid where the demo's exports speak (its BPU segment)."""
    n = baca(engine_demo, """
        SELECT (SELECT count(*) FROM peserta) AS semua,
               (SELECT count(DISTINCT peserta_id) FROM masa_aktif WHERE program = 'SEMUA'
                  AND tanggal_mulai <= :hari AND tanggal_berakhir > :hari) AS aktif""", hari=HARI_INI_UJI)
    nonaktif = 1 - n["aktif"].iloc[0] / n["semua"].iloc[0]
    assert 0.27 <= nonaktif <= 0.38, nonaktif
    assert baca(engine_demo, "SELECT count(*) AS n FROM iuran WHERE sumber <> 'demo'")["n"].iloc[0] == 0


def test_the_work_list_counts_lapses_and_terms_ending_per_village(riwayat):
    engine, _ = riwayat

    def sponsor_baru(k):
        pid = _peserta(k, "sponsor-2", date(2026, 2, 3), dana="apbdes")
        iuran.simpan(k, _bayar(pid, _bulan("2026-02", "2027-01"), dibayar="2026-02-03", pembayar="apbdes"),
                     HARI_INI, "uji")

    tulis(engine, sponsor_baru)
    daftar = iuran.daftar_kerja(engine, "33.26", HARI_INI)
    # Lapsed on 1 September (the self-payer who stopped in July, and the sponsored term that ended):
    # inside the last three months, not the last one. The new sponsored term is paid to January.
    assert daftar.drop(columns=["nama_desa", "nama_kec"]).to_dict("records") == [{
        "kode_desa": "33.26.10.2001", "berhenti_1": 0, "berhenti_3": 2, "akhir_1": 0, "akhir_3": 1, "orang": 3,
        "taruhan": 3 * 16_800}]
    assert iuran.daftar_kerja(engine, "33.26", HARI_INI, segmen="PU").empty
    assert "kunci" not in " ".join(daftar.columns) and "peserta_id" not in daftar.columns


def test_the_grace_period_command_rebuilds_the_active_periods(riwayat, capsys):
    engine, pid = riwayat
    url = engine.url.render_as_string(hide_password=False)
    engine.dispose()  # DuckDB: one process holds the file; the command opens it itself
    assert main(["tenggang", "3", "--database", url]) == 0
    assert "Masa tenggang 3 bulan berlaku" in capsys.readouterr().out
    assert _pulau(engine, pid["henti"]) == [(date(2026, 1, 5), date(2026, 11, 1))]


def _rekap_iuran(engine) -> pd.DataFrame:
    return baca(engine, """
        SELECT segmen, kode_desa, sumber_dana, bulan, sum(tagihan) AS tagihan, sum(dibayar) AS dibayar,
               sum(peserta_bayar) AS peserta_bayar, sum(mulai) AS mulai, sum(berhenti) AS berhenti,
               sum(kembali) AS kembali
        FROM rekap_iuran GROUP BY 1, 2, 3, 4
        HAVING sum(tagihan) <> 0 OR sum(dibayar) <> 0 OR sum(mulai) <> 0 OR sum(berhenti) <> 0
        ORDER BY 1, 2, 3, 4""")


def test_the_money_rollup_kept_on_write_equals_a_rebuild(riwayat):
    """Payments imported, a registration appended, a correction: the rollup folds to a rebuild's."""
    engine, pid = riwayat
    isian = Pendaftaran(nik="3326124305855002", kode_desa="33.26.10.2001", segmen="BPU",
                        program=frozenset({"JKK", "JKM", "JHT"}), sumber_dana="mandiri", pekerjaan="Petani",
                        jenis_kelamin="P", tahun_lahir=1985)
    daftarkan(engine, isian, b"kunci-uji-pendaftaran-panjang", HARI_INI)
    tulis(engine, lambda k: iuran.simpan(k, _bayar(pid["henti"], ["2026-08"]), HARI_INI, "uji"))
    sebelum = _rekap_iuran(engine)
    tulis(engine, masa_aktif.bangun_ulang)
    pd.testing.assert_frame_equal(sebelum, _rekap_iuran(engine))


@pytest.mark.parametrize("s", [
    Saringan("33.26", Periode("ytd", date(2026, 1, 1), HARI_INI_UJI)),
    Saringan("33.26.10", Periode("2025", date(2025, 1, 1), date(2025, 12, 31)), segmen="BPU"),
    Saringan("33.26.12.2008", Periode("12b", date(2025, 11, 25), HARI_INI_UJI)),
    Saringan("33.26", Periode("2021", date(2021, 1, 1), date(2021, 12, 31)), segmen="PU"),
])
def test_money_from_the_rollup_equals_an_independent_count(engine_demo, naif_demo, s):
    """Billed, paid and returning payers over a period, from the rollup kept on write, against
    pandas over the raw payments and enrolments (benchmarks.naif)."""
    bulanan = iuran.bulanan(engine_demo, s)
    harapan = naif_demo.uang(s)
    if harapan is None:
        assert bulanan.empty
        return
    assert (int(bulanan["ditagih"].sum()), int(bulanan["dibayar"].sum()), int(bulanan["peserta_bayar"].sum()),
            int(bulanan["kembali"].sum())) == (harapan["ditagih"], harapan["dibayar"], harapan["bayar"],
                                               harapan["kembali"])


def test_the_work_list_equals_an_independent_count(engine_demo, naif_demo):
    """Per village, from pandas over the oracle's runs of active months and the raw payments: BPU
    participants lapsed in the last 1 and 3 months and not active today, and sponsored terms paid
    up to a month ending in the next 1 and 3 months."""
    hari = pd.Timestamp(HARI_INI_UJI)
    p = naif_demo.p[naif_demo.p["segmen"] == "BPU"].set_index("id")
    pulau = pulau_semua(naif_demo.k[naif_demo.k["peserta_id"].isin(p.index)])
    aktif = set(pulau.loc[(pulau["mulai"] <= hari) & (pulau["akhir"].isna() | (pulau["akhir"] > hari)), "peserta_id"])
    selesai = pulau[pulau["akhir"].notna() & (pulau["akhir"] <= hari) & ~pulau["peserta_id"].isin(aktif)]
    terakhir = selesai.groupby("peserta_id")["akhir"].max()
    henti3 = terakhir[terakhir > hari - pd.DateOffset(months=3)]
    henti1 = henti3[henti3 > hari - pd.DateOffset(months=1)]
    bayar = naif_demo.iuran[naif_demo.iuran["pembayar"].isin(iuran.DANA_SPONSOR)]
    akhir_bayar = pd.to_datetime(bayar.groupby("peserta_id")["bulan"].max()) + pd.DateOffset(months=1)
    sponsor = p[p["sumber_dana"].isin(iuran.DANA_SPONSOR) & p.index.isin(aktif)].index
    akhir = akhir_bayar.reindex(sponsor).dropna()  # the demo's sponsored enrolments are open
    akhir3 = akhir[(akhir > hari) & (akhir <= hari + pd.DateOffset(months=3))]
    akhir1 = akhir3[akhir3 <= hari + pd.DateOffset(months=1)]
    harapan = pd.DataFrame({n: p["kode_desa"].reindex(s.index).value_counts() for n, s in
                            (("berhenti_1", henti1), ("berhenti_3", henti3), ("akhir_1", akhir1), ("akhir_3", akhir3))})
    harapan = harapan.fillna(0).astype("int64").sort_index()
    daftar = iuran.daftar_kerja(engine_demo, "33.26", HARI_INI_UJI).set_index("kode_desa").sort_index()
    assert len(daftar) > 50
    pd.testing.assert_frame_equal(daftar[harapan.columns].astype("int64"), harapan, check_names=False)
