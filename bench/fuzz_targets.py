"""Readers under fuzz: their seed files and the work the application does with a file.

``build_seeds(folder)`` writes the seeds once per run.  They are real files
others wrote (pydicom test files, scikit-image photos) or, where no real file
in that format is reachable here, real samples in a container the project's
own writers produce (labelled "synthetic container" below).

``run_case(target, path)`` runs in the worker process: best_reader (what the
importer asks), the target reader's ``read_meta`` and then the full decode a
viewer or analysis does (pixels, signal, slide regions, annotation save).
"""

from __future__ import annotations

import importlib.util
import shutil
from dataclasses import dataclass, field
from pathlib import Path

# Errors a reader may raise: the documented, user-facing ones.
CLEAR_ERRORS = ("ReadError", "AnnotationError", "SlideError")


@dataclass
class Seed:
    files: dict[str, Path]  # file name in the case folder -> seed file
    primary: str  # the file handed to the reader
    mutate: tuple[str, ...] = ()  # which files may be mutated (default: primary)


@dataclass
class Target:
    name: str
    reader: str  # reader name in app.readers registries
    kind: str  # mutation family: dicom, xml, json, text, png, jpeg, tiff
    seeds: list[Seed] = field(default_factory=list)


def _pydicom_file(name: str) -> Path | None:
    from pydicom.data import get_testdata_file

    found = get_testdata_file(name, download=False)
    return Path(found) if found else None


def _skimage_file(name: str) -> Path | None:
    spec = importlib.util.find_spec("skimage")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(spec.submodule_search_locations[0]) / "data" / name
    return path if path.exists() else None


def _all(folder: Path, pattern: str) -> list[Seed]:
    return [s for p in sorted(folder.glob(pattern)) for s in _single(p)]


def _single(path: Path | None) -> list[Seed]:
    return [Seed({path.name: path}, path.name)] if path and path.exists() else []


ECG_DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "ecg"


def _real_ecg_seeds() -> dict[str, list[Seed]]:
    """Real third-party ECG files committed in tests/data/ecg (sources in its README)."""
    wfdb = ECG_DATA / "wfdb"
    out: dict[str, list[Seed]] = {
        "ge-muse-xml": _all(ECG_DATA / "muse", "*.xml"),  # incl. the pacer-spike list
        "ge-cardiosoft-xml": _all(ECG_DATA / "cardiosoft", "*.xml"),
        "philips-sierra-xml": _all(ECG_DATA / "sierra", "*.xml"),
        "hl7-aecg": _all(ECG_DATA / "aecg", "*.xml"),
        "scp-ecg": _all(ECG_DATA / "scp", "*.scp"),
        "wfdb": [],
    }
    if (wfdb / "test01_00s.hea").exists():
        files = {n: wfdb / n for n in ("test01_00s.hea", "test01_00s.dat")}
        out["wfdb"].append(Seed(files, "test01_00s.hea", tuple(files)))
    mixed = ["mixedsignals.hea", "mixedsignals_e.dat", "mixedsignals_p.dat", "mixedsignals_r.dat"]
    if all((wfdb / n).exists() for n in mixed):  # multi-rate bedside record
        out["wfdb"].append(Seed({n: wfdb / n for n in mixed}, mixed[0], tuple(mixed[:2])))
    seg = wfdb / "041s"
    if (seg / "041s.hea").exists():
        files = {p.name: p for p in seg.iterdir()}
        out["wfdb"].append(Seed(files, "041s.hea", tuple(sorted(files))))
    return {k: [s for s in v if s.files] for k, v in out.items()}


def _relabelled(folder: Path, names: tuple[str, ...]) -> list[Path]:
    """Real pydicom files (RLE, deflated, multi-frame RGB, JPEG, JPEG 2000, JPEG-LS)
    with Modality set to US,
    a modality the image reader takes, so their decoders are reached."""
    import pydicom

    out = []
    for name in names:
        src = _pydicom_file(name)
        if src is None:
            continue
        ds = pydicom.dcmread(src)
        ds.Modality = "US"
        ds.save_as(folder / f"us_{name}")
        out.append(folder / f"us_{name}")
    return out


