"""Streamlit caches around data_access and the presentation step, for the pages.

Resources (settings, engine, boundaries) live once per process; query results are cached by their
plain arguments for a short time, so a filter change that repeats a view costs nothing and new
registrations still appear within a minute.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from data_access import desa_sadar, iuran, kegiatan, layar, pendaftaran, peta, provinsi, proyeksi, ringkasan, target
from data_access.aset import siapkan_aset_peta
from data_access.batas import BatasWilayah, batas_aplikasi
from laporan.briefing import IsiBriefing
from laporan.ekspor import ke_csv, ke_xlsx, sebagai_tabel
from laporan.susun import susun_briefing
from data_access.config import Pengaturan, kunci_rahasia_nik, muat_pengaturan
from data_access.db import buat_engine, siapkan_database
from data_access.demo import ada_data_demo as demo_ada
from data_access.demo import isi_demo, sumber_data
from domain.desa_sadar import AmbangKesiapan
from domain.iuran import kaplan_meier
from domain.kegiatan import IsianKegiatan
from domain.layar import ModeLayar
from domain.pendaftaran import Pendaftaran
from domain.peran import wajib
from domain.periode import Periode, periode_dari_kunci, pilihan_periode
from domain.publik import PolaPublik
from data_access import publik
from tampilan import pesan
from tampilan import publik as tp
from layanan import sesi
from domain.saringan import Saringan
from tampilan.teks import t
from data_access.segar_latar import SegarLatar
from geo.batas import titik_desa
from geo.peta import svg_sorot

if TYPE_CHECKING:
    from data_access import impor
    from geo.gazetteer import Gazetteer

UMUR_CACHE_DETIK = 60


@dataclass
class PembuatanDemo:
    """The demo database being written in the background on a first start: the step it is at
    (a tampilan.teks key), how far along (0–1), and the failure if there was one."""

    langkah: str = "persiapan_mulai"
    bagian: float = 0.0
    selesai: bool = False
    galat: tuple[str, str] | None = None

    def kabar(self, langkah: str, bagian: float) -> None:
        self.langkah, self.bagian = langkah, bagian


@dataclass(frozen=True)
class Aplikasi:
    pengaturan: Pengaturan
    engine: sa.Engine
    batas: BatasWilayah
    demo: PembuatanDemo | None = None  # set when this process is writing the demo on a first start


def _tulis_demo_latar(engine: sa.Engine, batas: BatasWilayah, hari_ini: date, demo: PembuatanDemo) -> None:
    try:
        isi_demo(engine, batas, hari_ini, kabar=demo.kabar)
    except Exception as e:  # shown on the waiting screen; the full trace goes to the server log only
        from data_access import impor

        logging.getLogger(__name__).exception("Data contoh gagal dibuat")
        demo.galat = impor.pesan_gagal(e)
    finally:
        demo.selesai = True


# No spinner: the sign-in route may be the first to ask, outside any page (Streamlit would log a warning).
@st.cache_resource(show_spinner=False)
def aplikasi() -> Aplikasi:
    """Open and migrate the database and load boundaries. An empty database gets its demo data
    written in a background thread, so the first page (a progress screen) shows within seconds."""
    pengaturan = muat_pengaturan()
    batas = batas_aplikasi(pengaturan.folder_data, pengaturan.folder_batas, pengaturan.kode_kab)
    engine = buat_engine(pengaturan.url_database)
    siapkan_database(engine)
    demo = None
    if pengaturan.buat_demo and sumber_data(engine) is None:
        demo = PembuatanDemo()
        threading.Thread(target=_tulis_demo_latar, args=(engine, batas, pengaturan.hari_ini(), demo),
                         name="data-contoh", daemon=True).start()
    return Aplikasi(pengaturan, engine, batas, demo)


@st.cache_resource(ttl=UMUR_CACHE_DETIK, show_spinner=False, max_entries=32)
def _pola(periode: Periode, ambang: int) -> PolaPublik:
    """The public suppression pattern of one period, shared by every session; worked out as pages ask."""
    app = aplikasi()
    return publik.pola_publik(app.engine, app.batas.kode_kab, periode, ambang)


def pola(s: Saringan, ambang: int) -> PolaPublik:
    return _pola(s.periode, ambang)


def panaskan() -> None:
    """Build what the first visitor's page reads before anyone asks (layanan.pemanasan, at server start):
    the database and boundaries, and the public pattern of the period the sidebar opens on. Not while
    demo data is still being written: a pattern of half the data would be served for a minute."""
    app = aplikasi()
    if app.demo and not (app.demo.selesai and not app.demo.galat):
        return
    hari_ini = app.pengaturan.hari_ini()
    periode = periode_dari_kunci(pilihan_periode(hari_ini)[0], hari_ini)
    # Only what the opening view shows: the payments' cells (a third of the pattern's work) were
    # counted while the first page waited, which shows them only on its payments tab.
    _pola(periode, app.pengaturan.k_suppresi).siapkan_kabupaten(periode.selesai, tp.UKURAN_RINGKASAN)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _ringkasan_data(s: Saringan) -> ringkasan.RingkasanHalaman:
    return ringkasan.ringkasan_halaman(aplikasi().engine, s)


def ringkasan_halaman(s: Saringan, ambang: int) -> tp.RingkasanPublik:
    """The overview of one filter as this viewer may see it."""
    return tp.ringkasan_publik(_ringkasan_data(s), s, pola(s, ambang))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _definisi_aktif(kode_wilayah: str, segmen: str | None) -> iuran.DefinisiAktif:
    return iuran.definisi_aktif(aplikasi().engine, kode_wilayah, segmen)


def definisi_aktif(s: Saringan, bahasa: str) -> str:
    """The sentence saying what "active" means for this filter."""
    return pesan.kalimat_definisi_aktif(_definisi_aktif(s.kode_wilayah, s.segmen), s.segmen, bahasa)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _iuran_bulanan(s: Saringan) -> pd.DataFrame:
    return iuran.bulanan(aplikasi().engine, s)


def iuran_ringkasan(s: Saringan, ambang: int) -> tp.IuranPublik:
    """Contributions and lapses of the filter as this viewer may see them."""
    tanpa_program = Saringan(s.kode_wilayah, s.periode, None, s.segmen)
    return tp.iuran_publik(_iuran_bulanan(tanpa_program), tanpa_program, pola(s, ambang))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _daftar_kerja(kode_wilayah: str, hari_ini: date) -> pd.DataFrame:
    return iuran.daftar_kerja(aplikasi().engine, kode_wilayah, hari_ini)


def daftar_kerja(kode_wilayah: str, hari_ini: date, ambang: int) -> pd.DataFrame:
    """The field work list of the region as this viewer may see it."""
    return tp.daftar_kerja_publik(_daftar_kerja(kode_wilayah, hari_ini), ambang)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def daftar_wilayah(kode_kab: str) -> pd.DataFrame:
    return ringkasan.daftar_wilayah(aplikasi().engine, kode_kab)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def info_dataset() -> dict[str, str]:
    return ringkasan.info_dataset(aplikasi().engine)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def tanggal_data() -> date | None:
    return ringkasan.tanggal_data(aplikasi().engine)


@st.cache_resource
def aset_peta() -> dict[str, list[tuple[str, str]]]:
    return siapkan_aset_peta()


@st.cache_resource(show_spinner=False)
def geometri_peta() -> dict[str, str]:
    """The URLs of the regency map's geometry files, written once per process."""
    return peta.siapkan_geometri_peta(aplikasi().batas)


