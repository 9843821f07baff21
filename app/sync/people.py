"""The server's specialist directory, cached per server for offline use.

Used to address a consult to a named specialist (``target_user_id``) and to
show who signed a report pulled from the server: the signer becomes a local
user row with the same user name (an existing account, or an inactive
placeholder that cannot sign in here).
"""

from __future__ import annotations

from sqlalchemy import select

from app.models import SyncState, User
from app.sync.client import ApiFailure, BadAddress

PATH = "/directory/specialists"
NO_LOGIN = "!"  # not a valid password hash: a placeholder account cannot sign in


def cached(store, server_url: str) -> list[dict]:
    with store.read_session() as s:
        q = select(SyncState.directory).where(SyncState.server_url == server_url)
        for d in s.scalars(q.order_by(SyncState.updated_at.desc())):
            if d and d.get("specialists"):
                return list(d["specialists"])
    return []


def fetch(store, client) -> list[dict] | None:
    """Read the directory from the server and cache it; None if the server has none."""
    from app.sync.pull import sync_row

    try:
        people = list(client.get(PATH).get("specialists") or [])
    except (ApiFailure, BadAddress):  # an older server, or not allowed: keep the cache
        return None
    with store.session() as s:
        row = sync_row(s, client.base_url, client.username)
        row.directory = {**(row.directory or {}), "specialists": people}
    return people


def people_by_id(store, client, wanted: set[int]) -> dict[int, dict]:
    """Directory entries for the server user ids in ``wanted`` (fetched when unknown)."""
    if not wanted:
        return {}
    known = {int(p["id"]): p for p in cached(store, client.base_url)}
    if wanted - known.keys():
        fresh = fetch(store, client)
        if fresh is not None:
            known = {int(p["id"]): p for p in fresh}
    return {i: known[i] for i in wanted if i in known}


def find(store, server_url: str, username: str) -> dict | None:
    for p in cached(store, server_url):
        if p.get("username") == username:
            return p
    return None


def local_user_id(s, person: dict) -> int:
    """The local user for a server person (created as an inactive placeholder)."""
    name = str(person.get("username") or "")[:64]
    user = s.scalar(select(User).where(User.username == name))
    if user is None:
        user = User(
            username=name,
            display_name=str(person.get("display_name") or name)[:200],
            role=str(person.get("role") or "")[:32],
            department=str(person.get("department") or "")[:100],
            password_hash=NO_LOGIN,
            active=False,
        )
        s.add(user)
        s.flush()
    return user.id


def signer_ids(changes: list[dict], cases: list[dict]) -> set[int]:
    """Server ids of the signers of the reports in a page of changes and full cases."""
    reports = [c["data"] for c in changes if c.get("kind") == "report"]
    for case in cases:
        reports += case.get("reports") or []
    return {int(r["signed_by"]) for r in reports if r.get("signed_by")}
