"""Settings from the environment or `.streamlit/secrets.toml`, with defaults that run out of the box.

| setting | environment variable | default |
| --- | --- | --- |
| data directory | DESA_SADAR_DATA_DIR | `data/` in the project |
| database | DATABASE_URL (or `database_url` in secrets.toml) | a DuckDB file in the data directory |
| regency | DESA_SADAR_KODE_KAB | `33.26` (Kabupaten Pekalongan) |
| boundaries | DESA_SADAR_BATAS_DIR | `../shared/data/boundaries` beside the project |
| demo on first start | DESA_SADAR_DEMO | `1` (create synthetic data when the database is empty) |
| map tiles | DESA_SADAR_TILE_URL, DESA_SADAR_TILE_ATRIBUSI | none: the map works offline without tiles |
| NIK key | DESA_SADAR_KUNCI_NIK (or `kunci_nik` in secrets.toml) | a random key kept in the data directory |
| readiness: BPU coverage | DESA_SADAR_AMBANG_CAKUPAN (or `ambang_cakupan_bpu`) | 10 (% of informal workers; a placeholder for the branch to set) |
| readiness: officials enrolled | DESA_SADAR_AMBANG_PERANGKAT (or `ambang_perangkat`) | 100 (% of perangkat desa) |
| live screen refresh | DESA_SADAR_LAYAR_DETIK (or `layar_detik`) | 5 seconds |
| live screen: exact headline | DESA_SADAR_LAYAR_ANGKA_PASTI (or `layar_angka_pasti`) | 1: an event's sign-ups are shown exactly from the first; 0 hides 1 to k-1 there too |
| address staff phones reach | DESA_SADAR_ALAMAT_FORMULIR (or `alamat_formulir`), e.g. `http://192.168.1.20:8501` | detected: the laptop's address on the local network |
| today | DESA_SADAR_HARI_INI (or `hari_ini`), as YYYY-MM-DD | the real date, read anew on every use |
| small-count threshold | DESA_SADAR_K (or `k_suppresi`) | 5: public views show 1 to 4 as "<5" |
| sign-in session length | DESA_SADAR_SESI_JAM (or `sesi_jam`) | 8 hours |

No national coverage threshold for designation exists (domain brief §1): each branch sets its own.

"Today" is pinnable so that the app, the demo generator and the command line can be run as of a
given date (tests, a rehearsal of a year-end briefing); unpinned it is the real date, never cached.
"""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from urllib.parse import urlsplit
from datetime import date
from pathlib import Path

from domain.suppresi import K_BAWAAN

AKAR_PROYEK = Path(__file__).resolve().parent.parent


class PengaturanTidakSah(ValueError):
    """A setting has a value the app cannot use; the message names it, in Bahasa Indonesia."""


def _rahasia() -> dict:
    berkas = AKAR_PROYEK / ".streamlit" / "secrets.toml"
    if not berkas.is_file():
        return {}
    with berkas.open("rb") as f:
        return tomllib.load(f)


@dataclass(frozen=True)
class Pengaturan:
    folder_data: Path
    url_database: str
    kode_kab: str
    folder_batas: Path
    buat_demo: bool
    tile_url: str | None = None  # only for installations that are online
    tile_atribusi: str | None = None
    kunci_nik: str | None = None  # HMAC key for NIK pseudonyms; see kunci_rahasia_nik
    ambang_cakupan_bpu: float = 10.0
    ambang_perangkat: float = 100.0
    layar_detik: float = 5.0
    layar_angka_pasti: bool = True
    alamat_formulir: str | None = None  # scheme://host[:port] of this app as staff phones reach it
    tanggal_tetap: date | None = None  # DESA_SADAR_HARI_INI; None: the real date
    k_suppresi: int = K_BAWAAN  # public views show counts from 1 to k-1 as "<k"
    sesi_jam: float = 8.0  # a working day; then the password is asked again

    def hari_ini(self) -> date:
        """The app's "today": the pinned date if one is set, else the real date at this call."""
        return self.tanggal_tetap or date.today()

    @property
    def mesin(self) -> str:
        """'duckdb' or 'postgresql': the engine family behind the URL."""
        return "duckdb" if self.url_database.startswith("duckdb") else "postgresql"


def _angka(env: dict, rahasia: dict, nama_env: str, nama_rahasia: str, bawaan: float,
           terkecil: float, terbesar: float) -> float:
    mentah = env.get(nama_env) or rahasia.get(nama_rahasia)
    if mentah is None or mentah == "":
        return bawaan
    try:
        nilai = float(str(mentah).replace(",", "."))
    except ValueError:
        nilai = float("nan")
    if not terkecil <= nilai <= terbesar:  # also refuses NaN
        raise PengaturanTidakSah(f"Pengaturan {nama_env} (atau {nama_rahasia} di secrets.toml) harus angka antara "
                                 f"{terkecil:g} dan {terbesar:g}; tertulis {mentah!r}.")
    return nilai


def _bulat(env: dict, rahasia: dict, nama_env: str, nama_rahasia: str, bawaan: int, terkecil: int,
           terbesar: int) -> int:
    nilai = _angka(env, rahasia, nama_env, nama_rahasia, bawaan, terkecil, terbesar)
    if not float(nilai).is_integer():
        raise PengaturanTidakSah(f"Pengaturan {nama_env} (atau {nama_rahasia} di secrets.toml) harus bilangan bulat; "
                                 f"tertulis {nilai:g}.")
    return int(nilai)


