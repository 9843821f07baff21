"""The clinic's AI subscriptions on the workstation: fetched from the regional
server (``GET /api/v1/ai-products``), cached for offline use, and applied to the
analyzer registry and the model slots.

- No list yet (never signed in, no cache): every built-in analyzer runs.
- A list fetched now: only the subscribed products run; a remote product
  places its model slot on its OIP v2 endpoint (``inference/remote``).
- Offline with a cached list: the cached subscriptions, and the built-in local
  analyzers stay usable (they run in this workstation); a remote product falls
  back to its local model where it has one.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.ai import registry
from app.ai.products import BUILTIN, Product
from app.fileio import atomic_write_json

log = logging.getLogger(__name__)
CACHE_NAME = "ai_subscriptions.json"


@dataclass
class SubscriptionState:
    products: list[Product] = field(default_factory=list)
    known: bool = False  # a list came from the server (now or cached earlier)
    online: bool = False  # fetched from the server just now
    fetched_at: str = ""  # ISO time of the list shown
    server: str = ""
    error: str = ""  # why the server could not be asked (offline ...)
    unknown_slots: list[str] = field(default_factory=list)  # remote products we cannot place
    org_kind: str = ""  # the signed-in user's organisation (clinic | regional_hospital)

    @property
    def for_clinic(self) -> bool:
        """Subscriptions are a clinic's; the regional hospital's workstations keep every
        built-in analyzer (its specialists review what any clinic's products said)."""
        return self.org_kind in ("", "clinic")

    def allowed(self) -> set[str] | None:
        """Analyzer names that may run (None: no list yet, every built-in)."""
        if not self.known or not self.for_clinic:
            return None
        names = {p.analyzer for p in self.products if p.analyzer}
        names |= {_slot_analyzer(p.model_id) for p in self.products if p.remote and p.model_id}
        if not self.online:
            names |= {p.analyzer for p in BUILTIN}
        return {n for n in names if n}


def _slot_analyzer(model_id: str) -> str:
    for p in BUILTIN:
        if p.model_id == model_id:
            return p.analyzer
    return ""


def cache_path(data_dir: Path) -> Path:
    return Path(data_dir) / CACHE_NAME


def load_cached(data_dir: Path) -> SubscriptionState:
    path = cache_path(data_dir)
    try:
        raw = json.loads(path.read_text("utf-8"))
        products = [Product.from_dict(p) for p in raw.get("products", [])]
    except FileNotFoundError:
        return SubscriptionState()
    except (OSError, ValueError, TypeError, AttributeError) as err:
        log.warning("AI subscription cache %s unreadable: %s", path, err)
        return SubscriptionState(error=f"cached list unreadable: {err}")
    return SubscriptionState(
        products,
        True,
        False,
        str(raw.get("fetched_at", "")),
        str(raw.get("server", "")),
        org_kind=str(raw.get("org_kind", "")),
    )


def refresh(client, data_dir: Path) -> SubscriptionState:
    """Ask the server; on any failure keep the cached list and say why."""
    from app.sync.client import SyncError

    try:
        data = client.get("/ai-products")
    except SyncError as err:
        state = load_cached(data_dir)
        state.online, state.error = False, str(err) or type(err).__name__
        return state
    now = datetime.now(UTC).isoformat(timespec="seconds")
    products = [Product.from_dict(p) for p in data.get("products", [])]
    kind = str(data.get("org_kind", ""))
    body = {
        "server": client.base_url,
        "fetched_at": now,
        "org_kind": kind,
        "products": [p.to_dict() for p in products],
    }
    atomic_write_json(cache_path(data_dir), body)
    return SubscriptionState(products, True, True, now, client.base_url, org_kind=kind)


_lock = threading.Lock()
_current = SubscriptionState()
_placed: set[str] = set()  # model slots this module put on a remote endpoint


def current() -> SubscriptionState:
    with _lock:
        return _current


def apply(state: SubscriptionState) -> SubscriptionState:
    """Make ``state`` the one the analyzers and model slots follow."""
    global _current
    from inference.registry import REGISTRY

    placed, unknown = set(), []
    for p in state.products:
        if not (p.remote and p.model_id):
            continue
        try:
            # an empty slot (no shipped model, version "slot") takes the product's name
            empty = REGISTRY.get(p.model_id).version == "slot" and not REGISTRY.has_weights(
                p.model_id
            )
            named = {"name": p.name, "version": p.version} if empty else {}
            REGISTRY.set_remote(p.model_id, remote_spec(p), **named)
        except KeyError:
            unknown.append(p.model_id)
            continue
        placed.add(p.model_id)
    with _lock:
        for model_id in _placed - placed:
            REGISTRY.set_remote(model_id, None)
        _placed.clear()
        _placed.update(placed)
        state.unknown_slots = unknown
        _current = state
    allowed = state.allowed()
    registry.set_filter(None if allowed is None else (lambda a: a.name in allowed))
    return state


def remote_spec(p: Product) -> dict:
    return {
        "url": p.endpoint_url,
        "model": p.remote_model,
        "version": p.remote_version,
        "fallback": p.fallback,
        "product": p.label,
        "timeout_s": 30,
        "retries": 2,
    }


def reset() -> None:
    """Back to "no list yet" (tests, sign-out)."""
    apply(SubscriptionState())
