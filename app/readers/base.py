"""Reader interface and registries (one registry per modality).

Every reader is a small plain-Python class.  ``examine(path, head)`` looks at
a file (``head`` holds its first 4 KiB) and returns a confidence between 0 and
1; for each file the reader with the highest confidence across all registries
wins (3D Slicer's DICOM plugin pattern).  ``read_meta`` then extracts what the
worklist needs, raising ``ReadError`` with a reason a user can act on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from app.domain import Modality
from app.readers.reasons import ReadReason

HEAD_BYTES = 4096


class ReadError(Exception):
    """A file that cannot be read.

    ``kind`` is one of ``KINDS``: the UI shows a translated sentence for it.
    ``reason`` (a ``ReadReason``, or None) says why in a way the UI translates; a
    message that is itself a ``ReadReason`` is its own reason.  The message is the
    English text logs, the CLI and JSON show; without a reason the UI shows it
    only as technical detail.
    """

    KINDS = ("unreadable", "truncated", "corrupt", "unsupported", "empty", "missing", "metadata")

    def __init__(
        self, message: str, kind: str = "unreadable", reason: ReadReason | None = None
    ) -> None:
        super().__init__(message)
        self.kind = kind if kind in self.KINDS else "unreadable"
        if reason is None and isinstance(message, ReadReason):
            reason = message
        self.reason = reason


@dataclass
class StudyMeta:
    modality: Modality
    patient_id: str = ""
    patient_name: str = ""
    sex: str = ""
    birth_date: str = ""
    study_uid: str = ""
    study_time: datetime | None = None
    description: str = ""
    companions: list[Path] = field(default_factory=list)  # other files of the same object
    extra: dict[str, Any] = field(default_factory=dict)  # JSON-able details (laterality, levels...)


class Reader:
    """Base class: subclasses set ``name`` and ``modality`` and implement the methods.

    ``open(files)`` gets every file of the series this reader recognised (its
    main file first, companions with their original names beside it) and
    returns the source viewers and analyzers work on: an ``EcgSignal``, an
    ``ImageSource``, a ``SlideSource``.
    """

    name: ClassVar[str] = ""
    modality: ClassVar[Modality] = Modality.OTHER
    extensions: ClassVar[tuple[str, ...]] = ()

    def examine(self, path: Path, head: bytes) -> float:
        raise NotImplementedError

    def read_meta(self, path: Path) -> StudyMeta:
        raise NotImplementedError

    def open(self, files: list[Path], **options: Any):
        raise ReadError(ReadReason("cannot_view", reader=self.name), "unsupported")


class Registry:
    """The readers of one modality."""

    def __init__(self, modality: Modality) -> None:
        self.modality = modality
        self.readers: list[Reader] = []

    def register(self, reader: Reader) -> Reader:
        if any(r.name == reader.name for r in self.readers):
            raise ValueError(f"reader {reader.name!r} already registered")
        self.readers.append(reader)
        return reader

    def examine(self, path: Path, head: bytes) -> list[tuple[float, Reader]]:
        out = []
        for r in self.readers:
            try:
                conf = float(r.examine(path, head))
            except Exception:  # a reader that cannot examine a file just declines it
                conf = 0.0
            if conf > 0:
                out.append((conf, r))
        return out


REGISTRIES: dict[Modality, Registry] = {m: Registry(m) for m in Modality}


def register(reader_cls: type[Reader]) -> type[Reader]:
    """Class decorator: instantiate the reader and add it to its modality's registry."""
    REGISTRIES[reader_cls.modality].register(reader_cls())
    return reader_cls


def reader_named(name: str) -> Reader | None:
    """The registered reader called ``name``, or None."""
    from app.readers import load_builtin_readers

    load_builtin_readers()
    for reg in REGISTRIES.values():
        for r in reg.readers:
            if r.name == name:
                return r
    return None


def read_head(path: Path) -> bytes:
    with open(path, "rb") as f:
        return f.read(HEAD_BYTES)


def best_reader(path: Path) -> tuple[float, Reader] | None:
    """The most confident reader for ``path`` across all modalities, or None."""
    from app.readers import load_builtin_readers

    load_builtin_readers()
    head = read_head(path)
    candidates = [c for reg in REGISTRIES.values() for c in reg.examine(path, head)]
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])


def sidecar(path: Path) -> dict[str, Any]:
    """Optional ``<file>.json`` next to a non-DICOM file with patient details."""
    side = path.with_name(path.name + ".json")
    if not side.exists():
        return {}
    from app.readers.limits import nesting_depth, reader_limits

    limits = reader_limits()
    try:
        if side.stat().st_size > limits.max_text_bytes:
            raise ReadError(
                f"metadata file {side.name} is too large",
                "metadata",
                ReadReason("sidecar_damaged", name=side.name),
            )
        data = json.loads(side.read_text("utf-8"))
    except (OSError, ValueError) as err:
        raise ReadError(
            f"metadata file {side.name} is not valid JSON: {err}",
            "metadata",
            ReadReason("sidecar_damaged", name=side.name),
        ) from err
    except RecursionError as err:  # the decoder's own depth guard
        raise ReadError(
            f"metadata file {side.name} is nested too deeply",
            "metadata",
            ReadReason("sidecar_damaged", name=side.name),
        ) from err
    if nesting_depth(data, limits.max_nesting) > limits.max_nesting:
        raise ReadError(
            f"metadata file {side.name} is nested too deeply",
            "metadata",
            ReadReason("sidecar_damaged", name=side.name),
        )
    return data if isinstance(data, dict) else {}


def apply_sidecar(meta: StudyMeta, data: dict[str, Any]) -> StudyMeta:
    for key in ("patient_id", "patient_name", "sex", "birth_date", "description", "study_uid"):
        if data.get(key):
            setattr(meta, key, str(data[key]))
    if data.get("study_time"):
        try:
            meta.study_time = datetime.fromisoformat(str(data["study_time"]))
        except ValueError:
            pass
    extra = data.get("extra")
    if isinstance(extra, dict):
        meta.extra.update(extra)
    return meta
