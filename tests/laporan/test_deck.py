"""The briefing, read back: the deck with python-pptx, the PDF rendered to PNG pages with pdfium and its
text extracted. Slides, Indonesian numbers, suppression, the map's colours, the demo label."""

import io
import os
import shutil
import subprocess
from pathlib import Path

import pypdfium2
import pytest
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


def _slide(deck, awal_judul: str) -> list:
    """The slides whose title (the first text box) starts with this text, in order."""
    return [sl for sl in deck.slides if _teks(sl) and _teks(sl)[0].startswith(awal_judul)]


def _format_angka(deck) -> set[str]:
    """Every number format the deck's charts set, on data labels and value axes."""
    hasil = set()
    for slide in deck.slides:
        for b in slide.shapes:
            if b.has_chart:
                hasil.update(e.get("formatCode") for e in b.chart._chartSpace.xpath(".//c:numFmt"))
    return hasil


def test_the_deck_reads_back_with_every_slide_labelled(engine_demo, batas):
    deck, halaman = _deck(engine_demo, batas, "33.26", ambang=1)
    isi = _isi(engine_demo, batas, "33.26", ambang=1)
    judul = _teks(deck.slides[0])
    assert "Kabupaten Pekalongan" in judul and "Data contoh (sintetis)" in judul
    data_per = fmt.tanggal(tanggal_data(engine_demo))  # the newest date in the data, as of the pinned day
    assert any(x == f"Tahun 2025 · Data per {data_per}" for x in judul), judul
    for slide in list(deck.slides)[1:]:
        assert any(x.startswith("Data contoh (sintetis) · Kabupaten Pekalongan") for x in _teks(slide))
    # After the title: the key messages, each one numbered sentence
    pesan = _teks(deck.slides[1])
    assert pesan[0] == "Pesan utama" and 3 <= len(isi.pesan) <= 5
    assert [x for x in pesan if x[:2] in {f"{i}." for i in range(1, 6)}] == [f"{i + 1}. {p.teks}" for i, p in enumerate(isi.pesan)]
    kpi = _teks(deck.slides[2])
    assert kpi[0] == "Ringkasan" and fmt.angka(halaman.angka.peserta_aktif) in kpi  # 1.234.567 style
    assert any("dibanding 1 Januari–31 Desember 2024" in x for x in kpi)  # the change says what it is against
    assert any(x.startswith("dari target ") for x in kpi)
    grafik = [b.chart for b in _slide(deck, "Peserta aktif per program")[0].shapes if b.has_chart]
    urut = halaman.per_program.sort_values(["peserta_aktif", "program"], ascending=[False, True])
    assert list(grafik[0].plots[0].categories) == urut["program"].tolist()  # largest first, as on the web
    assert list(grafik[0].plots[0].series[0].values) == urut["peserta_aktif"].tolist()
    assert grafik[0].category_axis.reverse_order  # ...and drawn on top
    tren = [b.chart for b in _slide(deck, "Peserta aktif per bulan")[0].shapes if b.has_chart][0]
    assert list(tren.plots[0].series[0].values) == halaman.tren["peserta_aktif"].tolist()
    assert _format_angka(deck) == {"#,##0"}  # grouped thousands in PowerPoint, never '#.##0'
    peta = _slide(deck, "Peta cakupan BPU")[0]
    gambar = [b for b in peta.shapes if b.shape_type == 13]  # PICTURE
    assert len(gambar) == 1
    peta = Image.open(io.BytesIO(gambar[0].image.blob))
    assert sum(_piksel(peta, w) for w in PALET) > 100_000  # the villages are coloured, not an empty frame
    tabel = [b.table for b in _slide(deck, "Kegiatan")[0].shapes if b.has_table][0]
    assert tabel.cell(0, 0).text == "Kegiatan" and 1 < len(tabel.rows) <= 13
    # The Desa Sadar table goes on over further slides, in code order, every village once
    desa = _slide(deck, "Desa Sadar")[1:]  # the title slide's first line is the app's name
    assert [_teks(sl)[0] for sl in desa] == ["Desa Sadar"] + ["Desa Sadar (lanjutan)"] * (len(desa) - 1)
    baris = [b.table.cell(i, 0).text for sl in desa for b in sl.shapes if b.has_table for i in range(1, len(b.table.rows))]
    assert baris == isi.desa_sadar.sort_values("kode")["nama"].tolist() and len(desa) == -(-len(baris) // 12) > 1
    # No road to a target for a year that is over
    assert not _slide(deck, "Jalan menuju target")


def test_this_years_deck_has_the_road_to_the_target_and_a_document_title(engine_demo, batas):
    s = Saringan("33.26", periode_dari_kunci("ytd", HARI_INI_UJI))
    isi = susun_briefing(engine_demo, batas, s, HARI_INI_UJI, "Kabupaten Pekalongan", "2026 s.d. hari ini", "id", 1,
                         "Data contoh (sintetis)")
    assert isi.judul == "Briefing Kabupaten Pekalongan, 1 Januari–24 November 2026"
    deck = Presentation(io.BytesIO(buat_deck(isi)))
    jalan = _slide(deck, "Jalan menuju target 2026")
    assert len(jalan) == 1
    grafik = [b.chart for b in jalan[0].shapes if b.has_chart][0]
    seri = {x.name: list(x.values) for x in grafik.plots[0].series}
    assert set(seri["Target"]) == {isi.target_sendiri}
    proyeksi = [v for v in seri["Proyeksi"] if v is not None]
    assert len(proyeksi) >= 2  # from the last month shown to December
    assert any("Uji mundur" in x for x in _teks(jalan[0]))
    assert {p.kunci for p in isi.pesan} >= {"perubahan", "target", "tertinggal"}
    pdf = pypdfium2.PdfDocument(buat_pdf(isi))
    assert pdf.get_metadata_dict()["Title"] == isi.judul
    assert pdf.get_metadata_dict()["CreationDate"].startswith(f"D:{isi.dibuat:%Y%m%d}")


@pytest.mark.skipif(shutil.which("soffice") is None and not os.environ.get("CI"),
                    reason="LibreOffice (libreoffice-impress) is not installed; .ci/run installs it")
def test_the_deck_renders_in_libreoffice(engine_demo, batas, tmp_path):
    """The deck as a PowerPoint user sees it: rendered by LibreOffice Impress to a PDF, then to PNG
    pages saved for a look. Every slide renders, the grouped numbers come out, no chart is empty."""
    s = Saringan("33.26", periode_dari_kunci("ytd", HARI_INI_UJI))
    isi = susun_briefing(engine_demo, batas, s, HARI_INI_UJI, "Kabupaten Pekalongan", "2026 s.d. hari ini", "id", 1,
                         "Data contoh (sintetis)")
    berkas = tmp_path / "briefing.pptx"
    berkas.write_bytes(buat_deck(isi))
    jumlah = len(Presentation(io.BytesIO(berkas.read_bytes())).slides)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profil", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(berkas)], check=True, timeout=300, capture_output=True)
    pdf = pypdfium2.PdfDocument(str(tmp_path / "briefing.pdf"))
    assert len(pdf) == jumlah
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    teks = []
    for i, halaman in enumerate(pdf):
        teks.append(halaman.get_textpage().get_text_range())
        halaman.render(scale=1).to_pil().save(FOLDER_GAMBAR / f"briefing_pptx_{i + 1}.png")
    aktif = isi.halaman.angka.peserta_aktif
    # LibreOffice groups with its own locale's separator: either way the digits come out grouped.
    assert any(f"{aktif:,}" in x or f"{aktif:,}".replace(",", ".") in x for x in teks), teks[2][:300]
    assert "Pesan utama" in teks[1] and isi.pesan[0].teks[:30] in teks[1].replace("\r\n", " ")
    sebaran = Image.open(FOLDER_GAMBAR / "briefing_pptx_4.png")
    assert _piksel(sebaran, "#0b6e4f") > 5_000  # the bars are drawn in the app's green


def test_the_public_deck_hides_small_counts(engine_demo, naif_demo, batas):
    periode = periode_dari_kunci("2025", HARI_INI_UJI)
    kecil = naif_demo.kecil_per_desa_segmen(periode.selesai, 5)
    assert not kecil.empty, "the demo data must hold a village segment with 1 to 4 active participants"
    desa, segmen, n = kecil.iloc[0]
    deck, halaman = _deck(engine_demo, batas, desa, ambang=5, segmen=segmen)
    assert 0 < n < 5 and halaman.angka.peserta_aktif is None  # the small count itself never reaches the deck
    assert fmt.TANDA_TERSEMBUNYI in _teks(deck.slides[2])
    grafik = [b.chart for b in deck.slides[3].shapes if b.has_chart]
    assert all(v >= 5 for g in grafik for v in g.plots[0].series[0].values)
    # A chart whose bars are all hidden becomes a sentence; the programme chart of a village segment
    # with fewer than five participants always does.
    ada_grafik = [not halaman.per_program.empty, not halaman.per_segmen.empty]
    assert not ada_grafik[0] and len(grafik) == sum(ada_grafik)
    assert any("Angka di bawah 5" in x for x in _teks(deck.slides[3]))


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
    deck = Presentation(io.BytesIO(buat_deck(isi)))
    assert len(pdf) == len(deck.slides)  # the same pages as the deck
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    teks, gambar = [], []
    for i, halaman in enumerate(pdf):
        teks.append(halaman.get_textpage().get_text_range())
        gambar.append(halaman.render(scale=1.5).to_pil())
        gambar[-1].save(FOLDER_GAMBAR / f"briefing_pdf_{i + 1}.png")
    assert "Kabupaten Pekalongan" in teks[0] and "Data contoh (sintetis)" in teks[0]
    for halaman in teks[1:]:
        assert "Data contoh (sintetis) · Kabupaten Pekalongan · Tahun 2025" in halaman
    assert "Pesan utama" in teks[1]
    a = isi.halaman.angka
    assert fmt.angka(a.peserta_aktif) in teks[2] and "." in fmt.angka(a.peserta_aktif)
    assert "Angka di bawah 5" in teks[2]
    for program, n in zip(isi.halaman.per_program["program"], isi.halaman.per_program["peserta_aktif"], strict=True):
        assert program in teks[3] and fmt.angka(n) in teks[3]
    assert sum(_piksel(gambar[5], w) for w in PALET) > 50_000  # the map page shows a coloured map
    pertama = isi.kegiatan.iloc[0]
    assert str(pertama["nama"])[:20] in teks[6] and "Kegiatan" in teks[6]
    desa = next(x for x in teks if "Status" in x and "MoU" in x)  # the first Desa Sadar page, after the events'
    assert str(isi.desa_sadar.sort_values("kode").iloc[0]["nama"]) in desa


def test_the_pdf_prints_hostile_names_as_typed(engine_demo, batas):
    isi = _isi(engine_demo, batas, "33.26", ambang=1)
    kegiatan = isi.kegiatan.copy()
    kegiatan.loc[kegiatan.index[0], "nama"] = "$\\frac{1}{0}$ =HYPERLINK(\"x\") <b>"
    pdf = pypdfium2.PdfDocument(buat_pdf(IsiBriefing(**{**isi.__dict__, "kegiatan": kegiatan})))
    assert "$\\frac{1}{0}$ =HYPERLINK(\"x\") <b>" in pdf[6].get_textpage().get_text_range()
