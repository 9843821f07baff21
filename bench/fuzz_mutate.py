"""Mutations for the reader fuzz harness (``bench/fuzz_readers.py``).

Every mutation takes the seed bytes and a seeded ``random.Random`` and
returns new bytes, so a case is reproducible from (reader, index, seed).
Generic mutations (bit flips, byte insert/delete, truncation, chunk
duplication, 16/32-bit length fields blown up) apply to every format; the
format-aware ones aim at the classes of hostile input issue 13 lists: deep
nesting (XML, JSON, DICOM sequences, GeoJSON geometry collections), huge
numbers and exponents, odd encodings (UTF-7, UTF-16), PNG zip bombs and
absurd image sizes in TIFF/PNG/JPEG/DICOM headers.
"""

from __future__ import annotations

import io
import random
import re
import struct
import zlib

BIG = (0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 0x10000000, 0)


def bit_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 16))):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def byte_set(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 2, 8))):
        out[rng.randrange(len(out))] = rng.choice((0, 0xFF, 0x7F, 0x80, rng.randrange(256)))
    return bytes(out)


def insert_bytes(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    blob = bytes(rng.randrange(256) for _ in range(rng.choice((1, 2, 4, 64))))
    return data[:i] + blob + data[i:]


def delete_bytes(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.choice((1, 2, 4, 64, 1024)) :]


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data))]


def duplicate_chunk(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data))
    chunk = data[i : i + rng.choice((4, 16, 256, 4096))]
    j = rng.randrange(len(data) + 1)
    return data[:j] + chunk * rng.choice((1, 2, 50)) + data[j:]


def blow_length(data: bytes, rng: random.Random) -> bytes:
    """Overwrite a 16- or 32-bit field (a length, offset or count) with a huge value."""
    out = bytearray(data)
    limit = min(len(out), 8192) if rng.random() < 0.7 else len(out)  # headers live early
    for _ in range(rng.choice((1, 1, 3))):
        i = rng.randrange(max(1, limit - 4))
        if rng.random() < 0.5:
            out[i : i + 4] = struct.pack("<I" if rng.random() < 0.5 else ">I", rng.choice(BIG))
        else:
            out[i : i + 2] = struct.pack("<H", rng.choice((0xFFFF, 0x8000, 0)))
    return bytes(out[: len(data)])


GENERIC = (bit_flip, byte_set, insert_bytes, delete_bytes, truncate, duplicate_chunk, blow_length)


# -- text formats (XML, JSON, WFDB headers) ----------------------------------
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
HUGE_NUMBERS = (
    b"1e999999999",
    b"-1e400",
    b"9" * 5000,
    b"1" + b"0" * 400,
    b"NaN",
    b"inf",
    b"-0",
    b"0",
    b"4294967296",
    b"18446744073709551617",
    b"1e-400",
    b"0x7fffffff",
)


def huge_number(data: bytes, rng: random.Random) -> bytes:
    spots = list(_NUMBER.finditer(data[:200000]))
    if not spots:
        return bit_flip(data, rng)
    out = data
    for m in sorted(
        rng.sample(spots, min(len(spots), rng.choice((1, 3)))), key=lambda m: -m.start()
    ):
        out = out[: m.start()] + rng.choice(HUGE_NUMBERS) + out[m.end() :]
    return out


def odd_encoding(data: bytes, rng: random.Random) -> bytes:
    """Re-encode text (UTF-7, UTF-16, UTF-32, a bogus codec name, a stray BOM)."""
    text = data.decode("latin-1")
    choice = rng.randrange(5)
    if choice == 0:
        body = re.sub(r"encoding=['\"][^'\"]*['\"]", 'encoding="UTF-7"', text, count=1)
        return body.encode("utf-7")
    if choice == 1:
        return text.encode("utf-16")
    if choice == 2:
        return text.encode("utf-32")
    if choice == 3:
        return re.sub(r"encoding=['\"][^'\"]*['\"]", 'encoding="x-no-such"', text, count=1).encode(
            "latin-1"
        )
    return b"\xef\xbb\xbf\xfe\xff" + data


def xml_nest(data: bytes, rng: random.Random) -> bytes:
    """Deeply nested elements inside the root (and sometimes an entity bomb)."""
    depth = rng.choice((1000, 20000, 200000))
    m = re.search(rb"<([A-Za-z_][\w:.-]*)[^>]*?(?<!/)>", data[data.find(b"?>") + 1 :])
    if rng.random() < 0.15:  # billion laughs in an internal DTD subset
        ents = b"".join(b'<!ENTITY e%d "%s">' % (i + 1, b"&e%d;" % i * 10) for i in range(8))
        bomb = b'<!DOCTYPE r [<!ENTITY e0 "aaaaaaaaaa">' + ents + b"]>"
        at = data.find(b"?>") + 2 if b"?>" in data[:200] else 0
        root = m.group(1) if m else b"r"
        return (
            data[:at]
            + bomb.replace(b"DOCTYPE r", b"DOCTYPE " + root)
            + data[at:].replace(b">", b">&e8;", 2)
        )
    if not m:
        return b"<a>" * depth + data + b"</a>" * depth
    cut = data.find(b"?>") + 1 + m.end()
    tag = rng.choice((b"component", b"a", b"Waveform", b"Annotation", b"series"))
    open_, close = b"<" + tag + b">", b"</" + tag + b">"
    return data[:cut] + open_ * depth + close * depth + data[cut:]


