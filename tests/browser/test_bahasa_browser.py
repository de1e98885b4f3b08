"""The language switch translates everything: every page opened in English shows no word that only
the Indonesian interface uses, and the reverse. The words are taken from the text catalogue itself
(words of one language's text that never occur in the other's), so a label written into a page
without the catalogue, or left out of its translation, fails here. Data (village and event names,
table cells) is not interface: it stays as it was typed."""

import re

import pytest
from playwright.sync_api import expect

from data_access.demo import CATATAN_SINTETIS
from domain.desa_sadar import LABEL_STATUS
from tampilan.teks import ISIAN_EN, TEKS, t
from tests.browser.conftest import FOLDER_GAMBAR, buka, buka_tab

pytestmark = pytest.mark.browser

# Each page by its path and the catalogue key its title starts with.
HALAMAN = [("", "ringkasan"), ("peta", "peta"), ("provinsi", "peta_provinsi"), ("kegiatan", "kegiatan_menu"),
           ("desa-sadar", "desa_sadar_menu"), ("target", "target_menu"), ("tindak-lanjut", "tindak_lanjut_menu"),
           ("daftar", "pendaftaran"), ("data", "impor_judul")]
# The tabs of a page after the one it opens on, by catalogue key.
TAB = {"": ("tab_tren", "tab_iuran", "tab_target", "tab_desa"), "kegiatan": ("tab_kegiatan_rincian", "tab_kegiatan_banding"),
       "desa-sadar": ("tab_desa_sadar_rincian",),
       "target": ("tab_target_kabupaten", "tab_target_kecamatan", "tab_target_desa")}
# Words both interfaces share or that name things rather than speak (the programme's own name,
# segment codes, the language switch itself).
NAMA = {"desa", "sadar", "bpu", "jaminan", "sosial", "ketenagakerjaan", "indonesia", "english", "bahasa",
        "kecamatan", "kelurahan", "language", "data", "status", "target", "program", "total", "pptx", "csv", "xlsx",
        "pdf", "oidc", "nik", "jkk", "jkm", "jht", "jkp", "jamsostek",
        "kabupaten",  # a region's name as the boundary data gives it: "Kabupaten Pekalongan"
        "sosialisasi", "goreng",  # the demo's event names: "Sosialisasi BPU Desa …", "Festival Nasi Goreng …"
        "upload"}  # the file uploader's icon glyph, drawn by Streamlit


def _kata(teks: str) -> set[str]:
    teks = re.sub(r"\{[^}]*\}", " ", teks)  # placeholders are filled with data
    return {k.lower() for k in re.findall(r"[A-Za-zÀ-ÿ]{5,}", teks)}


def _pasangan() -> list[tuple[str, str]]:
    """Every (Indonesian, English) pair the interface may show: the catalogue, and the options whose
    Indonesian the domain holds (occupations, funding, import kinds, statuses; event kinds are left out: the demo names its events by them)."""
    return [*TEKS.values(), *((i, e) for kelompok in ISIAN_EN.values() for i, e in kelompok.items()),
            *LABEL_STATUS.values()]


def _hanya(bahasa: int) -> set[str]:
    """Words the interface uses in one language and never in the other."""
    sendiri = set().union(*(_kata(pasangan[bahasa]) for pasangan in _pasangan()))
    lain = set().union(*(_kata(pasangan[1 - bahasa]) for pasangan in _pasangan()))
    # The demo's event notes are text staff would type: data, shown as typed.
    return sendiri - lain - NAMA - _kata(CATATAN_SINTETIS)


def _teks_antarmuka(page) -> set[str]:
    # Table cells are drawn on a canvas and are data; what inner_text reads is the interface.
    # Material icons are ligatures ("public", "upload_file"): glyphs, not words, so left out.
    return _kata(page.evaluate("""() => {
        const wadah = document.querySelector("[data-testid='stAppViewContainer']");
        if (!wadah) {  // the event stage: a page of its own; the address under its QR code is no word
            const stage = document.body.cloneNode(true);
            stage.querySelectorAll("[data-uji='alamat-qr']").forEach(e => e.remove());
            document.documentElement.appendChild(stage);
            const teks = stage.innerText;
            stage.remove();
            return teks;
        }
        const salinan = wadah.cloneNode(true);
        salinan.querySelectorAll("[data-testid='stIconMaterial']").forEach(e => e.remove());
        document.body.appendChild(salinan);
        const teks = salinan.innerText;
        salinan.remove();
        return teks;
    }"""))


@pytest.mark.parametrize("bahasa", ["en", "id"])
def test_every_page_speaks_one_language(halaman, server_app, bahasa):
    asing = _hanya(0 if bahasa == "en" else 1)
    tautan = {"en": "English", "id": "Indonesia"}[bahasa]  # the switch writes its label into the URL
    assert len(asing) > 100, "the check needs words to look for"
    temuan = {}
    for jalur, kunci in HALAMAN:
        judul = t(kunci, bahasa)
        buka(halaman, f"{server_app}/{jalur}?bahasa={tautan}", re.compile(f"^{re.escape(judul)}( ·|$)"))
        if salah := sorted(_teks_antarmuka(halaman) & asing):
            temuan[jalur or "ringkasan"] = salah
        for tab in TAB.get(jalur, ()):  # a tab's section is drawn only when it is open
            buka_tab(halaman, t(tab, bahasa))
            if salah := sorted(_teks_antarmuka(halaman) & asing):
                temuan[f"{jalur or 'ringkasan'}:{tab}"] = salah
        if bahasa == "en" and jalur == "peta":
            halaman.frame_locator("iframe").first.locator("path.leaflet-interactive").first.wait_for()
            halaman.screenshot(path=str(FOLDER_GAMBAR / "peta_en.png"))
    # The event stage is a page of its own (no Streamlit run to wait for; its CSP allows no eval).
    halaman.goto(f"{server_app}/layar?kegiatan=1&bahasa={tautan}")
    expect(halaman.locator("#jumlah")).not_to_be_empty()
    expect(halaman.locator("#diperbarui")).not_to_be_empty()
    if salah := sorted(_teks_antarmuka(halaman) & asing):
        temuan["layar"] = salah
    halaman.screenshot(path=str(FOLDER_GAMBAR / f"layar_demo_{bahasa}.png"))
    assert temuan == {}