def _ya_tidak(env: dict, rahasia: dict, nama_env: str, nama_rahasia: str, bawaan: bool) -> bool:
    mentah = env.get(nama_env, rahasia.get(nama_rahasia))
    if mentah is None or mentah == "":
        return bawaan
    teks = str(mentah).strip().lower()
    if teks in ("1", "true", "ya", "yes"):
        return True
    if teks in ("0", "false", "tidak", "no"):
        return False
    raise PengaturanTidakSah(f"Pengaturan {nama_env} (atau {nama_rahasia} di secrets.toml) harus 1 atau 0; "
                             f"tertulis {mentah!r}.")


def _alamat(env: dict, rahasia: dict, nama_env: str, nama_rahasia: str) -> str | None:
    mentah = str(env.get(nama_env) or rahasia.get(nama_rahasia) or "").strip().rstrip("/")
    if not mentah:
        return None
    bagian = urlsplit(mentah)
    if bagian.scheme not in ("http", "https") or not bagian.hostname or bagian.path or bagian.query:
        raise PengaturanTidakSah(f"Pengaturan {nama_env} (atau {nama_rahasia} di secrets.toml) harus alamat seperti "
                                 f"http://192.168.1.20:8501, tanpa jalur; tertulis {mentah!r}.")
    return mentah


def _tanggal(env: dict, rahasia: dict, nama_env: str, nama_rahasia: str) -> date | None:
    mentah = env.get(nama_env) or rahasia.get(nama_rahasia)
    if mentah is None or mentah == "":
        return None
    if isinstance(mentah, date):  # TOML has a date type of its own: hari_ini = 2027-01-08
        return mentah
    try:
        return date.fromisoformat(str(mentah).strip())
    except ValueError:
        raise PengaturanTidakSah(f"Pengaturan {nama_env} (atau {nama_rahasia} di secrets.toml) harus tanggal "
                                 f"berbentuk TTTT-BB-HH, mis. 2027-01-08; tertulis {mentah!r}.") from None


def muat_pengaturan(env: dict[str, str] | None = None) -> Pengaturan:
    env = dict(os.environ if env is None else env)
    rahasia = _rahasia()
    folder_data = Path(env.get("DESA_SADAR_DATA_DIR") or AKAR_PROYEK / "data").resolve()
    url = env.get("DATABASE_URL") or rahasia.get("database_url") or ""
    if not url:
        url = f"duckdb:///{folder_data / 'desa_sadar.duckdb'}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        # psycopg 3 is the driver we ship; a plain URL from a hosting panel should just work.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    folder_batas = Path(
        env.get("DESA_SADAR_BATAS_DIR") or AKAR_PROYEK.parent / "shared" / "data" / "boundaries"
    ).resolve()
    return Pengaturan(
        folder_data=folder_data,
        url_database=url,
        kode_kab=env.get("DESA_SADAR_KODE_KAB") or rahasia.get("kode_kab") or "33.26",
        folder_batas=folder_batas,
        buat_demo=(env.get("DESA_SADAR_DEMO", "1") not in ("0", "false", "tidak")),
        tile_url=env.get("DESA_SADAR_TILE_URL") or rahasia.get("tile_url") or None,
        tile_atribusi=env.get("DESA_SADAR_TILE_ATRIBUSI") or rahasia.get("tile_atribusi") or None,
        kunci_nik=env.get("DESA_SADAR_KUNCI_NIK") or rahasia.get("kunci_nik") or None,
        ambang_cakupan_bpu=_angka(env, rahasia, "DESA_SADAR_AMBANG_CAKUPAN", "ambang_cakupan_bpu", 10.0, 0, 100),
        ambang_perangkat=_angka(env, rahasia, "DESA_SADAR_AMBANG_PERANGKAT", "ambang_perangkat", 100.0, 0, 100),
        layar_detik=_angka(env, rahasia, "DESA_SADAR_LAYAR_DETIK", "layar_detik", 5.0, 0.05, 300),
        layar_angka_pasti=_ya_tidak(env, rahasia, "DESA_SADAR_LAYAR_ANGKA_PASTI", "layar_angka_pasti", True),
        alamat_formulir=_alamat(env, rahasia, "DESA_SADAR_ALAMAT_FORMULIR", "alamat_formulir"),
        tanggal_tetap=_tanggal(env, rahasia, "DESA_SADAR_HARI_INI", "hari_ini"),
        # Below 2 nothing would be hidden: refused rather than quietly publishing small counts.
        k_suppresi=_bulat(env, rahasia, "DESA_SADAR_K", "k_suppresi", K_BAWAAN, 2, 100),
        sesi_jam=_angka(env, rahasia, "DESA_SADAR_SESI_JAM", "sesi_jam", 8.0, 0.01, 24 * 30),
    )


NAMA_BERKAS_KUNCI_NIK = "kunci_nik"


def kunci_rahasia_nik(pengaturan: Pengaturan) -> bytes:
    """The one HMAC key for NIKs, for the registration form, every import and the command line alike
    (the same person must get the same pseudonym whichever way they came in): DESA_SADAR_KUNCI_NIK
    or `kunci_nik` in secrets.toml; otherwise a random key created once as `kunci_nik` in the data
    directory (readable by the app's user only). Back that file up: without it returning people are
    not recognised."""
    if pengaturan.kunci_nik:
        return pengaturan.kunci_nik.encode()
    berkas: Path = pengaturan.folder_data / NAMA_BERKAS_KUNCI_NIK
    if not berkas.exists():
        berkas.parent.mkdir(parents=True, exist_ok=True)
        sementara = berkas.with_suffix(f".{secrets.token_hex(4)}.tmp")  # two first starts at once: one wins
        sementara.write_bytes(secrets.token_hex(32).encode())
        sementara.chmod(0o600)
        try:
            os.link(sementara, berkas)  # never replaces a key another process wrote first
        except FileExistsError:
            pass
        finally:
            sementara.unlink()
    return berkas.read_bytes().strip()
