"""Domain rules of the Desa Sadar campaign: programmes, KPIs, periods, formats, words.

Plain functions only: this package imports neither Streamlit nor SQL, so every rule here can be
tested on its own and reused by pages, imports and exports alike.
"""
