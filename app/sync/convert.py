"""Server JSON -> local rows (shared by push answers and pulled changes)."""

from __future__ import annotations

import hashlib
from datetime import datetime

from app.models import ConsultRequest, Report

CONSULT_STEPS = ("sent", "accepted", "in_review", "reported")


def ts(value: str | None) -> datetime | None:
    """``2026-11-22T08:00:00.000Z`` -> naive UTC datetime (None stays None)."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.removesuffix("Z"))
    except ValueError:
        return None


def study_uid_for(server_url: str, case_id: int) -> str:
    """A stable local study UID for a server case that has none."""
    digest = hashlib.sha256(f"{server_url}|{case_id}".encode()).hexdigest()[:30]
    return "2.25." + str(int(digest, 16))


def merge_timeline(old: list | None, out: dict) -> list:
    """The server's timeline when the answer has one; otherwise append the new status."""
    if out.get("timeline"):
        return [
            {"status": e["status"], "at": e.get("at"), "note": e.get("note", "")}
            for e in out["timeline"]
        ]
    events = list(old or [])
    if not events or events[-1].get("status") != out["status"]:
        events.append({"status": out["status"], "at": out.get("updated_at"), "note": ""})
    return events


def apply_consult_fields(c: ConsultRequest, out: dict) -> None:
    c.server_id = out["id"]
    c.server_version = out.get("version")
    c.status = out["status"]
    c.urgency = out.get("urgency", c.urgency)
    c.target_department = out.get("target_department") or c.target_department
    if not c.question:
        c.question = out.get("question", "")
    c.timeline = merge_timeline(c.timeline, out)
    c.updated_at = ts(out.get("updated_at")) or c.updated_at
    if out.get("draft"):
        c.draft = dict(out["draft"])


def apply_report_fields(r: Report, out: dict) -> None:
    """Take the server's copy.  The server knows no "confirmed": its "draft" of the
    same text leaves a report confirmed (or signed, the sign not yet sent) here as it is."""
    text = out.get("text", r.text) or ""
    state = out.get("state", r.state)
    keep = state == "draft" and r.state in ("confirmed", "signed") and text == (r.text or "")
    changed_text = text != (r.text or "")
    r.server_id = out["id"]
    r.version = out.get("version", r.version)
    r.text = text
    r.conclusion = out.get("conclusion", r.conclusion) or ""
    if out.get("template"):
        r.template = out["template"]
    if out.get("fields"):
        r.fields = dict(out["fields"])
    elif changed_text:
        r.fields = None  # only the server's text is known: it shows in the first field
    if not keep:
        r.state = state
        r.signed_at = ts(out.get("signed_at"))
    r.updated_at = ts(out.get("updated_at")) or r.updated_at


def patient_fields(case: dict) -> dict:
    p = case.get("patient") or {}
    pid = p.get("id") or f"SERVER-{case['id']}"
    name = p.get("name") or ""
    return {
        "patient_id": pid,
        "name": name,
        "sex": p.get("sex") or "",
        "birth_date": p.get("birth_date") or "",
        "is_demo": pid.startswith("DEMO") or "DEMO" in name,
    }
