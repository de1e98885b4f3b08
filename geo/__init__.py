"""Boundaries, names and maps: plain functions on GeoDataFrames. Never imports Streamlit.

Reading files is data_access's job; geo receives loaded frames and returns derived ones.
"""
