"""The overview computed the naive way: whole tables in pandas, filtered and counted per request.

Two uses: the baseline the benchmark measures the SQL against, and an independent oracle the tests
compare the SQL results with (same definitions, written without SQL).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access.db import baca
from domain import kpi
from domain.saringan import Saringan


def _bulan(s: pd.Series) -> pd.Series:
    s = pd.to_datetime(s)
    return s.dt.year * 12 + s.dt.month - 1


def _tanggal(bulan: pd.Series) -> pd.Series:
    return pd.to_datetime(pd.DataFrame({"year": bulan // 12, "month": bulan % 12 + 1, "day": 1}))


def kepesertaan_dibayar(k: pd.DataFrame, p: pd.DataFrame, iuran: pd.DataFrame, cakupan: pd.DataFrame,
                        tenggang: int) -> pd.DataFrame:
    """Enrolment rows cut to the months paid, for participants the payment exports cover, written
    from the definition without the app's SQL: active in a month when a month no more than
    `tenggang` months earlier is paid; every month before the exports' first month counts as paid,
    and so (for its grace) does the month of registration; a lapse the export cannot see yet (its
    grace reaches the export's own month) is no lapse."""
    if cakupan.empty:
        return k
    p = p.assign(kab=p["kode_desa"].str[:5]).merge(
        cakupan.rename(columns={"kode_kabupaten": "kab"}), on=["kab", "segmen"])
    if p.empty:
        return k
    awal, akhir = _bulan(p["bulan_awal"]), _bulan(p["bulan_data"])
    dibayar = iuran[(iuran["jumlah"] > 0) & iuran["peserta_id"].isin(p["id"])]
    rentang = pd.concat([
        pd.DataFrame({"peserta_id": dibayar["peserta_id"], "s": _bulan(dibayar["bulan"]),
                      "e": _bulan(dibayar["bulan"]) + 1}),
        pd.DataFrame({"peserta_id": p["id"], "s": 1900 * 12, "e": awal}),
        pd.DataFrame({"peserta_id": p["id"], "s": _bulan(p["tanggal_daftar"]), "e": _bulan(p["tanggal_daftar"])}),
    ]).sort_values(["peserta_id", "s", "e"], kind="stable")
    sebelumnya = rentang.groupby("peserta_id")["e"].cummax().groupby(rentang["peserta_id"]).shift()
    rentang["pulau"] = (sebelumnya.isna() | (rentang["s"] > sebelumnya + tenggang)).cumsum()
    pulau = rentang.groupby(["peserta_id", "pulau"]).agg(s=("s", "min"), e=("e", "max")).reset_index()
    pulau = pulau.merge(pd.DataFrame({"peserta_id": p["id"], "akhir": akhir}), on="peserta_id")
    pulau["l"] = pulau["e"] + tenggang
    pulau["m"] = _tanggal(pulau["s"])
    pulau["b"] = _tanggal(pulau["l"]).where(pulau["l"] <= pulau["akhir"])
    tercakup = k["peserta_id"].isin(p["id"])
    potong = k[tercakup].merge(pulau[["peserta_id", "m", "b"]], on="peserta_id")
    selamanya = pd.Timestamp("2262-01-01")
    potong["tanggal_mulai"] = potong[["tanggal_mulai", "m"]].max(axis=1)
    berakhir = pd.Series(np.minimum(potong["tanggal_berakhir"].fillna(selamanya).to_numpy(),
                                    potong["b"].fillna(selamanya).to_numpy()), index=potong.index)
    potong["tanggal_berakhir"] = berakhir.where(berakhir < selamanya)
    potong = potong[potong["tanggal_mulai"] < berakhir].drop(columns=["m", "b"])
    return pd.concat([k[~tercakup], potong], ignore_index=True)


def kepesertaan_efektif(engine: sa.Engine, p: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every enrolment row as the one definition of "active" reads it: cut to the months paid where
    the payment exports speak, as recorded elsewhere."""
    k = baca(engine, "SELECT * FROM kepesertaan")
    for c in ("tanggal_mulai", "tanggal_berakhir"):
        k[c] = pd.to_datetime(k[c])
    tenggang = baca(engine, "SELECT nilai FROM info_data WHERE kunci = 'masa_tenggang_bulan'")
    return kepesertaan_dibayar(k, baca(engine, "SELECT * FROM peserta") if p is None else p,
                               baca(engine, "SELECT * FROM iuran"), baca(engine, "SELECT * FROM cakupan_iuran"),
                               int(tenggang["nilai"].iloc[0]) if len(tenggang) else 1)


def pulau_semua(k: pd.DataFrame) -> pd.DataFrame:
    """Each participant's enrolment rows (any programme) merged into runs: peserta_id, mulai, akhir
    (NaT open), urutan (1 for the first run)."""
    selamanya = pd.Timestamp("2262-01-01")
    d = pd.DataFrame({"peserta_id": k["peserta_id"], "m": k["tanggal_mulai"],
                      "b": k["tanggal_berakhir"].fillna(selamanya)}).sort_values(["peserta_id", "m", "b"])
    sebelumnya = d.groupby("peserta_id")["b"].cummax().groupby(d["peserta_id"]).shift()
    d["pulau"] = (sebelumnya.isna() | (d["m"] > sebelumnya)).cumsum()
    pulau = d.groupby(["peserta_id", "pulau"]).agg(mulai=("m", "min"), akhir=("b", "max")).reset_index()
    pulau["akhir"] = pulau["akhir"].where(pulau["akhir"] < selamanya)
    pulau["urutan"] = pulau.groupby("peserta_id").cumcount() + 1
    return pulau.drop(columns="pulau")


class RingkasanNaif:
    def __init__(self, engine: sa.Engine):
        self.p = baca(engine, "SELECT * FROM peserta")
        self.k = kepesertaan_efektif(engine, self.p)
        self.k_mentah = baca(engine, "SELECT peserta_id, tanggal_mulai, tanggal_berakhir, iuran_bulanan FROM kepesertaan")
        self.iuran = baca(engine, "SELECT * FROM iuran")
        self.cakupan = baca(engine, "SELECT * FROM cakupan_iuran")
        self.d = baca(engine, "SELECT * FROM penyebut")
        self.t = baca(engine, "SELECT * FROM target")
        self.w = baca(engine, "SELECT * FROM wilayah")
        for df, kolom in ((self.k, ["tanggal_mulai", "tanggal_berakhir"]), (self.p, ["tanggal_daftar"])):
            for c in kolom:
                df[c] = pd.to_datetime(df[c])

    def _k(self, s: Saringan, program: bool = True, segmen: bool = True) -> pd.DataFrame:
        k = self.k[self.k["kode_desa"].str.startswith(s.kode_wilayah)]
        if program and s.program:
            k = k[k["program"] == s.program]
        if segmen and s.segmen:
            k = k[k["segmen"] == s.segmen]
        return k

    @staticmethod
    def _aktif(k: pd.DataFrame, t) -> pd.DataFrame:
        t = pd.Timestamp(t)
        return k[(k["tanggal_mulai"] <= t) & (k["tanggal_berakhir"].isna() | (k["tanggal_berakhir"] > t))]

    def _tahun_penyebut(self, tahun: int) -> int:
        return int(self.d.loc[self.d["tahun"] <= tahun, "tahun"].max())

    def _target(self, s: Saringan, tahun: int) -> int | None:
        t = self.t[(self.t["kode_wilayah"] == s.kode_wilayah) & (self.t["ukuran"] == "peserta_aktif")
                   & (self.t["segmen"] == (s.segmen or "SEMUA")) & (self.t["program"] == (s.program or "SEMUA"))
                   & (self.t["tahun"] == tahun)]
        return int(t["nilai"].iloc[0]) if len(t) else None

    def angka_utama(self, s: Saringan) -> dict:
        k = self._k(s)
        p = self.p[self.p["kode_desa"].str.startswith(s.kode_wilayah)]
        if s.segmen:
            p = p[p["segmen"] == s.segmen]
        if s.program:
            p = p[p["id"].isin(self.k.loc[self.k["program"] == s.program, "peserta_id"])]
        lalu = s.pembanding
        daftar = p["tanggal_daftar"]

        def nonaktif(mulai, selesai) -> int:
            sampai = k[k["tanggal_mulai"] <= pd.Timestamp(selesai)]
            terakhir = sampai["tanggal_berakhir"].fillna(pd.Timestamp(np.datetime64("9999-12-31", "s"))) \
                .groupby(sampai["peserta_id"]).max()
            return int(terakhir.between(pd.Timestamp(mulai), pd.Timestamp(selesai)).sum())

        kc = self._k(s, program=False, segmen=False)
        bpu = self._aktif(kc[(kc["segmen"] == "BPU") & (kc["program"] == "JKK")], s.periode.selesai)
        d = self.d[(self.d["tahun"] == self._tahun_penyebut(s.periode.selesai.year))
                   & self.d["kode_desa"].str.startswith(s.kode_wilayah)]
        return {
            "peserta_aktif": self._aktif(k, s.periode.selesai)["peserta_id"].nunique(),
            "peserta_aktif_awal": self._aktif(k, s.hari_sebelum_mulai)["peserta_id"].nunique(),
            "pendaftaran_baru": int(daftar.between(pd.Timestamp(s.periode.mulai), pd.Timestamp(s.periode.selesai)).sum()),
            "pendaftaran_baru_sebelumnya": int(daftar.between(pd.Timestamp(lalu.mulai), pd.Timestamp(lalu.selesai)).sum()),
            "nonaktif": nonaktif(s.periode.mulai, s.periode.selesai),
            "nonaktif_sebelumnya": nonaktif(lalu.mulai, lalu.selesai),
            "bpu_aktif_jkk_jkm": bpu["peserta_id"].nunique(),
            "pekerja_informal": int(d["pekerja_informal"].sum()) if len(d) else None,
            "target_aktif": self._target(s, s.periode.selesai.year),
        }

    def per_program(self, s: Saringan) -> dict[str, int]:
        a = self._aktif(self._k(s, program=False), s.periode.selesai)
        return a.groupby("program")["peserta_id"].nunique().to_dict()

    def per_segmen(self, s: Saringan) -> dict[str, int]:
        a = self._aktif(self._k(s, segmen=False), s.periode.selesai)
        return a.groupby("segmen")["peserta_id"].nunique().to_dict()

    def kecil_per_desa_segmen(self, t, k: int) -> pd.DataFrame:
        """(kode_desa, segmen, n) where 1 <= n < k participants are active at `t`, smallest codes first:
        the views that a public page must hide, found without the SQL under test."""
        a = self._aktif(self.k, t).groupby(["kode_desa", "segmen"])["peserta_id"].nunique().rename("n").reset_index()
        return a[a["n"].between(1, k - 1)].sort_values(["kode_desa", "segmen"]).reset_index(drop=True)

    def aktif_akhir_bulan(self, s: Saringan, bulan: list[pd.Timestamp]) -> list[int]:
        k = self._k(s)
        return [self._aktif(k, b + pd.offsets.MonthEnd(0))["peserta_id"].nunique() for b in bulan]

    def cakupan_desa(self, s: Saringan) -> pd.DataFrame:
        kc = self._k(s, program=False, segmen=False)
        bpu = self._aktif(kc[(kc["segmen"] == "BPU") & (kc["program"] == "JKK")], s.periode.selesai)
        jumlah = bpu.groupby("kode_desa")["peserta_id"].nunique()
        d = self.d[self.d["tahun"] == self._tahun_penyebut(s.periode.selesai.year)].set_index("kode_desa")
        desa = self.w[(self.w["tingkat"] == "desa") & self.w["kode"].str.startswith(s.kode_wilayah)]
        hasil = pd.DataFrame({"kode": desa["kode"]})
        hasil["bpu_aktif"] = hasil["kode"].map(jumlah).fillna(0).astype(int)
        hasil["cakupan_persen"] = [kpi.cakupan_bpu(b, d["pekerja_informal"].get(kd))
                                   for kd, b in zip(hasil["kode"], hasil["bpu_aktif"], strict=True)]
        return hasil


    def uang(self, s: Saringan) -> dict | None:
        """Contributions over the period's covered months in the region: ditagih (each participant's
        monthly contribution for every month of theirs that is active on any day), dibayar and the
        payments counted, and kembali (runs after a lapse beginning in those months); None where no
        export covers the filter."""
        p = self.p[self.p["kode_desa"].str.startswith(s.kode_wilayah)]
        if s.segmen:
            p = p[p["segmen"] == s.segmen]
        c = self.cakupan.assign(a=np.maximum(_bulan(self.cakupan["bulan_awal"]), _bulan(pd.Series([s.periode.mulai]))[0]),
                                z=np.minimum(_bulan(self.cakupan["bulan_data"]), _bulan(pd.Series([s.periode.selesai]))[0]))
        p = p.assign(kab=p["kode_desa"].str[:5]).merge(c.rename(columns={"kode_kabupaten": "kab"}), on=["kab", "segmen"])
        p = p[p["a"] <= p["z"]]
        if p.empty:
            return None
        jendela = p.set_index("id")[["a", "z"]]
        bayar = self.iuran[(self.iuran["jumlah"] > 0) & self.iuran["peserta_id"].isin(jendela.index)]
        bayar = bayar.join(jendela, on="peserta_id")
        bayar = bayar[_bulan(bayar["bulan"]).between(bayar["a"], bayar["z"])]
        pulau = pulau_semua(self.k[self.k["peserta_id"].isin(jendela.index)]).join(jendela, on="peserta_id")
        selamanya = pd.Timestamp("2262-01-01")
        mentah = self.k_mentah[self.k_mentah["peserta_id"].isin(jendela.index)]
        tarif = pulau.reset_index().merge(mentah, on="peserta_id")
        tarif = tarif[(pd.to_datetime(tarif["tanggal_mulai"]) < tarif["akhir"].fillna(selamanya))
                      & (pd.to_datetime(tarif["tanggal_berakhir"]).fillna(selamanya) > tarif["mulai"])]
        tarif = tarif.groupby("index")["iuran_bulanan"].sum()
        pulau["tarif"] = tarif.reindex(pulau.index).fillna(0)
        awal = _bulan(pulau["mulai"])
        akhir = _bulan(pulau["akhir"].fillna(selamanya) - pd.Timedelta(days=1))
        bulan_aktif = (np.minimum(akhir, pulau["z"]) - np.maximum(awal, pulau["a"]) + 1).clip(lower=0)
        kembali = (pulau["urutan"] > 1) & awal.between(pulau["a"], pulau["z"])
        return {"ditagih": int((pulau["tarif"] * bulan_aktif).sum()), "dibayar": int(bayar["jumlah"].sum()),
                "bayar": len(bayar), "kembali": int(kembali.sum())}


def hitungan_aktif_pindai(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """data_access.ringkasan.hitungan_aktif as it was before the rollups: every island of the region
    read and compared with both days. The scale benchmark's baseline; same result."""
    return baca(engine, """
        SELECT m.program, m.segmen, m.kode_desa,
               count(*) FILTER (WHERE m.tanggal_berakhir > :akhir) AS aktif_akhir,
               count(*) FILTER (WHERE m.tanggal_mulai <= :awal) AS aktif_awal
        FROM masa_aktif m
        WHERE m.kode_desa LIKE :awalan_kode AND m.tanggal_mulai <= :akhir AND m.tanggal_berakhir > :awal
        GROUP BY m.program, m.segmen, m.kode_desa""",
        akhir=s.periode.selesai, awal=s.hari_sebelum_mulai, awalan_kode=s.kode_wilayah + "%")


def aktif_per_desa_pindai(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """data_access.ringkasan.aktif_per_desa read from every island of the region, without the rollups."""
    program = s.program or "SEMUA"
    segmen = "AND m.segmen = :segmen" if s.segmen else ""
    return baca(engine, f"""
        SELECT m.kode_desa,
               count(*) FILTER (WHERE m.program = :program {segmen}) AS aktif,
               count(*) FILTER (WHERE m.program = 'JKK' AND m.segmen = 'BPU') AS bpu_aktif
        FROM masa_aktif m
        WHERE m.kode_desa LIKE :awalan_kode AND m.program IN (:program, 'JKK')
          AND m.tanggal_mulai <= :akhir AND m.tanggal_berakhir > :akhir
        GROUP BY m.kode_desa""", program=program, segmen=s.segmen, akhir=s.periode.selesai,
        awalan_kode=s.kode_wilayah + "%")

