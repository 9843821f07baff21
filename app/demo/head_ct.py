"""A real head CT written as a DICOM CT series (demo, tests and the scale bench).

Source: Debian package ``invesalius-examples`` (``Cranium.inv3``: InVesalius
project file, 108 x 256 x 256 int16 HU, 0.957 x 0.957 x 1.5 mm; "ProMED CT
0051"), copyright (c) CTI Renato Archer, licence GPL-2 (see
/usr/share/doc/invesalius-examples/copyright).  The pixels are the real CT;
the DICOM headers are written here (converted, not the scanner's files: the
series description says so).  ``slices``/``size`` resample it (linear
interpolation) for the scale bench: real pixels, synthetic layout, labelled so.
"""

from __future__ import annotations

import plistlib
import tarfile
from pathlib import Path

import numpy as np

CRANIUM = Path("/usr/share/doc/invesalius-examples/examples/Cranium.inv3")
LICENCE = (
    "Pixels: InVesalius example Cranium.inv3 (Debian invesalius-examples), "
    "(c) CTI Renato Archer, GPL-2; converted to DICOM by Huizhen"
)


def available() -> bool:
    return CRANIUM.is_file()


def read_cranium(path: Path = CRANIUM) -> tuple[np.ndarray, tuple[float, float, float]]:
    """(volume z, y, x int16 HU, spacing z, y, x mm) from the .inv3 project."""
    with tarfile.open(path, "r:gz") as tar:
        members = {Path(m.name).name: m for m in tar.getmembers()}
        main = plistlib.loads(tar.extractfile(members["main.plist"]).read())
        matrix = main["matrix"]
        raw = tar.extractfile(members[matrix["filename"]]).read()
    shape = tuple(int(v) for v in matrix["shape"])
    arr = np.frombuffer(raw, dtype=np.dtype(matrix["dtype"]))[: int(np.prod(shape))]
    sx, sy, sz = (float(v) for v in main["spacing"])
    # InVesalius keeps rows anterior-last; DICOM rows (column cosine +y, LPS) run
    # anterior to posterior: flip so the face is at the top of an axial image
    return arr.reshape(shape)[:, ::-1, :].copy(), (sz, sy, sx)


def _resample(vol: np.ndarray, slices: int | None, size: int | None) -> np.ndarray:
    if slices and slices != vol.shape[0]:
        pos = np.linspace(0, vol.shape[0] - 1, slices)
        lo = np.floor(pos).astype(int)
        hi = np.minimum(lo + 1, vol.shape[0] - 1)
        t = (pos - lo)[:, None, None].astype(np.float32)
        vol = (vol[lo] * (1 - t) + vol[hi] * t).round().astype(np.int16)
    if size and size != vol.shape[1]:
        from PIL import Image

        vol = np.stack(
            [
                np.asarray(
                    Image.fromarray(s.astype(np.float32)).resize((size, size), Image.BILINEAR)
                )
                .round()
                .astype(np.int16)
                for s in vol
            ]
        )
    return vol


def write_head_ct(
    folder: Path,
    slices: int | None = None,
    size: int | None = None,
    source: Path = CRANIUM,
    patient: tuple[str, str, str, str] = ("ProMED^CT0051", "INV3-0051", "O", ""),
    study_date: str = "20120914",
) -> list[Path]:
    """Write the head CT as one CT file per slice; returns the files (slice order)."""
    import pydicom
    from pydicom.dataset import Dataset, FileMetaDataset
    from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

    vol, (sz, sy, sx) = read_cranium(source)
    n0, r0 = vol.shape[0], vol.shape[1]
    vol = _resample(vol, slices, size)
    sz = sz * (n0 - 1) / max(vol.shape[0] - 1, 1)
    sy, sx = sy * r0 / vol.shape[1], sx * r0 / vol.shape[2]
    resampled = vol.shape[0] != n0 or vol.shape[1] != r0
    # SeriesDescription is LO (64 characters at most)
    label = "Head CT (InVesalius, converted" + (
        f"; {vol.shape[0]}x{vol.shape[1]}² synthetic layout)" if resampled else ")"
    )
    tag = f"{vol.shape[0]}x{vol.shape[1]}"
    study = generate_uid(entropy_srcs=["huizhen-head-ct-study", patient[1]])
    series = generate_uid(entropy_srcs=["huizhen-head-ct-series", tag, patient[1]])
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for k, pixels in enumerate(vol):
        ds = Dataset()
        ds.file_meta = FileMetaDataset()
        ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
        ds.SOPInstanceUID = generate_uid(entropy_srcs=["huizhen-head-ct", tag, patient[1], str(k)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.SOPClassUID = CTImageStorage
        ds.SpecificCharacterSet = "ISO_IR 192"
        ds.PatientName, ds.PatientID, ds.PatientSex, ds.PatientBirthDate = patient
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.StudyDate, ds.StudyTime, ds.StudyID = study_date, "151208", "1"
        ds.StudyDescription = "Head CT (demo)"
        ds.AccessionNumber, ds.ReferringPhysicianName = "", ""
        ds.SeriesDescription = label
        ds.ImageComments = LICENCE
        ds.Modality, ds.Manufacturer, ds.BodyPartExamined = "CT", "", "HEAD"
        ds.SeriesNumber, ds.InstanceNumber = 1, k + 1
        ds.FrameOfReferenceUID = generate_uid(entropy_srcs=["huizhen-head-ct-for", tag])
        ds.ImageType = ["DERIVED", "SECONDARY", "AXIAL"]
        ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
        ds.ImagePositionPatient = [0.0, 0.0, round(k * sz, 4)]
        ds.SliceLocation = round(k * sz, 4)
        ds.SliceThickness = round(sz, 4)
        ds.PixelSpacing = [round(sy, 6), round(sx, 6)]
        ds.Rows, ds.Columns = pixels.shape
        ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
        ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
        ds.RescaleIntercept, ds.RescaleSlope, ds.RescaleType = 0, 1, "HU"
        ds.WindowCenter, ds.WindowWidth = 40, 80  # brain
        ds.BurnedInAnnotation = "NO"
        ds.PixelData = np.ascontiguousarray(pixels, dtype="<i2").tobytes()
        path = folder / f"CT{k + 1:04d}.dcm"
        pydicom.dcmwrite(path, ds, enforce_file_format=True)
        out.append(path)
    return out
