"""The one AI result shape, for every modality, on the workstation and the server.

An analyzer returns an ``AiResult``; the local store keeps ``to_dict()`` as the
row's payload, the outbox sends the same dict to the server, and the server
stores and serves it unchanged, so the clinic and the specialist read the same
model, measurements and findings.  ``uid`` recognises the same result on both
sides (re-import, re-run and sync never duplicate it).

Measurements are kept as ``name -> value`` with their ``units`` and, for a
value that could not be measured, a ``missing`` reason: plain numbers stay
cheap to query and to print, and a missing value always says why.
"""

from __future__ import annotations

import enum
import math
import uuid
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

SCHEMA = 1
PLACEMENT = ("runs_at", "endpoint", "served", "product", "note")  # ModelInfo's where-it-ran


class Urgency(enum.StrEnum):
    """How soon a person must look. ``NOT_GRADED``: the input could not be graded."""

    CRITICAL = "critical"
    URGENT = "urgent"
    ROUTINE = "routine"
    NOT_GRADED = "not_graded"

    @classmethod
    def parse(cls, value: Any) -> Urgency:
        try:
            return cls(str(value or "").strip().lower())
        except ValueError:
            raise ValueError(
                f"unknown urgency {value!r}; use one of {', '.join(u.value for u in cls)}"
            ) from None

    @property
    def rank(self) -> int:
        """0 most urgent; the worklist priority.  An input the analysis could not grade is
        not called urgent (a false urgent costs a clinic as much as a missed one costs the
        patient): it keeps the routine place and the AI column says why it has no grade."""
        return {"critical": 0, "urgent": 1, "routine": 2, "not_graded": 2}[self.value]


class Source(enum.StrEnum):
    CLINIC = "clinic"  # computed on a workstation
    SERVER = "server"  # computed by the regional server


@dataclass
class ModelInfo:
    id: str
    name: str
    version: str
    not_for_clinical_use: bool = True
    # where the model ran (inference/placement.py): "local" | "remote" ("" unknown /
    # no model), the OIP endpoint and the model + version it reported, the catalogue
    # product, and a note such as "remote AI unavailable, ran locally (...)"
    runs_at: str = ""
    endpoint: str = ""
    served: str = ""
    product: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        """ "name version", and the catalogue product when a remote endpoint ran it."""
        base = f"{self.name} {self.version}".strip()
        named = self.runs_at == "remote" and self.product and self.product != base
        return f"{base} · {self.product}" if named else base


@dataclass
class Finding:
    """One finding. ``code`` is stable (the modality descriptor's catalogue gives
    its translated text); ``text`` is the analyzer's English wording. ``leads`` and
    ``territory`` say where (ECG leads / territory); ``evidence`` holds anything else."""

    code: str
    text: str
    severity: str = "routine"  # critical | urgent | routine
    territory: str = ""
    leads: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass
class Measurement:
    value: float | None
    unit: str = ""
    reason: str = ""  # why there is no value


