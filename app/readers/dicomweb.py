"""A DICOM series of a server case, streamed through the regional server (Qt-free).

``RemoteSeries.open(client, case_id, series_uid, folder)`` reads the series'
headers in one request (WADO-RS metadata through the server,
``server/routes/dicomweb.py``) and builds the same ``SeriesInfo`` a local
series has (sorted along the slice normal, spacing from positions, problems
named), each frame pointing at the file it will be in under ``folder``.
``fetch(head)`` then brings one instance: a single-frame instance as its one
frame (WADO-RS frames, in the stored transfer syntax) written with its header
as a Part-10 file, a multi-frame one whole; files are written atomically, so
a file present in ``folder`` is complete.  The existing decoders then read it
like any local file.  Every failure is a ``ReadError`` naming the instance.
"""

from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from app.imaging.headers import NATIVE
from app.imaging.problems import SeriesProblem
from app.readers.base import ReadError
from app.readers.reasons import ReadReason


@dataclass
class RemoteInstance:
    object_id: int
    sop_uid: str
    dataset: dict  # its header as DICOM JSON (no pixel data)
    path: Path  # where its Part-10 file lands
    frames: int = 1
    head: object = None  # its app.imaging.headers.FileHead


def _dataset(item: dict):
    import pydicom

    return pydicom.Dataset.from_json(item, lambda *_a: b"")


# what the series' geometry and decoding need (app.imaging.headers): read at open; the
# whole header is read per slice when its file is written
HEAD_KEYWORDS = (
    "SOPClassUID", "StudyInstanceUID", "SeriesInstanceUID", "Modality", "SeriesDescription",
    "Rows", "Columns", "SamplesPerPixel", "BitsAllocated", "BitsStored", "PixelRepresentation",
    "PlanarConfiguration", "PhotometricInterpretation", "PixelSpacing", "ImagerPixelSpacing",
    "ImageOrientationPatient", "ImagePositionPatient", "InstanceNumber", "AcquisitionNumber",
    "NumberOfFrames", "GantryDetectorTilt", "WindowCenter", "WindowWidth", "RescaleSlope",
    "RescaleIntercept", "BurnedInAnnotation", "ModalityLUTSequence", "VOILUTSequence",
    "SharedFunctionalGroupsSequence", "PerFrameFunctionalGroupsSequence",
)  # fmt: skip


def _head_tags() -> set[str]:
    from pydicom.datadict import tag_for_keyword

    return {f"{tag_for_keyword(k):08X}" for k in HEAD_KEYWORDS}


def _text(err: BaseException) -> str:
    return str(err) or type(err).__name__


