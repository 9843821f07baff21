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

from app.readers.base import ReadError


@dataclass
class RemoteInstance:
    object_id: int
    sop_uid: str
    dataset: object  # pydicom Dataset from the DICOM JSON (no pixel data)
    path: Path  # where its Part-10 file lands
    frames: int = 1


def _dataset(item: dict):
    import pydicom

    return pydicom.Dataset.from_json(item, lambda *_a: b"")


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
        frames = []
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
                ds = _dataset(meta)
                path = self.folder / f"{oid}.dcm"
                head, refs = dataset_head(ds, path, syntax)
            except ReadError as err:
                self.failed.append((sop, str(err)))
                continue
            except Exception as err:  # a header the server sent that pydicom cannot take
                self.failed.append((sop, f"unreadable header: {_text(err)}"))
                continue
            self.instances[path] = RemoteInstance(oid, sop, ds, path, head.frames)
            frames.extend(refs)
        if not frames:
            why = "; ".join(f"{s}: {r}" for s, r in self.failed[:3]) or "no image instance"
            raise ReadError(f"series {self.series_uid} on the server: {why}", "missing")
        self.info = from_frames(frames)
        if self.failed:
            self.info.problems.append(f"{len(self.failed)} instance(s) without a readable header")
            self.info.skipped.extend(self.failed)

    def _call(self, path: str) -> dict:
        from app.sync.client import SyncError

        try:
            return self.client.get(path)
        except SyncError as err:
            raise ReadError(f"series {self.series_uid}: {err}", "missing") from err

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
                raise ReadError(f"{inst.sop_uid}: {_text(err)}", "missing") from err
        with self._lock:
            self.fetched += 1
        return True

    def _frame_file(self, inst: RemoteInstance) -> bytes:
        import io

        import pydicom
        from pydicom.dataset import FileMetaDataset
        from pydicom.encaps import encapsulate

        r = self.client.raw("GET", f"/objects/{inst.object_id}/frames/1")
        if r.status_code != 200:
            self.client._json(r)  # raises the server's error
        syntax = pydicom.uid.UID(r.headers.get("x-transfer-syntax", "1.2.840.10008.1.2.1"))
        ds = pydicom.Dataset(inst.dataset)  # shallow copy: the header is shared
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = syntax
        ds.file_meta.MediaStorageSOPClassUID = ds.get("SOPClassUID", "1.2.840.10008.5.1.4.1.1.7")
        ds.file_meta.MediaStorageSOPInstanceUID = inst.sop_uid
        if syntax.is_encapsulated:
            ds.PixelData = encapsulate([r.content])
            ds["PixelData"].VR = "OB"
            ds["PixelData"].is_undefined_length = True
        else:
            ds.PixelData = r.content
            ds["PixelData"].VR = "OW" if int(ds.get("BitsAllocated", 16)) > 8 else "OB"
        buf = io.BytesIO()
        pydicom.dcmwrite(buf, ds, enforce_file_format=True)
        return buf.getvalue()

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
