"""The tests' waits are failure bounds a loaded CI machine cannot hit: every Qt wait
(waitUntil, waitSignal, ...) says its time-out and gives at least 60 s, the context-manager
ones are used in a ``with`` block (a bare ``qtbot.waitExposed(w)`` returns at once), and
every plain httpx call says its time-out (httpx's default is 5 s).  A short bound failed the
whole suite under load (the report helper's 20 s wait in the STEMI loop e2e)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
QT_WAITS = {"waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive"}
HTTPX_CALLS = {"get", "post", "put", "patch", "delete", "request", "stream", "Client"}
CONTEXT_WAITS = QT_WAITS - {"waitUntil"}  # context managers: a bare call waits for nothing
FLOOR_MS = 60_000


def _short_waits(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr in CONTEXT_WAITS
        ):
            found.append((node.lineno, f"{node.value.func.attr} called outside a with block"))
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        kw = {k.arg: k.value for k in node.keywords}
        if None in kw:  # **options: cannot tell
            continue
        name = node.func.attr
        if name in QT_WAITS:
            timeout = kw.get("timeout")
            if timeout is None:
                found.append((node.lineno, f"{name} without a timeout (5 s default)"))
            elif isinstance(timeout, ast.Constant) and timeout.value < FLOOR_MS:
                found.append((node.lineno, f"{name} timeout={timeout.value} ms"))
        elif (
            name in HTTPX_CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "httpx"
            and "timeout" not in kw
        ):
            found.append((node.lineno, f"httpx.{name} without a timeout (5 s default)"))
    return found


def test_every_wait_in_the_tests_is_a_generous_bound():
    short = []
    for path in sorted(TESTS.rglob("*.py")):
        for line, what in _short_waits(ast.parse(path.read_bytes())):
            short.append(f"{path.relative_to(TESTS.parent)}:{line}: {what}")
    assert not short, "waits a loaded machine can outlast:\n" + "\n".join(short)


def test_the_check_sees_a_short_wait():
    code = "qtbot.waitUntil(f, timeout=5000)\nwith qtbot.waitSignal(s):\n    pass\nhttpx.get(u)\n"
    assert sorted(line for line, _ in _short_waits(ast.parse(code))) == [1, 2, 4]
    bare = "qtbot.waitExposed(w, timeout=60_000)\n"
    assert [what for _, what in _short_waits(ast.parse(bare))] == [
        "waitExposed called outside a with block"
    ]
    fine = "qtbot.waitUntil(f, timeout=60_000)\nhttpx.get(u, timeout=30)\n"
    assert _short_waits(ast.parse(fine)) == []