@dataclass
class AiResult:
    model: ModelInfo
    analyzer: str  # the registry's analyzer name, e.g. "ecg"
    modality: str
    urgency: Urgency
    summary: str = ""  # one English line for logs and the server's alert message
    findings: list[Finding] = field(default_factory=list)
    measurements: dict[str, float | None] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)  # name -> why not measured
    overlays: list[dict[str, Any]] = field(default_factory=list)
    rules: str = ""  # rules/post-processing after the model ("name version")
    details: dict[str, Any] = field(default_factory=dict)  # modality extras (ST per lead ...)
    source: Source = Source.CLINIC
    uid: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC).replace(tzinfo=None))
    object_sha256: str = ""  # the file it was computed on, when one file

    def measurement(self, name: str) -> Measurement:
        value = self.measurements.get(name)
        reason = self.missing.get(name, "" if value is not None else "not measured")
        return Measurement(value, self.units.get(name, ""), reason)

    @property
    def critical_findings(self) -> list[Finding]:
        """The findings an alert is raised for (one alert per finding)."""
        if self.urgency != Urgency.CRITICAL:
            return []
        crit = [f for f in self.findings if f.severity == "critical"]
        return crit or [Finding("CRITICAL", self.summary or "critical AI result", "critical")]

    def alert_findings(self, on_urgent: bool = False) -> list[Finding]:
        """The findings an alert is raised for, at the result's urgency as the alert's
        level: a critical result's critical findings; with ``on_urgent`` (the analyzer
        asks for it, ``app.modalities.alerts_on_urgent``) also an urgent result's urgent
        findings."""
        if self.urgency == Urgency.CRITICAL:
            return self.critical_findings
        if not on_urgent or self.urgency != Urgency.URGENT:
            return []
        urgent = [f for f in self.findings if f.severity == "urgent"]
        return urgent or [Finding("URGENT", self.summary or "urgent AI result", "urgent")]

    @property
    def supersedes(self) -> str:
        """The uid of the earlier result of the same study this one grades again (a chest
        CT whose prior arrived later, ``app.chest_regrade``), else "": stored beside it
        although the model and version are the same."""
        return str((self.details.get("regraded") or {}).get("previous_result_uid") or "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "uid": self.uid,
            "analyzer": self.analyzer,
            "modality": self.modality,
            "model": {
                "id": self.model.id,
                "name": self.model.name,
                "version": self.model.version,
                "not_for_clinical_use": self.model.not_for_clinical_use,
                **{k: getattr(self.model, k) for k in PLACEMENT if getattr(self.model, k)},
            },
            "urgency": self.urgency.value,
            "summary": self.summary,
            "findings": [_plain(_finding_dict(f)) for f in self.findings],
            "measurements": {k: _number(v) for k, v in self.measurements.items()},
            "units": dict(self.units),
            "missing": dict(self.missing),
            "overlays": _plain(self.overlays),
            "rules": self.rules,
            "details": _plain(self.details),
            "source": self.source.value,
            "created_at": self.created_at.isoformat(timespec="milliseconds"),
            "object_sha256": self.object_sha256,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any], **defaults: Any) -> AiResult:
        """Read a stored or received result; also the older shapes (a payload with
        ``details.measurements``, findings as plain strings, no model id)."""
        d = dict(d or {})
        details = dict(d.get("details") or {})
        model = d.get("model") or {}
        name = str(model.get("name") or model.get("id") or defaults.get("model_name", ""))
        m = ModelInfo(
            id=str(model.get("id") or name),
            name=name,
            version=str(model.get("version") or defaults.get("model_version", "")),
            not_for_clinical_use=bool(model.get("not_for_clinical_use", True)),
            **{k: str(model.get(k) or "") for k in PLACEMENT},
        )
        values = d.get("measurements") or details.pop("measurements", None) or {}
        urgency = d.get("urgency") or defaults.get("urgency") or "routine"
        created = parse_time(d.get("created_at")) or defaults.get("created_at")
        return cls(
            model=m,
            analyzer=str(d.get("analyzer") or defaults.get("analyzer", "")),
            modality=str(d.get("modality") or defaults.get("modality", "")),
            urgency=Urgency.parse(urgency),
            summary=str(d.get("summary") or defaults.get("summary", "")),
            findings=[_finding(f) for f in d.get("findings") or []],
            measurements={str(k): _number(v) for k, v in dict(values).items()},
            units={str(k): str(v) for k, v in dict(d.get("units") or {}).items()},
            missing={str(k): str(v) for k, v in dict(d.get("missing") or {}).items()},
            overlays=list(d.get("overlays") or []),
            rules=str(d.get("rules") or details.pop("rules", "") or ""),
            details=details,
            source=Source(d.get("source") or defaults.get("source", "clinic")),
            uid=str(d.get("uid") or defaults.get("uid") or uuid.uuid4().hex),
            created_at=created or datetime.now(UTC).replace(tzinfo=None),
            object_sha256=str(d.get("object_sha256") or defaults.get("object_sha256", "")),
        )


def _finding_dict(f: Finding) -> dict[str, Any]:
    return {k.name: getattr(f, k.name) for k in fields(f)}


def _finding(raw: Any) -> Finding:
    if not isinstance(raw, dict):
        return Finding(code="", text=str(raw))
    known = {k.name for k in fields(Finding)}
    kw = {k: v for k, v in raw.items() if k in known}
    extra = {k: v for k, v in raw.items() if k not in known and k != "source"}
    kw["code"], kw["text"] = str(raw.get("code") or ""), str(raw.get("text") or "")
    kw["leads"] = list(kw.get("leads") or [])
    kw["reasons"] = list(kw.get("reasons") or [])
    kw["evidence"] = {**extra, **dict(kw.get("evidence") or {})}
    return Finding(**kw)


def _number(v: Any) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def from_row(row: Any, payload: dict[str, Any] | None = None) -> AiResult:
    """A stored row (workstation or server) as an ``AiResult``; its columns fill what an
    older payload lacks (rows stored before the one shape existed)."""
    return AiResult.from_dict(
        dict(row.payload or {}) if payload is None else payload,
        uid=row.uid,
        model_name=row.model_name,
        model_version=row.model_version,
        urgency=row.urgency,
        summary=row.summary,
        created_at=row.created_at,
        source=row.source or "clinic",
        analyzer=getattr(row, "analyzer", ""),
    )


def parse_time(value: Any) -> datetime | None:
    """ISO text (``Z`` or an offset allowed) or a datetime -> naive UTC; None if not a time."""
    if isinstance(value, datetime):
        return value
    if not value:
        return None
    try:
        t = datetime.fromisoformat(str(value).removesuffix("Z"))
    except ValueError:
        return None
    return t.astimezone(UTC).replace(tzinfo=None) if t.tzinfo else t


def _plain(obj: Any) -> Any:
    """JSON-native values (numpy scalars/arrays, enums, tuples, NaN -> None)."""
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, datetime):
        return obj.isoformat()
    if hasattr(obj, "tolist"):
        return _plain(obj.tolist())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj
