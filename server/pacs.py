"""PACS backends: where the DICOM objects of the cases are archived.

Every uploaded file lands in the embedded content-addressed store first
(``server.files``).  When it is DICOM (a ``DICM`` preamble with Study, Series
and SOP Instance UIDs), a ``pacs_objects`` row records its UIDs and PACS state:

* ``EmbeddedPacs`` (the default, no PACS configured): the embedded store *is*
  the archive; the row is ``local`` and searches answer from the database.
* ``DicomWebPacs`` (``--pacs-url http://pacs/dicom-web``): after the checksum
  verifies, a worker sends the original bytes by STOW-RS (row ``pending`` ->
  ``stored``, or ``failed`` with the error text; failed rows are retried every
  ``--pacs-retry-interval`` seconds and on ``POST /objects/{id}/pacs/retry``).
  Downloads are WADO-RS retrieves from the PACS, falling back to the local
  copy with a logged warning when the PACS does not answer; QIDO-RS searches
  go to the PACS, restricted to the studies of cases the caller may see.

The server owns the UIDs per organisation: the first organisation to upload a
Study, Series or SOP Instance UID owns it.  An upload that reuses a UID owned by
another organisation (or a SOP Instance UID of the same organisation with other
bytes) is kept in the embedded store as its uploader's object but never sent to
the PACS (row ``conflict``, ``error`` says why): nothing already archived is
overwritten, and the uploader's case never resolves to the other clinic's
instance.  Bytes retrieved from the PACS are served only when their SHA-256
equals the stored one; otherwise the local copy is served.

Non-DICOM files (TIFF slides, WFDB records, ...) stay in the embedded store.
Built on ``dicomweb-client``; query strings keep ``*``, ``^`` and ``,``
literal because Orthanc does not decode percent-escapes in QIDO parameters.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from server.changes import record
from server.dicominfo import DicomInfo, info_of, uid_conflict
from server.models import Case, PacsObject, StoredObject, utcnow
from server.serialize import object_out, ts

log = logging.getLogger("huizhen.server.pacs")
UID_CHUNK = 50  # StudyInstanceUIDs per QIDO request (UID list matching)
UNSTORED = (  # retried by the worker
    *("pending", "failed"),
    *("wsi_pending", "wsi_failed"),  # slides to DICOM-WSI (server/pacs_wsi.py)
    *("wrap_pending", "wrap_failed"),  # ECG records to DICOM (server/pacs_wrap.py)
)


class PacsError(RuntimeError):
    """The PACS refused or did not answer."""


def pacs_out(row: PacsObject) -> dict:
    return {
        "object_id": row.object_id,
        "case_id": row.case_id,
        "backend": row.backend,
        "state": row.state,
        "error": row.error,
        "attempts": row.attempts,
        "stored_at": ts(row.stored_at) if row.stored_at else None,
        "updated_at": ts(row.updated_at),
        **asdict(info_of(row)),
    }


class EmbeddedPacs:
    """No PACS: the embedded file store keeps the DICOM objects."""

    kind, remote = "embedded", False

    def store(self, path: Path, info: DicomInfo) -> None:
        return None

    def retrieve(self, info: DicomInfo) -> bytes:
        raise PacsError("the embedded store has no remote copy")

    def search(self, filters: dict[str, str], study_uids: list[str]) -> list[dict]:
        raise PacsError("the embedded store answers searches from the database")

    def close(self) -> None:
        return None


class DicomWebPacs:
    """A PACS reached over DICOMweb: STOW-RS, WADO-RS and QIDO-RS."""

    kind, remote = "dicomweb", True

    def __init__(
        self,
        url: str,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
        attempts: int = 3,
    ) -> None:
        import requests
        from dicomweb_client.api import DICOMwebClient

        class Client(DICOMwebClient):
            def _http_get(self, url, params=None, headers=None, stream=False):
                if params:  # Orthanc does not decode percent-escapes in QIDO queries
                    url += "?" + urlencode(params, doseq=True, safe="*^,")
                return super()._http_get(url, None, headers, stream)

        class TimedSession(requests.Session):
            # dicomweb-client < 0.60 (which wsidicom pins) takes no timeout argument
            def request(self, *args, **kw):
                kw.setdefault("timeout", timeout)
                return super().request(*args, **kw)

        self.url = url.rstrip("/")
        self.session = TimedSession()
        if user:
            self.session.auth = (user, password or "")
        self.client = Client(self.url, session=self.session)
        self.client.set_http_retry_params(
            retry=attempts > 1, max_attempts=max(1, attempts), wait_exponential_multiplier=250
        )

    def _call(self, what: str, fn, *args, **kw):
        import requests

        try:
            return fn(*args, **kw)
        except requests.HTTPError as err:
            resp = err.response
            body = (resp.text or "")[:300].strip() if resp is not None else ""
            code = resp.status_code if resp is not None else "?"
            # The PACS address goes to the log only: messages reach clinic users.
            log.warning("%s: HTTP %s from %s %s", what, code, self.url, body)
            raise PacsError(f"{what}: HTTP {code} from the PACS {body}".strip()) from None
        except (requests.RequestException, OSError) as err:
            log.warning("%s: %s: %s", what, type(err).__name__, err)
            raise PacsError(f"{what}: the PACS did not answer ({type(err).__name__})") from None

    def store(self, path: Path, info: DicomInfo) -> None:
        """STOW-RS the file's original bytes; raises PacsError unless the PACS confirms."""
        from dicomweb_client.web import _Transaction

        data = Path(path).read_bytes()
        url = self.client._get_studies_url(_Transaction.STORE)
        post = self.client._http_post_multipart_application_dicom
        result = self._call("STOW-RS", post, url, [data])
        for item in result.get("FailedSOPSequence", []):
            reason = item.get("FailureReason", "?")
            raise PacsError(f"STOW-RS: the PACS refused {info.sop_uid} (failure reason {reason})")
        stored = {
            str(i.get("ReferencedSOPInstanceUID", ""))
            for i in result.get("ReferencedSOPSequence", [])
        }
        if info.sop_uid not in stored:
            raise PacsError(f"STOW-RS: the PACS did not confirm {info.sop_uid}")

    def retrieve(self, info: DicomInfo) -> bytes:
        """WADO-RS retrieve of one instance in its stored transfer syntax."""
        from dicomweb_client.web import _Transaction

        url = self.client._get_instances_url(
            _Transaction.RETRIEVE, info.study_uid, info.series_uid, info.sop_uid
        )
        accept = 'multipart/related; type="application/dicom"; transfer-syntax=*'

        def get() -> list[bytes]:
            resp = self.client._http_get(url, headers={"Accept": accept})
            return list(self.client._decode_multipart_message(resp, stream=False))

        parts = self._call("WADO-RS", get)
        if len(parts) != 1:
            raise PacsError(f"WADO-RS: expected one instance, the PACS sent {len(parts)}")
        return bytes(parts[0])

    def search(self, filters: dict[str, str], study_uids: list[str]) -> list[dict]:
        """QIDO-RS studies matching ``filters`` among ``study_uids`` (DICOM JSON)."""
        found: dict[str, dict] = {}
        for i in range(0, len(study_uids), UID_CHUNK):
            chunk = study_uids[i : i + UID_CHUNK]
            query = {**filters, "StudyInstanceUID": ",".join(chunk)}
            search = self.client.search_for_studies
            for study in self._call("QIDO-RS", search, search_filters=query):
                uid = (study.get("0020000D", {}).get("Value") or [""])[0]
                if uid in chunk:  # a PACS ignoring UID lists must not widen the result
                    found[uid] = study
        return [found[uid] for uid in study_uids if uid in found]

    def close(self) -> None:
        self.session.close()


