"""How much a file may make a reader allocate or nest (issue 13: hostile input).

A file's header can claim anything: 65535 x 65535 pixels, a zip stream that
inflates to terabytes, elements nested a million deep.  Readers check those
claims against these limits before they allocate or recurse and refuse the
file with a ``ReadError`` that says which limit it broke.

The defaults suit a clinical workstation.  An administrator can change them
in ``settings.json`` (``"reader_limits": {"max_image_pixels": 400000000}``);
unknown keys and values that are not positive integers are ignored.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, fields, replace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReaderLimits:
    # pixels of one decoded photo frame (PIL's decompression-bomb limit); a 40 MP
    # fundus camera is far below
    max_image_pixels: int = 200_000_000
    # bytes of one decoded DICOM frame, and of an inflated (deflated transfer
    # syntax) DICOM dataset
    max_decoded_bytes: int = 2 * 2**30
    # how many times a deflated DICOM dataset (above 64 MB) may grow when inflated:
    # real ones shrink 3-50x; a zip bomb reaches ~1000x and then parses for minutes
    max_inflate_ratio: int = 200
    # nesting depth of XML elements, JSON arrays/objects and GeoJSON geometry
    max_nesting: int = 100
    # size of one XML or JSON file (annotation files with 200k cells are ~150 MB)
    max_text_bytes: int = 512 * 2**20


DEFAULT_LIMITS = ReaderLimits()
_current: ReaderLimits | None = None


def _from_settings() -> ReaderLimits:
    try:
        from app.settings import load_settings

        raw = getattr(load_settings(), "reader_limits", {}) or {}
    except Exception as err:  # limits must never stop a reader: fall back to defaults
        log.warning("reader limits not read from settings (%s); using defaults", err)
        return DEFAULT_LIMITS
    known = {f.name for f in fields(ReaderLimits)}
    chosen = {
        k: v
        for k, v in raw.items()
        if k in known and isinstance(v, int) and not isinstance(v, bool) and v > 0
    }
    return replace(DEFAULT_LIMITS, **chosen)


def reader_limits() -> ReaderLimits:
    """The limits in force (settings read once per process)."""
    global _current
    if _current is None:
        _current = _from_settings()
    return _current


def set_reader_limits(value: ReaderLimits | None) -> None:
    """Use ``value`` from now on; None re-reads the settings at the next use."""
    global _current
    _current = value


def nesting_depth(value: object, limit: int) -> int:
    """Depth of nested lists/dicts in ``value``, counted without recursion.

    Stops counting as soon as ``limit`` is passed (returns ``limit + 1``).
    """
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list | tuple))
    return deepest
