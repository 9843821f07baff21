"""Deep links to a case: ``huizhen://case/<id>@<server host:port>``.

``<id>`` is the server case id; a case not yet on the server is linked by its
study UID as ``uid:<UID>`` so a link can be shown (and printed as a QR code)
while offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select

from app.models import Study

SCHEME = "huizhen://case/"
_LINK = re.compile(r"^huizhen://case/(?P<ident>[^@\s/]+)(?:@(?P<server>[^\s/]+))?/?$")


class BadLink(ValueError):
    pass


@dataclass(frozen=True)
class CaseLink:
    case_id: int | None
    study_uid: str
    server: str


def make_link(server: str, case_id: int | None = None, study_uid: str = "") -> str:
    ident = str(case_id) if case_id is not None else f"uid:{study_uid}"
    return f"{SCHEME}{ident}@{server}" if server else f"{SCHEME}{ident}"


def parse_link(text: str) -> CaseLink:
    m = _LINK.match((text or "").strip())
    if not m:
        raise BadLink("not a huizhen://case/… link")
    ident, server = m["ident"], m["server"] or ""
    if ident.isdigit():
        return CaseLink(int(ident), "", server)
    if ident.startswith("uid:") and len(ident) > 4:
        return CaseLink(None, ident[4:], server)
    raise BadLink("the link does not name a case")


def link_for_study(store, study_pk: int, server: str) -> str:
    with store.read_session() as s:
        row = s.execute(select(Study.server_id, Study.uid).where(Study.id == study_pk)).one()
    return make_link(server, row[0], row[1])


def find_local(store, link: CaseLink) -> int | None:
    with store.read_session() as s:
        if link.case_id is not None:
            return s.scalar(select(Study.id).where(Study.server_id == link.case_id))
        return s.scalar(select(Study.id).where(Study.uid == link.study_uid))
