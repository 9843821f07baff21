"""Headless clinic commands for IT admins, scripts and checks (no Qt).

huizhen worklist --json                         one object per study
huizhen sync --once [--user U] [--password P]   one sync round with the regional server
huizhen consult request STUDY --department D --question Q [--urgency U] [--user U]

The password comes from ``--password``, the ``HUIZHEN_PASSWORD`` environment variable or a
prompt; server tokens are never written to disk, so each run signs in afresh.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import Any

from sqlalchemy import select

from app.models import AIResult, ConsultRequest, Patient, Report, Study, User, WorklistItem

PRIORITY_NAMES = {0: "critical", 1: "urgent", 2: "routine"}


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def ai_json(ai: AIResult | None) -> dict[str, Any] | None:
    """The newest AI result as stored, always labelled with its model (never a report)."""
    if ai is None:
        return None
    payload = dict(ai.payload or {})
    return {
        "model": {"name": ai.model_name, "version": ai.model_version},
        "urgency": ai.urgency,
        "summary": ai.summary,
        "findings": [
            {k: f.get(k) for k in ("code", "text", "severity") if k in f}
            for f in payload.get("findings", [])
            if isinstance(f, dict)
        ],
        "measurements": payload.get("measurements", {}),
        "created_at": _iso(ai.created_at),
        "notice": "AI output, not a report; not for clinical use",
    }


def consult_json(c: ConsultRequest) -> dict[str, Any]:
    return {
        "question": c.question,
        "department": c.target_department,
        "specialist": c.target_user,
        "urgency": c.urgency,
        "state": c.status,
        "sent_to_server": c.server_id is not None,
        "created_at": _iso(c.created_at),
        "timeline": c.timeline or [],
    }


def report_json(r: Report | None, users: dict[int, str]) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "state": r.state,
        "version": r.version,
        "signed_by": users.get(r.signed_by) if r.signed_by else None,
        "signed_at": _iso(r.signed_at),
        "conclusion": r.conclusion,
    }


def newest_by_study(s, model, study_pks: list[int]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    rows = s.scalars(select(model).where(model.study_pk.in_(study_pks)).order_by(model.id))
    for row in rows:
        out[row.study_pk] = row  # ordered by id: the last one wins
    return out


def worklist_json(store) -> list[dict[str, Any]]:
    with store.read_session() as s:
        rows = s.execute(
            select(Study, Patient, WorklistItem)
            .join(Patient, Study.patient_pk == Patient.id)
            .join(WorklistItem, WorklistItem.study_pk == Study.id)
            .order_by(WorklistItem.priority, Study.id)
        ).all()
        pks = [study.id for study, _p, _i in rows]
        ai = newest_by_study(s, AIResult, pks)
        reports = newest_by_study(s, Report, pks)
        consults: dict[int, list[ConsultRequest]] = {}
        for c in s.scalars(select(ConsultRequest).where(ConsultRequest.study_pk.in_(pks))):
            consults.setdefault(c.study_pk, []).append(c)
        users = {u.id: u.display_name or u.username for u in s.scalars(select(User))}
        return [
            {
                "study_pk": study.id,
                "study_uid": study.uid,
                "patient": {
                    "id": patient.patient_id,
                    "name": patient.name,
                    "sex": patient.sex,
                    "birth_date": patient.birth_date,
                    "demo": patient.is_demo,
                },
                "modality": study.modality,
                "description": study.description,
                "study_time": _iso(study.study_time),
                "status": item.status,
                "urgency": PRIORITY_NAMES.get(item.priority, "routine"),
                "ai": ai_json(ai.get(study.id)),
                "consults": [consult_json(c) for c in consults.get(study.id, [])],
                "report": report_json(reports.get(study.id), users),
                "server_case_id": study.server_id,
            }
            for study, patient, item in rows
        ]


def password(args) -> str:
    if args.password:
        return args.password
    if os.environ.get("HUIZHEN_PASSWORD"):
        return os.environ["HUIZHEN_PASSWORD"]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(f"password for {args.user} on the server: ")
    raise SystemExit("huizhen: give --password or set HUIZHEN_PASSWORD (no terminal to ask)")


def signed_in_client(settings, args):
    from app.sync import SyncClient

    client = SyncClient(args.server or settings.server_url)
    client.login(args.user, password(args))
    return client


def cmd_worklist(store, args) -> int:
    data = worklist_json(store)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return 0
    for d in data:
        ai = d["ai"]["summary"] if d["ai"] else "-"
        print(
            f"{d['study_pk']:6} {d['urgency']:8} {d['modality']:4} {d['status']:16} "
            f"{d['patient']['id']:14} {d['patient']['name']:20} {ai}"
        )
    return 0


def cmd_sync(store, settings, args) -> int:
    from app.sync import SyncError
    from app.sync.client import Offline
    from app.sync.engine import refresh_directory, run_sync_once

    url = args.server or settings.server_url
    try:
        client = signed_in_client(settings, args)
        refresh_directory(store, client)
    except Offline as err:
        print(offline_message(store, url, err), file=sys.stderr)
        return 3
    except SyncError as err:
        print(f"huizhen sync: {err}", file=sys.stderr)
        return 3
    report = run_sync_once(store, client)
    print(json.dumps(report_summary(report), ensure_ascii=False))
    if report.state.value == "offline":
        print(offline_message(store, url, report.error), file=sys.stderr)
    return 0 if report.state.value == "synced" else 3


def offline_message(store, url: str, reason) -> str:
    """Server down: name the address the admin must check and say that nothing is lost."""
    from app.sync.outbox import counts

    waiting = counts(store)["pending"]
    return (
        f"huizhen sync: regional server {url}: {reason}. "
        f"Nothing is lost: {waiting} change(s) wait on this workstation and are sent at the "
        "next sync; work continues offline."
    )


def report_summary(report) -> dict[str, Any]:
    p = report.pushed
    return {
        "state": report.state.value,
        "sent": p.sent,
        "refused": p.failed,
        "conflicts": p.conflicts,
        "waiting": p.waiting,
        "pulled": report.pulled,
        "error": report.error,
    }


def cmd_consult(store, settings, args) -> int:
    from app.auth import LoginError, authenticate
    from app.sync.outbox import request_consult

    try:  # the workstation's own account: the request is audited and sent as this user
        authenticate(store, args.user, password(args))
    except LoginError:
        print("huizhen consult: wrong user name or password", file=sys.stderr)
        return 2

    with store.read_session() as s:
        study = s.get(Study, args.study) if args.study.isdigit() else None
        if study is None:
            study = s.scalars(select(Study).where(Study.uid == args.study)).first()
        if study is None:
            print(f"huizhen consult: no study {args.study!r} here", file=sys.stderr)
            return 2
        study_pk = study.id
    try:
        pk = request_consult(
            store,
            study_pk,
            args.question,
            urgency=args.urgency,
            target_department=args.department,
            target_user=args.specialist or "",
            username=args.user,
        )
    except ValueError as err:
        print(f"huizhen consult: {err}", file=sys.stderr)
        return 2
    print(json.dumps({"consult": pk, "study_pk": study_pk, "state": "queued"}))
    return 0


def add_parsers(sub) -> None:
    w = sub.add_parser("worklist", help="print the worklist (one object per study)")
    w.add_argument("--json", action="store_true")
    y = sub.add_parser("sync", help="one sync round with the regional server")
    y.add_argument("--once", action="store_true", help="(the only mode: one round, then exit)")
    y.add_argument("--user", required=True)
    y.add_argument("--password", help="or set HUIZHEN_PASSWORD")
    # SUPPRESS: without --server here, the global `huizhen --server URL sync` still applies
    y.add_argument(
        "--server", default=argparse.SUPPRESS, help="server URL (default: the one in Settings)"
    )
    c = sub.add_parser("consult", help="consultation requests")
    csub = c.add_subparsers(dest="consult_command", required=True)
    r = csub.add_parser("request", help="queue a consultation request for a study")
    r.add_argument("study", help="local study number or study UID")
    r.add_argument("--department", default="")
    r.add_argument("--specialist", default="", help="user name of a specialist")
    r.add_argument("--question", required=True)
    r.add_argument("--urgency", default="routine", choices=["routine", "urgent", "critical"])
    r.add_argument("--user", required=True, help="the requesting doctor's workstation account")
    r.add_argument("--password", help="or set HUIZHEN_PASSWORD")


COMMANDS = ("worklist", "sync", "consult")


def run(args, store, settings) -> int:
    if args.command == "worklist":
        return cmd_worklist(store, args)
    if args.command == "sync":
        return cmd_sync(store, settings, args)
    return cmd_consult(store, settings, args)
