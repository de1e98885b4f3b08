"""Kegiatan: what each outreach event produced, events side by side, and adding or changing one."""

import functools
from datetime import date

import pandas as pd
import streamlit as st

from domain.peran import boleh
from layanan import cache
from layanan.sesi import konteks
from layanan.sisi import tautan_sebahasa
from data_access.kegiatan import KegiatanDitolak
from tampilan import format as fmt
from tampilan import grafik
from domain.kegiatan import BULAN_IURAN, BULAN_RETENSI, JENIS_KEGIATAN, IsianKegiatan, label_jenis
from domain.layar import TARGET_TERBESAR
from tampilan.format import label_periode
from tampilan.publik import corong_publik
from domain.program import SUMBER_DANA
from tampilan.teks import label_isian, t
from halaman import komponen

# An event's row: a frame's row, or one of its records (a table's columns read every row).
Baris = pd.Series | dict

k = konteks()
bahasa, hari_ini = k.bahasa, k.hari_ini
demo = cache.info_dataset().get("sumber") == "demo"
label_demo = t("label_demo", bahasa) if demo else None

st.title(f"{t('kegiatan_menu', bahasa)} · {fmt.aman_markdown(k.nama_wilayah)}")
st.caption(f"{label_periode(k.s.periode.kunci, hari_ini, bahasa)} · {t('kegiatan_tanpa_saringan', bahasa)}"
           + (f" · **{label_demo}**" if demo else ""))

if pesan := st.session_state.pop("pesan_kegiatan", None):
    st.success(pesan, icon=":material/check_circle:")
tautan_sebahasa("jenis", JENIS_KEGIATAN, label_jenis, bahasa, banyak=True)
jenis = st.pills(t("jenis_kegiatan", bahasa), list(JENIS_KEGIATAN), selection_mode="multi", key="jenis",
                 bind="query-params", format_func=lambda j: label_jenis(j, bahasa))
hasil = cache.hasil_kegiatan(k.s, hari_ini, tuple(sorted(jenis)), k.ambang)
tersembunyi = fmt.label_tersembunyi(k.ambang)  # event counts are hidden only when small: "<k" is true


def _retensi(baris: Baris, b: int, singkat: bool = False) -> str:
    aktif = baris[f"aktif_{b}_bulan"]
    if baris[f"aktif_{b}_bulan_tersembunyi"]:
        return tersembunyi
    if pd.isna(aktif):
        return t("belum", bahasa) if singkat else t("belum_bulan", bahasa, b=str(b))
    return f"{fmt.angka(aktif)} ({fmt.persen(baris[f'retensi_{b}_bulan_persen'])})"


def _biaya_per_aktif(baris: Baris, singkat: bool = False) -> str:
    if pd.isna(baris["biaya"]):
        return "–" if singkat else t("biaya_tidak_diketahui", bahasa)
    if baris[f"aktif_{BULAN_RETENSI[-1]}_bulan_tersembunyi"]:
        return tersembunyi
    if pd.isna(baris[f"aktif_{BULAN_RETENSI[-1]}_bulan"]):
        return t("belum", bahasa) if singkat else t("belum_bulan", bahasa, b=str(BULAN_RETENSI[-1]))
    return fmt.rupiah(baris["biaya_per_aktif"])


def _hadir(baris: Baris) -> str:
    if baris["jumlah_hadir_tersembunyi"]:
        return tersembunyi
    return fmt.angka(None if pd.isna(baris["jumlah_hadir"]) else int(baris["jumlah_hadir"]))


def _pendaftar(n) -> str:
    return tersembunyi if pd.isna(n) else fmt.angka(int(n))


def _label_kegiatan(baris: Baris) -> str:
    # Bound to the URL as it is shown: the same words in both languages keep a shared link working.
    return f"{baris['nama']} ({pd.Timestamp(baris['tanggal_mulai']):%d/%m/%Y})"


