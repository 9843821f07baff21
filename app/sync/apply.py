"""Apply server snapshots to the local store (inside the caller's transaction)."""

from __future__ import annotations

from sqlalchemy import insert, select, update

from app.descriptions import facts_or_none
from app.models import (
    AIResult,
    Alert,
    ConsultRequest,
    Outbox,
    Patient,
    Report,
    StoredObject,
    Study,
    SyncConflict,
    WorklistItem,
    utcnow,
)
from app.series import place_pulled
from app.sync.convert import (
    apply_consult_fields,
    apply_report_fields,
    patient_fields,
    study_uid_for,
    ts,
)
from app.sync.patient_pull import relink_patients
from app.sync.people import local_user_id

BATCH = 500


def _chunks(items: list, n: int = BATCH):
    for i in range(0, len(items), n):
        yield items[i : i + n]


def apply_page(
    s, server_url: str, changes: list[dict], cases: list[dict], consults: dict, people=None,
    arrivals: list | None = None,
):  # fmt: skip
    """Returns (touched study pks, new open alerts as (study_pk, level, message)).
    ``people``: server user id -> directory entry, to name the signers of reports.
    ``arrivals`` collects ("consult" | "report", study_pk) for a consult that came
    from elsewhere and a report signed elsewhere (desktop notifications)."""
    arrivals = arrivals if arrivals is not None else []
    snaps: dict[int, dict] = {}
    children: list[tuple[str, dict]] = []
    for full in cases:
        snaps[full["id"]] = full
        for kind, key in (
            ("object", "objects"),
            ("ai_result", "ai_results"),
            ("consult", "consults"),
            ("report", "reports"),
            ("alert", "alerts"),
        ):
            children += [(kind, d) for d in full.get(key) or []]
    for ch in changes:
        if ch["kind"] == "case":
            old = snaps.get(ch["case_id"])
            if old is None or ch["data"].get("version", 0) >= old.get("version", 0):
                snaps[ch["case_id"]] = ch["data"]
        elif ch["kind"] in ("object", "ai_result", "consult", "report", "alert"):
            children.append((ch["kind"], ch["data"]))
    touched = apply_cases(s, server_url, list(snaps.values()))
    case_ids = sorted({d["case_id"] for _k, d in children if d.get("case_id")})
    study_of = _study_map(s, case_ids)
    alerts = []
    busy = _reports_with_local_edits(s) if any(k == "report" for k, _d in children) else set()
    for kind, d in children:
        study_pk = study_of.get(d.get("case_id"))
        if study_pk is None:
            continue  # a case we may not see (any more); nothing to attach it to
        touched.add(study_pk)
        if kind == "object":
            _object(s, study_pk, d)
        elif kind == "ai_result":
            _ai_result(s, study_pk, d)
        elif kind == "consult":
            if _consult(s, study_pk, consults.get(d["id"], d)):
                arrivals.append(("consult", study_pk))
        elif kind == "report":
            if _report(s, study_pk, d, busy, people or {}):
                arrivals.append(("report", study_pk))
        elif kind == "alert" and (new := _alert(s, study_pk, d)) is not None:
            alerts.append(new)
    return touched, alerts


def _study_map(s, case_ids: list[int]) -> dict[int, int]:
    out = {}
    for part in _chunks(case_ids):
        q = select(Study.server_id, Study.id).where(Study.server_id.in_(part))
        out.update(s.execute(q).all())
    return out


def apply_cases(s, server_url: str, cases: list[dict]) -> set[int]:
    if not cases:
        return set()
    by_id = {c["id"]: c for c in cases}
    existing: dict[int, tuple[int, int | None, int | None, int | None]] = {}
    q = select(
        Study.server_id,
        Study.id,
        WorklistItem.id,
        WorklistItem.priority,
        WorklistItem.server_version,
    ).outerjoin(WorklistItem, WorklistItem.study_pk == Study.id)
    for part in _chunks(list(by_id)):
        for sid, pk, item, prio, ver in s.execute(q.where(Study.server_id.in_(part))):
            existing[sid] = (pk, item, prio, ver)
    missing = [c for c in cases if c["id"] not in existing]
    # a case this workstation created (its answer may have been lost): link by study UID
    uids = {c["study"]["uid"]: c for c in missing if (c.get("study") or {}).get("uid")}
    link = []
    q = select(
        Study.uid, Study.id, Study.server_id, WorklistItem.id, WorklistItem.priority
    ).outerjoin(WorklistItem, WorklistItem.study_pk == Study.id)
    for part in _chunks(list(uids)):
        for uid, pk, sid, item, prio in s.execute(q.where(Study.uid.in_(part))):
            if sid is None:
                case = uids[uid]
                existing[case["id"]] = (pk, item, prio, None)
                link.append({"id": pk, "server_id": case["id"]})
    if link:
        s.execute(update(Study), link)
    touched = _insert_new(s, server_url, [c for c in missing if c["id"] not in existing])
    now = utcnow()
    rows, items_new, changed = [], [], {}
    for sid, (pk, item, prio, ver) in existing.items():
        c = by_id[sid]
        touched.add(pk)
        if item is None:
            items_new.append(_item_row(pk, c, now))
        elif ver != c.get("version"):
            changed[pk] = c
            priority = min(prio if prio is not None else 2, int(c["priority"]))
            rows.append(
                {
                    "id": item,
                    "status": c["status"],
                    "priority": priority,
                    "server_version": c.get("version"),
                    "updated_at": now,
                }
            )
    if rows:
        s.execute(update(WorklistItem), rows)
        relink_patients(s, changed)  # a patient assigned at the clinic meanwhile
    if items_new:
        s.execute(insert(WorklistItem), items_new)
    return touched


