"""The briefing deck, read back with python-pptx: slides, Indonesian numbers, suppression, demo label."""

import io

from pptx import Presentation

from data_access.deck import IsiBriefing, buat_deck
from data_access.desa_sadar import status_desa
from data_access.kegiatan import hasil_kegiatan
from data_access.ringkasan import ringkasan_halaman, tanggal_data
from domain import format as fmt
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan
from tests.conftest import HARI_INI_UJI


def _deck(engine, kode: str, ambang: int, segmen: str | None = None):
    s = Saringan(kode, periode_dari_kunci("2025", HARI_INI_UJI), None, segmen)
    halaman = ringkasan_halaman(engine, s)
    isi = IsiBriefing("Kabupaten Pekalongan" if kode == "33.26" else kode, "Tahun 2025", tanggal_data(engine), "id",
                      ambang, "Data contoh (sintetis)", halaman, hasil_kegiatan(engine, s, HARI_INI_UJI),
                      status_desa(engine, kode, HARI_INI_UJI))
    return Presentation(io.BytesIO(buat_deck(isi))), halaman


def _teks(slide) -> list[str]:
    return [b.text_frame.text for b in slide.shapes if b.has_text_frame]


def test_the_deck_reads_back_with_every_slide_labelled(engine_demo):
    deck, halaman = _deck(engine_demo, "33.26", ambang=1)
    assert len(deck.slides) == 6
    judul = _teks(deck.slides[0])
    assert "Kabupaten Pekalongan" in judul and "Data contoh (sintetis)" in judul
    assert any(x.startswith("Tahun 2025 · Data per ") and x.endswith("2026") for x in judul)
    for slide in list(deck.slides)[1:]:
        assert any(x.startswith("Data contoh (sintetis) · Kabupaten Pekalongan") for x in _teks(slide))
    assert fmt.angka(halaman.angka.peserta_aktif) in _teks(deck.slides[1])  # 1.234.567 style
    grafik = [b.chart for b in deck.slides[2].shapes if b.has_chart]
    per_program = dict(zip(halaman.per_program["program"], halaman.per_program["peserta_aktif"], strict=True))
    assert dict(zip(grafik[0].plots[0].categories, grafik[0].plots[0].series[0].values, strict=True)) == per_program
    tren = [b.chart for b in deck.slides[3].shapes if b.has_chart][0]
    assert list(tren.plots[0].series[0].values) == halaman.tren["peserta_aktif"].tolist()
    tabel = [b.table for b in deck.slides[4].shapes if b.has_table][0]
    assert tabel.cell(0, 0).text == "Kegiatan" and 1 < len(tabel.rows) <= 13
    assert [b.table for b in deck.slides[5].shapes if b.has_table][0].cell(0, 2).text == "Status"


def test_the_public_deck_hides_small_counts(engine_demo):
    deck, halaman = _deck(engine_demo, "33.26.04.2001", ambang=5, segmen="PMI")
    assert 1 <= halaman.angka.peserta_aktif <= 4
    assert "<5" in _teks(deck.slides[1])
    grafik = [b.chart for b in deck.slides[2].shapes if b.has_chart]
    assert all(v >= 5 for g in grafik for v in g.plots[0].series[0].values)
    if len(grafik) < 2:  # a chart whose bars are all small counts becomes a sentence
        assert any("Angka di bawah 5 disembunyikan" in x for x in _teks(deck.slides[2]))
