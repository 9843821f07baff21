"""Which files a path stands for: a file, a folder (walked), or a DICOMDIR (what it references)."""

from __future__ import annotations

import os
from pathlib import Path

from app.imaging.problems import SeriesProblem
from app.readers.base import ReadError
from app.readers.reasons import ReadReason

SKIP_SUFFIXES = {".txt", ".json", ".md", ".html", ".xml", ".pdf", ".png", ".jpg", ".jpeg"}


def is_dicomdir(path: Path) -> bool:
    return path.name.upper() in ("DICOMDIR", "DICOMDIR.") and path.is_file()


def _case_insensitive(root: Path, parts: list[str]) -> Path | None:
    """``root/parts`` as written, or matched ignoring case (CD file names are upper case)."""
    exact = root.joinpath(*parts)
    if exact.exists():
        return exact
    here = root
    for part in parts:
        try:
            names = {p.name.upper(): p for p in here.iterdir()}
        except OSError:
            return None
        here = names.get(part.upper())
        if here is None:
            return None
    return here


def dicomdir_files(path: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """Image files a DICOMDIR references (and the ones it names that are missing)."""
    from app.readers.dicom_io import read_dicom

    ds = read_dicom(path)
    records = ds.get("DirectoryRecordSequence")
    if records is None:
        raise ReadError(
            f"{path.name}: a DICOMDIR without directory records",
            "corrupt",
            ReadReason("dicomdir_empty"),
        )
    files, missing, seen = [], [], set()
    for rec in records:
        ref = rec.get("ReferencedFileID")
        if not ref:
            continue
        parts = [str(ref)] if isinstance(ref, str) else [str(p) for p in ref]
        found = _case_insensitive(path.parent, parts)
        label = "/".join(parts)
        if found is None:
            missing.append((label, SeriesProblem("not_on_disc")))
        elif found not in seen:
            seen.add(found)
            files.append(found)
    return files, missing


def expand(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to read for ``paths``; (name, reason) for what cannot be."""
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if is_dicomdir(p):
            try:
                got, missing = dicomdir_files(p)
            except ReadError as err:
                problems.append((p.name, str(err)))
                continue
            files.extend(got)
            problems.extend(missing)
        elif p.is_dir():
            dicomdir = [c for c in p.iterdir() if is_dicomdir(c)]
            if dicomdir:
                got, missing = expand(dicomdir)
                files.extend(got)
                problems.extend(missing)
                continue
            for dirpath, _dirs, names in os.walk(p):
                for name in sorted(names):
                    f = Path(dirpath) / name
                    if f.suffix.lower() not in SKIP_SUFFIXES and not name.startswith("."):
                        files.append(f)
        elif p.is_file():
            files.append(p)
        else:
            problems.append((str(p), SeriesProblem("no_such_path")))
    return files, problems
