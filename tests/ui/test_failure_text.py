"""Why a save or export failed, in the user's language: disk and system errors by
their errno, a reader's error by its coded reason, anything else as the program's text."""

from __future__ import annotations

import errno
import os
import re

import pytest

from app.readers.base import ReadError
from app.readers.reasons import ReadReason
from ui.failure_text import BY_ERRNO, failure_reason
from ui.report.texts import error_text

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_a_real_missing_folder_is_told_plainly(tmp_path, qapp):
    with pytest.raises(OSError) as caught:
        (tmp_path / "gone" / "report.pdf").write_bytes(b"x")  # the OS's own error
    text = failure_reason(caught.value)
    assert text.startswith("the folder or file no longer exists")
    assert str(tmp_path / "gone" / "report.pdf") in text


@pytest.mark.parametrize("code", sorted(BY_ERRNO))
def test_each_disk_error_reads_in_chinese(code, zh):
    err = OSError(code, os.strerror(code), "D:/报告/a.pdf")
    text = failure_reason(err)
    assert CJK.search(text) and os.strerror(code) not in text
    assert text.endswith("(D:/报告/a.pdf)")


def test_a_full_disk_in_a_report_refusal(zh):
    text = error_text(OSError(errno.ENOSPC, "No space left on device"))
    assert text == "未完成：磁盘已满，请清理空间后重试"


def test_a_readers_error_uses_its_coded_sentence(zh):
    err = ReadError("no leads", kind="corrupt", reason=ReadReason("no_waveform"))
    assert CJK.search(failure_reason(err)) and "no leads" not in failure_reason(err)


def test_anything_else_keeps_the_programs_text(qapp):
    assert failure_reason(ValueError("bad value 7")) == "bad value 7"
