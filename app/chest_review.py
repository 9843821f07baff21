"""The doctor's decision on each AI lung nodule (Qt-free), saved with the case.

Like the evaluation step of IHE AI Results (AIR): every nodule of the chest CT
AI result is ``accepted``, ``rejected`` or ``modified`` (accepted with the
doctor's own mean diameter and/or type), or still undecided (``""``); each
decision records who and when.  The AI result itself is never changed: the
review is a separate JSON file (written atomically) named by an
``AnnotationSet`` row of the study ("AI chest review"), so the report draft
finds it.  ``final_nodules`` gives what a report may quote: only accepted or
modified nodules, with Lung-RADS v2022 and Fleischner 2017 recomputed from
the final size and type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inference.chest import rules

REVIEW_SET = "AI chest review"  # the AnnotationSet name
STATES = ("", "accepted", "rejected", "modified")
SCHEMA = 1


@dataclass
class Decision:
    status: str = ""  # "" undecided | accepted | rejected | modified
    mean_diameter_mm: float | None = None  # the doctor's value (modified)
    type: str | None = None  # the doctor's type (modified)
    by: str = ""
    at: str = ""


@dataclass
class Review:
    result_uid: str
    model: str = ""
    decisions: dict[int, Decision] = field(default_factory=dict)
    objects: dict[str, str] = field(default_factory=dict)  # "seg"/"sr" -> SOP Instance UID

    def decision(self, nodule_id: int) -> Decision:
        return self.decisions.setdefault(int(nodule_id), Decision())

    def decide(self, nodule_id: int, status: str, user: str = "") -> Decision:
        if status not in STATES:
            raise ValueError(f"unknown decision {status!r}")
        d = self.decision(nodule_id)
        d.status = status
        if status != "modified":
            d.mean_diameter_mm = d.type = None
        _stamp(d, user)
        return d

    def edit(
        self, nodule_id: int, mean_mm: float | None = None, kind: str | None = None, user: str = ""
    ) -> Decision:
        """The doctor's size and/or type: the nodule becomes ``modified`` (accepted)."""
        if mean_mm is not None and not 0.0 < float(mean_mm) < 300.0:
            raise ValueError("the mean diameter must be between 0 and 300 mm")
        if kind is not None and kind not in rules.TYPES:
            raise ValueError(f"unknown nodule type {kind!r}")
        d = self.decision(nodule_id)
        d.status = "modified"
        if mean_mm is not None:
            d.mean_diameter_mm = rules.tenth(mean_mm)
        if kind is not None:
            d.type = kind
        _stamp(d, user)
        return d

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "result_uid": self.result_uid,
            "model": self.model,
            "decisions": {str(k): vars(v) for k, v in sorted(self.decisions.items())},
            "objects": dict(self.objects),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Review:
        out = cls(str(d.get("result_uid") or ""), str(d.get("model") or ""))
        for k, v in dict(d.get("decisions") or {}).items():
            v = dict(v or {})
            status = str(v.get("status") or "")
            mean = v.get("mean_diameter_mm")
            out.decisions[int(k)] = Decision(
                status if status in STATES else "",
                float(mean) if mean is not None else None,
                v.get("type") if v.get("type") in rules.TYPES else None,
                str(v.get("by") or ""),
                str(v.get("at") or ""),
            )
        out.objects = {str(k): str(v) for k, v in dict(d.get("objects") or {}).items()}
        return out


def _stamp(d: Decision, user: str) -> None:
    d.by = user
    d.at = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")


def ai_nodules(payload: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The nodules of a chest CT AI result (its ``to_dict()``), as the analysis wrote them."""
    details = (payload or {}).get("details") or {}
    return [dict(n) for n in details.get("nodules") or [] if isinstance(n, dict) and "id" in n]


def new_review(payload: dict[str, Any]) -> Review:
    model = payload.get("model") or {}
    label = f"{model.get('name', '')} {model.get('version', '')}".strip()
    return Review(str(payload.get("uid") or ""), label)


def final_value(n: dict[str, Any], d: Decision | None) -> tuple[float, str]:
    """(mean diameter mm, type) after the doctor's edit."""
    mean = float(n.get("mean_diameter_mm") or 0.0)
    kind = str(n.get("type") or rules.SOLID)
    if d is not None and d.status == "modified":
        mean = d.mean_diameter_mm if d.mean_diameter_mm is not None else mean
        kind = d.type or kind
    return mean, kind


def graded(n: dict[str, Any], d: Decision | None, multiple: bool) -> dict[str, Any]:
    """The nodule with its final size/type and Lung-RADS / Fleischner recomputed."""
    mean, kind = final_value(n, d)
    solid = float(n.get("solid_component_mm") or 0.0)
    if kind == rules.SOLID:
        solid = mean
    cat = rules.lung_rads(kind, mean, solid)
    return dict(
        n,
        mean_diameter_mm=mean,
        type=kind,
        lung_rads=cat,
        management=rules.MANAGEMENT[cat],
        fleischner=rules.fleischner(kind, mean, multiple=multiple),
        decision=d.status if d is not None else "",
        ai_mean_diameter_mm=n.get("mean_diameter_mm"),
        ai_type=n.get("type"),
    )


def final_nodules(payload: dict[str, Any], review: Review | None) -> list[dict[str, Any]]:
    """Accepted and modified nodules only, graded on their final values."""
    kept = []
    for n in ai_nodules(payload):
        d = review.decisions.get(int(n["id"])) if review is not None else None
        if d is not None and d.status in ("accepted", "modified"):
            kept.append((n, d))
    return [graded(n, d, multiple=len(kept) > 1) for n, d in kept]


def undecided(payload: dict[str, Any], review: Review | None) -> list[int]:
    ids = [int(n["id"]) for n in ai_nodules(payload)]
    if review is None:
        return ids
    return [i for i in ids if not review.decisions.get(i, Decision()).status]


# --- saved with the case -------------------------------------------------------------------
def review_path(store, study_pk: int) -> Path:
    return Path(store.data_dir) / "annotations" / f"{study_pk}.chest-review.json"


def load_file(path: str | Path) -> Review | None:
    import json

    try:
        return Review.from_dict(json.loads(Path(path).read_text("utf-8")))
    except (OSError, ValueError, TypeError, AttributeError):
        return None


def load_review(store, study_pk: int, payload: dict[str, Any]) -> Review:
    """The study's saved review of this AI result, or a new one (every nodule undecided)."""
    saved = load_file(review_path(store, study_pk))
    if saved is not None and saved.result_uid == str(payload.get("uid") or ""):
        return saved
    return new_review(payload)


def save_review(store, study_pk: int, review: Review) -> Path:
    """Write the review atomically and keep the study's AnnotationSet row up to date."""
    from sqlalchemy import select

    from app.fileio import atomic_write_json
    from app.models import AnnotationSet

    path = review_path(store, study_pk)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, review.to_dict())
    count = sum(1 for d in review.decisions.values() if d.status)
    with store.session() as s:
        row = s.scalars(
            select(AnnotationSet).where(
                AnnotationSet.study_pk == study_pk, AnnotationSet.name == REVIEW_SET
            )
        ).first()
        if row is None:
            s.add(AnnotationSet(study_pk=study_pk, name=REVIEW_SET, path=str(path), count=count))
        else:
            row.path, row.count = str(path), count
    from app.sync.chest_reviews import queue

    queue(store, study_pk)  # to the regional server when the case is there (or queued)
    return path