def _tabel(df: pd.DataFrame) -> dict[str, list]:
    # Rows as dictionaries once: a pandas row per cell function and column was most of this table's cost.
    baris = df.to_dict("records")
    return {
        t("kolom_kegiatan", bahasa): df["nama"].tolist(),
        t("kolom_jenis", bahasa): [label_jenis(j, bahasa) for j in df["jenis"]],
        t("kolom_desa", bahasa): df["nama_desa"].tolist(),
        t("kecamatan", bahasa): df["nama_kec"].tolist(),
        t("kolom_tanggal", bahasa): [fmt.tanggal(pd.Timestamp(d).date(), bahasa) for d in df["tanggal_mulai"]],
        t("kolom_hadir", bahasa): [_hadir(r) for r in baris],
        t("kolom_pendaftar", bahasa): [_pendaftar(n) for n in df["pendaftar"]],
        t("kolom_konversi", bahasa): [fmt.persen(v) for v in df["konversi_persen"]],
        **{t("kolom_aktif_bulan", bahasa, b=str(b)): [_retensi(r, b) for r in baris] for b in BULAN_RETENSI},
        t("kolom_biaya", bahasa): [fmt.rupiah(None if pd.isna(c) else int(c)) for c in df["biaya"]],
        t("kolom_biaya_per_aktif", bahasa): [_biaya_per_aktif(r) for r in baris],
        **{t("kolom_iuran_bulan", bahasa, b=str(b)): [_iuran(r, b) for r in baris] for b in BULAN_IURAN},
        t("kolom_iuran_per_biaya", bahasa): [_iuran_per_biaya(r) for r in baris],
    }


def _iuran(baris: Baris, b: int) -> str:
    if pd.isna(baris[f"iuran_{b}_bulan"]):
        return tersembunyi if baris[f"matang_iuran_{b}_bulan"] > 0 else t("belum", bahasa)
    return fmt.rupiah(int(baris[f"iuran_{b}_bulan"]))


def _iuran_per_biaya(baris: Baris) -> str:
    nilai = baris[f"iuran_per_biaya_{BULAN_IURAN[-1]}_bulan"]
    return "–" if pd.isna(nilai) else fmt.desimal(nilai, 2) + "×"


def _formulir(kunci: str, awal: pd.Series | None) -> None:
    """The event form, empty to add or filled to edit; a village is typed and resolved by name."""
    with st.form(kunci, clear_on_submit=awal is None):
        nama = st.text_input(t("nama_kegiatan", bahasa), value="" if awal is None else awal["nama"], max_chars=200)
        jenis_isian = st.selectbox(t("jenis_kegiatan", bahasa), list(JENIS_KEGIATAN),
                                   index=0 if awal is None else list(JENIS_KEGIATAN).index(awal["jenis"]),
                                   format_func=lambda j: label_jenis(j, bahasa))
        kiri, kanan = st.columns(2)
        teks_desa = kiri.text_input(t("desa", bahasa), value="" if awal is None else awal["nama_desa"],
                                    placeholder="mis. Wonopringgo")
        teks_kec = kanan.text_input(t("kecamatan_opsional", bahasa), value="" if awal is None else awal["nama_kec"])
        mulai = kiri.date_input(t("tanggal_mulai", bahasa), format="DD/MM/YYYY",
                                value=hari_ini if awal is None else pd.Timestamp(awal["tanggal_mulai"]).date())
        selesai = kanan.date_input(t("tanggal_selesai", bahasa), format="DD/MM/YYYY",
                                   value=hari_ini if awal is None else pd.Timestamp(awal["tanggal_selesai"]).date())
        hadir = kiri.number_input(t("jumlah_hadir", bahasa), min_value=0, step=1, value=(
            None if awal is None or pd.isna(awal["jumlah_hadir"]) else int(awal["jumlah_hadir"])))
        biaya = kanan.number_input(t("biaya_rp", bahasa), min_value=0, step=100_000, value=(
            None if awal is None or pd.isna(awal["biaya"]) else int(awal["biaya"])))
        target_isian = kiri.number_input(t("target_pendaftar", bahasa), min_value=1, max_value=TARGET_TERBESAR, step=10,
                                         value=None if awal is None or pd.isna(awal["target_pendaftar"])
                                         else int(awal["target_pendaftar"]))
        catatan = st.text_area(t("kolom_catatan", bahasa), value="" if awal is None or pd.isna(awal["catatan"])
                               else awal["catatan"], max_chars=2000)
        kirim = st.form_submit_button(t("simpan_kegiatan", bahasa), type="primary")
    if not kirim:
        return
    hasil_desa = cache.gazetteer().cari(teks_desa, teks_kec or None) if teks_desa.strip() else None
    if hasil_desa is not None and not hasil_desa.kode:
        st.error(hasil_desa.pesan_dalam(bahasa), icon=":material/error:")
        return
    isian = IsianKegiatan(nama=nama, jenis=jenis_isian, kode_desa=hasil_desa.kode if hasil_desa else "",
                          tanggal_mulai=mulai if isinstance(mulai, date) else hari_ini,
                          tanggal_selesai=selesai if isinstance(selesai, date) else hari_ini,
                          jumlah_hadir=None if hadir is None else int(hadir),
                          biaya=None if biaya is None else int(biaya), catatan=catatan,
                          target_pendaftar=None if target_isian is None else int(target_isian))
    try:
        nomor = cache.simpan_kegiatan(isian, hari_ini, None if awal is None else int(awal["id"]))
    except KegiatanDitolak as e:
        st.error(str(e), icon=":material/error:")
    else:
        # Rerun so the list and the results above show the saved event; the message waits for it.
        st.session_state["pesan_kegiatan"] = t("kegiatan_tersimpan", bahasa, nomor=str(nomor))
        st.rerun()


