"""Anonymised FHIR bundles, annotation documents and report text.

FHIR: Patient resources keep only ``resourceType``, a pseudonymous ``id`` and
``gender``; every ``identifier``, ``name``, ``telecom``, ``address``,
``birthDate``, ``photo`` and ``contact`` anywhere is dropped; ``display`` texts
naming people are dropped; DICOM UIDs (``urn:oid:`` values, ``uid`` fields) are
replaced consistently.  Annotations (QuPath GeoJSON) lose ``metadata`` and
identifying properties.  Any remaining string has every identifier seen in the
export (patient name, id, birth date, UIDs) replaced (``scrub``).
"""

from __future__ import annotations

import copy
import re

from app.anon.pseudonyms import Pseudonyms

FHIR_DROP = {"identifier", "name", "telecom", "address", "birthDate", "photo", "contact"}
PEOPLE_REFS = {"requester", "performer", "resultsInterpreter", "owner", "author", "recorder"}
UID_RE = re.compile(r"^(urn:oid:)?([0-2](\.(0|[1-9][0-9]*))+)$")
ANNOTATION_DROP = {"metadata", "patient", "patientName", "patientId", "patient_id", "author"}


def scrub(text: str, pseudo: Pseudonyms) -> str:
    """``text`` with every identifier the export has seen replaced."""
    for value in sorted(pseudo.seen, key=len, reverse=True):
        if len(value) >= 2 and value in text:  # Chinese names have two characters
            text = text.replace(value, pseudo.seen[value] or "[removed]")
    for date in _dates(pseudo):
        text = text.replace(date, "[removed]")
    return text


def _dates(pseudo: Pseudonyms) -> list[str]:
    """Other spellings of remembered DICOM dates (YYYYMMDD -> YYYY-MM-DD)."""
    return [f"{v[:4]}-{v[4:6]}-{v[6:]}" for v in pseudo.seen if len(v) == 8 and v.isdigit()]


def anonymise_bundle(bundle: dict, pseudo: Pseudonyms | None = None) -> dict:
    """A copy of a FHIR R4 bundle without identifiers."""
    pseudo = pseudo or Pseudonyms()
    out = copy.deepcopy(bundle)
    for entry in out.get("entry", []):
        res = entry.get("resource", {})
        if res.get("resourceType") == "Patient":
            for name in res.get("name", []):
                pseudo.remember(name.get("text", ""), "ANONYMOUS")
                pseudo.remember(" ".join(name.get("given", []) + [name.get("family", "")]), "")
            for ident in res.get("identifier", []):
                pseudo.remember(
                    str(ident.get("value", "")), pseudo.patient_id(str(ident.get("value", "")))
                )
            if birth := res.get("birthDate"):
                pseudo.remember(birth, "")
                pseudo.remember(birth.replace("-", ""), "")
            entry["resource"] = {
                "resourceType": "Patient",
                "id": pseudo.identifier(str(res.get("id", ""))),
                "gender": res.get("gender", "unknown"),
            }
    return _walk(out, pseudo)


def _walk(node, pseudo: Pseudonyms, key: str = ""):
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k in FHIR_DROP:
                continue
            if k in PEOPLE_REFS and isinstance(v, list | dict):
                v = _no_display(v)
            out[k] = _walk(v, pseudo, k)
        return out
    if isinstance(node, list):
        return [_walk(v, pseudo, key) for v in node]
    if isinstance(node, str):
        m = UID_RE.match(node)
        if m and (key in ("uid", "value", "system") or m.group(1)):
            return (m.group(1) or "") + pseudo.uid(m.group(2))
        return scrub(node, pseudo)
    return node


def _no_display(v):
    if isinstance(v, list):
        return [_no_display(x) for x in v]
    return {k: x for k, x in v.items() if k != "display"}


def anonymise_annotations(doc, pseudo: Pseudonyms | None = None):
    """A copy of a GeoJSON FeatureCollection (or feature list) without identifiers."""
    pseudo = pseudo or Pseudonyms()
    out = copy.deepcopy(doc)
    features = out.get("features", []) if isinstance(out, dict) else out
    if isinstance(out, dict):
        for k in list(out):
            if k in ANNOTATION_DROP:
                del out[k]
    for feature in features:
        props = feature.get("properties") or {}
        for k in list(props):
            if k in ANNOTATION_DROP:
                del props[k]
            elif isinstance(props[k], str):
                props[k] = scrub(props[k], pseudo)
    return out


def report_header(patient: dict, pseudo: Pseudonyms | None = None) -> dict:
    """The patient block of a report/PDF for an anonymised export.

    ``patient`` has ``name``, ``id``, ``birth_date``, ``sex``; the answer has
    ``name`` "ANONYMOUS", a pseudonymous ``id``, no birth date, and the sex.
    Pass the same ``pseudo`` to ``scrub`` for the report's free text.
    """
    pseudo = pseudo or Pseudonyms()
    pseudo.remember(str(patient.get("name", "")), "ANONYMOUS")
    pseudo.remember(str(patient.get("birth_date", "")), "")
    pid = str(patient.get("id", ""))
    return {
        "name": "ANONYMOUS",
        "id": pseudo.patient_id(pid) if pid else "",
        "birth_date": "",
        "sex": patient.get("sex", ""),
    }
