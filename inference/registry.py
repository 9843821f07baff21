"""Model registry: manifests shipped in ``inference/models/*.json``.

A manifest's ``source`` names where the weights live: an installed Python
package resource (``{"package": "openecg", "resource": "models/x.onnx"}``,
found with importlib.resources, so it works from a wheel) or a file path.
"""

from __future__ import annotations

import importlib.metadata
import importlib.resources
import threading
from dataclasses import replace
from pathlib import Path

from inference.manifest import Manifest, ManifestError

MODELS_DIR = Path(__file__).resolve().parent / "models"


class ModelUnavailable(RuntimeError):
    """The model's weights are not installed here; the message says what to install."""


def _resource(ref: dict[str, str], what: str, model_id: str) -> Path:
    if "path" in ref:
        p = Path(ref["path"]).expanduser()
        if not p.exists():
            raise ModelUnavailable(f"{what} for model {model_id} not found at {p}")
        return p
    package, resource = ref.get("package", ""), ref.get("resource", "")
    if not package or not resource:
        raise ManifestError(f"model {model_id}: {what} needs package+resource or path")
    try:
        root = importlib.resources.files(package)
    except ModuleNotFoundError as err:
        raise ModelUnavailable(
            f"model {model_id} needs the Python package '{package}' (pip install {package})"
        ) from err
    target = root.joinpath(*resource.split("/"))
    if not target.is_file():
        raise ModelUnavailable(f"{what} {resource} is missing from the installed '{package}'")
    return Path(str(target))


class ModelRegistry:
    def __init__(self) -> None:
        self._manifests: dict[str, Manifest] = {}
        self._lock = threading.Lock()
        self._loaded = False
        self._shipped: dict[str, Manifest] = {}  # manifests as shipped, while placed remotely

    def add(self, manifest: Manifest) -> None:
        with self._lock:
            self._manifests[manifest.id] = manifest

    def load_builtin(self) -> None:
        with self._lock:
            if self._loaded:
                return
            for entry in sorted(MODELS_DIR.glob("*.json")):
                m = Manifest.from_dict(_json(entry.read_text("utf-8")))
                self._manifests.setdefault(m.id, m)
            self._loaded = True

    def ids(self) -> list[str]:
        self.load_builtin()
        return sorted(self._manifests)

    def get(self, model_id: str) -> Manifest:
        self.load_builtin()
        try:
            return self._manifests[model_id]
        except KeyError:
            raise KeyError(f"unknown model {model_id!r}; known: {', '.join(self.ids())}") from None

    def weights_path(self, model_id: str) -> Path:
        m = self.get(model_id)
        return _resource(m.source, "weights", m.id)

    def model_card(self, model_id: str) -> str:
        m = self.get(model_id)
        if not m.model_card:
            return m.description
        return _resource(m.model_card, "model card", m.id).read_text("utf-8")

    def package_version(self, model_id: str) -> str:
        """Installed version of the package that ships the weights ("" if none)."""
        package = self.get(model_id).source.get("package")
        if not package:
            return ""
        try:
            return importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            return ""

    def has_weights(self, model_id: str) -> bool:
        try:
            self.weights_path(model_id)
        except (ModelUnavailable, ManifestError):
            return False
        return True

    def available(self, model_id: str) -> bool:
        """The slot can run: a remote endpoint serves it, or its weights are installed."""
        return self.get(model_id).runs_remote or self.has_weights(model_id)

    def set_remote(self, model_id: str, remote: dict | None, **named: str) -> Manifest:
        """Serve the slot from an OIP v2 endpoint (``remote`` as in the manifest), or
        back on its shipped manifest (``None``).  ``named`` (name, version) renames an
        empty slot after the product that fills it."""
        self.get(model_id)
        with self._lock:
            shipped = self._shipped.setdefault(model_id, self._manifests[model_id])
            new = replace(shipped, remote=dict(remote), **named) if remote else shipped
            self._manifests[model_id] = new
        return new

    def first_installed(self, modality: str) -> Manifest | None:
        """The first model slot of ``modality`` whose weights are installed (None: empty)."""
        for model_id in self.ids():
            m = self.get(model_id)
            if m.modality.upper() == modality.upper() and self.available(model_id):
                return m
        return None


def _json(text: str) -> dict:
    import json

    data = json.loads(text)
    if not isinstance(data, dict):
        raise ManifestError("manifest is not a JSON object")
    return data


REGISTRY = ModelRegistry()
