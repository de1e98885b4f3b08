"""The briefing's key messages: three to five sentences, each with its numbers, computed from
figures the presentation step has already made safe for the viewer (tampilan.publik). Ringkasan
shows them at the top and the deck on its second slide, so what the branch head presents is what
they saw. A message whose numbers are hidden or unknown is left out, never guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from domain.iuran import DefinisiAktif
from domain.kegiatan import BULAN_RETENSI
from domain.program import SUMBER_DANA, Segmen
from domain.periode import Periode
from domain.sinyal import Perubahan
from tampilan import format as fmt
from tampilan.publik import AngkaPublik, target_sendiri
from tampilan.teks import label_isian, t

BULAN_PESAN = BULAN_RETENSI[0]  # an event is judged on who is still active after three months


@dataclass(frozen=True)
class PesanKunci:
    kunci: str  # 'perubahan', 'target', 'tertinggal', 'kegiatan', 'desa_siap'
    teks: str  # one sentence, plain text (escape it for Markdown or HTML)
    baik: bool | None  # good news, bad news, or neither


def label_ukuran(ukuran: str, bahasa: str) -> str:
    return t({"pendaftaran_baru": "pendaftaran_baru", "nonaktif": "peserta_nonaktif",
              "peserta_aktif": "peserta_aktif"}[ukuran], bahasa)


def kalimat_perubahan(p: Perubahan, bahasa: str) -> str:
    """'naik 12,5%' / 'turun 3,0%' / 'tetap' (or 'naik 40' without a base to divide by)."""
    if p.arah == "tetap":
        return t("arah_tetap", bahasa)
    besar = fmt.persen(abs(p.persen)) if p.persen is not None else fmt.angka(abs(p.selisih))
    return t(f"arah_{p.arah}", bahasa, n=besar)


def _perubahan_terbesar(a: AngkaPublik, bahasa: str) -> PesanKunci | None:
    calon = [p for p in (a.perubahan_pendaftaran, a.perubahan_nonaktif) if p is not None]
    if not calon:
        return None
    # The largest relative move; one from zero (no percentage) counts as the largest.
    p = max(calon, key=lambda x: float("inf") if x.persen is None and x.selisih else abs(x.persen or 0))
    lalu = fmt.rentang_tanggal(a.pembanding.mulai, a.pembanding.selesai, bahasa)
    teks = t("pesan_perubahan", bahasa, ukuran=label_ukuran(p.ukuran, bahasa), arah=kalimat_perubahan(p, bahasa),
             pembanding=lalu, kini=fmt.angka(p.sekarang), lalu=fmt.angka(p.pembanding))
    return PesanKunci("perubahan", teks, p.baik)


def _target(jalan: pd.DataFrame, kode: str, segmen: str | None, program: str | None, hari_ini: date,
            bahasa: str) -> PesanKunci | None:
    r = target_sendiri(jalan, kode, segmen, program)
    if r is None or r["tersembunyi"]:
        return None
    akhir = fmt.tanggal(date(hari_ini.year, 12, 31), bahasa)
    isi = dict(target=fmt.angka(r.target), tanggal=akhir, proyeksi=fmt.angka(r.akhir_tahun),
               bawah=fmt.angka(r.bawah), atas=fmt.angka(r.atas), perlu=fmt.selisih(r.laju_perlu),
               kini=fmt.selisih(r.laju_kini))
    if r.nilai_kini >= r.target:
        return PesanKunci("target", t("pesan_target_sudah", bahasa, **isi), True)
    return PesanKunci("target", t("pesan_target_tercapai" if r.akan_tercapai else "pesan_target_meleset",
                                  bahasa, **isi), bool(r.akan_tercapai))


def _tertinggal(jalan: pd.DataFrame, tingkat: str, segmen: str | None, program: str | None,
                bahasa: str) -> PesanKunci | None:
    anak = {"kabupaten": "kecamatan", "kecamatan": "desa"}.get(tingkat)
    if anak is None:
        return None
    pilih = jalan[(jalan["tingkat"] == anak) & ~jalan["tersembunyi"]]
    if anak == "kecamatan":  # villages carry their own slices; a kecamatan's must match the filter
        pilih = pilih[(pilih["segmen"] == (segmen or "SEMUA")) & (pilih["program"] == (program or "SEMUA"))]
    if pilih.empty:
        return None
    meleset = pilih[~pilih["akan_tercapai"].astype(bool)]
    if meleset.empty:
        return PesanKunci("tertinggal", t(f"pesan_{anak}_semua_tercapai", bahasa, n=fmt.angka(len(pilih))), True)
    r = meleset.sort_values(["persen_akhir", "kode_wilayah"]).iloc[0]
    return PesanKunci("tertinggal", t(f"pesan_{anak}_tertinggal", bahasa, nama=r["nama"], persen=fmt.persen(r.persen_akhir),
                                      target=fmt.angka(r.target), perlu=fmt.selisih(r.laju_perlu),
                                      kini=fmt.selisih(r.laju_kini), n=fmt.angka(len(meleset)),
                                      dari=fmt.angka(len(pilih))), False)


def _kegiatan(kegiatan: pd.DataFrame, bahasa: str) -> PesanKunci | None:
    kolom = f"aktif_{BULAN_PESAN}_bulan"
    ada = kegiatan[kegiatan[kolom].notna()] if kolom in kegiatan else kegiatan.iloc[0:0]
    if ada.empty:
        return None
    r = ada.assign(_n=ada[kolom].astype(int)).sort_values(["_n", "id"], ascending=[False, True]).iloc[0]
    isi = dict(nama=r["nama"], desa=r["nama_desa"], tanggal=fmt.tanggal(pd.Timestamp(r.tanggal_mulai).date(), bahasa),
               n=fmt.angka(int(r[kolom])), bulan=str(BULAN_PESAN), pendaftar=fmt.angka(r.pendaftar))
    if pd.notna(r.biaya) and int(r[kolom]) > 0:
        return PesanKunci("kegiatan", t("pesan_kegiatan_biaya", bahasa, **isi,
                                        biaya=fmt.rupiah(int(r.biaya) / int(r[kolom]))), None)
    return PesanKunci("kegiatan", t("pesan_kegiatan", bahasa, **isi), None)


def _desa_siap(desa: pd.DataFrame, bahasa: str) -> PesanKunci:
    if desa.empty:
        return PesanKunci("desa_siap", t("pesan_desa_siap_tidak", bahasa), None)
    nama = [f"{r.nama} ({r.kecamatan})" for r in desa.itertuples(index=False)]
    daftar = ", ".join(nama[:5]) + (t("dan_lainnya", bahasa, n=fmt.angka(len(nama) - 5)) if len(nama) > 5 else "")
    return PesanKunci("desa_siap", t("pesan_desa_siap", bahasa, n=fmt.angka(len(nama)), daftar=daftar), True)


def pesan_kunci(angka: AngkaPublik, jalan: pd.DataFrame, kegiatan: pd.DataFrame, desa_siap: pd.DataFrame,
                kode: str, tingkat: str, segmen: str | None, program: str | None, hari_ini: date,
                bahasa: str) -> list[PesanKunci]:
    """The key messages for one filter, in the briefing's order: what moved most, the year's target,
    who is furthest behind, the period's best event, villages that became ready.

    `jalan`: tampilan.publik.jalan_publik rows (only the running year has them); `kegiatan`:
    tampilan.publik.kegiatan_publik rows of the period; `desa_siap`: villages that became ready.
    """
    pesan = [_perubahan_terbesar(angka, bahasa),
             _target(jalan, kode, segmen, program, hari_ini, bahasa) if not jalan.empty else None,
             _tertinggal(jalan, tingkat, segmen, program, bahasa) if not jalan.empty else None,
             _kegiatan(kegiatan, bahasa),
             _desa_siap(desa_siap, bahasa)]
    return [p for p in pesan if p is not None]


def delta_metrik(p: Perubahan | None, persen: bool = True) -> dict:
    """st.metric's delta and delta_color for a change: the arrow goes with the number (Streamlit reads
    a leading ASCII '-' as down; the typographic '−' would draw an up arrow) and the colour says
    whether that direction is good for this measure."""
    if p is None:
        return {"delta": None}
    if p.arah == "tetap":
        return {"delta": "0", "delta_color": "off", "delta_arrow": "off"}
    besar = fmt.desimal(abs(p.persen)) + "%" if persen and p.persen is not None else fmt.angka(abs(p.selisih))
    naik_baik = (p.arah == "naik") == bool(p.baik)
    return {"delta": f"{'+' if p.arah == 'naik' else '-'}{besar}", "delta_color": "normal" if naik_baik else "inverse"}


def bantuan_proyeksi(uji: dict, bahasa: str) -> str:
    """The projection's help text: the method and its backtest on this data."""
    u3, u6 = uji.get(3), uji.get(6)
    if u3 is None or u6 is None:
        return t("bantuan_proyeksi", bahasa, g3="–", m3="–", d3="–", g6="–", m6="–", d6="–", n="0")
    return t("bantuan_proyeksi", bahasa, g3=fmt.persen(u3.galat_persen_rata), m3=fmt.persen(u3.galat_persen_maks),
             d3=fmt.persen(100 * u3.dalam_rentang, 0), g6=fmt.persen(u6.galat_persen_rata),
             m6=fmt.persen(u6.galat_persen_maks), d6=fmt.persen(100 * u6.dalam_rentang, 0),
             n=fmt.angka(u3.jumlah_deret))


