"""Build the demo set from real sample data shipped in pip packages (offline).

Every patient is fictional and marked DEMO; the pixels and waveforms are real
samples (pydicom's Mortara 12-lead ECG, pydicom-data's chest CR, scikit-image's
fundus photo, tiatoolbox's H&E tile laid out into a large synthetic slide, the
InVesalius example head CT from Debian's invesalius-examples written as DICOM).
"""

from __future__ import annotations

import copy
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from app.fileio import atomic_write_json

log = logging.getLogger(__name__)

DEMO_NOTE = "DEMO — fictional patient, real sample data; not a real case"
SCHEMA = "huizhen-demo-1"


@dataclass(frozen=True)
class DemoPatient:
    pid: str
    name: str  # DICOM PN, UTF-8
    sex: str
    birth: str


# (patient, leads with SYNTHETIC ST elevation added, millivolts)
STEMI_PATIENT = DemoPatient("DEMO-0009", "DEMO^黄德明", "M", "19570809")
STEMI_LEADS = ("II", "III", "aVF")
ECG_PATIENTS = (
    DemoPatient("DEMO-0001", "DEMO^张建国", "M", "19580312"),
    DemoPatient("DEMO-0002", "DEMO^王秀英", "F", "19710123"),
    DemoPatient("DEMO-0003", "DEMO^李明", "M", "19850607"),
    DemoPatient("DEMO-0005", "DEMO^刘桂兰", "F", "19490918"),
    DemoPatient("DEMO-0006", "DEMO^陈志强", "M", "19660201"),
)
CR_PATIENTS = (
    DemoPatient("DEMO-0002", "DEMO^王秀英", "F", "19710123"),
    DemoPatient("DEMO-0007", "DEMO^赵丽", "F", "19920515"),
)
FUNDUS_PATIENT = DemoPatient("DEMO-0008", "DEMO^孙海", "M", "19600722")
SLIDE_PATIENT = DemoPatient("DEMO-0004", "DEMO^周敏", "F", "19780430")
HEAD_CT_PATIENT = DemoPatient("DEMO-0010", "DEMO^吴国华", "M", "19630311")


def sample_path(name: str) -> Path:
    from pydicom.data import get_testdata_file

    path = get_testdata_file(name, download=False)
    if path is None:  # frozen bundles may lack the entry point that registers pydicom-data
        import importlib.util

        spec = importlib.util.find_spec("data_store")
        if spec and spec.submodule_search_locations:
            cand = Path(spec.submodule_search_locations[0]) / "data" / name
            path = str(cand) if cand.exists() else None
    if path is None:
        raise FileNotFoundError(f"sample {name} not installed (pip install pydicom-data)")
    return Path(path)


def retina_path() -> Path:
    import skimage

    return Path(skimage.__file__).parent / "data" / "retina.jpg"


def relabel(ds, patient: DemoPatient, index: int, description: str) -> None:
    """Give a copy of a real sample a fictional DEMO patient and fresh UIDs."""
    from pydicom.uid import generate_uid

    seed = f"huizhen-demo|{patient.pid}|{index}|{description}"
    ds.SpecificCharacterSet = "ISO_IR 192"
    ds.PatientName = patient.name
    ds.PatientID = patient.pid
    ds.PatientSex = patient.sex
    ds.PatientBirthDate = patient.birth
    ds.StudyInstanceUID = generate_uid(entropy_srcs=[seed, "study"])
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=[seed, "series"])
    ds.SOPInstanceUID = generate_uid(entropy_srcs=[seed, "sop"])
    ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    ds.StudyDescription = f"DEMO {description}"[:64]
    ds.PatientComments = DEMO_NOTE
    ds.PatientIdentityRemoved = "YES"
    if "PatientAge" in ds:
        del ds.PatientAge


def build_ecgs(out: Path) -> list[Path]:
    import pydicom

    src = pydicom.dcmread(sample_path("waveform_ecg.dcm"))
    paths = []
    for i, patient in enumerate(ECG_PATIENTS):
        ds = copy.deepcopy(src)
        relabel(ds, patient, i, "12-lead resting ECG")
        ds.StudyDate = ds.ContentDate = f"202611{10 + i:02d}"
        if "AcquisitionDateTime" in ds:
            ds.AcquisitionDateTime = f"202611{10 + i:02d}{str(ds.get('StudyTime', '080000'))[:6]}"
        path = out / f"ecg_{patient.pid}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    paths.append(build_stemi_ecg(src, out))
    return paths


