"""The only code that opens the database or reads files.

Layer contract: `domain/` and `geo/` import neither Streamlit nor this package; `data_access/`
imports `domain/` and `geo/` but never Streamlit, except `data_access/cache.py`, which wraps these
functions in Streamlit caches for the pages; `halaman/` (the pages) call `layanan.cache`, `domain` and `geo`.
"""
