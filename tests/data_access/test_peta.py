"""The map's numbers on both engines: they add up to the overview's, and the village story is complete."""

from datetime import date

import numpy as np
import pytest

from data_access import peta, ringkasan
from data_access.publik import hitungan_sel, pola_publik
from domain.publik import TREN_AKTIF, UKURAN_POLA, PolaPublik
from data_access.demo import DESA_WONOPRINGGO
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan
from tampilan.publik import nilai_peta
from tests.conftest import HARI_INI_UJI


def _s(kode="33.26", periode="2025", program=None, segmen=None):
    return Saringan(kode, periode_dari_kunci(periode, HARI_INI_UJI), program, segmen)


@pytest.mark.parametrize("program,segmen", [(None, None), ("JHT", None), (None, "BPU")])
def test_village_values_add_up_to_the_overview(engine_demo, program, segmen):
    s = _s(program=program, segmen=segmen)
    desa = peta.nilai_desa(engine_demo, s)
    angka = ringkasan.ringkasan_halaman(engine_demo, s).angka
    assert len(desa) == 285
    assert desa["aktif"].sum() == angka.peserta_aktif
    assert desa["baru"].sum() == angka.pendaftaran_baru
    assert desa["bpu_aktif"].sum() == angka.bpu_aktif_jkk_jkm
    assert desa["pekerja_informal"].sum() == angka.pekerja_informal


def test_status_is_the_latest_on_the_periods_last_day(engine_demo):
    assert peta.nilai_desa(engine_demo, _s(periode="2019"))["status"][DESA_WONOPRINGGO] == "dicanangkan"
    assert peta.nilai_desa(engine_demo, _s(periode="2025"))["status"][DESA_WONOPRINGGO] == "ditetapkan"
    assert peta.nilai_desa(engine_demo, _s(periode="2019-K1"))["status"].isna().all()


def test_the_story_of_wonopringgo(engine_demo):
    cerita = peta.cerita_desa(engine_demo, DESA_WONOPRINGGO, _s(DESA_WONOPRINGGO, "2019"))
    assert (cerita.nama, cerita.nama_kec) == ("Wonopringgo", "Wonopringgo")
    assert cerita.status["status"].tolist()[:2] == ["dicanangkan", "ditetapkan"]
    assert cerita.status["tanggal"].iloc[0] == date(2019, 9, 3)
    festival = cerita.kegiatan[cerita.kegiatan["nama"].str.startswith("Festival Nasi Goreng")]
    assert festival["jumlah_hadir"].iloc[0] == 5_000 and festival["pendaftar"].iloc[0] == 100
    assert cerita.ringkasan.angka.peserta_aktif > 0
    assert peta.cerita_desa(engine_demo, "33.26.99.9999", _s()) is None


def test_public_values_hide_small_counts_and_their_percentages(engine_demo):
    s = _s(periode="2019-K1", segmen="BPU")
    desa = peta.nilai_desa(engine_demo, s)
    pola = pola_publik(engine_demo, "33.26", s.periode, 5)
    for ukuran in ("aktif", "cakupan", "target"):
        aman = nilai_peta(desa, ukuran, s, pola)
        kecil = desa["bpu_aktif" if ukuran != "aktif" else "aktif"].between(1, 4)
        assert kecil.any()
        assert aman.loc[kecil, "nilai"].isna().all() and aman.loc[kecil, "tersembunyi"].all()
        assert aman.loc[aman["tersembunyi"], "nilai"].isna().all()
        # Complementary hides: no kecamatan total, nor the region's, gives a hidden village back.
        jumlah = desa["bpu_aktif" if ukuran != "aktif" else "aktif"]
        w = f"{s.periode.selesai.isoformat()}" if ukuran == "aktif" else ""
        program = None if ukuran == "aktif" else "JKK"
        for induk, grup in [*aman.groupby(aman.index.str[:8]), ("33.26", aman)]:
            sembunyi = grup["tersembunyi"]
            total = int(jumlah[grup.index].sum())
            if pola.nilai(total, "aktif", program, w or s.periode.selesai.isoformat(), induk, "BPU") is None:
                continue  # the total is hidden too: nothing to subtract from
            if sembunyi.any() and not sembunyi.all():
                hilang = jumlah[sembunyi[sembunyi].index]
                assert len(hilang) >= 2 and hilang.sum() >= 5


def test_the_pattern_hides_the_same_cells_whatever_order_the_database_returns_them_in(engine_demo):
    """Built once a minute from grouped queries, whose rows come back in no fixed order: two builds
    that hid different complementary cells would, read together, give the hidden counts back."""
    periode = periode_dari_kunci("ytd", HARI_INI_UJI)
    sel = pola_publik(engine_demo, "33.26", periode, 5).hitungan

    def tersembunyi(urutan) -> dict:
        pola = PolaPublik.dari_sel(sel.iloc[urutan].reset_index(drop=True), 5)
        for u, p, w in sel[["ukuran", "program", "waktu"]].drop_duplicates().itertuples(index=False):
            pola.tersembunyi(u, p, w, "33.26", None)
        return pola._subsistem

    asal = tersembunyi(np.arange(len(sel)))
    assert sum(len(h) for h in asal.values()) > 100  # complementary cells to choose between
    for benih in range(3):
        acak = tersembunyi(np.random.default_rng(benih).permutation(len(sel)))
        assert [k for k in asal if acak[k] != asal[k]] == []


def test_a_map_counts_only_the_measure_it_shows_and_hides_what_the_whole_pattern_hides(engine_demo):
    """A measure's cells are counted when a page first shows one of its numbers; the cells each
    measure hides are those a pattern of every measure counted at once hides."""
    s = _s(periode="ytd")
    pola = pola_publik(engine_demo, "33.26", s.periode, 5)
    nilai_peta(peta.nilai_desa(engine_demo, s), "cakupan", s, pola)
    assert set(pola._kelompok) == {"aktif"}  # the period's own days: not the trend's month ends
    utuh = PolaPublik.dari_sel(hitungan_sel(engine_demo, "33", s.periode), 5)
    sel = utuh.hitungan
    assert set(sel["ukuran"]) == set(UKURAN_POLA)
    for u, p, w in sel[["ukuran", "program", "waktu"]].drop_duplicates().itertuples(index=False):
        for kode in ("33.26", "33.26.01"):
            assert pola.tersembunyi(u, p, w, kode, None) == utuh.tersembunyi(u, p, w, kode, None)
    assert set(pola._kelompok) == {*UKURAN_POLA, TREN_AKTIF}
    assert pola._subsistem == utuh._subsistem
    assert sum(len(h) for h in pola._subsistem.values()) > 100