class RemoteSeries:
    """Headers of a remote series, and its pixels fetched instance by instance."""

    def __init__(self, client, case_id: int, series_uid: str, folder: Path) -> None:
        self.client, self.case_id, self.series_uid = client, int(case_id), series_uid
        self.folder = Path(folder)
        self.instances: dict[Path, RemoteInstance] = {}
        self.info = None  # app.imaging.series.SeriesInfo
        self.failed: list[tuple[str, str]] = []  # (instance, reason) left out of the series
        self._locks: dict[Path, threading.Lock] = {}
        self._lock = threading.Lock()
        self.fetched = 0  # instances brought over the network (not found in ``folder``)

    @classmethod
    def open(cls, client, case_id: int, series_uid: str, folder: Path, state=None):
        series = cls(client, case_id, series_uid, folder)
        series.read_metadata(state)
        return series

    # -- headers ---------------------------------------------------------------------
    def read_metadata(self, state=None) -> None:
        from app.imaging.headers import dataset_head
        from app.imaging.series import from_frames

        body = self._call(f"/cases/{self.case_id}/series/{self.series_uid}/metadata")
        self.folder.mkdir(parents=True, exist_ok=True)
        frames, wanted = [], _head_tags()
        for item in body.get("instances", []):
            if state is not None:
                state.check()
            oid, sop = int(item["object_id"]), str(item.get("sop_uid", ""))
            if "dicom" not in item:
                self.failed.append((sop, item.get("error", "no header")))
                continue
            try:
                meta = {k: v for k, v in item["dicom"].items() if not k.startswith("0002")}
                syntax = ((item["dicom"].get("00020010") or {}).get("Value") or [""])[0]
                ds = _dataset({k: v for k, v in meta.items() if k in wanted})
                path = self.folder / f"{oid}.dcm"
                head, refs = dataset_head(ds, path, syntax)
            except ReadError as err:
                self.failed.append((sop, str(err)))
                continue
            except Exception as err:  # a header the server sent that pydicom cannot take
                self.failed.append((sop, f"unreadable header: {_text(err)}"))
                continue
            self.instances[path] = RemoteInstance(oid, sop, meta, path, head.frames, head)
            frames.extend(refs)
        if not frames:
            why = "; ".join(f"{s}: {r}" for s, r in self.failed[:3]) or "no image instance"
            raise ReadError(
                f"series {self.series_uid} on the server: {why}",
                "missing",
                ReadReason("server_fetch"),
            )
        self.info = from_frames(frames)
        if self.failed:
            self.info.problems.append(SeriesProblem("instances_unreadable", count=len(self.failed)))
            self.info.skipped.extend(self.failed)

    def _call(self, path: str) -> dict:
        from app.sync.client import SyncError

        try:
            return self.client.get(path)
        except SyncError as err:
            raise ReadError(
                f"series {self.series_uid}: {err}", "missing", ReadReason("server_fetch")
            ) from err

    # -- pixels ------------------------------------------------------------------------
    def fetch(self, head) -> bool:
        """Make sure the file behind ``head`` (a FileHead of this series) is here.
        Returns True when it came over the network."""
        path = Path(head.path)
        if path.exists():
            return False
        inst = self.instances.get(path)
        if inst is None:
            raise ReadError(f"{path.name}: not an instance of this series", "missing")
        with self._lock:
            lock = self._locks.setdefault(path, threading.Lock())
        with lock:
            if path.exists():
                return False
            try:
                if inst.frames == 1:
                    self._write(path, self._frame_file(inst))
                else:
                    self._download(inst, path)
            except ReadError:
                raise
            except Exception as err:  # network, server, disk: this instance is missing
                raise ReadError(
                    f"{inst.sop_uid}: {_text(err)}", "missing", ReadReason("server_fetch")
                ) from err
        with self._lock:
            self.fetched += 1
        return True

    def fetch_many(self, heads: list) -> int:
        """Bring the files behind ``heads`` (single-frame instances) in one request; files
        already here are skipped, others fetched one by one.  Returns how many came."""
        with self._lock:
            lock = self._locks.setdefault(("batch", Path(heads[0].path)), threading.Lock())
        with lock:
            todo = [self.instances.get(Path(h.path)) for h in heads if not Path(h.path).exists()]
            todo = [i for i in todo if i is not None and i.frames == 1]
            if len(todo) < 2:
                return sum(self.fetch(h) for h in heads)
            ids = ",".join(str(i.object_id) for i in todo)
            try:
                r = self.client.raw(
                    "GET", f"/cases/{self.case_id}/series/{self.series_uid}/frames?objects={ids}"
                )
                if r.status_code != 200:
                    self.client._json(r)  # raises the server's error
                lengths = [int(n) for n in r.headers["x-frame-lengths"].split(",")]
                syntaxes = r.headers["x-transfer-syntaxes"].split(",")
            except Exception:  # noqa: BLE001 - one by one then, each failure named
                return sum(self.fetch(h) for h in heads)
            at = 0
            for inst, n, syntax in zip(todo, lengths, syntaxes, strict=False):
                part, at = r.content[at : at + n], at + n
                with self._lock:
                    one = self._locks.setdefault(inst.path, threading.Lock())
                with one:
                    if not inst.path.exists():
                        self._write(inst.path, self._file_of(inst, part, syntax))
                        with self._lock:
                            self.fetched += 1
            return len(todo)

    def _frame_file(self, inst: RemoteInstance) -> bytes:
        r = self.client.raw("GET", f"/objects/{inst.object_id}/frames/1")
        if r.status_code != 200:
            self.client._json(r)  # raises the server's error
        return self._file_of(inst, r.content, r.headers.get("x-transfer-syntax", ""))

    def _file_of(self, inst: RemoteInstance, frame: bytes, syntax: str) -> bytes:
        """The Part-10 file of a single-frame instance: its header and its frame."""
        import io

        import pydicom
        from pydicom.dataset import FileMetaDataset
        from pydicom.encaps import encapsulate

        syntax = pydicom.uid.UID(syntax or "1.2.840.10008.1.2.1")
        ds = _dataset(inst.dataset)  # the whole header
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = syntax
        ds.file_meta.MediaStorageSOPClassUID = ds.get("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7")
        ds.file_meta.MediaStorageSOPInstanceUID = inst.sop_uid
        if syntax.is_encapsulated:
            ds.PixelData = encapsulate([frame])
            ds["PixelData"].VR = "OB"
            ds["PixelData"].is_undefined_length = True
        else:
            tags = list(ds.keys())
            for tag in [t for t in tags if t > 0x7FE00010]:  # pixels last: offset known
                del ds[tag]
            ds.PixelData = frame
            ds["PixelData"].VR = "OW" if int(ds.get("BitsAllocated", 16)) > 8 else "OB"
        buf = io.BytesIO()
        pydicom.dcmwrite(buf, ds, enforce_file_format=True)
        data = buf.getvalue()
        if not syntax.is_encapsulated and inst.head is not None and str(syntax) in NATIVE:
            # the decoder reads native pixels straight from this offset (no parse)
            inst.head.transfer_syntax = str(syntax)
            inst.head.pixel_offset = len(data) - len(frame) - len(frame) % 2
        return data

    def _download(self, inst: RemoteInstance, path: Path) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".part.", dir=path.parent)
        try:
            with os.fdopen(fd, "w+b") as f:
                self.client.download(inst.object_id, f)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".part.", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
