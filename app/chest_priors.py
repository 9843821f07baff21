"""A chest CT compared with the patient's prior chest CT in the local store (Qt-free):
which nodules are new, which grew, and the Lung-RADS v2022 follow-up category of each
(``app.chest_followup``).

The two scans lie differently on the table, so patient coordinates are first aligned by
the shift between the two lungs' centres (lung masks of ``inference.chest.lungmask`` on
both volumes), then nodules are paired by a consensus shift refined from that one: each
current/prior pair proposes the shift that would superpose them, the proposal within
``REFINE_MM`` of the lung shift that pairs the most nodules (then the smallest residual)
wins, and nodules are paired nearest first within ``max(MATCH_MM, their radius)``.
The prior's nodules are those its doctor did not reject, at the doctor's size and type.
Everything here is a suggestion for the doctor, like the AI result it starts from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from app import chest_followup as fu
from app import chest_review as cr

MATCH_MM = 10.0  # two centres closer than this (or the nodule's radius) are one nodule
REFINE_MM = 15.0  # the consensus shift stays this close to the lungs' shift


@dataclass
class Paired:
    nodule_id: int
    prior_id: int | None  # None: new
    result: fu.FollowUp
    prior_mean_mm: float | None = None


@dataclass
class PriorExam:
    """The prior chest CT this study is compared with: kept with the case as JSON
    (``<data_dir>/annotations/<study>.chest-prior.json``) so the list and the report
    draft grade against it without loading both scans again."""

    study_pk: int
    time: str  # ISO date and time of the prior study
    days: float
    lung_shift: tuple[float, float, float]
    nodules: list[dict] = field(default_factory=list)  # kept, at its doctor's values
    result_uid: str = ""  # the prior's AI result

    def compare(self, current: list[dict]) -> tuple[dict[int, Paired], list[int]]:
        """Each current nodule (graded dicts) against this exam: (pairs, prior ids gone)."""
        pairs, gone, _shift = compare(current, self.nodules, self.days, self.lung_shift)
        return pairs, gone

    def to_dict(self) -> dict:
        return {"study_pk": self.study_pk, "time": self.time, "days": self.days,
                "lung_shift": list(self.lung_shift), "nodules": self.nodules,
                "result_uid": self.result_uid}  # fmt: skip

    @classmethod
    def from_dict(cls, d: dict) -> PriorExam:
        shift = [float(v) for v in d.get("lung_shift") or (0, 0, 0)][:3]
        return cls(int(d["study_pk"]), str(d.get("time") or ""), float(d.get("days") or 0),
                   (shift[0], shift[1], shift[2]), list(d.get("nodules") or []),
                   str(d.get("result_uid") or ""))  # fmt: skip


# --- pairing (pure) --------------------------------------------------------------------
def pair_nodules(current: list[dict], prior: list[dict], lung_shift=(0.0, 0.0, 0.0)):
    """{current id: prior id} and the shift used (current = prior + shift, mm)."""
    cur = {int(n["id"]): np.asarray(n["centre_mm"], float) for n in current}
    old = {int(n["id"]): np.asarray(n["centre_mm"], float) for n in prior}
    base = np.asarray(lung_shift, float)
    proposals = [base] + [c - p for c in cur.values() for p in old.values()]
    proposals = [t for t in proposals if np.linalg.norm(t - base) <= REFINE_MM]
    best, best_key = {}, (0, 0.0)
    for t in proposals:
        pairs = _greedy(current, prior, cur, old, t)
        residual = sum(float(np.linalg.norm(cur[c] - old[p] - t)) for c, p in pairs.items())
        key = (len(pairs), -residual)
        if not best or key > best_key:
            best, best_key, shift = pairs, key, t
    if not best:
        shift = base
    return best, tuple(float(v) for v in shift)


def _greedy(current, prior, cur, old, t) -> dict[int, int]:
    radius = {int(n["id"]): float(n.get("mean_diameter_mm") or 0) / 2 for n in current + prior}
    cands = sorted(
        (float(np.linalg.norm(cur[c] - old[p] - t)), c, p) for c in cur for p in old
    )  # fmt: skip
    out: dict[int, int] = {}
    used: set[int] = set()
    for dist, c, p in cands:
        if c in out or p in used or dist > max(MATCH_MM, radius[c], radius.get(p, 0.0)):
            continue
        out[c] = p
        used.add(p)
    return out


def compare(current: list[dict], prior: list[dict], days: float, lung_shift=(0, 0, 0),
            prior_categories: dict[int, str] | None = None):  # fmt: skip
    """Each current nodule's follow-up category against the prior exam's nodules
    (both as graded nodule dicts: id, centre_mm, mean_diameter_mm, type, solid part)."""
    pairs, shift = pair_nodules(current, prior, lung_shift)
    by_id = {int(n["id"]): n for n in prior}
    out = {}
    for n in current:
        nid = int(n["id"])
        p = by_id.get(pairs[nid]) if nid in pairs else None
        given = (prior_categories or {}).get(int(p["id"])) if p is not None else None
        result = fu.follow_up(_measure(n), _measure(p) if p else None, days, given)
        mean = float(p["mean_diameter_mm"]) if p is not None else None
        out[nid] = Paired(nid, int(p["id"]) if p is not None else None, result, mean)
    gone = sorted(set(by_id) - set(pairs.values()))
    return out, gone, shift


def _measure(n: dict) -> fu.Measure:
    kind = str(n.get("type") or "solid")
    mean = float(n.get("mean_diameter_mm") or 0.0)
    return fu.Measure(kind, mean, float(n.get("solid_component_mm") or 0.0))


# --- the store -------------------------------------------------------------------------
def prior_study(store, study_pk: int):
    """(study pk, study time, AI result payload) of the newest earlier chest CT of the
    same patient that has a chest AI result, or None."""
    from sqlalchemy import select

    from app.ai.result import from_row
    from app.models import AIResult, Study

    with store.read_session() as s:
        me = s.get(Study, study_pk)
        if me is None or me.study_time is None:
            return None
        q = (
            select(Study, AIResult)
            .join(AIResult, AIResult.study_pk == Study.id)
            .where(Study.patient_pk == me.patient_pk, Study.id != study_pk,
                   Study.study_time < me.study_time, AIResult.analyzer == "chest-ct")
            .order_by(Study.study_time.desc(), AIResult.id.desc())
        )  # fmt: skip
        for study, row in s.execute(q):
            payload = from_row(row).to_dict()
            if (payload.get("details") or {}).get("chest") is not False:
                return study.id, study.study_time, payload
    return None


def kept_prior_nodules(store, study_pk: int, payload: dict) -> list[dict]:
    """The prior exam's nodules its doctor did not reject, at the doctor's values."""
    review = cr.load_review(store, study_pk, payload)
    return [n for n in graded_nodules(payload, review) if n["decision"] != "rejected"]


def lung_centre(store, study_pk: int, state=None) -> np.ndarray | None:
    """Patient mm of the centre of the study's lungs (None: no lungs found): the slow
    path, for results stored before the lungs were kept with them (the volume is loaded
    and its lungs found again)."""
    from inference.chest.lungmask import lung_mask

    vol = store.open_source(study_pk).volume(state)
    place = lung_mask(vol.array, vol.spacing, state).place()
    return None if place is None else np.asarray(vol.index_to_patient(place[0]), float)


def kept_lung_centre(payload: dict | None) -> np.ndarray | None:
    """The lungs' centre kept with a chest CT AI result (``details.lungs``), or None
    for an older result without it."""
    lungs = ((payload or {}).get("details") or {}).get("lungs")
    try:
        centre = np.asarray(lungs["centre_mm"], float)
    except (TypeError, KeyError, ValueError):
        return None
    return centre if centre.shape == (3,) and np.isfinite(centre).all() else None


def centre_of(store, study_pk: int, payload: dict | None, state=None) -> np.ndarray | None:
    """The lungs' centre: kept with the result (milliseconds) or found again (seconds)."""
    kept = kept_lung_centre(payload)
    return kept if kept is not None else lung_centre(store, study_pk, state)


