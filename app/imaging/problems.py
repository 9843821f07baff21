"""Coded problems of a DICOM series (Qt-free).

What ``app.imaging.series`` finds wrong with a series (``SeriesInfo.problems``:
gantry tilt, missing or duplicated slices, several stacks...), why one of its
files was left out (``SeriesInfo.skipped``), what the volume could not decode
(``Volume.skipped``) and the paths ``app.imaging.files.expand`` cannot read are
a ``SeriesProblem`` (``app.coded_text.CodedText``): a stable ``code`` and its
``params`` that *is* the English text logs, the CLI and JSON show.  The UI
translates it by code (``ui.series_problems``), with plural forms where a count
appears.

Every code and its English wording are defined here, once: ``ENGLISH`` maps a
code to a ``str.format`` template over its params.
"""

from __future__ import annotations

from app.coded_text import CodedText, code_of

ENGLISH: dict[str, str] = {
    # the series (SeriesInfo.problems)
    "files_unreadable": "{count} file(s) could not be read: skipped",
    "non_image_objects": "{count} non-image object(s) in the series, not shown as images",
    "instances_unreadable": "{count} instance(s) without a readable header",
    "orientations_2d": (
        "images in {stacks} orientations: shown one by one as 2D images "
        "(no MPR or 3D for this series)"
    ),
    "mixed_sizes": (
        "mixed image sizes: {stacks} stacks in one series; showing the largest "
        "({kept} images of {columns}x{rows}), {others} other image(s) skipped"
    ),
    "several_orientations": (
        "several orientations: {stacks} stacks in one series; showing the largest "
        "({kept} images of {columns}x{rows}), {others} other image(s) skipped"
    ),
    "no_position": "some images have no position: ordered by instance number",
    "duplicate_slices": (
        "{count} duplicated slice(s) at the same position: the first of each kept"
    ),
    "missing_slices": (
        "missing slices: gap of {gap:.2f} mm after slice {after} "
        "(spacing {spacing:.2f} mm; about {count} slice(s) missing)"
    ),
    "uneven_spacing": (
        "uneven slice spacing ({low:.2f} to {high:.2f} mm): the volume uses {spacing:.2f} mm"
    ),
    "gantry_tilt": (
        "gantry tilt of {degrees:.1f} degrees: slices are sheared; MPR, 3D and "
        "reformatted renders shift them onto an orthogonal grid (app.imaging.tilt)"
    ),
    "no_pixel_spacing": "no pixel spacing in the header: distances are in pixels, not mm",
    # the volume (Volume.skipped)
    "slices_undecoded": "{count} slice(s) could not be decoded",
    "memory_budget": (
        "the series needs {mb:.0f} MB, more than the {budget:.0f} MB imaging memory budget: "
        "every {step}th slice loaded ({kept} of {total}; setting imaging_memory_mb)"
    ),
    # why a file or frame was left out of the series (SeriesInfo.skipped)
    "another_stack": "another stack (different size or orientation)",
    "duplicate_position": "duplicate position (same slice again)",
    "overlay_object": "holds no image (SEG object, drawn over the images)",  # headers.NO_IMAGE
    # a file the anonymised export left out (app.imaging.anonymise)
    "burned_in": (
        "burned-in annotation: text in the pixels may name the patient; not exported anonymised"
    ),
    # paths that cannot be read (app.imaging.files.expand)
    "not_on_disc": "named in the DICOMDIR but not on the disc",
    "no_such_path": "no such file or folder",
}


class SeriesProblem(CodedText):
    """What is wrong with a series: English text carrying its ``code`` and ``params``."""

    english = ENGLISH


__all__ = ["ENGLISH", "SeriesProblem", "code_of"]
