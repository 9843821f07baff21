"""Coded texts (``app.coded_text.CodedText``) in the user's language: a code's
translated template with %1..%n filled from its params in a fixed order."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

_PLACE = re.compile(r"%(\d)")


def fill(context: str, template: str, fields: tuple[str, ...], values: dict[str, str]) -> str:
    """``template`` translated in ``context``, %i replaced by ``values[fields[i-1]]``
    (in one pass, so a value holding "%2" stays as it is)."""
    return substitute(QCoreApplication.translate(context, template), fields, values)


def substitute(text: str, fields: tuple[str, ...], values: dict[str, str]) -> str:
    """``text`` (already translated) with %i replaced by ``values[fields[i-1]]``, in one pass."""

    def place(m: re.Match) -> str:
        i = int(m.group(1)) - 1
        return values.get(fields[i], "") if 0 <= i < len(fields) else m.group(0)

    return _PLACE.sub(place, text)
