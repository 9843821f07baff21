"""The doctors' decisions on AI lung nodules, exchanged through the case's annotation
document on the regional server (``GET/PUT /cases/{id}/annotations``).

The document is one JSON object per case; the chest reviews live under
``"chest_reviews"``, one entry per organisation (its code), so the clinic's and the
regional hospital's reviews sit side by side and other keys of the document are
kept as they are.  A save here queues one outbox row (offline it waits like any
other); sending reads the saved review, fetches the document, merges this site's
entry per nodule (the newer decision wins, so two workstations of one clinic do not
undo each other) and writes it back with the version it read; a 409 (someone wrote
in between) fetches and merges again.  A pull keeps the server's document beside
the case (``<data_dir>/annotations/<study>.server-annotations.json``) so the viewer
shows the other side's decisions next to the doctor's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.chest_review import REVIEW_SET, Decision, Review, load_file, review_path
from app.models import AnnotationSet, Outbox
from app.sync import outbox
from app.sync.client import ApiFailure

KIND = "chest_review.put"
DOC_KEY = "chest_reviews"
ATTEMPTS = 4


# --- merging (pure) --------------------------------------------------------------------
def merge_review(old: dict | None, new: dict) -> dict:
    """One site's review: ``new`` merged into ``old`` nodule by nodule, the newer
    decision (its ``at``) winning; a review of another AI result replaces the old one."""
    if not old or old.get("result_uid") != new.get("result_uid"):
        return dict(new)
    decisions = dict(old.get("decisions") or {})
    for key, d in dict(new.get("decisions") or {}).items():
        have = decisions.get(key)
        if have is None or str(d.get("at") or "") >= str(have.get("at") or ""):
            decisions[key] = d
    objects = {**dict(old.get("objects") or {}), **dict(new.get("objects") or {})}
    return {**new, "decisions": dict(sorted(decisions.items(), key=lambda kv: int(kv[0]))),
            "objects": objects}  # fmt: skip


def merged_doc(doc: dict | None, site: dict, review: dict, by: dict | None = None) -> dict:
    """The case document with this site's review merged in; other keys and sites kept."""
    out = dict(doc or {})
    reviews = dict(out.get(DOC_KEY) or {})
    code = str(site.get("code") or "")
    old = dict(reviews.get(code) or {})
    people = dict(old.get("people") or {})
    if by and by.get("username"):
        people[str(by["username"])] = str(by.get("display_name") or by["username"])
    if by and by.get("username"):  # a decision made without a local login: who sent it
        decisions = {k: dict(d, by=d.get("by") or by["username"])
                     for k, d in dict(review.get("decisions") or {}).items()}  # fmt: skip
        review = {**review, "decisions": decisions}
    reviews[code] = {
        "site": {k: site.get(k, "") for k in ("code", "name", "kind")},
        "review": merge_review(old.get("review"), review),
        "people": people,
    }
    out[DOC_KEY] = reviews
    return out


# --- queueing --------------------------------------------------------------------------
def queue(store, study_pk: int, username: str = "") -> bool:
    """Queue sending the study's saved review when the case is (or will be) on the server."""
    from app.ai.store import _on_server

    with store.session() as s:
        if not _on_server(s, study_pk):
            return False
        queue_in(s, study_pk, username or getattr(store.user, "username", "") or "")
    return True


def queue_in(s, study_pk: int, username: str = "") -> None:
    """Inside a transaction: one pending row per study (sending reads the newest save)."""
    has_review = s.scalar(
        select(AnnotationSet.id).where(
            AnnotationSet.study_pk == study_pk, AnnotationSet.name == REVIEW_SET
        )
    )
    if has_review is None or outbox._pending(s, KIND, study_pk):
        return
    outbox.enqueue(s, KIND, {"study_pk": study_pk}, username, study_pk)


# --- sending ---------------------------------------------------------------------------
def site_of(client) -> dict:
    org = client.organisation or (client.get("/me").get("organisation") or {})
    return {"code": str(org.get("code") or ""), "name": str(org.get("name") or ""),
            "kind": str(org.get("kind") or "")}  # fmt: skip


