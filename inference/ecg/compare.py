"""Serial comparison of two ECGs of one patient (Qt-free).

``compare(current, prior)`` takes two ``EcgAnalysis`` results (or their
``summary()`` dicts) and gives the per-lead ST change at the J point
(current - prior, mV), J+60 change, and the change in the global intervals.
A lead "changed" when its ST moved by at least ``ST_CHANGE_MV`` (1 mm at
10 mm/mV), the size the 4th Universal Definition treats as new.
``find_prior`` looks up the most recent older ECG study of the same patient.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ST_CHANGE_MV = 0.1
INTERVALS = ("hr_bpm", "pr_ms", "qrs_ms", "qt_ms", "qtc_ms", "qrs_axis_deg")


@dataclass
class LeadChange:
    lead: str
    current_mv: float
    prior_mv: float
    delta_mv: float  # current - prior at J
    delta_j60_mv: float | None = None

    @property
    def changed(self) -> bool:
        return abs(self.delta_mv) >= ST_CHANGE_MV


@dataclass
class SerialComparison:
    leads: dict[str, LeadChange]
    intervals: dict[str, tuple[float | None, float | None]]  # name -> (current, prior)
    new_codes: list[str] = field(default_factory=list)  # findings in current only
    resolved_codes: list[str] = field(default_factory=list)  # findings in prior only
    prior_time: datetime | None = None

    def changed_leads(self) -> list[str]:
        return [n for n, c in self.leads.items() if c.changed]

    def delta(self, lead: str) -> float:
        return self.leads[lead].delta_mv


def _summary(result: Any) -> dict[str, Any]:
    return result if isinstance(result, dict) else result.summary()


def compare(current: Any, prior: Any, prior_time: datetime | None = None) -> SerialComparison:
    """Per-lead ST change and interval changes from two analyses or summaries."""
    cur, pri = _summary(current), _summary(prior)
    cj, pj = cur.get("st_mv") or {}, pri.get("st_mv") or {}
    c60, p60 = cur.get("st_j60_mv") or {}, pri.get("st_j60_mv") or {}
    leads = {}
    for lead in cj:
        if lead not in pj or cj[lead] is None or pj[lead] is None:
            continue
        d60 = None
        if c60.get(lead) is not None and p60.get(lead) is not None:
            d60 = round(float(c60[lead]) - float(p60[lead]), 3)
        leads[lead] = LeadChange(
            lead,
            float(cj[lead]),
            float(pj[lead]),
            round(float(cj[lead]) - float(pj[lead]), 3),
            d60,
        )
    cm, pm = cur.get("measurements") or {}, pri.get("measurements") or {}
    intervals = {k: (cm.get(k), pm.get(k)) for k in INTERVALS}
    c_codes = {f["code"] for f in cur.get("findings") or []}
    p_codes = {f["code"] for f in pri.get("findings") or []}
    return SerialComparison(
        leads,
        intervals,
        sorted(c_codes - p_codes),
        sorted(p_codes - c_codes),
        prior_time,
    )


@dataclass(frozen=True)
class PriorStudy:
    study_pk: int
    study_time: datetime | None
    description: str
    path: Path


def find_prior(store, study_pk: int) -> PriorStudy | None:
    """The newest ECG study of the same patient older than ``study_pk``'s, with its file."""
    from sqlalchemy import select

    from app.domain import Modality
    from app.models import StoredObject, Study

    with store.read_session() as s:
        cur = s.get(Study, study_pk)
        if cur is None:
            return None
        q = select(Study).where(
            Study.patient_pk == cur.patient_pk,
            Study.modality == Modality.ECG.value,
            Study.id != cur.id,
        )
        if cur.study_time is not None:
            q = q.where(Study.study_time < cur.study_time)
        q = q.order_by(Study.study_time.desc(), Study.id.desc())
        for st in s.scalars(q):
            if cur.study_time is None and st.id > cur.id:
                continue  # without times, "older" means imported earlier
            obj = s.scalars(
                select(StoredObject).where(StoredObject.study_pk == st.id).order_by(StoredObject.id)
            ).first()
            if obj is not None:
                return PriorStudy(st.id, st.study_time, st.description, store.object_file(obj))
    return None
