"""The briefing's content gathered for one filter and one viewer, without Streamlit: the same
queries and the same presentation step (tampilan.publik) as the pages, so the deck shows what the
screens show."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pandas as pd
import sqlalchemy as sa

from data_access import iuran
from data_access.batas import BatasWilayah
from data_access.config import Pengaturan
from data_access.desa_sadar import desa_menjadi_siap, status_desa
from data_access.proyeksi import JalanTarget, jalan_ke_target
from domain.desa_sadar import AmbangKesiapan
from domain.periode import periode_dari_kunci
from data_access.kegiatan import hasil_kegiatan
from data_access.peta import gambar_peta_briefing, nilai_desa
from data_access.publik import pola_publik
from data_access.ringkasan import ringkasan_halaman, tanggal_data
from domain.publik import PolaPublik
from domain.saringan import Saringan
from laporan.briefing import IsiBriefing
from tampilan import pesan
from tampilan import publik as tp


def susun_briefing(engine: sa.Engine, batas: BatasWilayah, s: Saringan, hari_ini: date, nama_wilayah: str,
                   label_periode: str, bahasa: str, ambang: int, label_demo: str | None,
                   pola: PolaPublik | None = None, pola_hari_ini: PolaPublik | None = None,
                   ambang_kesiapan: AmbangKesiapan | None = None, dibuat: datetime | None = None,
                   jalan: JalanTarget | None = None) -> IsiBriefing:
    """Everything the deck and the PDF say for region `s`, as a viewer with threshold `ambang` may
    see it; `pola` is the period's pattern and `pola_hari_ini` the year to date's (today's counts,
    for the road to the target) and `jalan` the projected targets, when the caller already holds them."""
    pola = pola or pola_publik(engine, batas.kode_kab, s.periode, ambang)
    seregensi = Saringan(batas.kode_kab, s.periode, s.program, s.segmen)
    peta = tp.nilai_peta(nilai_desa(engine, seregensi), "cakupan", seregensi, pola)
    kegiatan = tp.kegiatan_publik(hasil_kegiatan(engine, Saringan(s.kode_wilayah, s.periode), hari_ini), ambang)
    halaman = tp.ringkasan_publik(ringkasan_halaman(engine, s), s, pola)
    jalan_tampil, riwayat, bantuan, target_sendiri = pd.DataFrame(), None, "", None
    if s.periode.selesai == hari_ini:  # the road to the target is this year's, seen from today
        pola_hari_ini = pola_hari_ini or (pola if s.periode.kunci == "ytd"
                                          else pola_publik(engine, batas.kode_kab, periode_dari_kunci("ytd", hari_ini), ambang))
        jalan = jalan or jalan_ke_target(engine, s.kode_wilayah, s.segmen, s.program, hari_ini)
        jalan_tampil = tp.jalan_publik(jalan, hari_ini, pola_hari_ini)
        riwayat = tp.riwayat_publik(jalan, s.kode_wilayah, s.segmen or "SEMUA", s.program or "SEMUA", pola_hari_ini)
        bantuan = pesan.bantuan_proyeksi(jalan.uji, bahasa)
        sendiri = tp.target_sendiri(jalan_tampil, s.kode_wilayah, s.segmen, s.program)
        target_sendiri = None if sendiri is None else int(sendiri["target"])
    tanpa_program = Saringan(s.kode_wilayah, s.periode, None, s.segmen)  # contributions are for every programme
    siap = desa_menjadi_siap(engine, s.kode_wilayah, s.hari_sebelum_mulai, s.periode.selesai,
                             ambang_kesiapan or AmbangKesiapan(Pengaturan.ambang_cakupan_bpu, Pengaturan.ambang_perangkat))
    return IsiBriefing(
        nama_wilayah=nama_wilayah, hari_ini=hari_ini, label_periode=label_periode, akhir_periode=s.periode.selesai, tanggal_data=tanggal_data(engine),
        bahasa=bahasa, ambang=ambang, label_demo=label_demo, halaman=halaman, kegiatan=kegiatan,
        desa_sadar=status_desa(engine, s.kode_wilayah, hari_ini, False),
        peta=gambar_peta_briefing(engine, batas, s, peta, ambang, bahasa),
        pesan=tuple(pesan.pesan_kunci(halaman.angka, jalan_tampil, kegiatan, siap, s.kode_wilayah, s.tingkat,
                                      s.segmen, s.program, hari_ini, bahasa)),
        jalan=None if jalan_tampil.empty else tp.meleset_target(jalan_tampil), riwayat=riwayat, target_sendiri=target_sendiri, bantuan_proyeksi=bantuan,
        judul=pesan.judul_briefing(nama_wilayah, s.periode, bahasa),
        iuran=tp.iuran_publik(iuran.bulanan(engine, tanpa_program), tanpa_program, pola),
        definisi_aktif=pesan.kalimat_definisi_aktif(iuran.definisi_aktif(engine, s.kode_wilayah, s.segmen), s.segmen,
                                                    bahasa),
        dibuat=dibuat or datetime.now(timezone.utc))