def _item_row(study_pk: int, c: dict, now) -> dict:
    return {
        "study_pk": study_pk,
        "status": c["status"],
        "priority": int(c["priority"]),
        "server_version": c.get("version"),
        "ai_summary": "",
        "version": 1,
        "created_at": ts(c.get("created_at")) or now,
        "updated_at": now,
    }


def _insert_new(s, server_url: str, new: list[dict]) -> set[int]:
    if not new:
        return set()
    pats = {}
    for c in new:
        f = patient_fields(c)
        pats.setdefault(f["patient_id"], f)
    pmap: dict[str, int] = {}
    for part in _chunks(list(pats)):
        pmap.update(
            s.execute(
                select(Patient.patient_id, Patient.id).where(Patient.patient_id.in_(part))
            ).all()
        )
    todo = [f for pid, f in pats.items() if pid not in pmap]
    if todo:
        pmap.update(
            s.execute(insert(Patient).returning(Patient.patient_id, Patient.id), todo).all()
        )
    uids = [c["study"].get("uid") for c in new if (c.get("study") or {}).get("uid")]
    taken: set[str] = set()
    for part in _chunks(uids):
        taken |= set(s.scalars(select(Study.uid).where(Study.uid.in_(part))))
    now = utcnow()
    studies = []
    for c in new:
        st = c.get("study") or {}
        uid = st.get("uid") or ""
        if not uid or uid in taken:
            uid = study_uid_for(server_url, c["id"])
        taken.add(uid)
        studies.append(
            {
                "uid": uid,
                "patient_pk": pmap[patient_fields(c)["patient_id"]],
                "modality": c["modality"],
                "description": st.get("description") or "",
                "description_facts": facts_or_none(st.get("description_facts")),
                "study_time": ts(st.get("time")),
                "created_at": now,
                "server_id": c["id"],
            }
        )
    smap = dict(s.execute(insert(Study).returning(Study.server_id, Study.id), studies).all())
    by_id = {c["id"]: c for c in new}
    s.execute(insert(WorklistItem), [_item_row(pk, by_id[sid], now) for sid, pk in smap.items()])
    return set(smap.values())


def _object(s, study_pk: int, d: dict) -> None:
    obj = s.scalar(select(StoredObject).where(StoredObject.server_id == d["id"]))
    if obj is None:
        obj = s.scalar(select(StoredObject).where(StoredObject.sha256 == d["sha256"]))
    if obj is None:
        obj = StoredObject(
            study_pk=study_pk,
            sha256=d["sha256"],
            filename=d["filename"],
            size=d["size"],
            reader="server",
            meta={"server_object": d["id"], "preread_state": d.get("preread_state")},
            server_id=d["id"],
        )
        place_pulled(s, obj)
        s.add(obj)
        return
    if obj.server_id is None:
        obj.server_id = d["id"]
    state = d.get("preread_state")
    if state and (obj.meta or {}).get("preread_state") != state:  # the server's pre-read
        obj.meta = {**(obj.meta or {}), "preread_state": state}  # of the clinic's own file


def _ai_result(s, study_pk: int, d: dict) -> None:
    """One AI result per result uid and per model version: the clinic's own result
    coming back from the server is linked, never stored twice."""
    from app.ai.result import AiResult
    from app.ai.store import add_row

    if d.get("deleted"):  # read from a file the clinic has since replaced (its eye given)
        _drop_ai_result(s, d["id"], d.get("uid"))
        return
    known = s.scalar(select(AIResult).where(AIResult.server_id == d["id"]))
    if known is not None:
        if not (known.uid and d.get("uid")) or known.uid == d["uid"]:
            return
        _drop_ai_result(s, d["id"])  # the id of a removed result, used again (SQLite)
    r = AiResult.from_dict(d)
    mine = s.scalar(select(AIResult).where(AIResult.uid == r.uid))
    if mine is not None:
        mine.server_id = d["id"]
        return
    if add_row(s, study_pk, r, server_id=d["id"]) is None:
        return  # this model and version already read the study here
    item = s.scalar(select(WorklistItem).where(WorklistItem.study_pk == study_pk))
    if item is not None and not item.ai_summary:
        item.ai_summary = r.summary[:300]


