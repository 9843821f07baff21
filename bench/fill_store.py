"""Fill a store with N synthetic worklist cases (SYNTHETIC: no real patients or pixels)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import insert

from app.domain import Modality, Priority, Status
from app.models import AIResult, ConsultRequest, Patient, Study, WorklistItem

CONSULT_STATES = {
    Status.IN_CONSULT.value: ("sent", "accepted", "in_review"),
    Status.REPORTED.value: ("reported",),
    Status.SIGNED.value: ("reported",),
}


def fill(store, n: int = 10_000, seed: int = 7) -> None:
    rnd = random.Random(seed)
    now = datetime(2026, 11, 22, 12, 0)
    mods = [m.value for m in Modality if m is not Modality.OTHER]
    patients, studies, items, ai, consults = [], [], [], [], []
    crnd = random.Random(seed + 1)  # its own sequence: the cases stay what they were
    for i in range(1, n + 1):
        t = now - timedelta(minutes=rnd.randint(0, 60 * 24 * 365))
        patients.append(
            {
                "id": i,
                "patient_id": f"SYN-{i:06d}",
                "name": f"SYNTHETIC^Patient {i}",
                "sex": rnd.choice("MF"),
                "birth_date": f"19{rnd.randint(30, 99)}0101",
                "is_demo": True,
            }
        )
        studies.append(
            {
                "id": i,
                "uid": f"2.25.{seed}{i}",
                "patient_pk": i,
                "modality": rnd.choice(mods),
                "description": "SYNTHETIC bench case",
                "study_time": t,
                "created_at": t,
            }
        )
        prio = (
            Priority.CRITICAL if i % 500 == 0 else rnd.choice([Priority.URGENT, Priority.ROUTINE])
        )
        items.append(
            {
                "study_pk": i,
                "status": rnd.choice(list(Status)).value,
                "priority": int(prio),
                "ai_summary": "",
                "version": 1,
                "created_at": t,
                "updated_at": t,
            }
        )
        consult = CONSULT_STATES.get(items[-1]["status"])
        if consult:  # a case sent for consultation has its request (and where it stands)
            consults.append(
                {
                    "study_pk": i,
                    "question": "SYNTHETIC question",
                    "target_department": "cardiology",
                    "status": crnd.choice(consult),
                    "created_at": t,
                    "updated_at": t,
                }
            )
        if studies[-1]["modality"] == "ECG":  # an AI pre-read like the real one stores
            stemi = prio == Priority.CRITICAL
            findings = (
                [
                    {
                        "code": "STEMI",
                        "text": "ST elevation inferior",
                        "territory": "inferior",
                        "leads": ["II", "III", "aVF"],
                        "severity": "critical",
                    }
                ]
                if stemi
                else []
            )
            ai.append(
                {
                    "study_pk": i,
                    "model_name": "SYNTHETIC",
                    "model_version": "0",
                    "urgency": "critical" if stemi else "routine",
                    "summary": "",
                    "payload": {"findings": findings, "measurements": {"hr_bpm": 72.0}},
                    "created_at": t,
                }
            )
    with store.session() as s:
        s.execute(insert(Patient), patients)
        s.execute(insert(Study), studies)
        s.execute(insert(WorklistItem), items)
        s.execute(insert(AIResult), ai)
        if consults:
            s.execute(insert(ConsultRequest), consults)
