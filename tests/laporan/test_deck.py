"""The briefing, read back: the deck with python-pptx, the PDF rendered to PNG pages with pdfium and its
text extracted. Slides, Indonesian numbers, suppression, the map's colours, the demo label."""

import io
from pathlib import Path

import pypdfium2
from PIL import Image
from pptx import Presentation

from laporan.briefing import IsiBriefing
from laporan.pdf import buat_pdf
from laporan.deck import buat_deck
from data_access.peta import gambar_peta_briefing, nilai_desa
from data_access.publik import pola_publik
from data_access.ringkasan import tanggal_data
from laporan.susun import susun_briefing
from tampilan.publik import nilai_peta
from tampilan import format as fmt
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan
from geo.peta import PALET, WARNA_STATUS, WARNA_TANPA_DATA
from tests.conftest import HARI_INI_UJI

FOLDER_GAMBAR = Path(__file__).resolve().parents[1] / "browser" / "screenshots"


def _isi(engine, batas, kode: str, ambang: int, segmen: str | None = None) -> IsiBriefing:
    s = Saringan(kode, periode_dari_kunci("2025", HARI_INI_UJI), None, segmen)
    return susun_briefing(engine, batas, s, HARI_INI_UJI, "Kabupaten Pekalongan" if kode == "33.26" else kode,
                          "Tahun 2025", "id", ambang, "Data contoh (sintetis)")


def _deck(engine, batas, kode: str, ambang: int, segmen: str | None = None):
    isi = _isi(engine, batas, kode, ambang, segmen)
    return Presentation(io.BytesIO(buat_deck(isi))), isi.halaman


def _warna(heks: str) -> tuple[int, int, int]:
    return tuple(int(heks[i:i + 2], 16) for i in (1, 3, 5))


def _piksel(gambar: Image.Image, heks: str) -> int:
    """Pixels of exactly this colour (the map is drawn without smoothing inside polygons)."""
    return sum(n for n, warna in gambar.convert("RGB").getcolors(maxcolors=1 << 20) if warna == _warna(heks))


def _teks(slide) -> list[str]:
    return [b.text_frame.text for b in slide.shapes if b.has_text_frame]


def test_the_deck_reads_back_with_every_slide_labelled(engine_demo, batas):
    deck, halaman = _deck(engine_demo, batas, "33.26", ambang=1)
    assert len(deck.slides) == 7
    judul = _teks(deck.slides[0])
    assert "Kabupaten Pekalongan" in judul and "Data contoh (sintetis)" in judul
    data_per = fmt.tanggal(tanggal_data(engine_demo))  # the newest date in the data, as of the pinned day
    assert any(x == f"Tahun 2025 · Data per {data_per}" for x in judul), judul
    for slide in list(deck.slides)[1:]:
        assert any(x.startswith("Data contoh (sintetis) · Kabupaten Pekalongan") for x in _teks(slide))
    assert fmt.angka(halaman.angka.peserta_aktif) in _teks(deck.slides[1])  # 1.234.567 style
    grafik = [b.chart for b in deck.slides[2].shapes if b.has_chart]
    per_program = dict(zip(halaman.per_program["program"], halaman.per_program["peserta_aktif"], strict=True))
    assert dict(zip(grafik[0].plots[0].categories, grafik[0].plots[0].series[0].values, strict=True)) == per_program
    tren = [b.chart for b in deck.slides[3].shapes if b.has_chart][0]
    assert list(tren.plots[0].series[0].values) == halaman.tren["peserta_aktif"].tolist()
    gambar = [b for b in deck.slides[4].shapes if b.shape_type == 13]  # PICTURE
    assert "Peta cakupan BPU" in _teks(deck.slides[4]) and len(gambar) == 1
    peta = Image.open(io.BytesIO(gambar[0].image.blob))
    assert sum(_piksel(peta, w) for w in PALET) > 100_000  # the villages are coloured, not an empty frame
    tabel = [b.table for b in deck.slides[5].shapes if b.has_table][0]
    assert tabel.cell(0, 0).text == "Kegiatan" and 1 < len(tabel.rows) <= 13
    assert [b.table for b in deck.slides[6].shapes if b.has_table][0].cell(0, 2).text == "Status"


