"""Which slide AI tools this workstation offers: nuclei detection only when the
clinic subscribes to the nuclei product (``app.ai.subscriptions``: no list yet,
offline with built-ins, or a regional-hospital user -> offered)."""

from __future__ import annotations

from app.ai.products import builtin

NUCLEI = builtin("huizhen-nuclei").analyzer


def nuclei_offered() -> bool:
    from app.ai import subscriptions

    allowed = subscriptions.current().allowed()
    return allowed is None or NUCLEI in allowed