def semua_kegiatan() -> None:
    komponen.tabel(_tabel(hasil), "kegiatan", bahasa, catatan=label_demo)
    if demo:
        st.caption(label_demo)
    titik, garis, rata = corong_publik(hasil, BULAN_RETENSI[0])
    if len(titik) >= 3:
        st.subheader(t("corong_judul", bahasa, b=str(BULAN_RETENSI[0])), help=t("corong_bantuan", bahasa))
        komponen.grafik(grafik.corong(titik, garis, rata, BULAN_RETENSI[0], bahasa, label_demo))


def rincian_kegiatan(dipilih: int) -> None:
    ev = hasil[hasil["id"] == dipilih].iloc[0]
    st.header(fmt.aman_markdown(ev["nama"]))
    st.caption(f"{label_jenis(ev['jenis'], bahasa)} · {fmt.aman_markdown(ev['nama_desa'])}, {t('kec_singkat', bahasa)} "
               f"{fmt.aman_markdown(ev['nama_kec'])} · {fmt.tanggal(pd.Timestamp(ev['tanggal_mulai']).date(), bahasa)}")
    kolom = st.columns(6)
    kolom[0].metric(t("kolom_hadir", bahasa), _hadir(ev))
    kolom[1].metric(t("kolom_pendaftar", bahasa), _pendaftar(ev["pendaftar"]))
    kolom[2].metric(t("kolom_konversi", bahasa), fmt.persen(ev["konversi_persen"]), help=t("konversi_bantuan", bahasa))
    for kol, b in zip(kolom[3:5], BULAN_RETENSI, strict=True):
        kol.metric(t("kolom_aktif_bulan", bahasa, b=str(b)), _retensi(ev, b, singkat=True),
                   help=t("aktif_bulan_bantuan", bahasa, b=str(b)))
    kolom[5].metric(t("kolom_biaya_per_aktif", bahasa), _biaya_per_aktif(ev, singkat=True),
                    help=t("biaya_bantuan", bahasa) + " " + t("biaya_tidak_diketahui", bahasa).capitalize() + ": –.")

    rincian = cache.rincian_kegiatan(dipilih, k.ambang)
    kiri, kanan = st.columns([3, 1])
    with kiri:
        if not pd.isna(ev["pendaftar"]) and int(ev["pendaftar"]) == 0:
            st.info(t("pendaftar_nol", bahasa))
        else:
            atas, bawah = st.columns(2), st.columns(2)
            for tempat, (judul, df) in zip([*atas, *bawah], [
                    ("rincian_program", rincian.program), ("rincian_segmen", rincian.segmen),
                    ("rincian_pekerjaan", rincian.pekerjaan),
                    ("rincian_dana", rincian.sumber_dana.assign(kategori=lambda d: d["kategori"].map(
                        lambda v: label_isian("sumber_dana", SUMBER_DANA.get(v, v), bahasa))))], strict=True):
                tempat.markdown(f"**{t(judul, bahasa)}**")
                if df.empty:  # every category hidden: say so rather than draw an empty frame
                    tempat.caption(t("tersembunyi", bahasa, k=str(k.ambang)))
                    continue
                komponen.grafik(grafik.batang(df, "kategori", "jumlah", bahasa, label_demo,
                                              judul_nilai=t("kolom_pendaftar", bahasa),
                                              tinggi=110 + 30 * len(df)), tempat)
    with kanan:
        st.image(cache.url_peta_kecil_desa(str(ev["kode_desa"])), width="stretch")
        if isinstance(ev["catatan"], str) and ev["catatan"]:
            st.caption(fmt.aman_markdown(ev["catatan"]))
        bahasa_tautan = "&bahasa=English" if bahasa == "en" else ""
        st.markdown(f"[{t('tautan_layar', bahasa)}](/layar?kegiatan={dipilih}{bahasa_tautan})  \n"
                    f"[{t('tautan_daftar', bahasa)}](/daftar?kegiatan={dipilih}{bahasa_tautan})")
        if boleh(k.peran, "ubah_kegiatan"):
            komponen.kendali_layar(dipilih, bahasa)

    kurva = cache.kurva_bayar(dipilih, tuple(int(i) for i in hasil["id"]), hari_ini, k.ambang)
    if not kurva.empty:
        st.subheader(t("kurva_judul", bahasa), help=t("kurva_bantuan", bahasa))
        komponen.grafik(grafik.kurva_bertahan(kurva.assign(kurva=kurva["kurva"].map(
            {"kegiatan": label[dipilih], "semua": t("kurva_semua", bahasa)})), bahasa, label_demo))

    st.subheader(t("sekitar_kegiatan", bahasa))
    st.caption(t("sekitar_bantuan", bahasa))
    komponen.grafik(grafik.linimasa(cache.linimasa_kegiatan((dipilih,)), {dipilih: label[dipilih]},
                                    bahasa, label_demo))

    # The forms are built only while their section is open (on_change="rerun"): two folded forms of
    # eleven fields each cost a navigation here as much as six charts, drawn for nobody.
    with st.expander(t("ubah_kegiatan", bahasa), key="buka_ubah_kegiatan", on_change="rerun") as bagian:
        if bagian.open:
            st.caption(t("petugas_saja", bahasa))
            _formulir(f"ubah_{dipilih}", ev)


