"""Result helpers: every AI result names its model and version and is JSON-able."""

from __future__ import annotations

import dataclasses
import enum
import json
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inference.manifest import Manifest


@dataclass
class ModelRef:
    id: str
    name: str
    version: str
    not_for_clinical_use: bool = True

    @classmethod
    def of(cls, manifest: Manifest) -> ModelRef:
        return cls(manifest.id, manifest.name, manifest.version, manifest.not_for_clinical_use)

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}"


def plain(obj: Any) -> Any:
    """Dataclasses, numpy values, enums and datetimes as JSON-native values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, datetime):
        return obj.isoformat()
    if hasattr(obj, "tolist"):  # numpy scalars and arrays
        return plain(obj.tolist())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def to_json(obj: Any, indent: int | None = None) -> str:
    return json.dumps(plain(obj), indent=indent, ensure_ascii=False)
