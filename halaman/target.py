"""Target: each target against what was achieved, for the regency, each kecamatan and each village."""

import functools

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


def _irisan(capaian: pd.DataFrame) -> pd.Series:
    """What each target counts, as its rows name it: the measure, then its segment and programme."""
    irisan = capaian["ukuran"].map({u: t(f"ukuran_{u}", bahasa) for u in capaian["ukuran"].unique()})
    for kolom in ("segmen", "program"):
        irisan += (" · " + capaian[kolom]).where(capaian[kolom] != "SEMUA", "")
    return irisan


capaian = capaian.assign(irisan=_irisan(capaian)).sort_values(["persen", "nama"], ascending=[True, True])


def tertinggal() -> None:
    st.subheader(t("target_tertinggal", bahasa))
    baris = capaian[capaian["status"] == "tertinggal"]
    if baris.empty:
        st.success(t("semua_sesuai", bahasa), icon=":material/check_circle:")
        return
    komponen.tabel({
        t("wilayah", bahasa): baris["nama"],
        t("kolom_irisan", bahasa): baris["irisan"],
        t("realisasi", bahasa): baris["realisasi"].map(fmt.angka),
        t("target", bahasa): baris["target"].map(fmt.angka),
        t("capaian_target", bahasa): baris["persen"].map(fmt.persen),
        t("kolom_jalur", bahasa): [fmt.angka(None if pd.isna(j) else round(j)) for j in baris["jalur"]],
    }, f"target_tertinggal_{tahun}", bahasa, catatan=label_demo)


def peluru(judul: str, baris: pd.DataFrame, kolom_label: str) -> None:
    st.subheader(t(judul, bahasa))
    komponen.grafik(grafik.peluru(baris, kolom_label, bahasa, label_demo))
    st.caption(t("peluru_bantuan", bahasa))


def per_kecamatan(kecamatan: pd.DataFrame) -> None:
    irisan_kec = list(dict.fromkeys(kecamatan.sort_values(["segmen", "program"])["irisan"]))
    pilih = st.segmented_control(t("kolom_irisan", bahasa), irisan_kec, default=irisan_kec[0], key="irisan_kec",
                                 required=True) if len(irisan_kec) > 1 else irisan_kec[0]
    peluru("target_kecamatan", kecamatan[kecamatan["irisan"] == pilih], "nama")


def per_desa(desa: pd.DataFrame) -> None:
    irisan_desa = desa["irisan"].nunique() > 1
    label = desa["nama"] + " (" + desa["nama_induk"] + ")" + ((" · " + desa["irisan"]) if irisan_desa else "")
    peluru("target_desa", desa.assign(label=label), "label")


# What is behind comes first; each level's bullets are a tab of their own, drawn only when opened (a
# visit sends one table or one chart, not all four), and a level without targets has no tab.
bagian = {"tab_target_tertinggal": tertinggal}
tingkat = dict(tuple(capaian.groupby("tingkat", sort=False)))
if "kabupaten" in tingkat:
    bagian["tab_target_kabupaten"] = functools.partial(peluru, "target_kabupaten", tingkat["kabupaten"], "irisan")
if "kecamatan" in tingkat:
    bagian["tab_target_kecamatan"] = functools.partial(per_kecamatan, tingkat["kecamatan"])
if "desa" in tingkat:
    bagian["tab_target_desa"] = functools.partial(per_desa, tingkat["desa"])
komponen.tab_satu_per_satu("tab_target_halaman", bagian, bahasa)