@st.cache_resource(show_spinner="Menyiapkan peta provinsi (sekali saja)…")
def peta_provinsi(kode_prov: str) -> dict[str, str]:
    return provinsi.siapkan_peta_provinsi(aplikasi().pengaturan.folder_batas, kode_prov)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _nilai_provinsi(s: Saringan, tingkat: str) -> pd.DataFrame:
    return provinsi.nilai_provinsi(aplikasi().engine, s, tingkat)


def nilai_provinsi(s: Saringan, tingkat: str, ukuran: str, ambang: int) -> pd.DataFrame:
    """Every region of the level in the province `s.kode_wilayah`, with the measure as this viewer
    may see it (tampilan.publik.nilai_peta)."""
    return tp.nilai_peta(_nilai_provinsi(s, tingkat), ukuran, s, pola(s, ambang))


@st.cache_resource
def gazetteer() -> Gazetteer:
    from geo.gazetteer import Gazetteer

    return Gazetteer(aplikasi().batas.desa)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _nilai_desa(s: Saringan) -> pd.DataFrame:
    return peta.nilai_desa(aplikasi().engine, s)


def nilai_desa(s: Saringan, ukuran: str, ambang: int) -> pd.DataFrame:
    """Every village of the filter's region with the map's measure as this viewer may see it."""
    return tp.nilai_peta(_nilai_desa(s), ukuran, s, pola(s, ambang))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _cerita_desa(s: Saringan) -> peta.CeritaDesa | None:
    return peta.cerita_desa(aplikasi().engine, s.kode_wilayah, s)


