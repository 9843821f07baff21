"""Alembic migrations of the server database (a package so that wheels ship them)."""