def _drop_ai_result(s, server_id: int, uid: str | None = None) -> None:
    row = s.scalar(select(AIResult).where(AIResult.server_id == server_id))
    if row is None or (uid and row.uid and row.uid != uid):
        return
    for r in s.scalars(select(Report).where(Report.ai_result_id == row.id)):
        r.ai_result_id = None
    s.delete(row)


def _consult(s, study_pk: int, d: dict) -> bool:
    """True when the consult is new here (it came from another workstation)."""
    c = s.scalar(select(ConsultRequest).where(ConsultRequest.server_id == d["id"]))
    new = False
    if c is None:  # our own request whose answer was lost: the question starts the same
        for mine in s.scalars(
            select(ConsultRequest).where(
                ConsultRequest.study_pk == study_pk, ConsultRequest.server_id.is_(None)
            )
        ):
            if mine.question and d.get("question", "").startswith(mine.question):
                c = mine
                break
    if c is None:
        c = ConsultRequest(
            study_pk=study_pk,
            question=d.get("question", ""),
            urgency=d.get("urgency", "routine"),
            created_at=ts(d.get("created_at")) or utcnow(),
            timeline=[],
        )
        s.add(c)
        new = d.get("status") in ("sent", "accepted", "in_review")
    elif c.server_version is not None and (d.get("version") or 0) < c.server_version:
        return False  # an older snapshot than the one we have
    apply_consult_fields(c, d)
    s.flush()
    return new


def _reports_with_local_edits(s) -> set[int]:
    rows = s.scalars(
        select(Outbox).where(
            Outbox.kind.like("report.%"), Outbox.state.in_(["pending", "conflict"])
        )
    )
    return {r.payload.get("report_pk") for r in rows}


def _report(s, study_pk: int, d: dict, busy: set[int], people: dict) -> bool:
    """True when this brings a report signed elsewhere."""
    r = s.scalar(select(Report).where(Report.server_id == d["id"]))
    was_signed = r is not None and r.state == "signed"
    if r is None:
        r = Report(study_pk=study_pk, language="", findings=[])
        s.add(r)
    elif r.id in busy:
        # local edits not yet accepted by the server: never overwrite them; keep the
        # newest server version next to an open conflict, if there is one
        for conflict in s.scalars(
            select(SyncConflict).where(
                SyncConflict.local_pk == r.id, SyncConflict.resolved_at.is_(None)
            )
        ):
            conflict.remote = dict(d)
        return False
    elif (d.get("version") or 0) < (r.version or 0):
        return False
    if d.get("consult_id"):
        r.consult_pk = s.scalar(
            select(ConsultRequest.id).where(ConsultRequest.server_id == d["consult_id"])
        )
    apply_report_fields(r, d)
    signer = people.get(d.get("signed_by")) if d.get("signed_by") else None
    if signer is not None and r.state == "signed":
        r.signed_by = local_user_id(s, signer)
    s.flush()
    return r.state == "signed" and not was_signed


def _alert(s, study_pk: int, d: dict):
    """Alerts follow the server: matched by server id, else by the AI finding they
    are about (the clinic's own alert comes back linked, not as a second one); an
    acknowledgement made anywhere closes it here too, with who and when."""
    a = s.scalar(select(Alert).where(Alert.server_id == d["id"]))
    code = d.get("finding_code") or ""
    if a is None and code:
        q = select(Alert).where(
            Alert.study_pk == study_pk, Alert.finding_code == code, Alert.server_id.is_(None)
        )
        a = s.scalars(q.order_by((Alert.ai_result_uid == d.get("ai_result_uid")).desc())).first()
        if a is not None:
            a.server_id = d["id"]
    acked = ts(d.get("acknowledged_at"))
    who = str(d.get("acknowledged_by_name") or "")[:200]
    if a is None:
        s.add(
            Alert(
                study_pk=study_pk,
                level=d.get("severity", "critical"),
                message=(d.get("message") or "")[:500],
                created_at=ts(d.get("created_at")) or utcnow(),
                acknowledged_at=acked,
                acknowledged_by_name=who if acked else "",
                server_acked_at=acked,
                server_id=d["id"],
                ai_result_uid=d.get("ai_result_uid"),
                finding_code=code[:64],
            )
        )
        s.flush()
        return None if acked else (study_pk, d.get("severity", "critical"), d.get("message", ""))
    if acked and a.server_acked_at is None:
        a.server_acked_at = acked
        if a.acknowledged_at is None:  # acknowledged elsewhere first
            a.acknowledged_at, a.acknowledged_by_name = acked, who
    return None
