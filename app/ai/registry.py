"""The one analyzer registry: modality -> analyzers, for the workstation and the server.

Built-in analyzers come from the modality descriptors (``app/modalities.py``);
plugins (the server's ``--plugin``) add more with ``register``.  An analyzer is
called as ``fn(source, state) -> AiResult``; plugins may return a dict of the
same shape (or the older ``{"urgency", "summary", "findings", "model"}`` form),
which ``as_result`` turns into an ``AiResult``.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.ai.result import AiResult, Source
from app.modalities import DESCRIPTORS, descriptor


@dataclass(frozen=True)
class Analyzer:
    name: str
    modality: str
    fn: Callable[..., Any]
    model_id: str = ""  # the manifest it runs (inference/models), "" for plugins
    takes_path: bool = False  # plugins take the file path, not an opened source
    identity: str = ""  # "module:function" -> (model id, version) when no fixed manifest

    @staticmethod
    def path_of(store, study_pk: int) -> Path:
        """A plugin's input on the workstation: the record's main file."""
        return store.object_paths(study_pk)[0][1]

    def model_version(self) -> tuple[str, str] | None:
        """(model id, version) this analyzer would produce, when known beforehand."""
        if not self.model_id and self.identity:
            try:
                return tuple(_load(self.identity)())
            except Exception:  # an identity that cannot be told means: run it
                return None
        if not self.model_id:
            return None
        try:
            from inference.registry import REGISTRY

            return self.model_id, REGISTRY.get(self.model_id).version
        except (ImportError, KeyError):
            return None


_lock = threading.Lock()
_plugins: dict[str, list[Analyzer]] = {}
_replaced: set[str] = set()  # modalities whose built-in analyzers a plugin replaced
_filter: Callable[[Analyzer], bool] | None = None  # the clinic's subscriptions (workstation)


def set_filter(allowed: Callable[[Analyzer], bool] | None) -> None:
    """Only analyzers ``allowed`` accepts are offered (``app.ai.subscriptions``); None: all."""
    global _filter
    with _lock:
        _filter = allowed


def _load(target: str) -> Callable[..., Any]:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def analyzers_for(modality: str) -> list[Analyzer]:
    """Plugins first (they may replace a built-in), then the descriptor's analyzers."""
    key = str(modality).upper()
    with _lock:
        out = list(_plugins.get(key, []))
        builtin = key not in _replaced
        allowed = _filter
    d = descriptor(key)
    if d is not None and builtin:
        for spec in d.analyzers:
            out.append(
                Analyzer(spec.name, key, _lazy(spec.target), spec.model_id, identity=spec.identity)
            )
    return out if allowed is None else [a for a in out if allowed(a)]


def first_analyzer(modality: str) -> Analyzer | None:
    found = analyzers_for(modality)
    return found[0] if found else None


def _lazy(target: str) -> Callable[..., Any]:
    def call(*args, **kw):
        return _load(target)(*args, **kw)

    call.__name__ = target
    return call


def register(modality: str, fn=None, *, replace: bool = False, name: str = ""):
    """Add a plugin analyzer taking the file path (usable as a decorator); ``replace``
    puts it in place of the modality's built-in analyzers."""

    def add(f):
        key = str(modality).upper()
        with _lock:
            current = _plugins.setdefault(key, [])
            if current and not replace and all(a.fn is not f for a in current):
                raise ValueError(f"an analyzer for {key} is already registered")
            if replace:
                current.clear()
                _replaced.add(key)
            current[:] = [a for a in current if a.fn is not f]
            current.insert(0, Analyzer(name or f.__name__, key, f, takes_path=True))
        return f

    return add(fn) if fn is not None else add


def has_analyzer(modality: str) -> bool:
    return bool(analyzers_for(modality))


def open_file(path: Path, modality: str = "") -> Any:
    """Open one file with the reader that recognises it (the server's files, which
    carry no reader name): the modality descriptor's readers first, then any reader.
    On the workstation ``Store.open_source`` opens a record with its stored reader."""
    from app.readers import best_reader
    from app.readers.base import ReadError, read_head, reader_named
    from app.readers.reasons import ReadReason

    p = Path(path)
    d = descriptor(modality) if modality else None
    if d is not None:
        head = read_head(p)
        scored = []
        for r in filter(None, map(reader_named, d.readers)):
            try:
                scored.append((float(r.examine(p, head)), r))
            except Exception:  # a reader that cannot examine a file declines it
                continue
        scored = [x for x in scored if x[0] > 0]
        if scored:
            return max(scored, key=lambda x: x[0])[1].open([p])
    found = best_reader(p)
    if found is None:
        raise ReadError(ReadReason("format_unknown", name=p.name), "unsupported")
    return found[1].open([p])


def run(analyzer: Analyzer, source: Any, state=None, where: Source = Source.CLINIC, **ids):
    """Run the analyzer on an opened source (a plugin: on the file path) and return
    an ``AiResult`` tagged with where it ran."""
    from inference.placement import collect, summarise

    with collect() as placements:
        raw = analyzer.fn(source) if analyzer.takes_path else analyzer.fn(source, state=state)
    result = as_result(raw, analyzer)
    result.source = where
    placed = summarise(placements)
    if placed is not None:  # where and which version ran, as the runtime recorded it
        m = result.model
        m.runs_at, m.endpoint, m.served = placed.runs_at, placed.endpoint, placed.served
        m.product, m.note = placed.product, placed.note
    for k, v in ids.items():
        setattr(result, k, v)
    return result


def as_result(raw: Any, analyzer: Analyzer) -> AiResult:
    if isinstance(raw, AiResult):
        return raw
    if hasattr(raw, "to_dict") and not isinstance(raw, dict):
        raw = raw.to_dict()
    if not isinstance(raw, dict):
        raise TypeError(f"an analyzer must return an AiResult or a dict, not {type(raw).__name__}")
    result = AiResult.from_dict(raw, analyzer=analyzer.name, modality=analyzer.modality)
    if not result.model.name:
        raise ValueError(f"analyzer {analyzer.name} returned a result without a model name")
    return result


def modalities_with_analyzers() -> list[str]:
    keys = {m.value for m, d in DESCRIPTORS.items() if d.analyzers}
    with _lock:
        keys |= {k for k, v in _plugins.items() if v}
    return sorted(keys)
