"""ONNX Runtime sessions: provider choice, thread settings, cache, batching.

Sessions are cached per (model id, version, provider, threads).  The
execution provider is the first available of CUDA, DirectML, CoreML, CPU,
unless ``HUIZHEN_EP`` (or the ``provider`` argument) forces one, e.g.
``HUIZHEN_EP=cpu``.  ``HUIZHEN_ORT_THREADS`` sets intra-op threads.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from inference.manifest import Manifest
from inference.placement import LOCAL, Placement, record
from inference.registry import REGISTRY, ModelRegistry

PREFERRED = (
    "CUDAExecutionProvider",
    "DmlExecutionProvider",
    "CoreMLExecutionProvider",
    "CPUExecutionProvider",
)
_ALIASES = {
    "cuda": "CUDAExecutionProvider",
    "gpu": "CUDAExecutionProvider",
    "directml": "DmlExecutionProvider",
    "dml": "DmlExecutionProvider",
    "coreml": "CoreMLExecutionProvider",
    "cpu": "CPUExecutionProvider",
}


class ProviderError(RuntimeError):
    """The forced execution provider is not available on this machine."""


def available_providers() -> list[str]:
    import onnxruntime as ort

    return list(ort.get_available_providers())


def choose_provider(forced: str | None = None, available: Sequence[str] | None = None) -> str:
    """The provider to use: ``forced`` / $HUIZHEN_EP if set, else the best available."""
    avail = list(available) if available is not None else available_providers()
    want = (forced or os.environ.get("HUIZHEN_EP", "")).strip()
    if want:
        name = _ALIASES.get(want.lower(), want)
        if name not in avail:
            raise ProviderError(
                f"execution provider {want!r} is not available here (have: {', '.join(avail)})"
            )
        return name
    for name in PREFERRED:
        if name in avail:
            return name
    return "CPUExecutionProvider"


def default_threads() -> int:
    env = os.environ.get("HUIZHEN_ORT_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, os.cpu_count() or 1))


@dataclass
class Session:
    manifest: Manifest
    provider: str
    threads: int
    ort_session: Any

    def run(self, feeds: dict[str, np.ndarray], outputs: list[str] | None = None) -> dict:
        names = outputs or [o.name for o in self.ort_session.get_outputs()]
        values = self.ort_session.run(names, feeds)
        record(Placement(self.manifest.id, LOCAL, provider=self.provider))
        return dict(zip(names, values, strict=True))


class Runtime:
    """Creates and caches sessions; safe to share between threads."""

    def __init__(self, registry: ModelRegistry = REGISTRY, provider: str | None = None) -> None:
        self.registry = registry
        self.provider = provider
        self._cache: dict[tuple, Session] = {}
        self._lock = threading.Lock()

    def session(self, model_id: str, threads: int | None = None) -> Session:
        """The model slot's session: local ONNX Runtime, or a ``RemoteSlot`` (same
        ``run``) when the manifest says the model is served over OIP v2."""
        manifest = self.registry.get(model_id)
        provider = choose_provider(self.provider)
        threads = threads or default_threads()
        remote = tuple(sorted((k, str(v)) for k, v in manifest.remote.items()))
        key = (manifest.id, manifest.version, provider, threads, remote)
        with self._lock:
            sess = self._cache.get(key)
            if sess is None:
                sess = self._make(manifest, provider, threads)
                self._cache[key] = sess
        return sess

    def _make(self, manifest: Manifest, provider: str, threads: int):
        if not manifest.runs_remote:
            return self._create(manifest, provider, threads)
        from inference.remote.slot import RemoteSlot

        has_local = bool(manifest.source) and self.registry.has_weights(manifest.id)
        local = (lambda: self._create(manifest, provider, threads)) if has_local else None
        return RemoteSlot(manifest, local)

    def _create(self, manifest: Manifest, provider: str, threads: int) -> Session:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        path = self.registry.weights_path(manifest.id)
        providers = (
            [provider] if provider == "CPUExecutionProvider" else [provider, "CPUExecutionProvider"]
        )
        sess = ort.InferenceSession(str(path), opts, providers=providers)
        return Session(manifest, sess.get_providers()[0], threads, sess)

    def cached(self) -> list[tuple]:
        with self._lock:
            return list(self._cache)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()


def run_batched(
    run_one: Callable[[np.ndarray], dict[str, np.ndarray]],
    items: np.ndarray,
    max_batch: int | None,
    check: Callable[[], None] | None = None,
) -> dict[str, np.ndarray]:
    """Run ``items`` (N, ...) through ``run_one`` in chunks of at most ``max_batch``.

    Outputs are concatenated along axis 0.  Models whose graph only accepts
    batch 1 (``max_batch: 1`` in the manifest) are fed one item at a time.
    ``check`` (e.g. ``state.check``) is called between chunks so a cancel stops it.
    """
    n = int(items.shape[0])
    step = n if not max_batch else max(1, int(max_batch))
    parts: dict[str, list[np.ndarray]] = {}
    for start in range(0, n, step):
        if check is not None:
            check()
        out = run_one(items[start : start + step])
        for k, v in out.items():
            parts.setdefault(k, []).append(v)
    return {k: np.concatenate(v, axis=0) for k, v in parts.items()}


_default: Runtime | None = None
_default_lock = threading.Lock()


def default_runtime() -> Runtime:
    global _default
    with _default_lock:
        if _default is None:
            _default = Runtime()
        return _default


def session_for(manifest, registry=None, runtime=None, threads: int = 1) -> Session:
    """A session of ``manifest``'s model on ``runtime`` (or one over ``registry``)."""
    rt = runtime or (Runtime(registry) if registry is not None else default_runtime())
    return rt.session(manifest.id, threads=threads)
