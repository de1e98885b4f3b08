"""What each import kind must contain, how its columns may be named, and what makes a row valid.

Header names arrive in Indonesian or English with every spelling a spreadsheet allows; they are
normalised and matched against the synonyms here. Each row is checked by a pydantic model whose
validators use domain.urai and domain.nik, so every problem of a row is reported at once, each with
its column and a reason in Bahasa Indonesia. Village names are resolved through a function passed in
the validation context (the gazetteer lives in geo/, which the domain does not import).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from domain.desa_sadar import URUTAN_STATUS
from domain.kegiatan import JENIS_KEGIATAN, PANJANG_NAMA
from domain.layar import TARGET_TERBESAR
from domain.nik import NIKTidakSah, bersihkan, periksa_konsisten, urai_nik
from domain.program import SUMBER_DANA, Program, Segmen, alasan_program, alasan_tidak_boleh
from domain.urai import (NilaiTidakSah, kosong, normalkan_kolom, urai_angka, urai_bulan, urai_program, urai_tanggal,
                         urai_tanggal_data, urai_ya_tidak, TAHUN_DATA_MINIMUM)

# A resolver turns (village text or code, kecamatan text or None) into a village code, or raises
# ValueError with the reason (not found, ambiguous between kecamatan …).
PenyelesaiDesa = Callable[[str, str | None], str]


@dataclass(frozen=True)
class SkemaImpor:
    """Columns of one import kind: canonical name -> accepted header names (normalised)."""

    kolom: dict[str, tuple[str, ...]]
    wajib: tuple[tuple[str, ...], ...]  # each tuple: at least one of these columns must be present
    dibuang: tuple[str, ...] = ()  # personal data dropped on read, never stored

    def semua_sinonim(self) -> set[str]:
        return {s for daftar in self.kolom.values() for s in daftar} | set(self.dibuang)


# peserta.pekerjaan is VARCHAR(60): a longer text is refused, never cut.
PANJANG_PEKERJAAN = 60

_DESA = {
    "kode_desa": ("kode_desa", "kode_kelurahan", "kode_desa_kelurahan", "kode_wilayah", "kode_kemendagri",
                  "village_code", "kd_desa"),
    "nama_desa": ("desa", "nama_desa", "desa_kelurahan", "kelurahan", "desa_kel", "nama_desa_kelurahan",
                  "kelurahan_desa", "village", "village_name"),
    "kecamatan": ("kecamatan", "kec", "nama_kecamatan", "district", "subdistrict"),
}
_DATA_PRIBADI = ("nama", "nama_lengkap", "nama_peserta", "name", "full_name", "no_hp", "nomor_hp", "hp", "telepon",
                 "no_telepon", "no_telp", "telp", "phone", "nomor_telepon", "handphone", "email", "alamat", "address",
                 "nama_ibu", "nama_ibu_kandung", "kpj", "no_kpj", "nomor_kpj", "no_kk", "nomor_kk", "tanggal_lahir",
                 "tgl_lahir", "tempat_lahir")

SKEMA = {
    "peserta": SkemaImpor(
        kolom={
            "nik": ("nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan", "no_ktp", "nomor_ktp", "ktp"),
            **_DESA,
            "segmen": ("segmen", "segment", "jenis_kepesertaan", "kategori_peserta", "segmen_peserta"),
            "program": ("program", "programs", "program_diikuti", "jenis_program", "programme"),
            **{p.value.lower(): (p.value.lower(), f"program_{p.value.lower()}", f"ikut_{p.value.lower()}")
               for p in Program},
            "tanggal_daftar": ("tanggal_daftar", "tgl_daftar", "tanggal_kepesertaan", "tgl_kepesertaan",
                               "tanggal_registrasi", "tgl_registrasi", "tanggal_mulai", "tmt", "tmt_kepesertaan",
                               "registration_date", "tanggal_pendaftaran"),
            "tanggal_berakhir": ("tanggal_berakhir", "tgl_berakhir", "tanggal_nonaktif", "tgl_nonaktif",
                                 "tanggal_keluar", "end_date", "tanggal_akhir"),
            "pekerjaan": ("pekerjaan", "jenis_pekerjaan", "occupation", "profesi", "jenis_usaha"),
            "jenis_kelamin": ("jenis_kelamin", "jk", "l_p", "sex", "gender", "kelamin"),
            "tahun_lahir": ("tahun_lahir", "thn_lahir", "birth_year"),
            "sumber_dana": ("sumber_dana", "sumber_iuran", "pembayar", "pembayar_iuran", "sumber_pembiayaan",
                            "funding"),
            "kanal": ("kanal", "kanal_pendaftaran", "channel", "cara_daftar", "saluran"),
            "kegiatan": ("kegiatan", "nama_kegiatan", "acara", "event", "kegiatan_id"),
        },
        wajib=(("nik",), ("kode_desa", "nama_desa"), ("segmen",), ("program", *(p.value.lower() for p in Program)),
               ("tanggal_daftar",)),
        dibuang=_DATA_PRIBADI,
    ),
    "iuran": SkemaImpor(
        kolom={
            "nik": ("nik", "no_nik", "nomor_nik", "nomor_induk_kependudukan", "no_ktp", "nomor_ktp", "ktp"),
            "bulan": ("bulan", "bulan_iuran", "periode", "periode_iuran", "bulan_dibayar", "masa_iuran", "month",
                      "period", "bulan_tagihan"),
            "jumlah": ("jumlah", "jumlah_iuran", "iuran", "nominal", "jumlah_bayar", "iuran_dibayar", "amount",
                       "amount_paid", "rp"),
            "tanggal_bayar": ("tanggal_bayar", "tgl_bayar", "tanggal_pembayaran", "tgl_pembayaran", "paid_on",
                              "payment_date", "tanggal_setor", "tgl_setor"),
            "pembayar": ("pembayar", "sumber_dana", "sumber_iuran", "pembayar_iuran", "payer", "funding"),
        },
        wajib=(("nik",), ("bulan",), ("jumlah",)),
        dibuang=_DATA_PRIBADI,
    ),
    "kegiatan": SkemaImpor(
        kolom={
            "nama": ("nama_kegiatan", "kegiatan", "nama_acara", "acara", "event", "nama"),
            "jenis": ("jenis", "jenis_kegiatan", "tipe", "type", "kategori"),
            **_DESA,
            "tanggal_mulai": ("tanggal_mulai", "tgl_mulai", "tanggal", "tgl", "tanggal_kegiatan", "tgl_kegiatan",
                              "date", "start_date"),
            "tanggal_selesai": ("tanggal_selesai", "tgl_selesai", "end_date", "sampai"),
            "jumlah_hadir": ("jumlah_hadir", "hadir", "peserta_hadir", "pengunjung", "attendance", "jumlah_pengunjung"),
            "biaya": ("biaya", "anggaran", "cost", "biaya_rp", "realisasi_biaya"),
            "target_pendaftar": ("target_pendaftar", "target_peserta", "target_daftar", "target", "sasaran",
                                 "sign_up_goal", "goal"),
            "catatan": ("catatan", "keterangan", "notes", "note"),
        },
        wajib=(("nama",), ("kode_desa", "nama_desa"), ("tanggal_mulai",)),
    ),
    "status": SkemaImpor(
        kolom={**_DESA,
               "status": ("status", "status_desa_sadar", "status_desa"),
               "tanggal": ("tanggal", "tgl", "tanggal_status", "tanggal_penetapan", "date"),
               "catatan": ("catatan", "keterangan", "notes")},
        wajib=(("kode_desa", "nama_desa"), ("status",), ("tanggal",)),
    ),
    "penyebut": SkemaImpor(
        kolom={**_DESA,
               "tahun": ("tahun", "year", "thn"),
               "penduduk": ("penduduk", "jumlah_penduduk", "population"),
               "penduduk_bekerja": ("penduduk_bekerja", "bekerja", "jumlah_bekerja", "employed"),
               "pekerja_informal": ("pekerja_informal", "informal", "jumlah_pekerja_informal", "informal_workers"),
               "perangkat_desa": ("perangkat_desa", "jumlah_perangkat", "jumlah_perangkat_desa", "village_officials")},
        wajib=(("kode_desa", "nama_desa"), ("tahun",),
               ("penduduk", "penduduk_bekerja", "pekerja_informal", "perangkat_desa")),
    ),
    "target": SkemaImpor(
        kolom={"kode_wilayah": ("kode_wilayah", "kode", "kode_desa", "kode_kecamatan", "kode_kabupaten"),
               "nama_desa": _DESA["nama_desa"], "kecamatan": _DESA["kecamatan"],
               "tahun": ("tahun", "year"),
               "ukuran": ("ukuran", "indikator", "jenis_target", "measure"),
               "segmen": ("segmen", "segment"),
               "program": ("program", "programme"),
               "nilai": ("nilai", "target", "nilai_target", "jumlah", "value")},
        wajib=(("kode_wilayah", "nama_desa", "kecamatan"), ("tahun",), ("nilai",)),
    ),
}


def petakan_kolom(header: list[Any], skema: SkemaImpor) -> tuple[dict[str, int], list[str], list[str]]:
    """Which file column feeds each canonical column (by position), the personal-data columns
    dropped, and the required groups missing (as readable names). The first matching column wins."""
    peta: dict[str, int] = {}
    dibuang = []
    for posisi, nama in enumerate(header):
        kunci = normalkan_kolom(nama)
        if kunci in skema.dibuang:
            dibuang.append(str(nama))
            continue
        for kanonik, sinonim in skema.kolom.items():
            if kunci in sinonim and kanonik not in peta:
                peta[kanonik] = posisi
                break
    hilang = [" atau ".join(grup) for grup in skema.wajib if not any(k in peta for k in grup)]
    return peta, dibuang, hilang


# --- values with names people use -------------------------------------------------------------

_SEGMEN = {"bpu": "BPU", "bukan_penerima_upah": "BPU", "informal": "BPU", "mandiri": "BPU",
           "pu": "PU", "penerima_upah": "PU", "formal": "PU", "ppu": "PU",
           "jakon": "JAKON", "jasa_konstruksi": "JAKON", "konstruksi": "JAKON",
           "pmi": "PMI", "pekerja_migran": "PMI", "pekerja_migran_indonesia": "PMI"}
_JENIS_KELAMIN = {"l": "L", "laki_laki": "L", "laki": "L", "pria": "L", "m": "L", "male": "L",
                  "p": "P", "perempuan": "P", "wanita": "P", "f": "P", "female": "P", "w": "P"}
_DANA = {normalkan_kolom(k): k for k in SUMBER_DANA} | {
    "sendiri": "mandiri", "pribadi": "mandiri", "perusahaan": "pemberi_kerja", "pemda": "apbd",
    "pemkab": "apbd", "dana_desa": "apbdes", "add": "apbdes", "apbdes_add": "apbdes", "cukai": "dbhcht",
    "dbh_cht": "dbhcht"}
_KANAL = {"acara": "acara", "event": "acara", "kegiatan": "acara", "perisai": "perisai",
          "kolektif": "kolektif_desa", "kolektif_desa": "kolektif_desa", "daring": "daring", "online": "daring",
          "bank": "bank_kantor_pos", "kantor_pos": "bank_kantor_pos", "bank_kantor_pos": "bank_kantor_pos",
          "kantor": "kantor_cabang", "kantor_cabang": "kantor_cabang", "pemberi_kerja": "pemberi_kerja"}
_JENIS_KEGIATAN = {normalkan_kolom(k): k for k in JENIS_KEGIATAN} | {
    normalkan_kolom(v[0]): k for k, v in JENIS_KEGIATAN.items()} | {"launching": "peluncuran",
                                                                   "mobile_service": "layanan_keliling"}
_STATUS = {"kandidat": "kandidat", "calon": "kandidat", "candidate": "kandidat", "dicanangkan": "dicanangkan",
           "pencanangan": "dicanangkan", "percontohan": "dicanangkan", "pilot": "dicanangkan",
           "ditetapkan": "ditetapkan", "penetapan": "ditetapkan", "designated": "ditetapkan"}
_UKURAN = {"peserta_aktif": "peserta_aktif", "aktif": "peserta_aktif", "pendaftaran_baru": "pendaftaran_baru",
           "baru": "pendaftaran_baru", "peserta_baru": "pendaftaran_baru"}


def _dari_daftar(nilai: Any, daftar: dict[str, str], nama: str) -> str:
    kunci = normalkan_kolom(nilai)
    if kunci not in daftar:
        raise ValueError(f"{nama} '{str(nilai).strip()[:30]}' tidak dikenal.")
    return daftar[kunci]


def _kosong_jadi_none(nilai: Any) -> Any:
    return None if kosong(nilai) else nilai


def _desa(data: dict, info: ValidationInfo, kolom_kode: str = "kode_desa") -> str:
    selesaikan: PenyelesaiDesa = info.context["desa"]
    kode, nama = data.get(kolom_kode), data.get("nama_desa")
    teks = kode if not kosong(kode) else nama
    if kosong(teks):
        raise ValueError("Desa kosong: isi kode atau nama desa.")
    kecamatan = None if kosong(data.get("kecamatan")) else str(data.get("kecamatan"))
    return selesaikan(str(teks).strip(), kecamatan)


class _Baris(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Tunda:
    """A value computed when its field is validated, so its error is reported on that field."""

    def __init__(self, hitung: Callable[[], Any]) -> None:
        self.hitung = hitung

    def __call__(self) -> Any:
        return self.hitung()


def _siapkan(data: dict, info: ValidationInfo) -> dict:
    """Empty cells become None; the village is resolved when its field is validated."""
    asli = {k: _kosong_jadi_none(v) for k, v in data.items()}
    return {**asli, "kode_desa": _Tunda(lambda: _desa(asli, info))}


class _BarisDesa(_Baris):
    kode_desa: str

    @model_validator(mode="before")
    @classmethod
    def _gabung(cls, data: dict, info: ValidationInfo) -> dict:
        return _siapkan(data, info)

    @field_validator("kode_desa", mode="before")
    @classmethod
    def _kode_desa(cls, v: Any) -> str:
        return v() if isinstance(v, _Tunda) else v


# The largest counts the columns hold (INTEGER, and BIGINT for money and targets): a larger number
# is refused on its row, never sent to the database to fail the whole import.
TERBESAR_INT = 2_147_483_647
TERBESAR_BIGINT = 9_223_372_036_854_775_807


def _tak_negatif(v: Any, terbesar: int = TERBESAR_INT) -> int | None:
    if v is None:
        return None
    hasil = int(urai_angka(v))
    if hasil < 0:
        raise ValueError("Tidak boleh negatif.")
    if hasil > terbesar:
        raise NilaiTidakSah(f"Angka {hasil} terlalu besar; periksa isinya.")
    return hasil


def _urai_tahun(v: Any, info: ValidationInfo) -> int:
    tahun = int(urai_angka(v)) if v is not None else 0
    if not 2010 <= tahun <= info.context["hari_ini"].year + 1:
        raise ValueError(f"Tahun '{v}' di luar 2010 sampai tahun depan.")
    return tahun


def _periksa_nik(v: Any, info: ValidationInfo) -> str:
    if v is None:
        raise ValueError("NIK kosong.")
    if isinstance(v, (int, float)):  # Excel keeps 15 significant digits: a 16-digit NIK is already damaged
        raise ValueError("NIK disimpan Excel sebagai angka sehingga angka terakhirnya hilang; simpan kolom NIK "
                         "sebagai teks.")
    try:
        urai_nik(str(v), info.context["hari_ini"])
    except NIKTidakSah as e:
        raise ValueError(str(e)) from None
    return bersihkan(str(v))


class BarisPeserta(_BarisDesa):
    """A participant with the programmes they hold. The NIK is only checked here; data_access turns
    it into the keyed pseudonym and never writes it."""

    nik: str = Field(repr=False)  # checked, then pseudonymised by data_access; never printed
    segmen: str
    program: frozenset[str]
    tanggal_daftar: date
    tanggal_berakhir: date | None = None
    pekerjaan: str | None = None
    jenis_kelamin: str | None = None
    tahun_lahir: int | None = None
    sumber_dana: str | None = None
    kanal: str = "kantor_cabang"
    kegiatan: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _gabung(cls, data: dict, info: ValidationInfo) -> dict:
        data = _siapkan(data, info)
        if data.get("program") is None:
            bendera = {p.value for p in Program if data.get(p.value.lower()) is not None
                       and urai_ya_tidak(data[p.value.lower()])}
            data["program"] = frozenset(bendera) if bendera else None
        return data

    @field_validator("nik", mode="before")
    @classmethod
    def _nik(cls, v: Any, info: ValidationInfo) -> str:
        return _periksa_nik(v, info)

    @field_validator("segmen", mode="before")
    @classmethod
    def _segmen(cls, v: Any) -> str:
        if v is None:
            raise ValueError("Segmen kosong.")
        return _dari_daftar(v, _SEGMEN, "Segmen")

    @field_validator("program", mode="before")
    @classmethod
    def _program(cls, v: Any, info: ValidationInfo) -> frozenset[str]:
        if v is None:
            raise ValueError("Tidak ada program yang diikuti.")
        program = v if isinstance(v, frozenset) else urai_program(v)
        segmen = info.data.get("segmen")
        masalah = alasan_program(segmen, program) if segmen else []
        if masalah:
            raise ValueError(" ".join(masalah))
        return program

    @field_validator("tanggal_daftar", mode="before")
    @classmethod
    def _tanggal_daftar(cls, v: Any, info: ValidationInfo) -> date:
        return urai_tanggal_data(v, info.context["hari_ini"])

    @field_validator("tanggal_berakhir", mode="before")
    @classmethod
    def _tanggal_berakhir(cls, v: Any, info: ValidationInfo) -> date | None:
        if v is None:
            return None
        hasil = urai_tanggal(v)
        daftar = info.data.get("tanggal_daftar")
        if daftar and hasil < daftar:
            raise ValueError("Tanggal berakhir sebelum tanggal daftar.")
        return hasil

    @field_validator("pekerjaan", mode="before")
    @classmethod
    def _pekerjaan(cls, v: Any) -> str | None:
        if v is None:
            return None
        teks = " ".join(str(v).split())
        if len(teks) > PANJANG_PEKERJAAN:
            raise ValueError(f"Pekerjaan {len(teks)} huruf; paling banyak {PANJANG_PEKERJAAN}. Singkat tulisannya.")
        return teks

    @field_validator("jenis_kelamin", mode="before")
    @classmethod
    def _jenis_kelamin(cls, v: Any) -> str | None:
        return None if v is None else _dari_daftar(v, _JENIS_KELAMIN, "Jenis kelamin")

    @field_validator("tahun_lahir", mode="before")
    @classmethod
    def _tahun_lahir(cls, v: Any, info: ValidationInfo) -> int | None:
        if v is None:
            return None
        tahun = int(urai_angka(v))
        nik, jenis_kelamin = info.data.get("nik"), info.data.get("jenis_kelamin")
        if nik and jenis_kelamin:
            try:
                periksa_konsisten(urai_nik(nik, info.context["hari_ini"]), jenis_kelamin, tahun)
            except NIKTidakSah as e:
                raise ValueError(str(e)) from None
        return tahun

    @field_validator("sumber_dana", mode="before")
    @classmethod
    def _sumber_dana(cls, v: Any) -> str | None:
        return None if v is None else _dari_daftar(v, _DANA, "Sumber dana")

    @field_validator("kanal", mode="before")
    @classmethod
    def _kanal(cls, v: Any) -> str:
        return "kantor_cabang" if v is None else _dari_daftar(v, _KANAL, "Kanal")

    @field_validator("kegiatan", mode="before")
    @classmethod
    def _kegiatan(cls, v: Any) -> str | None:
        return None if v is None else str(v).strip()

    @property
    def dana(self) -> str:
        """Who pays, with the segment's usual payer when the file does not say."""
        return self.sumber_dana or ("pemberi_kerja" if self.segmen in (Segmen.PU, Segmen.JAKON) else "mandiri")