def _ecg_seeds(folder: Path) -> dict[str, list[Seed]]:
    """WFDB, HL7 aECG and MUSE XML built from the real 12-lead pydicom record
    (real samples; the containers are written by our writers: synthetic container),
    plus the real third-party files."""
    import wfdb

    from app.ecg.readers import read_ecg
    from tests.ecg.conftest import write_aecg, write_muse

    real = _pydicom_file("waveform_ecg.dcm")
    if real is None:
        return {}
    sig = read_ecg(real)
    n = int(sig.fs * 2.5)  # 2.5 s keeps each case small
    data = sig.data[:, :n]
    leads = list(sig.leads)
    wdir = folder / "wfdb"
    wdir.mkdir()
    wfdb.wrsamp(
        "rec", fs=sig.fs, units=["mV"] * len(leads), sig_name=leads, p_signal=data.T,
        fmt=["16"] * len(leads), comments=["age: 54", "sex: F"], write_dir=str(wdir),
    )  # fmt: skip
    aecg = write_aecg(folder / "ecg_aecg.xml", data, leads, sig.fs)
    muse = write_muse(folder / "ecg_muse.xml", data, leads, int(sig.fs))
    hea, dat = wdir / "rec.hea", wdir / "rec.dat"
    real = _real_ecg_seeds()
    return {
        "wfdb": [Seed({"rec.hea": hea, "rec.dat": dat}, "rec.hea", ("rec.hea", "rec.dat"))]
        + real["wfdb"],
        "hl7-aecg": real["hl7-aecg"] + _single(aecg),
        "ge-muse-xml": real["ge-muse-xml"] + _single(muse),
        "ge-cardiosoft-xml": real["ge-cardiosoft-xml"],
        "philips-sierra-xml": real["philips-sierra-xml"],
        "scp-ecg": real["scp-ecg"],
    }


def _tiff_seeds(folder: Path) -> list[Seed]:
    """scikit-image's multipage.tif, and the real fundus crop written as LZW TIFF
    by Pillow (synthetic container)."""
    from PIL import Image

    seeds = _single(_skimage_file("multipage.tif"))
    png = _skimage_file("microaneurysms.png")
    if png is not None:
        out = folder / "fundus_crop.tif"
        with Image.open(png) as im:
            im.convert("RGB").save(out, compression="tiff_lzw")
        seeds += _single(out)
    return seeds


def _slide_seed(folder: Path) -> list[Seed]:
    """A small pyramidal TIFF of real H&E tiles (synthetic layout, app.demo.slide)."""
    from app.demo.slide import build_small_slide

    try:
        return _single(build_small_slide(folder / "slide.tiff", size=(1024, 768)))
    except FileNotFoundError:
        return []


def _annotation_seeds(folder: Path) -> tuple[list[Seed], list[Seed]]:
    """GeoJSON and ASAP XML written by our exporters (synthetic shapes)."""
    from app.annotations import make_feature, save_asap, save_geojson

    ring = [[100.0, 100.0], [400.0, 120.0], [380.0, 390.0], [90.0, 360.0], [100.0, 100.0]]
    cell = make_feature({"type": "Polygon", "coordinates": [ring]}, "cell", "Tumor", (200, 0, 0))
    cell["properties"]["nucleusGeometry"] = {"type": "Point", "coordinates": [250.0, 250.0]}
    cell["properties"]["measurements"] = {"Area": 8.5e4, "Circularity": 0.93}
    feats = [
        cell,
        make_feature({"type": "Point", "coordinates": [10, 20]}, "detection", "Lymphocyte"),
        make_feature({"type": "LineString", "coordinates": [[0, 0], [5, 9], [7, 1e6]]}),
        make_feature(
            {
                "type": "GeometryCollection",
                "geometries": [{"type": "MultiPoint", "coordinates": [[1, 2], [3, 4]]}],
            }
        ),  # fmt: skip
        make_feature({"type": "MultiPolygon", "coordinates": [[ring]]}, name="Region 1"),
    ]
    gj, asap = folder / "annotations.geojson", folder / "annotations.xml"
    save_geojson(gj, feats)
    save_asap(asap, feats)
    return _single(gj), _single(asap)