_TIDAK_BOLEH_DI_NAMA_BERKAS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def judul_briefing(nama_wilayah: str, periode: Periode, bahasa: str) -> str:
    """The briefing's title, also its file name: 'Briefing Kabupaten Pekalongan, 1 Januari–1 Desember
    2026'. Characters no file system accepts are dropped (the region's name comes from data)."""
    judul = f"Briefing {nama_wilayah}, {fmt.rentang_tanggal(periode.mulai, periode.selesai, bahasa)}"
    return _TIDAK_BOLEH_DI_NAMA_BERKAS.sub("", judul).strip(" .")[:150]


def label_irisan(segmen: str, program: str) -> str:
    return " · ".join(v for v in (segmen, program) if v != "SEMUA")


def tabel_jalan(df: pd.DataFrame, bahasa: str) -> dict[str, list[str]]:
    """The targets projected to miss, as table columns (formatted, hidden values as the hidden mark)."""
    def nilai(v, f) -> str:
        return fmt.TANDA_TERSEMBUNYI if v is None or pd.isna(v) else f(v)

    nama = [f"{r.nama} ({r.nama_induk})" if r.tingkat == "desa" and isinstance(r.nama_induk, str) else str(r.nama)
            for r in df.itertuples(index=False)]
    return {
        t("wilayah", bahasa): nama,
        t("kolom_irisan", bahasa): [label_irisan(r.segmen, r.program) or "–" for r in df.itertuples(index=False)],
        t("target", bahasa): [fmt.angka(v) for v in df["target"]],
        t("kolom_proyeksi", bahasa): [nilai(v, fmt.angka) for v in df["akhir_tahun"]],
        t("kolom_persen_proyeksi", bahasa): [nilai(v, fmt.persen) for v in df["persen_akhir"]],
        t("kolom_laju_perlu", bahasa): [nilai(v, fmt.selisih) for v in df["laju_perlu"]],
        t("kolom_laju_kini", bahasa): [nilai(v, fmt.selisih) for v in df["laju_kini"]],
    }