class BarisIuran(_Baris):
    """One month's contribution of one participant. Whether the participant exists, and whether the
    month falls after their registration, is checked against the database (data_access.impor)."""

    nik: str = Field(repr=False)
    bulan: date
    jumlah: int
    tanggal_bayar: date | None = None
    pembayar: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _kosong(cls, data: dict) -> dict:
        return {k: _kosong_jadi_none(v) for k, v in data.items()}

    @field_validator("nik", mode="before")
    @classmethod
    def _nik(cls, v: Any, info: ValidationInfo) -> str:
        return _periksa_nik(v, info)

    @field_validator("bulan", mode="before")
    @classmethod
    def _bulan(cls, v: Any, info: ValidationInfo) -> date:
        if v is None:
            raise ValueError("Bulan iuran kosong.")
        bulan = urai_bulan(v)
        if bulan.year < TAHUN_DATA_MINIMUM:
            raise ValueError(f"Bulan {bulan:%m/%Y} sebelum {TAHUN_DATA_MINIMUM}; periksa tahunnya.")
        if bulan.year > info.context["hari_ini"].year + 1:
            raise ValueError(f"Bulan {bulan:%m/%Y} terlalu jauh di depan; iuran dibayar di muka paling lama "
                             "sampai tahun depan.")
        return bulan

    @field_validator("jumlah", mode="before")
    @classmethod
    def _jumlah(cls, v: Any) -> int:
        if v is None:
            raise ValueError("Jumlah iuran kosong.")
        return _tak_negatif(v, TERBESAR_BIGINT)

    @field_validator("tanggal_bayar", mode="before")
    @classmethod
    def _tanggal_bayar(cls, v: Any, info: ValidationInfo) -> date | None:
        return None if v is None else urai_tanggal_data(v, info.context["hari_ini"])

    @field_validator("pembayar", mode="before")
    @classmethod
    def _pembayar(cls, v: Any) -> str | None:
        return None if v is None else _dari_daftar(v, _DANA, "Pembayar")