def make_backend(settings) -> EmbeddedPacs | DicomWebPacs:
    if not settings.pacs_url:
        return EmbeddedPacs()
    return DicomWebPacs(
        settings.pacs_url,
        settings.pacs_user,
        settings.pacs_password,
        settings.pacs_timeout_s,
        settings.pacs_attempts,
    )


class PacsSync:
    """Indexes DICOM uploads and archives them in the PACS on a worker thread."""

    def __init__(
        self, backend, sessions: sessionmaker[Session], files, retry_s: float = 60.0
    ) -> None:
        self.backend, self.sessions, self.files = backend, sessions, files
        self.retry_s = retry_s
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pacs")
        self._queued: set[int] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._timer: threading.Thread | None = None

    @property
    def remote(self) -> bool:
        return self.backend.remote

    def index(
        self, s: Session, obj: StoredObject, case: Case, info: DicomInfo | None
    ) -> PacsObject | None:
        """In the upload's transaction: record the UIDs of a DICOM object.

        ``info`` is read before the transaction (``read_dicom_info``), so a
        large header never stalls the other writers.
        """
        if info is None:
            from server.pacs_wrap import index_ecg
            from server.pacs_wsi import index_slide

            return index_slide(self, s, obj) or index_ecg(self, s, obj)
        clash = uid_conflict(s, info, case.org_id, obj.sha256)
        row = PacsObject(
            object_id=obj.id,
            case_id=case.id,
            backend=self.backend.kind,
            state="conflict" if clash else "pending" if self.remote else "local",
            error=clash,
            attempts=0,
            updated_at=utcnow(),
            **asdict(info),
        )
        s.add(row)
        return row

    def submit(self, object_id: int) -> bool:
        """Queue a STOW of the object (no-op without a PACS or when already queued)."""
        if not self.remote or self._stop.is_set():
            return False
        with self._lock:
            if object_id in self._queued:
                return False
            self._queued.add(object_id)
        self.pool.submit(self._run_logged, object_id)
        return True

    def start(self) -> int:
        """Queue the objects left pending or failed, and start the periodic retry."""
        queued = self.retry_unstored()
        if self.remote and self.retry_s > 0:
            self._timer = threading.Thread(target=self._retry_loop, name="pacs-retry", daemon=True)
            self._timer.start()
        return queued

    def retry_unstored(self) -> int:
        if not self.remote:
            return 0
        with self.sessions() as s:
            q = select(PacsObject.object_id).where(PacsObject.state.in_(UNSTORED))
            ids = list(s.scalars(q))
        return sum(self.submit(oid) for oid in ids)

    def _retry_loop(self) -> None:
        while not self._stop.wait(self.retry_s):
            try:
                if n := self.retry_unstored():
                    log.info("retrying %d DICOM objects not yet in the PACS", n)
            except Exception:
                log.exception("PACS retry round failed")

    def shutdown(self) -> None:
        self._stop.set()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.backend.close()

    def _run_logged(self, object_id: int) -> None:
        try:
            self.run(object_id)
        except Exception:
            log.exception("archiving object %s in the PACS failed", object_id)
        finally:
            with self._lock:
                self._queued.discard(object_id)

    def run(self, object_id: int) -> str | None:
        with self.sessions() as s:
            row = s.get(PacsObject, object_id)
            if row is None or row.state not in UNSTORED:
                return None
            kind = row.state.partition("_")[0]
            obj = s.get(StoredObject, object_id)
            path, info = self.files.blob_path(obj.sha256), info_of(row)
            obj_sha = obj.sha256
        from server.dicomweb import keep_metadata  # (it imports this module)

        if kind in ("wsi", "wrap"):  # converted to DICOM first (no session held meanwhile)
            from server.pacs_wrap import convert_ecg
            from server.pacs_wsi import convert_slide

            return (convert_slide if kind == "wsi" else convert_ecg)(self, object_id)
        try:
            self.backend.store(path, info)
            error = ""
            keep_metadata(self.files, obj_sha)  # DICOM JSON for streaming viewers
        except (PacsError, OSError) as err:
            error = str(err) or type(err).__name__
            log.warning("STOW of object %s to the PACS failed: %s", object_id, error)
        return self.settle(object_id, error)

    def settle(
        self,
        object_id: int,
        error: str,
        failed: str = "failed",
        done: str = "stored",
        fields: dict | None = None,
    ) -> str:
        """Record an attempt's outcome on the object's row (``done`` with ``fields``, the
        UIDs a conversion gave, or ``failed`` with the reason) and announce it."""
        with self.sessions() as s:
            row, obj = s.get(PacsObject, object_id), s.get(StoredObject, object_id)
            case = s.get(Case, row.case_id)
            row.attempts += 1
            row.state, row.error, row.updated_at = (failed if error else done), error, utcnow()
            if not error:
                for key, value in (fields or {}).items():
                    setattr(row, key, str(value)[:64])
                row.stored_at = row.updated_at
            data = object_out(obj) | {"pacs": pacs_out(row)}
            op = "pacs_" + row.state
            record(s, "object", obj.id, op, data, case_id=case.id, org_id=case.org_id)
            s.commit()
            return row.state

    def placeholder(self, s: Session, obj: StoredObject, state: str, modality: str) -> PacsObject:
        """A row for a file the worker turns into DICOM first (its UIDs come then)."""
        empty = DicomInfo(study_uid="", series_uid="", sop_uid="", modality=modality)
        row = PacsObject(
            object_id=obj.id,
            case_id=obj.case_id,
            backend=self.backend.kind,
            state=state,
            error="",
            attempts=0,
            updated_at=utcnow(),
            **asdict(empty),
        )
        s.add(row)
        return row

    def fetch(self, row: PacsObject, sha256: str) -> bytes | None:
        """The object's bytes from the PACS, or None to serve the local copy.

        Served only when they hash to ``sha256`` (what was uploaded): a PACS
        holding another instance under the same UIDs never reaches the caller.
        """
        if not self.remote or row.state != "stored":
            return None
        try:
            data = self.backend.retrieve(info_of(row))
        except PacsError as err:
            log.warning(
                "PACS retrieve of object %s failed, serving the local copy: %s", row.object_id, err
            )
            return None
        got = hashlib.sha256(data).hexdigest()
        if got != sha256:
            log.warning(
                "PACS copy of object %s differs from the upload (sha256 %s, expected %s); "
                "serving the local copy",
                row.object_id,
                got,
                sha256,
            )
            return None
        return data


def sync_of(request) -> PacsSync:
    """The application's ``PacsSync`` (set by ``create_app``)."""
    return request.app.state.pacs
