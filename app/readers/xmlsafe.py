"""Safe XML parsing for every reader (stdlib expat, no entities, no external fetches).

Real device exports carry a document type line (GE MUSE:
``<!DOCTYPE RestingECG SYSTEM "restecg.dtd">``); that line is accepted.  What
makes XML dangerous is refused, as defusedxml does: an internal DTD subset,
any entity declaration (billion laughs, XXE), external entity references and
unparsed entities.  The named external DTD is never fetched.  Nesting depth
and file size are bounded by ``app.readers.limits``; odd encodings (UTF-7,
unknown codec names) are refused as damaged files.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from app.readers.base import ReadError
from app.readers.limits import reader_limits
from app.readers.reasons import ReadReason


class _Refused(Exception):
    pass


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _refuse(what: str):
    def handler(*_args):
        raise _Refused(what)

    return handler


def parse_bytes(raw: bytes) -> ET.Element:
    """Parse ``raw`` into an element tree with namespaces stripped from names."""
    builder = ET.TreeBuilder()
    depth = 0
    max_depth = reader_limits().max_nesting
    parser = expat.ParserCreate(namespace_separator="}")

    def start(tag, attrs):
        nonlocal depth
        depth += 1
        if depth > max_depth:
            raise _Refused(f"elements nested deeper than {max_depth} levels")
        builder.start(_local(tag), {_local(k): v for k, v in attrs.items()})

    def end(tag):
        nonlocal depth
        depth -= 1
        builder.end(_local(tag))

    def doctype(_name, _sysid, _pubid, has_internal_subset):
        if has_internal_subset:
            raise _Refused("a DOCTYPE with an internal subset")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = _refuse("entity declarations")
    parser.UnparsedEntityDeclHandler = _refuse("unparsed entities")
    parser.ExternalEntityRefHandler = _refuse("external entities")
    parser.SkippedEntityHandler = _refuse("references to undeclared entities")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(raw, True)
        return builder.close()
    except _Refused as err:
        raise ReadError(
            f"XML with {err} is refused for safety", reason=ReadReason("xml_unsafe")
        ) from err
    except (expat.ExpatError, ValueError) as err:  # ValueError: UTF-7 and other multi-byte
        raise ReadError(
            f"the XML is damaged or truncated ({err})", reason=ReadReason("xml_damaged")
        ) from err
    except LookupError as err:  # an encoding declaration Python does not know
        raise ReadError(
            f"the XML declares an unknown encoding ({err})", reason=ReadReason("xml_damaged")
        ) from err
    except RecursionError as err:
        raise ReadError("the XML is nested too deeply", reason=ReadReason("xml_damaged")) from err


def parse_xml(path: Path) -> ET.Element:
    """Parse ``path`` with namespaces stripped from tags; refuses entities."""
    try:
        size = Path(path).stat().st_size
        limit = reader_limits().max_text_bytes
        if size > limit:
            raise ReadError(
                f"XML file is too large ({size // 2**20} MB; reader limit max_text_bytes "
                f"is {limit // 2**20} MB)",
                reason=ReadReason("too_large_mb", mb=size // 2**20, limit=limit // 2**20),
            )
        raw = Path(path).read_bytes()
    except OSError as err:
        name = Path(path).name
        raise ReadError(
            f"cannot read {name}: {err}", reason=ReadReason("cannot_read", name=name)
        ) from err
    return parse_bytes(raw)