class BarisKegiatan(_BarisDesa):
    nama: str
    jenis: str = "lainnya"
    tanggal_mulai: date
    tanggal_selesai: date | None = None
    jumlah_hadir: int | None = None
    biaya: int | None = None
    target_pendaftar: int | None = None
    catatan: str | None = None

    @field_validator("nama", mode="before")
    @classmethod
    def _nama(cls, v: Any) -> str:
        if v is None:
            raise ValueError("Nama kegiatan kosong.")
        if len(str(v).strip()) > PANJANG_NAMA:
            raise ValueError(f"Nama kegiatan lebih dari {PANJANG_NAMA} huruf.")
        return str(v).strip()

    @field_validator("jenis", mode="before")
    @classmethod
    def _jenis(cls, v: Any) -> str:
        return "lainnya" if v is None else _dari_daftar(v, _JENIS_KEGIATAN, "Jenis kegiatan")

    @field_validator("tanggal_mulai", "tanggal_selesai", mode="before")
    @classmethod
    def _tanggal(cls, v: Any, info: ValidationInfo) -> date | None:
        if v is None:
            if info.field_name == "tanggal_mulai":
                raise ValueError("Tanggal kosong.")
            return None
        hasil = urai_tanggal(v)
        if hasil.year < 2015:
            raise NilaiTidakSah(f"Tanggal {hasil:%d/%m/%Y} sebelum 2015; periksa tahunnya.")
        return hasil

    @field_validator("jumlah_hadir", "biaya", mode="before")
    @classmethod
    def _bilangan(cls, v: Any, info: ValidationInfo) -> int | None:
        return _tak_negatif(v, TERBESAR_BIGINT if info.field_name == "biaya" else TERBESAR_INT)

    @field_validator("target_pendaftar", mode="before")
    @classmethod
    def _target(cls, v: Any) -> int | None:
        n = _tak_negatif(v)
        if n is not None and not 1 <= n <= TARGET_TERBESAR:
            raise NilaiTidakSah(f"Target pendaftar {n} di luar 1 sampai {TARGET_TERBESAR}; kosongkan bila tidak ada.")
        return n

    @model_validator(mode="after")
    def _urutan(self) -> BarisKegiatan:
        if self.tanggal_selesai and self.tanggal_selesai < self.tanggal_mulai:
            raise ValueError("Tanggal selesai sebelum tanggal mulai.")
        return self