def cerita_desa(s: Saringan, ambang: int) -> tuple[peta.CeritaDesa, tp.RingkasanPublik, pd.DataFrame] | None:
    """The village's story, its figures and its events as this viewer may see them; None if unknown."""
    cerita = _cerita_desa(s)
    if cerita is None:
        return None
    return (cerita, tp.ringkasan_publik(cerita.ringkasan, s, pola(s, ambang)),
            tp.kegiatan_desa_publik(cerita.kegiatan, ambang))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def kegiatan_periode(s: Saringan) -> pd.DataFrame:
    return peta.kegiatan_periode(aplikasi().engine, Saringan(s.kode_wilayah, s.periode))


# The event stage polls every few seconds. Its numbers are kept fresh by one background thread at
# the stage's own interval, so a refresh only reads memory, never waits on the database, and any
# number of screens at one event cost one small query (the event's fingerprint) per interval; the
# full set of queries runs when that moved, or once a minute for the village's standing. A
# registration or a scene switch in this process refreshes its event at once. Asked by the stage's
# web route, outside any page: no spinners.
@st.cache_resource(show_spinner=False)
def _angka_layar_latar() -> SegarLatar:
    app = aplikasi()
    return SegarLatar(lambda kunci: layar.angka_layar(app.engine, *kunci), app.pengaturan.layar_detik,
                      sidik=lambda kunci: layar.sidik_layar(app.engine, kunci[0]))


# The public view of each stage's newest numbers, remade only when the background thread has
# replaced them: a refresh in between costs a dictionary lookup.
_LAYAR_PUBLIK: dict[tuple[int, date, int], tuple[object, tp.LayarPublik]] = {}


def angka_layar(kegiatan_id: int, hari_ini: date, ambang: int) -> tp.LayarPublik | None:
    """The stage's numbers as the public may see them; the village's pattern is that of the year to
    date, whose last day is today. The same object until the numbers change."""
    a = _angka_layar_latar().ambil((kegiatan_id, hari_ini))
    if a is None:
        return None
    kunci = (kegiatan_id, hari_ini, ambang)
    lama = _LAYAR_PUBLIK.get(kunci)
    if lama is not None and lama[0] is a:
        return lama[1]
    lp = tp.layar_publik(a, hari_ini, _pola(periode_dari_kunci("ytd", hari_ini), ambang),
                         aplikasi().pengaturan.layar_angka_pasti)
    if len(_LAYAR_PUBLIK) >= 256:  # screens of many days and events: start over rather than grow
        _LAYAR_PUBLIK.clear()
    _LAYAR_PUBLIK[kunci] = (a, lp)
    return lp


def atur_mode_layar(kegiatan_id: int, mode: ModeLayar) -> None:
    """Switch the event screen's scene (staff), and let every screen of the event see it at once."""
    wajib(sesi.peran_sesi(), "ubah_kegiatan")
    app = aplikasi()
    kegiatan.atur_mode_layar(app.engine, kegiatan_id, mode)
    _angka_layar_latar().segarkan((kegiatan_id, app.pengaturan.hari_ini()))


def mode_layar_kini(kegiatan_id: int) -> ModeLayar | None:
    """The scene the event's screen shows now (read fresh: another phone may have switched it)."""
    a = _angka_layar_latar().ambil((kegiatan_id, aplikasi().pengaturan.hari_ini()))
    return None if a is None else a.mode