def build_seeds(folder: Path) -> list[Target]:
    folder.mkdir(parents=True, exist_ok=True)
    images = [_pydicom_file("CT_small.dcm"), _pydicom_file("examples_palette.dcm")]
    images += _relabelled(
        folder,
        (
            "MR_small_RLE.dcm",
            "image_dfl.dcm",
            "SC_rgb_rle_2frame.dcm",
            "MR_small_jp2klossless.dcm",
            "SC_rgb_jpeg_dcmtk.dcm",
            "JPEGLSNearLossless_08.dcm",
        ),
    )
    ecg = _ecg_seeds(folder)
    geojson, asap = _annotation_seeds(folder)
    targets = [
        Target("dicom-image", "dicom-image", "dicom", [s for p in images for s in _single(p)]),
        Target("dicom-ecg", "dicom-ecg", "dicom", _single(_pydicom_file("waveform_ecg.dcm"))),
        Target("wfdb", "wfdb", "text", ecg.get("wfdb", [])),
        Target("hl7-aecg", "hl7-aecg", "xml", ecg.get("hl7-aecg", [])),
        Target("ge-muse-xml", "ge-muse-xml", "xml", ecg.get("ge-muse-xml", [])),
        Target("ge-cardiosoft-xml", "ge-cardiosoft-xml", "xml", ecg.get("ge-cardiosoft-xml", [])),
        Target(
            "philips-sierra-xml", "philips-sierra-xml", "xml", ecg.get("philips-sierra-xml", [])
        ),
        Target("scp-ecg", "scp-ecg", "scp", ecg.get("scp-ecg", [])),
        Target("photo-jpeg", "fundus-photo", "jpeg", _single(_skimage_file("retina.jpg"))),
        Target("photo-png", "fundus-photo", "png", _single(_skimage_file("microaneurysms.png"))),
        Target("photo-tiff", "fundus-photo", "tiff", _tiff_seeds(folder)),
        Target("slide-tiff", "openslide", "tiff", _slide_seed(folder)),
        Target("geojson", "", "json", geojson),
        Target("asap-xml", "", "xml", asap),
    ]
    return [t for t in targets if t.seeds]


def copy_seed(seed: Seed, case_dir: Path) -> Path:
    case_dir.mkdir(parents=True, exist_ok=True)
    for name, src in seed.files.items():
        shutil.copyfile(src, case_dir / name)
    return case_dir / seed.primary


# -- what the application does with a file (runs in the worker) -------------
def _reader(name: str):
    from app.readers import REGISTRIES, load_builtin_readers

    load_builtin_readers()
    for reg in REGISTRIES.values():
        for r in reg.readers:
            if r.name == name:
                return r
    raise LookupError(f"no reader named {name!r}")


def _decode_images(reader, path: Path) -> None:
    """What the image viewer does: open the series, show the middle and the end frames."""
    from viewers.dicom.pixels import to_display

    src = reader.open([path])
    try:
        for index in {src.default_index, 0, len(src) - 1}:
            img = src.frame(index)
            if not img.rgb:
                to_display(img, *img.window, img.invert)
    finally:
        src.close()


def _decode_ecg(reader, path: Path) -> None:
    reader.open([path])
    if reader.name == "dicom-ecg":
        reader.open([path], want="median")


def _decode_slide(reader, path: Path) -> None:
    with reader.open([path]) as src:
        src.thumbnail(256)
        w, h = src.level_dimensions[0]
        src.read_region(0, 0, 0, 300, 300)
        src.read_region(0, max(0, w - 200), max(0, h - 200), 400, 400)
        last = src.level_count - 1
        lw, lh = src.level_dimensions[last]
        src.read_region(last, 0, 0, min(lw, 512), min(lh, 512), cached=False)
        for name in src.associated_names:
            src.associated_image(name)


def _decode_annotations(_reader, path: Path) -> None:
    from app.annotations import dumps_asap, load_annotations
    from app.annotations.geojson import dumps_geojson

    result = load_annotations(path)
    dumps_geojson(result.features)  # what autosave writes
    dumps_asap(result.features)


DECODERS = {
    "dicom-image": _decode_images,
    "photo-jpeg": _decode_images,
    "photo-png": _decode_images,
    "photo-tiff": _decode_images,
    "slide-tiff": _decode_slide,
    "geojson": _decode_annotations,
    "asap-xml": _decode_annotations,
}  # the ECG targets: _decode_ecg


def run_case(target: str, reader: str, path: Path) -> str:
    """Everything the application does with ``path``; "accepted" or an exception."""
    from app.readers.base import best_reader

    path = Path(path)
    best_reader(path)  # the importer's examine pass (must not hang or abort)
    found = _reader(reader) if reader else None
    if found is not None:
        found.read_meta(path)
    DECODERS.get(target, _decode_ecg)(found, path)
    return "accepted"
