"""Where each model call ran: the runtime records one ``Placement`` per call on the
calling thread; ``app.ai.registry.run`` collects them around an analyzer and writes
where and which version ran into the AI result's model info."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

LOCAL, REMOTE = "local", "remote"
RAN_LOCALLY = "remote AI unavailable, ran locally"
NOT_RUN = "remote AI unavailable, not run"


@dataclass
class Placement:
    model_id: str
    runs_at: str  # local | remote
    endpoint: str = ""  # the OIP endpoint (remote)
    served: str = ""  # "model version" as the endpoint named it (remote)
    product: str = ""  # the catalogue product ("name version") that placed it
    note: str = ""  # e.g. RAN_LOCALLY + why
    provider: str = ""  # ONNX Runtime execution provider (local)

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


_tls = threading.local()


def record(p: Placement) -> None:
    for sink in getattr(_tls, "sinks", ()):
        sink.append(p)


@contextmanager
def collect() -> Iterator[list[Placement]]:
    """Collect the placements of every model call made on this thread inside the block."""
    sinks = getattr(_tls, "sinks", None)
    if sinks is None:
        sinks = _tls.sinks = []
    found: list[Placement] = []
    sinks.append(found)
    try:
        yield found
    finally:
        sinks.remove(found)


def summarise(found: list[Placement]) -> Placement | None:
    """One placement for a result: a fallback or remote run wins over plain local calls."""
    if not found:
        return None
    noted = [p for p in found if p.note]
    remote = [p for p in found if p.runs_at == REMOTE]
    return (noted or remote or found)[-1]