@st.cache_data(ttl=10, show_spinner=False)
def kegiatan_berlangsung(hari_ini: date) -> pd.DataFrame:
    return layar.kegiatan_berlangsung(aplikasi().engine, hari_ini)


@st.cache_data(show_spinner=False, max_entries=64)
def peta_kecil_desa(kode_desa: str) -> str:
    """The regency with one village filled, as SVG; drawn once per village, not on every refresh."""
    return svg_sorot(aplikasi().batas.desa_web, kode_desa)


@st.cache_data(show_spinner=False, max_entries=256)
def url_peta_kecil_desa(kode_desa: str) -> str:
    """The same picture as a static file's URL, for pages (the live screen inlines the SVG)."""
    return peta.siapkan_peta_kecil(aplikasi().batas, kode_desa)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def daftar_kegiatan() -> pd.DataFrame:
    return layar.daftar_kegiatan(aplikasi().engine)


@st.cache_resource
def kunci_nik() -> bytes:
    return kunci_rahasia_nik(aplikasi().pengaturan)


def daftarkan(isian: Pendaftaran, hari_ini: date, token: str) -> int:
    """Save a registration (not cached), then let the live screen see it at its next refresh."""
    wajib(sesi.peran_sesi(), "daftarkan")
    pid = pendaftaran.daftarkan(aplikasi().engine, isian, kunci_nik(), hari_ini, token)
    if isian.kegiatan_id is not None:
        _angka_layar_latar().segarkan((isian.kegiatan_id, hari_ini))
    _hasil_kegiatan.clear()
    return pid


def _di_wilayah(df: pd.DataFrame, kolom: str, awalan: str) -> pd.DataFrame:
    """The rows of a regency-wide result whose region or village code (`kolom`) lies in the region
    `awalan` (as SQL's LIKE)."""
    return df[df[kolom].str.startswith(awalan)].reset_index(drop=True)


def _wilayah_kabupaten(awalan: str) -> str:
    """The region to work a per-village or per-event result out for: the app's whole regency when
    `awalan` lies in it, so a kecamatan or village is a slice of one cached result, not a query."""
    kab = aplikasi().batas.kode_kab
    return kab if awalan.startswith(kab) else awalan


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _hasil_kegiatan(s: Saringan, hari_ini: date, jenis: tuple[str, ...]) -> pd.DataFrame:
    return kegiatan.hasil_kegiatan(aplikasi().engine, s, hari_ini, jenis)


def hasil_kegiatan(s: Saringan, hari_ini: date, jenis: tuple[str, ...], ambang: int) -> pd.DataFrame:
    """Events of the region and period as this viewer may see them (tampilan.publik.kegiatan_publik);
    an event's figures do not depend on the region asked, so the regency's are sliced."""
    semua = _hasil_kegiatan(Saringan(_wilayah_kabupaten(s.kode_wilayah), s.periode), hari_ini, jenis)
    return tp.kegiatan_publik(_di_wilayah(semua, "kode_desa", s.kode_wilayah), ambang)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _durasi_bayar(kegiatan_id: tuple[int, ...], hari_ini: date) -> pd.DataFrame:
    return kegiatan.durasi_bayar(aplikasi().engine, list(kegiatan_id), hari_ini)


def kurva_bayar(kegiatan_id: int, semua: tuple[int, ...], hari_ini: date, ambang: int) -> pd.DataFrame:
    """The event's share still paying by month after sign-up beside all the listed events' (kurva:
    'kegiatan' or 'semua'), as this viewer may see it; empty when the event has no sign-up."""
    durasi = _durasi_bayar(tuple(sorted(set(semua) | {kegiatan_id})), hari_ini)
    sendiri = durasi[durasi["kegiatan_id"] == kegiatan_id]
    if sendiri.empty:
        return pd.DataFrame(columns=["kurva", "bulan", "bertahan"])
    bagian = [tp.kurva_publik(kaplan_meier(d["durasi"], d["berhenti"]), ambang).assign(kurva=nama)
              for nama, d in (("kegiatan", sendiri), ("semua", durasi))]
    return pd.concat(bagian, ignore_index=True)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _rincian_kegiatan(kegiatan_id: int) -> kegiatan.RincianKegiatan:
    return kegiatan.rincian_kegiatan(aplikasi().engine, kegiatan_id)