def build_stemi_ecg(src, out: Path) -> Path:
    """The real record with SYNTHETIC inferior ST elevation: shows a critical pre-read."""
    from app.demo.ecg_variants import add_st_elevation

    ds = copy.deepcopy(src)
    relabel(ds, STEMI_PATIENT, 0, "12-lead ECG, chest pain (SYNTHETIC ST)")
    ds.StudyDate = ds.ContentDate = "20261122"
    if "AcquisitionDateTime" in ds:
        ds.AcquisitionDateTime = "20261122" + str(ds.get("StudyTime", "080000"))[:6]
    add_st_elevation(ds, STEMI_LEADS, 0.3)
    path = out / f"ecg_{STEMI_PATIENT.pid}_synthetic_st.dcm"
    ds.save_as(path, enforce_file_format=True)
    return path


def build_crs(out: Path) -> list[Path]:
    import pydicom

    paths = []
    for i, patient in enumerate(CR_PATIENTS):
        ds = pydicom.dcmread(sample_path("RG1_UNCR.dcm"))
        relabel(ds, patient, i, "Chest PA")
        ds.StudyDate = f"202611{15 + i:02d}"
        path = out / f"cr_{patient.pid}.dcm"
        ds.save_as(path, enforce_file_format=True)
        paths.append(path)
    return paths


def build_fundus(out: Path) -> Path:
    """Wrap the real JPEG (no re-encoding) as DICOM Ophthalmic Photography 8 bit
    (``app.wrap.op``, as a clinic's camera photo is sent), for a DEMO patient."""
    from datetime import datetime
    from io import BytesIO

    import pydicom

    from app.wrap.op import Case, wrap_photo

    case = Case(FUNDUS_PATIENT.pid, study_time=datetime(2026, 11, 18, 9, 30))
    # optic disc on the image left: a left eye
    ds = pydicom.dcmread(BytesIO(wrap_photo(retina_path().read_bytes(), "L", case)))
    relabel(ds, FUNDUS_PATIENT, 0, "Fundus photo, left eye")
    path = out / f"fundus_{FUNDUS_PATIENT.pid}_OS.dcm"
    ds.save_as(path, enforce_file_format=True)
    return path


def build_slide(out: Path, state=None) -> Path | None:
    try:
        from app.demo.slide import build_demo_slide
    except ImportError as err:
        log.warning("slide demo not available: %s", err)
        return None
    path = out / f"slide_{SLIDE_PATIENT.pid}.tiff"
    if not path.exists():
        build_demo_slide(path, state=state, sidecar=False)
    side = path.with_name(path.name + ".json")
    if not side.exists():
        atomic_write_json(
            side,
            {
                "patient_id": SLIDE_PATIENT.pid,
                "patient_name": SLIDE_PATIENT.name,
                "sex": SLIDE_PATIENT.sex,
                "birth_date": SLIDE_PATIENT.birth,
                "description": "H&E slide — DEMO: real H&E pixels in a synthetic layout",
                "study_time": "2026-11-19T10:15:00",
            },
        )
    return path


def build_head_ct(out: Path) -> list[Path]:
    """The real head CT of invesalius-examples as a DICOM series (GPL-2 pixels, converted)."""
    from app.demo import head_ct

    if not head_ct.available():
        log.warning("demo head CT skipped: apt package invesalius-examples is not installed")
        return []
    p = HEAD_CT_PATIENT
    return head_ct.write_head_ct(
        out / "ct_head", patient=(p.name, p.pid, p.sex, p.birth), study_date="20261120"
    )


def build_demo_files(out: Path, with_slide: bool = True, state=None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = [*build_ecgs(out), *build_crs(out), build_fundus(out), *build_head_ct(out)]
    if state is not None:
        state.progress(0.1, "slide")
    if with_slide:
        slide = build_slide(out, state)
        if slide is not None:
            files.append(slide)
    (out / "README.txt").write_text(
        "Huizhen demo data. " + DEMO_NOTE + ".\n"
        "ECG: pydicom waveform_ecg.dcm (real Mortara 12-lead). CR: pydicom-data RG1_UNCR.dcm.\n"
        "Fundus: scikit-image retina.jpg. Slide: tiatoolbox target_image.png tiles, synthetic layout.\n"
        "Head CT: Debian invesalius-examples Cranium.inv3 (CTI Renato Archer, GPL-2), "
        "converted to DICOM.\n",
        "utf-8",
    )
    return files


def build_demo(store, out: Path | None = None, with_slide: bool = True, state=None):
    """Build the demo files, seed demo users and import everything. Idempotent."""
    from app.auth import seed_demo_users
    from app.importer import run_import

    out = out or store.data_dir.parent / "demo-data"
    files = build_demo_files(out, with_slide, state)
    seed_demo_users(store)
    report = run_import(store, files, state)
    (out / "manifest.json").write_text(
        json.dumps({"schema": SCHEMA, "files": [os.path.basename(f) for f in files]}), "utf-8"
    )
    return report
