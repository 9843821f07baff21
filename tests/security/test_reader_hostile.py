"""Hostile files through the DICOM and photo readers: each class that
bench/fuzz_readers.py found uncaught now ends as the reader's clear error.

Every hostile file is built in the test from a real file others wrote
(pydicom and scikit-image test data); the mutation is named in each test.
"""

from __future__ import annotations

import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest

from app.readers.base import ReadError
from app.readers.limits import ReaderLimits, set_reader_limits


@pytest.fixture(autouse=True)
def default_limits():
    set_reader_limits(ReaderLimits())
    yield
    set_reader_limits(None)


def pydicom_file(name: str) -> Path:
    from pydicom.data import get_testdata_file

    path = get_testdata_file(name, download=False)
    if path is None:
        pytest.skip(f"pydicom test file {name} is not installed")
    return Path(path)


def skimage_file(name: str) -> Path:
    skimage = pytest.importorskip("skimage")
    path = Path(skimage.__file__).parent / "data" / name
    if not path.exists():
        pytest.skip(f"scikit-image data file {name} is not installed")
    return path


def nested_sequence(data: bytes, depth: int) -> bytes:
    """A private SQ nested ``depth`` items deep (explicit VR, undefined lengths)."""
    head = struct.pack("<HH", 0x0009, 0x1010) + b"SQ\0\0" + struct.pack("<I", 0xFFFFFFFF)
    item = struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF)
    ends = struct.pack("<HHI", 0xFFFE, 0xE00D, 0) + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)
    at = data.find(struct.pack("<HH", 0x0010, 0x0010))
    return data[:at] + (head + item) * depth + ends * depth + data[at:]


# -- DICOM -------------------------------------------------------------------
def test_deeply_nested_dicom_sequences_are_a_read_error(tmp_path):
    """Was RecursionError inside pydicom's sequence reader."""
    from app.ecg.readers import read_ecg
    from app.readers.dicom import DicomImageReader
    from app.readers.ecg import DicomEcgReader

    image = tmp_path / "nested.dcm"
    image.write_bytes(nested_sequence(pydicom_file("CT_small.dcm").read_bytes(), 5000))
    with pytest.raises(ReadError, match="nested too deeply"):
        DicomImageReader().read_meta(image)
    ecg = tmp_path / "nested_ecg.dcm"
    ecg.write_bytes(nested_sequence(pydicom_file("waveform_ecg.dcm").read_bytes(), 5000))
    with pytest.raises(ReadError, match="nested too deeply"):
        DicomEcgReader().read_meta(ecg)
    with pytest.raises(ReadError, match="nested too deeply"):
        read_ecg(ecg)


def test_absurd_element_length_is_refused_without_allocating_it(tmp_path):
    """Was MemoryError: a 4 GB length made Python allocate 4 GB before reading."""
    from app.readers.dicom import DicomImageReader
    from viewers.dicom.pixels import load_image

    data = pydicom_file("CT_small.dcm").read_bytes()
    at = data.find(struct.pack("<HH", 0x0010, 0x0010))
    element = struct.pack("<HH", 0x0009, 0x1011) + b"OB\0\0" + struct.pack("<I", 0xFFFFFFF0)
    path = tmp_path / "long.dcm"
    path.write_bytes(data[:at] + element + data[at:])
    tracemalloc.start()
    try:
        meta = DicomImageReader().read_meta(path)  # the element swallows the rest of the file
        with pytest.raises(ReadError, match="no valid size"):
            load_image(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20
    assert meta.extra["rows"] == 0


def test_damaged_value_is_a_read_error_where_the_file_is_read(tmp_path):
    """Was BytesLengthException later, when the header was first used (lazy conversion)."""
    from app.readers.dicom import DicomImageReader
    from viewers.dicom.pixels import load_image

    data = pydicom_file("CT_small.dcm").read_bytes()
    at = data.find(struct.pack("<HH", 0x0028, 0x0010) + b"US")
    rows = data[at : at + 6] + struct.pack("<H", 3) + data[at + 8 : at + 10] + b"\0"
    path = tmp_path / "odd.dcm"
    path.write_bytes(data[:at] + rows + data[at + 10 :])
    with pytest.raises(ReadError, match="BytesLengthException"):
        DicomImageReader().read_meta(path)
    with pytest.raises(ReadError, match="BytesLengthException"):
        load_image(path)


def deflated(meta_from: Path, body: bytes) -> bytes:
    """The file meta of a real deflated file followed by ``body`` as its dataset."""
    from pydicom.filebase import DicomBytesIO
    from pydicom.filereader import read_file_meta_info
    from pydicom.filewriter import write_file_meta_info

    meta = read_file_meta_info(meta_from)
    assert meta.TransferSyntaxUID == "1.2.840.10008.1.2.1.99"
    fp = DicomBytesIO()
    fp.write(b"\0" * 128 + b"DICM")
    write_file_meta_info(fp, meta, enforce_standard=True)
    return fp.getvalue() + body


def test_deflate_bomb_is_refused_before_it_inflates(tmp_path):
    """Was a hang (minutes parsing inflated zeros) or MemoryError."""
    from app.readers.dicom import DicomImageReader

    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    bomb = b"".join(comp.compress(b"\0" * 2**22) for _ in range(32)) + comp.flush()  # 128 MB
    path = tmp_path / "bomb.dcm"
    path.write_bytes(deflated(pydicom_file("image_dfl.dcm"), bomb))
    with pytest.raises(ReadError, match="zip bomb"):
        DicomImageReader().read_meta(path)
    set_reader_limits(ReaderLimits(max_decoded_bytes=2**20))
    with pytest.raises(ReadError, match="max_decoded_bytes"):
        DicomImageReader().read_meta(path)


def test_real_deflated_file_still_reads_and_a_cut_stream_is_a_read_error(tmp_path):
    """The cut stream was zlib.error; import refused every deflated file as truncated."""
    import pydicom

    from app.readers.dicom import DicomImageReader
    from viewers.dicom.pixels import load_image

    real = pydicom_file("image_dfl.dcm")
    assert load_image(real).pixels.size > 0
    ds = pydicom.dcmread(real)
    ds.Modality = "US"  # OT is not a modality the image reader takes
    us = tmp_path / "us.dcm"
    ds.save_as(us)
    assert DicomImageReader().read_meta(us).extra["rows"] == 512
    cut = tmp_path / "cut.dcm"
    cut.write_bytes(real.read_bytes()[:-600])
    with pytest.raises(ReadError):
        load_image(cut)


def test_absurd_image_size_is_refused_before_decoding(tmp_path):
    import pydicom

    from viewers.dicom.pixels import load_image

    ds = pydicom.dcmread(pydicom_file("MR_small_RLE.dcm"))
    ds.Rows = ds.Columns = 65535
    ds.NumberOfFrames = "2147483647"
    path = tmp_path / "huge.dcm"
    ds.save_as(path)
    with pytest.raises(ReadError, match="max_decoded_bytes"):
        load_image(path)


# -- photos ------------------------------------------------------------------
def photo_reader():
    from app.readers.photo import FundusPhotoReader

    return FundusPhotoReader()


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_jpeg_claiming_absurd_size_is_refused(tmp_path):
    """Was PIL's DecompressionBombError."""
    data = bytearray(skimage_file("retina.jpg").read_bytes())
    sof = data.find(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", 0xFFFF, 0xFFFF)
    path = tmp_path / "huge.jpg"
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="max_image_pixels"):
        photo_reader().read_meta(path)


def test_png_text_chunk_zip_bomb_is_refused(tmp_path):
    """Was ValueError from PIL's text-chunk decompression limit."""
    data = skimage_file("microaneurysms.png").read_bytes()
    bomb = png_chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"\0" * 2**25, 9))
    at = data.find(b"IDAT") - 4
    path = tmp_path / "bomb.png"
    path.write_bytes(data[:at] + bomb + data[at:])
    with pytest.raises(ReadError):
        photo_reader().read_meta(path)


