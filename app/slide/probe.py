"""Decode a few tiles of a slide in a throw-away process before trusting it.

A slide library that aborts (GLib's failed allocation, a decoder's assert)
takes the whole process with it; nothing in Python can catch that.  At import
``probe_slide`` opens the file in a "spawn" child, reads the top-left and
centre tile of every level and the associated images, and reports how the
child ended.  A child that dies by a signal, runs out of its memory limit or
hangs past ``timeout`` makes the slide refused with a reason; the workstation
itself never decodes a slide that failed the probe.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

PROBE_TILE = 256
CHILD_MEMORY = 8 << 30  # address-space limit of the probe child (POSIX)
DEFAULT_TIMEOUT = 120.0


class ProbeError(Exception):
    """The slide crashed, hung or failed in the probe; the message says how."""


def _limit_memory() -> None:
    if sys.platform == "win32":  # no RLIMIT_AS on Windows: the child still dies alone
        return
    import resource

    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = CHILD_MEMORY if hard == resource.RLIM_INFINITY else min(CHILD_MEMORY, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        pass


def _read_everywhere(path: str) -> None:
    """Decode a few tiles per level: OpenSlide straight (no checks in front), else wsidicom."""
    import openslide

    try:
        slide = openslide.OpenSlide(path)
    except Exception:  # noqa: BLE001 - not for OpenSlide: the slide source picks wsidicom
        slide = None
    if slide is None:
        _read_with_source(path)
        return
    try:
        for level, (w, h) in enumerate(slide.level_dimensions):
            ds = slide.level_downsamples[level]
            size = (min(PROBE_TILE, w), min(PROBE_TILE, h))
            mid = (max(0, w // 2 - PROBE_TILE // 2), max(0, h // 2 - PROBE_TILE // 2))
            for x, y in ((0, 0), mid):
                slide.read_region((round(x * ds), round(y * ds)), level, size)
        for name in list(slide.associated_images.keys()):
            slide.associated_images[name]
    finally:
        slide.close()


def _read_with_source(path: str) -> None:
    from app.slide.source import SlideSource, TileCache

    src = SlideSource(path, cache=TileCache(32 << 20))
    try:
        for level, (w, h) in enumerate(src.level_dimensions):
            tw, th = min(PROBE_TILE, w), min(PROBE_TILE, h)
            for x, y in ((0, 0), (max(0, w // 2 - tw // 2), max(0, h // 2 - th // 2))):
                src.read_region(level, x, y, tw, th, cached=False)
        for name in src.associated_names:
            if name != "thumbnail":
                src.associated_image(name)
    finally:
        src.close()


def _child(path: str, conn) -> None:
    _limit_memory()
    try:
        _read_everywhere(path)
    except MemoryError:
        conn.send("the slide asks for more memory than a slide can need")
    except Exception as err:  # noqa: BLE001 - reported to the parent as text
        conn.send(f"{type(err).__name__}: {err}")
    else:
        conn.send("")
    finally:
        conn.close()


def _describe_exit(code: int | None) -> str:
    if code is None:
        return "did not finish"
    if code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"crashed the slide library ({name})"
    return f"stopped the slide library (exit status {code})"


def probe_slide(path: str | os.PathLike, timeout: float = DEFAULT_TIMEOUT) -> None:
    """Raise ``ProbeError`` unless a child process can open and decode ``path``."""
    ctx = multiprocessing.get_context("spawn")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(str(Path(path)), send), daemon=True)
    proc.start()
    send.close()
    try:
        message = None
        if recv.poll(timeout):
            try:
                message = recv.recv()
            except EOFError:  # the child died before it could answer
                message = None
        proc.join(5 if message is not None else 0.5)
        if proc.is_alive():
            proc.kill()
            proc.join()
            if message is None:
                raise ProbeError(f"reading the slide took longer than {timeout:g} s")
        if message is None:
            raise ProbeError(f"decoding the slide {_describe_exit(proc.exitcode)}")
        if message:
            raise ProbeError(f"the slide cannot be decoded: {message}")
    finally:
        recv.close()
