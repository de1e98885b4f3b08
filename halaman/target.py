"""Target: each target against what was achieved, for the regency, each kecamatan and each village."""

import pandas as pd
import streamlit as st

from layanan import cache
from layanan.sesi import konteks
from tampilan import format as fmt
from tampilan import grafik
from tampilan.teks import t
from halaman import komponen

k = konteks()
bahasa, hari_ini = k.bahasa, k.hari_ini
demo = cache.info_dataset().get("sumber") == "demo"
label_demo = t("label_demo", bahasa) if demo else None

st.title(f"{t('target_menu', bahasa)} · {fmt.aman_markdown(k.nama_wilayah)}")
daftar_tahun = cache.tahun_target()
if not daftar_tahun:
    st.info(t("tanpa_target_tahun", bahasa), icon=":material/search_off:")
    st.stop()
tahun = st.selectbox(t("tahun", bahasa), daftar_tahun, key="tahun", bind="query-params",
                     index=daftar_tahun.index(hari_ini.year) if hari_ini.year in daftar_tahun else 0)
st.caption(f"{t('data_per', bahasa)} {fmt.tanggal(min(hari_ini, pd.Timestamp(tahun, 12, 31).date()), bahasa)} · "
           f"{t('target_saringan', bahasa)}" + (f" · **{label_demo}**" if demo else ""))

capaian = cache.capaian_target(k.s.kode_wilayah, tahun, hari_ini)
if k.s.segmen:
    capaian = capaian[capaian["segmen"] == k.s.segmen]
if k.s.program:
    capaian = capaian[capaian["program"] == k.s.program]
if capaian.empty:
    st.info(t("tanpa_target_tahun", bahasa), icon=":material/search_off:")
    st.stop()


def _irisan(baris) -> str:
    bagian = [t(f"ukuran_{baris.ukuran}", bahasa)]
    bagian += [v for v in (baris.segmen, baris.program) if v != "SEMUA"]
    return " · ".join(bagian)


capaian = capaian.assign(irisan=[_irisan(b) for b in capaian.itertuples(index=False)]).sort_values(
    ["persen", "nama"], ascending=[True, True])

st.subheader(t("target_tertinggal", bahasa))
tertinggal = capaian[capaian["status"] == "tertinggal"]
if tertinggal.empty:
    st.success(t("semua_sesuai", bahasa), icon=":material/check_circle:")
else:
    komponen.tabel({
        t("wilayah", bahasa): tertinggal["nama"],
        t("kolom_irisan", bahasa): tertinggal["irisan"],
        t("realisasi", bahasa): tertinggal["realisasi"].map(fmt.angka),
        t("target", bahasa): tertinggal["target"].map(fmt.angka),
        t("capaian_target", bahasa): tertinggal["persen"].map(fmt.persen),
        t("kolom_jalur", bahasa): [fmt.angka(None if pd.isna(j) else round(j)) for j in tertinggal["jalur"]],
    }, f"target_tertinggal_{tahun}", bahasa, catatan=label_demo)
st.caption(t("peluru_bantuan", bahasa))

kabupaten = capaian[capaian["tingkat"] == "kabupaten"]
if not kabupaten.empty:
    st.subheader(t("target_kabupaten", bahasa))
    komponen.grafik(grafik.peluru(kabupaten, "irisan", bahasa, label_demo))

kecamatan = capaian[capaian["tingkat"] == "kecamatan"]
if not kecamatan.empty:
    st.subheader(t("target_kecamatan", bahasa))
    irisan_kec = list(dict.fromkeys(kecamatan.sort_values(["segmen", "program"])["irisan"]))
    pilih = st.segmented_control(t("kolom_irisan", bahasa), irisan_kec, default=irisan_kec[0], key="irisan_kec",
                                 required=True) if len(irisan_kec) > 1 else irisan_kec[0]
    komponen.grafik(grafik.peluru(kecamatan[kecamatan["irisan"] == pilih], "nama", bahasa, label_demo))

desa = capaian[capaian["tingkat"] == "desa"]
if not desa.empty:
    st.subheader(t("target_desa", bahasa))
    irisan_desa = desa["irisan"].nunique() > 1
    label = desa["nama"] + " (" + desa["nama_induk"] + ")" + ((" · " + desa["irisan"]) if irisan_desa else "")
    komponen.grafik(grafik.peluru(desa.assign(label=label), "label", bahasa, label_demo))