def rincian_kegiatan(kegiatan_id: int, ambang: int) -> kegiatan.RincianKegiatan:
    r = _rincian_kegiatan(kegiatan_id)
    return kegiatan.RincianKegiatan(tp.rincian_publik(r.program, ambang, menjumlah=False),
                                    tp.rincian_publik(r.segmen, ambang), tp.rincian_publik(r.pekerjaan, ambang),
                                    tp.rincian_publik(r.sumber_dana, ambang))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def linimasa_kegiatan(ids: tuple[int, ...]) -> pd.DataFrame:
    return kegiatan.linimasa_kegiatan(aplikasi().engine, list(ids))


def simpan_kegiatan(isian: IsianKegiatan, hari_ini: date, kegiatan_id: int | None = None) -> int:
    """Save an event (not cached), then drop the cached views that show events."""
    wajib(sesi.peran_sesi(), "ubah_kegiatan")
    app = aplikasi()
    nomor = kegiatan.simpan_kegiatan(app.engine, isian, titik_desa(app.batas.desa, isian.kode_desa), hari_ini,
                                     kegiatan_id)
    for fungsi in (_hasil_kegiatan, _rincian_kegiatan, linimasa_kegiatan, daftar_kegiatan, kegiatan_periode,
                   _cerita_desa, kegiatan_berlangsung):
        fungsi.clear()
    _angka_layar_latar().segarkan((nomor, app.pengaturan.hari_ini()))  # a new goal shows on the stage at once
    return nomor


