"""A model slot served over the Open Inference Protocol v2, with the local model as fallback.

``RemoteSlot`` has the same ``run(feeds, outputs) -> {name: array}`` as a local
ONNX Runtime session, so an analyzer does not know where its model runs.  Each
call records a ``Placement``: remote (endpoint, the model and version the
endpoint reported), or local with the note "remote AI unavailable, ran
locally" and why.  With ``fallback: "none"`` (or no local weights) it raises
``RemoteUnavailable`` saying "remote AI unavailable, not run".  After a
failure the endpoint is not asked again for ``cooldown_s`` seconds, so a
12-lead analysis does not wait for 12 timeouts.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from inference.manifest import Manifest
from inference.placement import LOCAL, NOT_RUN, RAN_LOCALLY, REMOTE, Placement, record
from inference.remote.oip import OipClient, RemoteError, RemoteUnavailable

COOLDOWN_S = 30.0


class RemoteSlot:
    def __init__(
        self,
        manifest: Manifest,
        local: Callable[[], Any] | None,
        client: OipClient | None = None,
        cooldown_s: float = COOLDOWN_S,
    ) -> None:
        cfg = manifest.remote
        self.manifest = manifest
        self.provider = "remote"
        self.model = str(cfg["model"])
        self.version = str(cfg.get("version") or "")
        self.product = str(cfg.get("product") or "")
        self.fallback = str(cfg.get("fallback") or "local")
        self.client = client or OipClient(
            str(cfg["url"]),
            timeout_s=float(cfg.get("timeout_s", 30.0)),
            retries=int(cfg.get("retries", 2)),
            binary=bool(cfg.get("binary", True)),
        )
        self._local_factory = local if self.fallback == "local" else None
        self._local = None
        self._cooldown_s = cooldown_s
        self._down_until = 0.0
        self._down_reason = ""
        self._lock = threading.Lock()

    @property
    def endpoint(self) -> str:
        return self.client.base_url

    def run(self, feeds: dict[str, np.ndarray], outputs: list[str] | None = None) -> dict:
        names = outputs or [o.name for o in self.manifest.outputs]
        with self._lock:
            down = time.monotonic() < self._down_until
            reason = self._down_reason
        if not down:
            try:
                got = self.client.infer(self.model, feeds, names, self.version)
            except RemoteError as err:
                reason = str(err)
                with self._lock:
                    self._down_until = time.monotonic() + self._cooldown_s
                    self._down_reason = reason
            else:
                record(
                    Placement(
                        self.manifest.id,
                        REMOTE,
                        endpoint=self.endpoint,
                        served=f"{got.model_name} {got.model_version}".strip(),
                        product=self.product,
                    )
                )
                return {n: got.outputs[n] for n in names}
        return self._run_locally(feeds, names, reason)

    def _run_locally(self, feeds, names: list[str], reason: str) -> dict:
        where = f"{self.endpoint}: {reason}"
        if self._local_factory is None:
            why = "no local model" if self.fallback == "local" else "local fallback off"
            raise RemoteUnavailable(f"{NOT_RUN} ({where}; {why})")
        try:
            if self._local is None:
                self._local = self._local_factory()
        except Exception as err:
            raise RemoteUnavailable(f"{NOT_RUN} ({where}; no local model: {err})") from err
        values = self._local.ort_session.run(names, feeds)
        record(
            Placement(
                self.manifest.id,
                LOCAL,
                endpoint=self.endpoint,
                product=self.product,
                note=f"{RAN_LOCALLY} ({where})",
                provider=self._local.provider,
            )
        )
        return dict(zip(names, values, strict=True))
