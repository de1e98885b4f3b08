"""Alembic environment: runs on the connection handed over by data_access.db.siapkan_database."""

from __future__ import annotations

from alembic import context
from alembic.ddl.impl import DefaultImpl


class _DuckDBImpl(DefaultImpl):
    """Alembic has no DuckDB dialect of its own; DuckDB's DDL is close enough to the default."""

    __dialect__ = "duckdb"
    transactional_ddl = True


koneksi = context.config.attributes["connection"]
if koneksi.dialect.name == "postgresql":
    # Two app instances starting together must not both run the same migration.
    koneksi.exec_driver_sql("SELECT pg_advisory_xact_lock(20190903)")
    # Backfilling a derived table or an index over millions of rows is not a dashboard query.
    koneksi.exec_driver_sql("SET LOCAL statement_timeout = 0")
context.configure(connection=koneksi, target_metadata=None, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
