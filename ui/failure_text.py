"""Why an action failed, in the user's language.

A save, export or settings write that fails says so with a translated prefix ("Not
saved: %1"); this fills %1.  A disk or system error is told by its errno (the same
numbers on Windows: Python maps the Windows error codes to them), a reader's error
by its coded reason; anything else keeps the program's own (English) text, which
is then the only technical detail a user may pass on to IT.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CTX = "FailureText"

BY_ERRNO: dict[int, str] = {
    errno.ENOSPC: QT_TRANSLATE_NOOP("FailureText", "the disk is full; free some space and try again"),
    errno.EACCES: QT_TRANSLATE_NOOP(
        "FailureText", "no permission to write there; choose another folder or ask IT"),
    errno.EPERM: QT_TRANSLATE_NOOP(
        "FailureText", "no permission to write there; choose another folder or ask IT"),
    errno.EROFS: QT_TRANSLATE_NOOP(
        "FailureText", "the disk is read-only; choose another folder"),
    errno.ENOENT: QT_TRANSLATE_NOOP(
        "FailureText", "the folder or file no longer exists (a removed USB drive?)"),
    errno.EIO: QT_TRANSLATE_NOOP(
        "FailureText", "the disk reported an error (a failing or removed drive?)"),
}  # fmt: skip


def failure_reason(err: BaseException) -> str:
    """The reason an action failed, for a translated "... failed: %1" message."""
    if isinstance(err, OSError) and err.errno in BY_ERRNO:
        text = QCoreApplication.translate(_CTX, BY_ERRNO[err.errno])
        name = err.filename if isinstance(err.filename, str) else ""
        return f"{text} ({name})" if name else text
    if getattr(err, "kind", None):  # a reader's error: its sentence in the user's language
        from ui.read_errors import error_parts

        return error_parts(err)[0]
    return str(err)
