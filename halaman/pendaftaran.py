"""Pendaftaran: a phone-sized form for staff registering people on the spot at an event."""

import secrets

import pandas as pd
import streamlit as st

from halaman import komponen
from layanan import cache
from layanan.sesi import konteks
from data_access.pendaftaran import PendaftaranDitolak
from tampilan import format as fmt
from domain.pendaftaran import Pendaftaran
from domain.program import (PEKERJAAN_BPU_UMUM, PROGRAM_BOLEH, PROGRAM_WAJIB, SUMBER_DANA, SUMBER_DANA_BPU, Program,
                            Segmen)
from tampilan.teks import alasan_dalam, label_isian, t

k = konteks()
bahasa = k.bahasa
hari_ini = k.hari_ini
st.title(t("pendaftaran", bahasa))
# The person's fields carry the number of people saved in this session in their keys: after a save
# they are new widgets, empty for the next person (a browser keeps what a reused widget showed). The
# event, the village and the segment keep theirs and stay for the next person at the table.
ke = st.session_state.setdefault("daftar_ke", 0)
if pesan := st.session_state.pop("daftar_tersimpan", None):
    st.success(pesan, icon=":material/check_circle:")
if cache.info_dataset().get("sumber") == "demo":
    st.info(t("daftar_latihan", bahasa), icon=":material/school:")
# This submission's name: a save sent again after a lost reply is recorded once (data_access.pendaftaran).
token = st.session_state.setdefault("daftar_token", secrets.token_urlsafe(24))
galat: dict[str, str] = st.session_state.get("daftar_galat", {})
if galat:
    st.error(t("daftar_periksa_isian", bahasa), icon=":material/error:")


def tanda(isian: str) -> None:
    """The reason a field was refused, right under it."""
    if isian in galat:
        st.error(alasan_dalam(galat[isian], bahasa))


kegiatan = cache.daftar_kegiatan()
pilihan_kegiatan = [None, *kegiatan["id"].astype(int).tolist()]
nama_kegiatan = {int(i): f"{n} ({fmt.tanggal(tgl, bahasa)}, {d})" for i, n, tgl, d, _ in kegiatan.itertuples(index=False)}
rentang = {int(i): (mulai, selesai) for i, _, mulai, _, selesai in kegiatan.itertuples(index=False)}
dari_tautan = st.query_params.get("kegiatan", "")
awal = pilihan_kegiatan.index(int(dari_tautan)) if dari_tautan.isdigit() and int(dari_tautan) in nama_kegiatan else 0
id_kegiatan = st.selectbox(t("kegiatan", bahasa), pilihan_kegiatan, index=awal,
                           format_func=lambda i: nama_kegiatan.get(i, t("tanpa_kegiatan", bahasa)))
if id_kegiatan is not None:
    mulai, selesai = (pd.Timestamp(x).date() for x in rentang[id_kegiatan])
    if hari_ini < mulai:
        st.warning(t("kegiatan_belum_mulai", bahasa, tanggal=fmt.tanggal(mulai, bahasa)))
    elif hari_ini > selesai:
        st.warning(t("kegiatan_sudah_lewat", bahasa, tanggal=fmt.tanggal(selesai, bahasa)))
    komponen.kendali_layar(id_kegiatan, bahasa)

teks_desa = st.text_input(t("desa", bahasa), key="daftar_desa", placeholder=t("contoh_desa", bahasa))
hasil_desa = cache.gazetteer().cari(teks_desa) if teks_desa.strip() else None
if hasil_desa and hasil_desa.kode:
    pilihan = hasil_desa.kandidat[0]
    st.caption(f"✓ {fmt.aman_markdown(pilihan.nama)}, {t('kec_singkat', bahasa)} {fmt.aman_markdown(pilihan.nama_kec)} ({pilihan.kode})")
elif hasil_desa:
    st.warning(hasil_desa.pesan_dalam(bahasa))
tanda("desa")

segmen = st.selectbox(t("segmen", bahasa), [s.value for s in Segmen], index=[s.value for s in Segmen].index("BPU"),
                      key="daftar_segmen")
boleh, wajib = PROGRAM_BOLEH[Segmen(segmen)], PROGRAM_WAJIB[Segmen(segmen)]

# Nothing is cleared on submit: a refused save keeps everything typed (a NIK typo must not cost the
# village, the occupation and every choice); a saved one clears the person's fields on the rerun.
with st.form("pendaftaran", clear_on_submit=False):
    st.markdown(f"**{t('program', bahasa)}**")
    kolom = st.columns(len(Program))
    dipilih = set()
    for kol, program in zip(kolom, Program, strict=True):
        # Mandatory programmes are ticked and locked; ones the segment may not hold are locked off.
        if kol.checkbox(program.value, value=program in wajib, disabled=program in wajib or program not in boleh,
                        key=f"daftar_{program.value}_{ke}"):
            dipilih.add(program.value)
    dipilih |= {p.value for p in wajib}
    tanda("program")
    pekerjaan = st.selectbox(t("pekerjaan", bahasa), [*PEKERJAAN_BPU_UMUM, "Lainnya"], key=f"daftar_pekerjaan_{ke}",
                             format_func=lambda p: label_isian("pekerjaan", p, bahasa))
    jenis_kelamin = st.radio(t("jenis_kelamin", bahasa), ["L", "P"], horizontal=True, key=f"daftar_jenis_kelamin_{ke}",
                             format_func=lambda j: label_isian("jenis_kelamin", {"L": "Laki-laki", "P": "Perempuan"}[j], bahasa))
    tanda("jenis_kelamin")
    tahun_lahir = st.number_input(t("tahun_lahir", bahasa), min_value=1930, max_value=hari_ini.year - 15,
                                  value=1985, step=1, key=f"daftar_tahun_lahir_{ke}")
    tanda("tahun_lahir")
    sumber_dana = st.selectbox(t("sumber_dana", bahasa), list(SUMBER_DANA_BPU), key=f"daftar_sumber_dana_{ke}", format_func=lambda d: label_isian("sumber_dana", SUMBER_DANA.get(d, d), bahasa))
    nik = st.text_input("NIK", type="password", max_chars=20, help=t("bantuan_nik", bahasa), key=f"daftar_nik_{ke}")
    tanda("nik")
    kirim = st.form_submit_button(t("simpan", bahasa), type="primary", width="stretch")

if kirim:
    isian = Pendaftaran(kode_desa=hasil_desa.kode if hasil_desa and hasil_desa.kode else "", segmen=segmen,
                        program=frozenset(dipilih), pekerjaan=pekerjaan, jenis_kelamin=jenis_kelamin,
                        tahun_lahir=int(tahun_lahir), sumber_dana=sumber_dana, nik=nik, kegiatan_id=id_kegiatan)
    try:
        nomor = cache.daftarkan(isian, hari_ini, token)
    except PendaftaranDitolak as e:
        # Shown at the fields on the rerun; everything typed stays (the widgets keep their keys).
        st.session_state["daftar_galat"] = e.isian
        st.rerun()
    else:
        st.session_state.pop("daftar_galat", None)
        # The registration number is a receipt for staff; it says nothing about the person.
        st.session_state["daftar_tersimpan"] = t("tersimpan", bahasa, program=", ".join(sorted(dipilih)), nomor=str(nomor))
        st.session_state["daftar_ke"] = ke + 1
        st.session_state.pop("daftar_token", None)  # the next person is a new submission
        st.rerun()