class BarisStatus(_BarisDesa):
    status: str
    tanggal: date
    catatan: str | None = None

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, v: Any) -> str:
        if v is None:
            raise ValueError("Status kosong.")
        hasil = _dari_daftar(v, _STATUS, "Status")
        assert hasil in URUTAN_STATUS
        return hasil

    @field_validator("tanggal", mode="before")
    @classmethod
    def _tanggal(cls, v: Any, info: ValidationInfo) -> date:
        return urai_tanggal_data(v, info.context["hari_ini"])


class BarisPenyebut(_BarisDesa):
    tahun: int
    penduduk: int | None = None
    penduduk_bekerja: int | None = None
    pekerja_informal: int | None = None
    perangkat_desa: int | None = None

    @field_validator("tahun", mode="before")
    @classmethod
    def _tahun(cls, v: Any, info: ValidationInfo) -> int:
        return _urai_tahun(v, info)

    @field_validator("penduduk", "penduduk_bekerja", "pekerja_informal", "perangkat_desa", mode="before")
    @classmethod
    def _jumlah(cls, v: Any) -> int | None:
        return _tak_negatif(v)

    @model_validator(mode="after")
    def _urutan(self) -> BarisPenyebut:
        if None not in (self.pekerja_informal, self.penduduk_bekerja) and self.pekerja_informal > self.penduduk_bekerja:
            raise ValueError("Pekerja informal lebih banyak dari penduduk bekerja.")
        if None not in (self.penduduk_bekerja, self.penduduk) and self.penduduk_bekerja > self.penduduk:
            raise ValueError("Penduduk bekerja lebih banyak dari penduduk.")
        return self