def json_nest(data: bytes, rng: random.Random) -> bytes:
    """Deep arrays/objects, or a deeply nested GeometryCollection, spliced in."""
    depth = rng.choice((500, 5000, 100000))
    kind = rng.randrange(3)
    if kind == 0:
        blob = b"[" * depth + b"]" * depth
    elif kind == 1:
        blob = b'{"a":' * depth + b"1" + b"}" * depth
    else:
        blob = (b'{"type":"GeometryCollection","geometries":[' * depth) + (
            b'{"type":"Point","coordinates":[1,2]}' + b"]}" * depth
        )
    for key in (b'"geometry":', b'"properties":', b'"metadata":', b'"coordinates":'):
        i = data.find(key)
        if i >= 0 and rng.random() < 0.6:
            j = i + len(key)
            end = _json_value_end(data, j)
            return data[:j] + blob + data[end:]
    return b'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":' + blob + b"}]}"


def _json_value_end(data: bytes, j: int) -> int:
    depth, k, in_str = 0, j, False
    while k < len(data):
        c = data[k : k + 1]
        if in_str:
            if c == b"\\":
                k += 1
            elif c == b'"':
                in_str = False
        elif c == b'"':
            in_str = True
        elif c in b"[{":
            depth += 1
        elif c in b"]}":
            if depth == 0:
                return k
            depth -= 1
            if depth == 0:
                return k + 1
        elif c == b"," and depth == 0:
            return k
        k += 1
    return k


# -- binary image formats ----------------------------------------------------
def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(data: bytes, rng: random.Random) -> bytes:
    """zTXt/iCCP zip bomb, or IHDR with absurd dimensions, before the first IDAT."""
    if not data.startswith(b"\x89PNG") or len(data) < 33:
        return blow_length(data, rng)
    kind = rng.randrange(3)
    if kind == 2:  # absurd IHDR size (CRC fixed so the decoder believes it)
        w, h = rng.choice(((0x7FFFFFFF, 0x7FFFFFFF), (100000, 100000), (1, 0x7FFFFFFF), (0, 0)))
        body = struct.pack(">II", w, h) + data[24:29]
        return data[:8] + _png_chunk(b"IHDR", body) + data[33:]
    bomb = zlib.compress(b"\0" * rng.choice((2**24, 2**27)), 9)
    chunk = (
        _png_chunk(b"zTXt", b"Comment\0\0" + bomb)
        if kind == 0
        else _png_chunk(b"iCCP", b"icc\0\0" + bomb)
    )
    i = data.find(b"IDAT") - 4
    return data[:i] + chunk + data[i:]


def jpeg_size(data: bytes, rng: random.Random) -> bytes:
    """Absurd or zero frame size in the SOF marker."""
    for marker in (b"\xff\xc0", b"\xff\xc2", b"\xff\xc1"):
        i = data.find(marker)
        if i >= 0:
            out = bytearray(data)
            out[i + 5 : i + 9] = struct.pack(
                ">HH", rng.choice((0xFFFF, 0, 1)), rng.choice((0xFFFF, 0))
            )
            return bytes(out)
    return blow_length(data, rng)


def tiff_tags(data: bytes, rng: random.Random) -> bytes:
    """Overwrite the value of random IFD entries (sizes, tile sizes, offsets, counts)."""
    try:
        import tifffile
    except ImportError:
        return blow_length(data, rng)
    try:
        with tifffile.TiffFile(io.BytesIO(data)) as tf:
            entries = [
                (tag.valueoffset, tag.dtype, tag.count)
                for page in tf.pages
                for tag in page.tags.values()
                if tag.code in (256, 257, 273, 279, 322, 323, 324, 325, 277, 258, 259, 262, 330)
            ]
            little = tf.byteorder == "<"
    except Exception:
        return blow_length(data, rng)
    if not entries:
        return blow_length(data, rng)
    out = bytearray(data)
    for offset, dtype, count in rng.sample(entries, min(len(entries), rng.choice((1, 2, 4)))):
        size = 2 if dtype == 3 else 4
        if dtype == 16:
            size = 8
        value = rng.choice((0, 1, 0xFFFF, 0x7FFFFFFF, 0xFFFFFFFF, 0x10000, 65536 * 16))
        pos = offset + size * rng.randrange(max(1, min(count, 64)))
        fmt = {2: "H", 4: "I", 8: "Q"}[size]
        value &= (1 << (8 * size)) - 1
        out[pos : pos + size] = struct.pack(("<" if little else ">") + fmt, value)
    return bytes(out)


FORMAT_MUTATIONS = {
    "xml": (huge_number, odd_encoding, xml_nest),
    "json": (huge_number, odd_encoding, json_nest),
    "text": (huge_number, odd_encoding),
    "png": (png_bomb,),
    "jpeg": (jpeg_size,),
    "tiff": (tiff_tags,),
    "dicom": (),  # DICOM-aware mutations need pydicom: see bench/fuzz_dicom.py
}


def mutate(data: bytes, kind: str, rng: random.Random, extra=()) -> tuple[bytes, str]:
    """One mutated copy of ``data`` and the mutation's name: half the time format-aware."""
    if not data:
        return b"\0", "empty"
    aware = tuple(FORMAT_MUTATIONS.get(kind, ())) + tuple(extra)
    if aware and rng.random() < 0.5:
        fn = rng.choice(aware)
        return fn(data, rng), fn.__name__
    fn = rng.choice(GENERIC)
    out, name = fn(data, rng), fn.__name__
    if rng.random() < 0.2:  # stack a second generic mutation now and then
        fn = rng.choice(GENERIC)
        out, name = fn(out or b"\0", rng), f"{name}+{fn.__name__}"
    return out, name
