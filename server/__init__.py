"""Huizhen regional server: cases, consults, reports and alerts over HTTP.

FastAPI + SQLAlchemy 2 + Alembic.  No Qt and no workstation store here; the
only shared code is the domain vocabulary in ``app.domain``.
"""

__version__ = "0.1.0"