class BarisTarget(_Baris):
    kode_wilayah: str
    tahun: int
    ukuran: str = "peserta_aktif"
    segmen: str = "SEMUA"
    program: str = "SEMUA"
    nilai: int

    @model_validator(mode="before")
    @classmethod
    def _gabung(cls, data: dict, info: ValidationInfo) -> dict:
        asli = {k: _kosong_jadi_none(v) for k, v in data.items()}
        wilayah: Callable[[str | None, str | None, str | None], str] = info.context["wilayah"]
        return {**asli, "kode_wilayah": _Tunda(lambda: wilayah(asli.get("kode_wilayah"), asli.get("nama_desa"),
                                                               asli.get("kecamatan")))}

    @field_validator("kode_wilayah", mode="before")
    @classmethod
    def _kode_wilayah(cls, v: Any) -> str:
        return v() if isinstance(v, _Tunda) else v

    @field_validator("tahun", mode="before")
    @classmethod
    def _tahun(cls, v: Any, info: ValidationInfo) -> int:
        return _urai_tahun(v, info)

    @field_validator("ukuran", mode="before")
    @classmethod
    def _ukuran(cls, v: Any) -> str:
        return "peserta_aktif" if v is None else _dari_daftar(v, _UKURAN, "Ukuran target")

    @field_validator("segmen", mode="before")
    @classmethod
    def _segmen(cls, v: Any) -> str:
        return "SEMUA" if v is None or normalkan_kolom(v) in ("semua", "all") else _dari_daftar(v, _SEGMEN, "Segmen")

    @field_validator("program", mode="before")
    @classmethod
    def _program(cls, v: Any) -> str:
        if v is None or normalkan_kolom(v) in ("semua", "all"):
            return "SEMUA"
        hasil = urai_program(v)
        if len(hasil) != 1:
            raise ValueError("Satu target untuk satu program (atau SEMUA).")
        return next(iter(hasil))

    @field_validator("nilai", mode="before")
    @classmethod
    def _nilai(cls, v: Any) -> int:
        if v is None:
            raise ValueError("Nilai target kosong.")
        return _tak_negatif(v, TERBESAR_BIGINT)

    @model_validator(mode="after")
    def _boleh(self) -> BarisTarget:
        if self.segmen != "SEMUA" and self.program != "SEMUA" and (a := alasan_tidak_boleh(self.segmen, self.program)):
            raise ValueError(a)
        return self