def kalimat_definisi_aktif(d: DefinisiAktif, segmen: str | None, bahasa: str) -> str:
    """What "active" means on this screen, said once under the numbers it defines."""
    if not d.cakupan:
        return t("aktif_menurut_kepesertaan", bahasa)
    bagian = [t("aktif_menurut_iuran", bahasa, segmen=seg, n=str(d.tenggang),
                dari=fmt.bulan_tahun(awal, bahasa), sampai=fmt.bulan_tahun(akhir, bahasa))
              for seg, awal, akhir in d.cakupan]
    if segmen is None and {seg for seg, _, _ in d.cakupan} != set(Segmen):
        bagian.append(t("aktif_segmen_lain", bahasa))
    return " ".join(bagian)


def tabel_iuran(df: pd.DataFrame, bahasa: str, k: int) -> dict[str, list[str]]:
    """The funding-source table's columns, formatted (hidden cells as the hidden mark)."""
    tersembunyi = fmt.TANDA_TERSEMBUNYI

    def uang(v) -> str:
        return tersembunyi if v is None or pd.isna(v) else fmt.rupiah(v)

    return {
        t("kolom_sumber_dana", bahasa): [label_isian("sumber_dana", SUMBER_DANA.get(d, d), bahasa)
                                         for d in df["sumber_dana"]],
        t("kolom_ditagih", bahasa): [uang(v) for v in df["ditagih"]],
        t("kolom_dibayar", bahasa): [uang(v) for v in df["dibayar"]],
        t("kolektibilitas", bahasa): [tersembunyi if v is None or pd.isna(v) else fmt.persen(v)
                                      for v in df["kolektibilitas"]],
        t("berhenti_bayar", bahasa): [fmt.hitungan(None if pd.isna(v) else int(v), k) for v in df["berhenti"]],
        t("kembali_bayar", bahasa): [fmt.hitungan(None if pd.isna(v) else int(v), k) for v in df["kembali"]],
    }


def tabel_daftar_kerja(df: pd.DataFrame, bahasa: str, k: int) -> dict[str, list[str]]:
    """The field work list's columns, formatted (hidden cells as the hidden mark)."""
    def n(v) -> str:
        return fmt.hitungan(None if pd.isna(v) else int(v), k)

    return {
        t("kolom_desa", bahasa): df["nama_desa"].tolist(),
        t("kecamatan", bahasa): df["nama_kec"].tolist(),
        t("kolom_taruhan", bahasa): [fmt.TANDA_TERSEMBUNYI if pd.isna(v) else fmt.rupiah(int(v)) for v in df["taruhan"]],
        t("kolom_berhenti_1", bahasa): [n(v) for v in df["berhenti_1"]],
        t("kolom_berhenti_3", bahasa): [n(v) for v in df["berhenti_3"]],
        t("kolom_akhir_1", bahasa): [n(v) for v in df["akhir_1"]],
        t("kolom_akhir_3", bahasa): [n(v) for v in df["akhir_3"]],
    }