def test_png_header_with_absurd_size_is_refused(tmp_path):
    from app.readers.photo import photo_pixels

    data = skimage_file("microaneurysms.png").read_bytes()
    ihdr = png_chunk(b"IHDR", struct.pack(">II", 100000, 100000) + data[24:29])
    path = tmp_path / "wide.png"
    path.write_bytes(data[:8] + ihdr + data[33:])
    with pytest.raises(ReadError, match="max_image_pixels"):
        photo_pixels(path)


def test_photo_pixel_limit_comes_from_settings(tmp_path, monkeypatch):
    from app.settings import Settings, save_settings

    retina = skimage_file("retina.jpg")
    assert photo_reader().read_meta(retina).extra["columns"] == 1411
    monkeypatch.setenv("HUIZHEN_HOME", str(tmp_path))
    save_settings(Settings(reader_limits={"max_image_pixels": 1_000_000, "bogus": 3}))
    set_reader_limits(None)  # re-read from settings
    with pytest.raises(ReadError, match="max_image_pixels"):
        photo_reader().read_meta(retina)


def test_pixels_of_a_real_photo_decode():
    from app.readers.photo import photo_pixels

    rgb = photo_pixels(skimage_file("microaneurysms.png"))
    assert rgb.shape == (102, 102, 3)
    assert rgb.dtype.name == "uint8" and rgb.std() > 0


def test_several_values_where_one_number_belongs_is_no_crash(tmp_path):
    """Rows/Columns with two values and a multi-valued StudyDate were TypeError in read_meta."""
    import pydicom

    from app.readers.dicom import DicomImageReader
    from viewers.dicom.pixels import load_image

    ds = pydicom.dcmread(pydicom_file("CT_small.dcm"))
    ds.Rows = [128, 7]
    ds.StudyDate = ["20040119", "20040120"]
    path = tmp_path / "multi.dcm"
    ds.save_as(path)
    meta = DicomImageReader().read_meta(path)
    assert meta.extra["rows"] == 0 and meta.study_time is not None  # falls back to another date
    with pytest.raises(ReadError, match="no valid size"):
        load_image(path)


def test_rle_decoder_panic_is_a_read_error():
    """Was pyo3's PanicException (a BaseException) from the Rust RLE decoder."""
    pytest.importorskip("rle")
    from viewers.dicom.pixels import load_image

    with pytest.raises(ReadError, match="PanicException"):
        load_image(Path(__file__).parent / "data" / "rle_panic.dcm")


def test_ecg_channel_value_that_is_not_a_number_is_a_read_error(tmp_path):
    """A damaged ChannelSensitivityCorrectionFactor ('q') was ValueError in read_dicom_ecg."""
    from app.ecg.readers import read_ecg

    data = bytearray(pydicom_file("waveform_ecg.dcm").read_bytes())
    at = data.find(struct.pack("<HH", 0x003A, 0x0212) + b"DS")
    length = struct.unpack("<H", data[at + 6 : at + 8])[0]
    data[at + 8 : at + 8 + length] = b"q".ljust(length)
    path = tmp_path / "q.dcm"
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="ChannelSensitivityCorrectionFactor is not a number"):
        read_ecg(path)
