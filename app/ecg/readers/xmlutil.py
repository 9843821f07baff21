"""Safe XML parsing for ECG files (stdlib only, no DTDs or entities)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from app.readers.base import ReadError

MAX_XML_BYTES = 64 * 1024 * 1024


def parse_xml(path: Path) -> ET.Element:
    """Parse ``path`` with namespaces stripped from tags; refuses DTDs/entities."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_XML_BYTES:
            raise ReadError(f"XML file is too large ({size // 2**20} MB)")
        raw = Path(path).read_bytes()
    except OSError as err:
        raise ReadError(f"cannot read {Path(path).name}: {err}") from err
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise ReadError("XML files with a DOCTYPE or entities are refused for safety")
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as err:
        raise ReadError(f"the XML is damaged or truncated ({err})") from err
    for el in root.iter():
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]
        for key in list(el.attrib):
            if "}" in key:
                el.attrib[key.split("}", 1)[1]] = el.attrib.pop(key)
    return root


def text(el: ET.Element | None, path: str, default: str = "") -> str:
    if el is None:
        return default
    found = el.find(path)
    if found is None or found.text is None:
        return default
    return found.text.strip()
