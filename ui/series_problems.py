"""What is wrong with a DICOM series (``app.imaging.problems.SeriesProblem``) in the
user's language: each code has a translated template whose %1..%n take the
problem's params; a count is a Qt plural (%n), so English reads "1 slice" and
"3 slices".  A problem without a known code (stored as plain text, or from
elsewhere) is shown as its text."""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.imaging.problems import code_of
from ui.coded_text import substitute

# code -> the param that is the plural count (%n) of its template
COUNTS = {
    "files_unreadable": "count",
    "non_image_objects": "count",
    "instances_unreadable": "count",
    "mixed_sizes": "others",
    "several_orientations": "others",
    "duplicate_slices": "count",
    "missing_slices": "count",
    "slices_undecoded": "count",
}


class SeriesProblems(QObject):
    """The translated templates (context ``SeriesProblems``): (template, the params
    that fill %1, %2, ...); ``n`` is the count of the plural ones."""

    def templates(self, n: int) -> dict[str, tuple[str, tuple[str, ...]]]:
        return {
            "files_unreadable": (self.tr(
                "%n file(s) could not be read and are not shown", "", n), ()),
            "non_image_objects": (self.tr(
                "%n object(s) are not images (reports, key images, "
                "display settings) and are not shown as images", "", n), ()),
            "instances_unreadable": (self.tr(
                "%n image(s) on the server have no readable header and are not shown", "", n),
                ()),
            "orientations_2d": (self.tr(
                "Images in %1 different orientations: shown one by one as 2D images "
                "(no MPR or 3D)"), ("stacks",)),
            "mixed_sizes": (self.tr(
                "Images of different sizes (%1 groups): the largest group (%2 × %3) is shown, "
                "%n other image(s) are not", "", n), ("stacks", "columns", "rows")),
            "several_orientations": (self.tr(
                "Images in several orientations (%1 groups): the largest group is shown, "
                "%n other image(s) are not", "", n), ("stacks",)),
            "no_position": (self.tr(
                "Some images have no position in their header: ordered by image number"), ()),
            "duplicate_slices": (self.tr(
                "%n slice(s) appear twice at the same position: the first of each is shown",
                "", n), ()),
            "missing_slices": (self.tr(
                "Slices missing: a gap of %1 mm after image %2 (slice spacing %3 mm; "
                "about %n slice(s) missing)", "", n), ("gap", "after", "spacing")),
            "uneven_spacing": (self.tr(
                "Uneven slice spacing (%1 to %2 mm): MPR and 3D use %3 mm"),
                ("low", "high", "spacing")),
            "gantry_tilt": (self.tr(
                "Gantry tilt of %1°: the slices are sheared; MPR and 3D shift them onto "
                "a straight grid"), ("degrees",)),
            "no_pixel_spacing": (self.tr(
                "No pixel spacing in the header: distances are in pixels, not mm"), ()),
            "slices_undecoded": (self.tr(
                "%n slice(s) could not be decoded and are shown blank", "", n), ()),
            "memory_budget": (self.tr(
                "The series needs %1 MB, more than the %2 MB of memory for images: one slice "
                "in %3 is loaded (%4 of %5; see Settings, Memory for images)"),
                ("mb", "budget", "step", "kept", "total")),
            "another_stack": (self.tr(
                "belongs to another group of images (different size or orientation)"), ()),
            "duplicate_position": (self.tr("same position as another slice (a duplicate)"), ()),
            "overlay_object": (self.tr("a segmentation, drawn over the images"), ()),
            "burned_in": (self.tr(
                "text burned into the pixels may name the patient: not exported anonymised"), ()),
            "not_on_disc": (self.tr(
                "listed in the disc index (DICOMDIR) but not on the disc"), ()),
            "no_such_path": (self.tr("no such file or folder"), ()),
        }  # fmt: skip

    def separator(self) -> str:
        return self.tr("; ")


def problem_text(problem: object) -> str:
    """One series problem in the user's language (text without a known code unchanged)."""
    code = code_of(problem)
    count = problem.params.get(COUNTS.get(code, ""), -1) if code else -1  # type: ignore[attr-defined]
    entry = SeriesProblems().templates(int(count)).get(code) if code else None
    if entry is None:
        return str(problem)
    return substitute(entry[0], entry[1], problem.shown_values())  # type: ignore[attr-defined]


def skipped_text(reason: object) -> str:
    """Why a file was left out, in the user's language: a series problem, a coded read
    error reason, else the text as it is."""
    from app.readers.reasons import ReadReason
    from ui.read_errors import reason_text

    if isinstance(reason, ReadReason):
        return reason_text(reason) or str(reason)
    return problem_text(reason)


def problems_text(problems: list) -> list[str]:
    """Each problem in the user's language, a repeated one once."""
    return list(dict.fromkeys(problem_text(p) for p in problems))


def joined(problems: list) -> str:
    """The problems in the user's language on one line ("" for none)."""
    return SeriesProblems().separator().join(problems_text(problems))