def push_review(store, client, row: Outbox, _chunk: int) -> None:
    from app.sync.push import _case_id

    study_pk = int(row.payload["study_pk"])
    review = load_file(review_path(store, study_pk))
    if review is None:  # nothing saved (any more): nothing to send
        with store.session() as s:
            outbox.mark_done(s, row.id)
        return
    case_id = _case_id(store, study_pk)
    site, sent = site_of(client), review.to_dict()
    by = {k: client.user.get(k) for k in ("username", "display_name")} if client.user else None
    for attempt in range(ATTEMPTS):
        cur = client.get(f"/cases/{case_id}/annotations")
        data = cur.get("data")
        if data is not None and not isinstance(data, dict):
            raise ApiFailure(422, {"error": "annotation_document",
                                   "detail": "the case's annotation document is not a JSON "
                                             "object; the nodule review was not sent"})  # fmt: skip
        body = {"version": int(cur.get("version") or 0), "data": merged_doc(data, site, sent, by)}
        key = f"{row.idempotency_key}-{attempt}"
        try:
            out = client.call("PUT", f"/cases/{case_id}/annotations", key=key, json=body)
            break
        except ApiFailure as err:
            if err.status != 409 or attempt == ATTEMPTS - 1:
                raise  # another writer kept winning: try again later (a 409 is not lost)
    with store.session() as s:
        keep_document(store, study_pk, out, site["code"])
        outbox.mark_done(s, row.id)
        now = load_file(review_path(store, study_pk))
        if now is not None and now.to_dict() != sent:  # decided again while sending
            outbox.enqueue(s, KIND, {"study_pk": study_pk}, row.username, study_pk)


# --- receiving -------------------------------------------------------------------------
def document_path(store, study_pk: int) -> Path:
    return Path(store.data_dir) / "annotations" / f"{study_pk}.server-annotations.json"


def read_document(store, study_pk: int) -> dict:
    try:
        got = json.loads(document_path(store, study_pk).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return got if isinstance(got, dict) else {}


def keep_document(store, study_pk: int, ann: dict, own_site: str = "") -> bool:
    """Keep the server's annotation document of a case unless an older one than what is
    kept (snapshots may arrive twice or from a case fetched whole)."""
    from app.fileio import atomic_write_json

    have = read_document(store, study_pk)
    version = int(ann.get("version") or 0)
    if version < int(have.get("version") or 0) or ann.get("data") is None:
        return False
    path = document_path(store, study_pk)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, {"version": version, "data": ann.get("data"),
                             "updated_at": ann.get("updated_at"),
                             "own_site": own_site or have.get("own_site", "")})  # fmt: skip
    return True


def apply_documents(store, s, client, changes: list[dict], cases: list[dict]) -> set[int]:
    """Inside the pull's transaction: keep the documents a page brought; their study pks."""
    from app.models import Study

    docs = [full["annotation"] for full in cases if full.get("annotation")]
    docs += [ch["data"] for ch in changes if ch["kind"] == "annotation" and ch.get("data")]
    touched: set[int] = set()
    if not docs:
        return touched
    own = str((getattr(client, "organisation", None) or {}).get("code") or "")
    for ann in docs:
        pk = s.scalar(select(Study.id).where(Study.server_id == ann.get("case_id")))
        if pk is not None and keep_document(store, pk, ann, own):
            touched.add(pk)
    return touched


@dataclass
class SiteReview:
    """Another organisation's decisions on the same AI result."""

    code: str
    name: str
    kind: str  # clinic | regional_hospital
    decisions: dict[int, Decision]
    people: dict[str, str]  # username -> display name

    def who(self, d: Decision) -> str:
        return self.people.get(d.by, d.by)


def other_reviews(store, study_pk: int, result_uid: str, state=None) -> list[SiteReview]:
    """The reviews other organisations synced for this AI result (not this site's own)."""
    doc = read_document(store, study_pk)
    own = str(doc.get("own_site") or "")
    out = []
    entries = dict((doc.get("data") or {}).get(DOC_KEY) or {}) if isinstance(
        doc.get("data"), dict) else {}  # fmt: skip
    for code, entry in sorted(entries.items()):
        if not isinstance(entry, dict) or code == own:
            continue
        review = Review.from_dict(dict(entry.get("review") or {}))
        if review.result_uid != result_uid:
            continue
        site: dict[str, Any] = dict(entry.get("site") or {})
        out.append(SiteReview(code, str(site.get("name") or code), str(site.get("kind") or ""),
                              review.decisions, dict(entry.get("people") or {})))  # fmt: skip
    return out
