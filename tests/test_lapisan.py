"""The layers keep to their rules (README, Layout): a test names the rule a change breaks."""

import ast
import subprocess
import sys
from pathlib import Path

from data_access.config import AKAR_PROYEK

# What only data_access may touch: the database, its drivers and its connection code.
LAPISAN_DATABASE = ("sqlalchemy", "duckdb", "duckdb_engine", "psycopg", "alembic", "data_access.db")


def _impor(berkas: Path) -> set[str]:
    """Every module a file imports, by its full dotted name (relative imports are not used here)."""
    nama = set()
    for simpul in ast.walk(ast.parse(berkas.read_text(encoding="utf-8"), filename=str(berkas))):
        if isinstance(simpul, ast.Import):
            nama |= {a.name for a in simpul.names}
        elif isinstance(simpul, ast.ImportFrom) and simpul.module:
            nama.add(simpul.module)
            nama |= {f"{simpul.module}.{a.name}" for a in simpul.names}
    return nama


def _melanggar(folder: str, terlarang: tuple[str, ...]) -> dict[str, list[str]]:
    hasil = {}
    for berkas in sorted((AKAR_PROYEK / folder).rglob("*.py")):
        salah = sorted(m for m in _impor(berkas) if any(m == t or m.startswith(f"{t}.") for t in terlarang))
        if salah:
            hasil[str(berkas.relative_to(AKAR_PROYEK))] = salah
    return hasil


def test_geo_and_the_domain_never_import_streamlit():
    """They are plain functions: usable from the command line, the deck builder and tests alike."""
    assert _melanggar("geo", ("streamlit",)) == {}
    assert _melanggar("domain", ("streamlit",)) == {}


def test_the_domain_reads_no_database_and_no_setting():
    assert _melanggar("domain", (*LAPISAN_DATABASE, "data_access", "os", "tampilan", "layanan", "laporan")) == {}


def test_presentation_and_reports_never_import_streamlit_nor_open_the_database():
    """tampilan/ decides what a viewer may see from results handed to it; laporan/ renders files.
    Neither may reach the database on its own nor depend on a Streamlit session."""
    assert _melanggar("tampilan", ("streamlit", *LAPISAN_DATABASE)) == {}
    assert _melanggar("laporan", ("streamlit", "duckdb", "psycopg", "alembic", "data_access.db")) == {}
    assert _melanggar("data_access", ("streamlit", "layanan", "laporan")) == {}


def test_pages_get_their_figures_only_through_the_presentation_step():
    """A page that calls a data_access query itself would show numbers the presentation step never
    saw: the pages read layanan.cache, whose every figure has passed through tampilan.publik."""
    kueri = ("data_access.ringkasan", "data_access.peta", "data_access.publik", "data_access.provinsi",
             "data_access.layar", "data_access.kegiatan.hasil_kegiatan", "data_access.kegiatan.rincian_kegiatan",
             "domain.suppresi", "domain.publik")
    assert _melanggar("halaman", kueri) == {}


def test_pages_never_touch_the_database_themselves():
    """Pages render what data_access (through its cache) hands them; they open no connection."""
    assert _melanggar("halaman", LAPISAN_DATABASE) == {}
    # The router only names the refusal it shows when the database cannot be opened.
    assert {m for m in _impor(AKAR_PROYEK / "app.py") if m.startswith(LAPISAN_DATABASE)} == \
        {"data_access.db", "data_access.db.DatabaseTidakSiap"}
    assert _melanggar("layanan", ("sqlalchemy.orm", "duckdb", "psycopg", "alembic")) == {}


def test_there_is_no_pages_folder_beside_app_py():
    """Streamlit runs every file in a pages/ folder beside the entry script as a page of its own,
    before the router: without the sidebar, without the filters and without the role check, so a
    page meant for staff would open for anyone. The screens live in halaman/."""
    assert not (AKAR_PROYEK / "pages").exists()


def _dimuat(impor: str, dicari: tuple[str, ...]) -> list[str]:
    """Which of `dicari` a fresh Python process has loaded after running the statement `impor`."""
    keluaran = subprocess.run(
        [sys.executable, "-c", f"import sys; {impor}; print([m for m in {dicari!r} if m in sys.modules])"],
        cwd=AKAR_PROYEK, capture_output=True, text=True, timeout=120, check=True)
    return ast.literal_eval(keluaran.stdout.strip().splitlines()[-1])


def test_the_server_answers_before_the_data_libraries_load():
    """server.py is imported before Streamlit serves anything, so all it imports is time the first
    browser waits; pandas, geopandas, the database and the charts load in layanan.pemanasan's thread,
    beside the browser fetching Streamlit's own files."""
    assert _dimuat("import server", ("pandas", "geopandas", "sqlalchemy", "data_access.db", "layanan.cache")) == []


def test_the_warm_up_loads_no_library_the_first_page_does_without():
    """folium (with branca, its templates and the tile providers) loads when the village map is drawn;
    Altair, matplotlib and SciPy never serve a page (charts are plain Vega-Lite specs, the PDF's
    picture is drawn on request; openpyxl reads imported sheets only); the import modules with
    pydantic's row models load with the import page, the gazetteer (RapidFuzz) with a village search,
    Alembic only for a database not yet at the newest migration. The warm-up and every page import
    layanan.cache."""
    impor = "from layanan import pemanasan; import importlib; [importlib.import_module(m) for m in pemanasan.MODUL_HALAMAN_PERTAMA]"
    assert _dimuat(impor, ("folium", "branca", "streamlit_folium", "geo.peta_folium", "altair", "matplotlib",
                           "scipy", "statsmodels", "openpyxl", "pydantic", "data_access.impor", "rapidfuzz",
                           "alembic")) == []
