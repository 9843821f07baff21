"""SR (TID 1500), KOS and anonymised series export, read back with pydicom / highdicom."""

from __future__ import annotations

import highdicom as hd
import pydicom
import pytest
from pydicom.data import get_testdata_file

from app.imaging.anonymise import export_series
from app.imaging.export_sr import Roi, write_kos, write_sr


def test_sr_measurements_read_back(head_ct_files, tmp_path):
    rois = [
        Roi("nodule", "line", [(100, 120), (130, 140)], head_ct_files[50],
            measurements={"length": 34.5}),
        Roi("ROI 2", "ellipse", [(60, 80), (90, 80), (75, 70), (75, 90)], head_ct_files[60],
            measurements={"area": 512.3, "mean": 41.2, "sd": 12.0}),
    ]  # fmt: skip
    out = write_sr(rois, tmp_path / "sr.dcm")
    sr = hd.sr.srread(out)
    assert sr.SOPClassUID == "1.2.840.10008.5.1.4.1.1.88.34"  # Comprehensive 3D SR
    assert sr.ContentTemplateSequence[0].TemplateIdentifier == "1500"
    groups = sr.content.get_planar_roi_measurement_groups()
    assert len(groups) == 2
    values = {m.name.meaning: m.value for g in groups for m in g.get_measurements()}
    assert values["Length"] == pytest.approx(34.5) and values["Area"] == pytest.approx(512.3)
    assert values["Mean"] == pytest.approx(41.2)
    first = groups[0]
    assert first.tracking_identifier == "nodule"
    region = first.roi
    assert region.graphic_type.value == "POLYLINE"
    ref = pydicom.dcmread(head_ct_files[50], stop_before_pixels=True)
    source = region.ContentSequence[0].ReferencedSOPSequence[0]  # SELECTED FROM its image
    assert source.ReferencedSOPInstanceUID == ref.SOPInstanceUID
    # the evidence names the CT's study
    assert sr.CurrentRequestedProcedureEvidenceSequence[0].StudyInstanceUID == ref.StudyInstanceUID


def test_kos_names_the_key_images(head_ct_files, tmp_path):
    keys = [head_ct_files[10], head_ct_files[40]]
    out = write_kos(keys, tmp_path / "kos.dcm", description="bleed?")
    doc = hd.ko.KeyObjectSelectionDocument.from_dataset(pydicom.dcmread(out))
    refs = {
        r.ReferencedSOPSequence[0].ReferencedSOPInstanceUID for r in doc.content.get_references()
    }
    assert refs == {pydicom.dcmread(k, stop_before_pixels=True).SOPInstanceUID for k in keys}
    assert doc.ConceptNameCodeSequence[0].CodeValue == "113000"  # Of Interest


def test_anonymised_export(head_ct_files, tmp_path):
    src = [pydicom.dcmread(f) for f in head_ct_files[:3]]
    src[0].add_new(0x00091001, "LO", "private secret")
    src[0].InstitutionName = "Town Hospital"
    src[0].OperatorsName = "Li^Na"
    files = []
    for i, ds in enumerate(src):
        p = tmp_path / "in" / f"{i}.dcm"
        p.parent.mkdir(exist_ok=True)
        ds.save_as(p)
        files.append(p)
    result = export_series(files, tmp_path / "out", shift_days=-100)
    assert len(result.written) == 3 and not result.skipped
    out = [pydicom.dcmread(p) for p in result.written]
    for before, after in zip(src, out, strict=True):
        assert after.PatientName == "ANONYMOUS" and after.PatientID.startswith("ANON-")
        assert after.PatientID != before.PatientID and after.PatientBirthDate == ""
        assert after.StudyDate == "20120606"  # 2012-09-14 minus 100 days
        assert after.SOPInstanceUID != before.SOPInstanceUID
        assert after.file_meta.MediaStorageSOPInstanceUID == after.SOPInstanceUID
        assert after.SOPClassUID == before.SOPClassUID
        assert after.PatientIdentityRemoved == "YES"
        codes = [c.CodeValue for c in after.DeidentificationMethodCodeSequence]
        assert codes == ["113100", "113107"]  # basic profile, modified dates
        assert (after.pixel_array == before.pixel_array).all()
    # one study and series stay one (consistent remapping), private and named tags gone
    assert (
        len({d.StudyInstanceUID for d in out}) == 1 and len({d.SeriesInstanceUID for d in out}) == 1
    )
    assert out[0].StudyInstanceUID != src[0].StudyInstanceUID
    assert not any(e.tag.is_private for e in out[0])
    assert "InstitutionName" not in out[0] and "OperatorsName" not in out[0]


def test_burned_in_annotation_is_respected(tmp_path):
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ds.BurnedInAnnotation = "YES"
    p = tmp_path / "burned.dcm"
    ds.save_as(p)
    result = export_series([p], tmp_path / "out")
    assert not result.written and "burned-in" in result.skipped[0][1]
    plain = export_series([p], tmp_path / "plain", anonymise=False)
    assert len(plain.written) == 1  # not anonymised: exported as it is