def test_the_public_deck_hides_small_counts(engine_demo, naif_demo, batas):
    periode = periode_dari_kunci("2025", HARI_INI_UJI)
    kecil = naif_demo.kecil_per_desa_segmen(periode.selesai, 5)
    assert not kecil.empty, "the demo data must hold a village segment with 1 to 4 active participants"
    desa, segmen, n = kecil.iloc[0]
    deck, halaman = _deck(engine_demo, batas, desa, ambang=5, segmen=segmen)
    assert 0 < n < 5 and halaman.angka.peserta_aktif is None  # the small count itself never reaches the deck
    assert fmt.TANDA_TERSEMBUNYI in _teks(deck.slides[1])
    grafik = [b.chart for b in deck.slides[2].shapes if b.has_chart]
    assert all(v >= 5 for g in grafik for v in g.plots[0].series[0].values)
    # A chart whose bars are all hidden becomes a sentence; the programme chart of a village segment
    # with fewer than five participants always does.
    ada_grafik = [not halaman.per_program.empty, not halaman.per_segmen.empty]
    assert not ada_grafik[0] and len(grafik) == sum(ada_grafik)
    assert any("Angka di bawah 5" in x for x in _teks(deck.slides[2]))


def test_the_map_uses_the_interactive_maps_colours_and_hides_what_it_hides(engine_demo, batas):
    """Leadership sees every village coloured; the public map greys out the small counts instead."""
    s = Saringan("33.26", periode_dari_kunci("2025", HARI_INI_UJI), None, None)
    desa = nilai_desa(engine_demo, s)

    def gambar(k: int) -> Image.Image:
        nilai = nilai_peta(desa, "cakupan", s, pola_publik(engine_demo, "33.26", s.periode, k))
        return Image.open(io.BytesIO(gambar_peta_briefing(engine_demo, batas, s, nilai, k)))

    terbuka, publik = gambar(1), gambar(50)
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    publik.save(FOLDER_GAMBAR / "briefing_peta_publik.png")
    warna_dipakai = [w for w in PALET if _piksel(terbuka, w) > 500]
    assert len(warna_dipakai) >= 3, warna_dipakai
    assert _piksel(publik, WARNA_TANPA_DATA) > _piksel(terbuka, WARNA_TANPA_DATA) + 50_000
    assert all(_piksel(terbuka, w) > 200 for w in WARNA_STATUS.values())  # Desa Sadar outlines drawn


def test_the_pdf_has_the_decks_pages_rendered_and_labelled(engine_demo, batas):
    isi = _isi(engine_demo, batas, "33.26", ambang=5)
    pdf = pypdfium2.PdfDocument(buat_pdf(isi))
    assert len(pdf) == 7
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    teks, gambar = [], []
    for i, halaman in enumerate(pdf):
        teks.append(halaman.get_textpage().get_text_range())
        gambar.append(halaman.render(scale=1.5).to_pil())
        gambar[-1].save(FOLDER_GAMBAR / f"briefing_pdf_{i + 1}.png")
    assert "Kabupaten Pekalongan" in teks[0] and "Data contoh (sintetis)" in teks[0]
    for halaman in teks[1:]:
        assert "Data contoh (sintetis) · Kabupaten Pekalongan · Tahun 2025" in halaman
    a = isi.halaman.angka
    assert fmt.angka(a.peserta_aktif) in teks[1] and "." in fmt.angka(a.peserta_aktif)
    assert "Angka di bawah 5" in teks[1]
    for program, n in zip(isi.halaman.per_program["program"], isi.halaman.per_program["peserta_aktif"], strict=True):
        assert program in teks[2] and fmt.angka(n) in teks[2]
    assert sum(_piksel(gambar[4], w) for w in PALET) > 50_000  # the map page shows a coloured map
    pertama = isi.kegiatan.iloc[0]
    assert str(pertama["nama"])[:20] in teks[5] and "Kegiatan" in teks[5]
    assert "Status" in teks[6] and str(isi.desa_sadar.sort_values("tanggal_status").iloc[-1]["nama"]) in teks[6]


def test_the_pdf_prints_hostile_names_as_typed(engine_demo, batas):
    isi = _isi(engine_demo, batas, "33.26", ambang=1)
    kegiatan = isi.kegiatan.copy()
    kegiatan.loc[kegiatan.index[0], "nama"] = "$\\frac{1}{0}$ =HYPERLINK(\"x\") <b>"
    pdf = pypdfium2.PdfDocument(buat_pdf(IsiBriefing(**{**isi.__dict__, "kegiatan": kegiatan})))
    assert "$\\frac{1}{0}$ =HYPERLINK(\"x\") <b>" in pdf[5].get_textpage().get_text_range()
