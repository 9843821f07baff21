"""Model manifest: what a model is, where it lives and how to feed it.

Loaded from a JSON file such as ``inference/models/openecg_codec_v6.json``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


class ManifestError(ValueError):
    """A manifest that is missing fields or malformed."""


@dataclass
class TensorSpec:
    name: str
    shape: list[int | str]
    dtype: str = "float32"
    sampling_rate_hz: float | None = None
    normalisation: str = ""  # e.g. "openecg.dsp.rank_normalize"
    max_batch: int | None = None  # None: any batch size
    labels: list[str] = field(default_factory=list)  # class names by index (outputs)
    threshold: float | None = None  # outputs: the probability at which a label is positive

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TensorSpec:
        if "name" not in d or "shape" not in d:
            raise ManifestError("every input/output needs a name and a shape")
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        return cls(**known)


@dataclass
class Manifest:
    id: str
    version: str
    name: str
    licence: str
    intended_use: str
    not_for_clinical_use: bool
    inputs: list[TensorSpec]
    outputs: list[TensorSpec]
    source: dict[str, str]  # {"package": ..., "resource": ...} or {"path": ...}
    model_card: dict[str, str] = field(default_factory=dict)  # same form as source
    modality: str = ""
    description: str = ""
    metrics: dict[str, float] = field(default_factory=dict)
    # served over the Open Inference Protocol v2 instead of (or before) the local
    # weights: {"url", "model", "version", "timeout_s", "retries", "fallback": "local"|"none",
    # "product": "name version", "binary": tensors in the binary extension when the server
    # speaks it (default), else JSON}; empty: runs locally (inference/remote)
    remote: dict[str, Any] = field(default_factory=dict)

    @property
    def runs_remote(self) -> bool:
        return bool(self.remote.get("url") and self.remote.get("model"))

    @property
    def label(self) -> str:
        """ "name version", the form every result and UI shows."""
        return f"{self.name} {self.version}"

    def input(self, name: str | None = None) -> TensorSpec:
        return self.inputs[0] if name is None else next(i for i in self.inputs if i.name == name)

    def output(self, name: str) -> TensorSpec:
        for o in self.outputs:
            if o.name == name:
                return o
        raise KeyError(f"model {self.id} has no output {name!r}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Manifest:
        required = (
            "id",
            "version",
            "name",
            "licence",
            "intended_use",
            "inputs",
            "outputs",
        )
        missing = [k for k in required if k not in d]
        remote = dict(d.get("remote") or {})
        if "source" not in d and not remote:
            missing.append("source (or remote)")
        if missing:
            raise ManifestError(f"manifest lacks {', '.join(missing)}")
        if "not_for_clinical_use" not in d:
            raise ManifestError("manifest must say whether it is not_for_clinical_use")
        return cls(
            id=str(d["id"]),
            version=str(d["version"]),
            name=str(d["name"]),
            licence=str(d["licence"]),
            intended_use=str(d["intended_use"]),
            not_for_clinical_use=bool(d["not_for_clinical_use"]),
            inputs=[TensorSpec.from_dict(x) for x in d["inputs"]],
            outputs=[TensorSpec.from_dict(x) for x in d["outputs"]],
            source=dict(d.get("source") or {}),
            model_card=dict(d.get("model_card", {})),
            modality=str(d.get("modality", "")),
            description=str(d.get("description", "")),
            metrics={str(k): float(v) for k, v in d.get("metrics", {}).items()},
            remote=remote,
        )

    @classmethod
    def load(cls, path: Path | str) -> Manifest:
        try:
            data = json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as err:
            raise ManifestError(f"cannot read manifest {path}: {err}") from err
        if not isinstance(data, dict):
            raise ManifestError(f"manifest {path} is not a JSON object")
        return cls.from_dict(data)
