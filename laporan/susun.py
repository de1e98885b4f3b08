"""The briefing's content gathered for one filter and one viewer, without Streamlit: the same
queries and the same presentation step (tampilan.publik) as the pages, so the deck shows what the
screens show."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.batas import BatasWilayah
from data_access.desa_sadar import status_desa
from data_access.kegiatan import hasil_kegiatan
from data_access.peta import gambar_peta_briefing, nilai_desa
from data_access.publik import pola_publik
from data_access.ringkasan import ringkasan_halaman, tanggal_data
from domain.publik import PolaPublik
from domain.saringan import Saringan
from laporan.briefing import IsiBriefing
from tampilan import publik as tp


def susun_briefing(engine: sa.Engine, batas: BatasWilayah, s: Saringan, hari_ini: date, nama_wilayah: str,
                   label_periode: str, bahasa: str, ambang: int, label_demo: str | None,
                   pola: PolaPublik | None = None) -> IsiBriefing:
    """Everything the deck and the PDF say for region `s`, as a viewer with threshold `ambang` may
    see it; `pola` is the period's pattern when the caller already holds it."""
    pola = pola or pola_publik(engine, batas.kode_kab, s.periode, ambang)
    seregensi = Saringan(batas.kode_kab, s.periode, s.program, s.segmen)
    peta = tp.nilai_peta(nilai_desa(engine, seregensi), "cakupan", seregensi, pola)
    kegiatan: pd.DataFrame = hasil_kegiatan(engine, Saringan(s.kode_wilayah, s.periode), hari_ini)
    return IsiBriefing(
        nama_wilayah=nama_wilayah, label_periode=label_periode, tanggal_data=tanggal_data(engine), bahasa=bahasa,
        ambang=ambang, label_demo=label_demo,
        halaman=tp.ringkasan_publik(ringkasan_halaman(engine, s), s, pola),
        kegiatan=tp.kegiatan_publik(kegiatan, ambang),
        desa_sadar=status_desa(engine, s.kode_wilayah, hari_ini, False),
        peta=gambar_peta_briefing(engine, batas, s, peta, ambang, bahasa))
