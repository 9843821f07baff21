"""A fundus visit in the store (Qt-free): the photos of one patient on one date,
per eye and field (disc- and macula-centred), each with its stored AI result; each
eye's result combined over its fields (``inference.fundus.fields``); and the
prior visit's photo of an eye."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _field
from datetime import date
from typing import Any

import numpy as np


@dataclass
class EyePhoto:
    eye: str  # OD | OS | ""
    study_pk: int
    pixels: np.ndarray | None = None  # uint8 RGB
    ai: dict[str, Any] | None = None  # the stored per-eye result (analysis JSON shape)
    model: str = ""  # "name version" of the stored result
    result_uid: str = ""
    when: date | None = None
    mm_per_px: float = 0.0  # from the file's pixel spacing; 0 when the camera gives none
    field: str = ""  # disc | macula | other | "" (from the anatomy, or given at import)
    review: dict[str, Any] = _field(default_factory=dict)  # the doctor's decisions (saved)

    def reviewed(self) -> dict | None:
        """The AI result with the doctor's lesion decisions applied."""
        from app.fundus_review import reviewed

        return reviewed(self.ai, self.review) if self.ai else None


@dataclass
class Visit:
    patient: str
    when: date | None
    eyes: dict[str, EyePhoto] = _field(default_factory=dict)  # "OD"/"OS" -> photo shown
    prior: dict[str, EyePhoto] = _field(default_factory=dict)
    visit: dict[str, Any] = _field(default_factory=dict)  # worse-eye summary
    fields: dict[str, list[EyePhoto]] = _field(default_factory=dict)  # eye -> macula first
    combined: dict[str, dict] = _field(default_factory=dict)  # eye -> result over its fields

    def photo_of(self, eye: str, which: str) -> EyePhoto | None:
        """The eye's photo of field ``which`` (disc | macula), else the one shown."""
        for p in self.fields.get(eye, []):
            if p.field == which:
                return p
        return self.eyes.get(eye)


def _day(study) -> date | None:
    t = study.study_time or study.created_at
    return t.date() if t is not None else None


def _stored(store, pk: int) -> tuple[dict | None, str, str]:
    from app.ai.store import latest_result

    found = latest_result(store, pk)
    if found is None:
        return None, "", ""
    _id, r = found
    eyes = (r.details or {}).get("eyes") or []
    return (eyes[0] if eyes else None), r.model.label, r.uid


def _meta(s, pk: int) -> dict:
    from sqlalchemy import select

    from app.models import StoredObject

    obj = s.scalars(select(StoredObject).where(StoredObject.study_pk == pk)).first()
    return dict(obj.meta or {}) if obj is not None else {}


def _laterality(s, pk: int) -> str:
    side = str(_meta(s, pk).get("laterality") or "").upper()
    return {"R": "OD", "L": "OS", "OD": "OD", "OS": "OS"}.get(side, "")


def _photo(store, s, study) -> EyePhoto:
    from inference.fundus.fields import classify

    ai, model, uid = _stored(store, study.id)
    eye = _laterality(s, study.id) or ((ai or {}).get("eye") or "")
    given = _meta(s, study.id).get("field")
    if ai is not None:
        ai = dict(ai, study_pk=study.id)
        if given:
            ai["field_given"] = str(given)
        ai["field_centred_on"] = classify(ai)
    ph = EyePhoto(eye, study.id, None, ai, model, uid, _day(study))
    ph.field = (ai or {}).get("field_centred_on") or str(given or "")
    return ph


def find_visit(store, study_pk: int) -> Visit:
    """The visit of ``study_pk``: every OP study of its patient on its date (an eye
    photographed twice keeps the first), and each eye's latest earlier photo."""
    from sqlalchemy import select

    from app.models import Study

    with store.read_session() as s:
        me = s.get(Study, study_pk)
        if me is None:
            raise LookupError(f"study {study_pk} does not exist")
        day = _day(me)
        same = s.scalars(
            select(Study).where(Study.patient_pk == me.patient_pk, Study.modality == "OP")
        ).all()
        v = Visit(me.patient.name or me.patient.patient_id, day)
        mine = _photo(store, s, me)
        mine.eye = mine.eye or "OD"
        v.fields[mine.eye] = [mine]
        earlier: list[EyePhoto] = []
        for st in sorted(same, key=lambda x: x.id):
            if st.id == me.id:
                continue
            ph = _photo(store, s, st)
            if _day(st) == day:
                if not ph.eye and len(v.fields) == 1:
                    ph.eye = "OS" if "OD" in v.fields else "OD"
                if ph.eye:
                    v.fields.setdefault(ph.eye, []).append(ph)
            elif day is not None and ph.when is not None and ph.when < day:
                earlier.append(ph)
        order = {"macula": 0, "other": 1, "": 2, "disc": 3}
        for eye, photos in v.fields.items():
            photos.sort(key=lambda p: order.get(p.field, 2))
            v.eyes[eye] = photos[0]  # shown first: the macula-centred field
        for eye in ("OD", "OS"):
            olds = [p for p in earlier if p.eye == eye]
            if olds:
                v.prior[eye] = max(olds, key=lambda p: p.when)
    from app.fundus_review import load

    for photos in v.fields.values():
        for p in photos:
            p.review = load(store, p.study_pk, p.result_uid)
    recombine(v)
    return v


def recombine(v: Visit) -> None:
    """Each eye over its fields, with the doctor's decisions; then the visit."""
    from inference.fundus.fields import combine
    from inference.fundus.grading import visit_summary

    for eye, photos in v.fields.items():
        results = [dict(p.reviewed(), eye=eye) for p in photos if p.ai]
        if results:
            v.combined[eye] = combine(results)
    v.visit = visit_summary(list(v.combined.values())) if v.combined else {}


def load_pixels(store, photo: EyePhoto, state=None) -> None:
    """Decode the photo (worker thread) through the reader that recognised it."""
    from inference.fundus.image import as_rgb8

    source = store.open_source(photo.study_pk)
    try:
        frame = source.frame(0, state)
        photo.pixels = as_rgb8(frame.pixels)
        spacing = (frame.info or {}).get("spacing") or []
        photo.mm_per_px = float(spacing[0]) if spacing and float(spacing[0]) > 0 else 0.0
    finally:
        source.close()


def load_visit(store, study_pk: int, state=None) -> Visit:
    v = find_visit(store, study_pk)
    photos = [p for ps in v.fields.values() for p in ps] + list(v.prior.values())
    for i, p in enumerate(photos):
        if state is not None:
            state.check()
            state.progress(i / max(1, len(photos)), "loading photos")
        load_pixels(store, p, state)
    return v
