"""Pull: "changes since cursor" into the local store.

Each page of the server's change feed is applied in one transaction together
with the new cursor, so a crash or a dropped connection at any point either
keeps a page and its cursor or neither: the next pull resumes exactly there.
Changes are full snapshots, so applying one twice is harmless.  Cases go in
with bulk statements (an initial sync can bring tens of thousands).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.models import SyncState
from app.sync import chest_reviews
from app.sync.apply import apply_page
from app.sync.client import ApiFailure
from app.sync.people import people_by_id, signer_ids

PAGE = 1000
CASE_CHILD_KINDS = ("object", "ai_result", "consult", "report", "alert", "annotation")


@dataclass
class PullResult:
    changes: int = 0
    study_pks: set[int] = field(default_factory=set)
    alerts: list[tuple[int, str, str]] = field(default_factory=list)
    arrivals: list[tuple[str, int]] = field(default_factory=list)  # ("consult"|"report", pk)
    reset: bool = False


def sync_row(s, server_url: str, username: str) -> SyncState:
    row = s.scalar(
        select(SyncState).where(SyncState.server_url == server_url, SyncState.username == username)
    )
    if row is None:
        row = SyncState(server_url=server_url, username=username, cursor=0, directory={})
        s.add(row)
        s.flush()
    return row


def cursor_of(store, server_url: str, username: str) -> int:
    with store.read_session() as s:
        return int(
            s.scalar(
                select(SyncState.cursor).where(
                    SyncState.server_url == server_url, SyncState.username == username
                )
            )
            or 0
        )


def pull(store, client, state=None, page: int = PAGE) -> PullResult:
    res = PullResult()
    url, user = client.base_url, client.username
    with store.read_session() as s:  # the first sync brings history, not news
        row = s.scalar(select(SyncState).where(SyncState.server_url == url,
                                               SyncState.username == user))  # fmt: skip
        initial = row is None or row.last_ok is None
    while True:
        if state is not None:
            state.check()
        cursor = cursor_of(store, url, user)
        body = client.get("/changes", params={"since": cursor, "limit": page})
        if body["sequence"] < cursor and not res.reset:
            # the server's database is older than what we saw (restored or replaced):
            # read everything again; snapshots are idempotent so nothing doubles
            res.reset = True
            with store.session() as s:
                sync_row(s, url, user).cursor = 0
            continue
        changes = body["changes"]
        cases, consults = prefetch(store, client, changes, cursor)
        people = people_by_id(store, client, signer_ids(changes, cases))
        arrivals: list = []
        with store.session() as s:
            touched, alerts = apply_page(s, url, changes, cases, consults, people, arrivals)
            touched |= chest_reviews.apply_documents(store, s, client, changes, cases)
            sync_row(s, url, user).cursor = body["next"]
        if not initial and not res.reset:
            res.arrivals += arrivals
        res.changes += len(changes)
        res.study_pks |= touched
        res.alerts += alerts
        if not body["more"]:
            break
    # one notification per pull, not per page: an initial sync of 10,000 cases
    # reloads the worklist once instead of ten times
    if res.study_pks:
        store.events.changed.emit(sorted(res.study_pks))
    for alert in res.alerts:
        store.events.alert.emit(*alert)
    for kind, study_pk in dict.fromkeys(res.arrivals):
        store.events.arrived.emit(kind, study_pk)
    return res


def prefetch(
    store, client, changes: list[dict], since: int = 0
) -> tuple[list[dict], dict[int, dict]]:
    """Full cases this page refers to but the store lacks (a consult addressed to a
    specialist whose case was created before their cursor), and the timelines of
    consults whose status moved."""
    from app.models import ConsultRequest, Study

    in_page = {c["case_id"] for c in changes if c["kind"] == "case"}
    wanted = {c["case_id"] for c in changes if c["kind"] in CASE_CHILD_KINDS and c["case_id"]}
    wanted -= in_page
    if since > 0:
        # a consult addressed to us makes its case visible: what was recorded on it before
        # (files, the clinic's AI result, alerts) lies behind our cursor, so fetch the whole
        # case even when the page carries its snapshot (a first pull sees all of it anyway)
        wanted |= {c["case_id"] for c in changes if c["kind"] == "consult" and c["case_id"]}
    consult_ids = {int(c["id"]): c["data"].get("status") for c in changes if c["kind"] == "consult"}
    with store.read_session() as s:
        known: set[int] = set()
        ids = sorted(wanted)
        for i in range(0, len(ids), 500):
            q = select(Study.server_id).where(Study.server_id.in_(ids[i : i + 500]))
            known |= set(s.scalars(q))
        local_status = {}
        if consult_ids:
            q = select(ConsultRequest.server_id, ConsultRequest.status).where(
                ConsultRequest.server_id.in_(list(consult_ids))
            )
            local_status = dict(s.execute(q).all())
    cases = []
    for case_id in sorted(wanted - known):
        try:
            cases.append(client.get(f"/cases/{case_id}"))
        except ApiFailure as err:
            if err.transient:
                raise
    consults = {}
    for cid, status in consult_ids.items():
        if local_status.get(cid) == status:
            continue
        try:
            consults[cid] = client.get(f"/consults/{cid}")
        except ApiFailure as err:
            if err.transient:
                raise
    return cases, consults


def fetch_case(store, client, case_id: int) -> int | None:
    """Bring one server case (and everything on it) into the store; its study pk."""
    from app.models import Study

    case = client.get(f"/cases/{case_id}")
    people = people_by_id(store, client, signer_ids([], [case]))
    with store.session() as s:
        touched, alerts = apply_page(s, client.base_url, [], [case], {}, people)
        touched |= chest_reviews.apply_documents(store, s, client, [], [case])
        pk = s.scalar(select(Study.id).where(Study.server_id == case_id))
    store.events.changed.emit(sorted(touched))
    for alert in alerts:
        store.events.alert.emit(*alert)
    return pk
