"""Open a server case from the PACS while its files are not on this workstation (Qt-free).

A specialist opens a case pulled from the regional server; its files arrive
later (``app.sync.files.download_study``) or never need to.  ``Store.open_source``
(``app.series.open_series``) asks ``stream_missing`` first: when a signed-in
``CaseStreamer`` is installed (the sync extension installs one), a DICOM
image series of the case opens as a ``RemoteDicomSource`` (slices fetched as
they are shown, the volume filled interleaved) and a slide the server
converted to DICOM-WSI as a ``RemoteSlideSource`` (tiles fetched per field).
Streamed files are kept under ``<data dir>/stream/<server>/<case>/``, apart
from the case's own files.
"""

from __future__ import annotations

import hashlib
import re
import threading
from pathlib import Path

_streamer = None
_lock = threading.Lock()


def set_streamer(streamer) -> None:
    """Install (or with None remove) what ``stream_missing`` asks."""
    global _streamer
    with _lock:
        _streamer = streamer


def stream_missing(store, study_pk: int, objs: list, **options):
    """A streamed source for a series whose files are missing here, or None."""
    with _lock:
        streamer = _streamer
    if streamer is None:
        return None
    return streamer(store, study_pk, objs, **options)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)[:60] or "server"


class CaseStreamer:
    def __init__(self, client, root: Path) -> None:
        self.client, self.root = client, Path(root)

    def __call__(self, store, study_pk: int, objs: list, state=None, cache=None, **_options):
        from app.sync.client import SyncError

        if not self.client.signed_in:
            return None
        try:
            return self._open(store, study_pk, objs, state, cache)
        except SyncError:  # server not reachable, login expired: the files are simply missing
            return None

    def _open(self, store, study_pk: int, objs: list, state, cache):
        from app.models import Study
        from app.sync.client import ApiFailure

        with store.read_session() as s:
            study = s.get(Study, study_pk)
            case_id = study.server_id if study is not None else None
        wanted = {o.server_id for o in objs if o.server_id is not None}
        if case_id is None or not wanted:
            return None
        listed = self.client.get(f"/cases/{case_id}/series")["series"]
        best = max(listed, key=lambda e: len(wanted & set(e["object_ids"])), default=None)
        if best is not None and wanted & set(best["object_ids"]):
            from app.readers.dicomweb_source import open_remote_series

            uid = best["series_uid"]
            tag = hashlib.sha1(uid.encode()).hexdigest()[:16]
            folder = self.root / _safe(self.client.server_label) / str(case_id) / tag
            return open_remote_series(self.client, case_id, uid, folder, state)
        for oid in sorted(wanted):  # a slide the server converted to DICOM-WSI
            try:
                row = self.client.get(f"/objects/{oid}/pacs")
            except ApiFailure:  # not DICOM, not a slide in the PACS
                continue
            if row.get("state") == "converted":
                from app.slide.remote import open_remote_slide

                name = next((o.filename for o in objs if o.server_id == oid), "")
                return open_remote_slide(self.client, oid, cache, name)
        return None
