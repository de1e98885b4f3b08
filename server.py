"""What `streamlit run server.py` serves: the app (app.py) plus what a Streamlit script cannot do
itself: the sign-in form that sets the HttpOnly session cookie, the event stage for the projector
(which must keep its numbers on screen when the server stops answering), and sending an address
that is no page to the overview rather than to Streamlit's English "Page not found"."""

from contextlib import asynccontextmanager

import streamlit as st
from starlette.middleware import Middleware

from layanan import pemanasan
from layanan.aset_web import AsetTetap
from layanan.layar_web import RUTE_LAYAR
from layanan.masuk_web import RUTE, AlamatTakDikenal


@asynccontextmanager
async def _siapkan(_app):
    # Once Streamlit's runtime has started, so the warm-up fills the same caches the pages read.
    pemanasan.mulai()
    yield


app = st.App("app.py", routes=[*RUTE, *RUTE_LAYAR], middleware=[Middleware(AlamatTakDikenal), Middleware(AsetTetap)],
             lifespan=_siapkan)