def ambang_kesiapan() -> AmbangKesiapan:
    p = aplikasi().pengaturan
    return AmbangKesiapan(cakupan_bpu=p.ambang_cakupan_bpu, perangkat=p.ambang_perangkat)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def status_desa(awalan_kode: str, hari_ini: date, semua_desa: bool) -> pd.DataFrame:
    return desa_sadar.status_desa(aplikasi().engine, awalan_kode, hari_ini, semua_desa)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def riwayat_desa(kode_desa: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The village's status history and its MoUs."""
    engine = aplikasi().engine
    return desa_sadar.riwayat_status(engine, kode_desa), desa_sadar.riwayat_mou(engine, kode_desa)


def _setelah_catatan_desa() -> None:
    for fungsi in (status_desa, riwayat_desa, _cerita_desa, _nilai_desa):
        fungsi.clear()


def catat_status(kode_desa: str, status: str, tanggal: date, catatan: str, hari_ini: date) -> None:
    wajib(sesi.peran_sesi(), "ubah_desa_sadar")
    desa_sadar.catat_status(aplikasi().engine, kode_desa, status, tanggal, catatan, hari_ini)
    _setelah_catatan_desa()


def catat_mou(kode_desa: str, tanggal: date, nomor: str, catatan: str, hari_ini: date) -> None:
    wajib(sesi.peran_sesi(), "ubah_desa_sadar")
    desa_sadar.catat_mou(aplikasi().engine, kode_desa, tanggal, nomor, catatan, hari_ini)
    _setelah_catatan_desa()


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _capaian_target(awalan_kode: str, tahun: int, hari_ini: date) -> pd.DataFrame:
    return target.capaian_target(aplikasi().engine, awalan_kode, tahun, hari_ini)


def capaian_target(awalan_kode: str, tahun: int, hari_ini: date) -> pd.DataFrame:
    """The year's targets in the region with where each stands; a target's standing depends only on
    its own region, so a kecamatan's or village's are the regency's rows sliced."""
    return _di_wilayah(_capaian_target(_wilayah_kabupaten(awalan_kode), tahun, hari_ini), "kode_wilayah",
                       awalan_kode)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def tahun_target() -> list[int]:
    return target.tahun_target(aplikasi().engine)


# The import modules (pydantic's row models among them) load with the import page, not with the
# first page every visitor opens.
def konteks_impor(pengguna: str, hari_ini: date) -> impor.KonteksImpor:
    from data_access import impor

    app = aplikasi()
    return impor.KonteksImpor(pengguna, hari_ini, gazetteer(), kunci_nik(), lambda kode: titik_desa(app.batas.desa, kode))


def periksa_impor(jenis: str, isi: bytes, nama_berkas: str, pengguna: str, hari_ini: date,
                  kemajuan=None, terima_koreksi: bool = False) -> tuple[impor.HasilImpor, pd.DataFrame]:
    """Check an upload without writing (not cached: files may hold personal data)."""
    from data_access import impor
    from data_access.impor_batas import impor_batas

    wajib(sesi.peran_sesi(), "impor")
    if jenis == "batas":
        app = aplikasi()
        return impor_batas(app.engine, isi, nama_berkas, app.pengaturan.folder_data,
                           konteks_impor(pengguna, hari_ini), kering=True), pd.DataFrame()
    hasil, sah = impor.periksa(aplikasi().engine, jenis, isi, nama_berkas, konteks_impor(pengguna, hari_ini),
                               kemajuan, terima_koreksi)
    return hasil, impor.pratinjau(sah)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def ada_data_demo() -> bool:
    """Whether any demo row is left (a database that also holds real rows may still have some)."""
    with aplikasi().engine.connect() as k:
        return demo_ada(k)


def jalankan_impor(jenis: str, isi: bytes, nama_berkas: str, pengguna: str, hari_ini: date, hanya_yang_sah: bool,
                   kemajuan=None, terima_koreksi: bool = False, hapus_demo: bool = False) -> impor.HasilImpor:
    """Import, then drop every cached view: any of them may show what was imported."""
    from data_access import impor
    from data_access.impor_batas import impor_batas

    wajib(sesi.peran_sesi(), "impor")
    app = aplikasi()
    if jenis == "batas":
        hasil = impor_batas(app.engine, isi, nama_berkas, app.pengaturan.folder_data,
                            konteks_impor(pengguna, hari_ini))
        if hasil.status == "berhasil":
            aplikasi.clear()  # the next run loads the new boundaries
            geometri_peta.clear()  # and writes their map files
    else:
        hasil = impor.impor(app.engine, jenis, isi, nama_berkas, konteks_impor(pengguna, hari_ini),
                            hanya_yang_sah=hanya_yang_sah, kemajuan=kemajuan, terima_koreksi=terima_koreksi,
                            hapus_demo=hapus_demo)
    if hasil.status == "berhasil":
        st.cache_data.clear()
        _pola.clear()  # the public pattern too: removing the demo changes every count
        _jalan_target.clear()
    return hasil


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False, max_entries=8)
def isi_briefing(s: Saringan, hari_ini: date, nama_wilayah: str, label_periode: str, bahasa: str,
                 ambang: int) -> IsiBriefing:
    """What the briefing says for the overview's filter, as this viewer may see it; built when a
    download is clicked, shared by the PPTX and the PDF."""
    app = aplikasi()
    demo = info_dataset().get("sumber") == "demo"
    return susun_briefing(app.engine, app.batas, s, hari_ini, nama_wilayah, label_periode, bahasa, ambang,
                          t("label_demo", bahasa) if demo else None, pola(s, ambang),
                          _pola(periode_dari_kunci("ytd", hari_ini), ambang), ambang_kesiapan(),
                          # the page's projections, not fitted again for the download
                          jalan=_jalan_target(s.kode_wilayah, s.segmen, s.program, hari_ini)
                          if s.periode.selesai == hari_ini else None)


def deck_briefing(*argumen) -> bytes:
    """The briefing deck (PPTX); arguments as `isi_briefing`."""
    from laporan.deck import buat_deck  # python-pptx loads only when a deck is asked for

    return buat_deck(isi_briefing(*argumen))


def pdf_briefing(*argumen) -> bytes:
    """The briefing as a PDF; arguments as `isi_briefing`."""
    from laporan.pdf import buat_pdf  # matplotlib loads only when a PDF is asked for

    return buat_pdf(isi_briefing(*argumen))


# A projection fits one small model per target (domain.proyeksi): kept for the day, the history it
# reads changes only when a month closes or data is imported (an import clears it). A resource, not
# data: the page reads it on every rerun, and unpickling its hundreds of small series and frames was
# 40 ms of each overview rerun; nothing changes a JalanTarget once built (it is frozen, and its
# readers in tampilan.publik build new frames).
@st.cache_resource(ttl=3600, show_spinner=False, max_entries=32)
def _jalan_target(awalan: str, segmen: str | None, program: str | None, hari_ini: date) -> proyeksi.JalanTarget:
    return proyeksi.jalan_ke_target(aplikasi().engine, awalan, segmen, program, hari_ini,
                                    capaian_target(awalan, hari_ini.year, hari_ini))