MODEL = {"peserta": BarisPeserta, "iuran": BarisIuran, "kegiatan": BarisKegiatan, "status": BarisStatus, "penyebut": BarisPenyebut,
         "target": BarisTarget}


@dataclass(frozen=True)
class Masalah:
    """One refused cell or row: file row number, column as written in the file, value, reason."""

    baris: int
    kolom: str
    nilai: str
    alasan: str
    alasan_en: str = ""  # said in English too where the message has been translated

    def alasan_dalam(self, bahasa: str) -> str:
        return self.alasan_en if bahasa == "en" and self.alasan_en else self.alasan


def pesan_validasi(e: ValidationError, nama_kolom: dict[str, str], nilai_baris: dict[str, Any],
                   baris: int) -> list[Masalah]:
    """pydantic's errors as Masalah: our reasons kept as written, the NIK never repeated."""
    hasil = []
    for galat in e.errors(include_url=False):
        kanonik = str(galat["loc"][0]) if galat["loc"] else ""
        asal = galat.get("ctx", {}).get("error")
        if galat["type"] == "missing":
            alasan = "Wajib diisi."
        elif isinstance(asal, Exception):
            alasan = str(asal)
        else:
            alasan = str(galat["msg"]).removeprefix("Value error, ")
        nilai = nilai_baris.get(kanonik)
        if kanonik == "kode_desa" and kosong(nilai):
            nilai = nilai_baris.get("nama_desa")
        teks = "" if kosong(nilai) else ("(disembunyikan)" if kanonik == "nik" else str(nilai)[:60])
        hasil.append(Masalah(baris, nama_kolom.get(kanonik, kanonik or "(baris)"), teks, alasan))
    return hasil


def validasi_baris(jenis: str, nilai: dict[str, Any], konteks: dict, nama_kolom: dict[str, str],
                   baris: int) -> tuple[BaseModel | None, list[Masalah]]:
    """One row checked: the model, or the problems found (all of them)."""
    try:
        return MODEL[jenis].model_validate(nilai, context=konteks), []
    except ValidationError as e:
        return None, pesan_validasi(e, nama_kolom, nilai, baris)
    except (ValueError, NilaiTidakSah) as e:  # raised outside a field (e.g. a malformed flag column)
        return None, [Masalah(baris, "(baris)", "", str(e))]
