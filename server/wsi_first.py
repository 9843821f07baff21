"""The first view of a converted slide: its smallest pyramid levels' tiles, kept per slide.

A viewer opening a slide first shows the whole slide fitted to the screen,
which for a 40k x 40k slide is the 1280 px level (9 tiles of 512 px).  So that
opening costs one round trip, ``GET /objects/{id}/wsi?first=1`` sends the tile
layout followed by the tiles of the smallest levels (smallest first, while
they add up to at most ``FIRST_TILES`` tiles and ``FIRST_BYTES`` bytes), in
their stored syntax (JPEG as the scanner wrote it).

The tiles are fetched from the PACS once (by the PACS worker right after the
conversion, or on the first request) and kept beside the layout as one file
(``wsi/<id>.first``: an index line of compact JSON, then the tiles' bytes one
after the other), written atomically; a lost or torn file is rebuilt.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

FIRST_TILES = 24  # a 40k slide: levels of 1, 4 and 9 tiles (320, 640, 1280 px)
FIRST_BYTES = 4 << 20


def first_path(layout_file: Path) -> Path:
    return layout_file.with_suffix(".first")


def first_cells(layout: dict) -> list[tuple[int, int, int, str, int]]:
    """(level, col, row, SOP Instance UID, frame) of the smallest levels' tiles, within
    ``FIRST_TILES``; whole levels only, smallest first."""
    sops = layout["instances"]
    out: list[tuple[int, int, int, str, int]] = []
    for level in range(len(layout["levels"]) - 1, -1, -1):
        tiles = layout["levels"][level]["tiles"]
        if len(out) + len(tiles) > FIRST_TILES:
            break
        out += [(level, c, r, sops[i], f) for c, r, i, f in tiles]
    return out


def read_first(path: Path) -> tuple[dict, bytes] | None:
    """The kept first tiles: (index, their bytes), or None when missing or unreadable."""
    try:
        raw = path.read_bytes()
        head, _, data = raw.partition(b"\n")
        index = json.loads(head)
        if sum(t[3] for t in index["tiles"]) != len(data):
            return None
        return index, data
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def build_first(layout: dict, frame) -> tuple[dict, bytes]:
    """Fetch the first tiles with ``frame(sop, number) -> (bytes, syntax)``; a tile that
    would pass ``FIRST_BYTES`` ends the list there (its level stays partly streamed)."""
    tiles, parts, syntax, size = [], [], "", 0
    for level, col, row, sop, number in first_cells(layout):
        data, syntax_here = frame(sop, number)
        if size + len(data) > FIRST_BYTES or (syntax and syntax_here != syntax):
            break
        syntax = syntax_here
        tiles.append([level, col, row, len(data)])
        parts.append(data)
        size += len(data)
    return {"syntax": syntax, "tiles": tiles}, b"".join(parts)


def save_first(path: Path, index: dict, data: bytes) -> None:
    """Write the index line and the bytes, atomically (the file is whole or absent)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".first.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(json.dumps(index, separators=(",", ":")).encode() + b"\n" + data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def first_tiles(layout_file: Path, layout_raw: bytes, frame) -> tuple[dict, bytes]:
    """The kept first tiles of a slide, fetched and kept when not there yet."""
    path = first_path(layout_file)
    kept = read_first(path)
    if kept is not None:
        return kept
    index, data = build_first(json.loads(layout_raw), frame)
    save_first(path, index, data)
    return index, data


def pacs_tiles(backend, study: str, series: str, patient: str):
    """``frame(sop, number) -> (bytes, syntax)`` reading the slide's own series in the PACS."""
    from server.dicominfo import DicomInfo
    from server.dicomweb import pacs_frame

    def frame(sop: str, number: int) -> tuple[bytes, str]:
        return pacs_frame(backend, DicomInfo(study, series, sop, patient_id=patient), number)

    return frame


def keep_first(sync, object_id: int, study: str, series: str, patient: str, layout: dict) -> None:
    """Worker, after a conversion: fetch and keep the first tiles (a failure is only logged:
    the first request fetches them)."""
    import logging

    from server.pacs_wsi import layout_path

    try:
        frame = pacs_tiles(sync.backend, study, series, patient)
        index, data = build_first(layout, frame)
        save_first(first_path(layout_path(sync.files, object_id)), index, data)
    except Exception as err:  # noqa: BLE001 - the PACS, a disk: kept on the first request
        logging.getLogger("huizhen.server.pacs").warning(
            "first tiles of slide %s: %s", object_id, err
        )