def berkas_tabel(data, nama: str, catatan: str | None) -> tuple[bytes, bytes]:
    """A shown table's CSV and XLSX files, built once per content: the same table shown again (a
    rerun, a return to the page, another viewer) costs a hash of its cells, not two files."""
    tabel = sebagai_tabel(data)
    # Every cell hashed here: Streamlit's own hash of a frame of 100,000 rows or more reads a sample.
    sidik = hashlib.sha256(pd.util.hash_pandas_object(tabel, index=False).to_numpy().tobytes()
                           + repr([(str(k), str(j)) for k, j in tabel.dtypes.items()]).encode()).hexdigest()
    return _berkas_tabel(sidik, nama, catatan, tabel)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False, max_entries=128)
def _berkas_tabel(sidik: str, nama: str, catatan: str | None, _tabel: pd.DataFrame) -> tuple[bytes, bytes]:
    return ke_csv(_tabel), ke_xlsx(_tabel, nama, catatan)


# What a viewer sees of the projections and the key messages, kept as long as the counts they come
# from: decided anew on every rerun, they were a fifth of the overview's script time.
@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False, max_entries=64)
def _jalan_publik(awalan: str, segmen: str | None, program: str | None, hari_ini: date, ambang: int) -> pd.DataFrame:
    return tp.jalan_publik(_jalan_target(awalan, segmen, program, hari_ini), hari_ini,
                           _pola(periode_dari_kunci("ytd", hari_ini), ambang))


def jalan_target(s: Saringan, hari_ini: date, ambang: int) -> tuple[proyeksi.JalanTarget, pd.DataFrame]:
    """The year's targets in the filter's region with their projections, and the rows as this viewer
    may see them (tampilan.publik.jalan_publik; today's counts follow the year to date's pattern)."""
    return (_jalan_target(s.kode_wilayah, s.segmen, s.program, hari_ini),
            _jalan_publik(s.kode_wilayah, s.segmen, s.program, hari_ini, ambang))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False, max_entries=64)
def riwayat_target(s: Saringan, hari_ini: date, ambang: int) -> pd.DataFrame | None:
    """The filter region's own target history and projection for the chart, as this viewer may see it."""
    jalan = _jalan_target(s.kode_wilayah, s.segmen, s.program, hari_ini)
    return tp.riwayat_publik(jalan, s.kode_wilayah, s.segmen or "SEMUA", s.program or "SEMUA",
                             _pola(periode_dari_kunci("ytd", hari_ini), ambang))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def _desa_menjadi_siap(awalan: str, sebelum: date, akhir: date) -> pd.DataFrame:
    return desa_sadar.desa_menjadi_siap(aplikasi().engine, awalan, sebelum, akhir, ambang_kesiapan())


def desa_menjadi_siap(awalan: str, sebelum: date, akhir: date) -> pd.DataFrame:
    """Villages that became ready in the region between the two days; decided village by village, so
    the regency's list is sliced."""
    return _di_wilayah(_desa_menjadi_siap(_wilayah_kabupaten(awalan), sebelum, akhir), "kode", awalan)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False, max_entries=64)
def pesan_kunci(s: Saringan, hari_ini: date, bahasa: str, ambang: int) -> list[pesan.PesanKunci]:
    """The key messages of the overview and the deck for this filter and viewer."""
    jalan = _jalan_publik(s.kode_wilayah, s.segmen, s.program, hari_ini, ambang) \
        if s.periode.selesai == hari_ini else pd.DataFrame()
    return pesan.pesan_kunci(ringkasan_halaman(s, ambang).angka, jalan, hasil_kegiatan(s, hari_ini, (), ambang),
                             desa_menjadi_siap(s.kode_wilayah, s.hari_sebelum_mulai, s.periode.selesai),
                             s.kode_wilayah, s.tingkat, s.segmen, s.program, hari_ini, bahasa)