def chest_payload(store, study_pk: int) -> dict | None:
    """The study's newest chest CT AI result (payload), or None."""
    from sqlalchemy import select

    from app.ai.result import from_row
    from app.models import AIResult

    q = select(AIResult).where(AIResult.study_pk == study_pk, AIResult.analyzer == "chest-ct")
    with store.read_session() as s:
        row = s.scalars(q.order_by(AIResult.id.desc())).first()
        return from_row(row).to_dict() if row is not None else None


def prior_path(store, study_pk: int):
    from pathlib import Path

    return Path(store.data_dir) / "annotations" / f"{study_pk}.chest-prior.json"


def load_prior_exam(store, study_pk: int) -> PriorExam | None:
    return prior_beside(cr.review_path(store, study_pk))


def prior_beside(review_file) -> PriorExam | None:
    """The prior exam kept beside a study's review file (the report draft's view)."""
    import json
    from pathlib import Path

    path = Path(review_file)
    path = path.with_name(path.name.replace(".chest-review.json", ".chest-prior.json"))
    try:
        return PriorExam.from_dict(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def find_prior_exam(store, study_pk: int, state=None, payload: dict | None = None,
                    keep: bool = True) -> PriorExam | None:  # fmt: skip
    """Worker: the newest prior chest CT of the patient, aligned to this study by the
    lungs' centres (kept with both AI results: milliseconds; an older result without
    them: that scan is loaded and its lungs found, seconds), kept with the case
    (``keep``); None when there is none.  ``payload``: this study's chest CT AI result
    (default: the stored one)."""
    from app.fileio import atomic_write_json
    from app.models import Study

    found = prior_study(store, study_pk)
    if found is None:
        return None
    prior_pk, prior_time, prior_payload = found
    with store.read_session() as s:
        now_time = s.get(Study, study_pk).study_time
    days = (now_time - prior_time).total_seconds() / 86400.0
    if payload is None:
        payload = chest_payload(store, study_pk)
    a = centre_of(store, study_pk, payload, state)
    b = centre_of(store, prior_pk, prior_payload, state)
    shift = tuple(float(v) for v in a - b) if a is not None and b is not None else (0.0, 0.0, 0.0)
    exam = PriorExam(prior_pk, prior_time.isoformat(timespec="minutes"), days, shift,
                     kept_prior_nodules(store, prior_pk, prior_payload),
                     str(prior_payload.get("uid") or ""))  # fmt: skip
    if keep:
        path = prior_path(store, study_pk)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_json(path, exam.to_dict())
    return exam


def graded_nodules(payload: dict, review) -> list[dict]:
    """Every AI nodule at the doctor's values (rejected ones too)."""
    nodules = cr.ai_nodules(payload)
    return [cr.graded(n, review.decisions.get(int(n["id"])) if review else None,
                      len(nodules) > 1) for n in nodules]  # fmt: skip
