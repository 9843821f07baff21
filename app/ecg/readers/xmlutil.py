"""XML helpers for ECG files; parsing itself is ``app.readers.xmlsafe``."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from app.readers.xmlsafe import parse_bytes, parse_xml

__all__ = ["number", "parse_bytes", "parse_xml", "text"]


def text(el: ET.Element | None, path: str, default: str = "") -> str:
    if el is None:
        return default
    found = el.find(path)
    if found is None or found.text is None:
        return default
    return found.text.strip()


def number(el: ET.Element | None, path: str) -> float | None:
    """The element's text as a float, or None when absent or not a number."""
    value = text(el, path)
    try:
        out = float(value)
    except ValueError:
        return None
    return out if out == out and abs(out) != float("inf") else None
