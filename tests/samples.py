"""Multi-file samples built from real files (what is derived is said so).

- ``wfdb_record``: the real 12-lead ECG in pydicom's ``waveform_ecg.dcm``
  (Mortara, 1000 Hz) rewritten as a WFDB record (``.hea`` + ``.dat``) with an
  ``.atr`` annotation file; the beat positions in the ``.atr`` are synthetic
  (every second), only there so the record has all three companions.
- ``ct_series``: pydicom's real ``eCT_Supplemental.dcm`` (enhanced CT, 2
  frames of 512x512) split into one classic CT file per frame, as many
  scanners write a series; positions, spacing and window come from its
  functional groups (derived by this split, not written by a scanner).
"""

from __future__ import annotations

from pathlib import Path

from pydicom.data import get_testdata_file

REAL_ECG = get_testdata_file("waveform_ecg.dcm", download=False)
ECT = get_testdata_file("eCT_Supplemental.dcm", download=False)


def wfdb_record(folder: Path, name: str = "ecg100", annotations: bool = True) -> Path:
    """Write ``name.hea``/``name.dat`` (and ``name.atr``) into ``folder``; returns the .hea."""
    import numpy as np
    import wfdb

    from app.ecg.readers.dicom_ecg import read_dicom_ecg

    sig = read_dicom_ecg(Path(REAL_ECG))
    folder.mkdir(parents=True, exist_ok=True)
    wfdb.wrsamp(
        name,
        fs=sig.fs,
        units=["mV"] * len(sig.leads),
        sig_name=list(sig.leads),
        p_signal=np.asarray(sig.data, dtype=np.float64).T,
        fmt=["16"] * len(sig.leads),
        comments=["age: 60", "sex: M", "converted from pydicom waveform_ecg.dcm (real ECG)"],
        write_dir=str(folder),
    )
    if annotations:
        beats = np.arange(int(sig.fs), sig.n_samples, int(sig.fs))
        wfdb.wrann(name, "atr", beats, symbol=["N"] * len(beats), write_dir=str(folder))
    return folder / f"{name}.hea"


def ct_series(folder: Path) -> list[Path]:
    """One CT file per frame of the real multi-frame CT; returns the files."""
    import pydicom
    from pydicom.uid import CTImageStorage, generate_uid

    src = pydicom.dcmread(ECT)
    frames = src.pixel_array
    folder.mkdir(parents=True, exist_ok=True)
    series_uid = generate_uid(entropy_srcs=["huizhen-test-ct-series"])
    out = []
    for k in range(frames.shape[0]):
        ds = pydicom.dcmread(ECT)
        for tag in (
            "NumberOfFrames",
            "PerFrameFunctionalGroupsSequence",
            "SharedFunctionalGroupsSequence",
            "FrameIncrementPointer",
        ):
            if tag in ds:
                delattr(ds, tag)
        ds.PixelData = frames[k].tobytes()
        ds.SeriesInstanceUID = series_uid
        ds.SOPClassUID = CTImageStorage
        ds.file_meta.MediaStorageSOPClassUID = CTImageStorage
        ds.SOPInstanceUID = generate_uid(entropy_srcs=["huizhen-test-ct", str(k)])
        ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.InstanceNumber = k + 1
        # what an enhanced -> classic conversion copies from the functional groups
        shared = src.SharedFunctionalGroupsSequence[0]
        frame = src.PerFrameFunctionalGroupsSequence[k]
        ds.ImageOrientationPatient = shared.PlaneOrientationSequence[0].ImageOrientationPatient
        ds.ImagePositionPatient = frame.PlanePositionSequence[0].ImagePositionPatient
        ds.PixelSpacing = shared.PixelMeasuresSequence[0].PixelSpacing
        ds.SliceThickness = shared.PixelMeasuresSequence[0].get("SliceThickness", 10)
        voi = shared.FrameVOILUTSequence[0]
        ds.WindowCenter, ds.WindowWidth = voi.WindowCenter, voi.WindowWidth
        pvt = src.SharedFunctionalGroupsSequence[0].PixelValueTransformationSequence[0]
        ds.RescaleSlope, ds.RescaleIntercept = pvt.RescaleSlope, pvt.RescaleIntercept
        ds.SeriesDescription = "CT split from eCT_Supplemental (derived)"
        path = folder / f"IM{k + 1:04d}.dcm"
        ds.save_as(path, enforce_file_format=True)
        out.append(path)
    return out
