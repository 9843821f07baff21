"""``huizhen dicom info|render`` on the real head CT and on broken input."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from PIL import Image

from app.cli import main


def test_info_json_describes_the_series(head_ct_files, capsys):
    assert main(["dicom", "info", str(head_ct_files[0].parent), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    (s,) = doc["series"]
    assert s["modality"] == "CT" and s["slices"] == 108
    assert (s["rows"], s["columns"]) == (256, 256)
    assert s["pixel_spacing_mm"] == pytest.approx([0.957031, 0.957031])
    assert s["slice_spacing_mm"] == pytest.approx(1.5)
    assert s["orientation"] == [1, 0, 0, 0, 1, 0]
    assert s["transfer_syntaxes"][0]["name"] == "Explicit VR Little Endian"
    assert s["photometric"] == "MONOCHROME2" and s["problems"] == []


def test_info_names_broken_files_and_gaps(head_ct_files, tmp_path, capsys):
    for f in head_ct_files[:40] + head_ct_files[45:60]:
        shutil.copy(f, tmp_path / f.name)
    (tmp_path / "junk.dcm").write_bytes(b"not dicom at all" * 20)
    assert main(["dicom", "info", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "missing slices" in out and "about 5 slice(s) missing" in out
    assert "unreadable: junk.dcm" in out


@pytest.mark.parametrize("view", ["axial", "coronal", "sagittal", "mip"])
def test_render_2d_views(head_ct_files, tmp_path, view):
    out = tmp_path / f"{view}.png"
    assert (
        main(["dicom", "render", str(head_ct_files[0].parent), "--view", view, "--out", str(out)])
        == 0
    )
    img = np.asarray(Image.open(out))
    assert img.ndim == 2 and img.std() > 20  # a picture, not a blank
    if view in ("coronal", "sagittal", "mip"):  # square pixels: 108 x 1.5 mm high, 256 x 0.957 wide
        assert img.shape[0] == round(108 * 1.5 / 0.957031)


def test_render_preset_and_slice(head_ct_files, tmp_path):
    bone, brain = tmp_path / "bone.png", tmp_path / "brain.png"
    base = ["dicom", "render", str(head_ct_files[0].parent), "--slice", "60", "--out"]
    assert main([*base, str(bone), "--preset", "bone"]) == 0
    assert main([*base, str(brain), "--preset", "brain"]) == 0
    # brain window (W110) saturates the skull and most of the brain; bone window (W2000) does not
    assert (np.asarray(Image.open(brain)) == 255).mean() > (
        np.asarray(Image.open(bone)) == 255
    ).mean()
    assert main([*base, str(bone), "--preset", "nonsense"]) == 2


def test_render_nothing_readable(tmp_path, capsys):
    (tmp_path / "a.dcm").write_bytes(b"\0" * 300)
    assert main(["dicom", "render", str(tmp_path), "--out", str(tmp_path / "x.png")]) == 1
    assert "a.dcm" in capsys.readouterr().err


def test_render_applies_the_voi_lut(tmp_path):
    """pydicom's vlut_04.dcm: 8-bit values through a 256-entry 16-bit VOI LUT."""
    import pydicom
    from pydicom.data import get_testdata_file
    from pydicom.pixels import apply_voi_lut

    path = get_testdata_file("vlut_04.dcm", download=False)
    out = tmp_path / "voi.png"
    assert main(["dicom", "render", path, "--out", str(out)]) == 0
    ds = pydicom.dcmread(path)
    expected = (apply_voi_lut(ds.pixel_array, ds) * (255.0 / 65535)).astype(np.uint8)
    got = np.asarray(Image.open(out))
    assert got.shape == expected.shape and np.abs(got.astype(int) - expected).max() <= 1
