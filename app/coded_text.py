"""Texts the application builds for people, kept as a code and its params (Qt-free).

A ``CodedText`` *is* its English text (a ``str`` subclass: logs, the CLI, JSON
and everything that stored or compared the text keep working) and carries the
``code`` and ``params`` (JSON-able data) the UI translates it from.  Each kind
of text subclasses it with its own ``english`` table: code -> ``str.format``
template over the params (format specs allowed; lists are joined with ", ").
Text without a code (stored before codes existed, or from a file) is shown as
it is.
"""

from __future__ import annotations

import string
from typing import Any, ClassVar


class CodedText(str):
    english: ClassVar[dict[str, str]] = {}
    code: str
    params: dict[str, Any]

    def __new__(cls, code: str, **params: Any):
        if code not in cls.english:
            raise KeyError(f"unknown {cls.__name__} code {code!r}")
        obj = super().__new__(cls, cls.english[code].format(**shown_params(params)))
        obj.code = code
        obj.params = params
        return obj

    def __reduce__(self):  # pickled across worker processes with its code
        return (_rebuild, (type(self), self.code, self.params))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, {str(self)!r})"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: object):
        """The coded text stored by ``to_dict``, or None when ``data`` is not one."""
        if not isinstance(data, dict) or data.get("code") not in cls.english:
            return None
        try:
            return cls(data["code"], **dict(data.get("params") or {}))
        except (KeyError, ValueError, TypeError, IndexError):
            return None

    @classmethod
    def fields(cls, code: str) -> list[str]:
        """The param names ``code``'s English template uses, in order."""
        return [f for _, f, _, _ in string.Formatter().parse(cls.english[code]) if f]

    def shown_values(self) -> dict[str, str]:
        """Each param as the English template shows it ("24.0", "I, II"): what a
        translated template puts in its places."""
        values = shown_params(self.params)
        return {
            f: format(values[f], spec or "")
            for _, f, spec, _ in string.Formatter().parse(self.english[self.code])
            if f
        }


def _rebuild(cls, code: str, params: dict[str, Any]):
    return cls(code, **params)


def shown_params(params: dict[str, Any]) -> dict[str, Any]:
    """Params ready for a template: lists joined with ", "."""
    return {
        k: ", ".join(str(x) for x in v) if isinstance(v, (list, tuple)) else v
        for k, v in params.items()
    }


def code_of(text: object) -> str:
    """The code of a coded text, or "" for plain text."""
    return getattr(text, "code", "") or ""