def bandingkan() -> None:
    st.subheader(t("bandingkan", bahasa))
    banding = st.multiselect(t("bandingkan", bahasa), list(label), key="banding", bind="query-params",
                             format_func=label.get, max_selections=4, label_visibility="collapsed",
                             placeholder=t("bandingkan_bantuan", bahasa))
    if len(banding) >= 2:
        pilihan = hasil.set_index("id").loc[banding].reset_index()
        tabel = _tabel(pilihan)
        nama_kolom = tabel.pop(t("kolom_kegiatan", bahasa))
        komponen.tabel(pd.DataFrame(tabel, index=nama_kolom).T.rename_axis(t("ukuran", bahasa)).reset_index(),
                       "kegiatan_banding", bahasa, catatan=label_demo)
        komponen.grafik(grafik.linimasa(cache.linimasa_kegiatan(tuple(int(i) for i in banding)),
                                        {int(i): label[i] for i in banding}, bahasa, label_demo))


if hasil.empty:
    st.info(t("kegiatan_kosong", bahasa), icon=":material/search_off:")
else:
    label = {int(r["id"]): _label_kegiatan(r) for r in hasil.to_dict("records")}
    # One section at a time, only the open tab drawn (as on Ringkasan). The event chosen here is the
    # one the detail tab shows, so choosing one opens that tab; a link naming an event (?lihat=) or
    # events to compare (?banding=) opens on that tab.
    TAB = ("tab_kegiatan_semua", "tab_kegiatan_rincian", "tab_kegiatan_banding")
    dipilih = st.selectbox(t("lihat_kegiatan", bahasa), list(label), key="lihat", bind="query-params",
                           format_func=label.get,
                           on_change=lambda: st.session_state.update(tab_kegiatan=t(TAB[1], bahasa)))
    awal = TAB[2] if "banding" in st.query_params else TAB[1] if "lihat" in st.query_params else TAB[0]
    komponen.tab_satu_per_satu("tab_kegiatan", {TAB[0]: semua_kegiatan, TAB[1]: functools.partial(
        rincian_kegiatan, int(dipilih)), TAB[2]: bandingkan}, bahasa, awal=awal)

with st.expander(t("tambah_kegiatan", bahasa), key="buka_tambah_kegiatan", on_change="rerun") as bagian:
    if bagian.open:
        st.caption(t("petugas_saja", bahasa))
        _formulir("tambah", None)
